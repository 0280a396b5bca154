//! Page access: private pages redirect anonymous visitors to `/login` (remembering where they
//! were going), and `/login`/`/register` send signed-in users home. Done before rendering so
//! it works the same with JavaScript off.

use axum::extract::Request;
use axum::http::Method;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::url_query::path_value;
use crate::server::auth::Principal;

const PUBLIC_PAGES: &[&str] = &["/login", "/register"];
const PRIVATE_PAGES: &[&str] = &[
    "/history",
    "/progress",
    "/log",
    "/goals",
    "/plan",
    "/settings",
];

fn is_private(path: &str) -> bool {
    path == "/"
        || path.starts_with("/c/")
        || PRIVATE_PAGES.iter().any(|p| {
            path.strip_prefix(p)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
}

pub async fn pages(req: Request, next: Next) -> Response {
    if req.method() != Method::GET {
        return next.run(req).await;
    }
    let path = req.uri().path();
    let signed_in = req.extensions().get::<Principal>().is_some();
    if !signed_in && is_private(path) {
        let target = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let to = if target == "/" {
            "/login".to_owned()
        } else {
            format!("/login?next={}", path_value(target))
        };
        return Redirect::to(&to).into_response();
    }
    if signed_in && PUBLIC_PAGES.contains(&path) {
        return Redirect::to("/").into_response();
    }
    next.run(req).await
}

/// Where to go after logging in: only a local path, never another site. Backslashes, spaces
/// and control characters are refused outright: browsers drop tabs and newlines from URLs and
/// read `\` as `/`, so `/\t/evil.example` would otherwise become `//evil.example`.
pub fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n)
            if n.starts_with('/')
                && !n.starts_with("//")
                && !n
                    .chars()
                    .any(|c| c == '\\' || c.is_whitespace() || c.is_control()) =>
        {
            n
        }
        _ => "/",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_and_public_paths() {
        for p in ["/", "/settings", "/c/0190", "/history", "/plan"] {
            assert!(is_private(p), "{p}");
        }
        for p in [
            "/login",
            "/register",
            "/main.css",
            "/pkg/spotter.js",
            "/planets",
        ] {
            assert!(!is_private(p), "{p}");
        }
    }

    #[test]
    fn next_never_leaves_the_site() {
        assert_eq!(safe_next(Some("/settings")), "/settings");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(Some("/\t/evil.example")), "/");
        assert_eq!(safe_next(Some("/\nX")), "/");
        assert_eq!(safe_next(Some("/c/0190?x=1")), "/c/0190?x=1");
        assert_eq!(safe_next(None), "/");
    }
}
