//! Leptos server functions: thin adapters the pages call. Each one takes the signed-in user
//! from the request, makes one call to a service in `server` and maps its error to
//! [`AppError`]; no SQL and no page logic here. They live under
//! `/fn/…` and pass through the same CSRF and authentication middleware as everything else.

pub mod chat;
pub mod facts;
pub mod goals;
pub mod import;
pub mod log;
pub mod plan;
pub mod progress;
pub mod tokens;

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// Errors a page can receive from a server function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("sign in first")]
    Unauthorized,
    #[error("something went wrong")]
    Internal,
    #[error("request failed: {0}")]
    Transport(String),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

/// The signed-in user of the request being served (server side only).
#[cfg(feature = "ssr")]
pub(crate) async fn principal() -> Result<crate::server::auth::Principal, AppError> {
    let parts: axum::http::request::Parts = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    let principal = parts
        .extensions
        .get::<crate::server::auth::Principal>()
        .cloned();
    if principal.is_none()
        && let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>()
    {
        // Signed-out callers are a 401, as in the REST API, not a server failure.
        response.set_status(axum::http::StatusCode::UNAUTHORIZED);
    }
    principal.ok_or(AppError::Unauthorized)
}

/// A value of the page's own query string (`/progress?exercise=…`), read on the server while
/// the page renders. Pages whose query only ever arrives by a full page load (a plain GET
/// form, a form's redirect) read it here rather than taking it as an argument, which keeps the
/// query handling out of the wasm, whose budget is spent. A call from the browser (a POST to
/// the server function, after a client-side navigation) has no page query: `None`.
#[cfg(feature = "ssr")]
pub(crate) async fn page_query(key: &str) -> Option<String> {
    use std::collections::HashMap;
    let parts: axum::http::request::Parts = leptos_axum::extract().await.ok()?;
    if parts.method != axum::http::Method::GET {
        return None;
    }
    let axum::extract::Query(mut query) =
        axum::extract::Query::<HashMap<String, String>>::try_from_uri(&parts.uri).ok()?;
    query.remove(key)
}

#[cfg(feature = "ssr")]
pub(crate) fn state() -> Result<crate::server::AppState, AppError> {
    leptos::prelude::use_context::<crate::server::AppState>().ok_or(AppError::Internal)
}

/// Logs a server-side failure (with what was being done) and answers [`AppError::Internal`]:
/// the page says "something went wrong" and the details stay in the log.
#[cfg(feature = "ssr")]
pub(crate) fn internal<E: std::fmt::Display>(what: &'static str) -> impl FnOnce(E) -> AppError {
    move |e| {
        tracing::error!(error = %e, "{what}");
        AppError::Internal
    }
}
