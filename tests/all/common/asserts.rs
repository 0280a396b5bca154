//! Assertions on answers: the documented error shape, cookies, redirects.

use reqwest::header::{CONTENT_TYPE, HeaderMap};
use reqwest::{Response, StatusCode};
use serde_json::Value;

/// Checks a response is exactly the documented error shape
/// `{"error": {"code", "message", "details"?}}` with this status and code; returns the body.
pub async fn assert_error(resp: Response, status: StatusCode, code: &str) -> Value {
    let got = resp.status();
    let url = resp.url().clone();
    let content_type = resp
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    let text = resp.text().await.expect("error body");
    assert_eq!(got, status, "{url}: expected {status}, body: {text}");
    assert!(
        content_type.starts_with("application/json"),
        "{url}: error content-type {content_type:?}, body: {text}"
    );
    let body: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: not JSON ({e}): {text}"));
    assert_error_shape(&body, code);
    body
}

/// The error shape on an already-parsed body.
pub fn assert_error_shape(body: &Value, code: &str) {
    let top = body
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {body}"));
    assert_eq!(
        top.keys().collect::<Vec<_>>(),
        vec!["error"],
        "only `error` at the top: {body}"
    );
    let error = top["error"]
        .as_object()
        .unwrap_or_else(|| panic!("`error` is not an object: {body}"));
    for key in error.keys() {
        assert!(
            ["code", "message", "details"].contains(&key.as_str()),
            "unexpected key `{key}` in {body}"
        );
    }
    assert_eq!(
        error.get("code").and_then(Value::as_str),
        Some(code),
        "{body}"
    );
    assert!(
        error
            .get("message")
            .and_then(Value::as_str)
            .is_some_and(|m| !m.trim().is_empty()),
        "message must be a non-empty string: {body}"
    );
}

/// Asserts a status in `allowed` and the error shape (any code); returns the code.
pub async fn assert_client_error(resp: Response, allowed: &[StatusCode]) -> String {
    let got = resp.status();
    let url = resp.url().clone();
    let text = resp.text().await.expect("error body");
    assert!(
        allowed.contains(&got),
        "{url}: expected one of {allowed:?}, got {got}: {text}"
    );
    let body: Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{url}: not JSON ({e}): {text}"));
    let code = body["error"]["code"].as_str().unwrap_or("").to_owned();
    assert_error_shape(&body, &code);
    code
}

/// The field names listed in an error's `details` (field errors).
pub fn detail_fields(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| d["field"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The value of the `spotter_session` cookie set by a response, if any.
pub fn session_cookie(headers: &HeaderMap) -> Option<String> {
    set_cookie(headers, "spotter_session")
        .and_then(|c| c.split(';').next().map(str::to_owned))
        .and_then(|pair| pair.split_once('=').map(|(_, v)| v.to_owned()))
}

/// The whole `Set-Cookie` header for cookie `name`, if the response sets it.
pub fn set_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(reqwest::header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_owned)
}

/// The `Location` of a redirect.
pub fn location(resp: &Response) -> String {
    resp.headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("{} has no Location ({})", resp.url(), resp.status()))
        .to_owned()
}

/// Asserts a redirect (303 or 307) and returns where to.
pub fn assert_redirect(resp: &Response) -> String {
    assert!(
        matches!(
            resp.status(),
            StatusCode::SEE_OTHER | StatusCode::TEMPORARY_REDIRECT | StatusCode::FOUND
        ),
        "{} answered {}, expected a redirect",
        resp.url(),
        resp.status()
    );
    location(resp)
}

/// A response header's value ("" when absent).
pub fn header(resp: &Response, name: &str) -> String {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}
