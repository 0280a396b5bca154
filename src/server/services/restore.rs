//! Restoring a Spotter account export (`format=spotter`): the workouts, sets, custom
//! exercises, goals, plan items and exercise words of `GET /me/export` go into an account,
//! which may be another account or another instance. Idempotent: a workout already there (the
//! same `source_ref`, or for one logged in Spotter the same start), a goal with the same type,
//! exercise, window and target, a plan item with the same title and creation time, and a
//! custom exercise of the same name are not written twice. Records, achievements and points
//! are recomputed from the restored log. Bad entries refuse the file unless `skip_invalid`,
//! as for a CSV export; a dry run writes nothing.

use std::collections::HashMap;

use super::import::{ImportError, ImportReport, ImportRun, MAX_REPORTED_ERRORS};
use super::log::local_day_fn;
use super::recompute::recompute;
use crate::domain::catalog::normalize;
use crate::domain::import::spotter::{self, ExerciseRef, Restore};
use crate::domain::import::{Format, LineError, grouped};
use crate::domain::scoring::SetFacts;
use crate::domain::scoring::points::{set_points, workout_points};
use crate::domain::workout::workout_kind;
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::restore::{self as store, Rows, goal_key};
use crate::server::db::users::User;
use crate::server::db::workouts::{NewSet, NewWorkout};
use crate::server::db::{Db, Id};

/// The account's exercise for each reference of the file; `None` for a catalog slug this
/// instance does not know (or a custom exercise still to create, see [`restore`]).
fn resolve(r: &ExerciseRef, known: &[ExerciseRow], customs: &HashMap<String, Id>) -> Option<Id> {
    match r {
        ExerciseRef::Custom(file_id) => customs.get(file_id).cloned(),
        ExerciseRef::Catalog(slug) => known
            .iter()
            .find(|e| !e.is_custom() && &e.slug == slug)
            .map(|e| e.id.clone()),
    }
}

fn report_of(restore: &Restore, run: ImportRun) -> ImportReport {
    let error_count = restore.errors.len();
    ImportReport {
        format: Format::Spotter,
        dry_run: run.dry_run,
        workouts: restore.workouts.len(),
        sets: restore.sets(),
        errors: restore
            .errors
            .iter()
            .take(MAX_REPORTED_ERRORS)
            .cloned()
            .collect(),
        error_count,
        warnings: grouped(&restore.warnings),
        warning_count: restore.warnings.len(),
        skipped: if run.skip_invalid { error_count } else { 0 },
        ..ImportReport::default()
    }
}

pub async fn restore(
    db: &Db,
    user: &User,
    bytes: &[u8],
    run: ImportRun,
) -> Result<ImportReport, ImportError> {
    let owned = bytes.to_vec();
    let read = tokio::task::spawn_blocking(move || spotter::read(&owned))
        .await
        .map_err(|e| sqlx::Error::Protocol(format!("restore worker failed: {e}")))?;
    let mut file = match read {
        Ok(file) => file,
        Err(e) => {
            let mut report = report_of(&Restore::default(), run);
            report.errors = vec![e];
            report.error_count = 1;
            return Err(ImportError::BadRows(report));
        }
    };
    let known = exercises::all_for_user(db, &user.id).await?;
    // Custom exercises: one of the same name (any case) is reused, the others are created.
    let mut customs: HashMap<String, Id> = HashMap::new();
    let mut to_create = Vec::new();
    for c in &file.custom_exercises {
        let same = known.iter().find(|e| {
            e.is_custom() && e.name_en.to_lowercase() == c.exercise.name_en.to_lowercase()
        });
        match same {
            Some(e) => {
                customs.insert(c.file_id.clone(), e.id.clone());
            }
            None => to_create.push(c),
        }
    }
    // A set naming a catalog lift this instance lacks (an export from a newer catalog) is a
    // bad entry like any other: its workout is left out, said with its position.
    let mut unknown = Vec::new();
    file.workouts = std::mem::take(&mut file.workouts)
        .into_iter()
        .enumerate()
        .filter_map(|(i, w)| {
            let missing = w.sets.iter().find_map(|s| match &s.exercise {
                ExerciseRef::Catalog(slug) if resolve(&s.exercise, &known, &customs).is_none() => {
                    Some(slug.clone())
                }
                _ => None,
            });
            match missing {
                Some(slug) => {
                    unknown.push(LineError::new(
                        i + 1,
                        format!(
                            "workout {}: the exercise \"{slug}\" is not in this catalog",
                            i + 1
                        ),
                    ));
                    None
                }
                None => Some(w),
            }
        })
        .collect();
    file.errors.extend(unknown);
    file.errors.sort_by_key(|e| e.line);

    let present = store::present(db, &user.id).await?;
    let fresh: Vec<_> = file
        .workouts
        .iter()
        .filter(|w| match &w.source_ref {
            Some(r) => !present.source_refs.contains(r),
            None => !present.starts.contains(&w.started_at),
        })
        .collect();
    let local_day = local_day_fn(user);
    let mut report = report_of(&file, run);
    report.workouts = fresh.len();
    report.sets = fresh.iter().map(|w| w.sets.len()).sum();
    report.duplicates = file.workouts.len() - fresh.len();
    report.from = fresh.iter().map(|w| local_day(&w.started_at)).min();
    report.to = fresh.iter().map(|w| local_day(&w.started_at)).max();
    report.new_exercises = to_create
        .iter()
        .map(|c| c.exercise.name_en.clone())
        .collect();
    if report.error_count > 0 && !run.skip_invalid {
        return if run.dry_run {
            Ok(report)
        } else {
            Err(ImportError::BadRows(report))
        };
    }
    // Goals and plan items: counted in a dry run too, so the preview says what comes.
    let goal_exercise = |g: &spotter::RestoredGoal, customs: &HashMap<String, Id>| {
        g.exercise.as_ref().map(|r| resolve(r, &known, customs))
    };
    let new_goal = |g: &spotter::RestoredGoal, customs: &HashMap<String, Id>| {
        match goal_exercise(g, customs) {
            // A goal on a lift this catalog lacks cannot be kept.
            Some(None) => false,
            Some(Some(id)) => !present.goals.contains(&goal_key(g, Some(&id))),
            None => !present.goals.contains(&goal_key(g, None)),
        }
    };
    let plan_items: Vec<_> = file
        .plan_items
        .iter()
        .filter(|p| {
            !present
                .plan_items
                .contains(&(p.title.clone(), p.created_at))
        })
        .collect();
    report.plan_items = plan_items.len();
    if run.dry_run {
        // Goals on custom exercises still to create are new by definition.
        report.goals = file
            .goals
            .iter()
            .filter(|g| match &g.exercise {
                Some(ExerciseRef::Custom(id)) if !customs.contains_key(id) => true,
                _ => new_goal(g, &customs),
            })
            .count();
        return Ok(report);
    }

    for c in to_create {
        let row = exercises::create_custom(db, &user.id, &c.exercise).await?;
        customs.insert(c.file_id.clone(), row.id);
    }
    let new_workouts: Vec<NewWorkout> = fresh
        .iter()
        .map(|w| {
            let sets: Vec<NewSet> = w
                .sets
                .iter()
                .filter_map(|s| {
                    Some(NewSet {
                        exercise_id: resolve(&s.exercise, &known, &customs)?,
                        set_index: s.set_index,
                        points: set_points(&s.set.facts()),
                        set: s.set.clone(),
                    })
                })
                .collect();
            let facts: Vec<SetFacts> = sets.iter().map(|s| s.set.facts()).collect();
            NewWorkout {
                source: w.source,
                source_ref: w.source_ref.clone(),
                name: w.name.clone(),
                kind: workout_kind(sets.iter().map(|s| &s.set)),
                started_at: w.started_at,
                ended_at: w.ended_at,
                duration_s: w.duration_s,
                notes: w.notes.clone(),
                points: workout_points(&facts),
                sets,
            }
        })
        .collect();
    let goals: Vec<(Option<Id>, &spotter::RestoredGoal)> = file
        .goals
        .iter()
        .filter(|g| new_goal(g, &customs))
        .map(|g| (goal_exercise(g, &customs).flatten(), g))
        .collect();
    report.goals = goals.len();
    let aliases: Vec<(String, Id)> = file
        .aliases
        .iter()
        .filter_map(|a| Some((normalize(&a.alias), resolve(&a.exercise, &known, &customs)?)))
        .filter(|(alias, _)| !alias.is_empty() && alias.chars().count() <= 100)
        .collect();
    let rows = Rows {
        workouts: &new_workouts,
        goals: &goals,
        plan_items: &plan_items,
        aliases: &aliases,
    };
    store::write(db, &user.id, &rows).await?;
    recompute(db, user).await?;
    Ok(report)
}
