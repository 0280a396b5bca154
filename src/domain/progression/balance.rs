//! Training balance: hard sets per muscle group per week over the last four weeks, judged
//! against a range (under 10 a week is low, 10–20 fine, over 20 high), and for a low muscle
//! the catalog exercises that train it, leaving out what the user avoids or what would load
//! an injury. A hard set is what `/progress` counts: reps done, not a warm-up, RPE 7 or more
//! when one was given; it counts for every muscle its exercise works first.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use crate::domain::catalog::{CatalogExercise, Muscle};
use crate::domain::text_enum::text_enum;
use crate::domain::training::{ExerciseKind, MeasuredBy};

/// Weeks looked at.
pub const WEEKS: i64 = 4;
/// Fewer hard sets a week than this is low.
pub const LOW_BELOW: f64 = 10.0;
/// More hard sets a week than this is high.
pub const HIGH_ABOVE: f64 = 20.0;
/// Exercises offered for a low muscle.
pub const PICKS: usize = 3;

/// The muscle groups judged (lats count as back: a pulldown and a row both train the back).
pub const JUDGED: [Muscle; 10] = [
    Muscle::Chest,
    Muscle::Back,
    Muscle::Shoulders,
    Muscle::Biceps,
    Muscle::Triceps,
    Muscle::Quads,
    Muscle::Hamstrings,
    Muscle::Glutes,
    Muscle::Calves,
    Muscle::Abs,
];

text_enum!(
    /// Where it hurts: what the coach keeps off the plan.
    Injury {
        Knee => "knee", LowerBack => "lower_back", Shoulder => "shoulder", Elbow => "elbow",
        Wrist => "wrist", Hip => "hip", Ankle => "ankle", Neck => "neck"
    }
);

impl Injury {
    /// Muscles whose exercises load this joint: an exercise that works one of them first is
    /// left out (for the lower back, shoulder and wrist also when it works one of them second:
    /// a squat loads the lower back, a bench press the shoulder).
    fn loaded_by(self) -> (&'static [Muscle], bool) {
        match self {
            Injury::Knee => (&[Muscle::Quads], false),
            Injury::LowerBack => (&[Muscle::LowerBack], true),
            Injury::Shoulder => (&[Muscle::Shoulders], true),
            Injury::Elbow => (&[Muscle::Triceps, Muscle::Biceps], false),
            Injury::Wrist => (&[Muscle::Forearms], true),
            Injury::Hip => (
                &[Muscle::HipFlexors, Muscle::Adductors, Muscle::Abductors],
                false,
            ),
            Injury::Ankle => (&[Muscle::Calves], false),
            Injury::Neck => (&[Muscle::Neck, Muscle::Traps], false),
        }
    }

    /// Whether `exercise` would load this injury.
    pub fn spares(self, exercise: &CatalogExercise) -> bool {
        let (muscles, secondary_too) = self.loaded_by();
        let first = exercise.primary_muscles.iter().any(|m| muscles.contains(m));
        let second = secondary_too
            && exercise
                .secondary_muscles
                .iter()
                .any(|m| muscles.contains(m));
        !(first || second)
    }
}

text_enum!(
    /// A muscle's weekly hard sets against the range.
    Level { Low => "low", Fine => "fine", High => "high" }
);

/// One hard set: its day and the muscles its exercise works first.
#[derive(Clone, Debug, PartialEq)]
pub struct HardSet {
    pub day: NaiveDate,
    pub muscles: Vec<Muscle>,
}

/// A muscle's hard sets a week (the four weeks' total over four) and its level.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MuscleBalance {
    pub muscle: Muscle,
    pub sets_per_week: f64,
    pub level: Level,
}

/// The judged group a muscle counts for.
fn group(muscle: Muscle) -> Muscle {
    if muscle == Muscle::Lats {
        Muscle::Back
    } else {
        muscle
    }
}

/// The four weeks ending on `today` (today included), every judged muscle in [`JUDGED`]
/// order; empty when there is no hard set at all in them (a runner is not told their chest is
/// low).
pub fn balance(sets: &[HardSet], today: NaiveDate) -> Vec<MuscleBalance> {
    let first = today - Duration::days(WEEKS * 7 - 1);
    let window: Vec<&HardSet> = sets
        .iter()
        .filter(|s| s.day >= first && s.day <= today)
        .collect();
    if window.is_empty() {
        return Vec::new();
    }
    JUDGED
        .iter()
        .map(|muscle| {
            let count = window
                .iter()
                .filter(|s| s.muscles.iter().any(|m| group(*m) == *muscle))
                .count();
            let sets_per_week = count as f64 / WEEKS as f64;
            let level = if sets_per_week < LOW_BELOW {
                Level::Low
            } else if sets_per_week > HIGH_ABOVE {
                Level::High
            } else {
                Level::Fine
            };
            MuscleBalance {
                muscle: *muscle,
                sets_per_week,
                level,
            }
        })
        .collect()
}

/// What the user told the coach that shapes a pick: exercises they like or avoid (catalog
/// slugs), what hurts, and what they have logged (slugs; familiar exercises come first).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Choices<'a> {
    pub preferred: &'a [String],
    pub avoided: &'a [String],
    pub injuries: &'a [Injury],
    pub logged: &'a [String],
}

/// Up to [`PICKS`] catalog exercises that train `muscle` first: strength work with reps,
/// none avoided, none loading an injury; preferred ones first, then ones the user has logged,
/// then the catalog's order.
pub fn picks<'c>(
    muscle: Muscle,
    catalog: &'c [CatalogExercise],
    choices: &Choices,
) -> Vec<&'c CatalogExercise> {
    let mut fitting: Vec<(usize, &CatalogExercise)> = catalog
        .iter()
        .filter(|e| matches!(e.kind, ExerciseKind::Strength | ExerciseKind::Bodyweight))
        .filter(|e| matches!(e.measured_by, MeasuredBy::RepsWeight | MeasuredBy::Reps))
        .filter(|e| e.primary_muscles.iter().any(|m| group(*m) == muscle))
        .filter(|e| !choices.avoided.contains(&e.slug))
        .filter(|e| choices.injuries.iter().all(|i| i.spares(e)))
        .map(|e| {
            let rank = if choices.preferred.contains(&e.slug) {
                0
            } else if choices.logged.contains(&e.slug) {
                1
            } else {
                2
            };
            (rank, e)
        })
        .collect();
    // Stable: the catalog's order within a rank.
    fitting.sort_by_key(|(rank, _)| *rank);
    fitting.into_iter().take(PICKS).map(|(_, e)| e).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::catalog;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn sets(n: usize, on: NaiveDate, muscles: &[Muscle]) -> Vec<HardSet> {
        vec![
            HardSet {
                day: on,
                muscles: muscles.to_vec()
            };
            n
        ]
    }

    #[test]
    fn four_weeks_of_hard_sets_judged_per_muscle() {
        let today = day(29);
        let mut log = Vec::new();
        // Bench: 12 sets in each of 4 weeks → 48 / 4 = 12 a week, fine.
        for d in [2, 9, 16, 23] {
            log.extend(sets(12, day(d), &[Muscle::Chest]));
        }
        // Squat, quads and glutes first: 4 × 6 sets → 6 a week, low for both.
        for d in [3, 10, 17, 24] {
            log.extend(sets(6, day(d), &[Muscle::Quads, Muscle::Glutes]));
        }
        // Rows (back + lats: counted once for back) 50 + pulldowns (lats) 40 = 90 → 22.5, high.
        log.extend(sets(50, day(27), &[Muscle::Back, Muscle::Lats]));
        log.extend(sets(40, day(28), &[Muscle::Lats]));
        // March 1st is 29 days back: outside the window.
        log.extend(sets(100, day(1), &[Muscle::Biceps]));
        let judged = balance(&log, today);
        let of = |m: Muscle| judged.iter().find(|b| b.muscle == m).unwrap();
        assert_eq!(
            (of(Muscle::Chest).sets_per_week, of(Muscle::Chest).level),
            (12.0, Level::Fine)
        );
        assert_eq!(
            (of(Muscle::Quads).sets_per_week, of(Muscle::Quads).level),
            (6.0, Level::Low)
        );
        assert_eq!(of(Muscle::Glutes).level, Level::Low);
        assert_eq!(
            (of(Muscle::Back).sets_per_week, of(Muscle::Back).level),
            (22.5, Level::High)
        );
        assert_eq!(
            (of(Muscle::Biceps).sets_per_week, of(Muscle::Biceps).level),
            (0.0, Level::Low)
        );
        assert_eq!(judged.len(), JUDGED.len());
        // 10 and 20 a week are fine (40 and 80 sets).
        let edges: Vec<HardSet> = [
            sets(40, day(20), &[Muscle::Calves]),
            sets(80, day(20), &[Muscle::Abs]),
        ]
        .concat();
        let judged = balance(&edges, today);
        assert!(
            judged
                .iter()
                .filter(|b| matches!(b.muscle, Muscle::Calves | Muscle::Abs))
                .all(|b| b.level == Level::Fine)
        );
    }

    #[test]
    fn no_hard_set_in_four_weeks_is_no_judgement() {
        assert!(balance(&sets(30, day(1), &[Muscle::Chest]), day(29)).is_empty());
        assert!(balance(&[], day(29)).is_empty());
    }

    #[test]
    fn picks_respect_what_is_avoided_and_what_hurts() {
        let catalog = catalog().exercises();
        let slugs = |picked: Vec<&CatalogExercise>| {
            picked.iter().map(|e| e.slug.clone()).collect::<Vec<_>>()
        };
        let none = Choices::default();
        let quads = slugs(picks(Muscle::Quads, catalog, &none));
        assert_eq!(quads.len(), PICKS);
        assert_eq!(quads[0], "back-squat", "the catalog's order: {quads:?}");
        // A bad knee: nothing that works the quads first, so no quad exercise at all.
        let knee = [Injury::Knee];
        let hurt = Choices {
            injuries: &knee,
            ..Choices::default()
        };
        assert!(picks(Muscle::Quads, catalog, &hurt).is_empty());
        // A bad lower back: hamstring work without deadlifts or good mornings.
        let back = [Injury::LowerBack];
        let hurt = Choices {
            injuries: &back,
            ..Choices::default()
        };
        for e in picks(Muscle::Hamstrings, catalog, &hurt) {
            assert!(
                !e.primary_muscles.contains(&Muscle::LowerBack)
                    && !e.secondary_muscles.contains(&Muscle::LowerBack),
                "{}",
                e.slug
            );
        }
        let ham = slugs(picks(Muscle::Hamstrings, catalog, &hurt));
        assert!(ham.contains(&"lying-leg-curl".to_owned()), "{ham:?}");
        // Avoided ones are left out; preferred and familiar ones come first.
        let avoided = vec!["back-squat".to_owned()];
        let preferred = vec!["leg-press".to_owned()];
        let logged = vec!["goblet-squat".to_owned()];
        let choices = Choices {
            preferred: &preferred,
            avoided: &avoided,
            injuries: &[],
            logged: &logged,
        };
        let quads = slugs(picks(Muscle::Quads, catalog, &choices));
        assert_eq!(&quads[..2], ["leg-press", "goblet-squat"]);
        assert!(!quads.contains(&"back-squat".to_owned()));
        // Back picks include lat work.
        let back = picks(Muscle::Back, catalog, &none);
        assert!(!back.is_empty());
    }
}
