//! The `user_facts` table: the coach's memory of each user. Every query filters on `user_id`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Db, Id, now, on_db};
use crate::domain::chat::facts::{FactKind, FactSource};

#[derive(Clone, Debug, Serialize, sqlx::FromRow)]
pub struct Fact {
    pub id: Id,
    #[sqlx(try_from = "String")]
    pub kind: FactKind,
    pub text: String,
    #[sqlx(try_from = "String")]
    pub source: FactSource,
    pub message_id: Option<Id>,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, kind, text, source, message_id, created_at";

pub async fn create(
    db: &Db,
    user_id: &Id,
    kind: FactKind,
    text: &str,
    source: FactSource,
    message_id: Option<&Id>,
) -> Result<Fact, sqlx::Error> {
    let sql = format!(
        "INSERT INTO user_facts (id, user_id, kind, text, source, message_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
    );
    on_db!(db, pool => sqlx::query_as::<_, Fact>(&sql)
        .bind(Id::new()).bind(user_id).bind(kind.as_str()).bind(text).bind(source.as_str()).bind(message_id).bind(now())
        .fetch_one(pool).await)
}

/// Oldest first.
pub async fn list(db: &Db, user_id: &Id) -> Result<Vec<Fact>, sqlx::Error> {
    let sql =
        format!("SELECT {COLUMNS} FROM user_facts WHERE user_id = $1 ORDER BY created_at, id");
    on_db!(db, pool => sqlx::query_as::<_, Fact>(&sql).bind(user_id).fetch_all(pool).await)
}

pub async fn count(db: &Db, user_id: &Id) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM user_facts WHERE user_id = $1")
        .bind(user_id).fetch_one(pool).await)
}

/// `false` when the fact is not the user's.
pub async fn update(
    db: &Db,
    user_id: &Id,
    id: &Id,
    kind: FactKind,
    text: &str,
) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, pool => sqlx::query("UPDATE user_facts SET kind = $3, text = $4 WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user_id).bind(kind.as_str()).bind(text).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

pub async fn delete(db: &Db, user_id: &Id, id: &Id) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, pool => sqlx::query("DELETE FROM user_facts WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
