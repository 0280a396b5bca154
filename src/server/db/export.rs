//! `GET /me/export`: everything stored about one user, as JSON. Secrets (password hash,
//! token hashes, session tokens) are never exported.

use super::{Db, Id, on_db};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::scoring::records::RecordType;

#[derive(Serialize, sqlx::FromRow)]
pub struct ExportedRecord {
    pub exercise_id: Id,
    #[sqlx(try_from = "String")]
    pub record_type: RecordType,
    pub value: f64,
    pub unit: String,
    pub achieved_at: DateTime<Utc>,
    pub set_id: Option<Id>,
}

pub async fn personal_records(db: &Db, user_id: &Id) -> Result<Vec<ExportedRecord>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, ExportedRecord>(
        "SELECT exercise_id, record_type, value, unit, achieved_at, set_id FROM personal_records
         WHERE user_id = $1 ORDER BY exercise_id, record_type")
        .bind(user_id).fetch_all(pool).await)
}

#[derive(Serialize, sqlx::FromRow)]
pub struct ExportedAchievement {
    pub code: String,
    pub name_en: String,
    pub name_he: String,
    pub earned_at: DateTime<Utc>,
}

pub async fn achievements(db: &Db, user_id: &Id) -> Result<Vec<ExportedAchievement>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, ExportedAchievement>(
        "SELECT code, name_en, name_he, earned_at FROM achievements WHERE user_id = $1 ORDER BY earned_at, code")
        .bind(user_id).fetch_all(pool).await)
}
