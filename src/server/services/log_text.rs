//! Workouts logged in plain words (`POST /api/v1/log`, the offline coach): the message is read
//! by `domain::nl_log`, a weight written without a unit is in the user's units, "yesterday"
//! moves the workout back a day, and the result goes through the same logging as a form
//! (`services::log`): names resolved with the catalog and the user's own exercises, unclear
//! ones answered with suggestions, nothing stored on a guess.

use chrono::Duration;
use serde::Serialize;

use crate::domain::account::Units;
use crate::domain::catalog::catalog;
use crate::domain::nl_log::{self, ParsedLog};
use crate::domain::training::WorkoutSource;
use crate::domain::workout::{ExerciseInput, WeightUnit, WorkoutInput};
use crate::server::db::Db;
use crate::server::db::now;
use crate::server::db::users::User;
use crate::server::services::log::{self, LogError, LoggedWorkout, WorkoutPreview};

/// Why a message logged nothing.
#[derive(Debug, thiserror::Error)]
pub enum TextLogError {
    /// No exercise with an amount in it.
    #[error("I couldn't find an exercise with sets, reps, a weight, a distance or a time in that")]
    Nothing,
    /// Exercises named without an amount ("did squats"): how many?
    #[error("how many? Say the sets and reps (or the distance or time) of {}", .0.join(", "))]
    HowMany(Vec<String>),
    #[error(transparent)]
    Log(#[from] LogError),
}

/// What a message logged (or would log, with `dry_run`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum TextLogged {
    Saved(Box<LoggedWorkout>),
    Preview(WorkoutPreview),
}

/// The workout a message describes, for `user`.
pub fn workout_of(user: &User, text: &str) -> Result<WorkoutInput, TextLogError> {
    let unit = match user.units {
        Units::Metric => WeightUnit::Kg,
        Units::Imperial => WeightUnit::Lb,
    };
    let ParsedLog { entries, days_ago } = nl_log::parse(text, unit);
    // An exercise named without an amount is asked about; other words without one ("hello
    // there") are not an exercise at all.
    let vague: Vec<String> = entries
        .iter()
        .filter(|e| e.sets.is_empty())
        .filter(|e| {
            catalog()
                .find(&e.exercise, 1)
                .first()
                .is_some_and(|c| c.confidence >= 0.8)
        })
        .map(|e| e.exercise.clone())
        .collect();
    if entries.iter().all(|e| e.sets.is_empty()) {
        return Err(if vague.is_empty() {
            TextLogError::Nothing
        } else {
            TextLogError::HowMany(vague)
        });
    }
    if !vague.is_empty() {
        return Err(TextLogError::HowMany(vague));
    }
    Ok(WorkoutInput {
        name: None,
        started_at: (days_ago > 0).then(|| now() - Duration::days(i64::from(days_ago))),
        notes: None,
        exercises: entries
            .into_iter()
            .map(|e| ExerciseInput {
                exercise: e.exercise,
                sets: e.sets,
            })
            .collect(),
    })
}

pub async fn log_text(
    db: &Db,
    user: &User,
    text: &str,
    dry_run: bool,
) -> Result<TextLogged, TextLogError> {
    let input = workout_of(user, text)?;
    Ok(if dry_run {
        TextLogged::Preview(log::preview_workout(db, user, &input).await?)
    } else {
        TextLogged::Saved(Box::new(
            log::log_workout(db, user, &input, WorkoutSource::Chat).await?,
        ))
    })
}
