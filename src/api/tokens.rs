//! The settings page's view of API tokens, including the one just created (shown once).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TokenView {
    pub id: String,
    pub name: String,
    /// Formatted in the user's time zone.
    pub created_at: String,
    pub last_used_at: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TokensView {
    pub tokens: Vec<TokenView>,
    /// The secret of a token created just before this page load, if any.
    pub new_token: Option<String>,
}

#[server(prefix = "/fn", endpoint = "settings_tokens")]
pub async fn settings_tokens() -> Result<TokensView, AppError> {
    use crate::server::db::tokens;
    use crate::server::site::account_forms::NEW_TOKEN_COOKIE;

    let principal = super::principal().await?;
    let state = super::state()?;
    let tz = principal.user.zone();
    let format = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
    };
    let rows = tokens::list(&state.db, &principal.user.id)
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "listing tokens failed");
            AppError::Internal
        })?;

    let parts: axum::http::request::Parts = leptos_axum::extract()
        .await
        .map_err(|_| AppError::Internal)?;
    let new_token = parts
        .headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == NEW_TOKEN_COOKIE)
        .map(|c| c.value().to_owned());
    if new_token.is_some()
        && let Some(response) = use_context::<leptos_axum::ResponseOptions>()
    {
        let clear =
            format!("{NEW_TOKEN_COOKIE}=; Path=/settings; Max-Age=0; HttpOnly; SameSite=Strict");
        if let Ok(value) = axum::http::HeaderValue::from_str(&clear) {
            response.append_header(axum::http::header::SET_COOKIE, value);
        }
    }
    Ok(TokensView {
        tokens: rows
            .into_iter()
            .map(|t| TokenView {
                id: t.id.to_string(),
                name: t.name,
                created_at: format(t.created_at),
                last_used_at: t.last_used_at.map(format),
            })
            .collect(),
        new_token,
    })
}
