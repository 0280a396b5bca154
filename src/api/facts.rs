//! Settings' list of what the coach knows about the user: a server function over
//! `server::db::facts`.

use leptos::prelude::*;

use super::AppError;
use crate::domain::views::facts::FactLine;

#[server(prefix = "/fn", endpoint = "settings_facts")]
pub async fn settings_facts() -> Result<Vec<FactLine>, AppError> {
    let p = super::principal().await?;
    let state = super::state()?;
    let facts = crate::server::db::facts::list(&state.db, &p.user.id)
        .await
        .map_err(super::internal("listing facts"))?;
    Ok(facts
        .into_iter()
        .map(|f| FactLine {
            id: f.id.to_string(),
            kind: f.kind,
            text: f.text,
            source: f.source,
        })
        .collect())
}
