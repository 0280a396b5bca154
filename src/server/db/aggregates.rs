//! Reading the aggregates of a user's log (`training_days`, `exercise_totals`,
//! `training_totals`; see `domain::scoring::aggregates`). They are written only by
//! `services::recompute`, in the transaction that changed the log.

use chrono::{DateTime, NaiveDate, Utc};

use super::{Db, Id, on_db};
use crate::domain::scoring::aggregates::{DayTotals, ExerciseTotals, Lifetime};

#[derive(sqlx::FromRow)]
pub struct DayRow {
    pub day: NaiveDate,
    pub workouts: i64,
    pub points: i64,
    pub sets: i64,
    pub volume_kg: f64,
    pub first_at: Option<DateTime<Utc>>,
    pub run_days: i64,
}

impl From<DayRow> for DayTotals {
    fn from(r: DayRow) -> Self {
        DayTotals {
            day: r.day,
            workouts: r.workouts,
            points: r.points,
            sets: r.sets,
            volume_kg: r.volume_kg,
            first_at: r.first_at,
            run_days: r.run_days,
        }
    }
}

pub const DAY_COLUMNS: &str = "day, workouts, points, sets, volume_kg, first_at, run_days";

#[derive(sqlx::FromRow)]
struct TotalsRow {
    timezone: String,
    workouts: i64,
    points: i64,
    sets: i64,
    volume_kg: f64,
    longest_streak_days: i64,
}

/// The whole log's totals and the time zone its days were counted in; `None` until the first
/// recompute built them.
pub async fn lifetime(db: &Db, user_id: &Id) -> Result<Option<(String, Lifetime)>, sqlx::Error> {
    let row: Option<TotalsRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT timezone, workouts, points, sets, volume_kg, longest_streak_days FROM training_totals WHERE user_id = $1")
        .bind(user_id).fetch_optional(pool).await)?;
    Ok(row.map(|r| {
        (
            r.timezone,
            Lifetime {
                workouts: r.workouts,
                points: r.points,
                sets: r.sets,
                volume_kg: r.volume_kg,
                longest_streak_days: r.longest_streak_days,
            },
        )
    }))
}

#[derive(sqlx::FromRow)]
struct ExerciseRow {
    exercise_id: Id,
    sets: i64,
}

pub async fn exercises(db: &Db, user_id: &Id) -> Result<Vec<ExerciseTotals<Id>>, sqlx::Error> {
    let rows: Vec<ExerciseRow> = on_db!(db, pool => sqlx::query_as(
        "SELECT exercise_id, sets FROM exercise_totals WHERE user_id = $1")
        .bind(user_id).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|r| ExerciseTotals {
            exercise_id: r.exercise_id,
            sets: r.sets,
        })
        .collect())
}

/// The user's days from `from` (inclusive), in day order.
pub async fn days_from(
    db: &Db,
    user_id: &Id,
    from: NaiveDate,
) -> Result<Vec<DayTotals>, sqlx::Error> {
    let rows: Vec<DayRow> = on_db!(db, pool => sqlx::query_as(&format!(
        "SELECT {DAY_COLUMNS} FROM training_days WHERE user_id = $1 AND day >= $2 ORDER BY day"))
        .bind(user_id).bind(from).fetch_all(pool).await)?;
    Ok(rows.into_iter().map(DayTotals::from).collect())
}

/// The longest run of workout days that ended by a day (`$1` user, `$2` day).
pub const LONGEST_RUN_TO: &str = "SELECT CAST(COALESCE(MAX(run_days), 0) AS BIGINT) FROM training_days WHERE user_id = $1 AND day <= $2";

pub async fn longest_run_to(db: &Db, user_id: &Id, day: NaiveDate) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar(LONGEST_RUN_TO).bind(user_id).bind(day).fetch_one(pool).await)
}
