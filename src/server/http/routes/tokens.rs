//! `POST|GET /tokens`, `DELETE /tokens/{id}`: API tokens for scripts and apps.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::domain::account::FieldError;
use crate::domain::pagination::Paginated;
use crate::server::auth::CurrentUser;
use crate::server::auth::secret::new_api_token;
use crate::server::db::{Id, tokens};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::http::routes::path_id;
use crate::server::state::AppState;

pub const MAX_TOKEN_NAME_CHARS: usize = 100;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CreateTokenRequest {
    pub name: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedToken {
    pub id: String,
    pub name: String,
    /// The secret itself. Shown only in this response; store it now.
    pub token: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct TokenList {
    pub items: Vec<tokens::ApiToken>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
}

pub fn validate_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(FieldError::new(
            "name",
            "required",
            "Give the token a name.",
        ));
    }
    if name.chars().count() > MAX_TOKEN_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(FieldError::new(
            "name",
            "invalid",
            format!("Use at most {MAX_TOKEN_NAME_CHARS} printable characters."),
        ));
    }
    Ok(name.to_owned())
}

/// The plain function behind the REST route and the settings form.
pub async fn create_token(
    state: &AppState,
    user_id: &Id,
    raw_name: &str,
) -> Result<CreatedToken, ApiError> {
    let name = validate_name(raw_name).map_err(ApiError::field)?;
    let token = new_api_token();
    let row = tokens::create(&state.db, user_id, &name, &state.secret.hash(&token)).await?;
    Ok(CreatedToken {
        id: row.id.to_string(),
        name: row.name,
        token,
        created_at: row.created_at,
    })
}

/// Creates a token; the secret is in this response only.
#[utoipa::path(post, path = "/api/v1/tokens", tag = "tokens", request_body = CreateTokenRequest, responses(
    (status = 201, body = CreatedToken), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn create(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    ApiJson(body): ApiJson<CreateTokenRequest>,
) -> Result<(StatusCode, Json<CreatedToken>), ApiError> {
    Ok((
        StatusCode::CREATED,
        Json(create_token(&state, &p.user.id, &body.name).await?),
    ))
}

/// The user's live tokens (never their secrets).
#[utoipa::path(get, path = "/api/v1/tokens", tag = "tokens", responses(
    (status = 200, body = TokenList), (status = 401, body = ErrorBody)))]
pub async fn list(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
) -> Result<Json<Paginated<tokens::ApiToken>>, ApiError> {
    let items = tokens::list(&state.db, &p.user.id).await?;
    Ok(Json(Paginated::whole(items)))
}

/// Revokes a token at once. Another user's token id answers 404.
#[utoipa::path(delete, path = "/api/v1/tokens/{id}", tag = "tokens", params(("id" = String, Path)), responses(
    (status = 204), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn revoke(
    State(state): State<AppState>,
    CurrentUser(p): CurrentUser,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let id = path_id(&id)?;
    if tokens::revoke(&state.db, &p.user.id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}
