//! A trainer's aggregate over one user's 100,000 sets, through the SQL sandbox and without it,
//! on SQLite and on PostgreSQL (issue #10: a user-scoped aggregate over 100k sets ≤ 20 ms).
//!
//! Each engine gets a fresh, migrated database with the exercise catalog and two users: the
//! one measured, with 100,000 sets (2,500 daily workouts of 5 exercises × 2 warm-ups and 6
//! working sets, ending on a fixed day so the answers are the same every run), and another
//! with 20,000 sets of the same exercises, so a query that forgot the user would answer wrong.
//! Per query, in the same run:
//! - `aggregate_<engine>/<query>/direct`: the baseline, the same aggregate as a repository
//!   would write it (`WHERE s.user_id = $1`), plain sqlx on the main pool, rows decoded typed.
//! - `aggregate_<engine>/<query>/sandboxed`: `server::sandbox::Sandbox::query` as the coach and
//!   the /progress charts call it: parse, allow-list and rewrite into the user's rows, then the
//!   engine layer (SQLite: the read-only connection with its authorizer and no statement cache;
//!   PostgreSQL: a read-only transaction as `spotter_sandbox` under row-level security, the
//!   answer as one JSON array). Read it as a ratio to `direct`.
//!
//! The queries: weekly volume per exercise over the last year (a join with the catalog),
//! the best estimated 1RM per day of one exercise over the last year (the /progress chart's
//! formula), and sets and volume per month over the whole history (every one of the 100k
//! rows). Before timing, each query's sandboxed answer is checked to be the direct one.
//!
//! PostgreSQL runs when `SPOTTER_TEST_POSTGRES_URL` names a cluster (as for the tests:
//! `eval "$(scripts/pg.sh start)"`); the bench creates its own database there and drops it.
//! Without it the PostgreSQL half prints that it did not run. `scripts/bench.sh` prints the
//! summary.

use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, NaiveTime, TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use spotter::domain::account::Language;
use spotter::domain::sql::Dialect;
use spotter::on_db;
use spotter::server::db::users::{self, NewUser};
use spotter::server::db::{Db, Id, exercises};
use spotter::server::sandbox::Sandbox;
use sqlx::{Connection, QueryBuilder, Row};
use tokio::runtime::Runtime;

const POSTGRES_URL_VAR: &str = "SPOTTER_TEST_POSTGRES_URL";
const SETS: usize = 100_000;
const OTHER_SETS: usize = 20_000;
/// Catalog exercises the history is made of (slugs); a workout trains five of them.
const EXERCISES: [&str; 8] = [
    "back-squat",
    "bench-press",
    "deadlift",
    "overhead-press",
    "bent-over-row",
    "romanian-deadlift",
    "incline-dumbbell-press",
    "hip-thrust",
];
/// The exercise of the e1RM query.
const E1RM_EXERCISE: &str = "bench-press";
const PER_WORKOUT: usize = 5;
const WARM_UPS: usize = 2;
const WORKING: usize = 6;
/// Rows per multi-row INSERT (12 values a set: well under either engine's parameter limit).
const ROWS_PER_INSERT: usize = 1_000;

/// The last day of the history, fixed so the data and the answers do not depend on the clock.
fn last_day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date")
}

/// Small deterministic generator (no dependency, same data every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

struct Workout {
    id: Id,
    started_at: DateTime<Utc>,
    ended_at: DateTime<Utc>,
}

struct Set {
    session: usize,
    exercise: usize,
    index: i64,
    warm_up: bool,
    reps: i64,
    weight_kg: f64,
    rpe: Option<f64>,
    performed_at: DateTime<Utc>,
}

/// One workout a day back from [`last_day`] until `sets` sets are logged; weights grow over
/// the years, reps and RPE vary from set to set.
fn history(sets: usize, seed: u64) -> (Vec<Workout>, Vec<Set>) {
    let per_workout = PER_WORKOUT * (WARM_UPS + WORKING);
    let days = sets.div_ceil(per_workout);
    let mut rng = Lcg(seed);
    let mut workouts = Vec::with_capacity(days);
    let mut out = Vec::with_capacity(sets);
    let evening = NaiveTime::from_hms_opt(17, 0, 0).expect("a time");
    // Working weights of the eight exercises today, kg.
    let top = [140.0, 100.0, 180.0, 65.0, 90.0, 130.0, 36.0, 160.0];
    for d in 0..days {
        let day = last_day() - TimeDelta::days(d as i64);
        let started_at = day.and_time(evening).and_utc() + TimeDelta::minutes(rng.next(120) as i64);
        let progress = 0.6 + 0.4 * (1.0 - d as f64 / days as f64);
        let session = workouts.len();
        let mut index = 0;
        for k in 0..PER_WORKOUT {
            let exercise = (d * 3 + k) % EXERCISES.len();
            let working = (top[exercise] * progress / 2.5).round() * 2.5;
            for s in 0..WARM_UPS + WORKING {
                let warm_up = s < WARM_UPS;
                let reps = if warm_up {
                    8 - 3 * s as i64
                } else {
                    3 + rng.next(10) as i64
                };
                let weight_kg = if warm_up {
                    (working * (0.5 + 0.2 * s as f64) / 2.5).round() * 2.5
                } else {
                    (working * (1.1 - 0.025 * reps as f64) / 2.5).round() * 2.5
                };
                let rpe = (!warm_up && rng.next(2) == 0).then(|| 6.0 + rng.next(9) as f64 / 2.0);
                out.push(Set {
                    session,
                    exercise,
                    index,
                    warm_up,
                    reps,
                    weight_kg,
                    rpe,
                    performed_at: started_at + TimeDelta::minutes(3 * index),
                });
                index += 1;
            }
        }
        workouts.push(Workout {
            id: Id::new(),
            started_at,
            ended_at: started_at + TimeDelta::minutes(3 * index),
        });
    }
    out.truncate(sets);
    (workouts, out)
}

/// Writes a history with multi-row INSERTs in one transaction (the repositories insert row by
/// row, which would make seeding the slow part of the run). Points stay 0: no query reads them.
async fn insert_history(
    db: &Db,
    user: &Id,
    exercise_ids: &[Id],
    (workouts, sets): &(Vec<Workout>, Vec<Set>),
) -> Result<(), sqlx::Error> {
    let at = Utc::now();
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        for chunk in workouts.chunks(ROWS_PER_INSERT) {
            let mut insert = QueryBuilder::new(
                "INSERT INTO workout_sessions (id, user_id, kind, started_at, ended_at, duration_s, \
                 source, created_at, updated_at) ",
            );
            insert.push_values(chunk, |mut row, w| {
                row.push_bind(&w.id)
                    .push_bind(user)
                    .push_bind("strength")
                    .push_bind(w.started_at)
                    .push_bind(w.ended_at)
                    .push_bind((w.ended_at - w.started_at).num_seconds())
                    .push_bind("form")
                    .push_bind(at)
                    .push_bind(at);
            });
            insert.build().execute(&mut *tx).await?;
        }
        for chunk in sets.chunks(ROWS_PER_INSERT) {
            let mut insert = QueryBuilder::new(
                "INSERT INTO exercise_sets (id, session_id, user_id, exercise_id, set_index, set_type, \
                 reps, weight_kg, rpe, performed_at, created_at) ",
            );
            insert.push_values(chunk, |mut row, s| {
                row.push_bind(Id::new())
                    .push_bind(&workouts[s.session].id)
                    .push_bind(user)
                    .push_bind(&exercise_ids[s.exercise])
                    .push_bind(s.index)
                    .push_bind(if s.warm_up { "warmup" } else { "normal" })
                    .push_bind(s.reps)
                    .push_bind(s.weight_kg)
                    .push_bind(s.rpe)
                    .push_bind(s.performed_at)
                    .push_bind(at);
            });
            insert.build().execute(&mut *tx).await?;
        }
        tx.commit().await
    })
}

/// What the measured queries need to know about the seeded database.
struct Seeded {
    user: Id,
    e1rm_exercise: Id,
}

/// Catalog, two users and their histories; statistics refreshed on PostgreSQL (its autovacuum
/// would have done so on a live server; SQLite's server never runs ANALYZE, so neither do we).
async fn seed(db: &Db) -> Seeded {
    db.migrate().await.expect("migrate");
    exercises::seed_catalog(db).await.expect("seed catalog");
    let mut exercise_ids = Vec::new();
    for slug in EXERCISES {
        let id: Id = on_db!(db, pool => sqlx::query_scalar("SELECT id FROM exercises WHERE slug = $1 AND user_id IS NULL")
            .bind(slug).fetch_one(pool).await)
        .unwrap_or_else(|e| panic!("catalog exercise {slug}: {e}"));
        exercise_ids.push(id);
    }
    let mut users = Vec::new();
    for (name, sets, rng_seed) in [("measured", SETS, 42), ("other", OTHER_SETS, 7)] {
        let user = users::create(
            db,
            NewUser {
                email: &format!("{name}@bench.example"),
                display_name: name,
                password_hash: "not-a-real-hash",
                language: Language::En,
                timezone: "UTC",
            },
        )
        .await
        .expect("create user");
        let started = Instant::now();
        insert_history(db, &user.id, &exercise_ids, &history(sets, rng_seed))
            .await
            .expect("insert history");
        eprintln!(
            "aggregate: seeded {sets} sets for {name} in {:.1} s",
            started.elapsed().as_secs_f64()
        );
        users.push(user.id);
    }
    if let Db::Postgres(pool) = db {
        sqlx::query("ANALYZE").execute(pool).await.expect("ANALYZE");
    }
    let e1rm_at = EXERCISES
        .iter()
        .position(|s| *s == E1RM_EXERCISE)
        .expect("the e1RM exercise is one of the history's");
    Seeded {
        user: users.swap_remove(0),
        e1rm_exercise: exercise_ids.swap_remove(e1rm_at),
    }
}

/// How a direct query's column is decoded.
#[derive(Clone, Copy)]
enum Kind {
    Text,
    Int,
    Real,
}

#[derive(Debug)]
enum Cell {
    Text(String),
    Int(i64),
    Real(f64),
}

impl Cell {
    fn matches(&self, json: &serde_json::Value) -> bool {
        match self {
            Cell::Text(t) => json.as_str() == Some(t),
            Cell::Int(i) => json.as_i64() == Some(*i),
            Cell::Real(r) => json
                .as_f64()
                .is_some_and(|j| (j - r).abs() <= 1e-9 * r.abs().max(1.0)),
        }
    }
}

/// One aggregate in its two forms: as the trainer writes it (the sandbox scopes it to the
/// user) and as a repository would (`$1` is the user in both).
struct Aggregate {
    id: &'static str,
    columns: &'static [Kind],
    sandboxed: String,
    direct: String,
}

fn month(dialect: Dialect, column: &str) -> String {
    match dialect {
        Dialect::Sqlite => format!("strftime('%Y-%m', {column})"),
        Dialect::Postgres => format!("to_char({column}, 'YYYY-MM')"),
    }
}

fn aggregates(dialect: Dialect, e1rm_exercise: &Id) -> Vec<Aggregate> {
    let since = last_day() - TimeDelta::days(364);
    let week = dialect.week("s.performed_at");
    let day = dialect.day("s.performed_at");
    let month = month(dialect, "s.performed_at");
    // `{own}` is where the direct form names the user; the sandbox adds it itself.
    let both = |id, columns, sql: &dyn Fn(&str) -> String| Aggregate {
        id,
        columns,
        sandboxed: sql(""),
        direct: sql("s.user_id = $1 AND "),
    };
    vec![
        both(
            "weekly_volume",
            &[Kind::Text, Kind::Text, Kind::Real, Kind::Int],
            &|own| {
                format!(
                    "SELECT {week} AS week, e.name_en AS exercise, sum(s.weight_kg * s.reps) AS volume_kg, \
                 count(*) AS sets FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id \
                 WHERE {own}s.set_type <> 'warmup' AND s.weight_kg > 0 AND s.reps > 0 \
                 AND s.performed_at >= '{since}' GROUP BY week, e.name_en ORDER BY week, e.name_en"
                )
            },
        ),
        both("e1rm_per_day", &[Kind::Text, Kind::Real], &|own| {
            format!(
                "SELECT {day} AS day, max(CASE WHEN s.reps = 1 THEN s.weight_kg \
                 ELSE s.weight_kg * (1 + s.reps / 30.0) END) AS e1rm_kg FROM exercise_sets s \
                 WHERE {own}s.exercise_id = '{e1rm_exercise}' AND s.weight_kg > 0 \
                 AND s.reps BETWEEN 1 AND 12 AND s.set_type <> 'warmup' \
                 AND s.performed_at >= '{since}' GROUP BY day ORDER BY day"
            )
        }),
        both(
            "monthly_all_history",
            &[Kind::Text, Kind::Int, Kind::Real],
            &|own| {
                format!(
                    "SELECT {month} AS month, count(*) AS sets, sum(s.weight_kg * s.reps) AS volume_kg \
                 FROM exercise_sets s WHERE {own}s.set_type <> 'warmup' GROUP BY month ORDER BY month"
                )
            },
        ),
    ]
}

/// The baseline: the query on the main pool, rows decoded into typed values.
async fn direct(db: &Db, user: &Id, a: &Aggregate) -> Vec<Vec<Cell>> {
    let rows = on_db!(db, pool => {
        let rows = sqlx::query(&a.direct).bind(user).fetch_all(pool).await.expect("direct query");
        rows.iter()
            .map(|row| {
                a.columns
                    .iter()
                    .enumerate()
                    .map(|(i, kind)| match kind {
                        Kind::Text => Cell::Text(row.get(i)),
                        Kind::Int => Cell::Int(row.get(i)),
                        Kind::Real => Cell::Real(row.get(i)),
                    })
                    .collect()
            })
            .collect()
    });
    rows
}

fn measure(c: &mut Criterion, rt: &Runtime, engine: &str, db: &Db, seeded: &Seeded) {
    let sandbox = Sandbox::new(db);
    let user = &seeded.user;
    let aggregates = aggregates(sandbox.dialect(), &seeded.e1rm_exercise);
    // Once, untimed: the sandbox answers what the direct query answers, all of it.
    for a in &aggregates {
        let want = rt.block_on(direct(db, user, a));
        let got = rt
            .block_on(sandbox.query(user, &a.sandboxed))
            .unwrap_or_else(|e| panic!("{engine}/{}: {e}", a.id));
        assert!(!want.is_empty(), "{engine}/{}: no rows", a.id);
        assert!(!got.truncated, "{engine}/{}: cut at the row limit", a.id);
        assert_eq!(got.rows.len(), want.len(), "{engine}/{}: rows", a.id);
        for (g, w) in got.rows.iter().zip(&want) {
            assert!(
                g.len() == w.len() && w.iter().zip(g).all(|(w, g)| w.matches(g)),
                "{engine}/{}: sandbox {g:?} != direct {w:?}",
                a.id
            );
        }
        eprintln!("{engine}/{}: {} rows", a.id, want.len());
    }

    let mut group = c.benchmark_group(format!("aggregate_{engine}"));
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    for a in &aggregates {
        group.bench_function(format!("{}/direct", a.id), |b| {
            b.iter(|| rt.block_on(direct(db, user, a)))
        });
        group.bench_function(format!("{}/sandboxed", a.id), |b| {
            b.iter(|| {
                rt.block_on(sandbox.query(user, &a.sandboxed))
                    .expect("sandboxed query")
            })
        });
    }
    group.finish();
}

/// A PostgreSQL database of its own on the cluster at `admin_url`: (its URL, its name).
async fn create_pg_database(admin_url: &str) -> (String, String) {
    let name = format!(
        "bench_aggregate_{}_{}",
        std::process::id(),
        Utc::now().timestamp_micros()
    );
    let mut conn = sqlx::PgConnection::connect(admin_url)
        .await
        .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_URL_VAR}: {e}"));
    sqlx::query(&format!("CREATE DATABASE \"{name}\""))
        .execute(&mut conn)
        .await
        .expect("CREATE DATABASE");
    let _ = conn.close().await;
    // postgres://user@host:port/db?options: the database name replaced.
    let (base, query) = admin_url.split_once('?').unwrap_or((admin_url, ""));
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let host = match base[authority_end..].find('/') {
        Some(i) => &base[..authority_end + i],
        None => base,
    };
    let url = if query.is_empty() {
        format!("{host}/{name}")
    } else {
        format!("{host}/{name}?{query}")
    };
    (url, name)
}

async fn drop_pg_database(admin_url: &str, name: &str) {
    if let Ok(mut conn) = sqlx::PgConnection::connect(admin_url).await {
        let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
            .execute(&mut conn)
            .await;
        let _ = conn.close().await;
    }
}

fn aggregate(c: &mut Criterion) {
    let rt = Runtime::new().expect("tokio runtime");
    // Pools are dropped inside criterion's calls: keep a runtime context around for that.
    let _context = rt.enter();

    let dir = spotter::scratch::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let db = rt.block_on(Db::connect(&url)).expect("connect SQLite");
    let seeded = rt.block_on(seed(&db));
    measure(c, &rt, "sqlite", &db, &seeded);
    rt.block_on(db.close());

    match std::env::var(POSTGRES_URL_VAR) {
        Ok(admin_url) if !admin_url.is_empty() => {
            let (url, name) = rt.block_on(create_pg_database(&admin_url));
            let db = rt.block_on(Db::connect(&url)).expect("connect PostgreSQL");
            let seeded = rt.block_on(seed(&db));
            measure(c, &rt, "postgres", &db, &seeded);
            rt.block_on(db.close());
            rt.block_on(drop_pg_database(&admin_url, &name));
        }
        _ => eprintln!(
            "aggregate: the PostgreSQL half was not run: {POSTGRES_URL_VAR} is not set \
             (eval \"$(scripts/pg.sh start)\" starts a throwaway cluster)"
        ),
    }
}

criterion_group!(benches, aggregate);
criterion_main!(benches);
