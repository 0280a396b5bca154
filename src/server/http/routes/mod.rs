//! The REST API under `/api/v1` (JSON in, JSON out, errors in one shape) and the health
//! probes at the root. Each submodule is one resource; handlers are thin adapters over
//! `server::auth` flows, `server::services` services and `server::db` repositories.
//!
//! - [`auth`]: register, log in, log out (`/auth/…`).
//! - [`me`]: the account: read, change, delete (`/me`), and its export (`/me/export`).
//! - [`training_profile`]: what the coach plans with (`/me/profile`).
//! - [`tokens`]: the user's API tokens (`/tokens`).
//! - [`conversations`]: the coach chats (`/conversations`).
//! - [`messages`]: talking to the coach (`/conversations/{id}/messages`, `/chat`).
//! - [`streams`]: replies as Server-Sent Events while they are written, and stopping one.
//! - [`workouts`]: the training log (`/workouts`).
//! - [`exercises`]: the catalog and custom exercises, searchable (`/exercises`).
//! - [`stats`]: totals and streaks for a period (`/stats`).
//! - [`records`]: personal records (`/records`).
//! - [`query`]: the SQL sandbox (`/query`).
//! - [`log_text`]: a workout in plain words (`/log`).
//! - [`visualizations`]: the coach's charts (`/visualizations/{id}`, refresh).
//! - [`goals`]: goals with live progress (`/goals`).
//! - [`plan`]: the training plan (`/plan`).
//! - [`import`]: Strong and Hevy CSV exports (`/import`).
//! - [`health`]: the probes `/healthz` and `/readyz`, at the root.

pub mod auth;
pub mod conversations;
pub mod exercises;
pub mod goals;
pub mod health;
pub mod import;
pub mod log_text;
pub mod me;
pub mod messages;
pub mod plan;
pub mod query;
pub mod records;
pub mod stats;
pub mod streams;
pub mod tokens;
pub mod training_profile;
pub mod visualizations;
pub mod workouts;

use axum::extract::{DefaultBodyLimit, FromRequestParts, Path};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::routing::{get, post};
use axum::{Json, Router};

use super::error::ApiError;
use crate::server::db::Id;
use crate::server::state::AppState;

/// Extractor: the `{id}` of an item's path. Anything that is not a UUID is simply not found
/// (never a 400 that would tell an id's shape from its existence).
pub struct ItemId(pub Id);

impl<S: Send + Sync> FromRequestParts<S> for ItemId {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Path(raw) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|_| ApiError::not_found())?;
        Id::parse(&raw).map(ItemId).ok_or_else(ApiError::not_found)
    }
}

/// The answer for one of the user's items: the item, or 404 when it is not theirs.
pub fn found<T>(item: Option<T>) -> Result<Json<T>, ApiError> {
    item.map(Json).ok_or_else(ApiError::not_found)
}

/// The answer to deleting one of the user's items: 204, or 404 when it was not theirs.
pub fn deleted(existed: bool) -> Result<StatusCode, ApiError> {
    if existed {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(ApiError::not_found())
    }
}

/// JSON bodies above this are refused with 413 (imports get their own, larger limit).
pub const JSON_BODY_LIMIT: usize = 1024 * 1024;

pub fn router(state: AppState) -> Router {
    let v1 = Router::new()
        .route("/auth/register", post(auth::register))
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/me", get(me::get).patch(me::patch).delete(me::delete))
        .route("/me/export", get(me::export))
        .route(
            "/me/profile",
            get(training_profile::get).patch(training_profile::patch),
        )
        .route("/tokens", get(tokens::list).post(tokens::create))
        .route("/tokens/{id}", axum::routing::delete(tokens::revoke))
        .route(
            "/conversations",
            get(conversations::list).post(conversations::create),
        )
        .route(
            "/conversations/{id}",
            get(conversations::get)
                .patch(conversations::patch)
                .delete(conversations::delete),
        )
        .route(
            "/conversations/{id}/messages",
            get(messages::list).post(messages::create),
        )
        .route("/conversations/{id}/export", get(messages::export))
        .route("/conversations/{id}/stream", get(streams::join))
        .route("/messages/{id}/stop", post(streams::stop))
        .route("/messages/{id}/regenerate", post(messages::regenerate))
        .route("/messages/{id}/feedback", post(messages::feedback))
        .route("/chat", post(messages::chat))
        .route("/workouts", get(workouts::list).post(workouts::create))
        .route(
            "/workouts/{id}",
            get(workouts::get)
                .patch(workouts::patch)
                .delete(workouts::delete),
        )
        .route("/exercises", get(exercises::list).post(exercises::create))
        .route("/goals", get(goals::list).post(goals::create))
        .route(
            "/goals/{id}",
            get(goals::get).patch(goals::patch).delete(goals::delete),
        )
        .route("/plan", get(plan::list).post(plan::create))
        .route(
            "/plan/{id}",
            get(plan::get).patch(plan::patch).delete(plan::delete),
        )
        .route(
            "/import",
            post(import::import).layer(DefaultBodyLimit::max(import::IMPORT_BODY_LIMIT)),
        )
        .route("/stats", get(stats::get))
        .route("/records", get(records::list))
        .route("/query", post(query::run))
        .route("/log", post(log_text::log))
        .route("/visualizations/{id}", get(visualizations::get))
        .route(
            "/visualizations/{id}/refresh",
            post(visualizations::refresh),
        )
        .route("/openapi.json", get(super::openapi::document))
        .fallback(|| async { ApiError::not_found() })
        .method_not_allowed_fallback(|| async { ApiError::method_not_allowed() })
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT));
    Router::new()
        .nest("/api/v1", v1)
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .with_state(state)
}
