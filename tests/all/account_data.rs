//! Account-wide data rules across every aggregate, training data included: deleting the
//! account removes every row the user owns, and `GET /me/export` contains all of it
//! (DESIGN.md: "all my data"), on both engines.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Every table with user-owned rows that the API can create today.
const USER_TABLES: &[&str] = &[
    "sessions",
    "api_tokens",
    "conversations",
    "workout_sessions",
    "exercise_sets",
    "personal_records",
    "achievements",
    "chat_messages",
    "message_feedback",
    "user_facts",
    "message_visualizations",
    "exercise_aliases",
];

/// A little of everything: a token, a conversation and a logged workout (sets, records and
/// achievements follow from it). Returns the workout as logged.
async fn fill_account(app: &TestApp, user: &TestUser) -> Value {
    app.token(user, "ci").await;
    app.conversation(user, "Leg day questions").await;
    // A chat: its messages, a fact the coach keeps, feedback on the reply.
    let resp = user
        .client
        .post(app.url("/api/v1/chat"))
        .json(&json!({"content": "remember that I train at 6am"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let exchange: Value = resp.json().await.unwrap();
    let reply = exchange["reply"].as_array().unwrap().last().unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let resp = user
        .client
        .post(app.url(&format!("/api/v1/messages/{reply}/feedback")))
        .json(&json!({"helpful": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let resp = user
        .client
        .post(app.url("/api/v1/workouts"))
        .json(&json!({
            "name": "Leg day",
            "started_at": "2026-11-20T07:30:00Z",
            "exercises": [{"exercise": "back-squat", "sets": [
                {"reps": 5, "weight_kg": 100.0}, {"reps": 5, "weight_kg": 102.5}
            ]}]
        }))
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{body}");
    // A chart the coach draws, and the user's own word for an exercise (an answer to "did
    // you mean …?").
    let mut conversation = Value::Null;
    for (content, same) in [
        ("show my squat progress", false),
        ("benchh presss 3x5 at 80", false),
        ("yes", true),
    ] {
        let ask = if same {
            json!({ "content": content, "conversation_id": conversation })
        } else {
            json!({ "content": content })
        };
        let resp = user
            .client
            .post(app.url("/api/v1/chat"))
            .json(&ask)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let exchange: Value = resp.json().await.unwrap();
        conversation = exchange["user_message"]["conversation_id"].clone();
    }
    body
}

both_engines! {
    async fn deleting_the_account_removes_every_owned_row(app: TestApp) {
        let user = app.user("gone").await;
        fill_account(&app, &user).await;
        let bystander = app.user("stays").await;
        fill_account(&app, &bystander).await;
        for table in USER_TABLES {
            assert!(
                app.count_rows(table, &user.id).await > 0,
                "setup: no {table} rows"
            );
        }

        let resp = user
            .client
            .delete(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        for table in USER_TABLES {
            assert_eq!(
                app.count_rows(table, &user.id).await,
                0,
                "{table} rows left behind"
            );
            assert!(
                app.count_rows(table, &bystander.id).await > 0,
                "{table}: another user's rows went too"
            );
        }
        // The leg day and the bench press the coach logged in the chat.
        assert_eq!(
            app.get_json(&bystander.client, "/api/v1/workouts").await["total"],
            2
        );
    }

    async fn export_includes_training_data(app: TestApp) {
        let user = app.user("exporter").await;
        let logged = fill_account(&app, &user).await;
        let resp = user.client.post(app.url("/api/v1/goals"))
            .json(&json!({"goal_type": "workouts", "target_value": 3, "timeframe": "weekly"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let goal: Value = resp.json().await.unwrap();
        let resp = user.client.post(app.url("/api/v1/plan"))
            .json(&json!({"title": "Deload week", "due_date": "2031-01-05"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let item: Value = resp.json().await.unwrap();
        let export = app.get_json(&user.client, "/api/v1/me/export").await;
        let text = export.to_string();
        let workout_id = logged["id"].as_str().unwrap();
        assert!(
            text.contains(workout_id),
            "the workout is missing from the export: {export}"
        );
        for set in logged["sets"].as_array().unwrap() {
            let set_id = set["id"].as_str().unwrap();
            assert!(
                text.contains(set_id),
                "set {set_id} is missing from the export"
            );
        }
        assert_eq!(export["charts"][0]["title"], "Squat (Barbell) — heaviest set", "{export}");
        let goals = export["goals"].as_array().unwrap();
        assert!(goals.iter().any(|g| g["id"] == goal["id"] && g["target_value"] == 3.0), "{export}");
        let plan = export["plan_items"].as_array().unwrap();
        assert!(plan.iter().any(|p| p["id"] == item["id"] && p["title"] == "Deload week"), "{export}");
        assert!(export["charts"][0]["option"]["dataset"].is_array());
        assert_eq!(export["exercise_aliases"], json!([{"alias": "benchh presss", "exercise_slug": "bench-press", "created_at": export["exercise_aliases"][0]["created_at"]}]));
        for achievement in logged["new_achievements"].as_array().unwrap() {
            let code = achievement["code"].as_str().unwrap();
            assert!(
                text.contains(code),
                "achievement {code} is missing from the export"
            );
        }
    }
}
