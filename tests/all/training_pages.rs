//! The goals and plan pages with JavaScript off, on both engines: plain form posts answered by
//! 303 redirects, what the server-rendered page then shows, refusals that keep what was typed
//! and write nothing, and another user's ids leaving their data alone.

use crate::common::*;
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
    async fn training_pages_are_whole_without_javascript(app: TestApp) {
        // Streamed pages would send the "…" placeholder first and swap the content in with a
        // script, which a browser without JavaScript never runs: these render whole.
        let user = app.user("nojs").await;
        for page in ["/", "/log", "/progress", "/goals", "/plan", "/settings"] {
            let (status, html) = app.get_html(&user.client, page).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            assert!(!html.contains(r#"<p class="muted">…</p>"#), "{page} streamed a placeholder: {html}");
            assert!(html.contains("</form>"), "{page}");
        }
    }

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
        assert!(html.contains("Heaviest weight"), "{html}");
        assert!(html.contains(r#"<bdi class="exercise-name">Bench Press"#), "the exercise keeps its own direction: {html}");
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

const HEVY: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/hevy_StvrvDimitris_kg_rpe_2026.csv"
);
const BAD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/strong_three_bad_rows.csv"
);

/// The settings page's upload form, as a browser sends it (multipart, same origin).
async fn upload(
    app: &TestApp,
    user: &TestUser,
    format: &str,
    tz: &str,
    path: &str,
) -> reqwest::Response {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let file = reqwest::multipart::Part::bytes(bytes)
        .file_name("export.csv")
        .mime_str("text/csv")
        .unwrap();
    let form = reqwest::multipart::Form::new()
        .text("format", format.to_owned())
        .text("tz", tz.to_owned())
        .part("file", file);
    user.client
        .post(app.url("/settings/import"))
        .header("origin", app.origin())
        .header("connection", "close")
        .multipart(form)
        .send()
        .await
        .unwrap()
}

fn preview_token(location: &str) -> String {
    location
        .strip_prefix("/settings?import=")
        .and_then(|rest| rest.strip_suffix("#import"))
        .unwrap_or_else(|| panic!("not a preview: {location}"))
        .to_owned()
}

both_engines! {
    async fn settings_import_previews_then_imports_once(app: TestApp) {
        let user = app.user("importer").await;
        let (_, html) = app.get_html(&user.client, "/settings").await;
        assert!(html.contains(r#"action="/settings/import" enctype="multipart/form-data""#), "{html}");

        // The preview: real Hevy export (232 workouts, 4063 sets), nothing written yet.
        let to = assert_redirect(&upload(&app, &user, "hevy", "", HEVY).await);
        let token = preview_token(&to);
        let (status, html) = app.get_html(&user.client, &to).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("Preview: nothing is imported yet"), "{html}");
        assert!(html.contains("232 workouts, 4,063 sets"), "thousands grouped: {html}");
        assert!(html.contains(&format!(r#"action="/settings/import/{token}""#)), "{html}");
        assert!(html.contains("Import 232 workouts"), "{html}");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0, "a preview writes nothing");

        // Another user cannot see or confirm it.
        let other = app.user("other").await;
        let (_, html) = app.get_html(&other.client, &to).await;
        assert!(html.contains("The preview expired"), "{html}");
        let resp = app.post_form(&other.client, &format!("/settings/import/{token}"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=import_expired#import");
        assert_eq!(app.count_rows("workout_sessions", &other.id).await, 0);

        // Confirm: imported, the token is spent.
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}"), &[]).await;
        let done = assert_redirect(&resp);
        assert_eq!(done, "/settings?imported=232&sets=4063#import");
        let (_, html) = app.get_html(&user.client, &done).await;
        assert!(html.contains("Imported 232 workouts and 4,063 sets."), "{html}");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 232);
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 4063);
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=import_expired#import");

        // The same file again: every workout is a duplicate, nothing to confirm.
        let to = assert_redirect(&upload(&app, &user, "hevy", "", HEVY).await);
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("232 workouts were imported before"), "{html}");
        assert!(html.contains("Nothing new to import"), "{html}");
        assert!(!html.contains("btn btn-primary\">Import"), "{html}");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 232);
    }

    async fn settings_import_refuses_bad_files_and_lists_bad_lines(app: TestApp) {
        let user = app.user("bad-import").await;
        // Bad lines: listed with their numbers, no import button, nothing written.
        let to = assert_redirect(&upload(&app, &user, "strong", "", BAD).await);
        let token = preview_token(&to);
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("3 bad lines"), "{html}");
        assert!(html.contains("Line 4"), "{html}");
        assert!(!html.contains("btn btn-primary\">Import"), "no plain confirm: {html}");
        assert!(html.contains("name=\"skip_invalid\" value=\"true\""), "the explicit skip: {html}");
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=import_rows#import");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);

        // An unknown zone or no file: a clear error in the import section.
        let resp = upload(&app, &user, "strong", "Mars/Olympus", BAD).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=import_tz#import");
        let form = reqwest::multipart::Form::new().text("format", "strong");
        let resp = user.client.post(app.url("/settings/import")).header("origin", app.origin())
            .multipart(form).send().await.unwrap();
        let to = assert_redirect(&resp);
        assert_eq!(to, "/settings?error=import_file#import");
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("Choose a CSV file exported from Strong, Hevy or FitNotes"), "{html}");

        // A preview older than 30 minutes cannot be confirmed (kept in the database, so any
        // server instance would say the same).
        let to = assert_redirect(&upload(&app, &user, "hevy", "", HEVY).await);
        let token = preview_token(&to);
        let old = chrono::Utc::now() - chrono::Duration::minutes(31);
        match app.db() {
            spotter::server::db::Db::Sqlite(pool) => sqlx::query("UPDATE pending_imports SET created_at = $1").bind(old).execute(pool).await.map(|_| ()).unwrap(),
            spotter::server::db::Db::Postgres(pool) => sqlx::query("UPDATE pending_imports SET created_at = $1").bind(old).execute(pool).await.map(|_| ()).unwrap(),
        };
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=import_expired#import");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);
        assert_eq!(app.count_rows("pending_imports", &user.id).await, 1, "an expired row waits for the next upload's purge");
        let _ = assert_redirect(&upload(&app, &user, "strong", "", BAD).await);
        assert_eq!(app.count_rows("pending_imports", &user.id).await, 1, "one upload per user");

        // Cancel drops the upload.
        let to = assert_redirect(&upload(&app, &user, "strong", "", BAD).await);
        let token = preview_token(&to);
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}/cancel"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?#import");
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("The preview expired"), "{html}");
    }
}

/// The `value` of the `<input name=…>` in server-rendered HTML.
fn input_value(html: &str, name: &str) -> Option<String> {
    let needle = format!(r#"name="{name}""#);
    html.split("<input").skip(1).find_map(|tag| {
        let tag = &tag[..tag.find('>')?];
        if !tag.contains(&needle) {
            return None;
        }
        let v = tag.split(r#"value=""#).nth(1)?;
        Some(v[..v.find('"')?].to_owned())
    })
}

both_engines! {
    async fn log_page_edits_and_deletes_workouts_keeping_hidden_set_details(app: TestApp) {
        let user = app.user("editor").await;
        let resp = user.client.post(app.url("/api/v1/workouts")).json(&json!({
            "name": "Pull",
            "exercises": [{"exercise": "deadlift", "sets": [
                {"reps": 8, "weight_kg": 60, "set_type": "warmup"},
                {"reps": 5, "weight_kg": 120, "rpe": 8.5, "notes": "belt"},
            ]}]
        })).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let id = resp.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned();

        // The list under the form, and the edit form filled from the stored workout.
        let (_, html) = app.get_html(&user.client, "/log").await;
        assert!(html.contains("Recent workouts") && html.contains(&format!(r#"href="/log?edit={id}""#)), "{html}");
        assert!(html.contains("2 sets"), "{html}");
        let (_, html) = app.get_html(&user.client, &format!("/log?edit={id}")).await;
        assert!(html.contains("Editing a workout"), "{html}");
        assert!(html.contains(&format!(r#"name="edit" value="{id}""#)), "{html}");
        assert_eq!(input_value(&html, "ex0").as_deref(), Some("Deadlift (Barbell)"));
        assert_eq!(input_value(&html, "ex0_w1").as_deref(), Some("120"));
        assert_eq!(input_value(&html, "ex0_r0").as_deref(), Some("8"));
        assert_eq!(input_value(&html, "ex0_t0").as_deref(), Some("warmup"), "hidden set type");
        assert_eq!(input_value(&html, "ex0_e1").as_deref(), Some("8.5"), "hidden RPE");
        assert_eq!(input_value(&html, "ex0_n1").as_deref(), Some("belt"), "hidden notes");

        // Save a heavier top set over it: same workout, set details kept, records recomputed.
        let resp = app.post_form(&user.client, "/log", &[
            ("edit", &id), ("name", "Pull"), ("ex0", "Deadlift"),
            ("ex0_r0", "8"), ("ex0_w0", "60"), ("ex0_t0", "warmup"),
            ("ex0_r1", "5"), ("ex0_w1", "140"), ("ex0_e1", "8.5"), ("ex0_n1", "belt"),
        ]).await;
        assert_eq!(assert_redirect(&resp), format!("/log?logged={id}"));
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 1, "edited, not added");
        let w = app.get_json(&user.client, &format!("/api/v1/workouts/{id}")).await;
        let sets = w["sets"].as_array().unwrap();
        assert_eq!(sets.len(), 2);
        assert_eq!(sets[0]["set_type"], "warmup");
        assert_eq!(sets[1]["weight_kg"], 140.0);
        assert_eq!(sets[1]["rpe"], 8.5);
        assert_eq!(sets[1]["notes"], "belt");
        let records = app.get_json(&user.client, "/api/v1/records?exercise=deadlift").await;
        let heaviest = records["items"].as_array().unwrap().iter().find(|r| r["record_type"] == "weight").unwrap().clone();
        assert_eq!(heaviest["value"], 140.0);

        // Another user can neither edit nor delete it.
        let other = app.user("other-editor").await;
        let resp = app.post_form(&other.client, "/log", &[("edit", &id), ("ex0", "Deadlift"), ("ex0_r0", "1"), ("ex0_w0", "10")]).await;
        assert_eq!(assert_redirect(&resp), "/log?error=not_found#recent");
        let resp = app.post_form(&other.client, &format!("/log/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/log?error=not_found#recent");
        assert_eq!(app.count_rows("workout_sessions", &other.id).await, 0);
        assert_eq!(app.get_json(&user.client, &format!("/api/v1/workouts/{id}")).await["sets"][1]["weight_kg"], 140.0);

        // Delete: gone, and its records with it.
        let resp = app.post_form(&user.client, &format!("/log/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/log?deleted=1#recent");
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);
        let records = app.get_json(&user.client, "/api/v1/records").await;
        assert_eq!(records["total"], 0, "{records}");
        let (_, html) = app.get_html(&user.client, "/log?deleted=1").await;
        assert!(html.contains("Workout deleted.") && html.contains("No workouts logged yet."), "{html}");
    }
}

both_engines! {
    async fn log_form_can_add_an_unknown_exercise_instead_of_refusing(app: TestApp) {
        let user = app.user("zercher").await;
        let form = [("name", "Odd day"), ("ex0", "Zercher carry march"), ("ex0_r0", "10"), ("ex0_w0", "40")];
        let resp = app.post_form(&user.client, "/log", &form).await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with("/log?error=unknown_exercise&"), "{to}");
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains(r#"name="add_missing" value="1""#), "{html}");
        assert_eq!(input_value(&html, "ex0").as_deref(), Some("Zercher carry march"));
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);

        let mut with_add = form.to_vec();
        with_add.push(("add_missing", "1"));
        let resp = app.post_form(&user.client, "/log", &with_add).await;
        assert!(assert_redirect(&resp).starts_with("/log?logged="));
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 1);
        let found = app.get_json(&user.client, "/api/v1/exercises?q=Zercher%20carry%20march").await;
        let top = &found["items"][0];
        assert_eq!(top["name_en"], "Zercher carry march");
        assert_eq!(top["kind"], "strength", "a weight was logged with it: {top}");
        // Saving again finds it: no second copy.
        let resp = app.post_form(&user.client, "/log", &with_add).await;
        assert!(assert_redirect(&resp).starts_with("/log?logged="));
        let all = app.get_json(&user.client, "/api/v1/exercises?q=zercher&per_page=100").await;
        let copies = all["items"].as_array().unwrap().iter().filter(|e| e["name_en"] == "Zercher carry march").count();
        assert_eq!(copies, 1);
    }
}

both_engines! {
    async fn plan_page_pages_both_lists_and_shows_the_latest_finished_first(app: TestApp) {
        let user = app.user("longplanner").await;
        let add = |title: String, due: String| {
            let client = user.client.clone();
            let url = app.url("/api/v1/plan");
            async move {
                let resp = client.post(url).json(&json!({"title": title, "due_date": due})).send().await.unwrap();
                assert_eq!(resp.status(), StatusCode::CREATED);
                resp.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_owned()
            }
        };
        // 55 pending items due on consecutive days; 55 done ones, finished in order, whose due
        // dates run the other way (the page must not order finished items by due date).
        for i in 0..55 {
            add(format!("Pending {i:02}"), format!("2031-01-{:02}", 1 + i % 28)).await;
        }
        for i in 0..55 {
            let id = add(format!("Done {i:02}"), format!("2030-{:02}-01", 12 - i % 12)).await;
            let resp = user.client.patch(app.url(&format!("/api/v1/plan/{id}"))).json(&json!({"status": "done"})).send().await.unwrap();
            assert_eq!(resp.status(), StatusCode::OK);
        }
        let (_, html) = app.get_html(&user.client, "/plan").await;
        assert_eq!(html.matches(">Pending ").count(), 50, "a page of pending items");
        assert_eq!(html.matches(">Done ").count(), 50, "a page of done items");
        assert!(html.contains("Page 1 of 2"), "{html}");
        assert!(html.contains(r#"href="?pending=2#pending""#), "{html}");
        let first_done = html.find("Done 54").expect("the last one finished is on page 1");
        assert!(first_done < html.find("Done 53").unwrap(), "most recently finished first");
        assert!(!html.contains("Done 04"), "the first finished are on page 2");

        let (_, html) = app.get_html(&user.client, "/plan?pending=2&done=2").await;
        assert_eq!(html.matches(">Pending ").count(), 5, "the rest of the pending items: {html}");
        assert_eq!(html.matches(">Done ").count(), 5);
        for i in 0..5 {
            assert!(html.contains(&format!("Done {i:02}")), "Done {i:02} on page 2");
        }
        assert!(html.contains(r#"rel="prev""#), "{html}");
    }

    async fn hebrew_pages_count_in_hebrew_and_keep_user_text_in_its_own_direction(app: TestApp) {
        let user = app.user("sofer").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"language": "he"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        // Ten heavy sets: 20,000 kg of volume, two sets in a second workout.
        let sets: Vec<Value> = (0..10).map(|_| json!({"reps": 10, "weight_kg": 200})).collect();
        let resp = user.client.post(app.url("/api/v1/workouts"))
            .json(&json!({"name": "Heavy day.", "exercises": [{"exercise": "back-squat", "sets": sets}]}))
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let resp = user.client.post(app.url("/api/v1/workouts"))
            .json(&json!({"exercises": [{"exercise": "deadlift", "sets": [{"reps": 5, "weight_kg": 100}, {"reps": 5, "weight_kg": 100}]}]}))
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);

        let (_, html) = app.get_html(&user.client, "/log").await;
        assert!(html.contains("שני סטים"), "two sets in Hebrew's form for two: {html}");
        assert!(html.contains("10 סטים"), "{html}");
        assert!(html.contains(r#"dir="auto">Heavy day.<"#), "an English name keeps its full stop on its side: {html}");

        let (_, html) = app.get_html(&user.client, "/progress").await;
        assert!(html.contains("21,000 kg"), "thousands grouped: {html}");
        assert!(html.contains("יום אחד"), "a one-day streak in Hebrew: {html}");

        app.post_form(&user.client, "/plan", &[("title", "Deload week."), ("description", "Light only.")]).await;
        let (_, html) = app.get_html(&user.client, "/plan").await;
        assert!(html.contains(r#"<h2 dir="auto" class="plan-title">Deload week."#), "{html}");
        assert!(html.contains(r#"<p dir="auto" class="plan-description">Light only."#), "{html}");
    }
}

const TIMER_AND_TYPO: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/strong_timer_left_running.csv"
);

both_engines! {
    async fn settings_preview_shows_warnings_apart_and_imports_without_the_bad_lines_when_asked(app: TestApp) {
        let user = app.user("skipper").await;
        // Told by its header: the format is left to "auto".
        let to = assert_redirect(&upload(&app, &user, "auto", "", TIMER_AND_TYPO).await);
        let token = preview_token(&to);
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("3 lines are imported with a correction:"), "{html}");
        assert!(html.contains("<strong>3 lines (2, 3, 4)</strong>: <bdi>workout duration 105h 45m ignored</bdi>"), "{html}");
        assert!(html.contains("1 bad line: its set cannot be read."), "{html}");
        assert!(html.contains("<strong>Line 6</strong>"), "{html}");
        assert!(html.contains("Import 5 sets, skip 1 line"), "{html}");
        // The plain confirm is refused; the explicit skip imports the rest.
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=import_rows#import");
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}"), &[("skip_invalid", "true")]).await;
        assert_eq!(assert_redirect(&resp), "/settings?imported=2&sets=5#import");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 5);

        // In Hebrew.
        let hebrew = app.user("dilug").await;
        let resp = hebrew.client.patch(app.url("/api/v1/me")).json(&serde_json::json!({"language": "he"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let to = assert_redirect(&upload(&app, &hebrew, "auto", "", TIMER_AND_TYPO).await);
        let (_, html) = app.get_html(&hebrew.client, &to).await;
        assert!(html.contains("3 שורות מיובאות עם תיקון:"), "{html}");
        assert!(html.contains("שורה שגויה אחת"), "{html}");
        assert!(html.contains("ייבוא 5 סטים, בלי שורה אחת"), "{html}");
    }
}

const FITNOTES: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/imports/fitnotes_kaiserlift_lbs_2025.csv"
);

both_engines! {
    async fn settings_previews_and_imports_a_fitnotes_file_and_restores_a_spotter_export(app: TestApp) {
        let user = app.user("fitnotes-settings").await;
        let to = assert_redirect(&upload(&app, &user, "auto", "", FITNOTES).await);
        let token = preview_token(&to);
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("141 workouts, 750 sets"), "{html}");
        let resp = app.post_form(&user.client, &format!("/settings/import/{token}"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?imported=141&sets=750#import");
        let resp = user.client.post(app.url("/api/v1/goals"))
            .json(&serde_json::json!({"goal_type": "workouts", "target_value": 3, "timeframe": "weekly"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);

        // Its export, restored into another account from the same form.
        let export = user.client.get(app.url("/api/v1/me/export")).send().await.unwrap().bytes().await.unwrap();
        let dir = spotter::scratch::tempdir().unwrap();
        let path = dir.path().join("spotter-export.json");
        std::fs::write(&path, &export).unwrap();
        let other = app.user("restorer").await;
        let to = assert_redirect(&upload(&app, &other, "auto", "", path.to_str().unwrap()).await);
        let token = preview_token(&to);
        let (_, html) = app.get_html(&other.client, &to).await;
        assert!(html.contains("141 workouts, 750 sets"), "{html}");
        assert!(html.contains("Also 1 goal and 0 plan items."), "{html}");
        let resp = app.post_form(&other.client, &format!("/settings/import/{token}"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?imported=141&sets=750#import");
        assert_eq!(app.count_rows("exercise_sets", &other.id).await, 750);
        assert_eq!(app.count_rows("goals", &other.id).await, 1);
    }
}
