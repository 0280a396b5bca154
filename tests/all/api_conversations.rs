//! `/api/v1/conversations`: create, list (order, pages, search), read, rename, delete, and
//! ownership (another user's conversation or token is a 404, never data), on both engines.

use crate::common::*;
use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;
use serde_json::{Value, json};

fn ids(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items: {list}"))
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_owned())
        .collect()
}

fn titles(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items: {list}"))
        .iter()
        .map(|c| c["title"].as_str().unwrap_or("").to_owned())
        .collect()
}

fn id_of(c: &Value) -> &str {
    c["id"].as_str().unwrap()
}

both_engines! {
    async fn create_with_and_without_a_title(app: TestApp) {
        let user = app.user("sam").await;
        let url = app.url("/api/v1/conversations");

        let resp = user.client.post(&url).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED, "no body at all");
        let untitled: Value = resp.json().await.unwrap();
        assert_eq!(
            untitled["id"].as_str().map(str::len),
            Some(36),
            "{untitled}"
        );
        assert!(untitled["title"].is_null());
        assert_eq!(untitled["message_count"], 0);
        assert_eq!(untitled["is_active"], true);

        let resp = user
            .client
            .post(&url)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED, "empty object");
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": "   "}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        assert!(
            resp.json::<Value>().await.unwrap()["title"].is_null(),
            "blank title means untitled"
        );

        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": "  Leg day  "}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let titled: Value = resp.json().await.unwrap();
        assert_eq!(titled["title"], "Leg day");

        let hebrew = "א".repeat(200);
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": hebrew}))
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.status(),
            StatusCode::CREATED,
            "200 characters (400 bytes) fit"
        );
        assert_eq!(
            resp.json::<Value>().await.unwrap()["title"],
            hebrew.as_str()
        );

        let fetched = app
            .get_json(
                &user.client,
                &format!("/api/v1/conversations/{}", id_of(&titled)),
            )
            .await;
        assert_eq!(fetched, titled);
        assert_eq!(
            app.get_json(&user.client, "/api/v1/conversations").await["total"],
            5
        );
    }

    async fn invalid_conversation_bodies_are_rejected(app: TestApp) {
        let user = app.user("val").await;
        let url = app.url("/api/v1/conversations");
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": "a".repeat(201)}))
            .send()
            .await
            .unwrap();
        let err = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&err), ["title"]);
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": "bell\u{7}"}))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": 42}))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::BAD_REQUEST, "invalid_json").await;
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": "x", "pinned": true}))
            .send()
            .await
            .unwrap();
        assert_client_error(
            resp,
            &[StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY],
        )
        .await;
        let resp = user
            .client
            .post(&url)
            .header(CONTENT_TYPE, "application/json")
            .body("{\"title\": ")
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::BAD_REQUEST, "malformed_json").await;
        let resp = user
            .client
            .post(&url)
            .header(CONTENT_TYPE, "text/plain")
            .body("title")
            .send()
            .await
            .unwrap();
        assert_error(
            resp,
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
        )
        .await;
        let resp = user
            .client
            .post(&url)
            .json(&json!({"title": "big", "padding": "x".repeat(1024 * 1024)}))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
        assert_eq!(
            app.get_json(&user.client, "/api/v1/conversations").await["total"],
            0
        );
    }

    async fn list_is_most_recent_first_and_paginated(app: TestApp) {
        let user = app.user("pia").await;
        let mut created = Vec::new();
        for title in ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"] {
            created.push(app.conversation(&user, title).await);
        }
        let list = app.get_json(&user.client, "/api/v1/conversations").await;
        assert_eq!(list["page"], 1);
        assert_eq!(list["per_page"], 20);
        assert_eq!(list["total"], 5);
        assert_eq!(
            titles(&list),
            ["Epsilon", "Delta", "Gamma", "Beta", "Alpha"]
        );

        // (query string, page, per_page, titles)
        let cases: &[(&str, u64, u64, &[&str])] = &[
            ("?per_page=2", 1, 2, &["Epsilon", "Delta"]),
            ("?per_page=2&page=2", 2, 2, &["Gamma", "Beta"]),
            ("?per_page=2&page=3", 3, 2, &["Alpha"]),
            ("?per_page=2&page=4", 4, 2, &[]),
            (
                "?page=0",
                1,
                20,
                &["Epsilon", "Delta", "Gamma", "Beta", "Alpha"],
            ),
            ("?per_page=0", 1, 1, &["Epsilon"]),
            (
                "?per_page=1000",
                1,
                100,
                &["Epsilon", "Delta", "Gamma", "Beta", "Alpha"],
            ),
            ("?page=4294967295&per_page=100", 4294967295, 100, &[]),
        ];
        for (query, page, per_page, expected) in cases {
            let list = app
                .get_json(&user.client, &format!("/api/v1/conversations{query}"))
                .await;
            assert_eq!(list["page"], *page, "{query}: {list}");
            assert_eq!(list["per_page"], *per_page, "{query}: {list}");
            assert_eq!(list["total"], 5, "{query}: {list}");
            assert_eq!(&titles(&list), expected, "{query}");
        }
        for bad in ["?page=-1", "?page=abc", "?per_page=1.5"] {
            let resp = user
                .client
                .get(app.url(&format!("/api/v1/conversations{bad}")))
                .send()
                .await
                .unwrap();
            assert_error(resp, StatusCode::BAD_REQUEST, "invalid_query").await;
        }

        // Renaming is activity: the renamed conversation moves to the top.
        let resp = user
            .client
            .patch(app.url(&format!("/api/v1/conversations/{}", id_of(&created[0]))))
            .json(&json!({"title": "Alpha (renamed)"}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let list = app
            .get_json(&user.client, "/api/v1/conversations?per_page=2")
            .await;
        assert_eq!(titles(&list), ["Alpha (renamed)", "Epsilon"]);
    }

    async fn search_is_case_insensitive_and_wildcards_are_literal(app: TestApp) {
        let user = app.user("lia").await;
        for title in [
            "Leg_Day 100%",
            "Legday 1000",
            "UPPER body",
            "leg press",
            "Back\\Biceps",
            "אימון רגליים",
        ] {
            app.conversation(&user, title).await;
        }
        let resp = user
            .client
            .post(app.url("/api/v1/conversations"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED, "untitled");
        let cases: &[(&str, &[&str])] = &[
            ("leg", &["leg press", "Legday 1000", "Leg_Day 100%"]),
            ("LEG", &["leg press", "Legday 1000", "Leg_Day 100%"]),
            ("Upper", &["UPPER body"]),
            ("_", &["Leg_Day 100%"]),
            ("g_d", &["Leg_Day 100%"]),
            ("%", &["Leg_Day 100%"]),
            ("0%", &["Leg_Day 100%"]),
            ("100", &["Legday 1000", "Leg_Day 100%"]),
            ("\\", &["Back\\Biceps"]),
            ("k\\b", &["Back\\Biceps"]),
            ("'; DROP TABLE conversations; --", &[]),
            ("squat", &[]),
            ("רגל", &["אימון רגליים"]),
        ];
        for (q, expected) in cases {
            let resp = user
                .client
                .get(app.url("/api/v1/conversations"))
                .query(&[("q", q)])
                .send()
                .await
                .unwrap();
            assert_eq!(resp.status(), StatusCode::OK, "q={q}");
            let list: Value = resp.json().await.unwrap();
            assert_eq!(&titles(&list), expected, "q={q}");
            assert_eq!(
                list["total"],
                expected.len(),
                "q={q}: total counts matches only"
            );
        }
        // An empty or blank query lists everything (6 titled + 1 untitled).
        for q in ["", "   "] {
            let resp = user
                .client
                .get(app.url("/api/v1/conversations"))
                .query(&[("q", q)])
                .send()
                .await
                .unwrap();
            assert_eq!(resp.json::<Value>().await.unwrap()["total"], 7, "q={q:?}");
        }
        // Search combines with pages.
        let resp = user
            .client
            .get(app.url("/api/v1/conversations"))
            .query(&[("q", "leg"), ("per_page", "2"), ("page", "2")])
            .send()
            .await
            .unwrap();
        let list: Value = resp.json().await.unwrap();
        assert_eq!(titles(&list), ["Leg_Day 100%"]);
        assert_eq!(list["total"], 3);
    }

    async fn get_rename_and_delete(app: TestApp) {
        let user = app.user("ben").await;
        let c = app.conversation(&user, "Old name").await;
        let path = format!("/api/v1/conversations/{}", id_of(&c));

        let resp = user
            .client
            .patch(app.url(&path))
            .json(&json!({"title": "  New name "}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let renamed: Value = resp.json().await.unwrap();
        assert_eq!(renamed["title"], "New name");
        assert_eq!(renamed["id"], c["id"]);
        assert_eq!(renamed["created_at"], c["created_at"]);
        assert_eq!(app.get_json(&user.client, &path).await["title"], "New name");

        let resp = user
            .client
            .patch(app.url(&path))
            .json(&json!({"title": "x".repeat(201)}))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(app.get_json(&user.client, &path).await["title"], "New name");

        let resp = user
            .client
            .patch(app.url(&path))
            .json(&json!({"title": null}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(
            resp.json::<Value>().await.unwrap()["title"].is_null(),
            "null clears the title"
        );

        let resp = user.client.delete(app.url(&path)).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        let resp = user.client.get(app.url(&path)).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        let resp = user
            .client
            .patch(app.url(&path))
            .json(&json!({"title": "Back?"}))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        let resp = user.client.delete(app.url(&path)).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        let list = app.get_json(&user.client, "/api/v1/conversations").await;
        assert_eq!(list["total"], 0);
        assert!(ids(&list).is_empty());
        let resp = user
            .client
            .get(app.url("/api/v1/conversations"))
            .query(&[("q", "Back")])
            .send()
            .await
            .unwrap();
        assert_eq!(
            resp.json::<Value>().await.unwrap()["total"],
            0,
            "deleted ones are not searchable"
        );
    }

    async fn other_users_things_are_404_and_untouched(app: TestApp) {
        let alice = app.user("alice").await;
        let bob = app.user("bob").await;
        let c = app.conversation(&alice, "Alice's squat plan").await;
        let (alice_token, alice_token_id) = app.token(&alice, "alice-ci").await;
        let (bob_token, _) = app.token(&bob, "bob-ci").await;
        let path = format!("/api/v1/conversations/{}", id_of(&c));

        // Bob, by cookie and by token.
        for auth in [None, Some(bob_token.as_str())] {
            let client = if auth.is_some() {
                app.bare_client()
            } else {
                bob.client.clone()
            };
            let with = |r: reqwest::RequestBuilder| match auth {
                Some(t) => r.bearer_auth(t),
                None => r,
            };
            let attempts = vec![
                with(client.get(app.url(&path))),
                with(
                    client
                        .patch(app.url(&path))
                        .json(&json!({"title": "pwned"})),
                ),
                with(client.delete(app.url(&path))),
                with(client.delete(app.url(&format!("/api/v1/tokens/{alice_token_id}")))),
            ];
            for attempt in attempts {
                let resp = attempt.send().await.unwrap();
                let err = assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
                assert!(
                    !err.to_string().contains("squat"),
                    "no data leaks in the error: {err}"
                );
            }
            let list = with(client.get(app.url("/api/v1/conversations")))
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap();
            assert_eq!(
                list["total"], 0,
                "Bob sees none of Alice's conversations: {list}"
            );
            let list = with(client.get(app.url("/api/v1/tokens")))
                .send()
                .await
                .unwrap()
                .json::<Value>()
                .await
                .unwrap();
            assert_eq!(list["total"], 1, "Bob sees only his own token: {list}");
        }

        // Alice's things are unchanged.
        let after = app.get_json(&alice.client, &path).await;
        assert_eq!(after, c);
        let resp = app
            .bare_client()
            .get(app.url("/api/v1/me"))
            .bearer_auth(&alice_token)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert_eq!(
            app.get_json(&alice.client, "/api/v1/conversations").await["total"],
            1
        );
    }

    async fn garbage_ids_are_404(app: TestApp) {
        let user = app.user("gil").await;
        let c = app.conversation(&user, "Mine").await;
        let own = id_of(&c).to_owned();
        for id in [
            "not-a-uuid",
            "123",
            "00000000-0000-0000-0000-000000000000",
            "%27%20OR%201%3D1%20--",
            "..%2F..%2Fetc%2Fpasswd",
            &format!("{own}x"),
            &"f".repeat(300),
        ] {
            let path = format!("/api/v1/conversations/{id}");
            for method in ["GET", "PATCH", "DELETE"] {
                let resp = user
                    .client
                    .request(method.parse().unwrap(), app.url(&path))
                    .json(&json!({"title": "t"}))
                    .send()
                    .await
                    .unwrap();
                assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
            }
            let resp = user
                .client
                .delete(app.url(&format!("/api/v1/tokens/{id}")))
                .send()
                .await
                .unwrap();
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }
        // The id is a UUID: an upper-case spelling names the same conversation.
        let got = app
            .get_json(
                &user.client,
                &format!("/api/v1/conversations/{}", own.to_uppercase()),
            )
            .await;
        assert_eq!(got["id"], own.as_str());
        // Unknown API paths and methods answer in the error shape too.
        let resp = user
            .client
            .get(app.url("/api/v1/no-such-thing"))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        let resp = user
            .client
            .put(app.url("/api/v1/conversations"))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_error(resp, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    }
}

/// Titles are matched case-insensitively with Unicode rules on both engines: the query is
/// lowercased in Rust (Unicode), so the stored title must be folded the same way.
async fn search_folds_case_beyond_ascii(app: TestApp) {
    let user = app.user("eloise").await;
    app.conversation(&user, "ÉLAN vital").await;
    app.conversation(&user, "Ünterschied").await;
    app.conversation(&user, "Legs (heavy) 1.5x").await;
    // Typing the title exactly as shown must find it; so must any other casing. Pattern
    // characters in the query match themselves.
    for (q, expected) in [
        ("ÉLAN", "ÉLAN vital"),
        ("élan", "ÉLAN vital"),
        ("ünter", "Ünterschied"),
        ("(HEAVY) 1.5", "Legs (heavy) 1.5x"),
    ] {
        let resp = user
            .client
            .get(app.url("/api/v1/conversations"))
            .query(&[("q", q)])
            .send()
            .await
            .unwrap();
        let list: Value = resp.json().await.unwrap();
        assert_eq!(titles(&list), [expected], "q={q} on {:?}", app.engine);
    }
}

#[tokio::test]
async fn search_folds_case_beyond_ascii_postgres() {
    if let Some(app) = TestApp::start(Engine::Postgres).await {
        search_folds_case_beyond_ascii(app).await;
    }
}

#[tokio::test]
async fn search_folds_case_beyond_ascii_sqlite() {
    if let Some(app) = TestApp::start(Engine::Sqlite).await {
        search_folds_case_beyond_ascii(app).await;
    }
}
