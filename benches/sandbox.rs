//! The SQL sandbox's pure layers per query (DESIGN.md budget: the sandbox check ≤ 50 µs).
//!
//! - `sandbox/parse_baseline`: `sqlparser` reading the query and nothing else, the least a
//!   check can cost; read the others as ratios to it.
//! - `sandbox/prepare/*`: parse, allow-list (layer 1) and rewrite into the user's rows with the
//!   row limit (layer 2), for a short query and a model-sized one with a CTE and two joins.
//! - `sandbox/refuse`: an attack refused by layer 1.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use spotter::domain::sandbox::{Dialect, parse, prepare};

const SHORT: &str = "SELECT count(*) FROM exercise_sets";
const MODEL: &str = "WITH recent AS (SELECT s.exercise_id, s.weight_kg, s.reps, s.performed_at \
    FROM exercise_sets s JOIN workout_sessions w ON w.id = s.session_id \
    WHERE w.started_at >= '2026-03-01') \
    SELECT e.name_en, date(r.performed_at) AS day, max(r.weight_kg) AS best_kg, \
    sum(r.weight_kg * r.reps) AS volume_kg FROM recent r JOIN exercises e ON e.id = r.exercise_id \
    GROUP BY e.name_en, day ORDER BY day, best_kg DESC LIMIT 100";
const ATTACK: &str = "SELECT * FROM exercise_sets UNION SELECT id, email, password_hash FROM users";

fn sandbox(c: &mut Criterion) {
    let mut group = c.benchmark_group("sandbox");
    group.bench_function("parse_baseline", |b| {
        b.iter(|| parse(black_box(MODEL), Dialect::Sqlite).unwrap())
    });
    for (name, sql) in [("short", SHORT), ("model", MODEL)] {
        for dialect in [Dialect::Sqlite, Dialect::Postgres] {
            group.bench_function(format!("prepare/{name}/{dialect:?}"), |b| {
                b.iter(|| prepare(black_box(sql), dialect).unwrap())
            });
        }
    }
    group.bench_function("refuse", |b| {
        b.iter(|| prepare(black_box(ATTACK), Dialect::Sqlite).unwrap_err())
    });
    group.finish();
}

criterion_group!(benches, sandbox);
criterion_main!(benches);
