//! `POST /api/v1/import` on both engines with the real Strong and Hevy exports in
//! tests/fixtures/imports (counts derived independently, see src/domain/import's fixture tests):
//! dry run writes nothing, import stores everything, re-import adds nothing, a file with bad
//! lines is refused whole.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::Value;

const STRONG: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/strong_breinsp_comma_kg_2021.csv"
);
const HEVY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/hevy_StvrvDimitris_kg_rpe_2026.csv"
);
const BAD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/strong_three_bad_rows.csv"
);

/// Each upload on its own connection: a request refused before its body is read (bad query,
/// too large) ends with the server closing the connection, and a pooled reuse of it would
/// fail the *next* request with "connection closed before message completed".
pub(crate) async fn upload(
    app: &TestApp,
    user: &TestUser,
    query: &str,
    path: &str,
) -> reqwest::Response {
    let body = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    user.client
        .post(app.url(&format!("/api/v1/import?{query}")))
        .header("content-type", "text/csv")
        .header("connection", "close")
        .body(body)
        .send()
        .await
        .unwrap()
}

both_engines! {
    async fn strong_export_dry_run_import_and_reimport(app: TestApp) {
        let user = app.user("strong").await;
        let resp = upload(&app, &user, "format=strong&dry_run=true", STRONG).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let preview: Value = resp.json().await.unwrap();
        assert_eq!(preview["workouts"], 129);
        assert_eq!(preview["sets"], 2078);
        assert_eq!(preview["from"], "2021-02-10");
        assert_eq!(preview["to"], "2021-12-22");
        assert_eq!(preview["duplicates"], 0);
        assert_eq!(preview["errors"], serde_json::json!([]));
        let new: Vec<&str> = preview["new_exercises"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        assert!(new.contains(&"Leg Press Keller"), "gym-specific names become custom exercises: {new:?}");
        assert!(!new.contains(&"Bench Press (Barbell)"));
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0, "a dry run writes nothing");
        assert_eq!(app.count_rows("exercises", &user.id).await, 0);

        let resp = upload(&app, &user, "format=strong", STRONG).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let done: Value = resp.json().await.unwrap();
        assert_eq!((done["workouts"].as_u64(), done["sets"].as_u64()), (Some(129), Some(2078)));
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 129);
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 2078);
        assert_eq!(app.count_rows("exercises", &user.id).await, new.len() as i64);
        assert!(app.count_rows("personal_records", &user.id).await > 0, "records recomputed after import");
        let stats = app.get_json(&user.client, "/api/v1/stats").await;
        assert_eq!(stats["workouts"], 129);
        // Achievements are dated within 2021, when they were reached, not on the import's day:
        // the n-workout milestones at the start of the n-th workout.
        let export = app.get_json(&user.client, "/api/v1/me/export").await;
        let time = |v: &Value| v.as_str().unwrap().parse::<chrono::DateTime<chrono::Utc>>().unwrap();
        let mut starts: Vec<_> = export["workouts"].as_array().unwrap().iter().map(|w| time(&w["started_at"])).collect();
        starts.sort();
        let earned: std::collections::HashMap<&str, _> = export["achievements"].as_array().unwrap().iter()
            .map(|a| (a["code"].as_str().unwrap(), time(&a["earned_at"]))).collect();
        assert_eq!((earned["first_workout"], earned["workouts_10"], earned["workouts_100"]), (starts[0], starts[9], starts[99]));
        assert!(earned.values().all(|t| chrono::Datelike::year(t) == 2021), "{earned:?}");

        let resp = upload(&app, &user, "format=strong", STRONG).await;
        let again: Value = resp.json().await.unwrap();
        assert_eq!((again["workouts"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(129)));
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 129, "re-import adds nothing");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 2078);
    }

    async fn hevy_export_imports_every_set(app: TestApp) {
        let user = app.user("hevy").await;
        let resp = upload(&app, &user, "format=hevy&tz=Europe/Athens", HEVY).await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let done: Value = resp.json().await.unwrap();
        assert_eq!((done["workouts"].as_u64(), done["sets"].as_u64()), (Some(232), Some(4063)));
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 4063);
    }

    async fn bad_files_are_refused_whole(app: TestApp) {
        let user = app.user("bad").await;
        let resp = upload(&app, &user, "format=strong", BAD).await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
        let lines: Vec<u64> = body["error"]["details"].as_array().unwrap().iter().map(|d| d["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, vec![4, 5, 7]);
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0, "nothing of a bad file is imported");
        let preview: Value = upload(&app, &user, "format=strong&dry_run=true", BAD).await.json().await.unwrap();
        assert_eq!(preview["errors"].as_array().unwrap().len(), 3, "a dry run previews the bad lines");
        assert!(preview["workouts"].as_u64().unwrap() > 0, "and the good ones");

        let resp = upload(&app, &user, "format=hevy", STRONG).await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "invalid_rows").await;
        let resp = upload(&app, &user, "format=strong&tz=Mars/Olympus", STRONG).await;
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        // An unknown format is a value the field does not take: 422, naming the field.
        let resp = upload(&app, &user, "format=fitbit", STRONG).await;
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(body["error"]["details"][0]["field"], "format", "{body}");
        let resp = user.client.post(app.url("/api/v1/import?format=strong")).header("connection", "close").json(&serde_json::json!({"a": 1})).send().await.unwrap();
        assert_error(resp, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
        // Imports may exceed the 1 MiB JSON limit: a 3 MiB export is read (and judged on its lines).
        let mut big = std::fs::read(STRONG).unwrap();
        let header_end = big.iter().position(|b| *b == b'\n').unwrap() + 1;
        let rows = big[header_end..].to_vec();
        while big.len() < 3 * 1024 * 1024 {
            big.extend_from_slice(&rows);
        }
        let resp = user.client.post(app.url("/api/v1/import?format=strong&dry_run=true")).header("content-type", "text/csv").header("connection", "close").body(big).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "a 3 MiB export is accepted");
        let huge = vec![b'a'; 21 * 1024 * 1024];
        let sent = user.client.post(app.url("/api/v1/import?format=strong")).header("content-type", "text/csv").header("connection", "close").body(huge).send().await;
        match sent {
            Ok(resp) => {
                assert_error(resp, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
            }
            // The server answers 413 and closes as soon as the limit is passed; a client still
            // writing the rest of the 21 MiB may see the closed socket before the answer (it
            // happened once in CI). Nothing may be stored either way.
            Err(e) => assert!(e.is_request(), "{e}"),
        }
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);
    }
}
