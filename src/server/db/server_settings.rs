//! Instance-wide values shared by every instance on one database, such as the generated
//! secret key.

use super::{Db, now, on_db};

/// Stores `value` under `key` unless a value is already there; returns the stored value, so
/// two instances starting at once agree on one.
pub async fn get_or_insert(db: &Db, key: &str, value: &str) -> Result<String, sqlx::Error> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO server_settings (key, value, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING")
        .bind(key).bind(value).bind(now()).execute(pool).await.map(|_| ()))?;
    on_db!(db, pool => sqlx::query_scalar::<_, String>("SELECT value FROM server_settings WHERE key = $1")
        .bind(key).fetch_one(pool).await)
}

pub async fn get(db: &Db, key: &str) -> Result<Option<String>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar::<_, String>("SELECT value FROM server_settings WHERE key = $1")
        .bind(key).fetch_optional(pool).await)
}

pub async fn put(db: &Db, key: &str, value: &str) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query(
        "INSERT INTO server_settings (key, value, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at")
        .bind(key).bind(value).bind(now()).execute(pool).await.map(|_| ()))
}
