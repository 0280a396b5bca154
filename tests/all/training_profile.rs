//! The training profile the coach plans with: read and changed over REST (`/me/profile`) and
//! with Settings' plain form (`/settings/profile`), in the user's words and units; refused
//! input is named and nothing typed is lost; one user's profile is never another's.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::assert_redirect;

both_engines! {
    async fn the_profile_is_typed_checked_and_kept_per_user(app: TestApp) {
        let user = app.user("planner").await;
        let other = app.user("bystander").await;
        // Defaults: nothing known, every switch on, a commercial gym in kg.
        let profile = app.get_json(&user.client, "/api/v1/me/profile").await;
        assert_eq!(profile["fitness_level"], Value::Null);
        assert_eq!((profile["reminders"].as_bool(), profile["weekly_reports"].as_bool()), (Some(true), Some(true)));

        let patch = |body: Value| {
            let client = user.client.clone();
            let url = app.url("/api/v1/me/profile");
            async move { client.patch(url).json(&body).send().await.unwrap() }
        };
        let resp = patch(json!({"fitness_level": "advanced", "injuries": ["knee", "knee"],
            "avoided_exercises": ["back-squat"], "weekly_reports": false,
            "rep_ranges": {"bench-press": {"low": 3, "high": 5}}})).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["injuries"], json!(["knee"]));
        assert_eq!(body["rep_ranges"]["bench-press"], json!({"low": 3, "high": 5}));
        assert_eq!(body["weekly_reports"], false);
        // An exercise not in the catalog, an impossible range, an unknown key: refused, nothing changed.
        for (bad, status) in [
            (json!({"preferred_exercises": ["squaats"]}), StatusCode::UNPROCESSABLE_ENTITY),
            (json!({"rep_ranges": {"bench-press": {"low": 9, "high": 5}}}), StatusCode::UNPROCESSABLE_ENTITY),
            (json!({"injuries": ["toe"]}), StatusCode::UNPROCESSABLE_ENTITY),
            (json!({"colour": "red"}), StatusCode::UNPROCESSABLE_ENTITY),
        ] {
            let resp = patch(bad.clone()).await;
            let got = resp.status();
            let error: Value = resp.json().await.unwrap();
            assert!(got == status || got == StatusCode::BAD_REQUEST, "{bad}: {got}");
            assert!(error["error"]["code"].is_string(), "{bad}: the error shape: {error}");
        }
        let kept = app.get_json(&user.client, "/api/v1/me/profile").await;
        assert_eq!(kept["fitness_level"], "advanced");
        assert_eq!(kept["avoided_exercises"], json!(["back-squat"]));
        // The other user's is untouched.
        let theirs = app.get_json(&other.client, "/api/v1/me/profile").await;
        assert_eq!(theirs["fitness_level"], Value::Null);
        assert_eq!(theirs["injuries"], json!([]));
    }
}

both_engines! {
    async fn settings_change_the_profile_in_words_without_javascript(app: TestApp) {
        let user = app.user("lifter").await;
        let (status, html) = app.get_html(&user.client, "/settings").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("id=\"training\""), "{html}");
        assert!(html.contains("What the coach knows about you"), "the facts are still there: {html}");

        let form = [
            ("level", "beginner"),
            ("injury", "lower_back"),
            ("preferred", "squat, Bench Press"),
            ("avoided", "דדליפט"),
            ("rep_ranges", "bench press: 3-5"),
            ("reminders", "on"),
            ("bar", "15"),
            ("plates", "20, 10, 5, 2.5, 1.25"),
            ("dumbbell_step", "2"),
            ("machine_step", "5"),
        ];
        let resp = app.post_form(&user.client, "/settings/profile", &form).await;
        assert_eq!(assert_redirect(&resp), "/settings?saved=1#training");
        let profile = app.get_json(&user.client, "/api/v1/me/profile").await;
        assert_eq!(profile["fitness_level"], "beginner");
        assert_eq!(profile["injuries"], json!(["lower_back"]));
        assert_eq!(profile["preferred_exercises"], json!(["back-squat", "bench-press"]));
        assert_eq!(profile["avoided_exercises"], json!(["deadlift"]));
        // Unticked: off.
        assert_eq!((profile["reminders"].as_bool(), profile["achievements"].as_bool(), profile["weekly_reports"].as_bool()), (Some(true), Some(false), Some(false)));
        assert_eq!(profile["loading"], json!({"bar": 15.0, "plates": [20.0, 10.0, 5.0, 2.5, 1.25], "dumbbell_step": 2.0, "machine_step": 5.0}));
        // The form shows what is stored, names in the user's language.
        let (_, html) = app.get_html(&user.client, "/settings").await;
        assert!(html.contains("value=\"Squat (Barbell), Bench Press (Barbell)\""), "{html}");
        assert!(html.contains("value=\"Deadlift (Barbell)\""), "{html}");
        assert!(html.contains("Bench Press (Barbell): 3-5</textarea>"), "{html}");
        // The gym reads back exactly as typed, so saving the form again changes nothing in it.
        assert!(html.contains("value=\"20, 10, 5, 2.5, 1.25\""), "{html}");

        // A name nobody can place: said so, with the words; the form keeps what was typed.
        let mut typo = form.to_vec();
        typo[2] = ("preferred", "squat, zzzz press");
        typo[4] = ("rep_ranges", "bench press: 4-6");
        let resp = app.post_form(&user.client, "/settings/profile", &typo).await;
        let to = assert_redirect(&resp).to_owned();
        assert!(to.starts_with("/settings?training_error=unknown_exercise"), "{to}");
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("No exercise in the catalog is clearly this name: <bdi>zzzz press</bdi>"), "{html}");
        assert!(html.contains("value=\"squat, zzzz press\""), "typed words kept: {html}");
        assert!(html.contains("bench press: 4-6</textarea>"), "{html}");
        assert_eq!(app.get_json(&user.client, "/api/v1/me/profile").await["rep_ranges"]["bench-press"], json!({"low": 3, "high": 5}), "nothing stored");

        // In Hebrew and pounds, the form speaks Hebrew and the gym is in lb.
        let he = app.user("metargel").await;
        he.client.patch(app.url("/api/v1/me")).json(&json!({"language": "he", "units": "imperial"})).send().await.unwrap();
        let (_, html) = app.get_html(&he.client, "/settings").await;
        assert!(html.contains("פרופיל אימון"), "{html}");
        assert!(html.contains("מוט (lb)") && html.contains("value=\"45\""), "{html}");
    }
}
