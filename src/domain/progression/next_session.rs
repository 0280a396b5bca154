//! The next session of one exercise, by double progression over its rep range: when every
//! working set of the last session reached the top of the range, the weight goes up one step
//! (and the reps start again at the bottom); otherwise the weight stays and each set aims for
//! one more rep. Three sessions without a gain in estimated 1RM is a stall: one deload week at
//! 90 %, with the reason. All weights are in the user's unit; [`Loading`] makes them loadable.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::loading::{Implement, Loading, increment, is_compound};
use crate::domain::account::Units;
use crate::domain::catalog::CatalogExercise;
use crate::domain::scoring::records::epley;

/// The reps a set of this exercise aims for, both ends included.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RepRange {
    pub low: u32,
    pub high: u32,
}

impl RepRange {
    /// 5–8 for barbell compounds (squat, bench, deadlift, row, press), 8–12 for the rest.
    pub fn default_for(exercise: &CatalogExercise) -> RepRange {
        if Implement::of(exercise.equipment).is_bar() && is_compound(exercise) {
            RepRange { low: 5, high: 8 }
        } else {
            RepRange { low: 8, high: 12 }
        }
    }

    /// A range a person could mean: 1 ≤ low ≤ high ≤ 50.
    pub fn is_valid(self) -> bool {
        self.low >= 1 && self.low <= self.high && self.high <= 50
    }
}

/// One set as the progression reads it, weight in the user's unit (0: body weight only).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkSet {
    pub reps: u32,
    pub weight: f64,
}

/// One day's working sets of the exercise (warm-ups left out by the caller), in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Session {
    pub day: NaiveDate,
    pub sets: Vec<WorkSet>,
}

/// Sessions looked at for a stall: the last three against the one before them.
pub const STALL_SESSIONS: usize = 3;
/// A deload week's weight, as a share of the working weight.
pub const DELOAD: f64 = 0.9;

/// What to do next time.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Advice {
    /// Every working set reached the top of the range at `from`: `sets` × `reps` at `weight`.
    AddWeight {
        sets: u32,
        reps: u32,
        weight: f64,
        from: f64,
    },
    /// Same weight, one more rep in each set (capped at the top of the range); a body-weight
    /// exercise without a load just aims for one more rep.
    AddReps { reps: Vec<u32>, weight: f64 },
    /// A stall: `sets` × `reps` at `weight` (90 % of `from`) for a week. `best_recent` is the
    /// best estimated 1RM of the last sessions, not above `best_before`.
    Deload {
        sets: u32,
        reps: u32,
        weight: f64,
        from: f64,
        best_recent: f64,
        best_before: f64,
    },
}

/// The suggestion for an exercise, and what it comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextSession {
    pub advice: Advice,
    pub range: RepRange,
    /// The day of the session it builds on.
    pub last: NaiveDate,
}

impl NextSession {
    /// The sets to do, as (reps, weight) pairs.
    pub fn sets(&self) -> Vec<WorkSet> {
        match &self.advice {
            Advice::AddWeight {
                sets, reps, weight, ..
            }
            | Advice::Deload {
                sets, reps, weight, ..
            } => (0..*sets)
                .map(|_| WorkSet {
                    reps: *reps,
                    weight: *weight,
                })
                .collect(),
            Advice::AddReps { reps, weight } => reps
                .iter()
                .map(|r| WorkSet {
                    reps: *r,
                    weight: *weight,
                })
                .collect(),
        }
    }
}

/// The best estimated 1RM of a session (Epley, sets of 1–12 reps with a weight).
fn best_e1rm(session: &Session) -> Option<f64> {
    session
        .sets
        .iter()
        .filter_map(|s| epley(s.weight, s.reps))
        .fold(None, |best: Option<f64>, e| {
            Some(best.map_or(e, |b| b.max(e)))
        })
}

/// Tenths, so that 106.66… and 106.67 are the same estimate.
fn tenths(x: f64) -> i64 {
    (x * 10.0).round() as i64
}

/// A stall: at least four sessions, and the best estimated 1RM of the last three is not
/// above the session before them. `(best_recent, best_before)` when stalled.
pub fn stall(sessions: &[Session]) -> Option<(f64, f64)> {
    if sessions.len() <= STALL_SESSIONS {
        return None;
    }
    let (before, recent) = sessions.split_at(sessions.len() - STALL_SESSIONS);
    let best_before = best_e1rm(before.last()?)?;
    let best_recent = recent
        .iter()
        .filter_map(best_e1rm)
        .fold(None, |best: Option<f64>, e| {
            Some(best.map_or(e, |b| b.max(e)))
        })?;
    (tenths(best_recent) <= tenths(best_before)).then_some((best_recent, best_before))
}

/// The next session of `exercise` after `sessions` (oldest first), or `None` when there is
/// nothing to build on (no session with reps).
pub fn next_session(
    exercise: &CatalogExercise,
    sessions: &[Session],
    range: RepRange,
    loading: &Loading,
    units: Units,
) -> Option<NextSession> {
    let last = sessions
        .iter()
        .rev()
        .find(|s| s.sets.iter().any(|w| w.reps > 0))?;
    // The working sets: those at the day's top weight (back-off sets don't set the pace).
    let top = last.sets.iter().map(|s| s.weight).fold(0.0, f64::max);
    let working: Vec<&WorkSet> = last
        .sets
        .iter()
        .filter(|s| s.reps > 0 && (s.weight - top).abs() < 1e-6)
        .collect();
    let sets = working.len() as u32;
    let advice = if top <= 0.0 {
        // Body weight alone: more reps is the only way up.
        Advice::AddReps {
            reps: working.iter().map(|s| s.reps + 1).collect(),
            weight: 0.0,
        }
    } else if working.iter().all(|s| s.reps >= range.high) {
        let step = increment(exercise, loading, units);
        let mut weight = loading.round(exercise.equipment, top + step);
        if weight <= top {
            // Rounding fell back to where it was (plates too coarse): the next loadable one.
            weight = loading.round(exercise.equipment, top + 2.0 * step);
        }
        Advice::AddWeight {
            sets,
            reps: range.low,
            weight,
            from: top,
        }
    } else if let Some((best_recent, best_before)) = stall(sessions) {
        Advice::Deload {
            sets,
            reps: range.low,
            weight: loading.round(exercise.equipment, top * DELOAD),
            from: top,
            best_recent,
            best_before,
        }
    } else {
        Advice::AddReps {
            reps: working
                .iter()
                .map(|s| (s.reps + 1).min(range.high))
                .collect(),
            weight: top,
        }
    };
    Some(NextSession {
        advice,
        range,
        last: last.day,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::catalog;

    fn exercise(slug: &str) -> &'static CatalogExercise {
        catalog().get(slug).unwrap()
    }

    /// Sessions a week apart from 2026-03-02, each `(weight, reps…)`.
    fn weeks(sessions: &[(f64, &[u32])]) -> Vec<Session> {
        let start = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        sessions
            .iter()
            .enumerate()
            .map(|(i, (weight, reps))| Session {
                day: start + chrono::Duration::weeks(i as i64),
                sets: reps
                    .iter()
                    .map(|r| WorkSet {
                        reps: *r,
                        weight: *weight,
                    })
                    .collect(),
            })
            .collect()
    }

    fn next(slug: &str, sessions: &[(f64, &[u32])], units: Units) -> Advice {
        let e = exercise(slug);
        next_session(
            e,
            &weeks(sessions),
            RepRange::default_for(e),
            &Loading::default_for(units),
            units,
        )
        .unwrap()
        .advice
    }

    #[test]
    fn rep_ranges_default_by_the_lift() {
        let range = |slug| RepRange::default_for(exercise(slug));
        assert_eq!(range("bench-press"), RepRange { low: 5, high: 8 });
        assert_eq!(range("back-squat"), RepRange { low: 5, high: 8 });
        assert_eq!(range("trap-bar-deadlift"), RepRange { low: 5, high: 8 });
        assert_eq!(range("barbell-curl"), RepRange { low: 8, high: 12 });
        assert_eq!(range("dumbbell-bench-press"), RepRange { low: 8, high: 12 });
        assert_eq!(range("leg-press"), RepRange { low: 8, high: 12 });
    }

    #[test]
    fn every_set_at_the_top_adds_one_step_and_starts_the_reps_again() {
        let add = |sets, reps, weight, from| Advice::AddWeight {
            sets,
            reps,
            weight,
            from,
        };
        // Bench 80 × 8, 8, 8 (top of 5–8): +2.5 kg → 3 × 5 @ 82.5.
        assert_eq!(
            next("bench-press", &[(80.0, &[8, 8, 8])], Units::Metric),
            add(3, 5, 82.5, 80.0)
        );
        // Squat 100 × 8 × 3: lower body, +5 kg.
        assert_eq!(
            next("back-squat", &[(100.0, &[8, 8, 8])], Units::Metric),
            add(3, 5, 105.0, 100.0)
        );
        // In pounds: bench 185 → 190 (45 + 2 × 72.5), squat 225 → 235.
        assert_eq!(
            next("bench-press", &[(185.0, &[8, 8, 8])], Units::Imperial),
            add(3, 5, 190.0, 185.0)
        );
        assert_eq!(
            next("back-squat", &[(225.0, &[9, 8])], Units::Imperial),
            add(2, 5, 235.0, 225.0)
        );
        // Dumbbell curl 15 × 12 × 3 (8–12): next dumbbell, 17.5.
        assert_eq!(
            next("dumbbell-curl", &[(15.0, &[12, 12, 12])], Units::Metric),
            add(3, 8, 17.5, 15.0)
        );
        // Leg press 120 × 12, 12: the stack's step, 125.
        assert_eq!(
            next("leg-press", &[(120.0, &[12, 12])], Units::Metric),
            add(2, 8, 125.0, 120.0)
        );
    }

    #[test]
    fn short_of_the_top_keeps_the_weight_and_aims_for_one_more_rep() {
        // Bench 80 × 8, 8, 7: the sets at the top stay there, the last aims for 8.
        assert_eq!(
            next("bench-press", &[(80.0, &[8, 8, 7])], Units::Metric),
            Advice::AddReps {
                reps: vec![8, 8, 8],
                weight: 80.0
            }
        );
        // Only the last session counts.
        assert_eq!(
            next(
                "bench-press",
                &[(80.0, &[8, 8, 8]), (82.5, &[6, 5, 5])],
                Units::Metric
            ),
            Advice::AddReps {
                reps: vec![7, 6, 6],
                weight: 82.5
            }
        );
        // Pull-ups with no load: one more rep a set, no ceiling.
        assert_eq!(
            next("pull-up", &[(0.0, &[10, 9, 8])], Units::Metric),
            Advice::AddReps {
                reps: vec![11, 10, 9],
                weight: 0.0
            }
        );
    }

    #[test]
    fn back_off_sets_do_not_set_the_pace() {
        let e = exercise("back-squat");
        let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let sets = [(100.0, 5), (100.0, 5), (80.0, 10)]
            .map(|(weight, reps)| WorkSet { reps, weight })
            .to_vec();
        let next = next_session(
            e,
            &[Session { day, sets }],
            RepRange::default_for(e),
            &Loading::default_for(Units::Metric),
            Units::Metric,
        )
        .unwrap();
        assert_eq!(
            next.advice,
            Advice::AddReps {
                reps: vec![6, 6],
                weight: 100.0
            }
        );
        assert_eq!(next.last, day);
    }

    #[test]
    fn coarse_plates_take_the_next_loadable_weight() {
        // Only 45s and 25s: 135 + 5 rounds back to 135, so the next step is 145.
        let plain = Loading {
            bar: 45.0,
            plates: vec![45.0, 25.0],
            dumbbell_step: 5.0,
            machine_step: 10.0,
        };
        let e = exercise("bench-press");
        let advice = next_session(
            e,
            &weeks(&[(135.0, &[8, 8, 8])]),
            RepRange::default_for(e),
            &plain,
            Units::Imperial,
        )
        .unwrap()
        .advice;
        assert_eq!(
            advice,
            Advice::AddWeight {
                sets: 3,
                reps: 5,
                weight: 145.0,
                from: 135.0
            }
        );
    }

    #[test]
    fn three_sessions_without_a_gain_is_a_stall_and_a_deload_week() {
        // e1RM (Epley): 80 × 8 → 80 × (1 + 8/30) = 101.33; 80 × 7 → 98.67.
        let stalled: &[(f64, &[u32])] = &[
            (80.0, &[8, 7, 6]),
            (80.0, &[8, 7, 6]),
            (80.0, &[7, 7, 6]),
            (80.0, &[8, 6, 6]),
        ];
        let Advice::Deload {
            sets,
            reps,
            weight,
            from,
            best_recent,
            best_before,
        } = next("bench-press", stalled, Units::Metric)
        else {
            panic!("a stall")
        };
        // 90 % of 80 is 72; the nearest loadable: 20 + 2 × 26.25 = 72.5.
        assert_eq!((sets, reps, weight, from), (3, 5, 72.5, 80.0));
        assert_eq!((tenths(best_recent), tenths(best_before)), (1013, 1013));
        // The same weeks with a gain in them: no stall.
        let rising: &[(f64, &[u32])] = &[
            (80.0, &[6, 6, 6]),
            (80.0, &[7, 6, 6]),
            (80.0, &[7, 7, 6]),
            (80.0, &[7, 7, 7]),
        ];
        assert!(stall(&weeks(rising)).is_none());
        assert_eq!(
            next("bench-press", rising, Units::Metric),
            Advice::AddReps {
                reps: vec![8, 8, 8],
                weight: 80.0
            }
        );
        // Three sessions are not enough to call it.
        assert!(stall(&weeks(&stalled[1..])).is_none());
        // At the top of the range the next step is more weight, even with flat estimates.
        let top: &[u32] = &[8, 8, 8];
        let flat_top: &[(f64, &[u32])] = &[(80.0, top); 4];
        assert_eq!(
            next("bench-press", flat_top, Units::Metric),
            Advice::AddWeight {
                sets: 3,
                reps: 5,
                weight: 82.5,
                from: 80.0
            }
        );
    }

    #[test]
    fn nothing_to_build_on_is_no_suggestion() {
        let e = exercise("bench-press");
        let none = next_session(
            e,
            &[],
            RepRange::default_for(e),
            &Loading::default_for(Units::Metric),
            Units::Metric,
        );
        assert!(none.is_none());
    }
}
