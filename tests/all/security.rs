//! Request-level security and the public contract: CSRF refusals for cookie-authenticated
//! writes (REST, HTML forms, Leptos server functions), security headers and CSP nonces,
//! request ids, health probes, and the OpenAPI document covering every REST route.

use std::collections::BTreeSet;

use crate::common::*;
use reqwest::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// Every (method, path) the REST router in `src/server/http/routes/mod.rs` serves. Add a route
/// there and here; the OpenAPI test then fails until the route is documented.
const REST_ROUTES: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/logout"),
    ("get", "/api/v1/me"),
    ("patch", "/api/v1/me"),
    ("delete", "/api/v1/me"),
    ("get", "/api/v1/me/export"),
    ("get", "/api/v1/tokens"),
    ("post", "/api/v1/tokens"),
    ("delete", "/api/v1/tokens/{id}"),
    ("get", "/api/v1/conversations"),
    ("post", "/api/v1/conversations"),
    ("get", "/api/v1/conversations/{id}"),
    ("patch", "/api/v1/conversations/{id}"),
    ("delete", "/api/v1/conversations/{id}"),
    ("get", "/api/v1/workouts"),
    ("post", "/api/v1/workouts"),
    ("get", "/api/v1/workouts/{id}"),
    ("patch", "/api/v1/workouts/{id}"),
    ("delete", "/api/v1/workouts/{id}"),
    ("get", "/api/v1/exercises"),
    ("post", "/api/v1/exercises"),
    ("get", "/api/v1/goals"),
    ("post", "/api/v1/goals"),
    ("get", "/api/v1/goals/{id}"),
    ("patch", "/api/v1/goals/{id}"),
    ("delete", "/api/v1/goals/{id}"),
    ("get", "/api/v1/plan"),
    ("post", "/api/v1/plan"),
    ("get", "/api/v1/plan/{id}"),
    ("patch", "/api/v1/plan/{id}"),
    ("delete", "/api/v1/plan/{id}"),
    ("post", "/api/v1/import"),
    ("get", "/api/v1/stats"),
    ("get", "/api/v1/records"),
    ("get", "/healthz"),
    ("get", "/readyz"),
];

/// Served by the REST router but deliberately not in the document: the document itself.
const UNDOCUMENTED_BY_DESIGN: &[(&str, &str)] = &[("get", "/api/v1/openapi.json")];

/// One extra request header.
type Header = (&'static str, &'static str);

fn header(resp: &reqwest::Response, name: &str) -> String {
    resp.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

/// The `'nonce-…'` value of the CSP's `script-src` directive.
fn script_nonce(csp: &str) -> Option<String> {
    let directive = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src "))?;
    directive.split_whitespace().find_map(|s| {
        s.strip_prefix("'nonce-")?
            .strip_suffix('\'')
            .map(str::to_owned)
    })
}

/// Opening `<script …>` tags of inline scripts (those without `src`).
fn inline_script_tags(html: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let end = after.find('>').expect("unterminated <script");
        let tag = &after[..=end];
        if !tag.contains(" src=") {
            tags.push(tag.to_owned());
        }
        rest = &after[end..];
    }
    tags
}

fn attribute(tag: &str, name: &str) -> Option<String> {
    let needle = format!(" {name}=\"");
    let start = tag.find(&needle)? + needle.len();
    let len = tag[start..].find('"')?;
    Some(tag[start..start + len].to_owned())
}

/// A page's CSP must carry a fresh nonce that every inline script repeats.
async fn assert_page_csp(client: &reqwest::Client, url: &str) -> String {
    let resp = client.get(url).send().await.unwrap();
    let csp = header(&resp, CONTENT_SECURITY_POLICY.as_str());
    assert_eq!(header(&resp, "x-content-type-options"), "nosniff", "{url}");
    assert_eq!(header(&resp, "x-frame-options"), "DENY", "{url}");
    assert!(!header(&resp, "x-request-id").is_empty(), "{url}");
    assert!(
        header(&resp, CONTENT_TYPE.as_str()).starts_with("text/html"),
        "{url}"
    );
    let html = resp.text().await.unwrap();
    let nonce =
        script_nonce(&csp).unwrap_or_else(|| panic!("{url}: no script nonce in CSP {csp:?}"));
    assert!(nonce.len() >= 16, "{url}: nonce too short: {nonce}");
    assert!(!csp.contains("'unsafe-inline'"), "{url}: {csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{url}: {csp}");
    let tags = inline_script_tags(&html);
    assert!(
        !tags.is_empty(),
        "{url}: expected the hydration bootstrap script"
    );
    for tag in tags {
        assert_eq!(
            attribute(&tag, "nonce").as_deref(),
            Some(nonce.as_str()),
            "{url}: inline script without the CSP nonce: {tag}"
        );
    }
    nonce
}

both_engines! {
    async fn health_probes_answer(app: TestApp) {
        let client = app.bare_client();
        let resp = client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(resp.json::<Value>().await.unwrap()["status"], "ok");
        let resp = client.get(app.url("/readyz")).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["status"], "ready");
        let engine = match app.engine {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        };
        assert_eq!(body["database"], engine);
    }

    async fn readyz_reports_an_unreachable_database(app: TestApp) {
        app.db().close().await;
        let client = app.bare_client();
        let resp = client.get(app.url("/healthz")).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "the process is still up");
        let resp = client.get(app.url("/readyz")).send().await.unwrap();
        assert_error(resp, StatusCode::SERVICE_UNAVAILABLE, "unavailable").await;
        // Authenticated requests cannot be checked either: a 503, never a 500 or a 401.
        let resp = client
            .get(app.url("/api/v1/me"))
            .header("cookie", "spotter_session=whatever")
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::SERVICE_UNAVAILABLE, "unavailable").await;
    }

    async fn cross_site_writes_with_a_cookie_are_refused(app: TestApp) {
        let user = app.user("cat").await;
        let evil = [("origin", "https://evil.example")];
        let null_origin = [("origin", "null")];
        let cross_site = [("sec-fetch-site", "cross-site")];
        let same_site = [("sec-fetch-site", "same-site")];
        let lookalike = [("origin", "http://127.0.0.1.evil.example")];
        let other_port_origin = "http://127.0.0.1:1".to_owned();
        let other_port = [("origin", other_port_origin.as_str())];
        let headers: [&[(&str, &str)]; 6] = [
            &evil,
            &null_origin,
            &cross_site,
            &same_site,
            &lookalike,
            &other_port,
        ];
        let c = app.conversation(&user, "Keep me").await;
        let conv = format!("/api/v1/conversations/{}", c["id"].as_str().unwrap());
        // (method, path, JSON body)
        let writes: &[(Method, &str, Option<Value>)] = &[
            (
                Method::POST,
                "/api/v1/conversations",
                Some(json!({"title": "forged"})),
            ),
            (Method::PATCH, &conv, Some(json!({"title": "forged"}))),
            (Method::DELETE, &conv, None),
            (
                Method::POST,
                "/api/v1/tokens",
                Some(json!({"name": "forged"})),
            ),
            (Method::PATCH, "/api/v1/me", Some(json!({"language": "he"}))),
            (Method::DELETE, "/api/v1/me", None),
            (Method::POST, "/api/v1/auth/logout", None),
        ];
        for extra in headers {
            for (method, path, body) in writes {
                let mut req = user.client.request(method.clone(), app.url(path));
                for (k, v) in extra {
                    req = req.header(*k, *v);
                }
                if let Some(body) = body {
                    req = req.json(body);
                }
                let resp = req.send().await.unwrap();
                assert!(!header(&resp, "x-request-id").is_empty());
                assert_error(resp, StatusCode::FORBIDDEN, "csrf_rejected").await;
            }
        }
        // Nothing happened: still signed in, same settings, one conversation, no token.
        let me = app.get_json(&user.client, "/api/v1/me").await;
        assert_eq!(me["language"], "en");
        let list = app.get_json(&user.client, "/api/v1/conversations").await;
        assert_eq!(list["total"], 1);
        assert_eq!(list["items"][0]["title"], "Keep me");
        assert_eq!(
            app.get_json(&user.client, "/api/v1/tokens").await["total"],
            0
        );

        // Reads are never refused.
        let resp = user
            .client
            .get(app.url("/api/v1/conversations"))
            .header("origin", "https://evil.example")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        // Login from a foreign page is refused too (login CSRF).
        let resp = app
            .bare_client()
            .post(app.url("/api/v1/auth/login"))
            .header("origin", "https://evil.example")
            .json(&json!({"email": user.email, "password": PASSWORD}))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::FORBIDDEN, "csrf_rejected").await;
    }

    async fn same_origin_and_bearer_writes_pass(app: TestApp) {
        let user = app.user("dan").await;
        let url = app.url("/api/v1/conversations");
        let resp = user
            .client
            .post(&url)
            .header("origin", app.origin())
            .json(&json!({"title": "same origin"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let resp = user
            .client
            .post(&url)
            .header("sec-fetch-site", "same-origin")
            .header("origin", app.origin())
            .json(&json!({"title": "fetch metadata"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let resp = user
            .client
            .post(&url)
            .header("sec-fetch-site", "none")
            .json(&json!({"title": "typed URL"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": "no browser headers"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.status(),
            StatusCode::CREATED,
            "non-browser clients send neither header"
        );

        let (token, _) = app.token(&user, "script").await;
        let resp = app
            .bare_client()
            .post(&url)
            .bearer_auth(&token)
            .header("origin", "https://evil.example")
            .header("sec-fetch-site", "cross-site")
            .json(&json!({"title": "bearer"}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.status(),
            StatusCode::CREATED,
            "bearer requests need no CSRF check"
        );
        assert_eq!(
            app.get_json(&user.client, "/api/v1/conversations").await["total"],
            5
        );
    }

    async fn server_functions_and_forms_are_csrf_checked(app: TestApp) {
        let user = app.user("fay").await;
        let fn_url = app.url("/fn/settings_tokens");
        let resp = user
            .client
            .post(&fn_url)
            .header("origin", "https://evil.example")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::FORBIDDEN, "csrf_rejected").await;
        // The same call from our own page works (so the 403 above is the CSRF check, not a 404).
        let resp = user
            .client
            .post(&fn_url)
            .header("origin", app.origin())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let body: Value = resp.json().await.unwrap();
        assert!(body["tokens"].is_array(), "{body}");
        // Anonymous callers get no data from it.
        let resp = app
            .bare_client()
            .post(&fn_url)
            .header("origin", app.origin())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        let status = resp.status();
        let text = resp.text().await.unwrap();
        assert!(
            !status.is_success() && !text.contains("\"tokens\""),
            "anonymous server fn call: {status} {text}"
        );

        let resp = user
            .client
            .post(app.url("/settings"))
            .header("origin", "https://evil.example")
            .form(&[("language", "he"), ("units", "imperial")])
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::FORBIDDEN, "csrf_rejected").await;
        let resp = user
            .client
            .post(app.url("/settings/tokens"))
            .header("sec-fetch-site", "cross-site")
            .form(&[("name", "forged")])
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::FORBIDDEN, "csrf_rejected").await;
        let resp = user
            .client
            .post(app.url("/settings/delete"))
            .header("origin", "https://evil.example")
            .form(&[("confirm_email", user.email.as_str())])
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::FORBIDDEN, "csrf_rejected").await;

        let me = app.get_json(&user.client, "/api/v1/me").await;
        assert_eq!(
            (me["language"].as_str(), me["units"].as_str()),
            (Some("en"), Some("metric"))
        );
        assert_eq!(
            app.get_json(&user.client, "/api/v1/tokens").await["total"],
            0
        );
    }

    async fn pages_have_a_nonce_csp_and_security_headers(app: TestApp) {
        let anon = app.bare_client();
        let first = assert_page_csp(&anon, &app.url("/login")).await;
        let second = assert_page_csp(&anon, &app.url("/login")).await;
        assert_ne!(first, second, "each response gets its own nonce");
        assert_page_csp(&anon, &app.url("/register")).await;
        assert_page_csp(&anon, &app.url("/no-such-page")).await;
        let user = app.user("gus").await;
        for page in ["/", "/settings", "/history"] {
            assert_page_csp(&user.client, &app.url(page)).await;
        }
    }

    async fn json_and_every_other_response_is_locked_down(app: TestApp) {
        let client = app.bare_client();
        let requests: Vec<(Method, &str, Option<Header>)> = vec![
            (Method::GET, "/healthz", None),
            (Method::GET, "/api/v1/me", None),
            (Method::GET, "/api/v1/openapi.json", None),
            (Method::GET, "/api/v1/nothing-here", None),
            (
                Method::POST,
                "/api/v1/conversations",
                Some(("origin", "https://evil.example")),
            ),
            (Method::GET, "/settings", None),
            (Method::GET, "/login", None),
            (Method::GET, "/no-such-page", None),
            (Method::GET, "/favicon.svg", None),
        ];
        let mut ids = BTreeSet::new();
        for (method, path, extra) in requests {
            let mut req = client.request(method.clone(), app.url(path));
            if let Some((k, v)) = extra {
                req = req.header(k, v);
            }
            let resp = req.send().await.unwrap();
            let what = format!("{method} {path} ({})", resp.status());
            let id = header(&resp, "x-request-id");
            assert!(!id.is_empty(), "{what}: no x-request-id");
            assert!(ids.insert(id.clone()), "{what}: request id {id} reused");
            assert_eq!(header(&resp, "x-content-type-options"), "nosniff", "{what}");
            assert_eq!(header(&resp, "x-frame-options"), "DENY", "{what}");
            let csp = header(&resp, CONTENT_SECURITY_POLICY.as_str());
            assert!(!csp.is_empty(), "{what}: no CSP");
            if header(&resp, CONTENT_TYPE.as_str()).starts_with("application/json") {
                assert!(
                    csp.contains("default-src 'none'"),
                    "{what}: JSON CSP {csp:?}"
                );
            }
        }
    }

    async fn openapi_documents_every_rest_route(app: TestApp) {
        let resp = app
            .bare_client()
            .get(app.url("/api/v1/openapi.json"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(header(&resp, CONTENT_TYPE.as_str()).starts_with("application/json"));
        let doc: Value = resp.json().await.expect("the OpenAPI document is JSON");
        let version = doc["openapi"].as_str().unwrap_or("");
        assert!(version.starts_with("3."), "openapi version {version:?}");
        assert!(doc["info"]["title"].is_string());
        let paths = doc["paths"].as_object().expect("paths");

        let mut documented = BTreeSet::new();
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete", "head", "options"] {
                if item.get(method).is_some() {
                    documented.insert((method.to_owned(), path.clone()));
                }
            }
        }
        let served: BTreeSet<(String, String)> = REST_ROUTES
            .iter()
            .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
            .collect();
        let missing: Vec<_> = served.difference(&documented).collect();
        assert!(
            missing.is_empty(),
            "served but not in openapi.json: {missing:?}"
        );
        let extra: Vec<_> = documented.difference(&served).collect();
        assert!(
            extra.is_empty(),
            "documented but not in REST_ROUTES (add them there if served): {extra:?}"
        );

        // Each documented operation really exists: anonymously it answers 401/415/200,
        // never the router's 404/405.
        let client = app.bare_client();
        for (method, path) in REST_ROUTES.iter().chain(UNDOCUMENTED_BY_DESIGN) {
            let url = app.url(&path.replace("{id}", "00000000-0000-0000-0000-000000000000"));
            let resp = client
                .request(method.to_uppercase().parse().unwrap(), &url)
                .send()
                .await
                .unwrap();
            let status = resp.status();
            assert!(
                status != StatusCode::NOT_FOUND
                    && status != StatusCode::METHOD_NOT_ALLOWED
                    && !status.is_server_error(),
                "{method} {path}: {status}"
            );
        }
        // Every operation declares its responses, and the schemes match the auth we accept.
        for (path, item) in paths {
            for (method, op) in item.as_object().unwrap() {
                if op.is_object() && op.get("responses").is_some() {
                    assert!(
                        op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                        "{method} {path}"
                    );
                }
            }
        }
        let schemes = doc["components"]["securitySchemes"]
            .as_object()
            .expect("securitySchemes");
        assert!(
            schemes.contains_key("bearer") && schemes.contains_key("session"),
            "{schemes:?}"
        );
    }

    async fn anonymous_server_function_calls_are_401(app: TestApp) {
        let resp = app
            .bare_client()
            .post(app.url("/fn/settings_tokens"))
            .header("origin", app.origin())
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    }
}
