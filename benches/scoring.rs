//! Pure domain hot paths: scoring over a 10,000-set history and exercise-name matching.
//!
//! - `scoring/sort_baseline`: sorting the sets by time, the least `current_records` must do.
//!   Read `scoring/current_records` as a ratio to it.
//! - `scoring/set_points`: points of every set (import and recompute run it per set).
//! - `best_match/*`: one query against the whole catalog, as the import and the coach do per
//!   name (issue #11 asks for ≤ 50 µs).
//!
//! The history is the parsed synthetic Strong export, so its shape (warm-ups, weights, a run
//! now and then) is the one the import bench uses.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use spotter::domain::catalog::{best_match, catalog};
use spotter::domain::import::bench_support::synthetic_strong_csv;
use spotter::domain::import::{Format, parse};
use spotter::domain::scoring::SetFacts;
use spotter::domain::scoring::points::set_points;
use spotter::domain::scoring::records::{LoggedSet, current_records};

const SETS: usize = 10_000;
const SEED: u64 = 42;

/// Ten thousand logged sets; ids look like the server's (36-character strings).
fn history() -> Vec<LoggedSet<String>> {
    let parsed = parse(Format::Strong, synthetic_strong_csv(SETS, SEED).as_bytes());
    assert!(parsed.errors.is_empty());
    let mut sets = Vec::with_capacity(SETS);
    for w in &parsed.workouts {
        for s in &w.sets {
            sets.push(LoggedSet {
                set_id: format!("0190a3b2-7c4d-7e5f-8a6b-{:012x}", sets.len()),
                exercise_id: s.exercise_name.clone(),
                performed_at: w.started_at.and_utc(),
                order: s.set_index,
                facts: SetFacts {
                    set_type: s.set_type,
                    reps: s.reps,
                    weight_kg: s.weight_kg,
                    distance_m: s.distance_m,
                    duration_s: s.duration_s,
                },
            });
        }
    }
    assert_eq!(sets.len(), SETS);
    sets
}

fn scoring(c: &mut Criterion) {
    let sets = history();
    let facts: Vec<SetFacts> = sets.iter().map(|s| s.facts).collect();
    assert!(!current_records(&sets).is_empty());

    let mut group = c.benchmark_group("scoring");
    group.throughput(Throughput::Elements(SETS as u64));
    group.sample_size(30);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("sort_baseline", |b| {
        b.iter(|| {
            let mut ordered: Vec<&LoggedSet<String>> = black_box(&sets).iter().collect();
            ordered.sort_by(|a, b| {
                a.performed_at
                    .cmp(&b.performed_at)
                    .then(a.order.cmp(&b.order))
                    .then(a.set_id.cmp(&b.set_id))
            });
            ordered.len()
        })
    });
    group.bench_function("current_records", |b| {
        b.iter(|| current_records(black_box(&sets)))
    });
    group.bench_function("set_points", |b| {
        b.iter(|| black_box(&facts).iter().map(set_points).sum::<i64>())
    });
    group.finish();
}

fn matching(c: &mut Criterion) {
    let targets = catalog().match_targets();
    // (bench id, query, the slug it must resolve to)
    let queries = [
        ("en_exact", "bench press", Some("bench-press")),
        (
            "en_strong_export",
            "Romanian Deadlift (Barbell)",
            Some("romanian-deadlift"),
        ),
        ("he", "לחיצת חזה", Some("bench-press")),
        ("he_prefix_niqqud", "הסְקוָואט", Some("back-squat")),
        ("en_typo", "deadlfit", Some("deadlift")),
        ("no_match", "underwater basket weaving", None),
    ];
    let mut group = c.benchmark_group("best_match");
    group.sample_size(30);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for (id, query, want) in queries {
        let got = best_match(query, targets).map(|c| c.slug);
        assert_eq!(got.as_deref(), want, "{query}");
        group.bench_function(id, |b| b.iter(|| best_match(black_box(query), targets)));
    }
    group.finish();
}

criterion_group!(benches, scoring, matching);
criterion_main!(benches);
