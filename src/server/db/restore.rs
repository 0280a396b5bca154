//! Writing a restored account export (see `services::restore`): its workouts and sets, goals,
//! plan items and exercise words, in one transaction on the user's log, plus the keys that
//! tell what the account already holds (a restore is idempotent).

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};

use super::workouts::{NewWorkout, insert_workout};
use super::{Db, Id, begin_user_write, now, on_db};
use crate::domain::import::spotter::{RestoredGoal, RestoredPlanItem};

/// A goal is the same goal when these match.
pub type GoalKey = (
    String,
    Option<Id>,
    String,
    NaiveDate,
    Option<NaiveDate>,
    i64,
);

/// The key of a goal: type, exercise, timeframe, dates and the target (in thousandths, so a
/// float compares exactly).
pub fn goal_key(goal: &RestoredGoal, exercise_id: Option<&Id>) -> GoalKey {
    (
        goal.goal_type.as_str().to_owned(),
        exercise_id.cloned(),
        goal.timeframe.as_str().to_owned(),
        goal.start_date,
        goal.end_date,
        (goal.target_value * 1000.0).round() as i64,
    )
}

/// What the account already holds, by the keys a restore compares.
#[derive(Default)]
pub struct Present {
    pub source_refs: HashSet<String>,
    /// Starts of workouts without a `source_ref` (logged in Spotter).
    pub starts: HashSet<DateTime<Utc>>,
    pub goals: HashSet<GoalKey>,
    /// Plan items by title and creation instant.
    pub plan_items: HashSet<(String, DateTime<Utc>)>,
}

#[derive(sqlx::FromRow)]
struct StoredGoal {
    goal_type: String,
    exercise_id: Option<Id>,
    timeframe: String,
    start_date: NaiveDate,
    end_date: Option<NaiveDate>,
    target_value: f64,
}

pub async fn present(db: &Db, user_id: &Id) -> Result<Present, sqlx::Error> {
    let workouts: Vec<(Option<String>, DateTime<Utc>)> = on_db!(db, pool => sqlx::query_as(
        "SELECT source_ref, started_at FROM workout_sessions WHERE user_id = $1")
        .bind(user_id).fetch_all(pool).await)?;
    let goals: Vec<StoredGoal> = on_db!(db, pool => sqlx::query_as(
        "SELECT goal_type, exercise_id, timeframe, start_date, end_date, target_value FROM goals WHERE user_id = $1")
        .bind(user_id).fetch_all(pool).await)?;
    let plan_items: Vec<(String, DateTime<Utc>)> = on_db!(db, pool => sqlx::query_as(
        "SELECT title, created_at FROM plan_items WHERE user_id = $1 AND deleted_at IS NULL")
        .bind(user_id).fetch_all(pool).await)?;
    let mut present = Present::default();
    for (source_ref, started_at) in workouts {
        match source_ref {
            Some(r) => present.source_refs.insert(r),
            None => present.starts.insert(started_at),
        };
    }
    present.goals = goals
        .into_iter()
        .map(|g| {
            (
                g.goal_type,
                g.exercise_id,
                g.timeframe,
                g.start_date,
                g.end_date,
                (g.target_value * 1000.0).round() as i64,
            )
        })
        .collect();
    present.plan_items = plan_items.into_iter().collect();
    Ok(present)
}

/// Everything a restore writes, resolved to this instance's exercise ids.
pub struct Rows<'a> {
    pub workouts: &'a [NewWorkout],
    pub goals: &'a [(Option<Id>, &'a RestoredGoal)],
    pub plan_items: &'a [&'a RestoredPlanItem],
    /// Folded words and the exercise they name; a word the user already has is left as it is.
    pub aliases: &'a [(String, Id)],
}

/// Writes `rows` in one transaction: all of them or nothing.
pub async fn write(db: &Db, user_id: &Id, rows: &Rows<'_>) -> Result<(), sqlx::Error> {
    let at = now();
    on_db!(db, pool => {
        let mut tx = begin_user_write!(db, pool, user_id);
        for w in rows.workouts {
            insert_workout!(tx, user_id, w, at);
        }
        for (exercise_id, g) in rows.goals {
            sqlx::query(
                "INSERT INTO goals (id, user_id, goal_type, exercise_id, target_value, unit, timeframe, start_date, end_date,
                                    is_active, completed_at, created_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
                .bind(Id::new()).bind(user_id).bind(g.goal_type.as_str()).bind(exercise_id).bind(g.target_value)
                .bind(&g.unit).bind(g.timeframe.as_str()).bind(g.start_date).bind(g.end_date).bind(g.is_active)
                .bind(g.completed_at).bind(g.created_at)
                .execute(&mut *tx).await?;
        }
        for p in rows.plan_items {
            sqlx::query(
                "INSERT INTO plan_items (id, user_id, title, description, due_at, all_day, priority, status, ai_generated,
                                         created_at, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)")
                .bind(Id::new()).bind(user_id).bind(&p.title).bind(&p.description).bind(p.due_at).bind(p.all_day)
                .bind(p.priority.as_str()).bind(p.status.as_str()).bind(p.ai_generated).bind(p.created_at).bind(p.updated_at)
                .execute(&mut *tx).await?;
        }
        for (alias, exercise_id) in rows.aliases {
            sqlx::query(
                "INSERT INTO exercise_aliases (id, user_id, exercise_id, alias, created_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (user_id, alias) DO NOTHING")
                .bind(Id::new()).bind(user_id).bind(exercise_id).bind(alias).bind(at)
                .execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    })
}
