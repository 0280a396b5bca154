//! Plain HTML form handlers, so every page works with JavaScript off: each one validates,
//! calls the same flow as the REST API, and answers with a 303 redirect carrying the outcome
//! in the query string (`?error=code` or `?saved=1`). Nothing a user typed is lost: the login
//! form gets its email back.

use std::net::SocketAddr;

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::HeaderMap;
use axum::http::header::{SET_COOKIE, USER_AGENT};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::guard::safe_next;
use crate::domain::account::{CoachStyle, Language, PreferencesPatch, ResponseLength, Units};
use crate::server::auth::account::{self, AccountError, Registration, SettingsChange};
use crate::server::auth::api_tokens::create_token as create_api_token;
use crate::server::auth::cookie;
use crate::server::auth::{AuthVia, Principal, client_ip};
use crate::server::db::{Id, tokens, users};
use crate::server::state::AppState;

/// The short-lived cookie that carries a just-created API token to the settings page once.
pub const NEW_TOKEN_COOKIE: &str = "spotter_new_token";

pub(super) fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

pub(super) fn query_value(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `page?error=code&k=v…`: a refusal that carries every non-empty typed field back so the
/// form is filled in again.
pub(super) fn back_with(
    page: &str,
    code: &str,
    fields: &[(String, String)],
    extra: &str,
) -> Response {
    let mut to = format!("{page}?error={code}");
    for (k, v) in fields
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .take(400)
    {
        to.push_str(&format!("&{}={}", query_value(k), query_value(v)));
    }
    to.push_str(extra);
    see_other(&to)
}

/// A form's fields in order, as sent (a malformed body is rejected, not guessed at).
pub(super) type Fields = Result<Form<Vec<(String, String)>>, FormRejection>;

/// A form's non-empty field, trimmed.
pub(super) fn field(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The redirect after changing one of the user's items (`Ok(true)`: done; `Ok(false)`: no such
/// item of theirs): back to `page` with `done` as the query, `?error=not_found`, or, for a
/// database error (logged with `what`), `?error=generic`. `anchor` is appended to each.
pub(super) fn item_outcome(
    page: &str,
    done: &str,
    anchor: &str,
    what: &str,
    result: Result<bool, impl std::fmt::Display>,
) -> Response {
    match result {
        Ok(true) if done.is_empty() => see_other(&format!("{page}{anchor}")),
        Ok(true) => see_other(&format!("{page}?{done}{anchor}")),
        Ok(false) => see_other(&format!("{page}?error=not_found{anchor}")),
        Err(e) => {
            tracing::error!(error = %e, "{what} failed");
            see_other(&format!("{page}?error=generic{anchor}"))
        }
    }
}

/// The error code a page shows for a failed account flow.
fn error_code(err: &AccountError) -> &'static str {
    match err {
        AccountError::Invalid(errors) => {
            match errors.first().map(|e| (e.field.as_str(), e.code.as_str())) {
                Some(("email", _)) => "invalid_email",
                Some(("password", "too_short")) => "password_short",
                Some(("timezone", _)) => "invalid_timezone",
                _ => "invalid_input",
            }
        }
        AccountError::EmailTaken => "email_taken",
        AccountError::InvalidCredentials => "invalid_credentials",
        AccountError::RateLimited(_) => "rate_limited",
        AccountError::Db(_) | AccountError::Hash(_) => "generic",
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
        return see_other("/login?error=invalid_input");
    };
    let email = form.email.unwrap_or_default();
    match account::login(
        &state,
        &client_ip(addr.as_ref()),
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
                error_code(&err),
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
        return see_other("/register?error=invalid_input");
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
        &client_ip(addr.as_ref()),
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
            error_code(&err),
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
    /// A checkbox: present ("on") when ticked, absent otherwise.
    notifications: Option<String>,
}

pub async fn settings(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    form: Result<Form<SettingsForm>, FormRejection>,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/settings");
    };
    let Ok(Form(form)) = form else {
        return see_other("/settings?error=invalid_input");
    };
    let change = SettingsChange {
        display_name: form.display_name,
        language: form.language.and_then(|v| v.parse::<Language>().ok()),
        units: form.units.and_then(|v| v.parse::<Units>().ok()),
        timezone: form.timezone,
        // The form shows every preference, so an unticked checkbox means "off".
        preferences: Some(PreferencesPatch {
            coach_style: form.coach_style.and_then(|v| v.parse::<CoachStyle>().ok()),
            response_length: form
                .response_length
                .and_then(|v| v.parse::<ResponseLength>().ok()),
            notifications: Some(form.notifications.is_some()),
        }),
    };
    match account::update_settings(&state, &p.user, change).await {
        Ok(_) => see_other("/settings?saved=1"),
        Err(err) => see_other(&format!("/settings?error={}", error_code(&err))),
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    name: Option<String>,
}

pub async fn create_token(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    form: Result<Form<TokenForm>, FormRejection>,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/settings");
    };
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
        Err(_) => see_other("/settings?error=token_name#tokens"),
    }
}

pub async fn revoke_token(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    Path(id): Path<String>,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/settings");
    };
    if let Some(id) = Id::parse(&id)
        && let Err(e) = tokens::revoke(&state.db, &p.user.id, &id).await
    {
        tracing::error!(error = %e, "token revoke failed");
        return see_other("/settings?error=generic#tokens");
    }
    see_other("/settings#tokens")
}

#[derive(Deserialize)]
pub struct DeleteForm {
    confirm_email: Option<String>,
}

pub async fn delete_account(
    State(state): State<AppState>,
    headers: HeaderMap,
    principal: Option<axum::Extension<Principal>>,
    form: Result<Form<DeleteForm>, FormRejection>,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login");
    };
    let typed = form
        .ok()
        .and_then(|Form(f)| f.confirm_email)
        .unwrap_or_default();
    if crate::domain::account::normalize_email(&typed) != p.user.email {
        return see_other("/settings?error=delete_confirm#data");
    }
    match users::delete(&state.db, &p.user.id).await {
        Ok(_) => (
            [(SET_COOKIE, cookie::cleared(&state, &headers))],
            Redirect::to("/login?deleted=1"),
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "account deletion failed");
            see_other("/settings?error=generic#data")
        }
    }
}

/// `POST /log`: the log page's form. Success → `/log?logged=<id>` (points and new records are
/// shown there); a refusal → `/log?error=code&…` with every typed field carried back, plus
/// `suggest=` names when an exercise was not recognised.
pub async fn log_workout(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    form: Fields,
) -> Response {
    use crate::domain::log_form::parse_log_form;
    use crate::server::training::exercises::add_missing;
    use crate::server::training::log::{LogError, edit_workout, log_workout as log};

    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/log");
    };
    let fields: Vec<(String, String)> = form.map(|Form(f)| f).unwrap_or_default();
    let back = |code: &str, extra: &str| back_with("/log", code, &fields, extra);
    let map: std::collections::HashMap<String, String> = fields.iter().cloned().collect();
    let (mut input, when) = match parse_log_form(&map, p.user.units()) {
        Ok(parsed) => parsed,
        Err(e) => return back(e.code(), ""),
    };
    if let Some(local) = when {
        input.started_at = Some(crate::server::local_time::to_utc(p.user.zone(), local));
    }
    // "Save and add new exercises": names that match nothing become the user's exercises.
    if fields.iter().any(|(k, v)| k == "add_missing" && v == "1")
        && let Err(e) = add_missing(&state.db, &p.user.id, &input).await
    {
        tracing::error!(error = %e, "adding custom exercises failed");
        return back("generic", "");
    }
    // `edit=<id>`: the form saves over that workout (sets replaced, everything recomputed).
    let edit = fields
        .iter()
        .find(|(k, _)| k == "edit")
        .and_then(|(_, v)| Id::parse(v));
    let outcome = match &edit {
        None => log(&state.db, &p.user, &input, "form").await.map(Some),
        Some(id) => {
            let patch = crate::domain::workout::WorkoutPatch {
                name: Some(input.name.clone()),
                notes: None,
                started_at: input.started_at,
                exercises: Some(input.exercises.clone()),
            };
            edit_workout(&state.db, &p.user, id, &patch).await
        }
    };
    match outcome {
        Ok(Some(logged)) => see_other(&format!("/log?logged={}", logged.detail.workout.id)),
        Ok(None) => see_other("/log?error=not_found#recent"),
        Err(LogError::UnknownExercises(unknown)) => {
            let he = p.user.language() == Language::He;
            let names: Vec<String> = unknown
                .iter()
                .flat_map(|u| {
                    u.suggestions.iter().map(|c| {
                        if he {
                            c.name_he.clone()
                        } else {
                            c.name_en.clone()
                        }
                    })
                })
                .take(8)
                .collect();
            let extra = if names.is_empty() {
                String::new()
            } else {
                format!("&suggest={}", query_value(&names.join("|")))
            };
            back("unknown_exercise", &extra)
        }
        Err(LogError::Invalid(_)) => back("invalid_input", ""),
        Err(LogError::Db(e)) => {
            tracing::error!(error = %e, "logging a workout failed");
            back("generic", "")
        }
    }
}

/// `POST /log/{id}/delete`: deletes a workout and recomputes what came from it.
pub async fn delete_workout(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    Path(id): Path<String>,
) -> Response {
    use crate::server::db::workouts;
    use crate::server::training::log::local_day_fn;
    use crate::server::training::recompute::recompute;

    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/log");
    };
    let Some(id) = Id::parse(&id) else {
        return see_other("/log?error=not_found#recent");
    };
    let result = async {
        if !workouts::delete(&state.db, &p.user.id, &id).await? {
            return Ok(false);
        }
        recompute(&state.db, &p.user.id, local_day_fn(&p.user)).await?;
        Ok::<_, sqlx::Error>(true)
    }
    .await;
    item_outcome("/log", "deleted=1", "#recent", "deleting a workout", result)
}
