//! The progress page's data: a server function over `server::services::progress_page`.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::progress::ProgressData;

/// The page's `?exercise=` (whose estimated-1RM trend is drawn), read from the page request
/// while the page renders on the server. The exercise picker is a plain GET form, so every
/// choice arrives that way; a call from the browser after a client-side navigation (a POST to
/// this function) gets the default exercise. Reading it here rather than taking an argument
/// keeps the query handling out of the wasm, whose budget is spent.
#[cfg(feature = "ssr")]
async fn asked_exercise() -> Option<String> {
    use std::collections::HashMap;
    let parts: axum::http::request::Parts = leptos_axum::extract().await.ok()?;
    if parts.method != axum::http::Method::GET {
        return None;
    }
    let axum::extract::Query(mut query) =
        axum::extract::Query::<HashMap<String, String>>::try_from_uri(&parts.uri).ok()?;
    query.remove("exercise")
}

#[server(prefix = "/fn", endpoint = "progress_page")]
pub async fn progress_page() -> Result<ProgressData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    let exercise = asked_exercise().await;
    crate::server::services::progress_page::progress_page(
        &state.db,
        &state.sandbox,
        &p.user,
        exercise.as_deref(),
    )
    .await
    .map_err(super::internal("progress page data"))
}
