//! What the coach's stats and records answers add to the totals: the period before, the
//! exercises done most often, how many goals and plan items are open, and when an exercise was
//! last done. Plain queries on both engines; local days in the user's time zone.

use chrono::{DateTime, Months, NaiveDate, Utc};

use crate::domain::chat::tools::{ExerciseCount, Names};
use crate::domain::scoring::stats::Period;
use crate::server::db::users::User;
use crate::server::db::{Db, Id, on_db};
use crate::server::services::log::{local_day_fn, start_of_day};

/// Workouts in the period before the one that starts on `start` (last week, month or year).
pub async fn previous_workouts(
    db: &Db,
    user: &User,
    period: Period,
    start: NaiveDate,
) -> Result<Option<u64>, sqlx::Error> {
    let before = match period {
        Period::Week => start - chrono::Duration::days(7),
        Period::Month => start.checked_sub_months(Months::new(1)).unwrap_or(start),
        Period::Year => start.checked_sub_months(Months::new(12)).unwrap_or(start),
        Period::All => return Ok(None),
    };
    let day = local_day_fn(user);
    let at: Vec<(DateTime<Utc>,)> = on_db!(db, pool => sqlx::query_as(
        "SELECT started_at FROM workout_sessions WHERE user_id = $1 AND started_at >= $2 AND started_at < $3")
        .bind(&user.id).bind(start_of_day(user, before) - chrono::Duration::days(1))
        .bind(start_of_day(user, start) + chrono::Duration::days(1)).fetch_all(pool).await)?;
    Ok(Some(
        at.iter()
            .filter(|(t,)| (before..start).contains(&day(t)))
            .count() as u64,
    ))
}

/// The exercises done in the most workouts since `from` (all time when `None`), at most
/// three, with their sets.
pub async fn most_trained(
    db: &Db,
    user: &User,
    from: Option<NaiveDate>,
) -> Result<Vec<ExerciseCount>, sqlx::Error> {
    let after = from.map_or(DateTime::<Utc>::UNIX_EPOCH, |d| start_of_day(user, d));
    let rows: Vec<(String, String, i64, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT e.name_en, e.name_he, COUNT(DISTINCT s.session_id) AS workouts, COUNT(*) AS sets \
         FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id \
         WHERE s.user_id = $1 AND s.performed_at >= $2 \
         GROUP BY e.id, e.name_en, e.name_he ORDER BY workouts DESC, sets DESC, e.name_en LIMIT 3")
        .bind(&user.id).bind(after).fetch_all(pool).await)?;
    Ok(rows
        .into_iter()
        .map(|(en, he, workouts, sets)| ExerciseCount {
            exercise: Names { en, he },
            workouts: workouts.max(0) as u64,
            sets: sets.max(0) as u64,
        })
        .collect())
}

/// Goals still active and plan items still to do.
pub async fn open_counts(db: &Db, user: &User) -> Result<(u64, u64), sqlx::Error> {
    let (goals,): (i64,) = on_db!(db, pool => sqlx::query_as(
        "SELECT COUNT(*) FROM goals WHERE user_id = $1 AND is_active = TRUE")
        .bind(&user.id).fetch_one(pool).await)?;
    let (plan,): (i64,) = on_db!(db, pool => sqlx::query_as(
        "SELECT COUNT(*) FROM plan_items WHERE user_id = $1 AND status = 'pending'")
        .bind(&user.id).fetch_one(pool).await)?;
    Ok((goals.max(0) as u64, plan.max(0) as u64))
}

/// The local day `exercise` was last done, and in how many workouts in all.
pub async fn last_done(
    db: &Db,
    user: &User,
    exercise: &Id,
) -> Result<(Option<NaiveDate>, u64), sqlx::Error> {
    let (last, workouts): (Option<DateTime<Utc>>, i64) = on_db!(db, pool => sqlx::query_as(
        "SELECT MAX(performed_at), COUNT(DISTINCT session_id) FROM exercise_sets \
         WHERE user_id = $1 AND exercise_id = $2")
        .bind(&user.id).bind(exercise).fetch_one(pool).await)?;
    let day = local_day_fn(user);
    Ok((last.as_ref().map(day), workouts.max(0) as u64))
}
