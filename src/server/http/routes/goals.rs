//! `/goals`: goals with live progress computed from the log; the first completion is recorded.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::account::FieldError;
use crate::domain::goals::{GoalSpec, GoalType, Progress, Timeframe, progress, validate_target};
use crate::domain::pagination::Paginated;
use crate::server::auth::CurrentUser;
use crate::server::db::goals::{self, GoalRow, NewGoal};
use crate::server::db::users::User;
use crate::server::db::{Db, Id};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::http::routes::path_id;
use crate::server::state::AppState;
use crate::server::training::log::resolve_exercise;
use crate::server::training::stats::{LogDays, log_days};

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalInput {
    #[schema(value_type = String)]
    pub goal_type: GoalType,
    /// In the goal type's canonical unit: workouts, points, sets, days, kg, seconds or metres.
    pub target_value: f64,
    #[schema(value_type = String)]
    pub timeframe: Timeframe,
    /// Optional: slug, id or a name in English or Hebrew.
    pub exercise: Option<String>,
    /// Default: today in your time zone.
    pub start_date: Option<NaiveDate>,
    /// Required for `by_date`.
    pub end_date: Option<NaiveDate>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct GoalPatch {
    pub target_value: Option<f64>,
    pub end_date: Option<NaiveDate>,
    pub is_active: Option<bool>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalView {
    #[serde(flatten)]
    pub goal: GoalRow,
    pub progress: Progress,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct GoalList {
    pub items: Vec<GoalView>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

fn spec(g: &GoalRow) -> GoalSpec<Id> {
    GoalSpec {
        goal_type: g.goal_type.parse().unwrap_or_default(),
        exercise_id: g.exercise_id.clone(),
        target: g.target_value,
        timeframe: g.timeframe.parse().unwrap_or_default(),
        start_date: g.start_date,
        end_date: g.end_date,
    }
}

/// Progress of each goal, recording first completions.
async fn views(db: &Db, user: &User, rows: Vec<GoalRow>) -> Result<Vec<GoalView>, sqlx::Error> {
    let LogDays {
        workouts,
        sets,
        today,
    } = log_days(db, user).await?;
    let mut out = Vec::with_capacity(rows.len());
    for mut goal in rows {
        let p = progress(&spec(&goal), &workouts, &sets, today);
        if p.completed && goal.completed_at.is_none() {
            goal.completed_at = goals::mark_completed(db, &user.id, &goal.id).await?;
        }
        out.push(GoalView { goal, progress: p });
    }
    Ok(out)
}

/// Sets a goal.
#[utoipa::path(post, path = "/api/v1/goals", tag = "goals", request_body = GoalInput, responses(
    (status = 201, body = GoalView), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiJson(input): ApiJson<GoalInput>,
) -> Result<(StatusCode, Json<GoalView>), ApiError> {
    let today = log_days(&state.db, &p.user).await?.today;
    let start = input.start_date.unwrap_or(today);
    let mut errors = validate_target(
        input.goal_type,
        input.target_value,
        input.timeframe,
        start,
        input.end_date,
    );
    let exercise = match input
        .exercise
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        None => None,
        Some(name) => match resolve_exercise(&state.db, &p.user.id, name).await? {
            Ok(row) => Some(row.id),
            Err(_) => {
                errors.push(FieldError::new(
                    "exercise",
                    "unknown_exercise",
                    format!("No exercise called \"{name}\"."),
                ));
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let row = goals::create(
        &state.db,
        &p.user.id,
        NewGoal {
            goal_type: input.goal_type.as_str(),
            exercise_id: exercise.as_ref(),
            target_value: input.target_value,
            unit: input.goal_type.unit(),
            timeframe: input.timeframe.as_str(),
            start_date: start,
            end_date: input.end_date,
        },
    )
    .await?;
    let view = views(&state.db, &p.user, vec![row])
        .await?
        .pop()
        .ok_or_else(ApiError::internal)?;
    Ok((StatusCode::CREATED, Json(view)))
}

/// Every goal with its live progress.
#[utoipa::path(get, path = "/api/v1/goals", tag = "goals", responses(
    (status = 200, body = GoalList), (status = 401, body = ErrorBody)))]
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
    let row = goals::get(&state.db, &p.user.id, &path_id(&id)?)
        .await?
        .ok_or_else(ApiError::not_found)?;
    views(&state.db, &p.user, vec![row])
        .await?
        .pop()
        .map(Json)
        .ok_or_else(ApiError::internal)
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
    let id = path_id(&id)?;
    let current = goals::get(&state.db, &p.user.id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let s = spec(&current);
    let errors = validate_target(
        s.goal_type,
        change.target_value.unwrap_or(s.target),
        s.timeframe,
        s.start_date,
        change.end_date.or(s.end_date),
    );
    if !errors.is_empty() {
        return Err(ApiError::validation(errors));
    }
    let row = goals::update(
        &state.db,
        &p.user.id,
        &id,
        change.target_value,
        change.end_date,
        change.is_active,
    )
    .await?
    .ok_or_else(ApiError::not_found)?;
    views(&state.db, &p.user, vec![row])
        .await?
        .pop()
        .map(Json)
        .ok_or_else(ApiError::internal)
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
