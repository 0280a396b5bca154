//! The site with JavaScript off: plain HTTP GETs and `application/x-www-form-urlencoded`
//! posts, exactly what a browser without scripts sends. Guards, login and register forms,
//! settings (language, RTL), API tokens shown once, account deletion, 404s.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

/// An `spt_…` API token printed in a page, if any.
fn token_in(html: &str) -> Option<String> {
    let start = html.find("spt_")?;
    let token: String = html[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
        .collect();
    Some(token)
}

/// Whether a browser following `location` stays on this site. Browsers drop tabs and
/// newlines from URLs and treat `\\` like `/`, so `/<TAB>/evil` is `//evil`: another site.
fn stays_on_site(location: &str) -> bool {
    let seen: String = location
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    seen.starts_with('/') && !seen.starts_with("//")
}

both_engines! {
    async fn private_pages_send_anonymous_visitors_to_login(app: TestApp) {
        let client = app.bare_client();
        let cases = [
            ("/settings", "/login?next=/settings"),
            ("/history", "/login?next=/history"),
            ("/", "/login"),
            (
                "/c/0190aaaa-0000-7000-8000-000000000000?x=1",
                "/login?next=/c/0190aaaa-0000-7000-8000-000000000000%3Fx%3D1",
            ),
        ];
        for (page, to) in cases {
            let resp = client.get(app.url(page)).send().await.unwrap();
            assert_eq!(assert_redirect(&resp), to, "GET {page}");
        }
        // Public pages and unknown pages render for anyone.
        let (status, html) = app.get_html(&client, "/login").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"method="post" action="/login""#), "{html}");
        assert!(html.contains(r#"name="email""#) && html.contains(r#"name="password""#));
        let (status, html) = app.get_html(&client, "/register").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"action="/register""#));
        for page in ["/no-such-page", "/settingsx", "/c", "/login/extra"] {
            let (status, html) = app.get_html(&client, page).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "GET {page}");
            assert!(html.contains("<html"), "GET {page} renders the 404 page");
        }
    }

    async fn login_form_without_javascript(app: TestApp) {
        let email = format!("dana-{}@example.com", unique());
        let setup = app.client();
        let resp = app
            .post_form(
                &setup,
                "/register",
                &[
                    ("email", &email),
                    ("password", PASSWORD),
                    ("display_name", "Dana Tester"),
                ],
            )
            .await;
        assert_eq!(assert_redirect(&resp), "/");

        let browser = app.client();
        let resp = app
            .post_form(
                &browser,
                "/login",
                &[("email", &email), ("password", "wrong password")],
            )
            .await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with("/login?error=invalid_credentials"), "{to}");
        assert!(set_cookie(resp.headers(), "spotter_session").is_none());
        let (status, html) = app.get_html(&browser, &to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Wrong email or password."), "{html}");
        assert!(
            html.contains(&format!(r#"value="{email}""#)),
            "the email stays filled in"
        );
        assert!(
            !html.contains("wrong password"),
            "the password is never echoed"
        );

        let resp = app
            .post_form(
                &browser,
                "/login",
                &[("email", &email), ("password", PASSWORD)],
            )
            .await;
        assert_eq!(assert_redirect(&resp), "/");
        assert!(set_cookie(resp.headers(), "spotter_session").is_some());
        let (status, html) = app.get_html(&browser, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains("Dana Tester"),
            "home greets the user by name: {html}"
        );
        // Signed in, the login page sends you home.
        let resp = browser.get(app.url("/login")).send().await.unwrap();
        assert_eq!(assert_redirect(&resp), "/");
    }

    async fn login_form_returns_to_next_but_never_off_site(app: TestApp) {
        let user = app.user("nia").await;
        for (next, to) in [
            ("/settings", "/settings"),
            ("//evil.example", "/"),
            ("https://evil.example", "/"),
            ("/\\evil.example", "/"),
        ] {
            let resp = app
                .post_form(
                    &app.client(),
                    "/login",
                    &[
                        ("email", &user.email),
                        ("password", PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            assert_eq!(assert_redirect(&resp), to, "next={next}");
        }
        let resp = app
            .post_form(
                &app.client(),
                "/login",
                &[
                    ("email", &user.email),
                    ("password", "nope nope"),
                    ("next", "/settings"),
                ],
            )
            .await;
        let to = assert_redirect(&resp);
        assert!(
            to.starts_with("/login?error=invalid_credentials") && to.contains("next=%2Fsettings"),
            "{to}"
        );
    }

    async fn login_next_with_tabs_never_leaves_the_site(app: TestApp) {
        let user = app.user("tab").await;
        for next in ["/\t/evil.example", "/\t\\evil.example", "\t//evil.example"] {
            let resp = app
                .post_form(
                    &app.client(),
                    "/login",
                    &[
                        ("email", &user.email),
                        ("password", PASSWORD),
                        ("next", next),
                    ],
                )
                .await;
            let to = assert_redirect(&resp);
            assert!(
                stays_on_site(&to),
                "next={next:?} redirects a browser to {to:?}"
            );
        }
    }

    async fn login_next_with_control_characters_still_redirects(app: TestApp) {
        let user = app.user("ctl").await;
        for next in ["/\nSet-Cookie: x=1", "/\r\nx", "/\u{0}"] {
            let sent = app
                .client()
                .post(app.url("/login"))
                .header("origin", app.origin())
                .form(&[
                    ("email", user.email.as_str()),
                    ("password", PASSWORD),
                    ("next", next),
                ])
                .send()
                .await;
            let resp = sent.unwrap_or_else(|e| panic!("next={next:?}: no response at all ({e})"));
            assert_ne!(
                resp.status(),
                StatusCode::INTERNAL_SERVER_ERROR,
                "next={next:?}"
            );
            let to = assert_redirect(&resp);
            assert!(
                stays_on_site(&to) && !to.contains('\n'),
                "next={next:?}: {to:?}"
            );
        }
    }

    async fn register_form_reports_errors_and_creates_nothing(app: TestApp) {
        let email = format!("short-{}@example.com", unique());
        let browser = app.client();
        let resp = app
            .post_form(
                &browser,
                "/register",
                &[
                    ("email", &email),
                    ("password", "1234567"),
                    ("display_name", "Shorty"),
                ],
            )
            .await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with("/register?error=password_short"), "{to}");
        assert!(set_cookie(resp.headers(), "spotter_session").is_none());
        let (_, html) = app.get_html(&browser, &to).await;
        assert!(
            html.contains("The password must be at least 8 characters."),
            "{html}"
        );
        assert!(
            html.contains(&format!(r#"value="{email}""#)) && html.contains(r#"value="Shorty""#),
            "what was typed stays"
        );
        assert_eq!(app.count_users_with_email(&email).await, 0);

        let resp = app
            .post_form(
                &browser,
                "/register",
                &[("email", "not an email"), ("password", PASSWORD)],
            )
            .await;
        assert!(assert_redirect(&resp).starts_with("/register?error=invalid_email"));
        let resp = app
            .post_form(
                &browser,
                "/register",
                &[
                    ("email", &email),
                    ("password", PASSWORD),
                    ("timezone", "Nowhere/Land"),
                ],
            )
            .await;
        assert!(assert_redirect(&resp).starts_with("/register?error=invalid_timezone"));
        assert_eq!(app.count_all_users().await, 0);

        // The email is still free.
        app.register(&app.bare_client(), &email, PASSWORD).await;
        let resp = app
            .post_form(
                &browser,
                "/register",
                &[("email", &email.to_uppercase()), ("password", PASSWORD)],
            )
            .await;
        assert!(assert_redirect(&resp).starts_with("/register?error=email_taken"));
    }

    async fn anonymous_pages_follow_accept_language(app: TestApp) {
        let client = app.bare_client();
        let resp = client
            .get(app.url("/login"))
            .header("accept-language", "he-IL,he;q=0.9,en;q=0.8")
            .send()
            .await
            .unwrap();
        let html = resp.text().await.unwrap();
        assert!(
            html.contains(r#"<html lang="he" dir="rtl""#),
            "{}",
            &html[..html.len().min(300)]
        );
        let resp = client
            .get(app.url("/login"))
            .header("accept-language", "fr-FR,fr;q=0.9")
            .send()
            .await
            .unwrap();
        let html = resp.text().await.unwrap();
        assert!(
            html.contains(r#"<html lang="en" dir="ltr""#),
            "unsupported languages fall back to English"
        );
    }

    async fn settings_form_switches_to_hebrew_right_to_left(app: TestApp) {
        let user = app.user("ori").await;
        let (_, html) = app.get_html(&user.client, "/settings").await;
        assert!(
            html.contains(r#"<html lang="en" dir="ltr""#),
            "{}",
            &html[..html.len().min(300)]
        );
        let resp = app
            .post_form(
                &user.client,
                "/settings",
                &[
                    ("language", "he"),
                    ("units", "imperial"),
                    ("timezone", "Asia/Jerusalem"),
                    ("response_length", "short"),
                ],
            )
            .await;
        assert_eq!(assert_redirect(&resp), "/settings?saved=1");
        let (status, html) = app.get_html(&user.client, "/settings").await;
        assert_eq!(status, StatusCode::OK);
        assert!(
            html.contains(r#"<html lang="he" dir="rtl""#),
            "{}",
            &html[..html.len().min(300)]
        );
        let me = app.get_json(&user.client, "/api/v1/me").await;
        assert_eq!(me["language"], "he");
        assert_eq!(me["units"], "imperial");
        assert_eq!(me["timezone"], "Asia/Jerusalem");
        assert_eq!(me["preferences"]["response_length"], "short");

        // A bad time zone is reported and changes nothing.
        let resp = app
            .post_form(
                &user.client,
                "/settings",
                &[("language", "en"), ("timezone", "Mars/Olympus")],
            )
            .await;
        assert!(assert_redirect(&resp).starts_with("/settings?error=invalid_timezone"));
        let me = app.get_json(&user.client, "/api/v1/me").await;
        assert_eq!(
            (me["language"].as_str(), me["timezone"].as_str()),
            (Some("he"), Some("Asia/Jerusalem"))
        );
    }

    async fn a_token_made_in_settings_is_shown_exactly_once(app: TestApp) {
        let user = app.user("pat").await;
        let resp = app
            .post_form(
                &user.client,
                "/settings/tokens",
                &[("name", "home assistant")],
            )
            .await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with("/settings"), "{to}");
        let flash = set_cookie(resp.headers(), "spotter_new_token").expect("flash cookie");
        assert!(flash.contains("HttpOnly"), "{flash}");
        assert!(!to.contains("spt_"), "the secret never travels in a URL");

        let (status, html) = app.get_html(&user.client, "/settings").await;
        assert_eq!(status, StatusCode::OK);
        let token = token_in(&html).expect("the new token is shown");
        assert!(token.len() > 30, "{token}");
        assert!(html.contains("home assistant"));
        let resp = app
            .bare_client()
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "the shown token works");

        let (_, again) = app.get_html(&user.client, "/settings").await;
        assert!(!again.contains(&token), "shown a second time");
        assert!(token_in(&again).is_none());
        assert!(again.contains("home assistant"), "still listed by name");

        // Revoking from the page.
        let id = app.get_json(&user.client, "/api/v1/tokens").await["items"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let resp = app
            .post_form(&user.client, &format!("/settings/tokens/{id}/revoke"), &[])
            .await;
        assert!(assert_redirect(&resp).starts_with("/settings"));
        let resp = app
            .bare_client()
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);

        // A nameless token is refused with a message, and nothing is created.
        let resp = app
            .post_form(&user.client, "/settings/tokens", &[("name", "  ")])
            .await;
        assert!(assert_redirect(&resp).starts_with("/settings?error="));
        assert_eq!(
            app.get_json(&user.client, "/api/v1/tokens").await["total"],
            0
        );
    }

    async fn logout_and_delete_account_forms(app: TestApp) {
        let user = app.user("kai").await;
        let resp = app
            .post_form(
                &user.client,
                "/settings/delete",
                &[("confirm_email", "someone-else@example.com")],
            )
            .await;
        assert!(assert_redirect(&resp).starts_with("/settings?error=delete_confirm"));
        assert_eq!(app.count_users_with_email(&user.email).await, 1);

        let other_device = app.client();
        assert_eq!(
            app.login(&other_device, &user.email, PASSWORD)
                .await
                .status(),
            StatusCode::OK
        );
        let resp = app.post_form(&other_device, "/logout", &[]).await;
        assert_eq!(assert_redirect(&resp), "/login");
        assert_eq!(
            other_device
                .get(app.url("/api/v1/me"))
                .send()
                .await
                .unwrap()
                .status(),
            StatusCode::UNAUTHORIZED
        );

        let resp = app
            .post_form(
                &user.client,
                "/settings/delete",
                &[("confirm_email", &user.email.to_uppercase())],
            )
            .await;
        assert_eq!(assert_redirect(&resp), "/login?deleted=1");
        assert_eq!(app.count_users_with_email(&user.email).await, 0);
        let resp = user.client.get(app.url("/settings")).send().await.unwrap();
        assert_eq!(assert_redirect(&resp), "/login?next=/settings");
        let resp = app.login(&app.bare_client(), &user.email, PASSWORD).await;
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["error"]["code"], "invalid_credentials");
    }

    async fn anonymous_form_posts_go_to_login(app: TestApp) {
        let client = app.client();
        for path in ["/settings", "/settings/tokens", "/settings/delete"] {
            let resp = app
                .post_form(&client, path, &[("name", "x"), ("language", "he")])
                .await;
            assert!(assert_redirect(&resp).starts_with("/login"), "POST {path}");
        }
        assert_eq!(app.count_all_users().await, 0);
    }
}
