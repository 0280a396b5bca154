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
