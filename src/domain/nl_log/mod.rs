//! Workouts logged in plain words, English and Hebrew: "squat 3x5 @ 100kg", "bench 225 lbs
//! for 5 reps", "ran 5k in 25 min", "3 sets of 12 pull-ups", "עשיתי 3 סטים של 10 סקוואטים עם
//! 80 קילו", "רצתי 5 קילומטר ב-25 דקות", "50 שכיבות סמיכה", numbers in words, several
//! exercises in one message, "yesterday"/"אתמול". Pure: the exercise names stay as written
//! (the server resolves them with the catalog and the user's own words, and asks when unsure);
//! nothing here stores anything.
//!
//! - `scan`: tokens, number words, lists and the phrases that stand for amounts.
//! - `parse`: clauses, groups of sets, names, continuation clauses.
//! - `doubt`: what could not be read for sure, and the question that settles it.
//! - `numbers`: number words in both languages.
//! - `lexicon`: the words each quantity and joiner is written with.
//! - `quantity`: the amounts of any message (for the coach's goals).

mod doubt;
mod lexicon;
pub(crate) mod numbers;
mod parse;
mod quantity;
mod scan;
#[cfg(test)]
mod tests;

pub use doubt::{About, Doubt};
pub use parse::parse;
pub use quantity::{Quantity, QuantityKind, quantities};

use serde::Serialize;

use crate::domain::workout::SetInput;

/// One exercise of a message: its name as written and its sets (none when no amount was given:
/// "did squats" asks how many).
#[derive(Clone, Debug, Serialize)]
pub struct Entry {
    pub exercise: String,
    pub sets: Vec<SetInput>,
    /// The amounts were written as amounts (sets × reps, units, "sets of", "@", a verb such
    /// as "ran"), not only as a bare number ("hello 3" is not a workout).
    pub explicit: bool,
    /// The reps came from a lone number no word explains ("50 push-ups", "bench 80"): reps
    /// for an exercise counted in reps, a question for one measured by weight or distance.
    pub bare_reps: bool,
}

/// What a message logs.
#[derive(Clone, Debug, Serialize)]
pub struct ParsedLog {
    pub entries: Vec<Entry>,
    /// 0 today, 1 yesterday…
    pub days_ago: u32,
    /// What could not be read for sure: the message logs nothing until they are answered.
    pub doubts: Vec<Doubt>,
}
