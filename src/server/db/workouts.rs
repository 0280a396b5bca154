//! The `workout_sessions` + `exercise_sets` aggregate. A workout and its sets are written in
//! one transaction; every query filters on `user_id`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{Db, Id, begin_user_write, now, on_db};
use crate::domain::pagination::Page;
use crate::domain::scoring::SetFacts;
use crate::domain::scoring::stats::SetDay;
use crate::domain::training::{SetType, WorkoutKind, WorkoutSource};
use crate::domain::workout::ValidSet;

/// A set ready to insert: exercise resolved, position and points computed.
pub struct NewSet {
    pub exercise_id: Id,
    pub set_index: u32,
    pub set: ValidSet,
    pub points: i64,
}

pub struct NewWorkout {
    pub source: WorkoutSource,
    pub source_ref: Option<String>,
    pub name: Option<String>,
    pub kind: WorkoutKind,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub duration_s: Option<i64>,
    pub notes: Option<String>,
    pub points: i64,
    pub sets: Vec<NewSet>,
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct WorkoutRow {
    #[schema(value_type = String)]
    pub id: Id,
    pub name: Option<String>,
    #[sqlx(try_from = "String")]
    pub kind: WorkoutKind,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub duration_s: Option<i64>,
    pub points: i64,
    pub notes: Option<String>,
    #[sqlx(try_from = "String")]
    pub source: WorkoutSource,
    /// The imported workout this is (`strong:2021-02-10T16:46:13:…`): what keeps a re-import
    /// or a restore from adding it twice.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_ref: Option<String>,
    pub set_count: i64,
}

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct SetRow {
    #[schema(value_type = String)]
    pub id: Id,
    #[schema(value_type = String)]
    pub exercise_id: Id,
    pub exercise_slug: String,
    pub exercise_name_en: String,
    pub exercise_name_he: String,
    pub set_index: i64,
    #[serde(flatten)]
    #[sqlx(flatten)]
    pub numbers: SetFactsRow,
    pub rpe: Option<f64>,
    pub notes: Option<String>,
    pub points: i64,
}

pub(super) const INSERT_SESSION: &str = "INSERT INTO workout_sessions
    (id, user_id, source_ref, name, kind, started_at, ended_at, duration_s, points, notes, source, created_at, updated_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)";
pub(super) const INSERT_SET: &str = "INSERT INTO exercise_sets
    (id, session_id, user_id, exercise_id, set_index, set_type, reps, weight_kg, distance_m, duration_s, rpe, notes, points,
     performed_at, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

/// Inserts one [`NewWorkout`] and its sets on `$tx`, an open write transaction, created at
/// `$at`; evaluates to the new workout's id (`?` on errors). A macro so one body serves both
/// engines inside [`on_db!`] ([`insert_many`], `db::restore::write`).
macro_rules! insert_workout {
    ($tx:ident, $user_id:expr, $w:expr, $at:expr) => {{
        let (user_id, w, at) = ($user_id, $w, $at);
        let id = Id::new();
        sqlx::query($crate::server::db::workouts::INSERT_SESSION)
            .bind(&id)
            .bind(user_id)
            .bind(&w.source_ref)
            .bind(&w.name)
            .bind(w.kind.as_str())
            .bind(w.started_at)
            .bind(w.ended_at)
            .bind(w.duration_s)
            .bind(w.points)
            .bind(&w.notes)
            .bind(w.source.as_str())
            .bind(at)
            .execute(&mut *$tx)
            .await?;
        for s in &w.sets {
            sqlx::query($crate::server::db::workouts::INSERT_SET)
                .bind(Id::new())
                .bind(&id)
                .bind(user_id)
                .bind(&s.exercise_id)
                .bind(i64::from(s.set_index))
                .bind(s.set.set_type.as_str())
                .bind(s.set.reps.map(i64::from))
                .bind(s.set.weight_kg)
                .bind(s.set.distance_m)
                .bind(s.set.duration_s.map(i64::from))
                .bind(s.set.rpe)
                .bind(&s.set.notes)
                .bind(s.points)
                .bind(w.started_at)
                .bind(at)
                .execute(&mut *$tx)
                .await?;
        }
        id
    }};
}
pub(super) use insert_workout;

/// Inserts workouts and their sets in one transaction. With `skip_existing`, a workout whose
/// `source_ref` the user already has is skipped (idempotent import); the ids of the workouts
/// actually inserted are returned.
pub async fn insert_many(
    db: &Db,
    user_id: &Id,
    workouts: &[NewWorkout],
    skip_existing: bool,
) -> Result<Vec<Id>, sqlx::Error> {
    let at = now();
    on_db!(db, pool => {
        let mut tx = begin_user_write!(db, pool, user_id);
        let mut inserted = Vec::new();
        for w in workouts {
            if skip_existing && let Some(source_ref) = &w.source_ref {
                let exists: Option<String> = sqlx::query_scalar("SELECT id FROM workout_sessions WHERE user_id = $1 AND source_ref = $2")
                    .bind(user_id).bind(source_ref).fetch_optional(&mut *tx).await?;
                if exists.is_some() {
                    continue;
                }
            }
            inserted.push(insert_workout!(tx, user_id, w, at));
        }
        tx.commit().await?;
        Ok(inserted)
    })
}

const SELECT_WORKOUT: &str = "SELECT w.id, w.name, w.kind, w.started_at, w.ended_at, w.duration_s, w.points, w.notes, w.source, w.source_ref,
    (SELECT COUNT(*) FROM exercise_sets s WHERE s.session_id = w.id AND s.user_id = w.user_id) AS set_count
    FROM workout_sessions w";

pub async fn get(db: &Db, user_id: &Id, id: &Id) -> Result<Option<WorkoutRow>, sqlx::Error> {
    let sql = format!("{SELECT_WORKOUT} WHERE w.id = $1 AND w.user_id = $2");
    on_db!(db, pool => sqlx::query_as::<_, WorkoutRow>(&sql).bind(id).bind(user_id).fetch_optional(pool).await)
}

/// Which of `ids` are the user's workouts (still logged), in one query.
pub async fn existing(db: &Db, user_id: &Id, ids: &[Id]) -> Result<Vec<Id>, sqlx::Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let placeholders: Vec<String> = (0..ids.len()).map(|i| format!("${}", i + 2)).collect();
    let sql = format!(
        "SELECT id FROM workout_sessions WHERE user_id = $1 AND id IN ({})",
        placeholders.join(", ")
    );
    on_db!(db, pool => {
        let mut query = sqlx::query_scalar::<_, Id>(&sql).bind(user_id);
        for id in ids {
            query = query.bind(id);
        }
        query.fetch_all(pool).await
    })
}

pub async fn sets(db: &Db, user_id: &Id, workout_id: &Id) -> Result<Vec<SetRow>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, SetRow>(
        "SELECT s.id, s.exercise_id, e.slug AS exercise_slug, e.name_en AS exercise_name_en, e.name_he AS exercise_name_he,
                s.set_index, s.set_type, s.reps, s.weight_kg, s.distance_m, s.duration_s, s.rpe, s.notes, s.points
         FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id
         WHERE s.session_id = $1 AND s.user_id = $2
         ORDER BY s.created_at, s.id")
        .bind(workout_id).bind(user_id).fetch_all(pool).await)
}

/// Most recent first.
pub async fn list(
    db: &Db,
    user_id: &Id,
    page: Page,
) -> Result<(Vec<WorkoutRow>, u64), sqlx::Error> {
    let sql = format!(
        "{SELECT_WORKOUT} WHERE w.user_id = $1 ORDER BY w.started_at DESC, w.id DESC LIMIT $2 OFFSET $3"
    );
    let items = on_db!(db, pool => sqlx::query_as::<_, WorkoutRow>(&sql).bind(user_id).bind(page.limit()).bind(page.offset()).fetch_all(pool).await)?;
    let total: i64 = on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM workout_sessions WHERE user_id = $1").bind(user_id).fetch_one(pool).await)?;
    Ok((items, u64::try_from(total).unwrap_or(0)))
}

/// The numbers of a stored set that scoring reads; `#[sqlx(flatten)]` it into a row type
/// whose query selects `set_type, reps, weight_kg, distance_m, duration_s`.
#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct SetFactsRow {
    #[sqlx(try_from = "String")]
    pub set_type: SetType,
    pub reps: Option<i64>,
    pub weight_kg: Option<f64>,
    pub distance_m: Option<f64>,
    pub duration_s: Option<i64>,
}

impl SetFactsRow {
    pub fn facts(&self) -> SetFacts {
        SetFacts {
            set_type: self.set_type,
            reps: self.reps.and_then(|r| u32::try_from(r).ok()),
            weight_kg: self.weight_kg,
            distance_m: self.distance_m,
            duration_s: self.duration_s.and_then(|d| u32::try_from(d).ok()),
        }
    }
}

/// A set with its exercise and time, as summaries read it: select [`DATED_SET`].
#[derive(sqlx::FromRow)]
pub struct DatedSet {
    pub exercise_id: Id,
    pub performed_at: DateTime<Utc>,
    #[sqlx(flatten)]
    pub numbers: SetFactsRow,
}

/// The columns of a [`DatedSet`].
pub const DATED_SET: &str =
    "exercise_id, performed_at, set_type, reps, weight_kg, distance_m, duration_s";

impl DatedSet {
    /// The set on the user's calendar (`local_day`: an instant's day in their zone).
    pub fn on(self, local_day: impl Fn(&DateTime<Utc>) -> NaiveDate) -> SetDay<Id> {
        SetDay {
            day: local_day(&self.performed_at),
            at: self.performed_at,
            facts: self.numbers.facts(),
            exercise_id: self.exercise_id,
        }
    }
}

/// A workout in a list of recent ones, with its exercises' names in the order first done.
#[derive(Clone, Debug)]
pub struct RecentWorkout {
    pub id: Id,
    pub name: Option<String>,
    pub started_at: DateTime<Utc>,
    pub points: i64,
    pub set_count: i64,
    /// (English, Hebrew) names, each exercise once.
    pub exercises: Vec<(String, String)>,
}

#[derive(sqlx::FromRow)]
struct RecentLine {
    id: Id,
    name: Option<String>,
    started_at: DateTime<Utc>,
    points: i64,
    set_count: i64,
    name_en: Option<String>,
    name_he: Option<String>,
}

/// The user's `limit` latest workouts with their exercises, in one query.
pub async fn recent(db: &Db, user_id: &Id, limit: u32) -> Result<Vec<RecentWorkout>, sqlx::Error> {
    let lines: Vec<RecentLine> = on_db!(db, pool => sqlx::query_as::<_, RecentLine>(
        "SELECT w.id, w.name, w.started_at, w.points,
                (SELECT COUNT(*) FROM exercise_sets c WHERE c.session_id = w.id AND c.user_id = w.user_id) AS set_count,
                e.name_en, e.name_he
         FROM (SELECT id, user_id, name, started_at, points FROM workout_sessions WHERE user_id = $1
               ORDER BY started_at DESC, id DESC LIMIT $2) w
         LEFT JOIN exercise_sets s ON s.session_id = w.id AND s.user_id = w.user_id
         LEFT JOIN exercises e ON e.id = s.exercise_id
         ORDER BY w.started_at DESC, w.id DESC, s.created_at, s.id")
        .bind(user_id).bind(i64::from(limit)).fetch_all(pool).await)?;
    let mut out: Vec<RecentWorkout> = Vec::new();
    for line in lines {
        if out.last().is_none_or(|w| w.id != line.id) {
            out.push(RecentWorkout {
                id: line.id.clone(),
                name: line.name,
                started_at: line.started_at,
                points: line.points,
                set_count: line.set_count,
                exercises: Vec::new(),
            });
        }
        if let (Some(w), Some(en), Some(he)) = (out.last_mut(), line.name_en, line.name_he)
            && !w.exercises.iter().any(|(e, _)| *e == en)
        {
            w.exercises.push((en, he));
        }
    }
    Ok(out)
}

/// Deletes one workout (`$1`) of a user (`$2`); its sets cascade. Run by
/// `services::recompute::delete_workout` in the transaction that recomputes after it.
pub const DELETE_ONE: &str = "DELETE FROM workout_sessions WHERE id = $1 AND user_id = $2";

/// A change to a workout; `None` keeps a field, `Some(None)` clears it.
#[derive(Default)]
pub struct WorkoutUpdate {
    pub name: Option<Option<String>>,
    pub notes: Option<Option<String>>,
    /// Moves the workout and its sets; an end time moves with it.
    pub started_at: Option<DateTime<Utc>>,
    /// Replaces every set of the workout.
    pub sets: Option<NewSets>,
}

/// A workout's new sets with the kind and points they give it.
pub struct NewSets {
    pub kind: WorkoutKind,
    pub points: i64,
    pub sets: Vec<NewSet>,
}

/// What [`update`] keeps of a workout when a change leaves it out.
#[derive(sqlx::FromRow)]
struct Current {
    name: Option<String>,
    notes: Option<String>,
    started_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
    #[sqlx(try_from = "String")]
    kind: WorkoutKind,
    points: i64,
}

/// Applies `change` to one of the user's workouts in one transaction; `false` when the workout
/// is not theirs.
pub async fn update(
    db: &Db,
    user_id: &Id,
    id: &Id,
    change: WorkoutUpdate,
) -> Result<bool, sqlx::Error> {
    let at = now();
    on_db!(db, pool => {
        let mut tx = begin_user_write!(db, pool, user_id);
        let current: Option<Current> = sqlx::query_as(
            "SELECT name, notes, started_at, ended_at, kind, points FROM workout_sessions WHERE id = $1 AND user_id = $2")
            .bind(id).bind(user_id).fetch_optional(&mut *tx).await?;
        let Some(old) = current else { return Ok(false) };
        let started = change.started_at.unwrap_or(old.started_at);
        let ended = old.ended_at.map(|end| end + (started - old.started_at));
        let (kind, points) = match &change.sets {
            Some(new) => (new.kind, new.points),
            None => (old.kind, old.points),
        };
        sqlx::query("UPDATE workout_sessions SET name = $3, notes = $4, started_at = $5, ended_at = $6, kind = $7, points = $8, updated_at = $9
                     WHERE id = $1 AND user_id = $2")
            .bind(id).bind(user_id).bind(change.name.unwrap_or(old.name)).bind(change.notes.unwrap_or(old.notes))
            .bind(started).bind(ended).bind(kind.as_str()).bind(points).bind(at)
            .execute(&mut *tx).await?;
        match &change.sets {
            Some(new) => {
                sqlx::query("DELETE FROM exercise_sets WHERE session_id = $1 AND user_id = $2").bind(id).bind(user_id).execute(&mut *tx).await?;
                for s in &new.sets {
                    sqlx::query(INSERT_SET)
                        .bind(Id::new()).bind(id).bind(user_id).bind(&s.exercise_id).bind(i64::from(s.set_index))
                        .bind(s.set.set_type.as_str()).bind(s.set.reps.map(i64::from)).bind(s.set.weight_kg)
                        .bind(s.set.distance_m).bind(s.set.duration_s.map(i64::from)).bind(s.set.rpe).bind(&s.set.notes)
                        .bind(s.points).bind(started).bind(at)
                        .execute(&mut *tx).await?;
                }
            }
            None => {
                sqlx::query("UPDATE exercise_sets SET performed_at = $3 WHERE session_id = $1 AND user_id = $2")
                    .bind(id).bind(user_id).bind(started).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(true)
    })
}
