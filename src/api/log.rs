//! The log and progress pages' data: server functions over `server::services`.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::log::LogPageData;

#[server(prefix = "/fn", endpoint = "log_page")]
pub async fn log_page(
    logged: Option<String>,
    edit: Option<String>,
) -> Result<LogPageData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    // A text the words box could not log comes back with the page (`POST /log/words`).
    let words = super::page_query("words").await;
    // The exercise the "Next time" card's picker chose (`?next=<slug>`).
    let next = super::page_query("next").await;
    crate::server::services::log_page::log_page(
        &state.db,
        &p.user,
        logged.as_deref(),
        edit.as_deref(),
        words.as_deref(),
        next.as_deref(),
    )
    .await
    .map_err(super::internal("log page data"))
}
