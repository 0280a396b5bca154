//! The numbers of `GET /stats` and the progress page, from the log: totals for a calendar
//! period in the user's time zone (week = Monday to Sunday), this month against last month,
//! the favourite exercise (most working sets in the period), lifetime streaks and level.
//!
//! A summary never needs the whole log: it reads the recent part of it ([`Log`], from the
//! first day a period needs) and the whole log's numbers ([`Whole`]), which the server keeps
//! as aggregates ([`super::aggregates`]) so that reading them costs the same after ten years
//! of training as after ten days.

use std::collections::HashMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::SetFacts;
use super::levels::{Level, level_for};
use super::streaks::{RunDay, run_days, streaks};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Week,
    Month,
    Year,
    #[default]
    All,
}

impl Period {
    /// First day of the period containing `today` (`None` for all time).
    pub fn start(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Week => {
                Some(today - Duration::days(i64::from(today.weekday().num_days_from_monday())))
            }
            Period::Month => today.with_day(1),
            Period::Year => NaiveDate::from_ymd_opt(today.year(), 1, 1),
            Period::All => None,
        }
    }
}

/// A workout as stats need it: when it started, the local day that was, and its points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WorkoutDay {
    pub at: DateTime<Utc>,
    pub day: NaiveDate,
    pub points: i64,
}

/// A set as stats need it: when it was performed and the local day that was.
#[derive(Clone, Debug, PartialEq)]
pub struct SetDay<Id> {
    pub exercise_id: Id,
    pub at: DateTime<Utc>,
    pub day: NaiveDate,
    pub facts: SetFacts,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Totals {
    pub workouts: u64,
    pub sets: u64,
    pub volume_kg: f64,
    pub points: i64,
}

/// The part of a user's log that a summary or a goal reads: the workouts and sets from some
/// day on (earlier ones are absent, so only windows from that day can be counted), the
/// training days up to `today` from that day with their run lengths (counted from the first
/// workout ever, so a streak that began earlier is whole), and the user's today.
#[derive(Clone, Debug, PartialEq)]
pub struct Log<Id> {
    pub workouts: Vec<WorkoutDay>,
    pub sets: Vec<SetDay<Id>>,
    pub runs: Vec<RunDay>,
    pub today: NaiveDate,
}

impl<Id: Clone> Log<Id> {
    /// The whole log (what tests and a full recompute hold).
    pub fn whole(workouts: &[WorkoutDay], sets: &[SetDay<Id>], today: NaiveDate) -> Self {
        Log {
            workouts: workouts.to_vec(),
            sets: sets.to_vec(),
            runs: run_days(workouts.iter().map(|w| (w.at, w.day)), today),
            today,
        }
    }
}

impl<Id> Log<Id> {
    /// Days in a row with a workout up to today, alive through today when the last one was
    /// yesterday (as [`streaks`] counts it). The log must start by yesterday at the latest.
    pub fn current_streak_days(&self) -> u32 {
        self.runs
            .iter()
            .rev()
            .find(|r| r.day <= self.today)
            .filter(|r| self.today.signed_duration_since(r.day).num_days() <= 1)
            .map_or(0, |r| r.run_days)
    }
}

/// The whole log's numbers up to today, which a summary for all time reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Whole<Id> {
    /// Workouts and working sets up to today.
    pub totals: Totals,
    /// Working sets of each exercise up to today.
    pub sets_by_exercise: Vec<(Id, u64)>,
    /// Every workout's points, future-dated ones too (the level counts them).
    pub points: i64,
    pub longest_streak_days: u32,
}

impl<Id: Clone + Eq + std::hash::Hash + Ord> Whole<Id> {
    /// From every workout and set (the definition; the server reads the same numbers from its
    /// aggregates).
    pub fn of(workouts: &[WorkoutDay], sets: &[SetDay<Id>], today: NaiveDate) -> Self {
        Whole {
            totals: totals(workouts, sets, None, today),
            sets_by_exercise: sets_by_exercise(sets, None, today),
            points: workouts.iter().map(|w| w.points).sum(),
            longest_streak_days: streaks(workouts.iter().map(|w| w.day), today).longest_days,
        }
    }
}

/// Working sets per exercise on the days from `from` to `to`, by exercise.
fn sets_by_exercise<Id: Clone + Eq + std::hash::Hash + Ord>(
    sets: &[SetDay<Id>],
    from: Option<NaiveDate>,
    to: NaiveDate,
) -> Vec<(Id, u64)> {
    let mut counts: HashMap<&Id, u64> = HashMap::new();
    for s in sets
        .iter()
        .filter(|s| from.is_none_or(|f| s.day >= f) && s.day <= to && !s.facts.is_warmup())
    {
        *counts.entry(&s.exercise_id).or_default() += 1;
    }
    let mut out: Vec<(Id, u64)> = counts.into_iter().map(|(id, n)| (id.clone(), n)).collect();
    out.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The exercise with the most working sets (the smallest id on a tie).
fn favourite<Id: Clone + Ord>(counts: &[(Id, u64)]) -> Option<Id> {
    counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map(|(id, _)| id.clone())
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary<Id> {
    pub period: Period,
    pub from: Option<NaiveDate>,
    pub totals: Totals,
    pub this_month: Totals,
    pub last_month: Totals,
    pub favourite_exercise: Option<Id>,
    pub current_streak_days: u32,
    pub longest_streak_days: u32,
    pub lifetime_points: i64,
    pub level: Level,
    pub level_progress: u8,
    pub points_to_next_level: i64,
}

fn totals<Id>(
    workouts: &[WorkoutDay],
    sets: &[SetDay<Id>],
    from: Option<NaiveDate>,
    to: NaiveDate,
) -> Totals {
    let inside = |d: NaiveDate| from.is_none_or(|f| d >= f) && d <= to;
    let mut t = Totals::default();
    for w in workouts.iter().filter(|w| inside(w.day)) {
        t.workouts += 1;
        t.points += w.points;
    }
    for s in sets
        .iter()
        .filter(|s| inside(s.day) && !s.facts.is_warmup())
    {
        t.sets += 1;
        t.volume_kg += s.facts.volume_kg().unwrap_or(0.0);
    }
    t
}

/// The summary for `period` from the recent log (which must start by the first day of last
/// month and of the period, unless the period is all time) and the whole log's numbers.
pub fn summarize<Id: Clone + Eq + std::hash::Hash + Ord>(
    log: &Log<Id>,
    whole: &Whole<Id>,
    period: Period,
) -> Summary<Id> {
    let today = log.today;
    let from = period.start(today);
    let month_start = Period::Month.start(today).unwrap_or(today);
    let last_month_end = month_start - Duration::days(1);
    let last_month_start = Period::Month
        .start(last_month_end)
        .unwrap_or(last_month_end);
    let (totals_now, favourite_exercise) = match from {
        None => (whole.totals, favourite(&whole.sets_by_exercise)),
        Some(f) => (
            totals(&log.workouts, &log.sets, from, today),
            favourite(&sets_by_exercise(&log.sets, Some(f), today)),
        ),
    };
    let level = level_for(whole.points);
    Summary {
        period,
        from,
        totals: totals_now,
        this_month: totals(&log.workouts, &log.sets, Some(month_start), today),
        last_month: totals(
            &log.workouts,
            &log.sets,
            Some(last_month_start),
            last_month_end,
        ),
        favourite_exercise,
        current_streak_days: log.current_streak_days(),
        longest_streak_days: whole.longest_streak_days,
        lifetime_points: whole.points,
        level: level.level,
        level_progress: level.progress,
        points_to_next_level: level.points_to_next,
    }
}

/// The first day a summary for `period` reads from the log: the period's first day or the
/// first of last month, whichever is earlier (and yesterday at the latest, for the streak).
pub fn first_day_read(period: Period, today: NaiveDate) -> NaiveDate {
    let month_start = Period::Month.start(today).unwrap_or(today);
    let last_month_start = Period::Month
        .start(month_start - Duration::days(1))
        .unwrap_or(month_start);
    period
        .start(today)
        .map_or(last_month_start, |f| f.min(last_month_start))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::training::SetType;

    pub(crate) fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Noon UTC on `day`: when the test workouts and sets happen.
    pub(crate) fn noon(day: &str) -> DateTime<Utc> {
        d(day).and_hms_opt(12, 0, 0).unwrap().and_utc()
    }

    /// A workout on `day` worth `points` (shared with the goals tests).
    pub(crate) fn workout(day: &str, points: i64) -> WorkoutDay {
        WorkoutDay {
            at: noon(day),
            day: d(day),
            points,
        }
    }

    /// A set of `reps` × `kg` of exercise `ex` on `day` (shared with the goals tests).
    pub(crate) fn lift(ex: &str, day: &str, reps: u32, kg: f64) -> SetDay<String> {
        SetDay {
            exercise_id: ex.into(),
            at: noon(day),
            day: d(day),
            facts: SetFacts {
                reps: Some(reps),
                weight_kg: Some(kg),
                ..Default::default()
            },
        }
    }

    #[test]
    fn period_starts() {
        let today = d("2026-11-25"); // a Wednesday
        assert_eq!(Period::Week.start(today), Some(d("2026-11-23")));
        assert_eq!(Period::Month.start(today), Some(d("2026-11-01")));
        assert_eq!(Period::Year.start(today), Some(d("2026-01-01")));
        assert_eq!(Period::All.start(today), None);
    }

    #[test]
    fn month_against_last_month_and_favourite() {
        let today = d("2026-11-25");
        let workouts = [
            workout("2026-10-30", 50),
            workout("2026-10-31", 40),
            workout("2026-11-24", 70),
            workout("2026-11-25", 30),
        ];
        let mut warmup = lift("squat", "2026-11-24", 10, 60.0);
        warmup.facts.set_type = SetType::Warmup;
        let sets = vec![
            lift("bench", "2026-10-30", 8, 80.0),
            lift("bench", "2026-10-31", 8, 80.0),
            lift("bench", "2026-10-31", 8, 80.0),
            lift("squat", "2026-11-24", 5, 100.0),
            lift("squat", "2026-11-25", 5, 100.0),
            warmup.clone(),
            warmup,
            lift("bench", "2026-11-25", 8, 80.0),
        ];
        let log = Log::whole(&workouts, &sets, today);
        let whole = Whole::of(&workouts, &sets, today);
        let s = summarize(&log, &whole, Period::Month);
        assert_eq!(
            s.totals,
            Totals {
                workouts: 2,
                sets: 3,
                volume_kg: 1640.0,
                points: 100
            }
        );
        assert_eq!(s.this_month, s.totals);
        assert_eq!(
            s.last_month,
            Totals {
                workouts: 2,
                sets: 3,
                volume_kg: 1920.0,
                points: 90
            }
        );
        assert_eq!(
            s.favourite_exercise.as_deref(),
            Some("squat"),
            "warm-ups do not count"
        );
        assert_eq!((s.current_streak_days, s.longest_streak_days), (2, 2));
        assert_eq!(s.lifetime_points, 190);
        let all = summarize(&log, &whole, Period::All);
        assert_eq!(all.favourite_exercise.as_deref(), Some("bench"));
        assert_eq!(all.totals.workouts, 4);
    }

    #[test]
    fn january_compares_with_december() {
        let workouts = [workout("2025-12-31", 5)];
        let today = d("2026-01-02");
        let s = summarize::<String>(
            &Log::whole(&workouts, &[], today),
            &Whole::of(&workouts, &[], today),
            Period::Week,
        );
        assert_eq!(s.last_month.points, 5);
        assert_eq!(s.this_month.points, 0);
        assert_eq!(
            s.totals.points, 5,
            "the week of Jan 2, 2026 starts on Dec 29"
        );
    }
}
