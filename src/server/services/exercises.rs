//! A user's custom exercises: added on purpose (`POST /exercises`) or, from the log form, for
//! the names of a workout that match nothing. A name that already means an exercise (the
//! catalog's or the user's) is not added again: logging under it would find the existing one.

use crate::domain::account::FieldError;
use crate::domain::custom_exercise::{
    CustomExerciseInput, ValidCustomExercise, guess_from_sets, validate_custom,
};
use crate::domain::scoring::SetFacts;
use crate::domain::workout::{WorkoutInput, validate_workout};
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::{Db, Id, now};

use super::log::resolve_exercise;

#[derive(Debug)]
pub enum Added {
    Created(ExerciseRow),
    /// The name already resolves to this exercise.
    Exists(ExerciseRow),
}

#[derive(Debug, thiserror::Error)]
pub enum ExerciseError {
    #[error("invalid exercise")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub async fn add_custom(
    db: &Db,
    user_id: &Id,
    input: &CustomExerciseInput,
) -> Result<Added, ExerciseError> {
    let valid = validate_custom(input).map_err(ExerciseError::Invalid)?;
    if let Ok(existing) = resolve_exercise(db, user_id, &valid.name_en).await? {
        return Ok(Added::Exists(existing));
    }
    Ok(Added::Created(
        exercises::create_custom(db, user_id, &valid).await?,
    ))
}

/// Adds a custom exercise for each name in the workout that matches nothing, its kind guessed
/// from the sets logged with it. An invalid workout adds nothing (logging it will say why).
pub async fn add_missing(
    db: &Db,
    user_id: &Id,
    input: &WorkoutInput,
) -> Result<Vec<ExerciseRow>, sqlx::Error> {
    let Ok(valid) = validate_workout(input, now()) else {
        return Ok(Vec::new());
    };
    let mut added: Vec<ExerciseRow> = Vec::new();
    for e in &valid.exercises {
        if resolve_exercise(db, user_id, &e.exercise).await?.is_ok() {
            continue;
        }
        let facts: Vec<SetFacts> = e.sets.iter().map(|s| s.facts()).collect();
        let (kind, measured_by) = guess_from_sets(&facts);
        let Ok(mut exercise) = validate_custom(&CustomExerciseInput {
            name: e.exercise.clone(),
            ..CustomExerciseInput::default()
        }) else {
            continue;
        };
        exercise = ValidCustomExercise {
            kind,
            measured_by,
            ..exercise
        };
        added.push(exercises::create_custom(db, user_id, &exercise).await?);
    }
    Ok(added)
}
