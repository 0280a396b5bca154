//! The progress page's data: a server function over `server::services::progress_page`.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::progress::ProgressData;

#[server(prefix = "/fn", endpoint = "progress_page")]
pub async fn progress_page() -> Result<ProgressData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    // The exercise picker is a plain GET form: its choice arrives with the page.
    let exercise = super::page_query("exercise").await;
    crate::server::services::progress_page::progress_page(
        &state.db,
        &state.sandbox,
        &p.user,
        exercise.as_deref(),
    )
    .await
    .map_err(super::internal("progress page data"))
}
