//! The idempotency key of an imported workout: `{format}:{start}:{hash}`, e.g.
//! `hevy:2026-04-09T17:18:00:5f0c2d9a31b7e604`.
//!
//! Why this shape: importing the same file again, or a later export that contains the same
//! workout among newer ones, must produce the same key, so it depends only on the workout itself
//! (never on its position in the file). The start time keeps keys readable and sortable; the hash
//! covers the workout's name and every set's exercise, type and numbers, so a workout edited in
//! the app after an earlier import (a set added, a weight fixed) imports as a different workout
//! instead of being skipped. Left out on purpose, because exports of one workout disagree on them
//! or they are not the workout's substance: notes, the workout's duration (Strong wrote `1h 5m`,
//! then seconds) and sub-gram weight noise (Strong's newer files write `65.181223569` for 143.7 lb).
//!
//! The hash is 64-bit FNV-1a, written out here because `std`'s hashers may change between Rust
//! releases and these keys live in the database. It is not meant to resist a deliberate collision:
//! the only person who can craft one is the user importing into their own log.

use super::{Format, ParsedSet, ParsedWorkout};

pub(super) fn of(format: Format, workout: &ParsedWorkout) -> String {
    let mut hash = Fnv1a::default();
    hash.text(workout.name.as_deref().unwrap_or(""));
    for set in &workout.sets {
        hash_set(&mut hash, set);
    }
    format!(
        "{}:{}:{:016x}",
        format.as_str(),
        workout.started_at.format("%Y-%m-%dT%H:%M:%S"),
        hash.0
    )
}

fn hash_set(hash: &mut Fnv1a, set: &ParsedSet) {
    hash.text(&set.exercise_name);
    hash.text(set.set_type.as_str());
    hash.number(set.reps.map(i64::from));
    hash.number(set.weight_kg.map(|kg| (kg * 1000.0).round() as i64));
    hash.number(set.distance_m.map(|m| m.round() as i64));
    hash.number(set.duration_s.map(i64::from));
    hash.number(set.rpe.map(|rpe| (rpe * 10.0).round() as i64));
}

struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// 0xFF never occurs in UTF-8, so it ends each field unambiguously.
    fn text(&mut self, text: &str) {
        self.bytes(text.as_bytes());
        self.bytes(&[0xff]);
    }

    fn number(&mut self, value: Option<i64>) {
        match value {
            Some(value) => self.bytes(&value.to_le_bytes()),
            None => self.bytes(b"-"),
        }
        self.bytes(&[0xff]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_vectors() {
        for (input, expected) in [
            ("", 0xcbf2_9ce4_8422_2325u64),
            ("a", 0xaf63_dc4c_8601_ec8c),
            ("foobar", 0x8594_4171_f739_67e8),
        ] {
            let mut hash = Fnv1a::default();
            hash.bytes(input.as_bytes());
            assert_eq!(hash.0, expected, "{input:?}");
        }
    }
}
