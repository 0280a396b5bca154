//! The plan page's data: a page of pending items and a page of done ones.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::plan::{PlanPageData, PlanPages};

#[server(prefix = "/fn", endpoint = "plan_page")]
pub async fn plan_page(pages: PlanPages) -> Result<PlanPageData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::services::plan_page::plan_page(&state.db, &p.user, pages)
        .await
        .map_err(super::internal("plan page data"))
}
