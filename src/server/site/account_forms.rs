//! The account forms: log in, register, log out, settings, API tokens and account deletion.
//! Nothing a user typed is lost: a refused login or registration gets its email (and name)
//! back in the query.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::http::header::{SET_COOKIE, USER_AGENT};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::guard::safe_next;
use super::redirects::{failed, query_value, refused, see_other};
use super::signed_in::SignedIn;
use crate::domain::account::{CoachStyle, Language, PreferencesPatch, ResponseLength, Units};
use crate::domain::i18n::FormError;
use crate::server::auth::account::{self, AccountError, Registration, SettingsChange};
use crate::server::auth::api_tokens::create_token as create_api_token;
use crate::server::auth::client_ip;
use crate::server::auth::cookie;
use crate::server::auth::{AuthVia, Principal};
use crate::server::db::{Id, tokens, users};
use crate::server::state::AppState;

/// The short-lived cookie that carries a just-created API token to the settings page once.
pub const NEW_TOKEN_COOKIE: &str = "spotter_new_token";

/// The error a page shows for a failed account flow.
fn form_error(err: &AccountError) -> FormError {
    match err {
        AccountError::Invalid(errors) => {
            match errors.first().map(|e| (e.field.as_str(), e.code.as_str())) {
                Some(("email", _)) => FormError::InvalidEmail,
                Some(("password", "too_short")) => FormError::PasswordShort,
                Some(("timezone", _)) => FormError::InvalidTimezone,
                _ => FormError::InvalidInput,
            }
        }
        AccountError::EmailTaken => FormError::EmailTaken,
        AccountError::InvalidCredentials => FormError::InvalidCredentials,
        AccountError::RateLimited(_) => FormError::RateLimited,
        AccountError::Db(_) | AccountError::Hash(_) => FormError::Generic,
    }
}

fn user_agent(headers: &HeaderMap) -> Option<&str> {
    headers.get(USER_AGENT).and_then(|v| v.to_str().ok())
}

#[derive(Deserialize)]
pub struct LoginForm {
    email: Option<String>,
    password: Option<String>,
    next: Option<String>,
}

pub async fn login(
    State(state): State<AppState>,
    addr: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    form: Result<Form<LoginForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return refused("/login", FormError::InvalidInput, "");
    };
    let email = form.email.unwrap_or_default();
    match account::login(
        &state,
        &client_ip(addr.as_ref(), &headers, &state.config.trusted_proxies),
        &email,
        &form.password.unwrap_or_default(),
        user_agent(&headers),
    )
    .await
    {
        Ok(session) => {
            let cookie = cookie::session(&state, &headers, session.token);
            (
                [(SET_COOKIE, cookie)],
                Redirect::to(safe_next(form.next.as_deref())),
            )
                .into_response()
        }
        Err(err) => {
            let mut to = format!(
                "/login?error={}&email={}",
                form_error(&err),
                query_value(email.trim())
            );
            if let Some(next) = form.next.as_deref().filter(|n| safe_next(Some(n)) != "/") {
                to.push_str(&format!("&next={}", query_value(next)));
            }
            see_other(&to)
        }
    }
}

#[derive(Deserialize)]
pub struct RegisterForm {
    email: Option<String>,
    password: Option<String>,
    display_name: Option<String>,
    language: Option<String>,
    timezone: Option<String>,
}

pub async fn register(
    State(state): State<AppState>,
    addr: Option<axum::Extension<ConnectInfo<SocketAddr>>>,
    headers: HeaderMap,
    form: Result<Form<RegisterForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return refused("/register", FormError::InvalidInput, "");
    };
    let email = form.email.unwrap_or_default();
    let display_name = form.display_name.unwrap_or_default();
    let language = form
        .language
        .as_deref()
        .and_then(|l| l.parse().ok())
        .unwrap_or(Language::En);
    let registration = Registration {
        email: &email,
        password: form.password.as_deref().unwrap_or_default(),
        display_name: Some(&display_name),
        language,
        timezone: form.timezone.as_deref(),
    };
    match account::register(
        &state,
        &client_ip(addr.as_ref(), &headers, &state.config.trusted_proxies),
        registration,
        user_agent(&headers),
    )
    .await
    {
        Ok(session) => (
            [(SET_COOKIE, cookie::session(&state, &headers, session.token))],
            Redirect::to("/"),
        )
            .into_response(),
        Err(err) => see_other(&format!(
            "/register?error={}&email={}&display_name={}",
            form_error(&err),
            query_value(email.trim()),
            query_value(display_name.trim())
        )),
    }
}

pub async fn logout(
    State(state): State<AppState>,
    headers: HeaderMap,
    principal: Option<axum::Extension<Principal>>,
) -> Response {
    if let Some(axum::Extension(Principal {
        via: AuthVia::Session(id),
        ..
    })) = principal
        && let Err(e) = account::logout(&state, &id).await
    {
        tracing::error!(error = %e, "logout failed");
    }
    (
        [(SET_COOKIE, cookie::cleared(&state, &headers))],
        Redirect::to("/login"),
    )
        .into_response()
}

#[derive(Deserialize)]
pub struct SettingsForm {
    display_name: Option<String>,
    language: Option<String>,
    units: Option<String>,
    timezone: Option<String>,
    coach_style: Option<String>,
    response_length: Option<String>,
}

pub async fn settings(
    SignedIn(state, p): SignedIn,
    form: Result<Form<SettingsForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return refused("/settings", FormError::InvalidInput, "");
    };
    let change = SettingsChange {
        display_name: form.display_name,
        language: form.language.and_then(|v| v.parse::<Language>().ok()),
        units: form.units.and_then(|v| v.parse::<Units>().ok()),
        timezone: form.timezone,
        preferences: Some(PreferencesPatch {
            coach_style: form.coach_style.and_then(|v| v.parse::<CoachStyle>().ok()),
            response_length: form
                .response_length
                .and_then(|v| v.parse::<ResponseLength>().ok()),
        }),
    };
    match account::update_settings(&state, &p.user, change).await {
        Ok(_) => see_other("/settings?saved=1"),
        Err(err) => refused("/settings", form_error(&err), ""),
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: Option<String>,
}

pub async fn create_token(
    SignedIn(state, p): SignedIn,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Response {
    let name = form.ok().and_then(|Form(f)| f.name).unwrap_or_default();
    match create_api_token(&state, &p.user.id, &name).await {
        Ok(created) => {
            // The secret travels in an HttpOnly cookie scoped to /settings for two minutes,
            // never in a URL; the settings page shows it once and clears it.
            let flash = ::cookie::Cookie::build((NEW_TOKEN_COOKIE, created.token))
                .http_only(true)
                .same_site(::cookie::SameSite::Strict)
                .path("/settings")
                .max_age(::cookie::time::Duration::seconds(120))
                .build();
            (
                [(SET_COOKIE, flash.to_string())],
                Redirect::to("/settings#tokens"),
            )
                .into_response()
        }
        Err(_) => refused("/settings", FormError::TokenName, "#tokens"),
    }
}

pub async fn revoke_token(SignedIn(state, p): SignedIn, Path(id): Path<String>) -> Response {
    if let Some(id) = Id::parse(&id)
        && let Err(e) = tokens::revoke(&state.db, &p.user.id, &id).await
    {
        return failed("/settings", "#tokens", "token revoke", e);
    }
    see_other("/settings#tokens")
}

#[derive(Deserialize)]
pub struct DeleteForm {
    confirm_email: Option<String>,
}

pub async fn delete_account(
    headers: HeaderMap,
    SignedIn(state, p): SignedIn,
    form: Result<Form<DeleteForm>, FormRejection>,
) -> Response {
    let typed = form
        .ok()
        .and_then(|Form(f)| f.confirm_email)
        .unwrap_or_default();
    if crate::domain::account::normalize_email(&typed) != p.user.email {
        return refused("/settings", FormError::DeleteConfirm, "#data");
    }
    match users::delete(&state.db, &p.user.id).await {
        Ok(_) => (
            [(SET_COOKIE, cookie::cleared(&state, &headers))],
            Redirect::to("/login?deleted=1"),
        )
            .into_response(),
        Err(e) => failed("/settings", "#data", "account deletion", e),
    }
}
