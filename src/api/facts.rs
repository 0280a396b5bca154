//! Settings' "what the coach knows" sections (the facts and the training profile) as HTML
//! made on the server (`server::services::coach_section`): a server function that reads the
//! page's query for a refused form.

use leptos::prelude::*;

use super::AppError;

#[server(prefix = "/fn", endpoint = "settings_coach")]
pub async fn settings_coach() -> Result<String, AppError> {
    use crate::server::services::coach_section::{Refused, html};
    let p = super::principal().await?;
    let state = super::state()?;
    // The page's own request while it renders on the server; a form's refusal comes back in
    // its query (`?error=fact`, `?training_error=…&t_<field>=…`).
    let query: Vec<(String, String)> =
        leptos_axum::extract::<axum::extract::Query<Vec<(String, String)>>>()
            .await
            .map(|q| q.0)
            .unwrap_or_default();
    let get = |k: &str| {
        query
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    let refused = Refused {
        fact: get("error").as_deref() == Some("fact"),
        training: get("training_error")
            .map(|code| (code, get("training_words").unwrap_or_default())),
        typed: query
            .iter()
            .filter_map(|(k, v)| Some((k.strip_prefix("t_")?.to_owned(), v.clone())))
            .collect(),
    };
    html(&state.db, &p.user, &refused)
        .await
        .map_err(super::internal("making the coach sections"))
}
