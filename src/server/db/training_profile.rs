//! `users.training_profile`: the typed training profile (`domain::profile`), read and written
//! apart from the account row that every request loads.

use sqlx::types::Json;

use super::{Db, Id, now, on_db};
use crate::domain::profile::TrainingProfile;

/// The user's profile (the defaults when they never set one).
pub async fn get(db: &Db, user_id: &Id) -> Result<TrainingProfile, sqlx::Error> {
    let stored: Option<Json<TrainingProfile>> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT training_profile FROM users WHERE id = $1")
        .bind(user_id).fetch_optional(pool).await)?;
    Ok(stored.map(|j| j.0).unwrap_or_default())
}

pub async fn set(db: &Db, user_id: &Id, profile: &TrainingProfile) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query(
        "UPDATE users SET training_profile = $2, updated_at = $3 WHERE id = $1")
        .bind(user_id).bind(Json(profile)).bind(now()).execute(pool).await.map(|_| ()))
}
