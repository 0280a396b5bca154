//! Importing Strong, Hevy and FitNotes CSV exports (a Spotter export is restored by
//! `services::restore`): parse (domain), resolve exercise names (unmatched
//! names become custom exercises), turn local export times into UTC with the user's (or the
//! given) time zone, and store everything in one transaction, skipping workouts already
//! imported (`source_ref`). A file with any bad line is refused whole unless the caller asks
//! to skip them (`skip_invalid`: the good rows are imported, the skipped lines listed); a dry
//! run reports what would happen, bad lines and warnings included, and writes nothing.
//! Warnings (a workout timer left running) never stop an import: what they name is dropped.

use std::collections::{BTreeSet, HashMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::recompute::recompute;
use crate::domain::catalog::{best_match, catalog};
use crate::domain::custom_exercise::{ValidCustomExercise, guess_from_sets};
use crate::domain::import::{
    Format, FormatChoice, LineError, LineGroup, ParseOptions, ParsedSet, grouped, parse_with,
};
use crate::domain::scoring::SetFacts;
use crate::domain::scoring::points::{set_points, workout_points};
use crate::domain::training::WorkoutSource;
use crate::domain::workout::{ValidSet, workout_kind};
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::users::User;
use crate::server::db::workouts::{self, NewSet, NewWorkout};
use crate::server::db::{Db, Id, on_db};
use crate::server::local_time::to_utc;

/// At most this many line errors are returned; the count says how many there were.
pub const MAX_REPORTED_ERRORS: usize = 500;

#[derive(Clone, Debug, Default, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ImportReport {
    /// The app that wrote the file (told by its header with `format=auto`).
    #[serde(default)]
    #[schema(value_type = String)]
    pub format: Format,
    pub dry_run: bool,
    /// Workouts stored (or that would be), duplicates excluded.
    pub workouts: usize,
    pub sets: usize,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Names in the file that match no exercise: they become custom exercises.
    pub new_exercises: Vec<String>,
    /// Workouts already imported before (skipped).
    pub duplicates: usize,
    /// Lines whose set cannot be read: they refuse the file, or with `skip_invalid` they are
    /// the lines skipped.
    #[schema(value_type = Vec<Object>)]
    pub errors: Vec<LineError>,
    pub error_count: usize,
    /// Lines imported with something dropped, grouped by what ("workout duration 105h 45m
    /// ignored").
    #[serde(default)]
    pub warnings: Vec<LineGroup>,
    #[serde(default)]
    pub warning_count: usize,
    /// Lines left out because `skip_invalid` was asked (they are the `errors`).
    #[serde(default)]
    pub skipped: usize,
    /// Restoring a Spotter export: goals and plan items stored (or that would be), those
    /// already in the account excluded.
    #[serde(default)]
    pub goals: usize,
    #[serde(default)]
    pub plan_items: usize,
}

/// How to run an import: the export's time zone (default: the user's), a dry run, and whether
/// bad lines are skipped rather than refusing the file.
#[derive(Clone, Copy, Debug, Default)]
pub struct ImportRun {
    pub tz: Option<chrono_tz::Tz>,
    pub dry_run: bool,
    pub skip_invalid: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// `format=auto` and the header is no export Spotter reads.
    #[error("{}", .0.message)]
    UnknownFormat(LineError),
    #[error("the file has {} bad lines", .0.error_count)]
    BadRows(ImportReport),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

fn valid(s: &ParsedSet) -> ValidSet {
    ValidSet {
        set_type: s.set_type,
        reps: s.reps,
        weight_kg: s.weight_kg,
        distance_m: s.distance_m,
        duration_s: s.duration_s,
        rpe: s.rpe.map(f64::from),
        notes: s.notes.clone(),
    }
}

/// Parses the file and maps each exercise name to an existing exercise (catalog or the user's
/// custom ones, `known`); the names that match nothing are returned apart.
fn read_and_match(
    format: Format,
    bytes: &[u8],
    options: ParseOptions,
    known: &[ExerciseRow],
) -> (
    crate::domain::import::ParsedImport,
    crate::domain::import::ImportSummary,
    HashMap<String, Id>,
    BTreeSet<String>,
) {
    let parsed = parse_with(format, bytes, options);
    let summary = parsed.summary();
    let custom_targets = exercises::custom_match_targets(known);
    let mut resolved: HashMap<String, Id> = HashMap::new();
    let mut unmatched: BTreeSet<String> = BTreeSet::new();
    for name in &summary.exercise_names {
        let hit = best_match(name, custom_targets.iter().chain(catalog().match_targets()))
            .and_then(|c| {
                known
                    .iter()
                    .find(|e| e.slug == c.slug || e.id.as_str() == c.slug)
            });
        match hit {
            Some(row) => {
                resolved.insert(name.clone(), row.id.clone());
            }
            None => {
                unmatched.insert(name.clone());
            }
        }
    }
    (parsed, summary, resolved, unmatched)
}

pub async fn import(
    db: &Db,
    user: &User,
    format: FormatChoice,
    bytes: &[u8],
    run: ImportRun,
) -> Result<ImportReport, ImportError> {
    let format = format.resolve(bytes).map_err(ImportError::UnknownFormat)?;
    let source = match format {
        Format::Strong => WorkoutSource::ImportStrong,
        Format::Hevy => WorkoutSource::ImportHevy,
        Format::FitNotes => WorkoutSource::ImportFitNotes,
        Format::Spotter => return super::restore::restore(db, user, bytes, run).await,
    };
    let ImportRun {
        tz,
        dry_run,
        skip_invalid,
    } = run;
    let tz = tz.unwrap_or_else(|| user.zone());
    let known: Vec<ExerciseRow> = exercises::all_for_user(db, &user.id).await?;
    // Parsing and name matching are CPU work (a 20 MiB file, a typo-tolerant matcher): off the
    // async runtime, so other requests are not held up while a big export is read.
    let options = ParseOptions {
        assumed_units: user.units,
    };
    let (bytes, rows) = (bytes.to_vec(), known.clone());
    let (parsed, summary, resolved, unmatched) =
        tokio::task::spawn_blocking(move || read_and_match(format, &bytes, options, &rows))
            .await
            .map_err(|e| sqlx::Error::Protocol(format!("import worker failed: {e}")))?;
    let mut resolved = resolved;

    let existing: HashSet<String> = on_db!(db, pool => sqlx::query_scalar::<_, String>(
        "SELECT source_ref FROM workout_sessions WHERE user_id = $1 AND source_ref IS NOT NULL")
        .bind(&user.id).fetch_all(pool).await)?
    .into_iter()
    .collect();
    let fresh: Vec<_> = parsed
        .workouts
        .iter()
        .filter(|w| !existing.contains(&w.source_ref))
        .collect();
    let error_count = parsed.errors.len();
    let mut report = ImportReport {
        format,
        dry_run,
        workouts: fresh.len(),
        sets: fresh.iter().map(|w| w.sets.len()).sum(),
        from: summary.from,
        to: summary.to,
        new_exercises: unmatched.iter().cloned().collect(),
        duplicates: parsed.workouts.len() - fresh.len(),
        errors: parsed
            .errors
            .into_iter()
            .take(MAX_REPORTED_ERRORS)
            .collect(),
        error_count,
        warnings: grouped(&parsed.warnings),
        warning_count: parsed.warnings.len(),
        skipped: if skip_invalid { error_count } else { 0 },
        ..ImportReport::default()
    };
    if error_count > 0 && !skip_invalid {
        return if dry_run {
            Ok(report)
        } else {
            Err(ImportError::BadRows(report))
        };
    }
    if dry_run || fresh.is_empty() {
        return Ok(report);
    }

    for name in &unmatched {
        let facts: Vec<SetFacts> = fresh
            .iter()
            .flat_map(|w| &w.sets)
            .filter(|s| &s.exercise_name == name)
            .map(|s| valid(s).facts())
            .collect();
        let (kind, measured_by) = guess_from_sets(&facts);
        let exercise = ValidCustomExercise {
            name_en: name.trim().to_owned(),
            name_he: name.trim().to_owned(),
            kind,
            measured_by,
        };
        let row = exercises::create_custom(db, &user.id, &exercise).await?;
        resolved.insert(name.clone(), row.id);
    }
    let mut new_workouts = Vec::with_capacity(fresh.len());
    for w in &fresh {
        let mut sets = Vec::with_capacity(w.sets.len());
        for s in &w.sets {
            let Some(exercise_id) = resolved.get(&s.exercise_name) else {
                continue;
            };
            let v = valid(s);
            sets.push(NewSet {
                exercise_id: exercise_id.clone(),
                set_index: s.set_index,
                points: set_points(&v.facts()),
                set: v,
            });
        }
        let facts: Vec<SetFacts> = sets.iter().map(|s| s.set.facts()).collect();
        new_workouts.push(NewWorkout {
            source,
            source_ref: Some(w.source_ref.clone()),
            name: w.name.clone(),
            kind: workout_kind(sets.iter().map(|s| &s.set)),
            started_at: to_utc(tz, w.started_at),
            ended_at: w.ended_at.map(|e| to_utc(tz, e)),
            duration_s: w.duration_s.map(i64::from),
            notes: w.notes.clone(),
            points: workout_points(&facts),
            sets,
        });
    }
    let inserted = workouts::insert_many(db, &user.id, &new_workouts, true).await?;
    report.workouts = inserted.len();
    recompute(db, user).await?;
    Ok(report)
}
