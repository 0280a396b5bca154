//! The settings page's import preview: what a kept upload would import.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreviewData {
    pub token: String,
    pub workouts: usize,
    pub sets: usize,
    /// Local dates of the first and last workout in the file (YYYY-MM-DD).
    pub from: Option<String>,
    pub to: Option<String>,
    pub duplicates: usize,
    pub new_exercises: Vec<String>,
    /// (line, message), at most the first 500.
    pub errors: Vec<(usize, String)>,
    pub error_count: usize,
}

/// The preview of the upload kept under `token`; `None` when it expired or is not the user's.
#[server(prefix = "/fn", endpoint = "import_preview")]
pub async fn import_preview(token: String) -> Result<Option<ImportPreviewData>, AppError> {
    use crate::server::db::pending_imports;

    let principal = super::principal().await?;
    let state = super::state()?;
    let pending = pending_imports::get(&state.db, &principal.user.id, &token)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "reading an import preview");
            AppError::Internal
        })?;
    Ok(pending.map(|pending| {
        let r = pending.report;
        ImportPreviewData {
            token,
            workouts: r.workouts,
            sets: r.sets,
            from: r.from.map(|d| d.to_string()),
            to: r.to.map(|d| d.to_string()),
            duplicates: r.duplicates,
            new_exercises: r.new_exercises,
            errors: r.errors.into_iter().map(|e| (e.line, e.message)).collect(),
            error_count: r.error_count,
        }
    }))
}
