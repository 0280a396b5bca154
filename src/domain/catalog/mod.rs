//! The built-in exercise catalog and the name matcher. Pure data and functions, no I/O: the server
//! upserts [`catalog()`] by slug at start-up (a data file, not a migration), and the NL parser and
//! the Strong/Hevy importer resolve names with [`match_exercise`] / [`best_match`] over the
//! catalog's [`MatchTarget`]s chained with the user's custom exercises.
//!
//! - `exercises.json`: ~200 exercises with English and Hebrew names and aliases, kind, muscles,
//!   equipment and measurement. Bump its `version` with every change; never change a slug.
//!   Hebrew names credited to wger are listed in `SOURCES.md` beside it.
//! - [`CatalogExercise`], [`Muscle`], [`Equipment`]: the shape of an entry.
//! - [`validate`]: the rules the file keeps (a unit test runs it).
//! - [`normalize`]: case, accent, niqqud and punctuation folding; Hebrew prefixes and plurals.
//!   `forms` builds the comparable forms of a name on top of it.
//! - [`match_exercise`], [`best_match`]: ranked, confidence-scored matching.

mod exercise;
mod forms;
mod matcher;
mod normalize;
mod validate;

pub use exercise::{CatalogExercise, Equipment, Muscle};
pub use matcher::{
    AMBIGUITY_MARGIN, AUTO_ACCEPT, Candidate, MAX_CANDIDATES, MIN_CONFIDENCE, MatchTarget,
    best_match, match_exercise,
};
pub use normalize::{is_hebrew, normalize};
pub use validate::{CatalogProblem, MIN_EXERCISES, validate};

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// The versioned data file, compiled into the binary (and the wasm, if the client uses it).
pub const EXERCISES_JSON: &str = include_str!("exercises.json");

/// The parsed catalog with its lookup index and prepared match targets.
#[derive(Clone, Debug)]
pub struct Catalog {
    version: u32,
    exercises: Vec<CatalogExercise>,
    by_slug: HashMap<String, usize>,
    targets: Vec<MatchTarget>,
    /// Every word of every name and alias, normalized.
    vocabulary: std::collections::HashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    version: u32,
    exercises: Vec<CatalogExercise>,
}

impl Catalog {
    /// Parses a catalog file. It does not [`validate`] it: a duplicate slug keeps its first entry.
    pub fn parse(json: &str) -> Result<Catalog, serde_json::Error> {
        let file: CatalogFile = serde_json::from_str(json)?;
        let mut by_slug = HashMap::with_capacity(file.exercises.len());
        for (i, exercise) in file.exercises.iter().enumerate() {
            by_slug.entry(exercise.slug.clone()).or_insert(i);
        }
        let targets = file.exercises.iter().map(target_of).collect();
        let vocabulary = file
            .exercises
            .iter()
            .flat_map(CatalogExercise::names)
            .flat_map(|name| {
                normalize(name)
                    .split_whitespace()
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        Ok(Catalog {
            version: file.version,
            exercises: file.exercises,
            by_slug,
            targets,
            vocabulary,
        })
    }

    /// Goes up whenever an entry changes, so the start-up upsert can skip an unchanged catalog.
    pub fn version(&self) -> u32 {
        self.version
    }

    /// In file order: by equipment, the commonest movements first within each group.
    pub fn exercises(&self) -> &[CatalogExercise] {
        &self.exercises
    }

    pub fn get(&self, slug: &str) -> Option<&CatalogExercise> {
        self.by_slug.get(slug).map(|&i| &self.exercises[i])
    }

    /// The catalog as match targets, in file order; chain the user's custom exercises after them.
    pub fn match_targets(&self) -> &[MatchTarget] {
        &self.targets
    }

    /// Is `word` part of some exercise's name ("incline", "לחיצת", "curls")? A word that is
    /// not ("hit", "felt", "anyway") may be dropped from around a name. Plurals and Hebrew
    /// prefixes count as the word.
    pub fn knows_word(&self, word: &str) -> bool {
        let w = normalize(word);
        let known = |w: &str| self.vocabulary.contains(w);
        known(&w)
            || w.strip_suffix('s').is_some_and(known)
            || w.strip_suffix("es").is_some_and(known)
            || w.strip_suffix("ים")
                .is_some_and(|s| known(s) || known(&format!("{s}ה")))
            || w.strip_suffix("ות")
                .is_some_and(|s| known(s) || known(&format!("{s}ה")) || known(&format!("{s}ת")))
            || w.strip_prefix(['ב', 'ה', 'ו', 'ל', 'ש', 'מ'])
                .filter(|r| r.chars().count() >= 2)
                .is_some_and(|r| self.knows_word(r))
    }

    /// [`match_exercise`] over the catalog alone.
    pub fn find(&self, query: &str, limit: usize) -> Vec<Candidate> {
        match_exercise(query, &self.targets, limit)
    }
}

fn target_of(exercise: &CatalogExercise) -> MatchTarget {
    let aliases = exercise.aliases_en.iter().chain(&exercise.aliases_he);
    MatchTarget::new(
        exercise.slug.clone(),
        exercise.name_en.clone(),
        exercise.name_he.clone(),
        aliases,
    )
}

/// The embedded catalog, parsed on first use.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        // The file is part of the build and a unit test parses and validates it.
        Catalog::parse(EXERCISES_JSON).expect("src/domain/catalog/exercises.json parses")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::training::{ExerciseKind, MeasuredBy};

    #[test]
    fn the_embedded_catalog_parses_and_looks_up_by_slug() {
        let catalog = catalog();
        assert!(catalog.version() >= 1);
        assert!(
            catalog.exercises().len() >= 160,
            "{}",
            catalog.exercises().len()
        );
        assert_eq!(catalog.match_targets().len(), catalog.exercises().len());
        let squat = catalog.get("back-squat").expect("back squat");
        assert_eq!(squat.name_he, "סקוואט עם מוט");
        assert_eq!(squat.equipment, Equipment::Barbell);
        assert_eq!(squat.measured_by, MeasuredBy::RepsWeight);
        assert!(squat.primary_muscles.contains(&Muscle::Quads));
        let plank = catalog.get("plank").expect("plank");
        assert_eq!(
            (plank.kind, plank.measured_by),
            (ExerciseKind::Bodyweight, MeasuredBy::Time)
        );
        let running = catalog.get("running").expect("running");
        assert_eq!(
            (running.kind, running.measured_by),
            (ExerciseKind::Cardio, MeasuredBy::DistanceTime)
        );
        assert!(catalog.get("no-such-exercise").is_none());
    }

    #[test]
    fn parsing_rejects_unknown_fields_and_values() {
        let entry = r#"{"slug":"x","name_en":"X","name_he":"א","aliases_en":[],"aliases_he":[],
            "kind":"strength","primary_muscles":["chest"],"secondary_muscles":[],
            "equipment":"barbell","measured_by":"reps_weight""#;
        let ok = format!(r#"{{"version":1,"exercises":[{entry}}}]}}"#);
        assert!(Catalog::parse(&ok).is_ok());
        let extra = format!(r#"{{"version":1,"exercises":[{entry},"level":3}}]}}"#);
        assert!(Catalog::parse(&extra).is_err());
        let bad_muscle = ok.replace(r#"["chest"]"#, r#"["pecs"]"#);
        assert!(Catalog::parse(&bad_muscle).is_err());
    }

    #[test]
    fn catalog_find_ranks_catalog_names() {
        let found = catalog().find("bench press", MAX_CANDIDATES);
        assert_eq!(found[0].slug, "bench-press");
        assert_eq!(found[0].confidence, 1.0);
        assert!(found.len() > 1 && found.len() <= MAX_CANDIDATES);
    }
}
