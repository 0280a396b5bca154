//! `/goals`: goals with live progress computed from the log; the first completion is recorded.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;

use crate::domain::goals::{GoalInput, GoalPatch};
use crate::domain::pagination::Paginated;
use crate::server::auth::CurrentUser;
use crate::server::db::goals;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::http::routes::path_id;
use crate::server::services::goals::{GoalError, GoalView, create_goal, update_goal, view, views};
use crate::server::state::AppState;

/// Sets a goal.
#[utoipa::path(post, path = "/api/v1/goals", tag = "goals", request_body = GoalInput, responses(
    (status = 201, body = GoalView), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
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
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
) -> Result<Json<Paginated<GoalView>>, ApiError> {
    let rows = goals::list(&state.db, &p.user.id).await?;
    let items = views(&state.db, &p.user, rows).await?;
    Ok(Json(Paginated::whole(items)))
}

/// One goal with its progress.
#[utoipa::path(get, path = "/api/v1/goals/{id}", tag = "goals", params(("id" = String, Path)), responses(
    (status = 200, body = GoalView), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<GoalView>, ApiError> {
    view(&state.db, &p.user, &path_id(&id)?)
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// Changes a goal's target or end date, or pauses it (`is_active: false`).
#[utoipa::path(patch, path = "/api/v1/goals/{id}", tag = "goals", params(("id" = String, Path)), request_body = GoalPatch, responses(
    (status = 200, body = GoalView), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
    ApiJson(change): ApiJson<GoalPatch>,
) -> Result<Json<GoalView>, ApiError> {
    match update_goal(&state.db, &p.user, &path_id(&id)?, &change).await {
        Ok(Some(view)) => Ok(Json(view)),
        Ok(None) => Err(ApiError::not_found()),
        Err(GoalError::Invalid(errors)) => Err(ApiError::validation(errors)),
        Err(GoalError::Db(e)) => Err(e.into()),
    }
}

/// Deletes a goal.
#[utoipa::path(delete, path = "/api/v1/goals/{id}", tag = "goals", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if goals::delete(&state.db, &p.user.id, &path_id(&id)?).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}
