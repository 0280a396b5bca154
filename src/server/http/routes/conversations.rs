//! `/conversations`: create, list (most recent first, searchable), read, rename, delete.
//! Messages arrive with the chat; ownership is enforced from day one: another user's id is 404.

use axum::Json;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::domain::chat::conversation::normalize_title;
use crate::domain::pagination::{PageRequest, Paginated};
use crate::server::auth::Caller;
use crate::server::db::conversations::{self, Conversation};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, ApiQuery, PageQuery};
use crate::server::http::routes::{ItemId, deleted, found};

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
    Caller(state, p): Caller,
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
    Caller(state, p): Caller,
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
    Caller(state, p): Caller,
    ItemId(id): ItemId,
) -> Result<Json<Conversation>, ApiError> {
    found(conversations::get(&state.db, &p.user.id, &id).await?)
}

/// Renames a conversation.
#[utoipa::path(patch, path = "/api/v1/conversations/{id}", tag = "conversations", params(("id" = String, Path)),
    request_body = ConversationInput, responses(
    (status = 200, body = Conversation), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn patch(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    ApiJson(body): ApiJson<ConversationInput>,
) -> Result<Json<Conversation>, ApiError> {
    let title = normalize_title(body.title.as_deref()).map_err(ApiError::field)?;
    found(conversations::rename(&state.db, &p.user.id, &id, title.as_deref()).await?)
}

/// Deletes a conversation (it disappears from every list and page).
#[utoipa::path(delete, path = "/api/v1/conversations/{id}", tag = "conversations", params(("id" = String, Path)), responses(
    (status = 204), (status = 404, body = ErrorBody)))]
pub async fn delete(Caller(state, p): Caller, ItemId(id): ItemId) -> Result<StatusCode, ApiError> {
    deleted(conversations::soft_delete(&state.db, &p.user.id, &id).await?)
}
