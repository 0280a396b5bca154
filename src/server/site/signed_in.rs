//! [`SignedIn`]: the site's twin of `auth::Caller`. A form handler that takes it runs only for
//! a signed-in user, and gets the app state with them; anyone else is sent to
//! `/login?next=<the form's page>`, so they come back to where they were after signing in.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use crate::server::auth::Principal;
use crate::server::state::AppState;

/// Extractor: the app state and the signed-in user of a form post, or a 303 to the login page.
#[derive(Clone, Debug)]
pub struct SignedIn(pub AppState, pub Principal);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Principal>()
            .cloned()
            .map(|p| SignedIn(state.clone(), p))
            .ok_or_else(|| Redirect::to(&login_for(parts.uri.path())).into_response())
    }
}

/// The login page that leads back to the page a form at `path` lives on: `/goals/x/delete`
/// belongs to `/goals`, `/settings/tokens` to `/settings`.
fn login_for(path: &str) -> String {
    match path.trim_start_matches('/').split('/').next() {
        Some(page) if !page.is_empty() && page.bytes().all(|b| b.is_ascii_lowercase()) => {
            format!("/login?next=/{page}")
        }
        _ => "/login".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::login_for;

    #[test]
    fn the_login_page_leads_back_to_the_forms_page() {
        assert_eq!(login_for("/goals/0190abc/delete"), "/login?next=/goals");
        assert_eq!(login_for("/settings/tokens"), "/login?next=/settings");
        assert_eq!(login_for("/log"), "/login?next=/log");
        assert_eq!(login_for("/"), "/login");
        assert_eq!(login_for("//evil.example/x"), "/login");
    }
}
