//! "What should I do today?": a concrete session from the log. The workout done longest ago
//! among the user's recent ones comes next (someone who alternates A and B gets the one not
//! done last time), each of its exercises at its next-session sets; exercises the user now
//! avoids or that would load an injury are left out; the muscle most short of its weekly
//! range gets one exercise when the workout has none for it. A plan item due today leads.

use chrono::NaiveDate;
use serde::Serialize;

use super::balance::{Choices, Level, MuscleBalance, picks};
use super::next_session::{NextSession, WorkSet};
use crate::domain::catalog::{CatalogExercise, Muscle};

/// Recent workouts looked at for the rotation.
pub const ROTATION: usize = 6;
/// At most this many exercises in a session.
pub const MAX_EXERCISES: usize = 8;

/// A workout of the log: its day, its name ("Upper chest bias", "Leg day") and its exercises
/// (catalog slugs, in the order done).
#[derive(Clone, Debug, PartialEq)]
pub struct PastWorkout {
    pub day: NaiveDate,
    pub name: Option<String>,
    pub exercises: Vec<String>,
}

/// Names apps give a workout by the time of day (Strong's defaults): they say nothing about
/// what was trained.
const GENERIC_NAMES: [&str; 8] = [
    "workout",
    "morning workout",
    "afternoon workout",
    "evening workout",
    "night workout",
    "lunch workout",
    "midday workout",
    "אימון",
];

/// The name the user gave a workout, if it says what it is (not "Evening Workout").
fn real_name(w: &PastWorkout) -> Option<String> {
    w.name
        .as_deref()
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty() && !GENERIC_NAMES.contains(&n.as_str()))
}

fn exercise_set(w: &PastWorkout) -> Vec<&str> {
    let mut k: Vec<&str> = w.exercises.iter().map(String::as_str).collect();
    k.sort();
    k.dedup();
    k
}

/// Two workouts are one kind when they carry the same name, or the same exercises in any
/// order ("Lower" with a hack squat one week and a leg press the next; an unnamed workout with
/// the exercises of "Upper").
fn same_kind(a: &PastWorkout, b: &PastWorkout) -> bool {
    match (real_name(a), real_name(b)) {
        (Some(x), Some(y)) if x == y => true,
        _ => exercise_set(a) == exercise_set(b),
    }
}

/// One exercise of today's session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Planned {
    pub slug: String,
    /// The sets to do; a new exercise (for balance) has none: the user picks a weight for
    /// `reps` clean reps.
    pub sets: Vec<WorkSet>,
    pub next: Option<NextSession>,
    /// Why it is in: its turn in the rotation, or a low muscle.
    pub for_muscle: Option<Muscle>,
}

/// Today's session.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TodayPlan {
    /// A plan item due today, first.
    pub plan_item: Option<String>,
    /// The day of the workout it repeats, and its name.
    pub repeats: Option<NaiveDate>,
    pub name: Option<String>,
    pub exercises: Vec<Planned>,
}

/// The last [`ROTATION`] workouts grouped by [`same_kind`]; the kind done longest ago comes
/// next.
fn next_workout(workouts: &[PastWorkout]) -> Option<&PastWorkout> {
    // Newest first: a kind's first appearance is its latest, and the last kind to appear is
    // the one done longest ago. A workout joins every kind it matches (by name or exercises).
    let mut kinds: Vec<Vec<&PastWorkout>> = Vec::new();
    for w in workouts
        .iter()
        .rev()
        .take(ROTATION)
        .filter(|w| !w.exercises.is_empty())
    {
        let mut joined = false;
        for kind in kinds.iter_mut() {
            if kind.iter().any(|seen| same_kind(seen, w)) {
                kind.push(w);
                joined = true;
            }
        }
        if !joined {
            kinds.push(vec![w]);
        }
    }
    // With one kind only (the same workout every time), that one; the named one of a kind.
    let oldest = kinds.last()?;
    oldest
        .iter()
        .find(|w| real_name(w).is_some())
        .or(oldest.first())
        .copied()
}

/// Today's session from the log (`workouts` oldest first), each exercise's next session, the
/// balance of the last four weeks and what the user likes, avoids and hurts.
pub fn today(
    workouts: &[PastWorkout],
    next: &dyn Fn(&str) -> Option<NextSession>,
    balance: &[MuscleBalance],
    catalog: &[CatalogExercise],
    choices: &Choices,
    plan_item: Option<String>,
) -> TodayPlan {
    let allowed = |slug: &str| {
        !choices.avoided.iter().any(|a| a == slug)
            && catalog
                .iter()
                .find(|e| e.slug == slug)
                .is_some_and(|e| choices.injuries.iter().all(|i| i.spares(e)))
    };
    let base = next_workout(workouts);
    let mut exercises: Vec<Planned> = base
        .map(|w| {
            let mut seen: Vec<&str> = Vec::new();
            w.exercises
                .iter()
                .filter(|s| {
                    let new = !seen.contains(&s.as_str());
                    seen.push(s);
                    new
                })
                .filter(|s| allowed(s))
                .filter_map(|s| {
                    let n = next(s)?;
                    Some(Planned {
                        slug: s.clone(),
                        sets: n.sets(),
                        next: Some(n),
                        for_muscle: None,
                    })
                })
                .take(MAX_EXERCISES)
                .collect()
        })
        .unwrap_or_default();
    // The lowest muscle the session does not already train first.
    let trained = |m: Muscle| {
        exercises.iter().any(|p| {
            catalog.iter().any(|e| {
                e.slug == p.slug
                    && e.primary_muscles
                        .iter()
                        .any(|x| *x == m || (*x == Muscle::Lats && m == Muscle::Back))
            })
        })
    };
    let lowest = balance
        .iter()
        .filter(|b| b.level == Level::Low && !trained(b.muscle))
        .min_by(|a, b| a.sets_per_week.total_cmp(&b.sets_per_week));
    if let Some(low) = lowest
        && exercises.len() < MAX_EXERCISES
        && let Some(pick) = picks(low.muscle, catalog, choices).into_iter().next()
    {
        let n = next(&pick.slug);
        exercises.push(Planned {
            slug: pick.slug.clone(),
            sets: n.as_ref().map(NextSession::sets).unwrap_or_default(),
            next: n,
            for_muscle: Some(low.muscle),
        });
    }
    TodayPlan {
        plan_item,
        repeats: base.map(|w| w.day),
        name: base.and_then(|w| w.name.clone()),
        exercises,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::catalog;
    use crate::domain::progression::balance::Injury;
    use crate::domain::progression::next_session::{Advice, RepRange};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
    }

    fn workout(d: u32, slugs: &[&str]) -> PastWorkout {
        PastWorkout {
            day: day(d),
            name: None,
            exercises: slugs.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn named(d: u32, name: &str, slugs: &[&str]) -> PastWorkout {
        PastWorkout {
            name: Some(name.into()),
            ..workout(d, slugs)
        }
    }

    /// Every logged exercise: 3 × 5 at 100 (whatever it is), from its last session.
    fn next_of(slug: &str) -> Option<NextSession> {
        (slug != "barbell-curl").then(|| NextSession {
            advice: Advice::AddReps {
                reps: vec![6, 6, 6],
                weight: 100.0,
            },
            range: RepRange { low: 5, high: 8 },
            last: day(1),
        })
    }

    fn slugs(plan: &TodayPlan) -> Vec<&str> {
        plan.exercises.iter().map(|p| p.slug.as_str()).collect()
    }

    #[test]
    fn the_workout_done_longest_ago_comes_next() {
        let log = [
            workout(2, &["back-squat", "bench-press", "bent-over-row"]),
            workout(4, &["deadlift", "overhead-press", "pull-up"]),
            workout(6, &["bench-press", "back-squat", "bent-over-row"]),
        ];
        let plan = today(
            &log,
            &next_of,
            &[],
            catalog().exercises(),
            &Choices::default(),
            None,
        );
        assert_eq!(slugs(&plan), ["deadlift", "overhead-press", "pull-up"]);
        assert_eq!(plan.repeats, Some(day(4)));
        assert_eq!(
            plan.exercises[0].sets,
            vec![
                WorkSet {
                    reps: 6,
                    weight: 100.0
                };
                3
            ]
        );
        // Someone who does the same workout every time gets it again.
        let same = [
            workout(2, &["back-squat", "bench-press"]),
            workout(5, &["bench-press", "back-squat"]),
        ];
        let plan = today(
            &same,
            &next_of,
            &[],
            catalog().exercises(),
            &Choices::default(),
            Some("Leg day".into()),
        );
        assert_eq!(slugs(&plan), ["bench-press", "back-squat"]);
        assert_eq!(plan.plan_item.as_deref(), Some("Leg day"));
        // Named workouts are one kind whatever their exercises ("Lower" with a hack squat one
        // week and a leg press the next); time-of-day names are not names.
        let split = [
            named(2, "Lower", &["hack-squat", "leg-extension"]),
            named(4, "Upper", &["incline-bench-press"]),
            named(6, "Lower", &["leg-press", "leg-extension"]),
            named(7, "Arms", &["hammer-curl"]),
            named(9, "Lower", &["hack-squat", "leg-press"]),
        ];
        let plan = today(
            &split,
            &next_of,
            &[],
            catalog().exercises(),
            &Choices::default(),
            None,
        );
        assert_eq!(slugs(&plan), ["incline-bench-press"]);
        // A logged copy of B without its name is still B: A comes next.
        let mixed = [
            named(2, "A", &["back-squat", "bench-press"]),
            named(4, "B", &["deadlift", "overhead-press"]),
            named(6, "A", &["back-squat", "bench-press"]),
            workout(8, &["overhead-press", "deadlift"]),
        ];
        let plan = today(
            &mixed,
            &next_of,
            &[],
            catalog().exercises(),
            &Choices::default(),
            None,
        );
        assert_eq!(slugs(&plan), ["back-squat", "bench-press"]);
        assert_eq!(plan.name.as_deref(), Some("A"));
        let defaults = [
            named(2, "Evening Workout", &["back-squat"]),
            named(4, "Evening Workout", &["bench-press"]),
            named(6, "Evening Workout", &["back-squat"]),
        ];
        let plan = today(
            &defaults,
            &next_of,
            &[],
            catalog().exercises(),
            &Choices::default(),
            None,
        );
        assert_eq!(slugs(&plan), ["bench-press"]);
        // Nothing logged: nothing to repeat.
        let plan = today(
            &[],
            &next_of,
            &[],
            catalog().exercises(),
            &Choices::default(),
            None,
        );
        assert!(plan.exercises.is_empty() && plan.repeats.is_none());
    }

    #[test]
    fn what_hurts_or_is_avoided_stays_out_and_a_low_muscle_gets_an_exercise() {
        let log = [workout(2, &["back-squat", "bench-press", "bent-over-row"])];
        let knee = [Injury::Knee];
        let avoided = vec!["bent-over-row".to_owned()];
        let choices = Choices {
            injuries: &knee,
            avoided: &avoided,
            ..Choices::default()
        };
        let balance = [
            MuscleBalance {
                muscle: Muscle::Chest,
                sets_per_week: 12.0,
                level: Level::Fine,
            },
            MuscleBalance {
                muscle: Muscle::Biceps,
                sets_per_week: 0.0,
                level: Level::Low,
            },
            MuscleBalance {
                muscle: Muscle::Triceps,
                sets_per_week: 4.0,
                level: Level::Low,
            },
        ];
        let plan = today(
            &log,
            &next_of,
            &balance,
            catalog().exercises(),
            &choices,
            None,
        );
        // Squat loads the knee, the row is avoided; biceps (0 a week) is the lowest muscle.
        let picked = plan.exercises.last().unwrap();
        assert_eq!(slugs(&plan)[0], "bench-press");
        assert_eq!(picked.for_muscle, Some(Muscle::Biceps));
        assert_eq!(
            picked.slug,
            picks(Muscle::Biceps, catalog().exercises(), &choices)[0].slug
        );
        assert!(!slugs(&plan).contains(&"back-squat") && !slugs(&plan).contains(&"bent-over-row"));
        // A muscle the session already trains first is not added again.
        let chest_low = [MuscleBalance {
            muscle: Muscle::Chest,
            sets_per_week: 3.0,
            level: Level::Low,
        }];
        let plan = today(
            &log,
            &next_of,
            &chest_low,
            catalog().exercises(),
            &choices,
            None,
        );
        assert_eq!(slugs(&plan), ["bench-press"]);
    }
}
