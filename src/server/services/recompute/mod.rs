//! Rebuilds what derives from a user's log: set and workout points, personal records,
//! achievements and the aggregates pages read (`domain::scoring::aggregates`). It computes the
//! truth from the sets with `domain::scoring`, then writes only what differs, in one
//! transaction. What it adds is what the user is told about ("new PR!").
//!
//! - [`recompute`] reads the whole log: after an import or a restore, from `spotter
//!   recompute`, and when the aggregates are missing or were counted in another time zone.
//! - After a write ([`after_write`], [`delete_workout`]), only what the write can change is
//!   rebuilt, from the rows it [`Touched`]: the points of its workouts, the records and totals
//!   of its exercises, the aggregates of its days (and the run lengths after them), then the
//!   totals and achievements from the aggregates. A write that could date an achievement
//!   differently (one before the latest achievement, or one that earns a new one, whose date
//!   needs the whole timeline) falls back to [`recompute`]'s whole-log pass in the same
//!   transaction. Either way the result is the one the whole-log pass gives, which
//!   `tests/all/incremental.rs` holds it to.
//!
//! Achievements carry the instant their threshold was first reached in the log
//! ([`achievements::reached_at`]), not the time of the recompute: importing two years of
//! training dates each milestone within those years. A stored achievement dated later than
//! the log says (stored before this rule, or before an older workout was logged) is moved
//! back; dates never move forward, so an achievement the user has seen keeps its day unless
//! the log shows it was reached earlier.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::goals::recheck;
use super::log::local_day_fn;
use crate::domain::scoring::SetFacts;
use crate::domain::scoring::achievements::{self, Achievement, Timeline, Totals};
use crate::domain::scoring::aggregates::{
    DayTotals, ExerciseMonth, ExerciseTotals, Lifetime, days, exercise_months, exercise_totals,
    lifetime, months,
};
use crate::domain::scoring::points::{WORKOUT_BONUS, set_points};
use crate::domain::scoring::records::{
    LoggedSet, Record, RecordType, current_records, first_record_times, new_records,
};
use crate::domain::scoring::stats::{SetDay, WorkoutDay};
use crate::domain::scoring::streaks::streaks;
use crate::server::db::aggregates::DAY_COLUMNS;
use crate::server::db::users::User;
use crate::server::db::workouts::SetFactsRow;
use crate::server::db::{Db, Id, begin_user_write, now, on_db, records};

#[derive(Clone, sqlx::FromRow)]
struct SetLine {
    id: Id,
    session_id: Id,
    exercise_id: Id,
    performed_at: DateTime<Utc>,
    set_index: i64,
    #[sqlx(flatten)]
    numbers: SetFactsRow,
    points: i64,
}

impl SetLine {
    fn facts(&self) -> SetFacts {
        self.numbers.facts()
    }

    fn logged(&self) -> LoggedSet<Id> {
        LoggedSet {
            set_id: self.id.clone(),
            exercise_id: self.exercise_id.clone(),
            performed_at: self.performed_at,
            order: u32::try_from(self.set_index).unwrap_or(0),
            facts: self.facts(),
        }
    }

    fn day(&self, local_day: impl Fn(&DateTime<Utc>) -> NaiveDate) -> SetDay<Id> {
        SetDay {
            exercise_id: self.exercise_id.clone(),
            at: self.performed_at,
            day: local_day(&self.performed_at),
            facts: self.facts(),
        }
    }
}

/// The columns of a [`SetLine`].
const SET_LINE: &str = "id, session_id, exercise_id, performed_at, set_index, set_type, reps, weight_kg, distance_m, duration_s, points";

/// What a recompute changed that is worth telling the user.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Changes {
    pub new_records: Vec<Record<Id>>,
    pub new_achievements: Vec<Achievement>,
    /// The whole log was recomputed (a write fell back to it).
    #[serde(skip)]
    pub whole_log: bool,
}

/// What the log implies, against what is stored: the writes a recompute makes. Pure.
struct Derived {
    set_updates: Vec<(Id, i64)>,
    session_updates: Vec<(Id, i64)>,
    records: Vec<Record<Id>>,
    /// The stored records differ from `records`.
    stale: bool,
    fresh: Vec<Record<Id>>,
    /// Newly earned, with when each was reached.
    new_achievements: Vec<(Achievement, DateTime<Utc>)>,
    /// Stored achievements (by code) to date earlier: the log reached them before their date.
    redated: Vec<(String, DateTime<Utc>)>,
    lost: Vec<String>,
    days: Vec<DayTotals>,
    exercises: Vec<ExerciseTotals<Id>>,
    exercise_months: Vec<ExerciseMonth<Id>>,
    lifetime: Lifetime,
}

fn derive_all(
    sets: &[SetLine],
    sessions: &[(Id, i64, DateTime<Utc>)],
    before: &[Record<Id>],
    stored_achievements: &[(String, DateTime<Utc>)],
    local_day: impl Fn(&DateTime<Utc>) -> NaiveDate,
    now: DateTime<Utc>,
) -> Derived {
    // Points.
    let mut set_updates = Vec::new();
    let mut session_points: HashMap<&Id, i64> = HashMap::new();
    let mut timeline = Timeline::default();
    for s in sets {
        let p = set_points(&s.facts());
        if p != s.points {
            set_updates.push((s.id.clone(), p));
        }
        *session_points.entry(&s.session_id).or_insert(WORKOUT_BONUS) += p;
        timeline.points.push((s.performed_at, p));
    }
    let session_updates: Vec<(Id, i64)> = sessions
        .iter()
        .filter_map(|(id, stored, _)| {
            let p = session_points.get(id).copied().unwrap_or(0);
            (p != *stored).then(|| (id.clone(), p))
        })
        .collect();

    // Records.
    let logged: Vec<LoggedSet<Id>> = sets.iter().map(SetLine::logged).collect();
    let records = current_records(&logged);
    let fresh = new_records(before, &records);
    let stale = !same_records(before, &records);

    // Achievements.
    let session_days: Vec<NaiveDate> = sessions.iter().map(|(_, _, t)| local_day(t)).collect();
    let today = local_day(&now);
    let totals = Totals {
        points: sessions
            .iter()
            .map(|(id, _, _)| session_points.get(id).copied().unwrap_or(0))
            .sum(),
        workouts: sessions.len() as u64,
        longest_streak_days: streaks(session_days.iter().copied(), today).longest_days,
        personal_records: records.len() as u64,
    };
    let earned = achievements::earned(&totals);
    for ((id, _, started), day) in sessions.iter().zip(&session_days) {
        timeline.workouts.push((*started, *day));
        if session_points.contains_key(id) {
            timeline.points.push((*started, WORKOUT_BONUS));
        }
    }
    timeline.records = first_record_times(&logged);
    // Never in the future (a workout dated ahead of time), and now when the log cannot say.
    let reached: HashMap<&str, DateTime<Utc>> = achievements::reached_at(&timeline, today)
        .into_iter()
        .map(|(code, t)| (code, t.min(now)))
        .collect();
    let earned_codes: HashSet<&str> = earned.iter().map(|a| a.code).collect();
    let had: HashSet<&str> = stored_achievements
        .iter()
        .map(|(c, _)| c.as_str())
        .collect();
    let new_achievements: Vec<(Achievement, DateTime<Utc>)> = earned
        .iter()
        .filter(|a| !had.contains(a.code))
        .map(|a| (*a, reached.get(a.code).copied().unwrap_or(now)))
        .collect();
    let redated = stored_achievements
        .iter()
        .filter_map(|(code, stored)| {
            let t = *reached.get(code.as_str())?;
            (earned_codes.contains(code.as_str()) && t < *stored).then(|| (code.clone(), t))
        })
        .collect();
    let lost = had
        .difference(&earned_codes)
        .map(|c| (*c).to_owned())
        .collect();

    // Aggregates.
    let workout_days: Vec<WorkoutDay> = sessions
        .iter()
        .zip(&session_days)
        .map(|((id, _, at), day)| WorkoutDay {
            at: *at,
            day: *day,
            points: session_points.get(id).copied().unwrap_or(0),
        })
        .collect();
    let set_days: Vec<SetDay<Id>> = sets.iter().map(|s| s.day(&local_day)).collect();
    let days = days(&workout_days, &set_days);
    Derived {
        set_updates,
        session_updates,
        records,
        stale,
        fresh,
        new_achievements,
        redated,
        lost,
        lifetime: lifetime(&days),
        days,
        exercises: exercise_totals(&set_days),
        exercise_months: exercise_months(&set_days),
    }
}

/// Inserts personal records (the stored ones they replace deleted first).
macro_rules! insert_records {
    ($tx:ident, $user_id:expr, $records:expr) => {
        for r in ($records as &[Record<Id>]) {
            sqlx::query("INSERT INTO personal_records (id, user_id, exercise_id, record_type, value, unit, achieved_at, set_id)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .bind(Id::new()).bind($user_id).bind(&r.exercise_id).bind(r.record_type.as_str()).bind(r.value)
                .bind(r.record_type.unit()).bind(r.achieved_at).bind(&r.set_id)
                .execute(&mut *$tx).await?;
        }
    };
}

/// Inserts aggregate days (see `migrations/*/…_training_aggregates.sql`), a few hundred per
/// statement.
macro_rules! insert_days {
    ($tx:ident, $user_id:expr, $days:expr) => {
        for chunk in ($days as &[DayTotals]).chunks(500) {
            let mut insert = sqlx::QueryBuilder::new(format!(
                "INSERT INTO training_days (user_id, {DAY_COLUMNS}) "
            ));
            insert.push_values(chunk, |mut row, d| {
                row.push_bind($user_id.clone())
                    .push_bind(d.day)
                    .push_bind(d.workouts)
                    .push_bind(d.points)
                    .push_bind(d.sets)
                    .push_bind(d.volume_kg)
                    .push_bind(d.first_at)
                    .push_bind(d.run_days);
            });
            insert.build().execute(&mut *$tx).await?;
        }
    };
}

/// Writes one exercise's totals over the stored ones.
macro_rules! upsert_exercise {
    ($tx:ident, $user_id:expr, $e:expr) => {
        let e: &ExerciseTotals<Id> = $e;
        sqlx::query(
            "INSERT INTO exercise_totals (user_id, exercise_id, sets) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id, exercise_id) DO UPDATE SET sets = excluded.sets",
        )
        .bind($user_id)
        .bind(&e.exercise_id)
        .bind(e.sets)
        .execute(&mut *$tx)
        .await?;
    };
}

/// Writes the whole log's totals, counted in `$zone`, over the stored ones.
macro_rules! upsert_totals {
    ($tx:ident, $user_id:expr, $zone:expr, $t:expr) => {
        let t: &Lifetime = $t;
        sqlx::query("INSERT INTO training_totals (user_id, timezone, workouts, points, sets, volume_kg, longest_streak_days)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT (user_id) DO UPDATE SET timezone = excluded.timezone, workouts = excluded.workouts,
                       points = excluded.points, sets = excluded.sets, volume_kg = excluded.volume_kg,
                       longest_streak_days = excluded.longest_streak_days")
            .bind($user_id).bind($zone).bind(t.workouts).bind(t.points).bind(t.sets).bind(t.volume_kg)
            .bind(t.longest_streak_days).execute(&mut *$tx).await?;
    };
}

/// Writes one month's totals over the stored ones.
macro_rules! upsert_month {
    ($tx:ident, $user_id:expr, $month:expr, $t:expr) => {
        let t: &Lifetime = $t;
        sqlx::query("INSERT INTO training_months (user_id, month, workouts, points, sets, volume_kg, longest_streak_days)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT (user_id, month) DO UPDATE SET workouts = excluded.workouts, points = excluded.points,
                       sets = excluded.sets, volume_kg = excluded.volume_kg, longest_streak_days = excluded.longest_streak_days")
            .bind($user_id).bind($month).bind(t.workouts).bind(t.points).bind(t.sets).bind(t.volume_kg)
            .bind(t.longest_streak_days).execute(&mut *$tx).await?;
    };
}

/// The recompute itself, on `$tx`, an open write transaction on the user's log (see
/// [`begin_user_write`]); evaluates to `Result<Changes, sqlx::Error>`. A macro so that one
/// body serves both engines inside [`on_db!`] and any change to the log can run in the same
/// transaction as the recompute that follows it ([`recompute`], [`delete_workout`]).
macro_rules! recompute_in {
    ($tx:ident, $user_id:expr, $zone:expr, $local_day:expr) => {
        async {
            let user_id = $user_id;
            let at = now();
            let sets: Vec<SetLine> = sqlx::query_as::<_, SetLine>(&format!(
                "SELECT {SET_LINE} FROM exercise_sets WHERE user_id = $1")).bind(user_id).fetch_all(&mut *$tx).await?;
            let sessions: Vec<(Id, i64, DateTime<Utc>)> = sqlx::query_as(
                "SELECT id, points, started_at FROM workout_sessions WHERE user_id = $1").bind(user_id).fetch_all(&mut *$tx).await?;
            let before = records::to_records(sqlx::query_as::<_, records::StoredRecord>(records::SELECT_STORED).bind(user_id).fetch_all(&mut *$tx).await?);
            let stored_achievements: Vec<(String, DateTime<Utc>)> = sqlx::query_as(
                "SELECT code, earned_at FROM achievements WHERE user_id = $1").bind(user_id).fetch_all(&mut *$tx).await?;
            let d = derive_all(&sets, &sessions, &before, &stored_achievements, $local_day, at);
            for (id, p) in &d.set_updates {
                sqlx::query("UPDATE exercise_sets SET points = $2 WHERE id = $1 AND user_id = $3").bind(id).bind(p).bind(user_id).execute(&mut *$tx).await?;
            }
            for (id, p) in &d.session_updates {
                sqlx::query("UPDATE workout_sessions SET points = $2 WHERE id = $1 AND user_id = $3").bind(id).bind(p).bind(user_id).execute(&mut *$tx).await?;
            }
            if d.stale {
                sqlx::query("DELETE FROM personal_records WHERE user_id = $1").bind(user_id).execute(&mut *$tx).await?;
                insert_records!($tx, user_id, &d.records);
            }
            for (a, earned_at) in &d.new_achievements {
                sqlx::query("INSERT INTO achievements (id, user_id, code, name_en, name_he, description, points_reward, earned_at)
                             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                    .bind(Id::new()).bind(user_id).bind(a.code).bind(a.name_en).bind(a.name_he).bind(a.description)
                    .bind(a.points_reward).bind(earned_at)
                    .execute(&mut *$tx).await?;
            }
            for (code, earned_at) in &d.redated {
                sqlx::query("UPDATE achievements SET earned_at = $3 WHERE user_id = $1 AND code = $2")
                    .bind(user_id).bind(code).bind(earned_at).execute(&mut *$tx).await?;
            }
            for code in &d.lost {
                sqlx::query("DELETE FROM achievements WHERE user_id = $1 AND code = $2").bind(user_id).bind(code).execute(&mut *$tx).await?;
            }
            sqlx::query("DELETE FROM training_days WHERE user_id = $1").bind(user_id).execute(&mut *$tx).await?;
            insert_days!($tx, user_id, &d.days);
            sqlx::query("DELETE FROM training_months WHERE user_id = $1").bind(user_id).execute(&mut *$tx).await?;
            for (month, t) in months(&d.days) {
                upsert_month!($tx, user_id, &month, &t);
            }
            sqlx::query("DELETE FROM exercise_months WHERE user_id = $1").bind(user_id).execute(&mut *$tx).await?;
            for chunk in d.exercise_months.chunks(500) {
                let mut insert = sqlx::QueryBuilder::new("INSERT INTO exercise_months (user_id, exercise_id, month, sets) ");
                insert.push_values(chunk, |mut row, m| {
                    row.push_bind(user_id.clone()).push_bind(m.exercise_id.clone()).push_bind(m.month.clone()).push_bind(m.sets);
                });
                insert.build().execute(&mut *$tx).await?;
            }
            sqlx::query("DELETE FROM exercise_totals WHERE user_id = $1").bind(user_id).execute(&mut *$tx).await?;
            for e in &d.exercises {
                upsert_exercise!($tx, user_id, e);
            }
            upsert_totals!($tx, user_id, $zone, &d.lifetime);
            Ok::<Changes, sqlx::Error>(Changes {
                new_records: d.fresh,
                new_achievements: d.new_achievements.into_iter().map(|(a, _)| a).collect(),
                whole_log: true,
            })
        }
    };
}

mod touched;
pub use touched::{Touched, after_write, delete_workout, touched};

/// Recomputes everything derived from the user's whole log, then their goals' completions.
///
/// Reads and writes happen in one write transaction that is the only one working on this
/// user's log ([`begin_user_write`]), so a concurrent edit can neither delete
/// a set between being read here and a record pointing at it being written, nor interleave
/// two recomputes.
pub async fn recompute(db: &Db, user: &User) -> Result<Changes, sqlx::Error> {
    let local_day = local_day_fn(user);
    let changes = on_db!(db, pool => {
        let mut tx = begin_user_write!(db, pool, &user.id);
        let changes = recompute_in!(tx, &user.id, user.timezone.as_str(), &local_day).await?;
        tx.commit().await?;
        Ok::<Changes, sqlx::Error>(changes)
    })?;
    recheck(db, user, None).await?;
    Ok(changes)
}

/// Whether the stored records are exactly the computed ones: same holder, value and date (a
/// moved workout keeps its records' sets but changes their dates).
fn same_records(stored: &[Record<Id>], computed: &[Record<Id>]) -> bool {
    let by_key: HashMap<(&Id, RecordType), &Record<Id>> = stored
        .iter()
        .map(|r| ((&r.exercise_id, r.record_type), r))
        .collect();
    stored.len() == computed.len()
        && computed.iter().all(|r| {
            by_key
                .get(&(&r.exercise_id, r.record_type))
                .is_some_and(|s| {
                    s.set_id == r.set_id
                        && s.achieved_at == r.achieved_at
                        && (s.value - r.value).abs() < 1e-9
                })
        })
}
