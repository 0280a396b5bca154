//! CSRF defence for cookie-authenticated writes (REST, form posts and Leptos server functions
//! alike): an unsafe request is refused when its `Origin` is present and not ours, or its
//! `Sec-Fetch-Site` is present and not `same-origin`/`none`. Requests with neither header
//! (non-browser clients) pass, and bearer-token requests need no check: browsers never attach
//! those on their own.

use axum::extract::Request;
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::principal::bearer_token;
use crate::server::http::error::ApiError;

/// Whether a request with this method and these headers may proceed.
pub fn allowed(method: &Method, headers: &HeaderMap) -> bool {
    if matches!(
        *method,
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) || bearer_token(headers).is_some()
    {
        return true;
    }
    if let Some(site) = headers.get("sec-fetch-site")
        && !matches!(site.to_str(), Ok("same-origin" | "none"))
    {
        return false;
    }
    match headers.get(ORIGIN) {
        None => true,
        Some(origin) => {
            let host = headers
                .get("x-forwarded-host")
                .or_else(|| headers.get(HOST))
                .and_then(|h| h.to_str().ok());
            match (origin.to_str().ok(), host) {
                (Some(origin), Some(host)) => {
                    let origin_host = origin
                        .strip_prefix("https://")
                        .or_else(|| origin.strip_prefix("http://"));
                    origin_host.is_some_and(|o| o.eq_ignore_ascii_case(host))
                }
                _ => false,
            }
        }
    }
}

/// Middleware: 403 in the API error shape when [`allowed`] says no.
pub async fn check(req: Request, next: Next) -> Response {
    if allowed(req.method(), req.headers()) {
        next.run(req).await
    } else {
        tracing::warn!(method = %req.method(), path = %req.uri().path(), "cross-site write refused");
        ApiError::csrf().into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_static(v));
        }
        h
    }

    type Case = (Method, &'static [(&'static str, &'static str)], bool);

    #[test]
    fn table() {
        let cases: &[Case] = &[
            (
                Method::GET,
                &[("origin", "https://evil.example"), ("host", "app")],
                true,
            ),
            (Method::POST, &[("host", "127.0.0.1:3000")], true),
            (
                Method::POST,
                &[
                    ("origin", "http://127.0.0.1:3000"),
                    ("host", "127.0.0.1:3000"),
                ],
                true,
            ),
            (
                Method::POST,
                &[
                    ("origin", "https://evil.example"),
                    ("host", "127.0.0.1:3000"),
                ],
                false,
            ),
            (
                Method::DELETE,
                &[("origin", "null"), ("host", "127.0.0.1:3000")],
                false,
            ),
            (
                Method::POST,
                &[("sec-fetch-site", "cross-site"), ("host", "a")],
                false,
            ),
            (
                Method::POST,
                &[("sec-fetch-site", "same-site"), ("host", "a")],
                false,
            ),
            (
                Method::POST,
                &[
                    ("sec-fetch-site", "same-origin"),
                    ("origin", "http://a"),
                    ("host", "a"),
                ],
                true,
            ),
            (
                Method::PATCH,
                &[("sec-fetch-site", "none"), ("host", "a")],
                true,
            ),
            (
                Method::POST,
                &[
                    ("origin", "https://evil.example"),
                    ("host", "a"),
                    ("authorization", "Bearer spt_x"),
                ],
                true,
            ),
            (
                Method::POST,
                &[
                    ("origin", "https://spotter.example"),
                    ("x-forwarded-host", "spotter.example"),
                    ("host", "10.0.0.2:3000"),
                ],
                true,
            ),
        ];
        for (method, pairs, expected) in cases {
            assert_eq!(
                allowed(method, &headers(pairs)),
                *expected,
                "{method} {pairs:?}"
            );
        }
    }
}
