//! The `achievements` table, read side: what each user has earned. Achievements are derived
//! data, written only by `server::services::recompute`.

use chrono::{DateTime, Utc};

use super::{Db, Id, on_db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EarnedRow {
    pub code: String,
    pub name_en: String,
    pub name_he: String,
    pub earned_at: DateTime<Utc>,
}

/// Newest first.
pub async fn list(db: &Db, user_id: &Id) -> Result<Vec<EarnedRow>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, EarnedRow>(
        "SELECT code, name_en, name_he, earned_at FROM achievements WHERE user_id = $1 ORDER BY earned_at DESC, code")
        .bind(user_id).fetch_all(pool).await)
}
