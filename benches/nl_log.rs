//! The plain-words workout parser per phrase (`domain::nl_log::parse`, issue #10): what logging
//! "squat 3x5 @ 100kg" or "רצתי 5 קילומטר ב-25 דקות" from the chat costs before the server
//! resolves the names.
//!
//! - `nl_log/baseline/*`: the phrase lower-cased and split into words, the least a parser of
//!   words must do. Read `nl_log/parse/*` as a ratio to the baseline of the same phrase.
//! - `nl_log/parse/*`: the whole parse (numbers, units, joiners, several exercises, days ago).
//!
//! - `nl_log/corpus`: every phrase of `tests/fixtures/nl_log/phrases.jsonl` (491, English and
//!   Hebrew, written apart from the parser) in one pass: divide by 491 for a phrase's cost.
//!
//! Phrases are a handful from the parser's own test table (`src/domain/nl_log/tests.rs`) in
//! English and Hebrew, plus one long message per language with several exercises; each is
//! checked once, untimed, to log the exercises it names.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use spotter::domain::nl_log::parse;
use spotter::domain::workout::WeightUnit;

/// (bench id, phrase, the exercises it must log, as written)
const PHRASES: &[(&str, &str, &[&str])] = &[
    ("en_sets_at_kg", "squat 3x5 @ 100kg", &["squat"]),
    ("en_lbs_for_reps", "bench 225 lbs for 5 reps", &["bench"]),
    ("en_run", "ran 5k in 25 min", &["running"]),
    (
        "en_number_words",
        "four sets of eight bench at eighty kilos",
        &["bench"],
    ),
    (
        "en_long",
        "yesterday: squat 3x5 @ 100kg, bench 3x8 80kg; deadlift 1x5 @ 140 kg\n\
         rows 3x10 60kg\ncurls 3x12 12kg\nran 5k then 50 push-ups",
        &[
            "squat", "bench", "deadlift", "rows", "curls", "running", "push-ups",
        ],
    ),
    (
        "he_sets_with_kg",
        "עשיתי 3 סטים של 10 סקוואטים עם 80 קילו",
        &["סקוואטים"],
    ),
    ("he_run", "רצתי 5 קילומטר ב-25 דקות", &["ריצה"]),
    (
        "he_long",
        "אתמול עשיתי סקוואט 3x5 עם 100 קילו, לחיצת חזה 3x8 80 קילו וגם דדליפט 1x5 140\n\
         רצתי 5 קילומטר ועשיתי 50 שכיבות סמיכה",
        &["סקוואט", "לחיצת חזה", "דדליפט", "ריצה", "שכיבות סמיכה"],
    ),
];

/// The least a parser of words does: fold case and find the words.
fn words(text: &str) -> usize {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.len()
}

fn nl_log(c: &mut Criterion) {
    for (id, text, want) in PHRASES {
        let got: Vec<String> = parse(text, WeightUnit::Kg)
            .entries
            .into_iter()
            .map(|e| e.exercise)
            .collect();
        assert_eq!(got, *want, "{id}: {text:?}");
        assert!(words(text) > 0);
    }

    let mut group = c.benchmark_group("nl_log");
    group.sample_size(50);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(2));
    for (id, text, _) in PHRASES {
        group.bench_function(format!("baseline/{id}"), |b| {
            b.iter(|| words(black_box(text)))
        });
        group.bench_function(format!("parse/{id}"), |b| {
            b.iter(|| parse(black_box(text), WeightUnit::Kg))
        });
    }
    let corpus: Vec<String> = include_str!("../tests/fixtures/nl_log/phrases.jsonl")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    assert!(corpus.len() >= 300);
    group.bench_function("corpus", |b| {
        b.iter(|| {
            corpus
                .iter()
                .map(|t| parse(black_box(t), WeightUnit::Kg).entries.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, nl_log);
criterion_main!(benches);
