//! `/api/v1/goals` on both engines: live progress from the log, completion recorded once,
//! per-exercise goals by name, validation, ownership.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn post(app: &TestApp, user: &TestUser, path: &str, body: Value) -> reqwest::Response {
    user.client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap()
}

both_engines! {
    async fn progress_follows_the_log_and_completion_is_recorded_once(app: TestApp) {
        let user = app.user("goal").await;
        let resp = post(&app, &user, "/api/v1/goals", json!({"goal_type": "weight", "target_value": 100, "timeframe": "monthly", "exercise": "לחיצת חזה"})).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let goal: Value = resp.json().await.unwrap();
        assert_eq!(goal["progress"]["current"], 0.0);
        assert_eq!(goal["progress"]["completed"], false);
        assert_eq!(goal["unit"], "kg");
        let id = goal["id"].as_str().unwrap().to_owned();
        let workouts: Value = post(&app, &user, "/api/v1/goals", json!({"goal_type": "workouts", "target_value": 2, "timeframe": "weekly"})).await.json().await.unwrap();

        let resp = post(&app, &user, "/api/v1/workouts", json!({"exercises": [{"exercise": "bench press", "sets": [{"reps": 5, "weight_kg": 90}]}]})).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let g = app.get_json(&user.client, &format!("/api/v1/goals/{id}")).await;
        assert_eq!(g["progress"]["current"], 90.0);
        assert_eq!(g["progress"]["percent"], 90);
        assert!(g["completed_at"].is_null());

        post(&app, &user, "/api/v1/workouts", json!({"exercises": [{"exercise": "bench press", "sets": [{"reps": 2, "weight_kg": 100}]}]})).await;
        let g = app.get_json(&user.client, &format!("/api/v1/goals/{id}")).await;
        assert_eq!(g["progress"]["completed"], true);
        let completed_at = g["completed_at"].as_str().expect("completion recorded").to_owned();
        let again = app.get_json(&user.client, &format!("/api/v1/goals/{id}")).await;
        assert_eq!(again["completed_at"], completed_at.as_str(), "recorded once");

        let list = app.get_json(&user.client, "/api/v1/goals").await;
        assert_eq!(list["total"], 2);
        let w = list["items"].as_array().unwrap().iter().find(|x| x["id"] == workouts["id"]).unwrap();
        assert_eq!(w["progress"]["current"], 2.0);
        assert_eq!(w["progress"]["completed"], true);

        let paused: Value = user.client.patch(app.url(&format!("/api/v1/goals/{id}"))).json(&json!({"is_active": false, "target_value": 120})).send().await.unwrap().json().await.unwrap();
        assert_eq!(paused["is_active"], false);
        assert_eq!(paused["progress"]["target"], 120.0);
        assert_eq!(paused["completed_at"], completed_at.as_str());
    }

    async fn invalid_goals_and_other_users(app: TestApp) {
        let user = app.user("g1").await;
        let other = app.user("g2").await;
        for (body, field) in [
            (json!({"goal_type": "points", "target_value": 0, "timeframe": "weekly"}), "target_value"),
            (json!({"goal_type": "distance", "target_value": 5000, "timeframe": "by_date"}), "end_date"),
            (json!({"goal_type": "weight", "target_value": 100, "timeframe": "weekly", "exercise": "xyzzy"}), "exercise"),
        ] {
            let body = assert_error(post(&app, &user, "/api/v1/goals", body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(detail_fields(&body), vec![field]);
        }
        let resp = post(&app, &user, "/api/v1/goals", json!({"goal_type": "happiness", "target_value": 1, "timeframe": "weekly"})).await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&body), vec!["goal_type"]);
        assert_eq!(app.count_rows("goals", &user.id).await, 0);

        let goal: Value = post(&app, &user, "/api/v1/goals", json!({"goal_type": "streak", "target_value": 7, "timeframe": "daily"})).await.json().await.unwrap();
        let path = format!("/api/v1/goals/{}", goal["id"].as_str().unwrap());
        for resp in [
            other.client.get(app.url(&path)).send().await.unwrap(),
            other.client.patch(app.url(&path)).json(&json!({"is_active": false})).send().await.unwrap(),
            other.client.delete(app.url(&path)).send().await.unwrap(),
        ] {
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_eq!(user.client.delete(app.url(&path)).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        assert_eq!(app.count_rows("goals", &user.id).await, 0);
    }
}
