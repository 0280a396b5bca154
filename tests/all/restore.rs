//! Restoring a Spotter account export (`POST /import?format=spotter`) on both engines: a full
//! round trip (export → a new account → restore → a second export equal to the first apart
//! from ids and creation times), idempotence, auto detection, and bad files refused with
//! nothing written.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Map, Value, json};

const STRONG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/strong_quoted_semicolon_timer_sec.csv"
);

async fn restore(app: &TestApp, user: &TestUser, query: &str, body: &Value) -> (StatusCode, Value) {
    let resp = user
        .client
        .post(app.url(&format!("/api/v1/import?{query}")))
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    let status = resp.status();
    (status, resp.json().await.unwrap())
}

async fn post(app: &TestApp, user: &TestUser, path: &str, body: Value) -> Value {
    let resp = user
        .client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "{path}: {}", resp.status());
    resp.json().await.unwrap()
}

/// An account with a bit of everything a restore brings back.
pub(crate) async fn filled_account(app: &TestApp) -> TestUser {
    let user = app.user("original").await;
    post(
        app,
        &user,
        "/api/v1/exercises",
        json!({"name": "Zercher squat", "name_he": "סקוואט צרכר", "kind": "strength"}),
    )
    .await;
    app.log_workout(&user.client, json!({
        "name": "Legs", "started_at": "2026-03-02T07:30:00Z", "notes": "felt strong",
        "exercises": [
            {"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100, "rpe": 8}, {"reps": 5, "weight_kg": 102.5, "set_type": "failure"}]},
            {"exercise": "Zercher squat", "sets": [{"reps": 8, "weight_kg": 60, "notes": "slow"}]}
        ]})).await;
    app.log_workout(&user.client, json!({
        "started_at": "2026-03-04T18:00:00Z",
        "exercises": [{"exercise": "running", "sets": [{"distance_m": 5000, "duration_s": 1500}]},
                      {"exercise": "bench press", "sets": [{"reps": 8, "weight_kg": 80, "set_type": "warmup"}, {"reps": 3, "weight_kg": 95}]}]})).await;
    let resp = crate::api_import::upload(app, &user, "format=strong", STRONG).await;
    assert_eq!(resp.status(), StatusCode::CREATED);
    post(app, &user, "/api/v1/goals", json!({"goal_type": "weight", "target_value": 110, "timeframe": "by_date", "exercise": "back-squat", "start_date": "2026-03-01", "end_date": "2026-12-31"})).await;
    post(app, &user, "/api/v1/goals", json!({"goal_type": "weight", "target_value": 50, "timeframe": "monthly", "exercise": "Zercher squat", "start_date": "2026-03-01"})).await;
    let paused = post(
        app,
        &user,
        "/api/v1/goals",
        json!({"goal_type": "workouts", "target_value": 3, "timeframe": "weekly"}),
    )
    .await;
    let resp = user
        .client
        .patch(app.url(&format!("/api/v1/goals/{}", paused["id"].as_str().unwrap())))
        .json(&json!({"is_active": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    post(app, &user, "/api/v1/plan", json!({"title": "Deload week", "due_date": "2030-01-15", "priority": "high", "description": "half the volume"})).await;
    let done = post(app, &user, "/api/v1/plan", json!({"title": "Buy chalk"})).await;
    let resp = user
        .client
        .patch(app.url(&format!("/api/v1/plan/{}", done["id"].as_str().unwrap())))
        .json(&json!({"status": "done"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    // A word of the user's own, learned by the words box.
    let resp = app
        .post_form(
            &user.client,
            "/log/words",
            &[
                ("text", "skwoots 3x5 at 90"),
                ("said", "skwoots"),
                ("meant", "back-squat"),
            ],
        )
        .await;
    assert!(resp.status().is_redirection(), "{}", resp.status());
    user
}

/// `value` without what differs between two accounts holding the same training: ids, the
/// times rows were created or changed, and the export's own time.
fn without_ids(value: &Value) -> Value {
    const DROPPED: [&str; 7] = [
        "id",
        "user_id",
        "exercise_id",
        "set_id",
        "created_at",
        "updated_at",
        "exported_at",
    ];
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !DROPPED.contains(&k.as_str()))
                .map(|(k, v)| (k.clone(), without_ids(v)))
                .collect::<Map<String, Value>>(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_ids).collect()),
        other => other.clone(),
    }
}

/// The restorable sections of an export, compared as sets where the export's order rests on ids.
fn training(export: &Value) -> Value {
    let mut out = Map::new();
    for key in [
        "workouts",
        "custom_exercises",
        "goals",
        "plan_items",
        "exercise_aliases",
        "personal_records",
        "achievements",
    ] {
        let mut items: Vec<Value> = export[key]
            .as_array()
            .unwrap_or_else(|| panic!("{key} in {export}"))
            .iter()
            .map(without_ids)
            .collect();
        if key == "personal_records" {
            items.sort_by_key(|v| v.to_string());
        }
        out.insert(key.into(), Value::Array(items));
    }
    Value::Object(out)
}

both_engines! {
    async fn an_export_restored_into_a_new_account_exports_the_same(app: TestApp) {
        let original = filled_account(&app).await;
        let first = app.get_json(&original.client, "/api/v1/me/export").await;
        assert_eq!(first["workouts"].as_array().unwrap().len(), 5, "{first}");
        assert_eq!(first["goals"].as_array().unwrap().len(), 3);
        assert_eq!(first["plan_items"].as_array().unwrap().len(), 2);
        assert_eq!(first["exercise_aliases"].as_array().unwrap().len(), 1);
        assert!(!first["personal_records"].as_array().unwrap().is_empty());
        assert!(!first["achievements"].as_array().unwrap().is_empty());

        let copy = app.user("restored").await;
        // A preview first: counts, nothing written.
        let (status, preview) = restore(&app, &copy, "format=spotter&dry_run=true", &first).await;
        assert_eq!(status, StatusCode::OK, "{preview}");
        assert_eq!((preview["format"].as_str(), preview["workouts"].as_u64(), preview["sets"].as_u64()), (Some("spotter"), Some(5), Some(12)), "{preview}");
        assert_eq!((preview["goals"].as_u64(), preview["plan_items"].as_u64()), (Some(3), Some(2)), "{preview}");
        assert_eq!(preview["new_exercises"], json!(["Zercher squat"]));
        assert_eq!(app.count_rows("workout_sessions", &copy.id).await, 0);

        let (status, report) = restore(&app, &copy, "format=spotter", &first).await;
        assert_eq!(status, StatusCode::CREATED, "{report}");
        assert_eq!((report["workouts"].as_u64(), report["sets"].as_u64(), report["duplicates"].as_u64()), (Some(5), Some(12), Some(0)), "{report}");
        let second = app.get_json(&copy.client, "/api/v1/me/export").await;
        assert_eq!(training(&second), training(&first));

        // The restored Strong workouts keep their import key: the CSV again adds nothing.
        let resp = crate::api_import::upload(&app, &copy, "format=strong", STRONG).await;
        let again: Value = resp.json().await.unwrap();
        assert_eq!((again["workouts"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(2)), "{again}");

        // Restoring twice, or into the account it came from, adds nothing.
        for user in [&copy, &original] {
            let (status, report) = restore(&app, user, "", &first).await;
            assert_eq!(status, StatusCode::CREATED, "{report}");
            assert_eq!(report["format"], "spotter", "auto detection: {report}");
            assert_eq!((report["workouts"].as_u64(), report["duplicates"].as_u64(), report["goals"].as_u64(), report["plan_items"].as_u64(), report["new_exercises"].as_array().map(Vec::len)),
                       (Some(0), Some(5), Some(0), Some(0), Some(0)), "{report}");
        }
        let third = app.get_json(&copy.client, "/api/v1/me/export").await;
        assert_eq!(training(&third), training(&first));
        // Another user's data never shows in either account.
        assert_eq!(app.count_rows("exercise_sets", &copy.id).await, 12);
        assert_eq!(app.count_rows("exercise_sets", &original.id).await, 12);
    }

    async fn a_bad_restore_file_is_refused_with_nothing_written(app: TestApp) {
        let user = app.user("bad-restore").await;
        // Not JSON of an export.
        let (status, body) = restore(&app, &user, "format=spotter", &json!({"workouts": 5})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_error_shape(&body, "invalid_rows");
        assert!(body["error"]["details"][0]["message"].as_str().unwrap().contains("not a Spotter export"), "{body}");

        // One bad set among good ones: refused whole by default, imported without it on request.
        let set = |reps: i64| json!({"exercise_id": "x", "exercise_slug": "back-squat", "set_index": 0, "set_type": "normal", "reps": reps, "weight_kg": 100.0});
        let file = json!({"workouts": [
            {"name": "Good", "started_at": "2026-01-05T08:00:00Z", "ended_at": null, "duration_s": null, "notes": null, "source": "form", "sets": [set(5)]},
            {"name": "Typo", "started_at": "2026-01-07T08:00:00Z", "ended_at": null, "duration_s": 400000, "notes": null, "source": "form", "sets": [set(877777)]},
            {"name": "Unknown lift", "started_at": "2026-01-09T08:00:00Z", "ended_at": null, "duration_s": null, "notes": null, "source": "form",
             "sets": [{"exercise_id": "y", "exercise_slug": "no-such-lift", "set_index": 0, "reps": 5}]}
        ]});
        let (status, body) = restore(&app, &user, "format=spotter", &file).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        let details = body["error"]["details"].as_array().unwrap();
        assert_eq!(details.len(), 2, "{body}");
        assert_eq!(details[0]["line"], 2);
        assert!(details[0]["message"].as_str().unwrap().contains("sets[0].reps"), "{body}");
        assert!(details[1]["message"].as_str().unwrap().contains("no-such-lift"), "{body}");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);

        let (status, report) = restore(&app, &user, "format=spotter&skip_invalid=true", &file).await;
        assert_eq!(status, StatusCode::CREATED, "{report}");
        assert_eq!((report["workouts"].as_u64(), report["skipped"].as_u64()), (Some(1), Some(2)), "{report}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 1);

        // JSON sent as a CSV format is still refused.
        let (status, body) = restore(&app, &user, "format=strong", &file).await;
        assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_error_shape(&body, "unsupported_media_type");
    }
}
