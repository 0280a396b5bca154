//! The rules `exercises.json` must keep, checked by a unit test so a bad edit fails CI rather than
//! a start-up upsert: enough exercises, stable kebab-case slugs, real names in both languages, no
//! name that could mean two exercises, and a measurement that fits each kind.

use super::exercise::{CatalogExercise, Equipment, Muscle};
use super::normalize::{is_hebrew, normalize};
use crate::domain::training::{ExerciseKind, MeasuredBy};
use std::collections::{HashMap, HashSet};

/// The issue asks for at least 150 real, distinct exercises.
pub const MIN_EXERCISES: usize = 150;
/// Slug words of exercises held for a time rather than repeated (plank, dead hang, hollow hold).
const TIMED_SLUG_WORDS: [&str; 3] = ["plank", "hang", "hold"];

/// One broken rule. The catalog is fine when [`validate`] returns none.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CatalogProblem {
    #[error("the catalog has {0} exercises; it needs at least {MIN_EXERCISES}")]
    TooFew(usize),
    #[error("slug `{0}` is not kebab-case (a-z, 0-9, single hyphens)")]
    BadSlug(String),
    #[error("slug `{0}` is used more than once")]
    DuplicateSlug(String),
    #[error("`{slug}`: the name `{name}` is empty or has nothing matchable in it")]
    EmptyName { slug: String, name: String },
    #[error("`{slug}`: the Hebrew name `{name}` has no Hebrew letters")]
    NotHebrew { slug: String, name: String },
    #[error("`{slug}`: the English name `{name}` has Hebrew letters or no letters")]
    NotEnglish { slug: String, name: String },
    #[error("`{name}` names both `{first}` and `{second}` once normalized")]
    SharedName {
        name: String,
        first: String,
        second: String,
    },
    #[error("`{0}` has no primary muscle")]
    NoPrimaryMuscle(String),
    #[error("`{slug}` lists `{muscle}` twice")]
    RepeatedMuscle { slug: String, muscle: Muscle },
    #[error("`{slug}`: a {kind} exercise is not measured by {measured_by}")]
    Measurement {
        slug: String,
        kind: ExerciseKind,
        measured_by: MeasuredBy,
    },
    #[error("`{0}` is held for a time, so it is measured by time")]
    NotTimed(String),
    #[error("`{0}` is cardio, so `cardiovascular` is a primary muscle")]
    CardioWithoutHeart(String),
    #[error("`{0}` uses a cardio machine but is not cardio")]
    CardioMachine(String),
    #[error("no exercise is `{0}`")]
    Unused(String),
}

/// Every rule the exercises break, in file order; empty when the catalog is sound.
pub fn validate(exercises: &[CatalogExercise]) -> Vec<CatalogProblem> {
    let mut problems = Vec::new();
    if exercises.len() < MIN_EXERCISES {
        problems.push(CatalogProblem::TooFew(exercises.len()));
    }
    let mut slugs = HashSet::new();
    let mut owners: HashMap<String, &str> = HashMap::new();
    for exercise in exercises {
        let slug = exercise.slug.as_str();
        if !is_kebab_case(slug) {
            problems.push(CatalogProblem::BadSlug(slug.to_owned()));
        }
        if !slugs.insert(slug) {
            problems.push(CatalogProblem::DuplicateSlug(slug.to_owned()));
        }
        check_languages(exercise, &mut problems);
        for name in exercise.names() {
            let normalized = normalize(name);
            if normalized.is_empty() {
                continue;
            }
            if let Some(first) = owners.insert(normalized, slug) {
                problems.push(CatalogProblem::SharedName {
                    name: name.to_owned(),
                    first: first.to_owned(),
                    second: slug.to_owned(),
                });
            }
        }
        check_muscles(exercise, &mut problems);
        check_measurement(exercise, &mut problems);
    }
    for kind in ExerciseKind::ALL {
        if !exercises.iter().any(|e| e.kind == *kind) {
            problems.push(CatalogProblem::Unused(kind.to_string()));
        }
    }
    for measured_by in MeasuredBy::ALL {
        if !exercises.iter().any(|e| e.measured_by == *measured_by) {
            problems.push(CatalogProblem::Unused(measured_by.to_string()));
        }
    }
    problems
}

fn is_kebab_case(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

fn check_languages(exercise: &CatalogExercise, problems: &mut Vec<CatalogProblem>) {
    let slug = &exercise.slug;
    for name in exercise.names() {
        if normalize(name).is_empty() {
            problems.push(CatalogProblem::EmptyName {
                slug: slug.clone(),
                name: name.to_owned(),
            });
        }
    }
    let hebrew = std::iter::once(&exercise.name_he).chain(&exercise.aliases_he);
    for name in hebrew.filter(|name| !is_hebrew(name)) {
        problems.push(CatalogProblem::NotHebrew {
            slug: slug.clone(),
            name: name.clone(),
        });
    }
    let english = std::iter::once(&exercise.name_en).chain(&exercise.aliases_en);
    for name in
        english.filter(|name| is_hebrew(name) || !name.chars().any(|c| c.is_ascii_alphabetic()))
    {
        problems.push(CatalogProblem::NotEnglish {
            slug: slug.clone(),
            name: name.clone(),
        });
    }
}

fn check_muscles(exercise: &CatalogExercise, problems: &mut Vec<CatalogProblem>) {
    if exercise.primary_muscles.is_empty() {
        problems.push(CatalogProblem::NoPrimaryMuscle(exercise.slug.clone()));
    }
    let mut seen = HashSet::new();
    for muscle in exercise
        .primary_muscles
        .iter()
        .chain(&exercise.secondary_muscles)
    {
        if !seen.insert(*muscle) {
            problems.push(CatalogProblem::RepeatedMuscle {
                slug: exercise.slug.clone(),
                muscle: *muscle,
            });
        }
    }
}

fn check_measurement(exercise: &CatalogExercise, problems: &mut Vec<CatalogProblem>) {
    use ExerciseKind as K;
    use MeasuredBy as M;
    let slug = &exercise.slug;
    let fits = match exercise.kind {
        K::Strength => matches!(exercise.measured_by, M::RepsWeight | M::Reps),
        K::Bodyweight => matches!(exercise.measured_by, M::Reps | M::Time),
        K::Cardio => matches!(exercise.measured_by, M::DistanceTime | M::Time),
        K::Flexibility => matches!(exercise.measured_by, M::Time | M::Reps),
    };
    if !fits {
        problems.push(CatalogProblem::Measurement {
            slug: slug.clone(),
            kind: exercise.kind,
            measured_by: exercise.measured_by,
        });
    }
    let held = slug.split('-').any(|word| TIMED_SLUG_WORDS.contains(&word));
    if held && exercise.measured_by != M::Time {
        problems.push(CatalogProblem::NotTimed(slug.clone()));
    }
    if exercise.kind == K::Cardio && !exercise.primary_muscles.contains(&Muscle::Cardiovascular) {
        problems.push(CatalogProblem::CardioWithoutHeart(slug.clone()));
    }
    if exercise.equipment == Equipment::CardioMachine && exercise.kind != K::Cardio {
        problems.push(CatalogProblem::CardioMachine(slug.clone()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::catalog;

    #[test]
    fn the_embedded_catalog_keeps_every_rule() {
        let problems = validate(catalog().exercises());
        let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(problems.is_empty(), "{}", listed.join("\n"));
    }

    fn sample() -> CatalogExercise {
        catalog()
            .get("plank")
            .cloned()
            .expect("plank is in the catalog")
    }

    #[test]
    fn each_broken_rule_is_reported() {
        let bench = catalog().get("bench-press").cloned().expect("bench press");
        let cases: Vec<(CatalogExercise, CatalogProblem)> = vec![
            (
                CatalogExercise {
                    slug: "Side_Plank".into(),
                    ..sample()
                },
                CatalogProblem::BadSlug("Side_Plank".into()),
            ),
            (
                CatalogExercise {
                    name_he: "Plank".into(),
                    ..sample()
                },
                CatalogProblem::NotHebrew {
                    slug: "plank".into(),
                    name: "Plank".into(),
                },
            ),
            (
                CatalogExercise {
                    aliases_en: vec!["פלאנק ארוך".into()],
                    ..sample()
                },
                CatalogProblem::NotEnglish {
                    slug: "plank".into(),
                    name: "פלאנק ארוך".into(),
                },
            ),
            (
                CatalogExercise {
                    name_en: " () ".into(),
                    ..sample()
                },
                CatalogProblem::EmptyName {
                    slug: "plank".into(),
                    name: " () ".into(),
                },
            ),
            (
                CatalogExercise {
                    aliases_en: vec!["Bench Press".into()],
                    ..sample()
                },
                CatalogProblem::SharedName {
                    name: "Bench Press".into(),
                    first: "bench-press".into(),
                    second: "plank".into(),
                },
            ),
            (
                CatalogExercise {
                    measured_by: MeasuredBy::Reps,
                    ..sample()
                },
                CatalogProblem::NotTimed("plank".into()),
            ),
            (
                CatalogExercise {
                    measured_by: MeasuredBy::DistanceTime,
                    ..sample()
                },
                CatalogProblem::Measurement {
                    slug: "plank".into(),
                    kind: ExerciseKind::Bodyweight,
                    measured_by: MeasuredBy::DistanceTime,
                },
            ),
            (
                CatalogExercise {
                    primary_muscles: vec![],
                    ..sample()
                },
                CatalogProblem::NoPrimaryMuscle("plank".into()),
            ),
            (
                CatalogExercise {
                    secondary_muscles: vec![Muscle::Abs],
                    ..sample()
                },
                CatalogProblem::RepeatedMuscle {
                    slug: "plank".into(),
                    muscle: Muscle::Abs,
                },
            ),
            (
                CatalogExercise {
                    kind: ExerciseKind::Cardio,
                    measured_by: MeasuredBy::Time,
                    ..sample()
                },
                CatalogProblem::CardioWithoutHeart("plank".into()),
            ),
        ];
        for (broken, want) in cases {
            let problems = validate(&[bench.clone(), broken.clone()]);
            assert!(problems.contains(&want), "{want} not in {problems:?}");
        }
        let twice = validate(&[bench.clone(), bench]);
        assert!(twice.contains(&CatalogProblem::DuplicateSlug("bench-press".into())));
        assert!(twice.contains(&CatalogProblem::TooFew(2)));
        assert!(twice.contains(&CatalogProblem::Unused("cardio".into())));
    }
}
