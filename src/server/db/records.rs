//! The `personal_records` table, read side: each user's current records with their exercise's
//! names. Records are derived data, written only by `server::services::recompute`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Db, Id, on_db};
use crate::domain::scoring::records::{Record, RecordType};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct RecordRow {
    #[schema(value_type = String)]
    pub exercise_id: Id,
    pub exercise_slug: String,
    pub exercise_name_en: String,
    pub exercise_name_he: String,
    #[sqlx(try_from = "String")]
    pub record_type: RecordType,
    pub value: f64,
    /// kg, reps, s or m.
    pub unit: String,
    pub achieved_at: DateTime<Utc>,
    #[schema(value_type = Option<String>)]
    pub set_id: Option<Id>,
}

/// The user's records, optionally for one exercise, by exercise name then type.
pub async fn list(
    db: &Db,
    user_id: &Id,
    exercise_id: Option<&Id>,
) -> Result<Vec<RecordRow>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, RecordRow>(
        "SELECT r.exercise_id, e.slug AS exercise_slug, e.name_en AS exercise_name_en, e.name_he AS exercise_name_he,
                r.record_type, r.value, r.unit, r.achieved_at, r.set_id
         FROM personal_records r JOIN exercises e ON e.id = r.exercise_id
         WHERE r.user_id = $1 AND ($2 IS NULL OR r.exercise_id = $2)
         ORDER BY e.name_en, r.record_type")
        .bind(user_id).bind(exercise_id).fetch_all(pool).await)
}

/// The records held by these sets (what a just-logged workout set).
pub async fn for_sets(
    db: &Db,
    user_id: &Id,
    set_ids: &[Id],
) -> Result<Vec<RecordRow>, sqlx::Error> {
    Ok(list(db, user_id, None)
        .await?
        .into_iter()
        .filter(|r| r.set_id.as_ref().is_some_and(|s| set_ids.contains(s)))
        .collect())
}

/// The SELECT that reads a user's records as stored (`$1` = user id), for [`StoredRecord`].
pub const SELECT_STORED: &str = "SELECT exercise_id, record_type, value, set_id, achieved_at FROM personal_records WHERE user_id = $1";

/// A record as stored, before it is known to still hold a set.
#[derive(sqlx::FromRow)]
pub struct StoredRecord {
    exercise_id: Id,
    #[sqlx(try_from = "String")]
    record_type: RecordType,
    value: f64,
    set_id: Option<Id>,
    achieved_at: DateTime<Utc>,
}

/// Stored rows as domain records (a record whose set is gone holds nothing and is skipped).
pub fn to_records(stored: Vec<StoredRecord>) -> Vec<Record<Id>> {
    stored
        .into_iter()
        .filter_map(|r| {
            Some(Record {
                exercise_id: r.exercise_id,
                record_type: r.record_type,
                value: r.value,
                set_id: r.set_id?,
                achieved_at: r.achieved_at,
            })
        })
        .collect()
}

/// The user's records as stored. A change that deletes sets also deletes the records they held,
/// so a caller that wants to tell news from a record falling back reads these first.
pub async fn stored(db: &Db, user_id: &Id) -> Result<Vec<Record<Id>>, sqlx::Error> {
    let rows: Vec<StoredRecord> = on_db!(db, pool => sqlx::query_as::<_, StoredRecord>(SELECT_STORED)
        .bind(user_id).fetch_all(pool).await)?;
    Ok(to_records(rows))
}
