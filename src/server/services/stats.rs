//! `GET /stats` and `GET /records`: the log summarized in the user's time zone, and their
//! personal records with exercise names. A summary reads the recent log (from the first of
//! last month) and the stored aggregates, never every set ever logged; so do the goals
//! ([`log_since`]).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Serialize;

use super::log::local_day_fn;
use super::recompute::recompute;
use crate::domain::scoring::aggregates::{
    Ahead, Lifetime, exercise_totals, whole as aggregates_whole,
};
use crate::domain::scoring::levels::Level;
use crate::domain::scoring::stats::{
    Log, Period, SetDay, Totals, Whole, WorkoutDay, first_day_read, summarize,
};
use crate::domain::scoring::streaks::RunDay;
use crate::server::db::users::User;
use crate::server::db::workouts::{DATED_SET, DatedSet};
use crate::server::db::{Db, Id, aggregates, on_db};

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

/// The user's today, in their time zone.
pub fn today(user: &User) -> NaiveDate {
    local_day_fn(user)(&Utc::now())
}

/// The whole log's stored totals, first rebuilding every aggregate when they are missing
/// (an account from before them) or were counted in another time zone than the user's now.
pub async fn lifetime(db: &Db, user: &User) -> Result<Lifetime, sqlx::Error> {
    if let Some((zone, totals)) = aggregates::lifetime(db, &user.id).await?
        && zone == user.timezone
    {
        return Ok(totals);
    }
    recompute(db, user).await?;
    Ok(aggregates::lifetime(db, &user.id)
        .await?
        .map(|(_, t)| t)
        .unwrap_or_default())
}

/// The user's log from `from` on, in their days (see [`Log`]); the aggregates must be
/// current ([`lifetime`]). A day is read from a day earlier in UTC, which covers every zone.
pub async fn log_since(db: &Db, user: &User, from: NaiveDate) -> Result<Log<Id>, sqlx::Error> {
    let day = local_day_fn(user);
    let today = day(&Utc::now());
    let from = from.min(today - Duration::days(1));
    let after = from.and_time(NaiveTime::MIN).and_utc() - Duration::days(1);
    let sessions: Vec<(DateTime<Utc>, i64)> = on_db!(db, pool => sqlx::query_as(
        "SELECT started_at, points FROM workout_sessions WHERE user_id = $1 AND started_at >= $2")
        .bind(&user.id).bind(after).fetch_all(pool).await)?;
    let lines: Vec<DatedSet> = on_db!(db, pool => sqlx::query_as::<_, DatedSet>(&format!(
        "SELECT {DATED_SET} FROM exercise_sets WHERE user_id = $1 AND performed_at >= $2"))
        .bind(&user.id).bind(after).fetch_all(pool).await)?;
    let workouts = sessions
        .iter()
        .map(|(t, p)| WorkoutDay {
            at: *t,
            day: day(t),
            points: *p,
        })
        .filter(|w| w.day >= from)
        .collect();
    let sets = lines
        .into_iter()
        .map(|l| l.on(&day))
        .filter(|s| s.day >= from)
        .collect();
    let runs = aggregates::days_from(db, &user.id, from)
        .await?
        .into_iter()
        .filter(|d| d.day <= today && d.workouts > 0)
        .filter_map(|d| {
            Some(RunDay {
                day: d.day,
                first_at: d.first_at?,
                run_days: u32::try_from(d.run_days).ok()?,
            })
        })
        .collect();
    Ok(Log {
        workouts,
        sets,
        runs,
        today,
    })
}

/// The whole log's numbers up to today from the aggregates: the stored totals less whatever
/// was logged ahead of today (nothing, unless workouts were dated in the future).
async fn whole(
    db: &Db,
    user: &User,
    stored: &Lifetime,
    ahead_of: &Log<Id>,
) -> Result<Whole<Id>, sqlx::Error> {
    let today = ahead_of.today;
    let exercises = aggregates::exercises(db, &user.id).await?;
    let days = aggregates::days_from(db, &user.id, today + Duration::days(1)).await?;
    let ahead = if days.is_empty() {
        Ahead::default()
    } else {
        let later: Vec<SetDay<Id>> = ahead_of
            .sets
            .iter()
            .filter(|s| s.day > today)
            .cloned()
            .collect();
        Ahead {
            days,
            sets_by_exercise: exercise_totals(&later)
                .into_iter()
                .map(|e| (e.exercise_id, u64::try_from(e.sets).unwrap_or(0)))
                .collect(),
            longest_to_today: Some(aggregates::longest_run_to(db, &user.id, today).await?),
        }
    };
    Ok(aggregates_whole(stored, &exercises, &ahead))
}

pub async fn stats(db: &Db, user: &User, period: Period) -> Result<Stats, sqlx::Error> {
    let stored = lifetime(db, user).await?;
    let log = log_since(db, user, first_day_read(period, today(user))).await?;
    let whole = whole(db, user, &stored, &log).await?;
    let s = summarize(&log, &whole, period);
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
