//! The `exercise_aliases` table: a user's own words for an exercise, folded with
//! `domain::catalog::normalize` and unique per user (a new answer replaces the old one).

use super::{Db, Id, is_unique_violation, now, on_db};
use crate::domain::catalog::normalize;

/// The exercise `words` are this user's alias for.
pub async fn exercise_for(db: &Db, user_id: &Id, words: &str) -> Result<Option<Id>, sqlx::Error> {
    let alias = normalize(words);
    on_db!(db, pool => sqlx::query_scalar::<_, Id>(
        "SELECT exercise_id FROM exercise_aliases WHERE user_id = $1 AND alias = $2")
        .bind(user_id).bind(alias).fetch_optional(pool).await)
}

/// Remembers `words` as the user's name for `exercise_id`.
pub async fn learn(
    db: &Db,
    user_id: &Id,
    words: &str,
    exercise_id: &Id,
) -> Result<(), sqlx::Error> {
    let alias = normalize(words);
    if alias.is_empty() || alias.chars().count() > 100 {
        return Ok(());
    }
    let inserted = on_db!(db, pool => sqlx::query(
        "INSERT INTO exercise_aliases (id, user_id, exercise_id, alias, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(Id::new()).bind(user_id).bind(exercise_id).bind(&alias).bind(now()).execute(pool).await.map(|_| ()));
    match inserted {
        Ok(()) => Ok(()),
        Err(e) if is_unique_violation(&e) => on_db!(db, pool => sqlx::query(
            "UPDATE exercise_aliases SET exercise_id = $3 WHERE user_id = $1 AND alias = $2")
            .bind(user_id).bind(&alias).bind(exercise_id).execute(pool).await.map(|_| ())),
        Err(e) => Err(e),
    }
}

/// One of the user's words for an exercise, as the account export lists it.
#[derive(Clone, Debug, serde::Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ExportedAlias {
    pub alias: String,
    pub exercise_slug: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

pub async fn all_for_user(db: &Db, user_id: &Id) -> Result<Vec<ExportedAlias>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, ExportedAlias>(
        "SELECT a.alias, e.slug AS exercise_slug, a.created_at FROM exercise_aliases a
         JOIN exercises e ON e.id = a.exercise_id WHERE a.user_id = $1 ORDER BY a.created_at")
        .bind(user_id).fetch_all(pool).await)
}
