//! Whole-history pages and writes as an account grows (issue #11): `/progress`, `/goals` and
//! `GET /stats?period=all` summarize the whole log (from stored aggregates and the recent
//! log), and logging a workout recomputes what it changed. Measured on the services those
//! routes call, one call at a time, on a fresh SQLite file, for three accounts with the same
//! goals, plan and recent training:
//!
//! - `demo`: the `spotter demo` account (26 weeks, about 1,300 sets): the baseline;
//! - `10k` and `50k`: the same account with older history before it (the demo generator run
//!   over earlier two-year spans) up to about 10,000 and 50,000 sets.
//!
//! Per account: `stats_all`, `goals_page`, `progress_page` (its charts included), and `write`:
//! logging one workout of three sets and deleting it again (each recomputes what it changes).
//! The target is a ratio: each within 1.5× of the demo account's time. `scripts/bench.sh`
//! prints the ratios.

use std::time::Duration;

use chrono::{TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use spotter::domain::demo_data::generate;
use spotter::domain::scoring::stats::Period;
use spotter::domain::training::WorkoutSource;
use spotter::domain::workout::{ExerciseInput, SetInput, WorkoutInput};
use spotter::server::db::Db;
use spotter::server::db::users::User;
use spotter::server::demo::{DemoOptions, create_demo, store_history};
use spotter::server::sandbox::Sandbox;
use spotter::server::services::goals_page::goals_page;
use spotter::server::services::log::log_workout;
use spotter::server::services::progress_page::progress_page;
use spotter::server::services::recompute::{delete_workout, recompute};
use spotter::server::services::stats::stats;
use tokio::runtime::Runtime;

/// Two years of the demo generator's training, about 5,000 sets.
const CHUNK_WEEKS: u32 = 104;

struct Account {
    label: &'static str,
    db: Db,
    sandbox: Sandbox,
    user: User,
    sets: i64,
    _dir: spotter::scratch::TempDir,
}

async fn account(label: &'static str, at_least_sets: i64) -> Account {
    let dir = spotter::scratch::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("history.db").display());
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let report = create_demo(&db, &DemoOptions::default())
        .await
        .expect("demo account");
    let user = report.user;
    let count = |db: Db, user_id| async move {
        spotter::on_db!(&db, pool => sqlx::query_scalar::<_, i64>(
            "SELECT COUNT(*) FROM exercise_sets WHERE user_id = $1").bind(user_id).fetch_one(pool).await)
        .expect("count")
    };
    let mut sets = count(db.clone(), user.id.clone()).await;
    let mut chunk = 1;
    while sets < at_least_sets {
        let now = (Utc::now() - TimeDelta::weeks(i64::from(CHUNK_WEEKS * chunk) + 26))
            .with_timezone(&user.zone())
            .naive_local();
        let history = generate(now, CHUNK_WEEKS, 7 + u64::from(chunk));
        store_history(&db, &user, &history).await.expect("history");
        sets = count(db.clone(), user.id.clone()).await;
        chunk += 1;
    }
    recompute(&db, &user).await.expect("recompute");
    Account {
        label,
        sandbox: Sandbox::new(&db),
        db,
        user,
        sets,
        _dir: dir,
    }
}

fn one_workout() -> WorkoutInput {
    let set = |reps: i64, kg: f64| SetInput {
        reps: Some(reps),
        weight_kg: Some(kg),
        ..SetInput::default()
    };
    WorkoutInput {
        name: Some("Bench day".into()),
        exercises: vec![ExerciseInput {
            exercise: "bench-press".into(),
            sets: vec![set(5, 80.0), set(5, 82.5), set(3, 90.0)],
        }],
        ..WorkoutInput::default()
    }
}

fn history(c: &mut Criterion) {
    let rt = Runtime::new().expect("tokio runtime");
    let _context = rt.enter();
    let accounts: Vec<Account> = [("demo", 0), ("10k", 10_000), ("50k", 50_000)]
        .into_iter()
        .map(|(label, sets)| rt.block_on(account(label, sets)))
        .collect();
    for a in &accounts {
        eprintln!("history/{}: {} sets", a.label, a.sets);
    }
    let mut group = c.benchmark_group("history");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    for a in &accounts {
        group.bench_function(format!("stats_all/{}", a.label), |b| {
            b.iter(|| {
                rt.block_on(stats(&a.db, &a.user, Period::All))
                    .expect("stats")
            })
        });
        group.bench_function(format!("goals_page/{}", a.label), |b| {
            b.iter(|| rt.block_on(goals_page(&a.db, &a.user)).expect("goals"))
        });
        group.bench_function(format!("progress_page/{}", a.label), |b| {
            b.iter(|| {
                rt.block_on(progress_page(&a.db, &a.sandbox, &a.user, None))
                    .expect("progress")
            })
        });
        let input = one_workout();
        group.bench_function(format!("write/{}", a.label), |b| {
            b.iter(|| {
                rt.block_on(async {
                    let logged = log_workout(&a.db, &a.user, &input, WorkoutSource::Form)
                        .await
                        .map_err(|e| format!("{e:?}"))
                        .expect("log");
                    let deleted = delete_workout(&a.db, &a.user, &logged.detail.workout.id)
                        .await
                        .expect("delete");
                    assert!(deleted);
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, history);
criterion_main!(benches);
