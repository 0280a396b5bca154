//! `spotter demo` on both engines: the account it creates, checked through the REST API as the
//! demo user (workouts, stats, records, goals, plan, conversations); storing the same history
//! twice adds nothing; an existing account is refused without `--reset` and replaced with it;
//! bad options write nothing.

use std::collections::HashSet;

use crate::common::*;
use chrono::Utc;
use reqwest::StatusCode;
use serde_json::Value;
use spotter::domain::demo_data::generate;
use spotter::server::db::users;
use spotter::server::demo::{DEFAULT_PASSWORD, DemoError, DemoOptions, create_demo, store_history};

fn items(body: &Value) -> &Vec<Value> {
    body["items"]
        .as_array()
        .unwrap_or_else(|| panic!("no items: {body}"))
}

fn options() -> DemoOptions {
    DemoOptions {
        email: format!("demo-{}@example.com", unique()),
        now: Some(Utc::now()),
        ..Default::default()
    }
}

both_engines! {
    async fn the_demo_account_has_months_of_training_goals_and_a_plan(app: TestApp) {
        let options = options();
        let started = std::time::Instant::now();
        let report = create_demo(app.db(), &options).await.expect("demo account");
        eprintln!("{:?}: demo account in {:?}: {report:?}", app.engine, started.elapsed());
        assert!((60..=110).contains(&report.workouts), "{report:?}");
        assert!(!report.replaced);
        assert_eq!((report.missed_weeks, report.goals, report.plan_items, report.conversations), (2, 4, 5, 2));
        assert!(report.personal_records > 0 && report.achievements > 0, "{report:?}");

        let client = app.client();
        let resp = app.login(&client, &options.email, DEFAULT_PASSWORD).await;
        assert_eq!(resp.status(), StatusCode::OK);
        let me = app.get_json(&client, "/api/v1/me").await;
        assert_eq!(me["language"], "en");
        assert_eq!(me["units"], "metric");
        assert_eq!(me["timezone"], "Asia/Jerusalem");

        let workouts = app.get_json(&client, "/api/v1/workouts?per_page=100").await;
        let total = workouts["total"].as_u64().unwrap();
        assert!((60..=110).contains(&total), "{total} workouts");
        assert_eq!(total, report.workouts as u64);
        let page = items(&workouts);
        assert!(page.iter().all(|w| w["source"] == "demo"));
        let kinds: HashSet<&str> = page.iter().map(|w| w["kind"].as_str().unwrap()).collect();
        assert!(kinds.contains("strength") && kinds.contains("cardio"), "{kinds:?}");
        let newest: chrono::DateTime<Utc> = page[0]["started_at"].as_str().unwrap().parse().unwrap();
        let age = options.now.unwrap() - newest;
        assert!(age >= chrono::Duration::zero() && age <= chrono::Duration::days(8), "newest {newest}");
        let id = page[0]["id"].as_str().unwrap();
        let detail = app.get_json(&client, &format!("/api/v1/workouts/{id}")).await;
        assert!(detail["sets"].as_array().is_some_and(|s| !s.is_empty()), "{detail}");

        let stats = app.get_json(&client, "/api/v1/stats?period=all").await;
        assert_eq!(stats["workouts"].as_u64(), Some(total));
        assert!(stats["sets"].as_u64().unwrap() > 1000, "{stats}");
        assert!(stats["points"].as_i64().unwrap() > 5_000, "{stats}");
        assert!(["advanced", "expert"].contains(&stats["level"].as_str().unwrap()), "{stats}");
        assert!(stats["longest_streak_days"].as_u64().unwrap() >= 2, "{stats}");

        let records = app.get_json(&client, "/api/v1/records").await;
        let records = items(&records);
        let squat = records.iter()
            .find(|r| r["exercise_slug"] == "back-squat" && r["record_type"] == "weight")
            .expect("a back squat weight record");
        let squat_kg = squat["value"].as_f64().unwrap();
        assert!((110.0..=160.0).contains(&squat_kg), "{squat}");
        for slug in ["bench-press", "deadlift", "overhead-press", "running"] {
            assert!(records.iter().any(|r| r["exercise_slug"] == slug), "no record for {slug}");
        }

        let goals = app.get_json(&client, "/api/v1/goals").await;
        let goals = items(&goals);
        assert!(goals.len() >= 3, "{goals:?}");
        for g in goals {
            assert!(g["progress"]["percent"].as_u64().is_some(), "progress: {g}");
        }
        let weight_goals: Vec<&Value> = goals.iter().filter(|g| g["goal_type"] == "weight").collect();
        assert_eq!(weight_goals.len(), 2);
        assert!(weight_goals.iter().any(|g| g["progress"]["completed"] == true), "one reached: {weight_goals:?}");
        assert!(weight_goals.iter().any(|g| g["progress"]["completed"] == false), "one ahead: {weight_goals:?}");
        // Dated by the history, not by the day the account was made: the reached goal at the
        // workout that met it, the first workout's achievement at the first workout.
        let time = |v: &Value| v.as_str().unwrap_or_else(|| panic!("not a time: {v}")).parse::<chrono::DateTime<Utc>>().unwrap();
        let reached = weight_goals.iter().find(|g| g["progress"]["completed"] == true).unwrap();
        assert!(time(&reached["completed_at"]) <= newest, "{reached}");
        let export = app.get_json(&client, "/api/v1/me/export").await;
        let first = export["workouts"].as_array().unwrap().iter().map(|w| time(&w["started_at"])).min().unwrap();
        let first_workout = export["achievements"].as_array().unwrap().iter().find(|a| a["code"] == "first_workout").expect("first_workout");
        assert_eq!(time(&first_workout["earned_at"]), first);
        let weekly = goals.iter().find(|g| g["goal_type"] == "workouts").expect("weekly workouts goal");
        assert_eq!(weekly["timeframe"], "weekly");

        let plan = app.get_json(&client, "/api/v1/plan").await;
        assert!(plan["total"].as_u64().unwrap() >= 4, "{plan}");
        let plan = items(&plan);
        assert_eq!(plan.iter().filter(|p| p["status"] == "done").count(), 2);
        assert_eq!(plan.iter().filter(|p| p["ai_generated"] == true).count(), 1);
        assert!(plan.iter().all(|p| !p["due_at"].is_null()));

        let conversations = app.get_json(&client, "/api/v1/conversations").await;
        assert_eq!(conversations["total"], 2);
        assert!(items(&conversations).iter().all(|c| c["title"].as_str().is_some_and(|t| !t.is_empty())));

        // Storing the same history again adds nothing (source_ref per day).
        let user = users::find_by_email(app.db(), &options.email).await.unwrap().unwrap();
        let tz: chrono_tz::Tz = user.timezone.parse().unwrap();
        let history = generate(options.now.unwrap().with_timezone(&tz).naive_local(), options.weeks, options.seed);
        assert_eq!(history.workouts.len(), report.workouts);
        assert_eq!(store_history(app.db(), &user, &history).await.unwrap(), 0);
        assert_eq!(app.count_rows("workout_sessions", user.id.as_str()).await, total as i64);
        assert_eq!(app.count_rows("exercise_sets", user.id.as_str()).await, report.sets as i64);
    }

    async fn an_existing_account_is_refused_without_reset_and_replaced_with_it(app: TestApp) {
        let options = options();
        let first = create_demo(app.db(), &options).await.expect("demo account");
        let old_id = first.user.id.to_string();
        let client = app.client();
        assert_eq!(app.login(&client, &options.email, DEFAULT_PASSWORD).await.status(), StatusCode::OK);

        let err = create_demo(app.db(), &options).await.unwrap_err();
        assert!(matches!(err, DemoError::Exists(_)), "{err}");
        assert!(err.to_string().contains("--reset"), "{err}");
        assert_eq!(app.count_rows("workout_sessions", &old_id).await, first.workouts as i64, "untouched");
        assert_eq!(app.count_rows("goals", &old_id).await, 4, "nothing added");

        let reset = DemoOptions { reset: true, ..options.clone() };
        let second = create_demo(app.db(), &reset).await.expect("reset");
        assert!(second.replaced);
        assert_ne!(second.user.id, first.user.id);
        assert_eq!(second.workouts, first.workouts, "same seed, same history");
        assert_eq!(app.count_users_with_email(&options.email).await, 1);
        let new_id = second.user.id.to_string();
        for table in ["workout_sessions", "exercise_sets", "goals", "plan_items", "conversations", "personal_records"] {
            assert_eq!(app.count_rows(table, &old_id).await, 0, "{table} of the old account");
        }
        assert_eq!(app.count_rows("workout_sessions", &new_id).await, first.workouts as i64);
        assert_eq!(app.count_rows("goals", &new_id).await, 4);
        assert_eq!(app.count_rows("plan_items", &new_id).await, 5);
        assert_eq!(app.count_rows("conversations", &new_id).await, 2);
        // The old session went with the old account; the password works for the new one.
        let resp = client.get(app.url("/api/v1/me")).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(app.login(&app.client(), &options.email, DEFAULT_PASSWORD).await.status(), StatusCode::OK);
    }

    async fn bad_options_write_nothing(app: TestApp) {
        let before = app.count_all_users().await;
        for (options, expected) in [
            (DemoOptions { weeks: 0, ..options() }, "--weeks"),
            (DemoOptions { weeks: 105, ..options() }, "--weeks"),
            (DemoOptions { timezone: "Mars/Olympus".into(), ..options() }, "time zone"),
            (DemoOptions { password: "short".into(), ..options() }, "at least"),
            (DemoOptions { email: "not an email".into(), ..options() }, "--email"),
        ] {
            let err = create_demo(app.db(), &options).await.unwrap_err();
            assert!(matches!(err, DemoError::Invalid(_)), "{err}");
            assert!(err.to_string().contains(expected), "{err}");
        }
        assert_eq!(app.count_all_users().await, before);
        // A short history is fine.
        let short = create_demo(app.db(), &DemoOptions { weeks: 2, ..options() }).await.unwrap();
        assert!(short.workouts <= 10 && short.missed_weeks == 0, "{short:?}");
    }
}
