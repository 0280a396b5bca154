//! `POST /auth/register|login|logout`: JSON adapters over `server::auth::account`.

use std::net::SocketAddr;

use axum::Json;
use axum::extract::{ConnectInfo, State};
use axum::http::header::{SET_COOKIE, USER_AGENT};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::domain::account::Language;
use crate::server::auth::account::{self, AccountError, Registration};
use crate::server::auth::{AuthVia, CurrentUser, client_ip, cookie};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::http::routes::me::MeResponse;
use crate::server::state::AppState;

#[derive(Deserialize, utoipa::ToSchema)]
pub struct RegisterRequest {
    pub email: String,
    /// At least 8 characters.
    pub password: String,
    pub display_name: Option<String>,
    pub language: Option<Language>,
    /// IANA time zone; default UTC.
    pub timezone: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LoginRequest {
    pub email: String,
    pub password: String,
}

impl From<AccountError> for ApiError {
    fn from(err: AccountError) -> Self {
        match err {
            AccountError::Invalid(errors) => ApiError::validation(errors),
            AccountError::EmailTaken => {
                ApiError::conflict("email_taken", "An account with this email already exists.")
            }
            AccountError::InvalidCredentials => ApiError::invalid_credentials(),
            AccountError::RateLimited(wait) => ApiError::rate_limited(wait),
            AccountError::Db(e) => ApiError::from(e),
            AccountError::Hash(e) => {
                tracing::error!(error = %e, "password hashing failed");
                ApiError::internal()
            }
        }
    }
}

fn user_agent(headers: &HeaderMap) -> Option<&str> {
    headers.get(USER_AGENT).and_then(|v| v.to_str().ok())
}

/// Creates an account and signs it in (session cookie).
#[utoipa::path(post, path = "/api/v1/auth/register", tag = "auth", request_body = RegisterRequest, responses(
    (status = 201, description = "Account created; session cookie set", body = MeResponse),
    (status = 400, description = "Malformed JSON", body = ErrorBody),
    (status = 409, description = "Email already registered", body = ErrorBody),
    (status = 415, description = "Not JSON", body = ErrorBody),
    (status = 422, description = "Invalid email, short password, unknown time zone", body = ErrorBody),
    (status = 429, description = "Too many registrations from this address", body = ErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    addr: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<RegisterRequest>,
) -> Result<Response, ApiError> {
    let language = body.language.unwrap_or(Language::En);
    let session = account::register(
        &state,
        &client_ip(addr.as_ref(), &headers, &state.config.trusted_proxies),
        Registration {
            email: &body.email,
            password: &body.password,
            display_name: body.display_name.as_deref(),
            language,
            timezone: body.timezone.as_deref(),
        },
        user_agent(&headers),
    )
    .await?;
    let cookie = cookie::session(&state, &headers, session.token);
    Ok((
        StatusCode::CREATED,
        [(SET_COOKIE, cookie)],
        Json(MeResponse::from(&session.user)),
    )
        .into_response())
}

/// Signs in with email and password (session cookie).
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest, responses(
    (status = 200, description = "Signed in; session cookie set", body = MeResponse),
    (status = 401, description = "Wrong email or password", body = ErrorBody),
    (status = 429, description = "Throttled (per IP and per account)", body = ErrorBody)))]
pub async fn login(
    State(state): State<AppState>,
    addr: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    ApiJson(body): ApiJson<LoginRequest>,
) -> Result<Response, ApiError> {
    let session = account::login(
        &state,
        &client_ip(addr.as_ref(), &headers, &state.config.trusted_proxies),
        &body.email,
        &body.password,
        user_agent(&headers),
    )
    .await?;
    let cookie = cookie::session(&state, &headers, session.token);
    Ok((
        [(SET_COOKIE, cookie)],
        Json(MeResponse::from(&session.user)),
    )
        .into_response())
}

/// Ends the current browser session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", responses(
    (status = 204, description = "Signed out; cookie cleared"),
    (status = 401, description = "Not signed in", body = ErrorBody)))]
pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    CurrentUser(p): CurrentUser,
) -> Result<Response, ApiError> {
    if let AuthVia::Session(id) = &p.via {
        account::logout(&state, id).await?;
    }
    Ok((
        StatusCode::NO_CONTENT,
        [(SET_COOKIE, cookie::cleared(&state, &headers))],
    )
        .into_response())
}
