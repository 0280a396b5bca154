//! A user's own exercise, for what the catalog lacks ("Zercher squat", a gym's odd machine):
//! the name (and optionally a Hebrew one), its kind and how it is measured, validated. When a
//! kind or measure is not given it is guessed from the sets logged with it.

use serde::Deserialize;

use crate::domain::account::FieldError;
use crate::domain::scoring::SetFacts;
use crate::domain::training::{ExerciseKind, MeasuredBy};

pub const MAX_NAME_CHARS: usize = 100;

/// `POST /exercises` body.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CustomExerciseInput {
    pub name: String,
    /// Default: the same as `name`.
    pub name_he: Option<String>,
    /// strength, cardio, flexibility or bodyweight (default strength).
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub kind: Option<ExerciseKind>,
    /// reps_weight, reps, time or distance_time (default: what the kind usually records).
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub measured_by: Option<MeasuredBy>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValidCustomExercise {
    pub name_en: String,
    pub name_he: String,
    pub kind: ExerciseKind,
    pub measured_by: MeasuredBy,
}

fn check_name(field: &str, raw: &str, errors: &mut Vec<FieldError>) -> String {
    let name: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        errors.push(FieldError::new(
            field,
            "required",
            "Give the exercise a name.",
        ));
    } else if name.chars().count() > MAX_NAME_CHARS {
        errors.push(FieldError::new(
            field,
            "too_long",
            format!("At most {MAX_NAME_CHARS} characters."),
        ));
    } else if name.chars().any(char::is_control) {
        errors.push(FieldError::new(
            field,
            "invalid",
            "The name has control characters.",
        ));
    }
    name
}

pub fn validate_custom(
    input: &CustomExerciseInput,
) -> Result<ValidCustomExercise, Vec<FieldError>> {
    let mut errors = Vec::new();
    let name_en = check_name("name", &input.name, &mut errors);
    let name_he = match input.name_he.as_deref().filter(|n| !n.trim().is_empty()) {
        Some(he) => check_name("name_he", he, &mut errors),
        None => name_en.clone(),
    };
    let kind = input.kind.unwrap_or_default();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(ValidCustomExercise {
        name_en,
        name_he,
        kind,
        measured_by: input.measured_by.unwrap_or(usual_measure(kind)),
    })
}

/// What an exercise of this kind usually records.
pub fn usual_measure(kind: ExerciseKind) -> MeasuredBy {
    match kind {
        ExerciseKind::Strength => MeasuredBy::RepsWeight,
        ExerciseKind::Bodyweight => MeasuredBy::Reps,
        ExerciseKind::Cardio => MeasuredBy::DistanceTime,
        ExerciseKind::Flexibility => MeasuredBy::Time,
    }
}

/// The kind and measure of an unknown exercise, from the sets logged with it: a weight makes
/// it strength, else a distance cardio, else reps bodyweight, else a timed hold.
pub fn guess_from_sets<'a>(
    sets: impl IntoIterator<Item = &'a SetFacts>,
) -> (ExerciseKind, MeasuredBy) {
    let (mut weight, mut distance, mut reps) = (false, false, false);
    for s in sets {
        weight |= s.weight_kg.is_some();
        distance |= s.distance_m.is_some();
        reps |= s.reps.is_some();
    }
    let kind = if weight {
        ExerciseKind::Strength
    } else if distance {
        ExerciseKind::Cardio
    } else if reps {
        ExerciseKind::Bodyweight
    } else {
        ExerciseKind::Flexibility
    };
    (kind, usual_measure(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_tidied_and_checked() {
        let v = validate_custom(&CustomExerciseInput {
            name: "  Zercher   squat ".into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(
            (v.name_en.as_str(), v.name_he.as_str()),
            ("Zercher squat", "Zercher squat")
        );
        assert_eq!(
            (v.kind, v.measured_by),
            (ExerciseKind::Strength, MeasuredBy::RepsWeight)
        );
        let v = validate_custom(&CustomExerciseInput {
            name: "Sled push".into(),
            name_he: Some("דחיפת מזחלת".into()),
            kind: Some(ExerciseKind::Cardio),
            measured_by: None,
        })
        .unwrap();
        assert_eq!(v.name_he, "דחיפת מזחלת");
        assert_eq!(v.measured_by, MeasuredBy::DistanceTime);
        let errors = validate_custom(&CustomExerciseInput {
            name: " ".into(),
            name_he: Some("x".repeat(101)),
            ..Default::default()
        })
        .unwrap_err();
        let fields: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect();
        assert_eq!(fields, vec![("name", "required"), ("name_he", "too_long")]);
        assert!(
            validate_custom(&CustomExerciseInput {
                name: "a\u{7}b".into(),
                ..Default::default()
            })
            .is_err()
        );
    }

    #[test]
    fn the_sets_tell_what_an_exercise_is() {
        let set = |reps, weight_kg, distance_m, duration_s| SetFacts {
            reps,
            weight_kg,
            distance_m,
            duration_s,
            ..SetFacts::default()
        };
        assert_eq!(
            guess_from_sets(&[set(Some(5), Some(60.0), None, None)]).0,
            ExerciseKind::Strength
        );
        assert_eq!(
            guess_from_sets(&[set(None, None, Some(400.0), Some(90))]),
            (ExerciseKind::Cardio, MeasuredBy::DistanceTime)
        );
        assert_eq!(
            guess_from_sets(&[set(Some(12), None, None, None)]),
            (ExerciseKind::Bodyweight, MeasuredBy::Reps)
        );
        assert_eq!(
            guess_from_sets(&[set(None, None, None, Some(60))]),
            (ExerciseKind::Flexibility, MeasuredBy::Time)
        );
    }
}
