//! `/workouts` and `/exercises`: the training log over REST. Adapters over
//! `server::training`; another user's workout id answers 404.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::domain::catalog::{Candidate, catalog, match_exercise};
use crate::domain::custom_exercise::CustomExerciseInput;
use crate::domain::pagination::{PageRequest, Paginated};
use crate::domain::scoring::stats::Period;
use crate::domain::training::WorkoutSource;
use crate::domain::workout::{WorkoutInput, WorkoutPatch};
use crate::server::auth::CurrentUser;
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::records::{self, RecordRow};
use crate::server::db::workouts;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, ApiQuery};
use crate::server::http::routes::path_id;
use crate::server::state::AppState;
use crate::server::training::exercises::{Added, ExerciseError, add_custom};
use crate::server::training::log::{self, LogError, WorkoutDetail, local_day_fn};
use crate::server::training::recompute::delete_workout;
use crate::server::training::stats::{self as training_stats, Stats};

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
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiJson(input): ApiJson<WorkoutInput>,
) -> Result<(StatusCode, Json<log::LoggedWorkout>), ApiError> {
    let logged = log::log_workout(&state.db, &p.user, &input, WorkoutSource::Form).await?;
    Ok((StatusCode::CREATED, Json(logged)))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct WorkoutList {
    pub items: Vec<workouts::WorkoutRow>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// The user's workouts, most recent first.
#[utoipa::path(get, path = "/api/v1/workouts", tag = "workouts", params(ListQuery), responses(
    (status = 200, body = WorkoutList), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Paginated<workouts::WorkoutRow>>, ApiError> {
    let page = PageRequest {
        page: q.page,
        per_page: q.per_page,
    }
    .normalized();
    let (items, total) = workouts::list(&state.db, &p.user.id, page).await?;
    Ok(Json(Paginated::new(items, page, total)))
}

/// One workout with its sets.
#[utoipa::path(get, path = "/api/v1/workouts/{id}", tag = "workouts", params(("id" = String, Path)), responses(
    (status = 200, body = WorkoutDetail), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<WorkoutDetail>, ApiError> {
    log::detail(&state.db, &p.user.id, &path_id(&id)?)
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
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
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<WorkoutPatch>,
) -> Result<Json<log::LoggedWorkout>, ApiError> {
    log::edit_workout(&state.db, &p.user, &path_id(&id)?, &input)
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// Deletes a workout; points, records, streaks and achievements are recomputed.
#[utoipa::path(delete, path = "/api/v1/workouts/{id}", tag = "workouts", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = path_id(&id)?;
    if !delete_workout(&state.db, &p.user.id, &id, local_day_fn(&p.user)).await? {
        return Err(ApiError::not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ExerciseQuery {
    /// Search in English or Hebrew names and aliases (typos and Hebrew prefixes tolerated).
    pub q: Option<String>,
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ExerciseItem {
    #[serde(flatten)]
    pub exercise: ExerciseRow,
    /// How well the exercise matches `q` (0–1); absent without `q`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ExerciseList {
    pub items: Vec<ExerciseItem>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// Adds a custom exercise. A name that already means an exercise (catalog or yours) answers
/// 409 with that exercise in `details`: log under the name and it is found.
#[utoipa::path(post, path = "/api/v1/exercises", tag = "workouts", request_body = CustomExerciseInput, responses(
    (status = 201, body = ExerciseRow), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
    (status = 409, description = "The name already means an exercise (details: that exercise)", body = ErrorBody),
    (status = 422, body = ErrorBody)))]
pub async fn create_exercise(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiJson(input): ApiJson<CustomExerciseInput>,
) -> Result<(StatusCode, Json<ExerciseRow>), ApiError> {
    match add_custom(&state.db, &p.user.id, &input).await {
        Ok(Added::Created(row)) => Ok((StatusCode::CREATED, Json(row))),
        Ok(Added::Exists(row)) => Err(ApiError::conflict(
            "exercise_exists",
            format!(
                "\"{}\" is already an exercise: {}.",
                input.name.trim(),
                row.name_en
            ),
        )
        .with_details(row)),
        Err(ExerciseError::Invalid(errors)) => Err(ApiError::validation(errors)),
        Err(ExerciseError::Db(e)) => Err(e.into()),
    }
}

/// The catalog and the user's custom exercises; with `q`, ranked matches.
#[utoipa::path(get, path = "/api/v1/exercises", tag = "workouts", params(ExerciseQuery), responses(
    (status = 200, body = ExerciseList), (status = 401, body = ErrorBody)))]
pub async fn exercises(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiQuery(q): ApiQuery<ExerciseQuery>,
) -> Result<Json<Paginated<ExerciseItem>>, ApiError> {
    let page = PageRequest {
        page: q.page,
        per_page: q.per_page,
    }
    .normalized();
    let all = exercises::all_for_user(&state.db, &p.user.id).await?;
    let items: Vec<ExerciseItem> = match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => all
            .into_iter()
            .map(|exercise| ExerciseItem {
                exercise,
                confidence: None,
            })
            .collect(),
        Some(query) => {
            let custom: Vec<_> = all
                .iter()
                .filter(|e| e.is_custom())
                .map(|e| {
                    crate::domain::catalog::MatchTarget::new(
                        e.id.to_string(),
                        &e.name_en,
                        &e.name_he,
                        std::iter::empty::<&str>(),
                    )
                })
                .collect();
            let found: Vec<Candidate> =
                match_exercise(query, custom.iter().chain(catalog().match_targets()), 50);
            found
                .into_iter()
                .filter_map(|c| {
                    let row = all
                        .iter()
                        .find(|e| e.slug == c.slug || e.id.as_str() == c.slug)?;
                    Some(ExerciseItem {
                        exercise: row.clone(),
                        confidence: Some(c.confidence),
                    })
                })
                .collect()
        }
    };
    let total = items.len() as u64;
    let start = usize::try_from(page.offset())
        .unwrap_or(usize::MAX)
        .min(items.len());
    let slice = items
        .into_iter()
        .skip(start)
        .take(page.per_page as usize)
        .collect();
    Ok(Json(Paginated::new(slice, page, total)))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct StatsQuery {
    /// week (Monday–Sunday), month, year (calendar, in your time zone) or all (default).
    pub period: Option<Period>,
}

/// Totals for a period, this month against last month, streaks, level, favourite exercise.
#[utoipa::path(get, path = "/api/v1/stats", tag = "workouts", params(StatsQuery), responses(
    (status = 200, body = Stats), (status = 400, description = "Unknown period", body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn stats(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiQuery(q): ApiQuery<StatsQuery>,
) -> Result<Json<Stats>, ApiError> {
    Ok(Json(
        training_stats::stats(&state.db, &p.user, q.period.unwrap_or_default()).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct RecordsQuery {
    /// Only this exercise: slug, id, or a name in English or Hebrew.
    pub exercise: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct RecordList {
    pub items: Vec<RecordRow>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// Personal records, each with the set it came from.
#[utoipa::path(get, path = "/api/v1/records", tag = "workouts", params(RecordsQuery), responses(
    (status = 200, body = RecordList), (status = 401, body = ErrorBody),
    (status = 422, description = "Unknown exercise (details carry suggestions)", body = ErrorBody)))]
pub async fn records(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiQuery(q): ApiQuery<RecordsQuery>,
) -> Result<Json<Paginated<RecordRow>>, ApiError> {
    let exercise = match q
        .exercise
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        None => None,
        Some(name) => match log::resolve_exercise(&state.db, &p.user.id, name).await? {
            Ok(row) => Some(row.id),
            Err(suggestions) => {
                return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unknown_exercise", format!("No exercise called \"{name}\"."))
                    .with_details(vec![serde_json::json!({"field": "exercise", "query": name, "suggestions": suggestions})]));
            }
        },
    };
    let items = records::list(&state.db, &p.user.id, exercise.as_ref()).await?;
    Ok(Json(Paginated::whole(items)))
}
