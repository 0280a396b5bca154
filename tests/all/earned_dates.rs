//! Dates of what the log earns, on both engines: workouts logged with a past `started_at`
//! give achievements dated when their thresholds were reached and goals completed when the
//! workouts met them (seen in `GET /me/export` and `GET /goals/{id}`), not the day they were
//! logged; dates stored as "today" by an older version are moved back by the next recompute.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};
use spotter::server::db::Db;

use crate::common::*;

async fn post(app: &TestApp, user: &TestUser, path: &str, body: Value) -> Value {
    let resp = user
        .client
        .post(app.url(path))
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = resp.status();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body
}

fn instant(v: &Value) -> DateTime<Utc> {
    v.as_str()
        .unwrap_or_else(|| panic!("not a time: {v}"))
        .parse()
        .unwrap()
}

fn t(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

/// `code → earned_at` from the user's export.
async fn earned(app: &TestApp, user: &TestUser) -> Vec<(String, DateTime<Utc>)> {
    let export = app.get_json(&user.client, "/api/v1/me/export").await;
    let mut out: Vec<(String, DateTime<Utc>)> = export["achievements"]
        .as_array()
        .unwrap_or_else(|| panic!("no achievements: {export}"))
        .iter()
        .map(|a| {
            (
                a["code"].as_str().unwrap().to_owned(),
                instant(&a["earned_at"]),
            )
        })
        .collect();
    out.sort();
    out
}

/// What an older version stored: everything earned and completed "now", and no aggregates.
async fn stamp_now(app: &TestApp, user_id: &str) {
    for sql in [
        "DELETE FROM training_totals WHERE user_id = $1 AND $2 IS NOT NULL",
        "UPDATE achievements SET earned_at = $2 WHERE user_id = $1",
        "UPDATE goals SET completed_at = $2 WHERE user_id = $1",
    ] {
        let now = Utc::now();
        match app.db() {
            Db::Sqlite(pool) => sqlx::query(sql)
                .bind(user_id)
                .bind(now)
                .execute(pool)
                .await
                .map(|_| ()),
            Db::Postgres(pool) => sqlx::query(sql)
                .bind(user_id)
                .bind(now)
                .execute(pool)
                .await
                .map(|_| ()),
        }
        .expect(sql);
    }
}

both_engines! {
    async fn past_workouts_date_achievements_and_goal_completions(app: TestApp) {
        let user = app.user("back-dated").await;
        // Created before the workouts; three workouts in a week from Mar 1, 2024 (a Friday).
        let weekly = post(&app, &user, "/api/v1/goals", json!({"goal_type": "workouts", "target_value": 3,
            "timeframe": "weekly", "start_date": "2024-03-01"})).await;
        assert!(weekly["completed_at"].is_null());

        // Mon 4, Tue 5 and Wed 6 March 2024 (UTC, the user's zone). Each set of 5 × 80 kg is
        // worth 5 + 400/40 = 15 points, four of them plus the 10-point bonus 70 a workout.
        let sets = json!([{"reps": 5, "weight_kg": 80}, {"reps": 5, "weight_kg": 80}, {"reps": 5, "weight_kg": 80}, {"reps": 5, "weight_kg": 80}]);
        let mut fresh = Vec::new();
        for at in ["2024-03-04T18:00:00Z", "2024-03-05T18:00:00Z", "2024-03-06T07:30:00Z"] {
            let w = post(&app, &user, "/api/v1/workouts", json!({"started_at": at, "exercises": [{"exercise": "bench press", "sets": sets}]})).await;
            assert_eq!(w["points"], 70, "{w}");
            fresh.push(w["new_achievements"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap().to_owned()).collect::<Vec<_>>());
        }
        assert_eq!(fresh, vec![vec!["first_workout", "first_pr"], vec!["points_100"], vec![]], "still told when they are new");

        // first_workout and first_pr with the first workout; 100 points (70 + 70) with the second.
        let expected = vec![
            ("first_pr".to_owned(), t("2024-03-04T18:00:00Z")),
            ("first_workout".to_owned(), t("2024-03-04T18:00:00Z")),
            ("points_100".to_owned(), t("2024-03-05T18:00:00Z")),
        ];
        assert_eq!(earned(&app, &user).await, expected);

        // The third workout of that week met the weekly goal, on the morning of the 6th.
        let path = format!("/api/v1/goals/{}", weekly["id"].as_str().unwrap());
        let g = app.get_json(&user.client, &path).await;
        assert_eq!(instant(&g["completed_at"]), t("2024-03-06T07:30:00Z"), "{g}");
        // This week's progress is its own: the goal stays completed since that week.
        assert_eq!(g["progress"]["completed"], false);

        // A goal created now over that past month is met at once, by the first 80 kg set.
        let heavy = post(&app, &user, "/api/v1/goals", json!({"goal_type": "weight", "target_value": 80,
            "timeframe": "by_date", "start_date": "2024-03-01", "end_date": "2024-03-31", "exercise": "bench press"})).await;
        assert_eq!(instant(&heavy["completed_at"]), t("2024-03-04T18:00:00Z"), "{heavy}");

        // Data from before these dates existed: everything "earned today". The next recompute
        // (here, after logging a workout today) and the next read of the goal move them back.
        stamp_now(&app, &user.id).await;
        assert_ne!(earned(&app, &user).await, expected);
        post(&app, &user, "/api/v1/workouts", json!({"exercises": [{"exercise": "squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        assert_eq!(earned(&app, &user).await, expected);
        let g = app.get_json(&user.client, &path).await;
        assert_eq!(instant(&g["completed_at"]), t("2024-03-06T07:30:00Z"));
    }
}
