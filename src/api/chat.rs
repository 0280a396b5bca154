//! The chat pages' data: server functions over `server::services::chat::pages`.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::chat::{ChatHomeData, ConversationData, HistoryData};

#[server(prefix = "/fn", endpoint = "chat_home")]
pub async fn chat_home() -> Result<ChatHomeData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::services::chat::pages::chat_home(&state.db, &p.user)
        .await
        .map_err(super::internal("chat home data"))
}

/// `None` when the conversation is not the user's.
#[server(prefix = "/fn", endpoint = "conversation_page")]
pub async fn conversation_page(
    id: String,
    page: u32,
) -> Result<Option<ConversationData>, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::services::chat::pages::conversation_page(&state.db, &p.user, &id, page)
        .await
        .map_err(super::internal("conversation page data"))
}

#[server(prefix = "/fn", endpoint = "history_page")]
pub async fn history_page(q: Option<String>, page: u32) -> Result<HistoryData, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    crate::server::services::chat::pages::history(&state.db, &p.user, q, page)
        .await
        .map_err(super::internal("history page data"))
}
