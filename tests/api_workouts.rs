//! `/api/v1/workouts` and `/api/v1/exercises` on both engines: logging with names in English
//! and Hebrew, units, points, personal records, validation (nothing written), unknown
//! exercises with suggestions, ownership, and deletion recomputing records.
#![cfg(feature = "ssr")]

#[macro_use]
mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn log(app: &TestApp, user: &TestUser, body: Value) -> reqwest::Response {
    user.client
        .post(app.url("/api/v1/workouts"))
        .json(&body)
        .send()
        .await
        .unwrap()
}

fn record_types(body: &Value) -> Vec<String> {
    let mut t: Vec<String> = body["new_records"]
        .as_array()
        .unwrap_or_else(|| panic!("no new_records: {body}"))
        .iter()
        .map(|r| r["record_type"].as_str().unwrap().to_owned())
        .collect();
    t.sort();
    t
}

both_engines! {
    async fn logging_resolves_names_converts_units_and_scores(app: TestApp) {
        let user = app.user("lifter").await;
        let resp = log(&app, &user, json!({
            "name": "Push",
            "exercises": [
                {"exercise": "bench press", "sets": [{"reps": 8, "weight_kg": 80}, {"reps": 5, "weight": 225, "unit": "lb"}]},
                {"exercise": "שכיבות סמיכה", "sets": [{"reps": 20}]},
            ]
        })).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let body: Value = resp.json().await.unwrap();
        let sets = body["sets"].as_array().unwrap();
        assert_eq!(sets.len(), 3);
        assert_eq!(sets[0]["exercise_slug"], "bench-press");
        assert_eq!(sets[2]["exercise_slug"], "push-up");
        let kg = sets[1]["weight_kg"].as_f64().unwrap();
        assert!((kg - 102.058_283_25).abs() < 1e-6, "225 lb = {kg} kg");
        // Points per the documented formula: 5 + round(640/40) = 21; 5 + round(510.29/40) = 18;
        // 5 + 20 reps = 25; plus the 10-point workout bonus.
        assert_eq!(sets[0]["points"], 21);
        assert_eq!(sets[1]["points"], 18);
        assert_eq!(sets[2]["points"], 25);
        assert_eq!(body["points"], 21 + 18 + 25 + 10);
        // First time: every record type the sets have is new.
        assert!(record_types(&body).contains(&"weight".to_owned()));
        let codes: Vec<&str> = body["new_achievements"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
        assert!(codes.contains(&"first_workout"), "{codes:?}");

        // A heavier bench is a new weight PR; the same weight again is not.
        let heavier: Value = log(&app, &user, json!({"exercises": [{"exercise": "Bench Press (Barbell)", "sets": [{"reps": 3, "weight_kg": 105}]}]}))
            .await.json().await.unwrap();
        assert!(record_types(&heavier).contains(&"weight".to_owned()), "{heavier}");
        let again: Value = log(&app, &user, json!({"exercises": [{"exercise": "bench-press", "sets": [{"reps": 3, "weight_kg": 105}]}]}))
            .await.json().await.unwrap();
        assert_eq!(record_types(&again), Vec::<String>::new(), "a tie is not a record");

        let list = app.get_json(&user.client, "/api/v1/workouts").await;
        assert_eq!(list["total"], 3);
        assert_eq!(list["items"][2]["name"], "Push", "most recent first");
    }

    async fn bad_input_is_422_with_every_field_and_nothing_is_written(app: TestApp) {
        let user = app.user("careful").await;
        let resp = log(&app, &user, json!({"exercises": [{"exercise": "squat", "sets": [
            {"reps": -5, "weight_kg": 100}, {"reps": 5, "weight_kg": 1500}, {"reps": 1001}, {"rpe": 11, "reps": 5}
        ]}]})).await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(
            detail_fields(&body),
            vec!["exercises[0].sets[0].reps", "exercises[0].sets[1].weight_kg", "exercises[0].sets[2].reps", "exercises[0].sets[3].rpe"]
        );
        let resp = log(&app, &user, json!({"exercises": [{"exercise": "benchh pres", "sets": [{"reps": 5}]}, {"exercise": "xyzzy", "sets": [{"reps": 5}]}]})).await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "unknown_exercise").await;
        let details = body["error"]["details"].as_array().unwrap();
        assert_eq!(details.len(), 2, "every unclear name is reported: {body}");
        assert_eq!(details[0]["field"], "exercises[0].exercise");
        assert_eq!(details[0]["suggestions"][0]["slug"], "bench-press", "two typos: suggested, not guessed");
        assert_eq!(details[1]["field"], "exercises[1].exercise");
        assert_eq!(details[1]["suggestions"], json!([]));
        let resp = log(&app, &user, json!({"exercises": [{"exercise": "curl", "sets": [{"reps": 5}]}]})).await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "unknown_exercise").await;
        let suggestions = body["error"]["details"][0]["suggestions"].as_array().unwrap();
        assert!(suggestions.len() >= 2, "an ambiguous name lists ranked suggestions: {body}");
        let resp = user.client.post(app.url("/api/v1/workouts")).body("{not json").header("content-type", "application/json").send().await.unwrap();
        assert_error(resp, StatusCode::BAD_REQUEST, "malformed_json").await;
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 0);
    }

    async fn another_users_workout_is_404_and_delete_recomputes_records(app: TestApp) {
        let owner = app.user("owner").await;
        let other = app.user("other").await;
        let light: Value = log(&app, &owner, json!({"exercises": [{"exercise": "deadlift", "sets": [{"reps": 5, "weight_kg": 140}]}]})).await.json().await.unwrap();
        let heavy: Value = log(&app, &owner, json!({"exercises": [{"exercise": "deadlift", "sets": [{"reps": 5, "weight_kg": 180}]}]})).await.json().await.unwrap();
        let heavy_id = heavy["id"].as_str().unwrap();
        for path in [format!("/api/v1/workouts/{heavy_id}"), "/api/v1/workouts/not-a-uuid".to_owned()] {
            let resp = other.client.get(app.url(&path)).send().await.unwrap();
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
            let resp = other.client.delete(app.url(&path)).send().await.unwrap();
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_eq!(app.count_rows("workout_sessions", &owner.id).await, 2);

        let resp = owner.client.delete(app.url(&format!("/api/v1/workouts/{heavy_id}"))).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::NO_CONTENT);
        // The 180 kg record is gone with its workout: the 140 kg set holds the record again.
        let light_set = light["sets"][0]["id"].as_str().unwrap();
        let set_ids: Vec<String> = match app.db() {
            spotter::server::db::Db::Sqlite(p) => sqlx::query_scalar("SELECT set_id FROM personal_records WHERE user_id = $1 AND record_type = 'weight'").bind(&owner.id).fetch_all(p).await.unwrap(),
            spotter::server::db::Db::Postgres(p) => sqlx::query_scalar("SELECT set_id FROM personal_records WHERE user_id = $1 AND record_type = 'weight'").bind(&owner.id).fetch_all(p).await.unwrap(),
        };
        assert_eq!(set_ids, vec![light_set.to_owned()]);
    }

    async fn exercise_search_ranks_english_and_hebrew(app: TestApp) {
        let user = app.user("searcher").await;
        for (q, slug) in [("squat", "back-squat"), ("סקוואט", "back-squat"), ("הסקוואט", "back-squat"), ("pullups", "pull-up")] {
            let list = app.get_json(&user.client, &format!("/api/v1/exercises?q={}", urlencode(q))).await;
            assert_eq!(list["items"][0]["slug"], slug, "{q}: {list}");
            assert!(list["items"][0]["confidence"].as_f64().unwrap() >= 0.9);
        }
        let all = app.get_json(&user.client, "/api/v1/exercises?per_page=100").await;
        assert!(all["total"].as_u64().unwrap() >= 150);
        assert_eq!(all["items"].as_array().unwrap().len(), 100);
    }
}

both_engines! {
    async fn stats_and_records_summarize_the_log(app: TestApp) {
        let user = app.user("stats").await;
        let now = chrono::Utc::now();
        let day = |d: i64| (now - chrono::Duration::days(d)).to_rfc3339();
        // Three consecutive days ending yesterday: the streak is alive (today is not over).
        for (d, kg) in [(3, 100.0), (2, 105.0), (1, 110.0)] {
            let resp = log(&app, &user, json!({"started_at": day(d), "exercises": [
                {"exercise": "squat", "sets": [{"reps": 5, "weight_kg": kg}, {"reps": 5, "weight_kg": kg}]},
                {"exercise": "plank", "sets": [{"duration_s": 60}]}
            ]})).await;
            assert_eq!(resp.status(), StatusCode::CREATED);
        }
        let s = app.get_json(&user.client, "/api/v1/stats?period=all").await;
        assert_eq!(s["workouts"], 3);
        assert_eq!(s["sets"], 9);
        assert_eq!(s["volume_kg"].as_f64().unwrap(), 10.0 * (100.0 + 105.0 + 110.0));
        assert_eq!(s["current_streak_days"], 3);
        assert_eq!(s["longest_streak_days"], 3);
        assert_eq!(s["favourite_exercise"]["slug"], "back-squat");
        assert_eq!(s["level"], "beginner");
        let lifetime = s["lifetime_points"].as_i64().unwrap();
        assert_eq!(s["points"].as_i64().unwrap(), lifetime);
        assert!(s["this_month"]["workouts"].as_u64().unwrap() + s["last_month"]["workouts"].as_u64().unwrap() >= 3);
        let resp = user.client.get(app.url("/api/v1/stats?period=fortnight")).send().await.unwrap();
        assert_error(resp, StatusCode::BAD_REQUEST, "invalid_query").await;

        let records = app.get_json(&user.client, &format!("/api/v1/records?exercise={}", urlencode("סקוואט"))).await;
        let weight = records["items"].as_array().unwrap().iter().find(|r| r["record_type"] == "weight").expect("weight record");
        assert_eq!(weight["value"].as_f64().unwrap(), 110.0);
        assert_eq!(weight["unit"], "kg");
        let e1rm = records["items"].as_array().unwrap().iter().find(|r| r["record_type"] == "e1rm").unwrap();
        assert!((e1rm["value"].as_f64().unwrap() - 110.0 * (1.0 + 5.0 / 30.0)).abs() < 1e-6);
        let all = app.get_json(&user.client, "/api/v1/records").await;
        assert!(all["items"].as_array().unwrap().iter().any(|r| r["exercise_slug"] == "plank" && r["record_type"] == "duration"));
        let resp = user.client.get(app.url("/api/v1/records?exercise=xyzzy")).send().await.unwrap();
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "unknown_exercise").await;
    }
}

fn urlencode(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}
