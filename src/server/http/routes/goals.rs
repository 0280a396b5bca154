//! `/goals`: goals with live progress computed from the log; the first completion is recorded.

use axum::Json;
use axum::http::StatusCode;

use crate::domain::goals::{GoalInput, GoalPatch};
use crate::domain::pagination::Paginated;
use crate::server::auth::Caller;
use crate::server::db::goals;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::http::routes::{ItemId, deleted, found};
use crate::server::services::goals::{GoalError, GoalView, create_goal, update_goal, view, views};

/// Sets a goal.
#[utoipa::path(post, path = "/api/v1/goals", tag = "goals", request_body = GoalInput, responses(
    (status = 201, body = GoalView), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    Caller(state, p): Caller,
    ApiJson(input): ApiJson<GoalInput>,
) -> Result<(StatusCode, Json<GoalView>), ApiError> {
    match create_goal(&state.db, &p.user, &input).await {
        Ok(view) => Ok((StatusCode::CREATED, Json(view))),
        Err(GoalError::Invalid(errors)) => Err(ApiError::validation(errors)),
        Err(GoalError::Db(e)) => Err(e.into()),
    }
}

/// Every goal with its live progress.
#[utoipa::path(get, path = "/api/v1/goals", tag = "goals", responses(
    (status = 200, body = Paginated<GoalView>), (status = 401, body = ErrorBody)))]
pub async fn list(Caller(state, p): Caller) -> Result<Json<Paginated<GoalView>>, ApiError> {
    let rows = goals::list(&state.db, &p.user.id).await?;
    let items = views(&state.db, &p.user, rows).await?;
    Ok(Json(Paginated::whole(items)))
}

/// One goal with its progress.
#[utoipa::path(get, path = "/api/v1/goals/{id}", tag = "goals", params(("id" = String, Path)), responses(
    (status = 200, body = GoalView), (status = 404, body = ErrorBody)))]
pub async fn get(Caller(state, p): Caller, ItemId(id): ItemId) -> Result<Json<GoalView>, ApiError> {
    found(view(&state.db, &p.user, &id).await?)
}

/// Changes a goal's target or end date, or pauses it (`is_active: false`).
#[utoipa::path(patch, path = "/api/v1/goals/{id}", tag = "goals", params(("id" = String, Path)), request_body = GoalPatch, responses(
    (status = 200, body = GoalView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    ApiJson(change): ApiJson<GoalPatch>,
) -> Result<Json<GoalView>, ApiError> {
    match update_goal(&state.db, &p.user, &id, &change).await {
        Ok(Some(view)) => Ok(Json(view)),
        Ok(None) => Err(ApiError::not_found()),
        Err(GoalError::Invalid(errors)) => Err(ApiError::validation(errors)),
        Err(GoalError::Db(e)) => Err(e.into()),
    }
}

/// Deletes a goal.
#[utoipa::path(delete, path = "/api/v1/goals/{id}", tag = "goals", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(Caller(state, p): Caller, ItemId(id): ItemId) -> Result<StatusCode, ApiError> {
    deleted(goals::delete(&state.db, &p.user.id, &id).await?)
}
