//! The goals page's data: each goal with its live progress, already in the user's units.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::goals::GoalsPageData;

#[server(prefix = "/fn", endpoint = "goals_page")]
pub async fn goals_page() -> Result<GoalsPageData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::services::goals_page::goals_page(&state.db, &p.user)
        .await
        .map_err(super::internal("goals page data"))
}
