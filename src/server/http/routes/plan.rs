//! `/plan`: the training plan (to-do items with due dates said in words or given exactly).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::due_date::Due;
use crate::domain::pagination::{PageRequest, Paginated};
use crate::domain::plan::{DueChange, PlanInput, Status, validate_plan};
use crate::server::auth::CurrentUser;
use crate::server::db::plan;
use crate::server::db::users::User;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, ApiQuery};
use crate::server::http::routes::path_id;
use crate::server::state::AppState;

fn zone(user: &User) -> chrono_tz::Tz {
    user.timezone.parse().unwrap_or(chrono_tz::UTC)
}

/// A local due date as a UTC instant: all-day items are due at the start of their day.
fn due_instant(due: Due, tz: chrono_tz::Tz) -> (DateTime<Utc>, bool) {
    let local = due.date.and_time(due.time.unwrap_or_default());
    let at = tz
        .from_local_datetime(&local)
        .earliest()
        .unwrap_or_else(|| Utc.from_utc_datetime(&local).with_timezone(&tz));
    (at.with_timezone(&Utc), due.is_all_day())
}

fn resolve_due(change: DueChange, tz: chrono_tz::Tz) -> Option<Option<(DateTime<Utc>, bool)>> {
    match change {
        DueChange::Keep => None,
        DueChange::Clear => Some(None),
        DueChange::At(at) => Some(Some((at, false))),
        DueChange::Local(due) => Some(Some(due_instant(due, tz))),
    }
}

/// Adds a plan item.
#[utoipa::path(post, path = "/api/v1/plan", tag = "plan", request_body = PlanInput, responses(
    (status = 201, body = plan::PlanItem), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiJson(input): ApiJson<PlanInput>,
) -> Result<(StatusCode, Json<plan::PlanItem>), ApiError> {
    let tz = zone(&p.user);
    let now_local = Utc::now().with_timezone(&tz).naive_local();
    let v = validate_plan(&input, true, now_local).map_err(ApiError::validation)?;
    let due = resolve_due(v.due, tz).flatten();
    let item = plan::create(
        &state.db,
        &p.user.id,
        plan::NewPlanItem {
            title: v.title.as_deref().unwrap_or_default(),
            description: v.description.flatten().as_deref(),
            due_at: due.map(|d| d.0),
            all_day: due.is_some_and(|d| d.1),
            priority: v.priority.unwrap_or_default().as_str(),
            ai_generated: false,
            conversation_id: None,
        },
    )
    .await?;
    Ok((StatusCode::CREATED, Json(item)))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    pub page: Option<u32>,
    pub per_page: Option<u32>,
    /// pending or done; both when absent.
    pub status: Option<Status>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct PlanList {
    pub items: Vec<plan::PlanItem>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

/// The plan: pending items first, soonest due first.
#[utoipa::path(get, path = "/api/v1/plan", tag = "plan", params(ListQuery), responses(
    (status = 200, body = PlanList), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Paginated<plan::PlanItem>>, ApiError> {
    let page = PageRequest {
        page: q.page,
        per_page: q.per_page,
    }
    .normalized();
    let (items, total) =
        plan::list(&state.db, &p.user.id, q.status.map(Status::as_str), page).await?;
    Ok(Json(Paginated::new(items, page, total)))
}

/// One plan item.
#[utoipa::path(get, path = "/api/v1/plan/{id}", tag = "plan", params(("id" = String, Path)), responses(
    (status = 200, body = plan::PlanItem), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<plan::PlanItem>, ApiError> {
    plan::get(&state.db, &p.user.id, &path_id(&id)?)
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// Changes a plan item (title, description, due date, priority, status).
#[utoipa::path(patch, path = "/api/v1/plan/{id}", tag = "plan", params(("id" = String, Path)), request_body = PlanInput, responses(
    (status = 200, body = plan::PlanItem), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
    ApiJson(input): ApiJson<PlanInput>,
) -> Result<Json<plan::PlanItem>, ApiError> {
    let id = path_id(&id)?;
    let tz = zone(&p.user);
    let v = validate_plan(&input, false, Utc::now().with_timezone(&tz).naive_local())
        .map_err(ApiError::validation)?;
    let change = plan::PlanChange {
        title: v.title,
        description: v.description,
        due: resolve_due(v.due, tz),
        priority: v.priority.map(|x| x.as_str().to_owned()),
        status: v.status.map(|x| x.as_str().to_owned()),
    };
    plan::update(&state.db, &p.user.id, &id, change)
        .await?
        .map(Json)
        .ok_or_else(ApiError::not_found)
}

/// Deletes a plan item (soft delete: it disappears from the plan).
#[utoipa::path(delete, path = "/api/v1/plan/{id}", tag = "plan", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if plan::soft_delete(&state.db, &p.user.id, &path_id(&id)?).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}
