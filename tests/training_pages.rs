//! The goals and plan pages with JavaScript off, on both engines: plain form posts answered by
//! 303 redirects, what the server-rendered page then shows, refusals that keep what was typed
//! and write nothing, and another user's ids leaving their data alone.
#![cfg(feature = "ssr")]

#[macro_use]
mod common;

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn goals_of(app: &TestApp, user: &TestUser) -> Vec<Value> {
    app.get_json(&user.client, "/api/v1/goals").await["items"]
        .as_array()
        .unwrap()
        .clone()
}

async fn plan_of(app: &TestApp, user: &TestUser) -> Vec<Value> {
    app.get_json(&user.client, "/api/v1/plan").await["items"]
        .as_array()
        .unwrap()
        .clone()
}

both_engines! {
    async fn goals_page_sets_pauses_and_deletes_goals_in_the_users_units(app: TestApp) {
        let user = app.user("goals").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"units": "imperial"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let (status, html) = app.get_html(&user.client, "/goals").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("No goals yet"), "empty state: {html}");
        assert!(html.contains(r#"action="/goals""#));

        // 225 lb on the bench by a date: stored in kg, shown in lb.
        let resp = app.post_form(&user.client, "/goals", &[
            ("goal_type", "weight"), ("target", "225"), ("timeframe", "by_date"),
            ("end_date", "2099-06-30"), ("exercise", "bench press"),
        ]).await;
        assert_eq!(assert_redirect(&resp), "/goals?saved=1");
        let goals = goals_of(&app, &user).await;
        assert_eq!(goals.len(), 1);
        let kg = goals[0]["target_value"].as_f64().unwrap();
        assert!((kg - 102.058_283_25).abs() < 1e-6, "225 lb stored as {kg} kg");
        let (_, html) = app.get_html(&user.client, "/goals?saved=1").await;
        assert!(html.contains("Goal set."), "{html}");
        assert!(html.contains("Heaviest weight · Bench Press") || html.contains("Heaviest weight · Bench press"), "{html}");
        assert!(html.contains("225 lb"), "target in the user's units: {html}");
        assert!(html.contains("by Tue 30 Jun 2099"), "{html}");

        // Pause, then delete.
        let id = goals[0]["id"].as_str().unwrap();
        let resp = app.post_form(&user.client, &format!("/goals/{id}/active"), &[("active", "false")]).await;
        assert_eq!(assert_redirect(&resp), "/goals");
        assert_eq!(goals_of(&app, &user).await[0]["is_active"], false);
        let (_, html) = app.get_html(&user.client, "/goals").await;
        assert!(html.contains("Paused") && html.contains("Resume"), "{html}");
        let resp = app.post_form(&user.client, &format!("/goals/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/goals?deleted=1");
        assert!(goals_of(&app, &user).await.is_empty());
    }

    async fn goals_form_refusals_keep_the_typed_values_and_write_nothing(app: TestApp) {
        let user = app.user("goals-bad").await;
        for (form, code) in [
            (vec![("goal_type", "weight"), ("target", "heavy"), ("timeframe", "weekly")], "goal_target"),
            (vec![("goal_type", "weight"), ("target", "5000"), ("timeframe", "weekly")], "goal_target"),
            (vec![("goal_type", "points"), ("target", "100"), ("timeframe", "by_date")], "goal_end_date"),
            (vec![("goal_type", "workouts"), ("target", "3"), ("timeframe", "weekly"), ("exercise", "zzzz qqqq")], "unknown_exercise"),
            (vec![("goal_type", "naps"), ("target", "3"), ("timeframe", "weekly")], "invalid_input"),
        ] {
            let resp = app.post_form(&user.client, "/goals", &form).await;
            let to = assert_redirect(&resp);
            assert!(to.starts_with(&format!("/goals?error={code}&")), "{form:?} → {to}");
            let (_, html) = app.get_html(&user.client, &to).await;
            assert!(html.contains(r#"role="alert""#), "{to}: {html}");
            let target = form.iter().find(|(k, _)| *k == "target").unwrap().1;
            assert!(html.contains(&format!(r#"value="{target}""#)), "typed target kept: {html}");
        }
        assert_eq!(app.count_rows("goals", &user.id).await, 0);
    }

    async fn another_users_goal_and_plan_ids_are_left_alone(app: TestApp) {
        let owner = app.user("owner").await;
        let intruder = app.user("intruder").await;
        let resp = app.post_form(&owner.client, "/goals", &[("goal_type", "workouts"), ("target", "3"), ("timeframe", "weekly")]).await;
        assert_eq!(assert_redirect(&resp), "/goals?saved=1");
        let resp = app.post_form(&owner.client, "/plan", &[("title", "Deload week"), ("due", "in 3 days")]).await;
        assert_eq!(assert_redirect(&resp), "/plan?saved=1");
        let goal = goals_of(&app, &owner).await[0]["id"].as_str().unwrap().to_owned();
        let item = plan_of(&app, &owner).await[0]["id"].as_str().unwrap().to_owned();
        for (path, form, page) in [
            (format!("/goals/{goal}/active"), vec![("active", "false")], "/goals"),
            (format!("/goals/{goal}/delete"), vec![], "/goals"),
            (format!("/plan/{item}/status"), vec![("status", "done")], "/plan"),
            (format!("/plan/{item}/delete"), vec![], "/plan"),
            ("/plan/not-an-id/delete".to_owned(), vec![], "/plan"),
        ] {
            let resp = app.post_form(&intruder.client, &path, &form).await;
            assert_eq!(assert_redirect(&resp), format!("{page}?error=not_found"), "{path}");
        }
        let goals = goals_of(&app, &owner).await;
        assert_eq!(goals.len(), 1);
        assert_eq!(goals[0]["is_active"], true);
        let plan = plan_of(&app, &owner).await;
        assert_eq!(plan.len(), 1);
        assert_eq!(plan[0]["status"], "pending");
    }

    async fn plan_page_adds_items_with_words_and_marks_them_done(app: TestApp) {
        let user = app.user("planner").await;
        let (status, html) = app.get_html(&user.client, "/plan").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Nothing planned yet."), "{html}");

        let resp = app.post_form(&user.client, "/plan", &[
            ("title", "Squat heavy"), ("due", "tomorrow"), ("priority", "high"), ("description", "5x5 at 100 kg"),
        ]).await;
        assert_eq!(assert_redirect(&resp), "/plan?saved=1");
        let (_, html) = app.get_html(&user.client, "/plan?saved=1").await;
        assert!(html.contains("Added to your plan."));
        assert!(html.contains("Squat heavy") && html.contains("5x5 at 100 kg"), "{html}");
        assert!(html.contains(">Tomorrow<"), "due tomorrow as a word: {html}");
        assert!(html.contains("prio-high"), "{html}");
        let item = plan_of(&app, &user).await[0].clone();
        assert_eq!(item["all_day"], true);
        assert_eq!(item["priority"], "high");

        // A date it cannot read is refused, the words come back, nothing is added.
        let resp = app.post_form(&user.client, "/plan", &[("title", "Run"), ("due", "when pigs fly")]).await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with("/plan?error=plan_due&"), "{to}");
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("That date could not be read"), "{html}");
        assert!(html.contains(r#"value="when pigs fly""#), "{html}");
        let resp = app.post_form(&user.client, "/plan", &[("title", "  "), ("due", "tomorrow")]).await;
        assert!(assert_redirect(&resp).starts_with("/plan?error=plan_title"));
        assert_eq!(plan_of(&app, &user).await.len(), 1);

        // Done moves it under "Done" with a reopen button; delete removes it.
        let id = item["id"].as_str().unwrap();
        let resp = app.post_form(&user.client, &format!("/plan/{id}/status"), &[("status", "done")]).await;
        assert_eq!(assert_redirect(&resp), "/plan");
        assert_eq!(plan_of(&app, &user).await[0]["status"], "done");
        let (_, html) = app.get_html(&user.client, "/plan").await;
        assert!(html.contains("Nothing planned yet.") && html.contains("Reopen") && html.contains("plan-done"), "{html}");
        let resp = app.post_form(&user.client, &format!("/plan/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/plan?deleted=1");
        assert!(plan_of(&app, &user).await.is_empty());
    }

    async fn plan_page_speaks_hebrew_dates(app: TestApp) {
        let user = app.user("metachnen").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"language": "he"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let resp = app.post_form(&user.client, "/plan", &[("title", "ריצה קלה"), ("due", "מחר בשעה 7 בבוקר")]).await;
        assert_eq!(assert_redirect(&resp), "/plan?saved=1");
        let (_, html) = app.get_html(&user.client, "/plan").await;
        assert!(html.contains(r#"dir="rtl""#));
        assert!(html.contains("ריצה קלה") && html.contains("מחר · 07:00"), "{html}");
    }
}
