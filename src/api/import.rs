//! The settings page's import preview: what a kept upload would import, as the server's HTML.

use leptos::prelude::*;

use super::AppError;

/// The preview of the upload kept under `token` as HTML; `None` when it expired or is not the
/// user's.
#[server(prefix = "/fn", endpoint = "import_preview")]
pub async fn import_preview(token: String) -> Result<Option<String>, AppError> {
    use crate::server::db::pending_imports;

    let principal = super::principal().await?;
    let state = super::state()?;
    let pending = pending_imports::get(&state.db, &principal.user.id, &token)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "reading an import preview");
            AppError::Internal
        })?;
    // Made on the server as HTML (`services::import_preview`): it stays out of the wasm.
    Ok(pending.map(|pending| {
        crate::server::services::import_preview::html(
            &pending.report,
            &token,
            principal.user.language,
        )
    }))
}
