//! Synthetic exports for benchmarks and tests: deterministic, realistic in shape (workouts of
//! about 20 sets, warm-ups, notes with commas, RPE, a treadmill run now and then). Not part of
//! the import API.

use std::fmt::Write;

const HEADER: &str = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE";
const WORKOUT_NAMES: &[&str] = &["Push", "Pull", "Legs", "Upper", "Lower", "Full Body"];
/// Exercise and a typical working weight in kg.
const EXERCISES: &[(&str, f64)] = &[
    ("Bench Press (Barbell)", 80.0),
    ("Squat (Barbell)", 100.0),
    ("Deadlift (Barbell)", 120.0),
    ("Overhead Press (Barbell)", 50.0),
    ("Bent Over Row (Barbell)", 70.0),
    ("Incline Bench Press (Dumbbell)", 30.0),
    ("Lat Pulldown (Cable)", 60.0),
    ("Leg Press", 160.0),
    ("Romanian Deadlift (Barbell)", 90.0),
    ("Lateral Raise (Dumbbell)", 10.0),
    ("Bicep Curl (Dumbbell)", 14.0),
    ("Triceps Pushdown (Cable)", 25.0),
    ("Pull Up", 0.0),
    ("Leg Curl (Machine)", 45.0),
    ("Seated Cable Row", 65.0),
    ("Chest Fly (Machine)", 55.0),
];

/// SplitMix64: tiny, fast and the same on every platform.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// A Strong "old comma" export (the variant with a Duration column) of exactly `rows` data rows
/// after the header; the same `seed` always gives the same bytes.
pub fn synthetic_strong_csv(rows: usize, seed: u64) -> String {
    let mut random = SplitMix64(seed);
    let mut out = String::with_capacity(rows * 100 + HEADER.len() + 1);
    out.push_str(HEADER);
    out.push('\n');
    let mut written = 0;
    let mut workout = 0u64;
    while written < rows {
        let day = workout * 2 + random.below(2);
        let date = chrono::NaiveDate::from_ymd_opt(2021, 1, 4).unwrap_or_default()
            + chrono::Duration::days(day as i64);
        let start = format!(
            "{date} {:02}:{:02}:{:02}",
            6 + random.below(15),
            random.below(60),
            random.below(60)
        );
        let name = WORKOUT_NAMES[random.below(WORKOUT_NAMES.len() as u64) as usize];
        let duration = format!("1h {}m", 5 + random.below(50));
        let workout_notes = if random.below(10) == 0 {
            "\"Gym was busy, short rests\""
        } else {
            ""
        };
        let first = random.below(EXERCISES.len() as u64) as usize;
        for exercise_number in 0..5 {
            let (exercise, base_kg) = EXERCISES[(first + exercise_number * 3) % EXERCISES.len()];
            let warmups = usize::from(base_kg >= 50.0);
            for set in 0..(warmups + 3 + random.below(2) as usize) {
                if written == rows {
                    break;
                }
                let warmup = set < warmups;
                let order = if warmup {
                    "W".to_owned()
                } else {
                    (set + 1 - warmups).to_string()
                };
                let weight = if warmup {
                    base_kg / 2.0
                } else {
                    base_kg + 2.5 * random.below(5) as f64
                };
                let reps = if warmup { 10 } else { 5 + random.below(8) };
                let notes = if random.below(25) == 0 {
                    "\"Paused, deep\""
                } else {
                    ""
                };
                let rpe = if !warmup && random.below(3) == 0 {
                    format!("{}", 7.0 + 0.5 * random.below(6) as f64)
                } else {
                    String::new()
                };
                let _ = writeln!(
                    out,
                    "{start},\"{name}\",{duration},\"{exercise}\",{order},{weight:.1},{reps},0,0,{notes},{workout_notes},{rpe}"
                );
                written += 1;
            }
        }
        if written < rows && random.below(6) == 0 {
            let minutes = 20 + random.below(20);
            let _ = writeln!(
                out,
                "{start},\"{name}\",{duration},\"Running (Treadmill)\",1,0,0,{:.2},{},,,",
                minutes as f64 / 6.0,
                minutes * 60
            );
            written += 1;
        }
        workout += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::{Format, parse};

    #[test]
    fn synthetic_exports_are_deterministic_and_parse_cleanly() {
        let csv = synthetic_strong_csv(10_000, 7);
        assert_eq!(csv, synthetic_strong_csv(10_000, 7));
        assert_ne!(csv, synthetic_strong_csv(10_000, 8));
        let parsed = parse(Format::Strong, csv.as_bytes());
        assert_eq!(parsed.errors, []);
        let summary = parsed.summary();
        assert_eq!(summary.sets, 10_000);
        let sets_per_workout = summary.sets as f64 / summary.workouts as f64;
        assert!(
            (15.0..25.0).contains(&sets_per_workout),
            "{sets_per_workout}"
        );
        assert_eq!(
            parse(Format::Strong, synthetic_strong_csv(0, 1).as_bytes()),
            Default::default()
        );
    }
}
