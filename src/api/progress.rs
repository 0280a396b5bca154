//! The progress page's data: a server function over `server::services::progress_page`.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::progress::ProgressData;

#[server(prefix = "/fn", endpoint = "progress_page")]
pub async fn progress_page() -> Result<ProgressData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::services::progress_page::progress_page(&state.db, &p.user)
        .await
        .map_err(super::internal("progress page data"))
}
