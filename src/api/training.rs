//! The log and progress pages' data: server functions over `server::training`.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::log::LogPageData;
use crate::domain::views::progress::ProgressData;

#[server(prefix = "/fn", endpoint = "log_page")]
pub async fn log_page(
    logged: Option<String>,
    edit: Option<String>,
) -> Result<LogPageData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::training::log_page::log_page(
        &state.db,
        &p.user,
        logged.as_deref(),
        edit.as_deref(),
    )
    .await
    .map_err(super::internal("log page data"))
}

#[server(prefix = "/fn", endpoint = "progress_page")]
pub async fn progress_page() -> Result<ProgressData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::training::progress_page::progress_page(&state.db, &p.user)
        .await
        .map_err(super::internal("progress page data"))
}
