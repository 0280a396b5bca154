//! The planning tools: `suggest_session` (the next session of one exercise, or today's whole
//! session) and `training_balance` (hard sets a week per muscle against the range). Their
//! arguments and results, as the model and the offline coach read them. Weights are in the
//! user's unit (`unit`); `text` and `reason` are English for a model to reword.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::tools::Names;
use crate::domain::catalog::Muscle;
use crate::domain::progression::balance::Level;
use crate::domain::progression::next_session::{NextSession, RepRange};

/// `suggest_session` arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SuggestArgs {
    /// An exercise name in English or Hebrew for its next session; absent for today's whole
    /// session.
    #[serde(default)]
    pub exercise: Option<String>,
}

/// One set to do.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuggestedSet {
    pub reps: u32,
    /// In `unit`; 0 for body weight.
    pub weight: f64,
}

/// One exercise of a suggestion.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SuggestedExercise {
    pub exercise: Names,
    pub slug: String,
    /// How it moves on from its last session; absent for an exercise not logged before
    /// (added for a low muscle: the user picks a weight for the range).
    #[serde(default)]
    pub next: Option<NextSession>,
    /// The rep range it works in.
    pub range: RepRange,
    pub sets: Vec<SuggestedSet>,
    /// "kg" or "lb".
    pub unit: String,
    /// "3 × 8 @ 82.5 kg".
    pub text: String,
    /// Why, in English.
    pub reason: String,
    /// Added to train this muscle, low in the last four weeks.
    #[serde(default)]
    pub for_muscle: Option<Muscle>,
}

/// `suggest_session` result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum SuggestResult {
    /// The next session of the exercise asked about.
    Exercise { next: SuggestedExercise },
    /// Today's session: the workout done longest ago of the recent ones (`repeats`, its day),
    /// at each exercise's next sets, plus one for the lowest muscle; a plan item due today.
    Session {
        #[serde(default)]
        plan_item: Option<String>,
        #[serde(default)]
        repeats: Option<NaiveDate>,
        /// The name of the workout it repeats ("Upper", "Leg day").
        #[serde(default)]
        name: Option<String>,
        exercises: Vec<SuggestedExercise>,
    },
    /// No catalog exercise is clearly `said`.
    UnknownExercise { said: String },
    /// The exercise has no logged sets with reps in the last months.
    NotLogged { exercise: Names },
    /// Nothing lifted in the last months to build on.
    NothingLogged,
}

/// One muscle group's weekly hard sets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MuscleLine {
    pub muscle: Muscle,
    pub sets_per_week: f64,
    pub level: Level,
    /// For a low muscle: exercises that train it (none avoided, none loading an injury).
    #[serde(default)]
    pub picks: Vec<Names>,
}

/// `training_balance` result: the last `weeks` weeks; under `low_below` hard sets a week is
/// low, over `high_above` high. No muscles: no hard set in those weeks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BalanceResult {
    pub weeks: u32,
    pub low_below: f64,
    pub high_above: f64,
    pub muscles: Vec<MuscleLine>,
}

impl SuggestedExercise {
    /// Its sets as the progression words them.
    pub fn work_sets(&self) -> Vec<crate::domain::progression::next_session::WorkSet> {
        self.sets
            .iter()
            .map(|s| crate::domain::progression::next_session::WorkSet {
                reps: s.reps,
                weight: s.weight,
            })
            .collect()
    }
}

/// The numbers written in `text` ("5", "2.5", "2,5"), in order.
pub fn numbers_in(text: &str) -> Vec<f64> {
    text.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .filter_map(|n| n.replace(',', ".").trim_matches('.').parse::<f64>().ok())
        .collect()
}

impl SuggestResult {
    /// The exercises suggested, with their sets (none for a session that had nothing to do).
    pub fn exercises(&self) -> &[SuggestedExercise] {
        match self {
            SuggestResult::Exercise { next } => std::slice::from_ref(next),
            SuggestResult::Session { exercises, .. } => exercises,
            _ => &[],
        }
    }

    /// "Log it": the suggested sets as a workout to log, every weight moved by `change` (in
    /// the suggestion's unit; never below 0). Exercises with no sets (new ones, where the user
    /// picks the weight) are left out. `None` when nothing is left.
    pub fn to_log(&self, change: f64) -> Option<super::tools::LogArgs> {
        use crate::domain::workout::{ExerciseInput, SetInput, WeightUnit};
        let exercises: Vec<ExerciseInput> = self
            .exercises()
            .iter()
            .filter(|e| !e.sets.is_empty())
            .map(|e| ExerciseInput {
                exercise: e.slug.clone(),
                sets: e
                    .sets
                    .iter()
                    .map(|s| {
                        let weight = (s.weight > 0.0).then(|| (s.weight + change).max(0.0));
                        SetInput {
                            reps: Some(i64::from(s.reps)),
                            weight,
                            unit: weight.map(|_| {
                                if e.unit == "lb" {
                                    WeightUnit::Lb
                                } else {
                                    WeightUnit::Kg
                                }
                            }),
                            ..SetInput::default()
                        }
                    })
                    .collect(),
            })
            .collect();
        let name = match self {
            SuggestResult::Session { name, .. } => name.clone(),
            _ => None,
        };
        if exercises.is_empty() {
            return None;
        }
        Some(super::tools::LogArgs {
            text: None,
            exercises,
            learn: None,
            name,
        })
    }

    /// The numbers the coach itself suggested, as words the log's check can read ("3 × 6 @
    /// 140 kg"), and each weight moved by each number in `question` ("but 5 kg less"): a
    /// model that logs the suggested session after "log it" passes the check that every
    /// number was said, and only those numbers do.
    pub fn vouched(&self, question: &str) -> String {
        let said: Vec<f64> = numbers_in(question)
            .into_iter()
            .filter(|n| *n > 0.0)
            .collect();
        let mut out = Vec::new();
        for e in self.exercises() {
            for s in &e.sets {
                out.push(format!("{} reps", s.reps));
                if s.weight > 0.0 {
                    out.push(format!("{} {}", s.weight, e.unit));
                    for n in &said {
                        out.push(format!("{} {}", s.weight - n, e.unit));
                        out.push(format!("{} {}", s.weight + n, e.unit));
                    }
                }
            }
        }
        out.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::workout::WeightUnit;

    fn session() -> SuggestResult {
        let e = |slug: &str, sets: &[(u32, f64)], unit: &str| SuggestedExercise {
            exercise: Names {
                en: slug.into(),
                he: slug.into(),
            },
            slug: slug.into(),
            next: None,
            range: RepRange { low: 5, high: 8 },
            sets: sets
                .iter()
                .map(|&(reps, weight)| SuggestedSet { reps, weight })
                .collect(),
            unit: unit.into(),
            text: String::new(),
            reason: String::new(),
            for_muscle: None,
        };
        SuggestResult::Session {
            plan_item: None,
            repeats: None,
            name: Some("B".into()),
            exercises: vec![
                e("deadlift", &[(6, 140.0); 3], "kg"),
                e("pull-up", &[(11, 0.0), (10, 0.0)], "kg"),
                e("barbell-curl", &[], "kg"),
            ],
        }
    }

    #[test]
    fn log_it_logs_the_suggested_sets_moved_by_the_change() {
        let args = session().to_log(-5.0).unwrap();
        assert_eq!(
            args.exercises.len(),
            2,
            "the new exercise without sets is left out"
        );
        let deadlift = &args.exercises[0];
        assert_eq!(deadlift.exercise, "deadlift");
        assert_eq!(deadlift.sets.len(), 3);
        assert_eq!(
            (
                deadlift.sets[0].reps,
                deadlift.sets[0].weight,
                deadlift.sets[0].unit
            ),
            (Some(6), Some(135.0), Some(WeightUnit::Kg))
        );
        let pull_up = &args.exercises[1];
        assert_eq!(
            (pull_up.sets[1].reps, pull_up.sets[1].weight),
            (Some(10), None),
            "body weight stays body weight"
        );
        assert_eq!(
            args.name.as_deref(),
            Some("B"),
            "logged under the name of the workout it repeats"
        );
        assert!(SuggestResult::NothingLogged.to_log(0.0).is_none());
    }

    #[test]
    fn the_coachs_numbers_and_the_users_change_are_vouched_for() {
        let words = session().vouched("log it but 5 kg less");
        assert!(
            words.contains("6 reps") && words.contains("140 kg") && words.contains("135 kg"),
            "{words}"
        );
        assert!(!words.contains("130 kg"));
    }
}
