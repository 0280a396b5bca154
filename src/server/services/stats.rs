//! `GET /stats` and `GET /records`: the log summarized in the user's time zone, and their
//! personal records with exercise names.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::log::local_day_fn;
use crate::domain::scoring::levels::Level;
use crate::domain::scoring::stats::{Period, SetDay, Totals, WorkoutDay, summarize};
use crate::server::db::users::User;
use crate::server::db::workouts::SetFactsRow;
use crate::server::db::{Db, Id, on_db};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ExerciseRef {
    #[schema(value_type = String)]
    pub id: Id,
    pub slug: String,
    pub name_en: String,
    pub name_he: String,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Stats {
    pub period: Period,
    /// First day of the period in the user's time zone (absent for `all`).
    pub from: Option<chrono::NaiveDate>,
    pub workouts: u64,
    pub sets: u64,
    pub volume_kg: f64,
    pub points: i64,
    pub this_month: Totals,
    pub last_month: Totals,
    pub favourite_exercise: Option<ExerciseRef>,
    pub current_streak_days: u32,
    pub longest_streak_days: u32,
    pub lifetime_points: i64,
    #[schema(value_type = String)]
    pub level: Level,
    /// Percent of the way to the next level.
    pub level_progress: u8,
    pub points_to_next_level: i64,
}

#[derive(sqlx::FromRow)]
struct SetLine {
    exercise_id: Id,
    performed_at: DateTime<Utc>,
    #[sqlx(flatten)]
    numbers: SetFactsRow,
}

/// The user's log as calendar days in their time zone, and their today.
pub struct LogDays {
    pub workouts: Vec<WorkoutDay>,
    pub sets: Vec<SetDay<Id>>,
    pub today: chrono::NaiveDate,
}

pub async fn log_days(db: &Db, user: &User) -> Result<LogDays, sqlx::Error> {
    let day = local_day_fn(user);
    let sessions: Vec<(DateTime<Utc>, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT started_at, points FROM workout_sessions WHERE user_id = $1").bind(&user.id).fetch_all(pool).await)?;
    let lines: Vec<SetLine> = on_db!(db, pool => sqlx::query_as::<_, SetLine>(
        "SELECT exercise_id, performed_at, set_type, reps, weight_kg, distance_m, duration_s FROM exercise_sets WHERE user_id = $1")
        .bind(&user.id).fetch_all(pool).await)?;
    let workouts = sessions
        .iter()
        .map(|(t, p)| WorkoutDay {
            at: *t,
            day: day(t),
            points: *p,
        })
        .collect();
    let sets = lines
        .into_iter()
        .map(|l| SetDay {
            at: l.performed_at,
            day: day(&l.performed_at),
            facts: l.numbers.facts(),
            exercise_id: l.exercise_id,
        })
        .collect();
    Ok(LogDays {
        workouts,
        sets,
        today: day(&Utc::now()),
    })
}

pub async fn stats(db: &Db, user: &User, period: Period) -> Result<Stats, sqlx::Error> {
    let LogDays {
        workouts,
        sets,
        today,
    } = log_days(db, user).await?;
    let s = summarize(&workouts, &sets, period, today);
    let favourite_exercise = match &s.favourite_exercise {
        None => None,
        Some(id) => on_db!(db, pool => sqlx::query_as::<_, ExerciseRef>(
            "SELECT id, slug, name_en, name_he FROM exercises WHERE id = $1").bind(id).fetch_optional(pool).await)?,
    };
    Ok(Stats {
        period: s.period,
        from: s.from,
        workouts: s.totals.workouts,
        sets: s.totals.sets,
        volume_kg: s.totals.volume_kg,
        points: s.totals.points,
        this_month: s.this_month,
        last_month: s.last_month,
        favourite_exercise,
        current_streak_days: s.current_streak_days,
        longest_streak_days: s.longest_streak_days,
        lifetime_points: s.lifetime_points,
        level: s.level,
        level_progress: s.level_progress,
        points_to_next_level: s.points_to_next_level,
    })
}
