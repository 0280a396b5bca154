//! `/progress`'s charts: made on the server from the user's own training through the trainer's
//! sandbox, each with its data as a table (what a reader without JavaScript sees), in the
//! user's language and units. Expected values are worked out by hand from the sets logged.

use reqwest::StatusCode;
use serde_json::{Value, json};

fn days_ago(d: i64) -> String {
    (chrono::Utc::now() - chrono::Duration::days(d))
        .format("%Y-%m-%dT12:00:00Z")
        .to_string()
}

/// The `<figure>` with this id, up to its end.
fn figure<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html
        .find(&format!("<figure id=\"{id}\""))
        .unwrap_or_else(|| panic!("no {id} in {html}"));
    let end = html[start..].find("</figure>").unwrap() + start;
    &html[start..end]
}

fn number_cell(value: &str) -> String {
    format!("<td dir=\"ltr\" class=\"num\">{value}</td>")
}

/// The value of the `<option>` whose text is `name`.
fn option_value(html: &str, name: &str) -> String {
    let end = html
        .find(&format!("\">{name}</option>"))
        .unwrap_or_else(|| panic!("no option {name}: {html}"));
    let start = html[..end].rfind("value=\"").unwrap() + "value=\"".len();
    html[start..end].trim_end_matches("\" selected").to_owned()
}

both_engines! {
    async fn progress_draws_its_charts_from_the_users_own_training(app: TestApp) {
        let user = app.user("charted").await;
        let other = app.user("stranger").await;
        // Two weeks apart (so in two different weeks): squat 2 × 5 @ 100 and bench 8 @ 80, then
        // squat 3 @ 110.
        app.log_workout(&user.client, json!({"started_at": days_ago(14), "exercises": [
            {"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}, {"reps": 5, "weight_kg": 100}]},
            {"exercise": "bench-press", "sets": [{"reps": 8, "weight_kg": 80}]}]})).await;
        app.log_workout(&user.client, json!({"started_at": days_ago(7), "exercises": [
            {"exercise": "back-squat", "sets": [{"reps": 3, "weight_kg": 110}]}]})).await;
        let resp = user.client.post(app.url("/api/v1/goals"))
            .json(&json!({"goal_type": "workouts", "target_value": 4, "timeframe": "monthly"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        // The goal counts from today: one workout of four.
        app.log_workout(&user.client, json!({"exercises": [{"exercise": "bench-press", "sets": [{"reps": 1, "weight_kg": 50}]}]})).await;
        // Someone else's much heavier single must never show.
        app.log_workout(&other.client, json!({"started_at": days_ago(7), "exercises": [
            {"exercise": "back-squat", "sets": [{"reps": 1, "weight_kg": 300}]}]})).await;

        let (status, html) = app.get_html(&user.client, "/progress").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<h2 id=\"charts-heading\">Charts</h2>"), "{html}");
        // The favourite (most sets) is drawn: Epley 100 × (1 + 5/30) = 116.7, 110 × 1.1 = 121.
        let e1rm = figure(&html, "progress-e1rm");
        assert!(e1rm.contains("Squat (Barbell) — Estimated 1RM"), "{e1rm}");
        assert!(e1rm.contains(&number_cell("116.7")), "{e1rm}");
        assert!(e1rm.contains(&number_cell("121")), "{e1rm}");
        assert!(!html.contains(">300<") && !html.contains("300.0"), "another user's set: {html}");
        // Weekly volume: 2 × 5 × 100 + 8 × 80 = 1640, then 330.
        let volume = figure(&html, "progress-volume");
        assert!(volume.contains(&number_cell("1640")), "{volume}");
        assert!(volume.contains(&number_cell("330")), "{volume}");
        assert!(volume.contains("<details class=\"chart-sql\">"), "the SQL is shown: {volume}");
        // Hard sets: the squat's three sets count for its first muscles, the bench's one for chest.
        let hard = figure(&html, "progress-hard-sets");
        assert!(hard.contains(">Quads</th>") && hard.contains(">Chest</th>"), "{hard}");
        let calendar = figure(&html, "progress-calendar");
        assert!(calendar.contains(">Mon</td>") && calendar.contains(">Sun</td>"), "{calendar}");
        let goals = figure(&html, "progress-goals");
        assert!(goals.contains(">Workouts</td>"), "{goals}");
        assert!(goals.contains(&number_cell("25")), "{goals}");
        assert!(!goals.contains("chart-sql"), "computed without SQL, so none is shown");
        let records = figure(&html, "progress-records");
        assert!(records.contains(">Estimated 1RM</th>"), "record types by name: {records}");
        // Against the weekly range (10–20 hard sets), four weeks: quads and glutes 3 sets → 0.75
        // a week, chest 2 (14 days ago and today) → 0.5; all low.
        let balance = figure(&html, "progress-balance");
        assert!(balance.contains("range 10–20"), "{balance}");
        assert!(balance.contains(">Low</th>") && !balance.contains(">High</th>"), "{balance}");
        assert!(balance.contains(&format!(">Quads</td>{}", number_cell("0.75"))), "{balance}");
        assert!(balance.contains(&format!(">Chest</td>{}", number_cell("0.5"))), "{balance}");
        assert!(!balance.contains("chart-sql"), "computed by the coach, not SQL");
        // Every chart carries an ECharts option, data only.
        for id in ["progress-e1rm", "progress-volume", "progress-hard-sets", "progress-balance", "progress-calendar", "progress-goals", "progress-records"] {
            let f = figure(&html, id);
            assert!(f.contains("data-option=\"{&quot;"), "{id}: {f}");
            assert!(f.contains("<details open class=\"chart-data\">"), "the table is open until drawn: {f}");
        }

        // The picker draws another exercise: bench 80 × (1 + 8/30) = 101.3.
        let bench = option_value(&html, "Bench Press (Barbell)");
        let (_, html) = app.get_html(&user.client, &format!("/progress?exercise={bench}")).await;
        let e1rm = figure(&html, "progress-e1rm");
        assert!(e1rm.contains("Bench Press (Barbell) — Estimated 1RM"), "{e1rm}");
        assert!(e1rm.contains(&number_cell("101.3")), "{e1rm}");
        assert!(html.contains(&format!("<option value=\"{bench}\" selected>")), "the choice is kept");

        // An exercise that is not one of theirs (or not an id at all) falls back to the favourite.
        let resp = other.client.post(app.url("/api/v1/exercises")).json(&json!({"name": "Their press"})).send().await.unwrap();
        let theirs: Value = resp.json().await.unwrap();
        app.log_workout(&other.client, json!({"exercises": [{"exercise": "Their press", "sets": [{"reps": 1, "weight_kg": 300}]}]})).await;
        for asked in [theirs["id"].as_str().unwrap(), "x'%20OR%20'1'='1", "%3Cscript%3E"] {
            let (status, html) = app.get_html(&user.client, &format!("/progress?exercise={asked}")).await;
            assert_eq!(status, StatusCode::OK);
            let e1rm = figure(&html, "progress-e1rm");
            assert!(e1rm.contains(&number_cell("121")) && !e1rm.contains(">300<"), "{asked}: {e1rm}");
        }
    }

    async fn charts_speak_hebrew_and_weigh_in_pounds_for_imperial_users(app: TestApp) {
        let user = app.user("libra").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"language": "he", "units": "imperial"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        app.log_workout(&user.client, json!({"started_at": days_ago(3), "exercises": [
            {"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        let (_, html) = app.get_html(&user.client, "/progress").await;
        assert!(html.contains("<h2 id=\"charts-heading\">גרפים</h2>"), "{html}");
        // 116.667 kg is 257.2 lb.
        let e1rm = figure(&html, "progress-e1rm");
        assert!(e1rm.contains(&number_cell("257.2")), "{e1rm}");
        assert!(e1rm.contains("(lb)"), "the axis names the unit: {e1rm}");
        assert!(e1rm.contains("חזרה מקסימלית משוערת"), "{e1rm}");
        let calendar = figure(&html, "progress-calendar");
        assert!(calendar.contains(">ב׳</td>"), "weekdays in Hebrew: {calendar}");
        assert!(calendar.contains("dir=\"ltr\" role=\"img\""), "the drawing reads numbers left to right");
    }

    async fn an_empty_log_has_no_charts_and_names_are_never_markup(app: TestApp) {
        let user = app.user("blank").await;
        let (status, html) = app.get_html(&user.client, "/progress").await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("progress-charts"), "nothing to draw yet: {html}");

        let name = "<img src=x onerror=alert(1)>";
        let resp = user.client.post(app.url("/api/v1/exercises")).json(&json!({"name": name})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        for exercise in [name, "back-squat"] {
            app.log_workout(&user.client, json!({"started_at": days_ago(1), "exercises": [
                {"exercise": exercise, "sets": [{"reps": 5, "weight_kg": 60}, {"reps": 5, "weight_kg": 60}]}]})).await;
        }
        let (_, html) = app.get_html(&user.client, "/progress").await;
        assert!(html.contains("progress-charts"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;</option>"), "{html}");
    }
}

both_engines! {
    async fn a_week_across_new_year_is_one_week_named_by_its_monday_on_both_engines(app: TestApp) {
        let user = app.user("newyear").await;
        for day in ["2025-12-29T10:00:00Z", "2025-12-31T10:00:00Z", "2026-01-02T10:00:00Z", "2026-01-04T23:00:00Z", "2026-01-05T06:00:00Z"] {
            app.log_workout(&user.client, json!({"started_at": day, "exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]})).await;
        }
        let dialect = match app.db() {
            spotter::server::db::Db::Sqlite(_) => spotter::domain::sql::Dialect::Sqlite,
            spotter::server::db::Db::Postgres(_) => spotter::domain::sql::Dialect::Postgres,
        };
        let week = dialect.week("performed_at");
        let sql = format!("SELECT {week} AS week, count(*) AS sets FROM exercise_sets GROUP BY week ORDER BY week");
        let resp = user.client.post(app.url("/api/v1/query")).json(&json!({"sql": sql})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["rows"], json!([["2025-12-29", 4], ["2026-01-05", 1]]), "{sql}");
    }
}
