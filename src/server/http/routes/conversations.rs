//! `/conversations`: create, list (most recent first, searchable), read, rename, delete.
//! Messages arrive with the chat; ownership is enforced from day one: another user's id is 404.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;

use crate::domain::conversation::normalize_title;
use crate::domain::pagination::{PageRequest, Paginated};
use crate::server::auth::CurrentUser;
use crate::server::db::conversations::{self, Conversation};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, ApiQuery, PageQuery};
use crate::server::http::routes::path_id;
use crate::server::state::AppState;

#[derive(Deserialize, Default, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConversationInput {
    /// Up to 200 characters; empty means untitled.
    pub title: Option<String>,
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ListQuery {
    /// Case-insensitive search in titles.
    pub q: Option<String>,
}

/// Starts a conversation.
#[utoipa::path(post, path = "/api/v1/conversations", tag = "conversations", request_body = ConversationInput, responses(
    (status = 201, body = Conversation), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    body: Option<ApiJson<ConversationInput>>,
) -> Result<(StatusCode, Json<Conversation>), ApiError> {
    let input = body.map(|ApiJson(b)| b).unwrap_or_default();
    let title = normalize_title(input.title.as_deref()).map_err(ApiError::field)?;
    let c = conversations::create(&state.db, &p.user.id, title.as_deref()).await?;
    Ok((StatusCode::CREATED, Json(c)))
}

/// The user's conversations, most recently active first (20 per page).
#[utoipa::path(get, path = "/api/v1/conversations", tag = "conversations", params(PageRequest, ListQuery), responses(
    (status = 200, body = Paginated<Conversation>), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    PageQuery(page): PageQuery,
    ApiQuery(q): ApiQuery<ListQuery>,
) -> Result<Json<Paginated<Conversation>>, ApiError> {
    let (items, total) = conversations::list(&state.db, &p.user.id, page, q.q.as_deref()).await?;
    Ok(Json(Paginated::new(items, page, total)))
}

/// One conversation.
#[utoipa::path(get, path = "/api/v1/conversations/{id}", tag = "conversations", params(("id" = String, Path)), responses(
    (status = 200, body = Conversation), (status = 404, body = ErrorBody)))]
pub async fn get(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<Json<Conversation>, ApiError> {
    let c = conversations::get(&state.db, &p.user.id, &path_id(&id)?).await?;
    c.map(Json).ok_or_else(ApiError::not_found)
}

/// Renames a conversation.
#[utoipa::path(patch, path = "/api/v1/conversations/{id}", tag = "conversations", params(("id" = String, Path)),
    request_body = ConversationInput, responses(
    (status = 200, body = Conversation), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ConversationInput>,
) -> Result<Json<Conversation>, ApiError> {
    let id = path_id(&id)?;
    let title = normalize_title(body.title.as_deref()).map_err(ApiError::field)?;
    let c = conversations::rename(&state.db, &p.user.id, &id, title.as_deref()).await?;
    c.map(Json).ok_or_else(ApiError::not_found)
}

/// Deletes a conversation (it disappears from every list and page).
#[utoipa::path(delete, path = "/api/v1/conversations/{id}", tag = "conversations", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    if conversations::soft_delete(&state.db, &p.user.id, &path_id(&id)?).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}
