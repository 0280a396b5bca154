//! `/api/v1/workouts` and `/api/v1/exercises` on both engines: logging with names in English
//! and Hebrew, units, points, personal records, validation (nothing written), unknown
//! exercises with suggestions, ownership, and editing or deleting recomputing records.

use crate::common::*;
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
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

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

async fn patch(app: &TestApp, user: &TestUser, id: &str, body: Value) -> reqwest::Response {
    user.client
        .patch(app.url(&format!("/api/v1/workouts/{id}")))
        .json(&body)
        .send()
        .await
        .unwrap()
}

async fn logged(app: &TestApp, user: &TestUser, body: Value) -> Value {
    app.log_workout(&user.client, body).await
}

async fn patched(app: &TestApp, user: &TestUser, id: &str, body: Value) -> Value {
    let resp = patch(app, user, id, body).await;
    let status = resp.status();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// The user's record of one type for one exercise, from `GET /records`.
async fn record(app: &TestApp, user: &TestUser, exercise: &str, record_type: &str) -> Value {
    let records = app
        .get_json(
            &user.client,
            &format!("/api/v1/records?exercise={exercise}"),
        )
        .await;
    records["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["record_type"] == record_type)
        .unwrap_or_else(|| panic!("no {record_type} record: {records}"))
        .clone()
}

/// A UTC instant `d` days ago, to the second (both engines store it exactly).
fn days_ago(d: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::days(d))
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

both_engines! {
    async fn patch_renames_keeps_sets_and_replacing_sets_recomputes_records(app: TestApp) {
        let user = app.user("editor").await;
        let light = logged(&app, &user, json!({"name": "Pull", "notes": "easy", "started_at": days_ago(2),
            "exercises": [{"exercise": "deadlift", "sets": [{"reps": 5, "weight_kg": 140}]}]})).await;
        let heavy = logged(&app, &user, json!({"name": "Pull", "started_at": days_ago(1),
            "exercises": [{"exercise": "deadlift", "sets": [{"reps": 5, "weight_kg": 150}, {"reps": 5, "weight_kg": 150}]}]})).await;
        let id = heavy["id"].as_str().unwrap();
        let path = format!("/api/v1/workouts/{id}");

        // Renaming keeps the sets (same ids), points, start and records.
        let renamed = patched(&app, &user, id, json!({"name": "Heavy pull", "notes": "chalk"})).await;
        assert_eq!(renamed["name"], "Heavy pull");
        assert_eq!(renamed["notes"], "chalk");
        assert_eq!(renamed["sets"], heavy["sets"]);
        assert_eq!(renamed["points"], heavy["points"]);
        assert_eq!(renamed["started_at"], heavy["started_at"]);
        assert_eq!(renamed["new_records"], json!([]), "nothing new: {renamed}");
        assert_eq!(record(&app, &user, "deadlift", "weight").await["set_id"], heavy["sets"][0]["id"]);
        // null clears a field, an absent one is kept.
        let cleared = patched(&app, &user, id, json!({"notes": null})).await;
        assert_eq!((cleared["name"].as_str(), cleared["notes"].as_str()), (Some("Heavy pull"), None));
        let shown = app.get_json(&user.client, &path).await;
        assert_eq!((shown["name"].as_str(), shown["notes"].as_str(), shown["set_count"].as_i64()), (Some("Heavy pull"), None, Some(2)));

        // Heavier sets: a new weight PR, told in the answer and listed by GET /records.
        let heavier = patched(&app, &user, id, json!({"exercises": [{"exercise": "Deadlift", "sets": [{"reps": 2, "weight_kg": 180}]}]})).await;
        assert_eq!(heavier["name"], "Heavy pull", "only the sets changed");
        assert_eq!(heavier["set_count"], 1);
        let new_set = heavier["sets"][0]["id"].clone();
        // 5 + 360 kg / 40 per set, plus the 10-point workout bonus.
        assert_eq!((heavier["sets"][0]["points"].as_i64(), heavier["points"].as_i64()), (Some(14), Some(24)));
        assert!(record_types(&heavier).contains(&"weight".to_owned()), "{heavier}");
        let weight = record(&app, &user, "deadlift", "weight").await;
        assert_eq!((weight["value"].as_f64(), &weight["set_id"]), (Some(180.0), &new_set));
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 2, "the old sets are gone");

        // Lighter again: the PR falls back to the other workout's 140 kg, which is not news.
        let lowered = patched(&app, &user, id, json!({"exercises": [{"exercise": "deadlift", "sets": [{"reps": 5, "weight_kg": 120}]}]})).await;
        assert_eq!(record_types(&lowered), Vec::<String>::new(), "{lowered}");
        assert_eq!(lowered["points"], 5 + 15 + 10);
        let weight = record(&app, &user, "deadlift", "weight").await;
        assert_eq!((weight["value"].as_f64(), &weight["set_id"]), (Some(140.0), &light["sets"][0]["id"]));
        let s = app.get_json(&user.client, "/api/v1/stats?period=all").await;
        assert_eq!(s["volume_kg"].as_f64(), Some(5.0 * 140.0 + 5.0 * 120.0));
        assert_eq!(s["lifetime_points"].as_i64(), Some(light["points"].as_i64().unwrap() + 30));

        // Sets decide the kind: a run makes it a cardio workout.
        let run = patched(&app, &user, id, json!({"exercises": [{"exercise": "running", "sets": [{"distance_m": 5000, "duration_s": 1500}]}]})).await;
        assert_eq!((run["kind"].as_str(), run["sets"][0]["exercise_slug"].as_str()), (Some("cardio"), Some("running")));
        assert_eq!(record(&app, &user, "running", "distance").await["set_id"], run["sets"][0]["id"]);
    }

    async fn patch_started_at_moves_the_workout_its_streak_and_records(app: TestApp) {
        let user = app.user("mover").await;
        let mut ids = Vec::new();
        for (d, kg) in [(3, 100), (2, 105), (1, 110)] {
            let w = logged(&app, &user, json!({"started_at": days_ago(d), "exercises": [{"exercise": "squat", "sets": [{"reps": 5, "weight_kg": kg}]}]})).await;
            ids.push(w["id"].as_str().unwrap().to_owned());
        }
        let s = app.get_json(&user.client, "/api/v1/stats?period=all").await;
        assert_eq!((s["current_streak_days"].as_u64(), s["longest_streak_days"].as_u64()), (Some(3), Some(3)));

        // Yesterday's 110 kg workout really was ten days ago.
        let at = days_ago(10);
        let moved = patched(&app, &user, &ids[2], json!({"started_at": at})).await;
        let at: chrono::DateTime<chrono::Utc> = at.parse().unwrap();
        let started: chrono::DateTime<chrono::Utc> = moved["started_at"].as_str().unwrap().parse().unwrap();
        assert_eq!(started, at);
        let list = app.get_json(&user.client, "/api/v1/workouts").await;
        let order: Vec<&str> = list["items"].as_array().unwrap().iter().map(|w| w["id"].as_str().unwrap()).collect();
        assert_eq!(order, vec![ids[1].as_str(), ids[0].as_str(), ids[2].as_str()], "most recent first");
        let s = app.get_json(&user.client, "/api/v1/stats?period=all").await;
        assert_eq!((s["current_streak_days"].as_u64(), s["longest_streak_days"].as_u64()), (Some(0), Some(2)), "{s}");
        // The record stays with its set, now dated when the workout was.
        let weight = record(&app, &user, "squat", "weight").await;
        assert_eq!((weight["value"].as_f64(), &weight["set_id"]), (Some(110.0), &moved["sets"][0]["id"]));
        let achieved: chrono::DateTime<chrono::Utc> = weight["achieved_at"].as_str().unwrap().parse().unwrap();
        assert_eq!(achieved, at);
    }

    async fn bad_patches_are_422_and_change_nothing(app: TestApp) {
        let user = app.user("careful-editor").await;
        let w = logged(&app, &user, json!({"name": "Legs", "notes": "ok", "started_at": days_ago(1),
            "exercises": [{"exercise": "squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        let id = w["id"].as_str().unwrap();
        let path = format!("/api/v1/workouts/{id}");
        let before = app.get_json(&user.client, &path).await;
        let records_before = app.get_json(&user.client, "/api/v1/records").await;
        let squat = |sets: Value| json!([{"exercise": "squat", "sets": sets}]);
        let cases = [
            (json!({"name": "Renamed", "exercises": squat(json!([{"reps": 5, "weight_kg": 1500}]))}), "exercises[0].sets[0].weight_kg"),
            (json!({"exercises": squat(json!([{"reps": 5, "weight_kg": -20}]))}), "exercises[0].sets[0].weight_kg"),
            (json!({"exercises": squat(json!([{"reps": -3}]))}), "exercises[0].sets[0].reps"),
            (json!({"exercises": squat(json!([{"reps": 1001}]))}), "exercises[0].sets[0].reps"),
            (json!({"exercises": squat(json!([]))}), "exercises[0].sets"),
            (json!({"name": "Renamed", "exercises": []}), "exercises"),
            (json!({"started_at": (chrono::Utc::now() + chrono::Duration::days(3)).to_rfc3339()}), "started_at"),
            (json!({"notes": "x".repeat(2001)}), "notes"),
        ];
        for (body, field) in cases {
            let resp = patch(&app, &user, id, body.clone()).await;
            let err = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(detail_fields(&err), vec![field], "{body}: {err}");
        }

        // Every unclear name is reported with ranked suggestions; the clear one is not stored.
        let resp = patch(&app, &user, id, json!({"name": "Renamed", "exercises": [
            {"exercise": "squat", "sets": [{"reps": 5, "weight_kg": 140}]},
            {"exercise": "benchh pres", "sets": [{"reps": 5}]}
        ]})).await;
        let err = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "unknown_exercise").await;
        let details = err["error"]["details"].as_array().unwrap();
        assert_eq!(details.len(), 1, "{err}");
        assert_eq!(details[0]["field"], "exercises[1].exercise");
        assert_eq!(details[0]["query"], "benchh pres");
        assert_eq!(details[0]["suggestions"][0]["slug"], "bench-press", "{err}");

        let resp = user.client.patch(app.url(&path)).body("{not json").header("content-type", "application/json").send().await.unwrap();
        assert_error(resp, StatusCode::BAD_REQUEST, "malformed_json").await;
        let resp = patch(&app, &user, id, json!({"exercises": "squat"})).await;
        assert_error(resp, StatusCode::BAD_REQUEST, "invalid_json").await;

        assert_eq!(app.get_json(&user.client, &path).await, before, "the workout is unchanged");
        assert_eq!(app.get_json(&user.client, "/api/v1/records").await, records_before);
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 1);
    }

    async fn patching_another_users_workout_is_404_and_changes_nothing(app: TestApp) {
        let owner = app.user("patch-owner").await;
        let other = app.user("patch-other").await;
        let w = logged(&app, &owner, json!({"name": "Mine", "exercises": [{"exercise": "deadlift", "sets": [{"reps": 5, "weight_kg": 140}]}]})).await;
        let id = w["id"].as_str().unwrap();
        let before = app.get_json(&owner.client, &format!("/api/v1/workouts/{id}")).await;
        let take = json!({"name": "Taken", "exercises": [{"exercise": "deadlift", "sets": [{"reps": 1, "weight_kg": 300}]}]});
        // Valid or not, a body sent to someone else's workout learns nothing but "not found".
        for body in [take, json!({"exercises": []})] {
            let resp = patch(&app, &other, id, body).await;
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }
        // Like GET: an id that is not a UUID, or one nobody has, is not found either.
        for missing in ["not-a-uuid", "00000000-0000-0000-0000-000000000000"] {
            let resp = patch(&app, &owner, missing, json!({"name": "x"})).await;
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_eq!(app.get_json(&owner.client, &format!("/api/v1/workouts/{id}")).await, before);
        assert_eq!(app.count_rows("workout_sessions", &other.id).await, 0);
        assert_eq!(app.count_rows("exercise_sets", &other.id).await, 0);
        assert_eq!(record(&app, &owner, "deadlift", "weight").await["value"].as_f64(), Some(140.0));
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

const HEVY_EXPORT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/hevy_StvrvDimitris_kg_rpe_2026.csv"
);

both_engines! {
    async fn concurrent_logs_edits_and_an_import_all_succeed(app: TestApp) {
        // Writers wait for each other (SQLite: BEGIN IMMEDIATE + busy timeout) instead of one
        // failing with "database is locked" when a read-then-write transaction loses a race.
        let user = app.user("busy").await;
        let first = logged(&app, &user, json!({"exercises": [{"exercise": "squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        let id = first["id"].as_str().unwrap().to_owned();
        let csv = std::fs::read(HEVY_EXPORT).unwrap();
        let mut tasks = tokio::task::JoinSet::new();
        let client = user.client.clone();
        let url = app.url("/api/v1/import?format=hevy");
        tasks.spawn(async move {
            let resp = client.post(url).header("content-type", "text/csv").body(csv).send().await.unwrap();
            (StatusCode::CREATED, resp.status(), resp.text().await.unwrap())
        });
        for i in 0..6 {
            let (client, url) = (user.client.clone(), app.url("/api/v1/workouts"));
            let body = json!({"exercises": [{"exercise": "bench press", "sets": [{"reps": 5, "weight_kg": 60 + i}]}]});
            tasks.spawn(async move {
                let resp = client.post(url).json(&body).send().await.unwrap();
                (StatusCode::CREATED, resp.status(), resp.text().await.unwrap())
            });
            let (client, url) = (user.client.clone(), app.url(&format!("/api/v1/workouts/{id}")));
            let body = json!({"exercises": [{"exercise": "squat", "sets": [{"reps": 5, "weight_kg": 100 + i}]}]});
            tasks.spawn(async move {
                let resp = client.patch(url).json(&body).send().await.unwrap();
                (StatusCode::OK, resp.status(), resp.text().await.unwrap())
            });
        }
        while let Some(done) = tasks.join_next().await {
            let (expected, status, body) = done.unwrap();
            assert_eq!(status, expected, "{body}");
        }
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 232 + 1 + 6);
    }
}

both_engines! {
    async fn custom_exercises_are_added_once_and_stay_private(app: TestApp) {
        let user = app.user("custom").await;
        let add = |body: Value| user.client.post(app.url("/api/v1/exercises")).json(&body).send();
        let resp = add(json!({"name": "  Zercher   squat ", "name_he": "סקוואט זרכר"})).await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let row: Value = resp.json().await.unwrap();
        assert_eq!((row["name_en"].as_str(), row["name_he"].as_str()), (Some("Zercher squat"), Some("סקוואט זרכר")));
        assert_eq!((row["kind"].as_str(), row["measured_by"].as_str()), (Some("strength"), Some("reps_weight")));

        // It is found by either name, and logging under it uses it.
        let found = app.get_json(&user.client, "/api/v1/exercises?q=zercher").await;
        assert_eq!(found["items"][0]["id"], row["id"], "{found}");
        let logged = logged(&app, &user, json!({"exercises": [{"exercise": "סקוואט זרכר", "sets": [{"reps": 5, "weight_kg": 80}]}]})).await;
        assert_eq!(logged["sets"][0]["exercise_id"], row["id"]);

        // A name that already means an exercise is a 409 naming it; bad input is 422.
        let resp = add(json!({"name": "zercher squat"})).await.unwrap();
        let body = assert_error(resp, StatusCode::CONFLICT, "exercise_exists").await;
        assert_eq!(body["error"]["details"]["id"], row["id"]);
        let resp = add(json!({"name": "Back Squat"})).await.unwrap();
        let body = assert_error(resp, StatusCode::CONFLICT, "exercise_exists").await;
        assert!(body["error"]["details"]["user_id"].is_null(), "the catalog's: {body}");
        let resp = add(json!({"name": " ", "kind": "cardio"})).await.unwrap();
        assert_eq!(detail_fields(&assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await), vec!["name"]);
        let resp = add(json!({"name": "Sled push", "kind": "teleport"})).await.unwrap();
        assert_eq!(detail_fields(&assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await), vec!["kind"]);
        let mine = app.get_json(&user.client, "/api/v1/exercises?per_page=100&page=3").await["total"].clone();

        // Another user neither sees it nor logs under it.
        let other = app.user("custom-other").await;
        let theirs = app.get_json(&other.client, "/api/v1/exercises?per_page=1").await["total"].clone();
        assert_eq!(theirs.as_u64().unwrap() + 1, mine.as_u64().unwrap());
        let resp = log(&app, &other, json!({"exercises": [{"exercise": row["id"], "sets": [{"reps": 5, "weight_kg": 80}]}]})).await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "unknown_exercise").await;
    }
}
