//! `POST /api/v1/auth/register|login|logout`: accounts, session cookies, validation and
//! login throttling, on SQLite and PostgreSQL.

use crate::common::*;
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, RETRY_AFTER, SET_COOKIE};
use serde_json::{Value, json};

/// One registration that must fail: what is sent and the error it must get.
struct BadRegistration {
    body: String,
    content_type: Option<&'static str>,
    status: StatusCode,
    code: &'static str,
    /// Fields named in `details` (sorted).
    fields: &'static [&'static str],
}

/// Valid JSON with invalid values: 422 naming `fields`.
fn invalid(body: Value, fields: &'static [&'static str]) -> BadRegistration {
    BadRegistration {
        body: body.to_string(),
        content_type: Some("application/json"),
        status: StatusCode::UNPROCESSABLE_ENTITY,
        code: "validation_failed",
        fields,
    }
}

/// A body refused before validation (syntax, types, content type, size).
fn rejected(
    body: &str,
    content_type: Option<&'static str>,
    status: StatusCode,
    code: &'static str,
) -> BadRegistration {
    BadRegistration {
        body: body.to_owned(),
        content_type,
        status,
        code,
        fields: &[],
    }
}

both_engines! {
    async fn register_creates_a_signed_in_account(app: TestApp) {
        let client = app.client();
        let tag = unique();
        let resp = client
            .post(app.url("/api/v1/auth/register"))
            .json(&json!({ "email": format!("  Dana.Tester+{tag}@Example.COM "), "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let cookie = set_cookie(resp.headers(), "spotter_session").expect("session cookie set");
        let attributes: Vec<String> = cookie
            .split(';')
            .map(|a| a.trim().to_ascii_lowercase())
            .collect();
        assert!(attributes.contains(&"httponly".to_owned()), "{cookie}");
        assert!(attributes.contains(&"samesite=lax".to_owned()), "{cookie}");
        assert!(attributes.contains(&"path=/".to_owned()), "{cookie}");
        assert!(
            !attributes.contains(&"secure".to_owned()),
            "plain http: no Secure flag: {cookie}"
        );
        assert!(
            session_cookie(resp.headers()).is_some_and(|v| v.len() >= 32),
            "{cookie}"
        );

        let body: Value = resp.json().await.unwrap();
        let email = format!("dana.tester+{tag}@example.com");
        assert_eq!(
            body["email"],
            email.as_str(),
            "stored trimmed and lowercased"
        );
        assert!(
            body["id"].as_str().is_some_and(|id| id.len() == 36),
            "{body}"
        );
        assert_eq!(body["display_name"], format!("dana.tester+{tag}").as_str());
        assert_eq!(body["language"], "en");
        assert_eq!(body["units"], "metric");
        assert_eq!(body["timezone"], "UTC");
        assert!(body.get("password_hash").is_none() && body.get("password").is_none());

        // The cookie signs this browser in.
        let me = app.get_json(&client, "/api/v1/me").await;
        assert_eq!(me["email"], email.as_str());
        assert_eq!(me["id"], body["id"]);
    }

    async fn register_accepts_display_name_language_and_timezone(app: TestApp) {
        let client = app.client();
        let email = format!("noa-{}@example.com", unique());
        let resp = client
            .post(app.url("/api/v1/auth/register"))
            .json(&json!({
                "email": email, "password": PASSWORD, "display_name": "  נועה  ",
                "language": "he", "timezone": "Asia/Jerusalem"
            }))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let me = app.get_json(&client, "/api/v1/me").await;
        assert_eq!(me["display_name"], "נועה");
        assert_eq!(me["language"], "he");
        assert_eq!(me["timezone"], "Asia/Jerusalem");
    }

    async fn register_behind_https_proxy_sets_a_secure_cookie(app: TestApp) {
        let resp = app
            .bare_client()
            .post(app.url("/api/v1/auth/register"))
            .header("x-forwarded-proto", "https")
            .json(
                &json!({ "email": format!("sec-{}@example.com", unique()), "password": PASSWORD }),
            )
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let cookie = set_cookie(resp.headers(), "spotter_session").unwrap();
        assert!(
            cookie
                .to_ascii_lowercase()
                .split(';')
                .any(|a| a.trim() == "secure"),
            "{cookie}"
        );
        assert!(resp.headers().contains_key("strict-transport-security"));
    }

    async fn duplicate_email_differing_in_case_or_spaces_is_409(app: TestApp) {
        let email = format!("ann-{}@example.com", unique());
        app.register(&app.client(), &email, PASSWORD).await;
        for variant in [
            email.clone(),
            email.to_uppercase(),
            format!("  {email}\t"),
            format!(" {} ", email.replace("ann", "ANN")),
        ] {
            let resp = app
                .bare_client()
                .post(app.url("/api/v1/auth/register"))
                .json(&json!({ "email": variant, "password": "another password" }))
                .send()
                .await
                .unwrap();
            assert!(set_cookie(resp.headers(), "spotter_session").is_none());
            assert_error(resp, StatusCode::CONFLICT, "email_taken").await;
        }
        assert_eq!(app.count_users_with_email(&email).await, 1);
        // The original password still works; the rejected ones were never stored.
        assert_eq!(
            app.login(&app.bare_client(), &email, PASSWORD)
                .await
                .status(),
            StatusCode::OK
        );
        assert_eq!(
            app.login(&app.bare_client(), &email, "another password")
                .await
                .status(),
            StatusCode::UNAUTHORIZED
        );
    }

    async fn invalid_registrations_are_4xx_and_create_nothing(app: TestApp) {
        let big = format!(
            "{{\"email\":\"big-{}@example.com\",\"password\":\"{PASSWORD}\",\"display_name\":\"{}\"}}",
            unique(),
            "x".repeat(1024 * 1024 + 10)
        );
        let seven = "1234567";
        let json_type = Some("application/json");
        let cases = [
            invalid(
                json!({"email": "short@example.com", "password": seven}),
                &["password"],
            ),
            invalid(
                json!({"email": "hebrew-pw@example.com", "password": "שלוםשלו"}),
                &["password"],
            ),
            invalid(
                json!({"email": "not-an-email", "password": PASSWORD}),
                &["email"],
            ),
            invalid(
                json!({"email": "two words@example.com", "password": PASSWORD}),
                &["email"],
            ),
            invalid(json!({"email": "", "password": PASSWORD}), &["email"]),
            invalid(
                json!({"email": "bad", "password": "short"}),
                &["email", "password"],
            ),
            invalid(
                json!({"email": "tz@example.com", "password": PASSWORD, "timezone": "Mars/Olympus"}),
                &["timezone"],
            ),
            invalid(
                json!({"email": "long@example.com", "password": "p".repeat(257)}),
                &["password"],
            ),
            invalid(
                json!({"email": "name@example.com", "password": PASSWORD, "display_name": "n".repeat(81)}),
                &["display_name"],
            ),
            rejected(
                "{\"email\": \"json@example.com\", \"password\": ",
                json_type,
                StatusCode::BAD_REQUEST,
                "malformed_json",
            ),
            rejected(
                "not json at all",
                json_type,
                StatusCode::BAD_REQUEST,
                "malformed_json",
            ),
            rejected(
                &json!({"email": 5, "password": true}).to_string(),
                json_type,
                StatusCode::BAD_REQUEST,
                "invalid_json",
            ),
            rejected(
                &json!({"email": "missing@example.com"}).to_string(),
                json_type,
                StatusCode::BAD_REQUEST,
                "invalid_json",
            ),
            invalid(
                json!({"email": "lang@example.com", "password": PASSWORD, "language": "fr"}),
                &["language"],
            ),
            rejected(
                &json!({"email": "ctype@example.com", "password": PASSWORD}).to_string(),
                None,
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            ),
            rejected(
                &json!({"email": "ctype@example.com", "password": PASSWORD}).to_string(),
                Some("text/plain"),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            ),
            rejected(
                &format!("email=ctype%40example.com&password={PASSWORD}"),
                Some("application/x-www-form-urlencoded"),
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
            ),
            rejected(
                &big,
                json_type,
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
            ),
        ];
        let client = app.bare_client();
        for case in &cases {
            let mut request = client
                .post(app.url("/api/v1/auth/register"))
                .body(case.body.clone());
            if let Some(ct) = case.content_type {
                request = request.header(CONTENT_TYPE, ct);
            }
            let resp = request.send().await.unwrap();
            assert!(
                resp.headers().get(SET_COOKIE).is_none(),
                "a failed registration must not sign anyone in ({})",
                case.code
            );
            let shown: String = case.body.chars().take(80).collect();
            let err = assert_error(resp, case.status, case.code).await;
            let mut got = detail_fields(&err);
            got.sort();
            assert_eq!(got, case.fields, "details of {shown}: {err}");
        }
        assert_eq!(app.count_all_users().await, 0, "no case may create a user");
        for email in [
            "short@example.com",
            "not-an-email",
            "tz@example.com",
            "json@example.com",
            "ctype@example.com",
        ] {
            let resp = app.login(&client, email, PASSWORD).await;
            assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        }
    }

    async fn login_sets_a_cookie_and_accepts_any_case(app: TestApp) {
        let email = format!("lee-{}@example.com", unique());
        app.register(&app.bare_client(), &email, PASSWORD).await;
        let client = app.client();
        let resp = app
            .login(&client, &format!("  {}  ", email.to_uppercase()), PASSWORD)
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
        let cookie = set_cookie(resp.headers(), "spotter_session").expect("cookie");
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "{cookie}"
        );
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["email"], email.as_str());
        assert_eq!(
            app.get_json(&client, "/api/v1/me").await["email"],
            email.as_str()
        );
    }

    async fn wrong_password_and_unknown_email_look_the_same(app: TestApp) {
        let email = format!("kim-{}@example.com", unique());
        app.register(&app.bare_client(), &email, PASSWORD).await;
        let client = app.client();
        let wrong = assert_error(
            app.login(&client, &email, "not the password").await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
        let unknown = assert_error(
            app.login(&client, "nobody@example.com", PASSWORD).await,
            StatusCode::UNAUTHORIZED,
            "invalid_credentials",
        )
        .await;
        assert_eq!(
            wrong, unknown,
            "the answer must not reveal which emails exist"
        );
        let resp = client.get(app.url("/api/v1/me")).send().await.unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }

    #[config(SPOTTER_LOGIN_LIMIT = "3")]
    async fn repeated_failures_are_throttled_even_with_the_right_password(app: TestApp) {
        let email = format!("tess-{}@example.com", unique());
        app.register(&app.bare_client(), &email, PASSWORD).await;
        let client = app.bare_client();
        for attempt in 1..=3 {
            let resp = app
                .login(&client, &email, &format!("wrong password {attempt}"))
                .await;
            assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        }
        let resp = app.login(&client, &email, PASSWORD).await;
        let retry_after: u64 = resp
            .headers()
            .get(RETRY_AFTER)
            .expect("Retry-After on 429")
            .to_str()
            .unwrap()
            .parse()
            .expect("Retry-After in seconds");
        assert!((1..=60).contains(&retry_after), "Retry-After {retry_after}");
        assert!(resp.headers().get(SET_COOKIE).is_none());
        assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        // Differently written, the same account is still throttled.
        let resp = app.login(&client, &email.to_uppercase(), PASSWORD).await;
        assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    }

    #[config(SPOTTER_LOGIN_LIMIT = "3")]
    async fn a_successful_login_resets_the_account_counter(app: TestApp) {
        let email = format!("ron-{}@example.com", unique());
        app.register(&app.bare_client(), &email, PASSWORD).await;
        let client = app.bare_client();
        for _ in 0..2 {
            assert_eq!(
                app.login(&client, &email, "wrong password").await.status(),
                StatusCode::UNAUTHORIZED
            );
        }
        assert_eq!(
            app.login(&client, &email, PASSWORD).await.status(),
            StatusCode::OK
        );
    }

    #[config(SPOTTER_LOGIN_LIMIT = "3")]
    async fn registrations_from_one_address_are_throttled(app: TestApp) {
        let client = app.bare_client();
        for i in 0..3 {
            app.register(
                &client,
                &format!("flood{i}-{}@example.com", unique()),
                PASSWORD,
            )
            .await;
        }
        let email = format!("flood-{}@example.com", unique());
        let resp = client
            .post(app.url("/api/v1/auth/register"))
            .json(&json!({ "email": email, "password": PASSWORD }))
            .send()
            .await
            .unwrap();
        assert!(resp.headers().get(RETRY_AFTER).is_some());
        assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        assert_eq!(app.count_users_with_email(&email).await, 0);
    }

    #[config(SPOTTER_LOGIN_LIMIT = "3")]
    async fn failures_from_one_address_throttle_every_account_from_it(app: TestApp) {
        let victim = app.user("victim").await;
        let client = app.bare_client();
        for _ in 0..3 {
            let resp = app.login(&client, "nobody@example.com", "guessing").await;
            assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        }
        // Per IP: this address is paused for every account...
        let resp = app.login(&client, &victim.email, PASSWORD).await;
        assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        // ...but the account's existing sessions keep working.
        assert_eq!(
            app.get_json(&victim.client, "/api/v1/me").await["email"],
            victim.email.as_str()
        );
    }

    async fn logout_ends_the_session(app: TestApp) {
        let email = format!("max-{}@example.com", unique());
        app.register(&app.bare_client(), &email, PASSWORD).await;
        let laptop = app.client();
        let resp = app.login(&laptop, &email, PASSWORD).await;
        let old_cookie = session_cookie(resp.headers()).expect("cookie");
        let phone = app.client();
        assert_eq!(
            app.login(&phone, &email, PASSWORD).await.status(),
            StatusCode::OK
        );

        let resp = laptop
            .post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let cleared = set_cookie(resp.headers(), "spotter_session").expect("cookie cleared");
        assert!(cleared.starts_with("spotter_session=;"), "{cleared}");
        assert!(cleared.contains("Max-Age=0"), "{cleared}");

        let resp = laptop.get(app.url("/api/v1/me")).send().await.unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        // Replaying the old cookie by hand: the session is gone on the server too.
        let resp = app
            .bare_client()
            .get(app.url("/api/v1/me"))
            .header("cookie", format!("spotter_session={old_cookie}"))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        // Other devices stay signed in.
        assert_eq!(
            app.get_json(&phone, "/api/v1/me").await["email"],
            email.as_str()
        );
        // Logging out again, now anonymous, is a 401.
        let resp = laptop
            .post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }

    async fn forged_session_cookies_do_not_authenticate(app: TestApp) {
        let user = app.user("eve").await;
        for value in ["", "x", "spt_abc", "' OR 1=1 --", &"A".repeat(43)] {
            let resp = app
                .bare_client()
                .get(app.url("/api/v1/me"))
                .header("cookie", format!("spotter_session={value}"))
                .send()
                .await
                .unwrap();
            assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        }
        assert_eq!(
            app.get_json(&user.client, "/api/v1/me").await["id"],
            user.id.as_str()
        );
    }
}
