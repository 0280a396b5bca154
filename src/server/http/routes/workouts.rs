//! `/workouts` and `/workouts/{id}`: the training log over REST. Adapters over
//! `server::services::log`; another user's workout id answers 404.

use axum::Json;
use axum::http::StatusCode;

use crate::domain::pagination::{PageRequest, Paginated};
use crate::domain::training::WorkoutSource;
use crate::domain::workout::{WorkoutInput, WorkoutPatch};
use crate::server::auth::Caller;
use crate::server::db::workouts;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, PageQuery};
use crate::server::http::routes::{ItemId, deleted, found};
use crate::server::services::log::{self, LogError, WorkoutDetail};
use crate::server::services::recompute::delete_workout;

impl From<LogError> for ApiError {
    fn from(err: LogError) -> Self {
        match err {
            LogError::Invalid(errors) => ApiError::validation(errors),
            LogError::UnknownExercises(unknown) => {
                let message = unknown
                    .first()
                    .map(|u| u.message.clone())
                    .unwrap_or_default();
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    "unknown_exercise",
                    message,
                )
                .with_details(unknown)
            }
            LogError::Db(e) => ApiError::from(e),
        }
    }
}

/// Logs a workout. Exercises may be slugs, ids, or names/aliases in English or Hebrew.
#[utoipa::path(post, path = "/api/v1/workouts", tag = "workouts", request_body = WorkoutInput, responses(
    (status = 201, description = "The stored workout with its sets, points, new records and achievements", body = WorkoutDetail),
    (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
    (status = 422, description = "Invalid values, or an unknown exercise (details carry ranked suggestions)", body = ErrorBody)))]
pub async fn create(
    Caller(state, p): Caller,
    ApiJson(input): ApiJson<WorkoutInput>,
) -> Result<(StatusCode, Json<log::LoggedWorkout>), ApiError> {
    let logged = log::log_workout(&state.db, &p.user, &input, WorkoutSource::Form).await?;
    Ok((StatusCode::CREATED, Json(logged)))
}

/// The user's workouts, most recent first.
#[utoipa::path(get, path = "/api/v1/workouts", tag = "workouts", params(PageRequest), responses(
    (status = 200, body = Paginated<workouts::WorkoutRow>), (status = 401, body = ErrorBody)))]
pub async fn list(
    Caller(state, p): Caller,
    PageQuery(page): PageQuery,
) -> Result<Json<Paginated<workouts::WorkoutRow>>, ApiError> {
    let (items, total) = workouts::list(&state.db, &p.user.id, page).await?;
    Ok(Json(Paginated::new(items, page, total)))
}

/// One workout with its sets.
#[utoipa::path(get, path = "/api/v1/workouts/{id}", tag = "workouts", params(("id" = String, Path)), responses(
    (status = 200, body = WorkoutDetail), (status = 404, body = ErrorBody)))]
pub async fn get(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
) -> Result<Json<WorkoutDetail>, ApiError> {
    found(log::detail(&state.db, &p.user.id, &id).await?)
}

/// Changes a workout. Absent fields keep their value; `"name": null` or `"notes": null` clears;
/// `exercises` (same shape as when logging) replaces every set. Points, records, streaks and
/// achievements are recomputed; the answer carries what became new.
#[utoipa::path(patch, path = "/api/v1/workouts/{id}", tag = "workouts", params(("id" = String, Path)),
    request_body = WorkoutPatch, responses(
    (status = 200, description = "The changed workout with its sets, points, new records and achievements", body = WorkoutDetail),
    (status = 400, body = ErrorBody), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
    (status = 422, description = "Invalid values, or an unknown exercise (details carry ranked suggestions); nothing is changed", body = ErrorBody)))]
pub async fn patch(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    ApiJson(input): ApiJson<WorkoutPatch>,
) -> Result<Json<log::LoggedWorkout>, ApiError> {
    found(log::edit_workout(&state.db, &p.user, &id, &input).await?)
}

/// Deletes a workout; points, records, streaks and achievements are recomputed.
#[utoipa::path(delete, path = "/api/v1/workouts/{id}", tag = "workouts", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(Caller(state, p): Caller, ItemId(id): ItemId) -> Result<StatusCode, ApiError> {
    deleted(delete_workout(&state.db, &p.user, &id).await?)
}
