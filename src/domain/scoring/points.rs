//! Points: the documented formula (also in the README).
//!
//! A warm-up set earns 1 point. Any other set earns **5** plus an effort bonus from what it
//! recorded, capped at **100** per set:
//! - weight and reps: volume / 40, rounded (3 × 8 at 80 kg = 640 kg → 16 per set → 21 points);
//! - distance: 1 per 100 m (a 5 km run → 50 → 55 points);
//! - reps only (bodyweight): 1 per rep (10 push-ups → 15 points);
//! - time only: 1 per 20 s (a 60 s plank → 3 → 8 points).
//!
//! The first rule that applies wins. A failure set adds 2 (the effort is real). A workout adds
//! a **10**-point completion bonus when it has at least one set.

use super::SetFacts;
use crate::domain::training::SetType;

pub const WARMUP_POINTS: i64 = 1;
pub const SET_BASE_POINTS: i64 = 5;
pub const SET_BONUS_CAP: i64 = 100;
pub const FAILURE_BONUS: i64 = 2;
pub const WORKOUT_BONUS: i64 = 10;

pub fn set_points(set: &SetFacts) -> i64 {
    if set.is_warmup() {
        return WARMUP_POINTS;
    }
    let effort = if let Some(volume) = set.volume_kg() {
        (volume / 40.0).round() as i64
    } else if let Some(d) = set.distance_m.filter(|d| *d > 0.0) {
        (d / 100.0).floor() as i64
    } else if let Some(r) = set.reps.filter(|r| *r > 0) {
        i64::from(r)
    } else if let Some(s) = set.duration_s.filter(|s| *s > 0) {
        i64::from(s / 20)
    } else {
        0
    };
    let failure = if set.set_type == SetType::Failure {
        FAILURE_BONUS
    } else {
        0
    };
    SET_BASE_POINTS + effort.clamp(0, SET_BONUS_CAP) + failure
}

/// Points of a whole workout: its sets plus the completion bonus.
pub fn workout_points<'a>(sets: impl IntoIterator<Item = &'a SetFacts>) -> i64 {
    let mut total = 0;
    let mut any = false;
    for s in sets {
        total += set_points(s);
        any = true;
    }
    if any { total + WORKOUT_BONUS } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(
        reps: Option<u32>,
        weight: Option<f64>,
        distance: Option<f64>,
        duration: Option<u32>,
    ) -> SetFacts {
        SetFacts {
            set_type: SetType::Normal,
            reps,
            weight_kg: weight,
            distance_m: distance,
            duration_s: duration,
        }
    }

    #[test]
    fn documented_examples() {
        let cases = [
            (set(Some(8), Some(80.0), None, None), 21), // 640 kg volume
            (set(None, None, Some(5000.0), Some(1500)), 55), // 5 km run
            (set(Some(10), None, None, None), 15),      // push-ups
            (set(None, None, None, Some(60)), 8),       // plank
            (set(Some(1), Some(1000.0), None, None), 30), // 1000 kg single: 25 bonus
            (set(Some(20), Some(300.0), None, None), 105), // capped at 100 bonus
            (set(None, None, None, None), 5),           // nothing recorded
        ];
        for (s, expected) in cases {
            assert_eq!(set_points(&s), expected, "{s:?}");
        }
    }

    #[test]
    fn warmups_and_failures() {
        let warm = SetFacts {
            set_type: SetType::Warmup,
            reps: Some(10),
            weight_kg: Some(60.0),
            ..Default::default()
        };
        assert_eq!(set_points(&warm), 1);
        let fail = SetFacts {
            set_type: SetType::Failure,
            reps: Some(10),
            ..Default::default()
        };
        assert_eq!(set_points(&fail), 17);
    }

    #[test]
    fn a_workout_adds_its_bonus_only_when_it_has_sets() {
        let bench = set(Some(8), Some(80.0), None, None);
        assert_eq!(workout_points(&[bench, bench, bench]), 3 * 21 + 10);
        assert_eq!(workout_points(&[]), 0);
    }
}
