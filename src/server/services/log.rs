//! Logging or editing a workout: validate (domain), resolve every exercise name to the catalog
//! or the user's custom exercises, score, store in one transaction, then recompute derived data
//! and report new records and achievements. Used by REST, the log form and the coach.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::recompute::{Changes, Touched, after_write, touched};
use crate::domain::account::FieldError;
use crate::domain::catalog::{Candidate, best_match, catalog, match_exercise};
use crate::domain::scoring::SetFacts;
use crate::domain::scoring::points::{set_points, workout_points};
use crate::domain::scoring::records::new_records;
use crate::domain::set_lines::lines;
use crate::domain::training::WorkoutSource;
use crate::domain::workout::{
    ValidExercise, ValidSet, WorkoutInput, WorkoutPatch, validate_patch, validate_workout,
    workout_kind,
};
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::users::User;
use crate::server::db::workouts::{
    self, NewSet, NewSets, NewWorkout, SetRow, WorkoutRow, WorkoutUpdate,
};
use crate::server::db::{Db, Id, aliases, now, records};

/// An exercise name that matched nothing clearly, with what it might have meant.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct UnknownExercise {
    pub field: String,
    pub code: String,
    pub message: String,
    pub query: String,
    pub suggestions: Vec<Candidate>,
}

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("invalid workout")]
    Invalid(Vec<FieldError>),
    #[error("unknown exercise")]
    UnknownExercises(Vec<UnknownExercise>),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct WorkoutDetail {
    #[serde(flatten)]
    pub workout: WorkoutRow,
    pub sets: Vec<SetRow>,
}

#[derive(Clone, Debug, Serialize)]
pub struct LoggedWorkout {
    #[serde(flatten)]
    pub detail: WorkoutDetail,
    pub new_records: Vec<crate::domain::scoring::records::Record<Id>>,
    pub new_achievements: Vec<crate::domain::scoring::achievements::Achievement>,
}

/// The user's calendar day of an instant, in their time zone.
/// The first instant of the user's local day `day`, the other way from [`local_day_fn`].
pub fn start_of_day(user: &User, day: chrono::NaiveDate) -> DateTime<Utc> {
    crate::server::local_time::to_utc(user.zone(), day.and_time(chrono::NaiveTime::MIN))
}

pub fn local_day_fn(user: &User) -> impl Fn(&DateTime<Utc>) -> NaiveDate + use<> {
    let tz = user.zone();
    move |t| t.with_timezone(&tz).date_naive()
}

/// What `query` names for this user: an id or slug, else the clear best name match among the
/// catalog and their custom exercises; `Err` carries the ranked candidates.
pub async fn resolve_exercise(
    db: &Db,
    user_id: &Id,
    query: &str,
) -> Result<Result<ExerciseRow, Vec<Candidate>>, sqlx::Error> {
    if let Some(row) = exercises::find(db, user_id, query).await? {
        return Ok(Ok(row));
    }
    // The user's own word for it, learned when they answered "did you mean …?".
    if let Some(id) = aliases::exercise_for(db, user_id, query).await?
        && let Some(row) = exercises::find(db, user_id, &id.to_string()).await?
    {
        return Ok(Ok(row));
    }
    let custom = exercises::custom_match_targets(&exercises::all_for_user(db, user_id).await?);
    let targets = || custom.iter().chain(catalog().match_targets());
    if let Some(best) = best_match(query, targets())
        && let Some(row) = exercises::find(db, user_id, &best.slug).await?
    {
        return Ok(Ok(row));
    }
    Ok(Err(match_exercise(query, targets(), 5)))
}

/// What logging `input` would store, without storing it: the workout's exercises resolved
/// (unclear names reported with suggestions) and its points.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct WorkoutPreview {
    pub started_at: DateTime<Utc>,
    pub exercises: Vec<PreviewExercise>,
    pub points: i64,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PreviewExercise {
    /// As the user wrote it.
    pub query: String,
    pub slug: String,
    pub name_en: String,
    pub name_he: String,
    /// Every set as it would be stored (weights in kg, distances in m, durations in s).
    #[schema(value_type = Vec<Object>)]
    pub sets: Vec<ValidSet>,
    /// The sets as the user reads them, in their units and language: "3 × 8 reps @ 80 kg".
    pub lines: Vec<String>,
}

pub async fn preview_workout(
    db: &Db,
    user: &User,
    input: &WorkoutInput,
) -> Result<WorkoutPreview, LogError> {
    let valid = validate_workout(input, now()).map_err(LogError::Invalid)?;
    let NewSets { points, .. } = resolve_sets(db, &user.id, &valid.exercises).await?;
    let mut exercises = Vec::new();
    for e in &valid.exercises {
        if let Ok(row) = resolve_exercise(db, &user.id, &e.exercise).await? {
            exercises.push(PreviewExercise {
                query: e.exercise.clone(),
                slug: row.slug,
                name_en: row.name_en,
                name_he: row.name_he,
                lines: lines(&e.sets, user.units, user.language),
                sets: e.sets.clone(),
            });
        }
    }
    Ok(WorkoutPreview {
        started_at: valid.started_at,
        exercises,
        points,
    })
}

pub async fn log_workout(
    db: &Db,
    user: &User,
    input: &WorkoutInput,
    source: WorkoutSource,
) -> Result<LoggedWorkout, LogError> {
    let valid = validate_workout(input, now()).map_err(LogError::Invalid)?;
    let NewSets { kind, points, sets } = resolve_sets(db, &user.id, &valid.exercises).await?;
    let new = NewWorkout {
        source,
        source_ref: None,
        name: valid.name,
        kind,
        started_at: valid.started_at,
        ended_at: None,
        duration_s: None,
        notes: valid.notes,
        points,
        sets,
    };
    let ids = workouts::insert_many(db, &user.id, std::slice::from_ref(&new), false).await?;
    let id = ids.into_iter().next().ok_or(sqlx::Error::RowNotFound)?;
    report(db, user, &id, Touched::default()).await
}

/// Changes one of the user's workouts (see [`WorkoutPatch`]) and recomputes what derives from
/// the log. `None` when the workout is not theirs. Nothing is written when the patch is invalid
/// or names an unknown exercise.
pub async fn edit_workout(
    db: &Db,
    user: &User,
    id: &Id,
    patch: &WorkoutPatch,
) -> Result<Option<LoggedWorkout>, LogError> {
    if workouts::get(db, &user.id, id).await?.is_none() {
        return Ok(None);
    }
    let valid = validate_patch(patch, now()).map_err(LogError::Invalid)?;
    let sets = match &valid.exercises {
        Some(exercises) => Some(resolve_sets(db, &user.id, exercises).await?),
        None => None,
    };
    // Replaced sets take their records with them: remember them to tell a record that only
    // fell back to an older set from a new one.
    let known = records::stored(db, &user.id).await?;
    let before = touched(db, &user.id, id).await?;
    let change = WorkoutUpdate {
        name: valid.name,
        notes: valid.notes,
        started_at: valid.started_at,
        sets,
    };
    if !workouts::update(db, &user.id, id, change).await? {
        return Ok(None);
    }
    let mut logged = report(db, user, id, before).await?;
    logged.new_records = new_records(&known, &logged.new_records);
    Ok(Some(logged))
}

/// Resolves every exercise (all unclear names are reported together, with suggestions), numbers
/// the sets per exercise and scores them.
async fn resolve_sets(
    db: &Db,
    user_id: &Id,
    exercises: &[ValidExercise],
) -> Result<NewSets, LogError> {
    let mut unknown = Vec::new();
    let mut sets = Vec::new();
    let mut per_exercise_index: HashMap<Id, u32> = HashMap::new();
    for (i, e) in exercises.iter().enumerate() {
        match resolve_exercise(db, user_id, &e.exercise).await? {
            Ok(row) => {
                for s in &e.sets {
                    let index = per_exercise_index.entry(row.id.clone()).or_default();
                    sets.push(NewSet { exercise_id: row.id.clone(), set_index: *index, set: s.clone(), points: set_points(&s.facts()) });
                    *index += 1;
                }
            }
            Err(suggestions) => unknown.push(UnknownExercise {
                field: format!("exercises[{i}].exercise"),
                code: "unknown_exercise".into(),
                message: format!("No exercise called \"{}\". Pick one of the suggestions or add a custom exercise.", e.exercise),
                query: e.exercise.clone(),
                suggestions,
            }),
        }
    }
    if !unknown.is_empty() {
        return Err(LogError::UnknownExercises(unknown));
    }
    let all_facts: Vec<SetFacts> = sets.iter().map(|s| s.set.facts()).collect();
    Ok(NewSets {
        kind: workout_kind(sets.iter().map(|s| &s.set)),
        points: workout_points(&all_facts),
        sets,
    })
}

/// After a change to workout `id` (`before`: what it was): recompute what it touched, then
/// the workout with what became new.
async fn report(db: &Db, user: &User, id: &Id, before: Touched) -> Result<LoggedWorkout, LogError> {
    let touched = before.merge(touched(db, &user.id, id).await?);
    let Changes {
        new_records,
        new_achievements,
        ..
    } = after_write(db, user, &touched).await?;
    let detail = detail(db, &user.id, id)
        .await?
        .ok_or(sqlx::Error::RowNotFound)?;
    Ok(LoggedWorkout {
        detail,
        new_records,
        new_achievements,
    })
}

pub async fn detail(db: &Db, user_id: &Id, id: &Id) -> Result<Option<WorkoutDetail>, sqlx::Error> {
    let Some(workout) = workouts::get(db, user_id, id).await? else {
        return Ok(None);
    };
    let sets = workouts::sets(db, user_id, id).await?;
    Ok(Some(WorkoutDetail { workout, sets }))
}
