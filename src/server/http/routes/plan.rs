//! `/plan`: the training plan (to-do items with due dates said in words or given exactly).

use axum::Json;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::domain::pagination::{PageRequest, Paginated};
use crate::domain::plan::{PlanInput, Status};
use crate::server::auth::Caller;
use crate::server::db::plan;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, ApiQuery, PageQuery};
use crate::server::http::routes::{ItemId, deleted, found};
use crate::server::services::plan::{PlanError, create_item, update_item};

impl From<PlanError> for ApiError {
    fn from(err: PlanError) -> Self {
        match err {
            PlanError::Invalid(errors) => ApiError::validation(errors),
            PlanError::Db(e) => e.into(),
        }
    }
}

/// Adds a plan item.
#[utoipa::path(post, path = "/api/v1/plan", tag = "plan", request_body = PlanInput, responses(
    (status = 201, body = plan::PlanItem), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    Caller(state, p): Caller,
    ApiJson(input): ApiJson<PlanInput>,
) -> Result<(StatusCode, Json<plan::PlanItem>), ApiError> {
    let item = create_item(&state.db, &p.user, &input).await?;
    Ok((StatusCode::CREATED, Json(item)))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// pending or done; both when absent.
    pub status: Option<Status>,
}

/// The plan: pending items first, soonest due first.
#[utoipa::path(get, path = "/api/v1/plan", tag = "plan", params(PageRequest, ListQuery), responses(
    (status = 200, body = Paginated<plan::PlanItem>), (status = 401, body = ErrorBody)))]
pub async fn list(
    Caller(state, p): Caller,
    PageQuery(page): PageQuery,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Paginated<plan::PlanItem>>, ApiError> {
    let (items, total) = plan::list(&state.db, &p.user.id, q.status, page).await?;
    Ok(Json(Paginated::new(items, page, total)))
}

/// One plan item.
#[utoipa::path(get, path = "/api/v1/plan/{id}", tag = "plan", params(("id" = String, Path)), responses(
    (status = 200, body = plan::PlanItem), (status = 404, body = ErrorBody)))]
pub async fn get(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
) -> Result<Json<plan::PlanItem>, ApiError> {
    found(plan::get(&state.db, &p.user.id, &id).await?)
}

/// Changes a plan item (title, description, due date, priority, status).
#[utoipa::path(patch, path = "/api/v1/plan/{id}", tag = "plan", params(("id" = String, Path)), request_body = PlanInput, responses(
    (status = 200, body = plan::PlanItem), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    ApiJson(input): ApiJson<PlanInput>,
) -> Result<Json<plan::PlanItem>, ApiError> {
    found(update_item(&state.db, &p.user, &id, &input).await?)
}

/// Deletes a plan item (soft delete: it disappears from the plan).
#[utoipa::path(delete, path = "/api/v1/plan/{id}", tag = "plan", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(Caller(state, p): Caller, ItemId(id): ItemId) -> Result<StatusCode, ApiError> {
    deleted(plan::soft_delete(&state.db, &p.user.id, &id).await?)
}
