//! Import of a 10,000-row Strong export (DESIGN.md "Performance budget": 10k-row import ≤ 1 s).
//!
//! Three measurements over the same generated file, in the same run, so the numbers read as
//! ratios rather than wall-clock verdicts on a noisy machine:
//! - `import/csv_read_baseline`: the `csv` crate alone reading every record (the reader settings
//!   the parser uses: flexible, trimmed, UTF-8 checked). The floor any parser pays.
//! - `import/parse_strong`: `domain::import::parse` (CSV + dates, units, set types, grouping).
//! - `import_sqlite/full_import`: `server::services::import::import` into a fresh SQLite database
//!   (name matching, custom exercises, one transaction, recompute of points and records).
//!
//! Criterion reports elements/s (= rows/s); `scripts/bench.sh` (`make bench`) prints a summary.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use spotter::domain::account::Language;
use spotter::domain::import::bench_support::synthetic_strong_csv;
use spotter::domain::import::{Format, FormatChoice, parse};
use spotter::scratch::TempDir;
use spotter::server::db::users::{self, NewUser, User};
use spotter::server::db::{Db, exercises};
use spotter::server::services::import::{ImportRun, import};
use tokio::runtime::Runtime;

const ROWS: usize = 10_000;
const SEED: u64 = 42;

/// What the `csv` crate costs on its own: every record read and checked as UTF-8, nothing kept.
fn csv_read(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
    let mut record = csv::StringRecord::new();
    let mut fields = 0;
    while reader.read_record(&mut record).expect("readable CSV") {
        fields += record.len();
    }
    fields
}

/// A fresh, migrated SQLite database with the catalog and one user. The directory must outlive
/// the pool.
async fn fresh_db() -> (Db, User, TempDir) {
    let dir = spotter::scratch::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bench.db").display());
    let db = Db::connect(&url).await.expect("connect");
    db.migrate().await.expect("migrate");
    exercises::seed_catalog(&db).await.expect("seed catalog");
    let user = users::create(
        &db,
        NewUser {
            email: "bench@example.com",
            display_name: "Bench",
            password_hash: "not-a-real-hash",
            language: Language::En,
            timezone: "UTC",
        },
    )
    .await
    .expect("create user");
    (db, user, dir)
}

fn parsing(c: &mut Criterion) {
    let csv = synthetic_strong_csv(ROWS, SEED);
    let bytes = csv.as_bytes();
    let parsed = parse(Format::Strong, bytes);
    assert!(parsed.errors.is_empty(), "{:?}", &parsed.errors[..1]);
    assert_eq!(parsed.sets().count(), ROWS);
    assert!(csv_read(bytes) > ROWS);

    let mut group = c.benchmark_group("import");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("csv_read_baseline", |b| {
        b.iter(|| csv_read(black_box(bytes)))
    });
    group.bench_function("parse_strong", |b| {
        b.iter(|| parse(Format::Strong, black_box(bytes)))
    });
    group.finish();
}

fn full_import(c: &mut Criterion) {
    let csv = synthetic_strong_csv(ROWS, SEED);
    let bytes = csv.as_bytes();
    let rt = Runtime::new().expect("tokio runtime");
    // Pools and their connections are dropped by criterion after each batch: keep a runtime
    // context around for that.
    let _context = rt.enter();

    // Once, untimed: the file imports cleanly and completely.
    let (db, user, _dir) = rt.block_on(fresh_db());
    let report = rt
        .block_on(import(
            &db,
            &user,
            FormatChoice::Strong,
            bytes,
            ImportRun::default(),
        ))
        .expect("import");
    assert_eq!(report.sets, ROWS);
    assert_eq!(report.duplicates, 0);
    let again = rt
        .block_on(import(
            &db,
            &user,
            FormatChoice::Strong,
            bytes,
            ImportRun::default(),
        ))
        .expect("re-import");
    assert_eq!((again.workouts, again.duplicates), (0, report.workouts));
    rt.block_on(db.close());

    let mut group = c.benchmark_group("import_sqlite");
    group.throughput(Throughput::Elements(ROWS as u64));
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("full_import", |b| {
        b.iter_batched(
            || rt.block_on(fresh_db()),
            |(db, user, dir)| {
                let report = rt
                    .block_on(import(
                        &db,
                        &user,
                        FormatChoice::Strong,
                        black_box(bytes),
                        ImportRun::default(),
                    ))
                    .expect("import");
                (report, db, dir)
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, parsing, full_import);
criterion_main!(benches);
