//! `POST|GET /tokens`, `DELETE /tokens/{id}`: API tokens for scripts and apps. Creating one is
//! `server::auth::api_tokens`'s flow; this module only maps it to JSON.

use axum::Json;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::domain::pagination::Paginated;
use crate::server::auth::Caller;
use crate::server::auth::api_tokens::{CreatedToken, TokenError, create_token};
use crate::server::db::tokens;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::http::routes::{ItemId, deleted};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CreateTokenRequest {
    pub name: String,
}

impl From<TokenError> for ApiError {
    fn from(err: TokenError) -> Self {
        match err {
            TokenError::Invalid(error) => ApiError::field(error),
            TokenError::Db(e) => ApiError::from(e),
        }
    }
}

/// Creates a token; the secret is in this response only.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "tokens", request_body = CreateTokenRequest, responses(
    (status = 201, body = CreatedToken), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    Caller(state, p): Caller,
    ApiJson(body): ApiJson<CreateTokenRequest>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(create_token(&state, &p.user.id, &body.name).await?),
    ))
}

/// The user's live tokens (never their secrets).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "tokens", responses(
    (status = 200, body = Paginated<tokens::ApiToken>), (status = 401, body = ErrorBody)))]
pub async fn list(Caller(state, p): Caller) -> Result<Json<Paginated<tokens::ApiToken>>, ApiError> {
    let items = tokens::list(&state.db, &p.user.id).await?;
    Ok(Json(Paginated::whole(items)))
}

/// Revokes a token at once. Another user's token id answers 404.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "tokens", params(("id" = String, Path)), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke(Caller(state, p): Caller, ItemId(id): ItemId) -> Result<StatusCode, ApiError> {
    deleted(tokens::revoke(&state.db, &p.user.id, &id).await?)
}
