//! A write recomputes only what it touched (issue #11): set and workout points, the records
//! and totals of its exercises, the aggregates of its days and the runs after them, totals and
//! achievements. Here, on both engines, after every one of a series of writes through the
//! REST API (workouts logged today, yesterday, ahead of time and years back; edited in their
//! sets and moved in time; deleted), everything derived is exactly what recomputing the whole
//! log gives: `recompute` over the whole log changes nothing. A time-zone change rebuilds the
//! days in the new zone on the next read.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use reqwest::StatusCode;
use serde_json::{Value, json};
use spotter::server::db::{Db, Id, users};
use spotter::server::services::recompute::recompute;

use crate::common::*;

async fn rows<T>(app: &TestApp, sql: &str, user_id: &str) -> Vec<T>
where
    T: for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>
        + Send
        + Unpin,
{
    match app.db() {
        Db::Sqlite(pool) => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await,
        Db::Postgres(pool) => sqlx::query_as(sql).bind(user_id).fetch_all(pool).await,
    }
    .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// Volumes are sums of floats added in different orders: compared to the gram.
fn kg(v: f64) -> String {
    format!("{v:.3}")
}

/// Everything derived from the user's log, as comparable lines.
async fn derived(app: &TestApp, user_id: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (id, points) in rows::<(String, i64)>(
        app,
        "SELECT id, points FROM exercise_sets WHERE user_id = $1 ORDER BY id",
        user_id,
    )
    .await
    {
        out.push(format!("set {id} {points}"));
    }
    for (id, points) in rows::<(String, i64)>(
        app,
        "SELECT id, points FROM workout_sessions WHERE user_id = $1 ORDER BY id",
        user_id,
    )
    .await
    {
        out.push(format!("workout {id} {points}"));
    }
    for (exercise, kind, value, set, at) in rows::<(String, String, f64, Option<String>, DateTime<Utc>)>(
        app,
        "SELECT exercise_id, record_type, value, set_id, achieved_at FROM personal_records WHERE user_id = $1 ORDER BY exercise_id, record_type",
        user_id,
    )
    .await
    {
        out.push(format!("record {exercise} {kind} {} {set:?} {at}", kg(value)));
    }
    for (code, at) in rows::<(String, DateTime<Utc>)>(
        app,
        "SELECT code, earned_at FROM achievements WHERE user_id = $1 ORDER BY code",
        user_id,
    )
    .await
    {
        out.push(format!("achievement {code} {at}"));
    }
    for (day, workouts, points, sets, volume, first, run) in rows::<(NaiveDate, i64, i64, i64, f64, Option<DateTime<Utc>>, i64)>(
        app,
        "SELECT day, workouts, points, sets, volume_kg, first_at, run_days FROM training_days WHERE user_id = $1 ORDER BY day",
        user_id,
    )
    .await
    {
        out.push(format!(
            "day {day} {workouts} {points} {sets} {} {first:?} {run}",
            kg(volume)
        ));
    }
    for (month, workouts, points, sets, volume, longest) in rows::<(String, i64, i64, i64, f64, i64)>(
        app,
        "SELECT month, workouts, points, sets, volume_kg, longest_streak_days FROM training_months WHERE user_id = $1 ORDER BY month",
        user_id,
    )
    .await
    {
        out.push(format!(
            "month {month} {workouts} {points} {sets} {} {longest}",
            kg(volume)
        ));
    }
    for (exercise, month, sets) in rows::<(String, String, i64)>(
        app,
        "SELECT exercise_id, month, sets FROM exercise_months WHERE user_id = $1 ORDER BY exercise_id, month",
        user_id,
    )
    .await
    {
        out.push(format!("exercise month {exercise} {month} {sets}"));
    }
    for (exercise, sets) in rows::<(String, i64)>(
        app,
        "SELECT exercise_id, sets FROM exercise_totals WHERE user_id = $1 ORDER BY exercise_id",
        user_id,
    )
    .await
    {
        out.push(format!("exercise {exercise} {sets}"));
    }
    for (zone, workouts, points, sets, volume, longest) in rows::<(String, i64, i64, i64, f64, i64)>(
        app,
        "SELECT timezone, workouts, points, sets, volume_kg, longest_streak_days FROM training_totals WHERE user_id = $1",
        user_id,
    )
    .await
    {
        out.push(format!(
            "totals {zone} {workouts} {points} {sets} {} {longest}",
            kg(volume)
        ));
    }
    for (id, completed) in rows::<(String, Option<DateTime<Utc>>)>(
        app,
        "SELECT id, completed_at FROM goals WHERE user_id = $1 ORDER BY id",
        user_id,
    )
    .await
    {
        out.push(format!("goal {id} {completed:?}"));
    }
    out
}

/// What the write left must be what recomputing the whole log makes of it.
async fn assert_whole_log_agrees(app: &TestApp, user_id: &str, step: &str) {
    let after_write = derived(app, user_id).await;
    let user = users::find_by_id(app.db(), &Id::parse(user_id).unwrap())
        .await
        .unwrap()
        .unwrap();
    recompute(app.db(), &user).await.unwrap();
    let whole = derived(app, user_id).await;
    let differ: Vec<String> = whole
        .iter()
        .filter(|l| !after_write.contains(l))
        .map(|l| format!("whole log: {l}"))
        .chain(
            after_write
                .iter()
                .filter(|l| !whole.contains(l))
                .map(|l| format!("after the write: {l}")),
        )
        .collect();
    assert!(differ.is_empty(), "{step}:\n{}", differ.join("\n"));
}

async fn send(user: &TestUser, req: reqwest::RequestBuilder, expect: StatusCode) -> Value {
    let resp = req.send().await.unwrap();
    let status = resp.status();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    assert_eq!(status, expect, "{} {body}", user.email);
    body
}

fn at(t: DateTime<Utc>) -> String {
    t.to_rfc3339()
}

fn lift(name: &str, sets: &[(u32, f64)]) -> Value {
    json!({"exercise": name, "sets": sets.iter().map(|(r, kg)| json!({"reps": r, "weight_kg": kg})).collect::<Vec<_>>()})
}

both_engines! {
    async fn every_write_leaves_what_recomputing_the_whole_log_gives(app: TestApp) {
        let user = app.user("incremental").await;
        let c = &user.client;
        let now = Utc::now();
        let day = Duration::days(1);
        // Noon (UTC, the user's zone) of today: at most half a day ahead, which is allowed.
        let noon = now.date_naive().and_hms_opt(12, 0, 0).unwrap().and_utc();
        // Goals over the period, met by some of the writes.
        send(&user, c.post(app.url("/api/v1/goals")).json(&json!({"goal_type": "workouts", "target_value": 2,
            "timeframe": "weekly", "start_date": (now - day * 400).date_naive()})), StatusCode::CREATED).await;
        send(&user, c.post(app.url("/api/v1/goals")).json(&json!({"goal_type": "weight", "target_value": 100,
            "timeframe": "by_date", "start_date": (now - day * 400).date_naive(), "end_date": (now + day * 30).date_naive(),
            "exercise": "bench press"})), StatusCode::CREATED).await;

        let mut ids = Vec::new();
        let log = |body: Value| {
            let req = c.post(app.url("/api/v1/workouts")).json(&body);
            async { send(&user, req, StatusCode::CREATED).await["id"].as_str().unwrap().to_owned() }
        };
        // Three days in a row up to today, then one tomorrow (just after midnight).
        for (n, t) in [noon - day * 2, noon - day, noon].into_iter().enumerate() {
            ids.push(log(json!({"started_at": at(t), "exercises": [
                lift("bench press", &[(5, 80.0 + 2.5 * n as f64), (3, 90.0)]), lift("squat", &[(5, 120.0)])]})).await);
            assert_whole_log_agrees(&app, &user.id, &format!("logged day {n}")).await;
        }
        let tomorrow = (now.date_naive() + day).and_hms_opt(0, 1, 0).unwrap().and_utc();
        ids.push(log(json!({"started_at": at(tomorrow), "exercises": [lift("deadlift", &[(5, 160.0)])]})).await);
        assert_whole_log_agrees(&app, &user.id, "logged ahead of today").await;
        // Years back, before every achievement: dates must move back.
        ids.push(log(json!({"started_at": at(now - day * 365), "exercises": [lift("bench press", &[(1, 100.0)])]})).await);
        assert_whole_log_agrees(&app, &user.id, "logged a year back").await;
        // Today again: a new heaviest bench, and a new day of the week for the weekly goal.
        ids.push(log(json!({"exercises": [lift("bench press", &[(2, 102.5)]), lift("plank", &[(1, 0.0)])]})).await);
        assert_whole_log_agrees(&app, &user.id, "logged today").await;

        // Edit today's sets (the record passes back to an older set) and move yesterday's
        // workout a week back (a gap in the run).
        send(&user, c.patch(app.url(&format!("/api/v1/workouts/{}", ids[5]))).json(&json!({"exercises": [
            lift("bench press", &[(2, 95.0)])]})), StatusCode::OK).await;
        assert_whole_log_agrees(&app, &user.id, "edited today's sets").await;
        send(&user, c.patch(app.url(&format!("/api/v1/workouts/{}", ids[1]))).json(&json!({
            "started_at": at(noon - day * 8)})), StatusCode::OK).await;
        assert_whole_log_agrees(&app, &user.id, "moved a workout back a week").await;

        // Delete: the newest, the one ahead of today, the year-old record holder.
        for (n, i) in [5, 3, 4].into_iter().enumerate() {
            send(&user, c.delete(app.url(&format!("/api/v1/workouts/{}", ids[i]))), StatusCode::NO_CONTENT).await;
            assert_whole_log_agrees(&app, &user.id, &format!("deleted {n}")).await;
        }

        // Stats read the aggregates: the user sees what the log says.
        let stats = app.get_json(c, "/api/v1/stats?period=all").await;
        assert_eq!(stats["workouts"], 3, "{stats}");
        assert_eq!(stats["sets"], 9, "three workouts of three working sets: {stats}");
        assert_eq!(stats["current_streak_days"], 1, "yesterday's workout moved away: {stats}");

        // Another zone: the next read counts the days in it.
        send(&user, c.patch(app.url("/api/v1/me")).json(&json!({"timezone": "Pacific/Kiritimati"})), StatusCode::OK).await;
        app.get_json(c, "/api/v1/stats?period=all").await;
        let zone = rows::<(String,)>(&app, "SELECT timezone FROM training_totals WHERE user_id = $1", &user.id).await;
        assert_eq!(zone, vec![("Pacific/Kiritimati".to_owned(),)]);
        assert_whole_log_agrees(&app, &user.id, "after a zone change").await;
    }
}
