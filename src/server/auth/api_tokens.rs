//! Issuing API tokens, the one flow shared by `POST /tokens`, the settings form and
//! `spotter token create`: the name is checked, a fresh secret is made, and only its keyed hash
//! is stored. The secret is returned once and never kept or logged.

use serde::Serialize;

use super::secret::new_api_token;
use crate::domain::account::FieldError;
use crate::server::db::{Id, tokens};
use crate::server::state::AppState;

pub const MAX_TOKEN_NAME_CHARS: usize = 100;

#[derive(Debug, thiserror::Error)]
pub enum TokenError {
    #[error("{}", .0.message)]
    Invalid(FieldError),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct CreatedToken {
    pub id: String,
    pub name: String,
    /// The secret itself. Shown only in this response; store it now.
    pub token: String,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

pub fn validate_name(raw: &str) -> Result<String, FieldError> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(FieldError::new(
            "name",
            "required",
            "Give the token a name.",
        ));
    }
    if name.chars().count() > MAX_TOKEN_NAME_CHARS || name.chars().any(char::is_control) {
        return Err(FieldError::new(
            "name",
            "invalid",
            format!("Use at most {MAX_TOKEN_NAME_CHARS} printable characters."),
        ));
    }
    Ok(name.to_owned())
}

/// Creates a token named `raw_name` (trimmed) for `user_id`.
pub async fn create_token(
    state: &AppState,
    user_id: &Id,
    raw_name: &str,
) -> Result<CreatedToken, TokenError> {
    let name = validate_name(raw_name).map_err(TokenError::Invalid)?;
    let token = new_api_token();
    let row = tokens::create(&state.db, user_id, &name, &state.secret.hash(&token)).await?;
    Ok(CreatedToken {
        id: row.id.to_string(),
        name: row.name,
        token,
        created_at: row.created_at,
    })
}
