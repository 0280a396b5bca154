//! A workout as a client submits it (REST, forms, the coach's `log_workout` tool), and its
//! validation into canonical units. Every problem is reported at once, with a path such as
//! `exercises[0].sets[2].weight_kg`, so a form can point at the field.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::account::FieldError;
use crate::domain::training::{SetType, WorkoutKind, lb_to_kg};

pub const MAX_WEIGHT_KG: f64 = 1000.0;
pub const MAX_REPS: i64 = 1000;
pub const MAX_DISTANCE_M: f64 = 1_000_000.0;
pub const MAX_DURATION_S: i64 = 24 * 3600;
pub const MAX_EXERCISES: usize = 50;
pub const MAX_SETS_PER_EXERCISE: usize = 100;
pub const MAX_NAME_CHARS: usize = 100;
pub const MAX_NOTES_CHARS: usize = 2000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum WeightUnit {
    Kg,
    #[serde(alias = "lbs")]
    Lb,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SetInput {
    pub reps: Option<i64>,
    pub weight_kg: Option<f64>,
    /// Alternative to `weight_kg`: a weight in `unit`.
    pub weight: Option<f64>,
    pub unit: Option<WeightUnit>,
    pub distance_m: Option<f64>,
    pub duration_s: Option<i64>,
    pub rpe: Option<f64>,
    pub set_type: Option<SetType>,
    pub notes: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExerciseInput {
    /// A catalog slug, an exercise id, or a name/alias in English or Hebrew.
    pub exercise: String,
    pub sets: Vec<SetInput>,
}

#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WorkoutInput {
    pub name: Option<String>,
    pub started_at: Option<DateTime<Utc>>,
    pub notes: Option<String>,
    pub exercises: Vec<ExerciseInput>,
}

/// A set in canonical units, ready to store.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValidSet {
    pub set_type: SetType,
    pub reps: Option<u32>,
    pub weight_kg: Option<f64>,
    pub distance_m: Option<f64>,
    pub duration_s: Option<u32>,
    pub rpe: Option<f64>,
    pub notes: Option<String>,
}

/// What a workout of these sets is: a set with a distance and no weight is cardio; cardio
/// and other sets together are mixed.
pub fn workout_kind<'a>(sets: impl IntoIterator<Item = &'a ValidSet>) -> WorkoutKind {
    let (mut cardio, mut other) = (false, false);
    for s in sets {
        if s.distance_m.is_some() && s.weight_kg.is_none() {
            cardio = true;
        } else {
            other = true;
        }
    }
    match (cardio, other) {
        (true, true) => WorkoutKind::Mixed,
        (true, false) => WorkoutKind::Cardio,
        _ => WorkoutKind::Strength,
    }
}

impl ValidSet {
    /// The numbers scoring looks at.
    pub fn facts(&self) -> crate::domain::scoring::SetFacts {
        crate::domain::scoring::SetFacts {
            set_type: self.set_type,
            reps: self.reps,
            weight_kg: self.weight_kg,
            distance_m: self.distance_m,
            duration_s: self.duration_s,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValidExercise {
    pub exercise: String,
    pub sets: Vec<ValidSet>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValidWorkout {
    pub name: Option<String>,
    pub started_at: DateTime<Utc>,
    pub notes: Option<String>,
    pub exercises: Vec<ValidExercise>,
}

fn text(
    raw: Option<&str>,
    field: &str,
    max: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let t = raw.map(str::trim).filter(|t| !t.is_empty())?;
    if t.chars().count() > max {
        errors.push(FieldError::new(
            field,
            "too_long",
            format!("At most {max} characters."),
        ));
        return None;
    }
    Some(t.to_owned())
}

fn bounded_f64(v: Option<f64>, field: &str, max: f64, errors: &mut Vec<FieldError>) -> Option<f64> {
    let v = v?;
    if !v.is_finite() || v < 0.0 {
        errors.push(FieldError::new(field, "negative", "Must be zero or more."));
        None
    } else if v > max {
        errors.push(FieldError::new(
            field,
            "too_large",
            format!("Must be at most {max}."),
        ));
        None
    } else {
        Some(v)
    }
}

fn bounded_int(
    v: Option<i64>,
    field: &str,
    min: i64,
    max: i64,
    errors: &mut Vec<FieldError>,
) -> Option<u32> {
    let v = v?;
    if v < min || v > max {
        errors.push(FieldError::new(
            field,
            "out_of_range",
            format!("Must be between {min} and {max}."),
        ));
        None
    } else {
        u32::try_from(v).ok()
    }
}

pub fn validate_set(
    input: &SetInput,
    path: &str,
    errors: &mut Vec<FieldError>,
) -> Option<ValidSet> {
    let before = errors.len();
    let f = |name: &str| format!("{path}.{name}");
    let weight_kg = match (input.weight_kg, input.weight) {
        (Some(_), Some(_)) => {
            errors.push(FieldError::new(
                &f("weight"),
                "ambiguous",
                "Give weight_kg or weight + unit, not both.",
            ));
            None
        }
        (Some(kg), None) => bounded_f64(Some(kg), &f("weight_kg"), MAX_WEIGHT_KG, errors),
        (None, Some(w)) => match input.unit {
            None => {
                errors.push(FieldError::new(
                    &f("unit"),
                    "required",
                    "Say whether the weight is in kg or lb.",
                ));
                None
            }
            Some(unit) => {
                let kg = match unit {
                    WeightUnit::Kg => w,
                    WeightUnit::Lb => lb_to_kg(w),
                };
                bounded_f64(Some(kg), &f("weight"), MAX_WEIGHT_KG, errors)
            }
        },
        (None, None) => None,
    };
    let reps = bounded_int(input.reps, &f("reps"), 0, MAX_REPS, errors);
    let distance_m = bounded_f64(input.distance_m, &f("distance_m"), MAX_DISTANCE_M, errors);
    let duration_s = bounded_int(
        input.duration_s,
        &f("duration_s"),
        0,
        MAX_DURATION_S,
        errors,
    );
    let rpe = match input.rpe {
        Some(r) if !(1.0..=10.0).contains(&r) => {
            errors.push(FieldError::new(
                &f("rpe"),
                "out_of_range",
                "RPE is between 1 and 10.",
            ));
            None
        }
        other => other,
    };
    let notes = text(input.notes.as_deref(), &f("notes"), MAX_NOTES_CHARS, errors);
    if errors.len() > before {
        return None;
    }
    if reps.is_none() && weight_kg.is_none() && distance_m.is_none() && duration_s.is_none() {
        errors.push(FieldError::new(
            path,
            "empty",
            "A set needs reps, weight, distance or duration.",
        ));
        return None;
    }
    Some(ValidSet {
        set_type: input.set_type.unwrap_or_default(),
        reps,
        weight_kg,
        distance_m,
        duration_s,
        rpe,
        notes,
    })
}

/// Validates a whole workout. `now` bounds `started_at` (at most a day in the future, to allow
/// for time zones).
pub fn validate_workout(
    input: &WorkoutInput,
    now: DateTime<Utc>,
) -> Result<ValidWorkout, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = text(input.name.as_deref(), "name", MAX_NAME_CHARS, &mut errors);
    let notes = text(
        input.notes.as_deref(),
        "notes",
        MAX_NOTES_CHARS,
        &mut errors,
    );
    let started_at = input.started_at.unwrap_or(now);
    check_start(started_at, now, &mut errors);
    let exercises = validate_exercises(&input.exercises, &mut errors);
    if errors.is_empty() {
        Ok(ValidWorkout {
            name,
            started_at,
            notes,
            exercises,
        })
    } else {
        Err(errors)
    }
}

fn check_start(started_at: DateTime<Utc>, now: DateTime<Utc>, errors: &mut Vec<FieldError>) {
    if started_at > now + Duration::days(1) {
        errors.push(FieldError::new(
            "started_at",
            "future",
            "A workout cannot start in the future.",
        ));
    }
}

/// The exercises of a workout (at least one, each with at least one set), with paths such as
/// `exercises[0].sets[2].reps`.
fn validate_exercises(input: &[ExerciseInput], errors: &mut Vec<FieldError>) -> Vec<ValidExercise> {
    if input.is_empty() {
        errors.push(FieldError::new(
            "exercises",
            "required",
            "Add at least one exercise.",
        ));
    }
    if input.len() > MAX_EXERCISES {
        errors.push(FieldError::new(
            "exercises",
            "too_many",
            format!("At most {MAX_EXERCISES} exercises."),
        ));
    }
    let mut exercises = Vec::new();
    for (i, e) in input.iter().enumerate().take(MAX_EXERCISES) {
        let path = format!("exercises[{i}]");
        let exercise = e.exercise.trim();
        if exercise.is_empty() {
            errors.push(FieldError::new(
                &format!("{path}.exercise"),
                "required",
                "Name the exercise.",
            ));
        }
        if e.sets.is_empty() {
            errors.push(FieldError::new(
                &format!("{path}.sets"),
                "required",
                "Add at least one set.",
            ));
        }
        if e.sets.len() > MAX_SETS_PER_EXERCISE {
            errors.push(FieldError::new(
                &format!("{path}.sets"),
                "too_many",
                format!("At most {MAX_SETS_PER_EXERCISE} sets."),
            ));
        }
        let sets: Vec<ValidSet> = e
            .sets
            .iter()
            .enumerate()
            .take(MAX_SETS_PER_EXERCISE)
            .filter_map(|(j, s)| validate_set(s, &format!("{path}.sets[{j}]"), errors))
            .collect();
        exercises.push(ValidExercise {
            exercise: exercise.to_owned(),
            sets,
        });
    }
    exercises
}

/// `PATCH /workouts/{id}` body. An absent field keeps its value; `"name": null` and
/// `"notes": null` clear (so does an empty string, as when logging). `started_at` follows the
/// logging rule (at most a day ahead). `exercises`, when given, has the shape of
/// [`WorkoutInput::exercises`] and replaces every set of the workout. `null` for `started_at`
/// or `exercises` is the same as leaving it out.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WorkoutPatch {
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub name: Option<Option<String>>,
    #[serde(
        default,
        deserialize_with = "present",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub notes: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exercises: Option<Vec<ExerciseInput>>,
}

/// A field that is present, even as `null`: `Some(None)`. Serde leaves absent fields to
/// `#[serde(default)]`, which gives `None`.
fn present<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A validated [`WorkoutPatch`]: `None` keeps, `Some(None)` clears.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidPatch {
    pub name: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    pub started_at: Option<DateTime<Utc>>,
    pub exercises: Option<Vec<ValidExercise>>,
}

/// Validates a change to a workout with the rules of [`validate_workout`] for what it gives.
pub fn validate_patch(
    input: &WorkoutPatch,
    now: DateTime<Utc>,
) -> Result<ValidPatch, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name = input
        .name
        .as_ref()
        .map(|n| text(n.as_deref(), "name", MAX_NAME_CHARS, &mut errors));
    let notes = input
        .notes
        .as_ref()
        .map(|n| text(n.as_deref(), "notes", MAX_NOTES_CHARS, &mut errors));
    if let Some(at) = input.started_at {
        check_start(at, now, &mut errors);
    }
    let exercises = input
        .exercises
        .as_deref()
        .map(|e| validate_exercises(e, &mut errors));
    if errors.is_empty() {
        Ok(ValidPatch {
            name,
            notes,
            started_at: input.started_at,
            exercises,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests;
