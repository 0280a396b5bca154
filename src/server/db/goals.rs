//! The `goals` aggregate; every query filters on `user_id`.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::{Db, Id, now, on_db};
use crate::domain::goals::{GoalType, Timeframe};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct GoalRow {
    #[schema(value_type = String)]
    pub id: Id,
    #[sqlx(try_from = "String")]
    pub goal_type: GoalType,
    #[schema(value_type = Option<String>)]
    pub exercise_id: Option<Id>,
    pub target_value: f64,
    pub unit: Option<String>,
    #[sqlx(try_from = "String")]
    pub timeframe: Timeframe,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub is_active: bool,
    pub completed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, goal_type, exercise_id, target_value, unit, timeframe, start_date, end_date, is_active, completed_at, created_at";

pub struct NewGoal<'a> {
    pub goal_type: GoalType,
    pub exercise_id: Option<&'a Id>,
    pub target_value: f64,
    pub unit: &'a str,
    pub timeframe: Timeframe,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

pub async fn create(db: &Db, user_id: &Id, g: NewGoal<'_>) -> Result<GoalRow, sqlx::Error> {
    let sql = format!(
        "INSERT INTO goals (id, user_id, goal_type, exercise_id, target_value, unit, timeframe, start_date, end_date,
                            is_active, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, TRUE, $10) RETURNING {COLUMNS}"
    );
    on_db!(db, pool => sqlx::query_as::<_, GoalRow>(&sql)
        .bind(Id::new()).bind(user_id).bind(g.goal_type.as_str()).bind(g.exercise_id).bind(g.target_value).bind(g.unit)
        .bind(g.timeframe.as_str()).bind(g.start_date).bind(g.end_date).bind(now())
        .fetch_one(pool).await)
}

pub async fn get(db: &Db, user_id: &Id, id: &Id) -> Result<Option<GoalRow>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM goals WHERE id = $1 AND user_id = $2");
    on_db!(db, pool => sqlx::query_as::<_, GoalRow>(&sql).bind(id).bind(user_id).fetch_optional(pool).await)
}

/// Active goals first, newest first.
pub async fn list(db: &Db, user_id: &Id) -> Result<Vec<GoalRow>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM goals WHERE user_id = $1 ORDER BY is_active DESC, created_at DESC, id DESC"
    );
    on_db!(db, pool => sqlx::query_as::<_, GoalRow>(&sql).bind(user_id).fetch_all(pool).await)
}

/// The user's goals completed after `after` (all completed ones when `None`): those a change to
/// the log at `after` can show were met earlier.
pub async fn completed_after(
    db: &Db,
    user_id: &Id,
    after: Option<DateTime<Utc>>,
) -> Result<Vec<GoalRow>, sqlx::Error> {
    match after {
        Some(t) => on_db!(db, pool => sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM goals WHERE user_id = $1 AND completed_at > $2 ORDER BY created_at"))
            .bind(user_id).bind(t).fetch_all(pool).await),
        None => on_db!(db, pool => sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM goals WHERE user_id = $1 AND completed_at IS NOT NULL ORDER BY created_at"))
            .bind(user_id).fetch_all(pool).await),
    }
}

pub async fn update(
    db: &Db,
    user_id: &Id,
    id: &Id,
    target_value: Option<f64>,
    end_date: Option<NaiveDate>,
    is_active: Option<bool>,
) -> Result<Option<GoalRow>, sqlx::Error> {
    let sql = format!(
        "UPDATE goals SET target_value = COALESCE($3, target_value), end_date = COALESCE($4, end_date),
                          is_active = COALESCE($5, is_active)
         WHERE id = $1 AND user_id = $2 RETURNING {COLUMNS}"
    );
    on_db!(db, pool => sqlx::query_as::<_, GoalRow>(&sql)
        .bind(id).bind(user_id).bind(target_value).bind(end_date).bind(is_active).fetch_optional(pool).await)
}

/// Records that the goal was met `at`, unless it is already recorded as met at or before that
/// (completion dates only move back); returns the stored completion.
pub async fn mark_completed(
    db: &Db,
    user_id: &Id,
    id: &Id,
    at: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    on_db!(db, pool => sqlx::query("UPDATE goals SET completed_at = $3 WHERE id = $1 AND user_id = $2 AND (completed_at IS NULL OR completed_at > $3)")
        .bind(id).bind(user_id).bind(at).execute(pool).await.map(|_| ()))?;
    on_db!(db, pool => sqlx::query_scalar("SELECT completed_at FROM goals WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user_id).fetch_one(pool).await)
}

pub async fn delete(db: &Db, user_id: &Id, id: &Id) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, pool => sqlx::query("DELETE FROM goals WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
