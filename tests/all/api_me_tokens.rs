//! `GET|PATCH|DELETE /api/v1/me`, `GET /me/export` and `/api/v1/tokens`: the signed-in user's
//! settings, data and API tokens, on SQLite and PostgreSQL.

use crate::common::*;
use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONTENT_DISPOSITION};
use serde_json::{Value, json};

both_engines! {
    async fn me_needs_authentication(app: TestApp) {
        let client = app.bare_client();
        let resp = client.get(app.url("/api/v1/me")).send().await.unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        for (method, path) in [
            ("PATCH", "/api/v1/me"),
            ("DELETE", "/api/v1/me"),
            ("GET", "/api/v1/me/export"),
            ("GET", "/api/v1/tokens"),
            ("POST", "/api/v1/tokens"),
        ] {
            let resp = client
                .request(method.parse().unwrap(), app.url(path))
                .json(&json!({"name": "x"}))
                .send()
                .await
                .unwrap();
            assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        }
        let user = app.user("ada").await;
        let me = app.get_json(&user.client, "/api/v1/me").await;
        assert_eq!(me["id"], user.id.as_str());
        assert_eq!(me["email"], user.email.as_str());
        assert!(me["created_at"].as_str().is_some());
        assert_eq!(
            me["preferences"],
            json!({"coach_style": "balanced", "response_length": "medium"})
        );
    }

    async fn patch_me_changes_and_persists_settings(app: TestApp) {
        let user = app.user("yael").await;
        let change = json!({
            "display_name": "Yael K",
            "language": "he",
            "units": "imperial",
            "timezone": "Asia/Jerusalem",
            "preferences": {"coach_style": "tough", "response_length": "short"}
        });
        let resp = user
            .client
            .patch(app.url("/api/v1/me"))
            .json(&change)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let body: Value = resp.json().await.unwrap();
        for key in [
            "display_name",
            "language",
            "units",
            "timezone",
            "preferences",
        ] {
            assert_eq!(body[key], change[key], "{key} in the PATCH answer");
        }
        // Persisted: a new session (another device) sees the same values.
        let other = app.client();
        assert_eq!(
            app.login(&other, &user.email, PASSWORD).await.status(),
            StatusCode::OK
        );
        let me = app.get_json(&other, "/api/v1/me").await;
        for key in [
            "display_name",
            "language",
            "units",
            "timezone",
            "preferences",
        ] {
            assert_eq!(me[key], change[key], "{key} after reload");
        }
        // A partial change keeps everything else.
        let resp = user
            .client
            .patch(app.url("/api/v1/me"))
            .json(&json!({"units": "metric"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let me = app.get_json(&other, "/api/v1/me").await;
        assert_eq!(me["units"], "metric");
        assert_eq!(me["language"], "he");
        assert_eq!(me["timezone"], "Asia/Jerusalem");
        assert_eq!(me["display_name"], "Yael K");
    }

    async fn patching_one_preference_keeps_the_others(app: TestApp) {
        let user = app.user("pia").await;
        let resp = user.client.patch(app.url("/api/v1/me"))
            .json(&json!({"preferences": {"coach_style": "tough", "response_length": "short"}}))
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let resp = user
            .client
            .patch(app.url("/api/v1/me"))
            .json(&json!({"preferences": {"response_length": "detailed"}}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let me = app.get_json(&user.client, "/api/v1/me").await;
        assert_eq!(
            me["preferences"],
            json!({"coach_style": "tough", "response_length": "detailed"})
        );
    }

    async fn invalid_patches_change_nothing(app: TestApp) {
        let user = app.user("omer").await;
        let before = app.get_json(&user.client, "/api/v1/me").await;
        // (body, allowed statuses, field expected in details)
        let cases: Vec<(Value, Vec<StatusCode>, Option<&str>)> = vec![
            (
                json!({"language": "he", "timezone": "Mars/Olympus"}),
                vec![StatusCode::UNPROCESSABLE_ENTITY],
                Some("timezone"),
            ),
            (
                json!({"language": "he", "timezone": ""}),
                vec![StatusCode::UNPROCESSABLE_ENTITY],
                Some("timezone"),
            ),
            (
                json!({"units": "imperial", "display_name": "   "}),
                vec![StatusCode::UNPROCESSABLE_ENTITY],
                Some("display_name"),
            ),
            (
                json!({"display_name": "n".repeat(81)}),
                vec![StatusCode::UNPROCESSABLE_ENTITY],
                Some("display_name"),
            ),
            (
                json!({"language": "he", "favourite_colour": "red"}),
                vec![StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY],
                None,
            ),
            (
                json!({"language": "fr"}),
                vec![StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY],
                None,
            ),
            (json!({"units": 3}), vec![StatusCode::BAD_REQUEST], None),
            (
                json!({"email": "new@example.com"}),
                vec![StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY],
                None,
            ),
            (
                json!({"preferences": {"coach_style": "screaming"}}),
                vec![StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY],
                None,
            ),
            (
                json!(["language", "he"]),
                vec![StatusCode::BAD_REQUEST],
                None,
            ),
        ];
        for (body, allowed, field) in cases {
            let resp = user
                .client
                .patch(app.url("/api/v1/me"))
                .json(&body)
                .send()
                .await
                .unwrap();
            let status = resp.status();
            let text = resp.text().await.unwrap();
            assert!(allowed.contains(&status), "PATCH {body}: {status} {text}");
            let err: Value = serde_json::from_str(&text).unwrap();
            assert_error_shape(&err, err["error"]["code"].as_str().unwrap_or(""));
            if let Some(field) = field {
                assert_eq!(err["error"]["code"], "validation_failed");
                assert!(
                    detail_fields(&err).contains(&field.to_owned()),
                    "PATCH {body}: {err}"
                );
            }
            assert_eq!(
                app.get_json(&user.client, "/api/v1/me").await,
                before,
                "PATCH {body} changed something"
            );
        }
        // Not JSON at all.
        let resp = user
            .client
            .patch(app.url("/api/v1/me"))
            .body("language=he")
            .send()
            .await
            .unwrap();
        assert_error(
            resp,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        )
        .await;
        assert_eq!(app.get_json(&user.client, "/api/v1/me").await, before);
    }

    async fn tokens_are_created_listed_used_and_revoked(app: TestApp) {
        let user = app.user("tom").await;
        let resp = user
            .client
            .post(app.url("/api/v1/tokens"))
            .json(&json!({"name": "  laptop script "}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let created: Value = resp.json().await.unwrap();
        let token = created["token"].as_str().expect("token").to_owned();
        let id = created["id"].as_str().expect("id").to_owned();
        assert!(token.starts_with("spt_") && token.len() > 30, "{token}");
        assert_eq!(created["name"], "laptop script");

        let list = app.get_json(&user.client, "/api/v1/tokens").await;
        assert_eq!(list["total"], 1);
        assert_eq!(list["page"], 1);
        assert!(list["per_page"].as_u64().is_some_and(|n| n >= 1));
        let items = list["items"].as_array().unwrap();
        assert_eq!(items.len(), 1);
        assert_eq!(items[0]["id"], id.as_str());
        assert_eq!(items[0]["name"], "laptop script");
        assert!(items[0]["last_used_at"].is_null(), "never used yet: {list}");
        let listed = list.to_string();
        assert!(!listed.contains(&token), "the secret is shown only once");
        assert!(!listed.contains("hash"), "{listed}");

        // The token reads /me without any cookie, in either spelling of the scheme.
        let script = app.bare_client();
        for scheme in ["Bearer", "bearer"] {
            let resp = script
                .get(app.url("/api/v1/me"))
                .header(AUTHORIZATION, format!("{scheme} {token}"))
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::OK);
            assert_eq!(
                resp.json::<Value>().await.unwrap()["email"],
                user.email.as_str()
            );
        }
        let list = app.get_json(&user.client, "/api/v1/tokens").await;
        assert!(
            list["items"][0]["last_used_at"].is_string(),
            "use is recorded: {list}"
        );

        // Revoking: 204, then the token is dead and gone from the list; again is 404.
        let resp = user
            .client
            .delete(app.url(&format!("/api/v1/tokens/{id}")))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let resp = script
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        assert_eq!(
            app.get_json(&user.client, "/api/v1/tokens").await["total"],
            0
        );
        let resp = user
            .client
            .delete(app.url(&format!("/api/v1/tokens/{id}")))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn a_token_can_manage_tokens_and_survives_logout(app: TestApp) {
        let user = app.user("ivy").await;
        let (token, _) = app.token(&user, "ci").await;
        let script = app.bare_client();
        let resp = script
            .post(app.url("/api/v1/tokens"))
            .bearer_auth(&token)
            .json(&json!({"name": "second"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let resp = user
            .client
            .post(app.url("/api/v1/auth/logout"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let list: Value = script
            .get(app.url("/api/v1/tokens"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list["total"], 2, "{list}");
        let names: Vec<&str> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["second", "ci"], "newest first");
    }

    async fn invalid_token_names_and_bad_bearers_are_rejected(app: TestApp) {
        let user = app.user("una").await;
        for name in [
            json!(""),
            json!("   "),
            json!("x".repeat(101)),
            json!("tab\there"),
        ] {
            let resp = user
                .client
                .post(app.url("/api/v1/tokens"))
                .json(&json!({"name": name}))
                .send()
                .await
                .unwrap();
            let err =
                assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(detail_fields(&err), ["name"]);
        }
        let resp = user
            .client
            .post(app.url("/api/v1/tokens"))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_client_error(
            resp,
            &[StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY],
        )
        .await;
        assert_eq!(
            app.get_json(&user.client, "/api/v1/tokens").await["total"],
            0
        );

        let (token, _) = app.token(&user, "real").await;
        let script = app.bare_client();
        for header in [
            "Bearer spt_not_a_real_token".to_owned(),
            format!("Bearer {}", &token[..token.len() - 1]),
            format!("Bearer {token}x"),
            format!("Basic {token}"),
            "Bearer ".to_owned(),
        ] {
            let resp = script
                .get(app.url("/api/v1/me"))
                .header(AUTHORIZATION, &header)
                .send()
                .await
                .unwrap();
            assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        }
    }

    async fn deleting_the_account_removes_everything(app: TestApp) {
        let user = app.user("zoe").await;
        let (token, _) = app.token(&user, "ci").await;
        app.conversation(&user, "Leg day").await;
        app.conversation(&user, "Rest day").await;
        let bystander = app.user("bob").await;
        let kept = app.conversation(&bystander, "Bob's plan").await;

        let resp = user
            .client
            .delete(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let cleared = set_cookie(resp.headers(), "spotter_session").expect("cookie cleared");
        assert!(cleared.contains("Max-Age=0"), "{cleared}");

        let resp = app.login(&app.bare_client(), &user.email, PASSWORD).await;
        assert_error(resp, StatusCode::UNAUTHORIZED, "invalid_credentials").await;
        let resp = app
            .bare_client()
            .get(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
        for table in ["sessions", "api_tokens", "conversations"] {
            assert_eq!(
                app.count_rows(table, &user.id).await,
                0,
                "{table} rows left behind"
            );
        }
        assert_eq!(app.count_users_with_email(&user.email).await, 0);

        // Nobody else lost anything.
        let list = app
            .get_json(&bystander.client, "/api/v1/conversations")
            .await;
        assert_eq!(list["total"], 1);
        assert_eq!(list["items"][0]["id"], kept["id"]);
        // The email is free again.
        let fresh = app
            .register(&app.client(), &user.email, "a brand new password")
            .await;
        assert_ne!(fresh["id"], user.id.as_str());
    }

    async fn deleting_the_account_with_a_token_works(app: TestApp) {
        let user = app.user("quinn").await;
        let (token, _) = app.token(&user, "ci").await;
        let resp = app
            .bare_client()
            .delete(app.url("/api/v1/me"))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let resp = user.client.get(app.url("/api/v1/me")).send().await.unwrap();
        assert_error(resp, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }

    async fn export_has_my_data_and_no_secrets(app: TestApp) {
        let user = app.user("eli").await;
        let (token, token_id) = app.token(&user, "export-check").await;
        let kept = app.conversation(&user, "Bench progress").await;
        let gone = app.conversation(&user, "Deleted one").await;
        let resp = user
            .client
            .delete(app.url(&format!(
                "/api/v1/conversations/{}",
                gone["id"].as_str().unwrap()
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let other = app.user("mallory").await;
        app.conversation(&other, "Mallory's secret plan").await;

        let session = {
            let resp = app.login(&app.bare_client(), &user.email, PASSWORD).await;
            session_cookie(resp.headers()).unwrap()
        };
        let resp = user
            .client
            .get(app.url("/api/v1/me/export"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let disposition = resp
            .headers()
            .get(CONTENT_DISPOSITION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_owned();
        assert!(
            disposition.starts_with("attachment") && disposition.contains(".json"),
            "{disposition}"
        );
        let text = resp.text().await.unwrap();
        let body: Value = serde_json::from_str(&text).expect("export is JSON");

        assert_eq!(body["user"]["email"], user.email.as_str());
        assert_eq!(body["user"]["id"], user.id.as_str());
        let tokens = body["api_tokens"].as_array().expect("api_tokens");
        assert_eq!(tokens.len(), 1);
        assert_eq!(tokens[0]["id"], token_id.as_str());
        assert_eq!(tokens[0]["name"], "export-check");
        let conversations = body["conversations"].as_array().expect("conversations");
        assert_eq!(
            conversations.len(),
            1,
            "deleted conversations are not exported: {body}"
        );
        assert_eq!(conversations[0]["id"], kept["id"]);
        assert_eq!(conversations[0]["title"], "Bench progress");

        let lower = text.to_lowercase();
        for secret in [token.as_str(), session.as_str(), "$argon2", PASSWORD] {
            assert!(
                !text.contains(secret),
                "export contains a secret ({secret})"
            );
        }
        for word in ["password", "hash"] {
            assert!(!lower.contains(word), "export mentions {word:?}: {text}");
        }
        assert!(
            !text.contains("Mallory"),
            "another user's data in my export"
        );
    }
}
