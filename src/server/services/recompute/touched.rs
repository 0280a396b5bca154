//! The recompute after a write: only what the write can change is rebuilt, from the rows it
//! [`Touched`] (read before and after it). See the parent module for the whole-log pass it
//! falls back to and the test that holds the two to the same result.

use std::collections::{BTreeSet, HashSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

// `recompute_in!` (the whole-log fallback) expands here and names the parent's items.
use super::{Changes, SET_LINE, SetLine, derive_all, same_records};
use crate::domain::scoring::achievements::{self, Totals};
use crate::domain::scoring::aggregates::{
    DayTotals, ExerciseTotals, Lifetime, days, lifetime, month_bounds, month_of, months,
    number_runs,
};
use crate::domain::scoring::points::{WORKOUT_BONUS, set_points};
use crate::domain::scoring::records::{LoggedSet, Record, current_records, new_records};
use crate::domain::scoring::stats::{SetDay, WorkoutDay};
use crate::server::db::aggregates::{DAY_COLUMNS, DayRow, LONGEST_RUN_TO};
use crate::server::db::users::User;
use crate::server::db::workouts::{self, DATED_SET, DatedSet};
use crate::server::db::{Db, Id, begin_user_write, now, on_db, records};
use crate::server::services::goals::recheck;
use crate::server::services::log::local_day_fn;

/// What a write touched in the log, read before and after it ([`touched`]): the recompute
/// after it rebuilds only what these can change.
#[derive(Clone, Debug, Default)]
pub struct Touched {
    pub sessions: BTreeSet<Id>,
    pub exercises: BTreeSet<Id>,
    /// Exercises with a record held by one of these workouts' sets: their records are
    /// recomputed from all their sets (the set may be gone, or moved in time).
    pub record_holders: BTreeSet<Id>,
    /// When its workouts started and its sets were performed.
    pub instants: Vec<DateTime<Utc>>,
    /// The write only took training away (a deleted workout): nothing was reached earlier.
    pub only_removed: bool,
}

impl Touched {
    pub fn merge(mut self, other: Touched) -> Touched {
        self.sessions.extend(other.sessions);
        self.exercises.extend(other.exercises);
        self.record_holders.extend(other.record_holders);
        self.instants.extend(other.instants);
        self.only_removed &= other.only_removed;
        self
    }

    fn earliest(&self) -> Option<DateTime<Utc>> {
        self.instants.iter().min().copied()
    }
}

/// A workout's part of the log as it stands, on `$exec` (a pool or `&mut *tx`); evaluates to
/// `Result<Touched, sqlx::Error>`.
macro_rules! touched_on {
    ($exec:expr, $user_id:expr, $session:expr) => {
        async {
            let (user_id, session): (&Id, &Id) = ($user_id, $session);
            let started: Option<DateTime<Utc>> = sqlx::query_scalar(
                "SELECT started_at FROM workout_sessions WHERE id = $1 AND user_id = $2")
                .bind(session).bind(user_id).fetch_optional($exec).await?;
            let sets: Vec<(Id, DateTime<Utc>)> = sqlx::query_as(
                "SELECT exercise_id, performed_at FROM exercise_sets WHERE session_id = $1 AND user_id = $2")
                .bind(session).bind(user_id).fetch_all($exec).await?;
            let holders: Vec<(Id,)> = sqlx::query_as(
                "SELECT r.exercise_id FROM personal_records r JOIN exercise_sets s ON s.id = r.set_id
                 WHERE s.session_id = $1 AND r.user_id = $2")
                .bind(session).bind(user_id).fetch_all($exec).await?;
            let mut t = Touched::default();
            t.record_holders.extend(holders.into_iter().map(|(e,)| e));
            if let Some(started) = started {
                t.sessions.insert(session.clone());
                t.instants.push(started);
            }
            for (exercise, at) in sets {
                t.exercises.insert(exercise);
                t.instants.push(at);
            }
            Ok::<Touched, sqlx::Error>(t)
        }
    };
}

/// One of the user's workouts as it stands (nothing when it is not theirs or is gone).
pub async fn touched(db: &Db, user_id: &Id, session: &Id) -> Result<Touched, sqlx::Error> {
    on_db!(db, pool => touched_on!(pool, user_id, session).await)
}

/// The recompute after a write that touched `$touched`, on `$tx` (as [`recompute_in!`]);
/// evaluates to `Result<Changes, sqlx::Error>`.
macro_rules! recompute_touched_in {
    ($tx:ident, $user_id:expr, $zone:expr, $local_day:expr, $touched:expr) => {
        async {
            let (user_id, zone, touched): (&Id, &str, &Touched) = ($user_id, $zone, $touched);
            let local_day = $local_day;
            let today = local_day(&now());
            let counted_in: Option<String> = sqlx::query_scalar("SELECT timezone FROM training_totals WHERE user_id = $1")
                .bind(user_id).fetch_optional(&mut *$tx).await?;
            let stored_achievements: Vec<(String, DateTime<Utc>)> = sqlx::query_as(
                "SELECT code, earned_at FROM achievements WHERE user_id = $1").bind(user_id).fetch_all(&mut *$tx).await?;
            let latest_earned = stored_achievements.iter().map(|(_, t)| *t).max();
            let redates = !touched.only_removed
                && matches!((touched.earliest(), latest_earned), (Some(t), Some(latest)) if t < latest);
            if counted_in.as_deref() != Some(zone) || redates {
                return recompute_in!($tx, user_id, zone, local_day).await;
            }

            // Points of the touched workouts, from their sets as they are now.
            let mut now_sets: Vec<SetLine> = Vec::new();
            for session in &touched.sessions {
                let lines: Vec<SetLine> = sqlx::query_as::<_, SetLine>(&format!(
                    "SELECT {SET_LINE} FROM exercise_sets WHERE session_id = $1 AND user_id = $2"))
                    .bind(session).bind(user_id).fetch_all(&mut *$tx).await?;
                let mut total = if lines.is_empty() { 0 } else { WORKOUT_BONUS };
                for l in &lines {
                    let p = set_points(&l.facts());
                    total += p;
                    if p != l.points {
                        sqlx::query("UPDATE exercise_sets SET points = $2 WHERE id = $1 AND user_id = $3").bind(&l.id).bind(p).bind(user_id).execute(&mut *$tx).await?;
                    }
                }
                sqlx::query("UPDATE workout_sessions SET points = $2 WHERE id = $1 AND user_id = $3 AND points <> $2")
                    .bind(session).bind(total).bind(user_id).execute(&mut *$tx).await?;
                now_sets.extend(lines);
            }

            // Records of the touched exercises. The stored holders beat or tie
            // every other set of their exercise that the write left alone, so the records are
            // those of the holders and the touched sets; unless a holder was among the touched
            // sets, when all of the exercise's sets are read.
            let mut fresh = Vec::new();
            for exercise in &touched.exercises {
                let candidates: Vec<SetLine> = if touched.record_holders.contains(exercise) {
                    sqlx::query_as::<_, SetLine>(&format!(
                        "SELECT {SET_LINE} FROM exercise_sets WHERE user_id = $1 AND exercise_id = $2"))
                        .bind(user_id).bind(exercise).fetch_all(&mut *$tx).await?
                } else {
                    // Driven from the records (a join: SQLite would plan `id IN (…)` as a walk
                    // over the user's sets).
                    let mut holders: Vec<SetLine> = sqlx::query_as::<_, SetLine>(&format!(
                        "SELECT {} FROM personal_records r JOIN exercise_sets s ON s.id = r.set_id
                         WHERE r.user_id = $1 AND r.exercise_id = $2",
                        SET_LINE.split(", ").map(|c| format!("s.{c}")).collect::<Vec<_>>().join(", ")))
                        .bind(user_id).bind(exercise).fetch_all(&mut *$tx).await?;
                    holders.extend(now_sets.iter().filter(|l| &l.exercise_id == exercise).cloned());
                    holders.sort_by(|a, b| a.id.cmp(&b.id));
                    holders.dedup_by(|a, b| a.id == b.id);
                    holders
                };
                let logged: Vec<LoggedSet<Id>> = candidates.iter().map(SetLine::logged).collect();
                let computed = current_records(&logged);
                let before = records::to_records(sqlx::query_as::<_, records::StoredRecord>(
                    &format!("{} AND exercise_id = $2", records::SELECT_STORED)).bind(user_id).bind(exercise).fetch_all(&mut *$tx).await?);
                fresh.extend(new_records(&before, &computed));
                if !same_records(&before, &computed) {
                    sqlx::query("DELETE FROM personal_records WHERE user_id = $1 AND exercise_id = $2").bind(user_id).bind(exercise).execute(&mut *$tx).await?;
                    insert_records!($tx, user_id, &computed);
                }
            }

            // The touched days, the run lengths after them, and the months of both.
            let touched_days: BTreeSet<NaiveDate> = touched.instants.iter().map(&local_day).collect();
            let mut months_changed: BTreeSet<NaiveDate> = BTreeSet::new();
            if let (Some(&first), Some(&last)) = (touched_days.first(), touched_days.last()) {
                // A day is read from a day earlier to a day later in UTC, which covers every zone.
                let after = first.and_time(NaiveTime::MIN).and_utc() - Duration::days(1);
                let before = last.and_time(NaiveTime::MIN).and_utc() + Duration::days(2);
                let sessions: Vec<(DateTime<Utc>, i64)> = sqlx::query_as(
                    "SELECT started_at, points FROM workout_sessions WHERE user_id = $1 AND started_at >= $2 AND started_at < $3")
                    .bind(user_id).bind(after).bind(before).fetch_all(&mut *$tx).await?;
                let lines: Vec<DatedSet> = sqlx::query_as(&format!(
                    "SELECT {DATED_SET} FROM exercise_sets WHERE user_id = $1 AND performed_at >= $2 AND performed_at < $3"))
                    .bind(user_id).bind(after).bind(before).fetch_all(&mut *$tx).await?;
                let inside = |day: &NaiveDate| *day >= first && *day <= last;
                let workouts: Vec<WorkoutDay> = sessions.iter()
                    .map(|(at, points)| WorkoutDay { at: *at, day: local_day(at), points: *points })
                    .filter(|w| inside(&w.day)).collect();
                let set_days: Vec<SetDay<Id>> = lines.into_iter()
                    .map(|l| l.on(&local_day))
                    .filter(|s| inside(&s.day)).collect();
                let mut rebuilt = days(&workouts, &set_days);
                let run_before: Option<(NaiveDate, i64)> = sqlx::query_as(
                    "SELECT day, run_days FROM training_days WHERE user_id = $1 AND day < $2 AND workouts > 0 ORDER BY day DESC LIMIT 1")
                    .bind(user_id).bind(first).fetch_optional(&mut *$tx).await?;
                let later: Vec<DayTotals> = sqlx::query_as::<_, DayRow>(&format!(
                    "SELECT {DAY_COLUMNS} FROM training_days WHERE user_id = $1 AND day > $2 ORDER BY day"))
                    .bind(user_id).bind(last).fetch_all(&mut *$tx).await?
                    .into_iter().map(DayTotals::from).collect();
                let span = rebuilt.len();
                rebuilt.extend(later.iter().cloned());
                number_runs(&mut rebuilt, run_before);
                sqlx::query("DELETE FROM training_days WHERE user_id = $1 AND day >= $2 AND day <= $3")
                    .bind(user_id).bind(first).bind(last).execute(&mut *$tx).await?;
                insert_days!($tx, user_id, &rebuilt[..span]);
                let mut month = month_bounds(first).0;
                while month <= last {
                    months_changed.insert(month);
                    month = month_bounds(month).1;
                }
                for (now_, was) in rebuilt[span..].iter().zip(&later) {
                    if now_.run_days != was.run_days {
                        sqlx::query("UPDATE training_days SET run_days = $3 WHERE user_id = $1 AND day = $2")
                            .bind(user_id).bind(now_.day).bind(now_.run_days).execute(&mut *$tx).await?;
                        months_changed.insert(month_bounds(now_.day).0);
                    }
                }
            }
            for month in &months_changed {
                let (from, to) = month_bounds(*month);
                let in_month: Vec<DayTotals> = sqlx::query_as::<_, DayRow>(&format!(
                    "SELECT {DAY_COLUMNS} FROM training_days WHERE user_id = $1 AND day >= $2 AND day < $3 ORDER BY day"))
                    .bind(user_id).bind(from).bind(to).fetch_all(&mut *$tx).await?
                    .into_iter().map(DayTotals::from).collect();
                if in_month.is_empty() {
                    sqlx::query("DELETE FROM training_months WHERE user_id = $1 AND month = $2")
                        .bind(user_id).bind(month_of(*month)).execute(&mut *$tx).await?;
                } else {
                    upsert_month!($tx, user_id, month_of(*month), &lifetime(&in_month));
                }
            }

            // Working sets of the touched exercises in the touched months, and their totals.
            let set_months: BTreeSet<NaiveDate> = touched_days.iter().map(|d| month_bounds(*d).0).collect();
            for exercise in &touched.exercises {
                for month in &set_months {
                    let (from, to) = month_bounds(*month);
                    let after = from.and_time(NaiveTime::MIN).and_utc() - Duration::days(1);
                    let before = to.and_time(NaiveTime::MIN).and_utc() + Duration::days(1);
                    let lines: Vec<DatedSet> = sqlx::query_as(&format!(
                        "SELECT {DATED_SET} FROM exercise_sets
                         WHERE user_id = $1 AND exercise_id = $2 AND performed_at >= $3 AND performed_at < $4"))
                        .bind(user_id).bind(exercise).bind(after).bind(before).fetch_all(&mut *$tx).await?;
                    let sets = lines.into_iter()
                        .map(|l| l.on(&local_day))
                        .filter(|s| !s.facts.is_warmup() && (from..to).contains(&s.day))
                        .count();
                    if sets == 0 {
                        sqlx::query("DELETE FROM exercise_months WHERE user_id = $1 AND exercise_id = $2 AND month = $3")
                            .bind(user_id).bind(exercise).bind(month_of(*month)).execute(&mut *$tx).await?;
                    } else {
                        sqlx::query("INSERT INTO exercise_months (user_id, exercise_id, month, sets) VALUES ($1, $2, $3, $4)
                                     ON CONFLICT (user_id, exercise_id, month) DO UPDATE SET sets = excluded.sets")
                            .bind(user_id).bind(exercise).bind(month_of(*month)).bind(i64::try_from(sets).unwrap_or(i64::MAX))
                            .execute(&mut *$tx).await?;
                    }
                }
                let sets: i64 = sqlx::query_scalar(
                    "SELECT CAST(COALESCE(SUM(sets), 0) AS BIGINT) FROM exercise_months WHERE user_id = $1 AND exercise_id = $2")
                    .bind(user_id).bind(exercise).fetch_one(&mut *$tx).await?;
                if sets > 0 {
                    upsert_exercise!($tx, user_id, &ExerciseTotals { exercise_id: exercise.clone(), sets });
                } else {
                    sqlx::query("DELETE FROM exercise_totals WHERE user_id = $1 AND exercise_id = $2").bind(user_id).bind(exercise).execute(&mut *$tx).await?;
                }
            }

            // The whole log's totals from the months, and the achievements.
            let (workouts, points, sets, volume_kg, longest): (i64, i64, i64, f64, i64) = sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(workouts), 0) AS BIGINT), CAST(COALESCE(SUM(points), 0) AS BIGINT),
                        CAST(COALESCE(SUM(sets), 0) AS BIGINT), CAST(COALESCE(SUM(volume_kg), 0) AS DOUBLE PRECISION),
                        CAST(COALESCE(MAX(longest_streak_days), 0) AS BIGINT)
                 FROM training_months WHERE user_id = $1").bind(user_id).fetch_one(&mut *$tx).await?;
            let totals = Lifetime { workouts, points, sets, volume_kg, longest_streak_days: longest };
            upsert_totals!($tx, user_id, zone, &totals);
            // Streak achievements count days up to today; days ahead are rare.
            let ahead: Option<NaiveDate> = sqlx::query_scalar(
                "SELECT day FROM training_days WHERE user_id = $1 AND day > $2 LIMIT 1")
                .bind(user_id).bind(today).fetch_optional(&mut *$tx).await?;
            let longest_to_today: i64 = if ahead.is_none() {
                longest
            } else {
                sqlx::query_scalar(LONGEST_RUN_TO).bind(user_id).bind(today).fetch_one(&mut *$tx).await?
            };
            let record_count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM personal_records WHERE user_id = $1")
                .bind(user_id).fetch_one(&mut *$tx).await?;
            let earned = achievements::earned(&Totals {
                points,
                workouts: u64::try_from(workouts).unwrap_or(0),
                longest_streak_days: u32::try_from(longest_to_today).unwrap_or(0),
                personal_records: u64::try_from(record_count).unwrap_or(0),
            });
            let had: HashSet<&str> = stored_achievements.iter().map(|(c, _)| c.as_str()).collect();
            if earned.iter().any(|a| !had.contains(a.code)) {
                // When it was reached needs the whole timeline.
                let mut changes = recompute_in!($tx, user_id, zone, local_day).await?;
                changes.new_records.extend(fresh);
                return Ok(changes);
            }
            let earned_codes: HashSet<&str> = earned.iter().map(|a| a.code).collect();
            for code in had.difference(&earned_codes) {
                sqlx::query("DELETE FROM achievements WHERE user_id = $1 AND code = $2").bind(user_id).bind(*code).execute(&mut *$tx).await?;
            }
            Ok::<Changes, sqlx::Error>(Changes { new_records: fresh, new_achievements: Vec::new(), whole_log: false })
        }
    };
}

/// Recomputes what a write that touched `touched` (its workouts as they were before it and
/// are after it, see [`touched`]) can have changed, then the goals it can have met earlier.
pub async fn after_write(db: &Db, user: &User, touched: &Touched) -> Result<Changes, sqlx::Error> {
    let local_day = local_day_fn(user);
    let changes = on_db!(db, pool => {
        let mut tx = begin_user_write!(db, pool, &user.id);
        let changes = recompute_touched_in!(tx, &user.id, user.timezone.as_str(), &local_day, touched).await?;
        tx.commit().await?;
        Ok::<Changes, sqlx::Error>(changes)
    })?;
    let since = if changes.whole_log {
        None
    } else {
        touched.earliest()
    };
    recheck(db, user, since).await?;
    Ok(changes)
}

/// Deletes one of the user's workouts (its sets go with it) and recomputes what it changed, in
/// one transaction: records never point at a deleted set, and a failure leaves the workout in
/// place. `false` when the workout is not theirs.
pub async fn delete_workout(db: &Db, user: &User, id: &Id) -> Result<bool, sqlx::Error> {
    let local_day = local_day_fn(user);
    on_db!(db, pool => {
        let mut tx = begin_user_write!(db, pool, &user.id);
        let touched = Touched { only_removed: true, ..touched_on!(&mut *tx, &user.id, id).await? };
        let deleted = sqlx::query(workouts::DELETE_ONE)
            .bind(id).bind(&user.id).execute(&mut *tx).await?.rows_affected();
        if deleted == 0 {
            return Ok(false);
        }
        recompute_touched_in!(tx, &user.id, user.timezone.as_str(), &local_day, &touched).await?;
        tx.commit().await?;
        // Removing training cannot show a goal was met earlier: no goal to recheck.
        Ok(true)
    })
}
