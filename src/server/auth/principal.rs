//! Who is making a request. [`resolve`] runs once per request: it reads the bearer token or
//! the session cookie, loads the user, and stores a [`Principal`] (if any) and the page
//! [`Viewer`] in the request extensions. Handlers ask for [`CurrentUser`] to require a user.

use axum::extract::{FromRequestParts, Request, State};
use axum::http::header::{ACCEPT_LANGUAGE, AUTHORIZATION, COOKIE};
use axum::http::{HeaderMap, request::Parts};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::SESSION_COOKIE;
use crate::domain::account::Language;
use crate::domain::viewer::Viewer;
use crate::server::db::users::User;
use crate::server::db::{Id, sessions, tokens};
use crate::server::http::error::ApiError;
use crate::server::state::AppState;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AuthVia {
    Session(Id),
    Token(Id),
}

#[derive(Clone, Debug)]
pub struct Principal {
    pub user: User,
    pub via: AuthVia,
}

/// Extractor: the authenticated user, or a 401 in the API error shape.
#[derive(Clone, Debug)]
pub struct CurrentUser(pub Principal);

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Principal>()
            .cloned()
            .map(CurrentUser)
            .ok_or_else(ApiError::unauthorized)
    }
}

/// Extractor: the app state and the authenticated user of a REST call, which nearly every
/// handler needs together; a 401 in the API error shape without a user.
#[derive(Clone, Debug)]
pub struct Caller(pub AppState, pub Principal);

impl FromRequestParts<AppState> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let CurrentUser(principal) = CurrentUser::from_request_parts(parts, state).await?;
        Ok(Caller(state.clone(), principal))
    }
}

/// The bearer token of an `Authorization: Bearer …` header, if any.
pub fn bearer_token(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// The session cookie's value, if the request carries one.
pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == SESSION_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

async fn authenticate(
    state: &AppState,
    headers: &HeaderMap,
) -> Result<Option<Principal>, sqlx::Error> {
    if let Some(token) = bearer_token(headers) {
        let found = tokens::find_user(&state.db, &state.secret.hash(token)).await?;
        return Ok(found.map(|(id, user)| Principal {
            user,
            via: AuthVia::Token(id),
        }));
    }
    if let Some(token) = session_token(headers) {
        let found = sessions::find_user(&state.db, &state.secret.hash(&token)).await?;
        return Ok(found.map(|(id, user)| Principal {
            user,
            via: AuthVia::Session(id),
        }));
    }
    Ok(None)
}

/// Middleware: authenticates the request (see the module docs).
pub async fn resolve(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let principal = match authenticate(&state, req.headers()).await {
        Ok(p) => p,
        Err(err) => {
            tracing::error!(error = %err, "authentication lookup failed");
            return ApiError::unavailable().into_response();
        }
    };
    let viewer = match &principal {
        Some(p) => Viewer::signed_in(p.user.profile()),
        None => Viewer::anonymous(
            req.headers()
                .get(ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Language::from_accept_language)
                .unwrap_or_default(),
        ),
    };
    req.extensions_mut().insert(viewer);
    if let Some(p) = principal {
        req.extensions_mut().insert(p);
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn bearer_tokens_are_read_case_insensitively() {
        let mut h = HeaderMap::new();
        assert_eq!(bearer_token(&h), None);
        h.insert(AUTHORIZATION, HeaderValue::from_static("bearer spt_abc"));
        assert_eq!(bearer_token(&h), Some("spt_abc"));
        h.insert(AUTHORIZATION, HeaderValue::from_static("Basic dXNlcg=="));
        assert_eq!(bearer_token(&h), None);
        h.insert(AUTHORIZATION, HeaderValue::from_static("Bearer "));
        assert_eq!(bearer_token(&h), None);
    }

    #[test]
    fn the_session_cookie_is_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            COOKIE,
            HeaderValue::from_static("theme=dark; spotter_session=s3cr3t; x=1"),
        );
        assert_eq!(session_token(&h).as_deref(), Some("s3cr3t"));
        h.insert(COOKIE, HeaderValue::from_static("spotter_session="));
        assert_eq!(session_token(&h), None);
    }
}
