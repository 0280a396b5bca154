//! The session cookie: HttpOnly, SameSite=Lax, Path=/, Secure when served over https
//! (configured, or detected from `X-Forwarded-Proto`).

use axum::http::{HeaderMap, HeaderValue};
use cookie::{Cookie, SameSite};

use super::SESSION_COOKIE;
use crate::server::db::sessions::SESSION_TTL;
use crate::server::state::AppState;

fn is_https(state: &AppState, headers: &HeaderMap) -> bool {
    state.config.cookie_secure.unwrap_or_else(|| {
        headers
            .get("x-forwarded-proto")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|p| p.eq_ignore_ascii_case("https"))
    })
}

fn build(
    state: &AppState,
    headers: &HeaderMap,
    value: String,
    max_age: cookie::time::Duration,
) -> HeaderValue {
    let c = Cookie::build((SESSION_COOKIE, value))
        .http_only(true)
        .same_site(SameSite::Lax)
        .path("/")
        .secure(is_https(state, headers))
        .max_age(max_age)
        .build();
    HeaderValue::from_str(&c.to_string()).expect("cookie text is a valid header value")
}

pub fn session(state: &AppState, headers: &HeaderMap, token: String) -> HeaderValue {
    build(
        state,
        headers,
        token,
        cookie::time::Duration::seconds(SESSION_TTL.num_seconds()),
    )
}

pub fn cleared(state: &AppState, headers: &HeaderMap) -> HeaderValue {
    build(state, headers, String::new(), cookie::time::Duration::ZERO)
}
