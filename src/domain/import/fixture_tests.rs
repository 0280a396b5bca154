//! Whole files through [`parse`], all from `tests/fixtures/imports/` (its README says which is
//! which): two real exports, and one small hand-written file per variant.

use super::*;
use crate::domain::training::{M_PER_MILE, lb_to_kg};

/// The bytes of `tests/fixtures/imports/{name}`.
fn fixture(name: &str) -> Vec<u8> {
    read(&format!(
        "{}/tests/fixtures/imports/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn clean(format: Format, bytes: &[u8]) -> ParsedImport {
    let parsed = parse(format, bytes);
    assert_eq!(parsed.errors, [], "expected no bad lines");
    parsed
}

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S").unwrap()
}

fn day(text: &str) -> Option<NaiveDate> {
    Some(NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap())
}

/// A set on one line, numbers to 6 decimals: `Squat (Barbell) #2 dropset 12 reps 61.23497 kg`.
fn describe(set: &ParsedSet) -> String {
    let number = |x: f64| {
        format!("{x:.6}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    };
    let mut out = format!("{} #{} {}", set.exercise_name, set.set_index, set.set_type);
    let parts = [
        set.reps.map(|r| format!("{r} reps")),
        set.weight_kg.map(|kg| format!("{} kg", number(kg))),
        set.distance_m.map(|m| format!("{} m", number(m))),
        set.duration_s.map(|s| format!("{s} s")),
        set.rpe.map(|rpe| format!("rpe {rpe}")),
    ];
    for part in parts.into_iter().flatten() {
        out = out + " " + &part;
    }
    out
}

fn assert_sets(sets: &[ParsedSet], expected: &[&str]) {
    assert_eq!(sets.iter().map(describe).collect::<Vec<_>>(), expected);
}

mod fitnotes_variants;
mod hevy_variants;
mod real_exports;
mod strong_variants;
