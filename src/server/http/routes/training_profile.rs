//! `GET|PATCH /me/profile`: the training profile the coach plans with (fitness level, liked
//! and avoided exercises, injuries, notification switches, rep ranges, bar and plates).

use axum::Json;

use crate::domain::profile::{TrainingProfile, TrainingProfilePatch};
use crate::server::auth::Caller;
use crate::server::db::training_profile;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;

/// The signed-in user's training profile.
#[utoipa::path(get, path = "/api/v1/me/profile", tag = "me", responses(
    (status = 200, body = TrainingProfile), (status = 401, body = ErrorBody)))]
pub async fn get(Caller(state, p): Caller) -> Result<Json<TrainingProfile>, ApiError> {
    Ok(Json(training_profile::get(&state.db, &p.user.id).await?))
}

/// Changes some of the training profile; absent fields keep their value.
#[utoipa::path(patch, path = "/api/v1/me/profile", tag = "me", request_body = TrainingProfilePatch,
    responses((status = 200, body = TrainingProfile), (status = 400, body = ErrorBody),
    (status = 401, body = ErrorBody),
    (status = 422, description = "An exercise not in the catalog, an impossible rep range or plate", body = ErrorBody)))]
pub async fn patch(
    Caller(state, p): Caller,
    ApiJson(patch): ApiJson<TrainingProfilePatch>,
) -> Result<Json<TrainingProfile>, ApiError> {
    let current = training_profile::get(&state.db, &p.user.id).await?;
    let next = current.apply(&patch).map_err(ApiError::field)?;
    training_profile::set(&state.db, &p.user.id, &next).await?;
    Ok(Json(next))
}
