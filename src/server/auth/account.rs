//! The account flows behind both the REST API and the HTML forms: register, log in, log out,
//! change settings. Each takes plain values and returns a typed error; the callers only map
//! those to JSON or to a redirect.

use std::time::Instant;

use super::{password, secret::random_token};
use crate::domain::account::{
    FieldError, Language, normalize_display_name, normalize_email, validate_email,
    validate_password,
};
use crate::server::db::users::{self, CreateUserError, NewUser, User};
use crate::server::db::{Id, sessions};
use crate::server::state::AppState;

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    #[error("an account with this email already exists")]
    EmailTaken,
    #[error("wrong email or password")]
    InvalidCredentials,
    #[error("too many attempts; retry in {0} s")]
    RateLimited(u64),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
    #[error(transparent)]
    Hash(#[from] password::HashError),
}

pub struct Registration<'a> {
    pub email: &'a str,
    pub password: &'a str,
    pub display_name: Option<&'a str>,
    pub language: Language,
    pub timezone: Option<&'a str>,
}

/// A new browser session: the user and the cookie value to hand back.
pub struct NewSession {
    pub user: User,
    pub token: String,
}

/// Registers through a public form or the API: throttled per client IP, then
/// [`create_account`], then a new session.
pub async fn register(
    state: &AppState,
    ip: &str,
    r: Registration<'_>,
    user_agent: Option<&str>,
) -> Result<NewSession, AccountError> {
    let now = Instant::now();
    if let Some(wait) = state.throttle.registrations.retry_after(ip, now) {
        return Err(AccountError::RateLimited(wait));
    }
    state.throttle.registrations.record(ip, now);
    let user = create_account(state, r).await?;
    start_session(state, user, user_agent).await
}

/// Validates every field (reporting all problems at once) and creates the user.
pub async fn create_account(state: &AppState, r: Registration<'_>) -> Result<User, AccountError> {
    let email = normalize_email(r.email);
    let mut errors = Vec::new();
    if let Err(e) = validate_email(&email) {
        errors.push(e);
    }
    if let Err(e) = validate_password(r.password) {
        errors.push(e);
    }
    let display_name = normalize_display_name(r.display_name, &email)
        .map_err(|e| errors.push(e))
        .ok();
    let timezone = match r.timezone.map(str::trim).filter(|t| !t.is_empty()) {
        Some(tz) if is_valid_timezone(tz) => tz.to_owned(),
        Some(_) => {
            errors.push(invalid_timezone());
            String::new()
        }
        None => "UTC".to_owned(),
    };
    if !errors.is_empty() {
        return Err(AccountError::Invalid(errors));
    }
    let display_name = display_name.unwrap_or_default();

    let hash = password::hash(r.password.to_owned()).await?;
    let user = users::create(
        &state.db,
        NewUser {
            email: &email,
            display_name: &display_name,
            password_hash: &hash,
            language: r.language,
            timezone: &timezone,
        },
    )
    .await
    .map_err(|e| match e {
        CreateUserError::EmailTaken => AccountError::EmailTaken,
        CreateUserError::Db(e) => AccountError::Db(e),
    })?;
    tracing::info!(user_id = %user.id, "account created");
    Ok(user)
}

/// Checks the password (throttled per IP and per account) and starts a session.
pub async fn login(
    state: &AppState,
    ip: &str,
    email: &str,
    password: &str,
    user_agent: Option<&str>,
) -> Result<NewSession, AccountError> {
    let email = normalize_email(email);
    if let Some(wait) = state.throttle.blocked(ip, &email, Instant::now()) {
        tracing::warn!(%ip, "login throttled");
        return Err(AccountError::RateLimited(wait));
    }
    let user = users::find_by_email(&state.db, &email).await?;
    let ok = password::verify(
        password.to_owned(),
        user.as_ref().map(|u| u.password_hash.clone()),
    )
    .await;
    match user {
        Some(user) if ok => {
            state.throttle.record_success(&email);
            start_session(state, user, user_agent).await
        }
        _ => {
            state.throttle.record_failure(ip, &email, Instant::now());
            Err(AccountError::InvalidCredentials)
        }
    }
}

async fn start_session(
    state: &AppState,
    user: User,
    user_agent: Option<&str>,
) -> Result<NewSession, AccountError> {
    let token = random_token(32);
    sessions::create(&state.db, &user.id, &state.secret.hash(&token), user_agent).await?;
    Ok(NewSession { user, token })
}

pub async fn logout(state: &AppState, session_id: &Id) -> Result<(), AccountError> {
    sessions::delete(&state.db, session_id).await?;
    Ok(())
}

/// What the settings form and `PATCH /me` may change; `None` keeps the current value.
#[derive(Debug, Default, serde::Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SettingsChange {
    pub display_name: Option<String>,
    pub language: Option<crate::domain::account::Language>,
    pub units: Option<crate::domain::account::Units>,
    /// IANA time zone name, e.g. `Asia/Jerusalem`.
    pub timezone: Option<String>,
    /// Only the preferences given change; the others keep their values.
    pub preferences: Option<crate::domain::account::PreferencesPatch>,
}

pub async fn update_settings(
    state: &AppState,
    user: &User,
    change: SettingsChange,
) -> Result<User, AccountError> {
    let mut errors = Vec::new();
    let display_name = match change.display_name.as_deref() {
        Some(raw) if raw.trim().is_empty() => {
            errors.push(FieldError::new(
                "display_name",
                "required",
                "Display name cannot be empty.",
            ));
            None
        }
        Some(raw) => normalize_display_name(Some(raw), &user.email)
            .map_err(|e| errors.push(e))
            .ok(),
        None => None,
    };
    let timezone = match change.timezone.as_deref().map(str::trim) {
        Some(tz) if is_valid_timezone(tz) => Some(tz.to_owned()),
        Some(_) => {
            errors.push(invalid_timezone());
            None
        }
        None => None,
    };
    if !errors.is_empty() {
        return Err(AccountError::Invalid(errors));
    }
    let change = users::ProfileChange {
        display_name,
        language: change.language,
        units: change.units,
        timezone,
        preferences: change
            .preferences
            .map(|patch| user.preferences.0.apply(&patch)),
    };
    users::update_profile(&state.db, &user.id, change)
        .await?
        .ok_or(AccountError::Db(sqlx::Error::RowNotFound))
}

pub fn is_valid_timezone(name: &str) -> bool {
    name.parse::<chrono_tz::Tz>().is_ok()
}

fn invalid_timezone() -> FieldError {
    FieldError::new(
        "timezone",
        "invalid",
        "Unknown time zone. Use an IANA name such as Europe/London.",
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn timezones_are_iana_names() {
        for ok in ["UTC", "Asia/Jerusalem", "America/New_York"] {
            assert!(super::is_valid_timezone(ok), "{ok}");
        }
        for bad in ["", "Mars/Olympus", "GMT+2 but friendly", "asia/jerusalem "] {
            assert!(!super::is_valid_timezone(bad), "{bad}");
        }
    }
}
