//! Request-level security and the public contract: CSRF refusals for cookie-authenticated
//! writes (REST, HTML forms, Leptos server functions), security headers and CSP nonces,
//! request ids and health probes. The OpenAPI document is checked in `openapi.rs`.

use std::collections::BTreeSet;

use crate::common::*;
use reqwest::header::{CONTENT_SECURITY_POLICY, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

/// One extra request header.
type Header = (&'static str, &'static str);

/// Who sends a CSRF case.
#[derive(Clone, Copy, Debug)]
enum Sender {
    /// The signed-in user's browser: it attaches the session cookie to every request.
    Browser,
    /// No cookie and no token.
    Anonymous,
    /// A script with the user's API token (`Authorization: Bearer`) and no cookie.
    Bearer,
}

/// What a CSRF case sends after its headers.
#[derive(Clone, Debug)]
enum Body {
    None,
    Json(Value),
    /// `application/x-www-form-urlencoded`, as an HTML form or a Leptos server function posts.
    Form(Vec<(&'static str, String)>),
}

/// What a CSRF case must get back.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// 403 `csrf_rejected` in the error shape, with a request id.
    Refused,
    /// Let through by the CSRF check: the handler's own answer.
    Status(StatusCode),
}

/// One request in the CSRF table.
struct CsrfCase {
    sender: Sender,
    method: Method,
    path: String,
    headers: Vec<(&'static str, String)>,
    body: Body,
    expect: Expect,
}

impl CsrfCase {
    fn new(sender: Sender, method: Method, path: &str, body: Body) -> Self {
        CsrfCase {
            sender,
            method,
            path: path.to_owned(),
            headers: Vec::new(),
            body,
            expect: Expect::Refused,
        }
    }

    fn headers(mut self, headers: &[(&'static str, &str)]) -> Self {
        self.headers = headers.iter().map(|(k, v)| (*k, (*v).to_owned())).collect();
        self
    }

    fn expect(mut self, expect: Expect) -> Self {
        self.expect = expect;
        self
    }

    /// `Browser POST /settings [origin: https://evil.example] -> Refused`
    fn name(&self) -> String {
        let headers: Vec<String> = self
            .headers
            .iter()
            .map(|(k, v)| format!("{k}: {v}"))
            .collect();
        format!(
            "{:?} {} {} [{}] -> {:?}",
            self.sender,
            self.method,
            self.path,
            headers.join(", "),
            self.expect
        )
    }

    /// Sends the request; what was wrong with the answer, if anything.
    async fn run(&self, app: &TestApp, user: &TestUser, token: &str) -> Result<(), String> {
        let bare;
        let client = match self.sender {
            Sender::Browser => &user.client,
            Sender::Anonymous | Sender::Bearer => {
                bare = app.bare_client();
                &bare
            }
        };
        let mut req = client.request(self.method.clone(), app.url(&self.path));
        if let Sender::Bearer = self.sender {
            req = req.bearer_auth(token);
        }
        for (k, v) in &self.headers {
            req = req.header(*k, v);
        }
        req = match &self.body {
            Body::None => req,
            Body::Json(v) => req.json(v),
            Body::Form(pairs) => req.form(pairs),
        };
        let resp = req.send().await.map_err(|e| e.to_string())?;
        let status = resp.status();
        let request_id = header(&resp, "x-request-id");
        let content_type = header(&resp, CONTENT_TYPE.as_str());
        let text = resp.text().await.map_err(|e| e.to_string())?;
        match self.expect {
            Expect::Status(expected) if status == expected => Ok(()),
            Expect::Status(expected) => Err(format!("expected {expected}, got {status}: {text}")),
            Expect::Refused => {
                let body: Value = serde_json::from_str(&text)
                    .map_err(|_| format!("expected 403 csrf_rejected, got {status}: {text}"))?;
                let error = &body["error"];
                let shaped = body.as_object().is_some_and(|o| o.len() == 1)
                    && error["code"] == "csrf_rejected"
                    && error["message"]
                        .as_str()
                        .is_some_and(|m| !m.trim().is_empty());
                if status != StatusCode::FORBIDDEN
                    || !shaped
                    || !content_type.starts_with("application/json")
                {
                    Err(format!(
                        "expected 403 csrf_rejected in JSON, got {status} ({content_type}): {text}"
                    ))
                } else if request_id.is_empty() {
                    Err("refused without an x-request-id".to_owned())
                } else {
                    Ok(())
                }
            }
        }
    }
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

    async fn csrf_refuses_cross_site_cookie_writes_and_nothing_else(app: TestApp) {
        let user = app.user("cat").await;
        let (token, _) = app.token(&user, "script").await;
        let kept = app.conversation(&user, "Keep me").await;
        let conv = format!("/api/v1/conversations/{}", kept["id"].as_str().unwrap());
        let own = app.origin();
        let json_body = Body::Json;
        let form = |pairs: &[(&'static str, &str)]| {
            Body::Form(pairs.iter().map(|(k, v)| (*k, (*v).to_owned())).collect())
        };

        // What a browser sends along with a request that another site started.
        let foreign: [&[(&str, &str)]; 6] = [
            &[("origin", "https://evil.example")],
            &[("origin", "null")],
            &[("sec-fetch-site", "cross-site")],
            &[("sec-fetch-site", "same-site")],
            &[("origin", "http://127.0.0.1.evil.example")],
            &[("origin", "http://127.0.0.1:1")],
        ];
        // Every kind of write a session cookie can authorize: REST, HTML forms, a server function.
        let writes: Vec<(Method, &str, Body)> = vec![
            (Method::POST, "/api/v1/conversations", json_body(json!({"title": "forged"}))),
            (Method::PATCH, conv.as_str(), json_body(json!({"title": "forged"}))),
            (Method::DELETE, conv.as_str(), Body::None),
            (Method::POST, "/api/v1/tokens", json_body(json!({"name": "forged"}))),
            (Method::PATCH, "/api/v1/me", json_body(json!({"language": "he"}))),
            (Method::DELETE, "/api/v1/me", Body::None),
            (Method::POST, "/api/v1/auth/logout", Body::None),
            (Method::POST, "/api/v1/log", json_body(json!({"text": "squat 3x5 at 100"}))),
            (Method::POST, "/log/words", form(&[("text", "squat 3x5 at 100")])),
            (Method::POST, "/settings", form(&[("language", "he"), ("units", "imperial")])),
            (Method::POST, "/settings/tokens", form(&[("name", "forged")])),
            (Method::POST, "/settings/delete", form(&[("confirm_email", user.email.as_str())])),
            (Method::POST, "/fn/settings_tokens", form(&[])),
        ];
        let mut cases = Vec::new();
        for headers in foreign {
            for (method, path, body) in &writes {
                cases.push(CsrfCase::new(Sender::Browser, method.clone(), path, body.clone())
                    .headers(headers)
                    .expect(Expect::Refused));
            }
            // Signing a victim in to the attacker's account (login CSRF) needs no cookie.
            let login = json_body(json!({"email": user.email, "password": PASSWORD}));
            cases.push(CsrfCase::new(Sender::Anonymous, Method::POST, "/api/v1/auth/login", login)
                .headers(headers)
                .expect(Expect::Refused));
        }
        // Let through: reads, writes from our own pages or a typed URL, clients that are not
        // browsers, and bearer tokens (browsers never attach those on their own).
        let create = |title: &str| json_body(json!({"title": title}));
        let conversations = "/api/v1/conversations";
        cases.extend([
            CsrfCase::new(Sender::Browser, Method::GET, conversations, Body::None)
                .headers(&[("origin", "https://evil.example")])
                .expect(Expect::Status(StatusCode::OK)),
            CsrfCase::new(Sender::Browser, Method::POST, conversations, create("same origin"))
                .headers(&[("origin", own.as_str())])
                .expect(Expect::Status(StatusCode::CREATED)),
            CsrfCase::new(Sender::Browser, Method::POST, conversations, create("fetch metadata"))
                .headers(&[("sec-fetch-site", "same-origin"), ("origin", own.as_str())])
                .expect(Expect::Status(StatusCode::CREATED)),
            CsrfCase::new(Sender::Browser, Method::POST, conversations, create("typed URL"))
                .headers(&[("sec-fetch-site", "none")])
                .expect(Expect::Status(StatusCode::CREATED)),
            // Non-browser clients send neither header.
            CsrfCase::new(Sender::Browser, Method::POST, conversations, create("no browser headers"))
                .expect(Expect::Status(StatusCode::CREATED)),
            CsrfCase::new(Sender::Bearer, Method::POST, conversations, create("bearer"))
                .headers(&[("origin", "https://evil.example"), ("sec-fetch-site", "cross-site")])
                .expect(Expect::Status(StatusCode::CREATED)),
            // Our own page calling a server function: so the refusals above are the CSRF check,
            // not a missing route. Anonymous callers pass the check and are then turned away.
            CsrfCase::new(Sender::Browser, Method::POST, "/fn/settings_tokens", form(&[]))
                .headers(&[("origin", own.as_str())])
                .expect(Expect::Status(StatusCode::OK)),
            CsrfCase::new(Sender::Anonymous, Method::POST, "/fn/settings_tokens", form(&[]))
                .headers(&[("origin", own.as_str())])
                .expect(Expect::Status(StatusCode::UNAUTHORIZED)),
        ]);

        let mut failures = Vec::new();
        for case in &cases {
            if let Err(why) = case.run(&app, &user, &token).await {
                failures.push(format!("{}: {why}", case.name()));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} CSRF cases failed:\n{}",
            failures.len(),
            cases.len(),
            failures.join("\n")
        );

        // No refused request had an effect: still signed in with the same settings, only the
        // conversations created by the requests let through, only the token made above.
        let me = app.get_json(&user.client, "/api/v1/me").await;
        assert_eq!(
            (me["language"].as_str(), me["units"].as_str()),
            (Some("en"), Some("metric"))
        );
        let list = app.get_json(&user.client, conversations).await;
        let mut titles: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["title"].as_str().unwrap())
            .collect();
        titles.sort_unstable();
        assert_eq!(
            titles,
            ["Keep me", "bearer", "fetch metadata", "no browser headers", "same origin", "typed URL"],
            "{list}"
        );
        let tokens = app.get_json(&user.client, "/api/v1/tokens").await;
        assert_eq!(tokens["total"], 1, "{tokens}");
        assert_eq!(tokens["items"][0]["name"], "script", "{tokens}");
        // The server function from our own page answers with the same list.
        let resp = user
            .client
            .post(app.url("/fn/settings_tokens"))
            .header("origin", own)
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body("")
            .send()
            .await
            .unwrap();
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["tokens"].as_array().map(Vec::len), Some(1), "{body}");
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
}
