//! Real-export noise on both engines: a workout timer left running is a warning (every set
//! imported, the duration dropped), a file with a bad line is refused by default and imported
//! without that line when asked (`skip_invalid=true`), atomically and idempotently.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const TIMER_SEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/strong_quoted_semicolon_timer_sec.csv"
);
const TIMER_AND_TYPO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/strong_timer_left_running.csv"
);
const HEVY_TIMER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/hevy_timer_left_running.csv"
);

/// `api_import::upload` (one connection per upload), read as status and JSON.
async fn upload(app: &TestApp, user: &TestUser, query: &str, path: &str) -> (StatusCode, Value) {
    let resp = crate::api_import::upload(app, user, query, path).await;
    let status = resp.status();
    (status, resp.json().await.unwrap())
}

both_engines! {
    async fn a_timer_left_running_imports_every_set_with_a_warning(app: TestApp) {
        let user = app.user("timer").await;
        let (status, report) = upload(&app, &user, "format=strong", TIMER_SEC).await;
        assert_eq!(status, StatusCode::CREATED, "{report}");
        assert_eq!((report["workouts"].as_u64(), report["sets"].as_u64()), (Some(2), Some(3)));
        assert_eq!(report["warning_count"], 2);
        assert_eq!(report["warnings"], json!([{"message": "workout duration 87188 ignored", "count": 2, "lines": [2, 3]}]));
        assert_eq!(report["errors"], json!([]));
        let workouts = app.get_json(&user.client, "/api/v1/workouts").await;
        let durations: Vec<&Value> = workouts["items"].as_array().unwrap().iter().map(|w| &w["duration_s"]).collect();
        assert_eq!(durations, [&json!(3600), &Value::Null], "newest first: {workouts}");

        let (status, report) = upload(&app, &user, "format=hevy", HEVY_TIMER).await;
        assert_eq!(status, StatusCode::CREATED, "{report}");
        assert_eq!(report["sets"], 3);
        assert_eq!(report["warnings"][0]["message"], "workout duration 63h 15m ignored");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 6);
    }

    async fn a_bad_line_refuses_the_file_unless_asked_to_skip_it(app: TestApp) {
        let user = app.user("typo").await;
        // Default: refused whole, the bad line named, nothing stored.
        let (status, body) = upload(&app, &user, "format=strong", TIMER_AND_TYPO).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_error_shape(&body, "invalid_rows");
        assert_eq!(body["error"]["details"][0]["line"], 6, "{body}");
        assert!(body["error"]["message"].as_str().unwrap().contains("skip_invalid=true"), "{body}");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);

        // The preview shows both kinds, apart.
        let (status, preview) = upload(&app, &user, "format=strong&dry_run=true", TIMER_AND_TYPO).await;
        assert_eq!(status, StatusCode::OK);
        assert_eq!((preview["sets"].as_u64(), preview["error_count"].as_u64(), preview["warning_count"].as_u64()), (Some(5), Some(1), Some(3)));
        assert_eq!(preview["skipped"], 0);

        // Asked: the five good sets land, line 6 is listed as skipped.
        let (status, done) = upload(&app, &user, "format=strong&skip_invalid=true", TIMER_AND_TYPO).await;
        assert_eq!(status, StatusCode::CREATED, "{done}");
        assert_eq!((done["workouts"].as_u64(), done["sets"].as_u64(), done["skipped"].as_u64()), (Some(2), Some(5), Some(1)));
        assert_eq!(done["errors"][0]["line"], 6);
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 5);
        let reps: Vec<i64> = {
            let w = app.get_json(&user.client, "/api/v1/workouts").await;
            let pull = w["items"].as_array().unwrap().iter().find(|w| w["name"] == "Pull").unwrap()["id"].as_str().unwrap().to_owned();
            let detail = app.get_json(&user.client, &format!("/api/v1/workouts/{pull}")).await;
            detail["sets"].as_array().unwrap().iter().filter_map(|s| s["reps"].as_i64()).collect()
        };
        assert!(!reps.contains(&877_777), "{reps:?}");

        // Again: nothing added.
        let (status, again) = upload(&app, &user, "format=strong&skip_invalid=true", TIMER_AND_TYPO).await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!((again["workouts"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(2)));
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 5);
    }
}

both_engines! {
    async fn format_auto_tells_every_fixture_and_names_what_it_reads(app: TestApp) {
        let user = app.user("auto").await;
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/imports");
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if !name.ends_with(".csv") {
                continue;
            }
            let expected = name.split('_').next().unwrap();
            // No format given: auto is the default.
            let (status, preview) = upload(&app, &user, "dry_run=true", path.to_str().unwrap()).await;
            assert_eq!(status, StatusCode::OK, "{name}: {preview}");
            assert_eq!(preview["format"], expected, "{name}");
            seen += 1;
        }
        assert!(seen >= 18, "every fixture: {seen}");

        let resp = user.client.post(app.url("/api/v1/import?format=auto"))
            .header("content-type", "text/csv")
            .body("Day,Lift,Kilos\n2022-09-14,Squat,100\n")
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: Value = resp.json().await.unwrap();
        assert_error_shape(&body, "unknown_format");
        let message = body["error"]["message"].as_str().unwrap();
        assert!(message.contains("Strong, Hevy, FitNotes") && message.contains("Day, Lift, Kilos"), "{message}");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);
    }
}

const FITNOTES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/fitnotes_kaiserlift_lbs_2025.csv"
);

both_engines! {
    async fn the_real_fitnotes_export_imports_with_exact_counts(app: TestApp) {
        let user = app.user("fitnotes").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"timezone": "America/Chicago"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        // Counted with awk: 750 data lines over 141 distinct dates.
        let (status, report) = upload(&app, &user, "format=fitnotes", FITNOTES).await;
        assert_eq!(status, StatusCode::CREATED, "{report}");
        assert_eq!((report["workouts"].as_u64(), report["sets"].as_u64()), (Some(141), Some(750)), "{report}");
        assert_eq!(report["format"], "fitnotes");
        // FitNotes' own names for catalog lifts match; the user's own names become theirs.
        let new: Vec<&str> = report["new_exercises"].as_array().unwrap().iter().map(|n| n.as_str().unwrap()).collect();
        for known in ["Flat Barbell Bench Press", "Flat Dumbbell Bench Press", "Parallel Bar Triceps Dip", "Dumbbell Curl"] {
            assert!(!new.contains(&known), "{known} is in the catalog: {new:?}");
        }
        assert!(new.contains(&"Curl Pulldown Bicep"), "{new:?}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 750);
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 141);
        let workouts = app.get_json(&user.client, "/api/v1/workouts?per_page=1").await;
        let newest = &workouts["items"][0];
        assert_eq!(newest["source"], "import:fitnotes");
        // 2025-05-15 at noon in Chicago (CDT, UTC-5) is 17:00 UTC.
        assert!(newest["started_at"].as_str().unwrap().starts_with("2025-05-15T17:00:00"), "{newest}");
        // Again, told by its header this time: nothing added.
        let (status, again) = upload(&app, &user, "", FITNOTES).await;
        assert_eq!(status, StatusCode::CREATED);
        assert_eq!((again["workouts"].as_u64(), again["duplicates"].as_u64()), (Some(0), Some(141)));
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 750);
    }
}
