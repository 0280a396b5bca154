//! Aggregates of a user's log that the server keeps in tables (`training_days`,
//! `exercise_totals`, `training_totals`), so that a summary for all time, a streak or a goal
//! reads a few rows instead of every set ever logged. Everything here is pure and computed
//! from the log itself: a recompute builds every row from the whole log, and a write rebuilds
//! the rows of the days and exercises it touched ([`days`], [`number_runs`],
//! [`exercise_months`]), then the months of those days ([`months`]), the whole log's totals
//! from the months ([`sum`]) and each touched exercise's total from its months: a write reads
//! a few dozen rows, not years of days or sets. [`whole`] turns the stored rows back into the numbers of
//! [`Whole::of`], which is how tests hold the two to the same answers.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Datelike, Months, NaiveDate, Utc};

use super::stats::{SetDay, Totals, Whole, WorkoutDay};

/// One local calendar day of the log.
#[derive(Clone, Debug, PartialEq)]
pub struct DayTotals {
    pub day: NaiveDate,
    /// Workouts that started this day, and their points.
    pub workouts: i64,
    pub points: i64,
    /// Working (non-warm-up) sets performed this day, and their weight × reps.
    pub sets: i64,
    pub volume_kg: f64,
    /// The day's first workout's start; `None` on a day with sets only (a workout that ran
    /// past midnight).
    pub first_at: Option<DateTime<Utc>>,
    /// Consecutive days with a workout ending on this one; 0 without a workout.
    pub run_days: i64,
}

/// Working sets of one exercise over the whole log.
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseTotals<Id> {
    pub exercise_id: Id,
    pub sets: i64,
}

/// Working sets of one exercise in one month (`YYYY-MM`).
#[derive(Clone, Debug, PartialEq)]
pub struct ExerciseMonth<Id> {
    pub exercise_id: Id,
    pub month: String,
    pub sets: i64,
}

/// The whole log's totals (future-dated days included) and its longest run of workout days.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Lifetime {
    pub workouts: i64,
    pub points: i64,
    pub sets: i64,
    pub volume_kg: f64,
    pub longest_streak_days: i64,
}

/// The days of `workouts` and `sets` (any order), in day order, with their runs numbered from
/// nothing before them ([`number_runs`] continues an earlier run).
pub fn days<Id>(workouts: &[WorkoutDay], sets: &[SetDay<Id>]) -> Vec<DayTotals> {
    fn entry(by_day: &mut BTreeMap<NaiveDate, DayTotals>, day: NaiveDate) -> &mut DayTotals {
        by_day.entry(day).or_insert_with(|| DayTotals {
            day,
            workouts: 0,
            points: 0,
            sets: 0,
            volume_kg: 0.0,
            first_at: None,
            run_days: 0,
        })
    }
    let mut by_day: BTreeMap<NaiveDate, DayTotals> = BTreeMap::new();
    for w in workouts {
        let d = entry(&mut by_day, w.day);
        d.workouts += 1;
        d.points += w.points;
        d.first_at = Some(d.first_at.map_or(w.at, |t| t.min(w.at)));
    }
    for s in sets.iter().filter(|s| !s.facts.is_warmup()) {
        let d = entry(&mut by_day, s.day);
        d.sets += 1;
        d.volume_kg += s.facts.volume_kg().unwrap_or(0.0);
    }
    let mut out: Vec<DayTotals> = by_day.into_values().collect();
    number_runs(&mut out, None);
    out
}

/// Numbers the runs of `days` (in day order): each day with a workout gets the count of
/// consecutive workout days ending on it, continuing `before`, the last workout day before
/// them and its run length.
pub fn number_runs(days: &mut [DayTotals], before: Option<(NaiveDate, i64)>) {
    let mut previous = before;
    for d in days {
        if d.workouts == 0 {
            d.run_days = 0;
            continue;
        }
        d.run_days = match previous {
            Some((day, run)) if d.day.signed_duration_since(day).num_days() == 1 => run + 1,
            _ => 1,
        };
        previous = Some((d.day, d.run_days));
    }
}

/// Working sets per exercise, by exercise (exercises with warm-ups only are left out).
pub fn exercise_totals<Id: Clone + Ord>(sets: &[SetDay<Id>]) -> Vec<ExerciseTotals<Id>> {
    let mut by_exercise: BTreeMap<&Id, i64> = BTreeMap::new();
    for s in sets.iter().filter(|s| !s.facts.is_warmup()) {
        *by_exercise.entry(&s.exercise_id).or_default() += 1;
    }
    by_exercise
        .into_iter()
        .map(|(id, sets)| ExerciseTotals {
            exercise_id: id.clone(),
            sets,
        })
        .collect()
}

/// Working sets per exercise and month, by exercise then month.
pub fn exercise_months<Id: Clone + Ord>(sets: &[SetDay<Id>]) -> Vec<ExerciseMonth<Id>> {
    let mut counts: BTreeMap<(&Id, String), i64> = BTreeMap::new();
    for s in sets.iter().filter(|s| !s.facts.is_warmup()) {
        *counts.entry((&s.exercise_id, month_of(s.day))).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|((id, month), sets)| ExerciseMonth {
            exercise_id: id.clone(),
            month,
            sets,
        })
        .collect()
}

/// The totals of some days (the whole log's, from all of them).
pub fn lifetime(days: &[DayTotals]) -> Lifetime {
    sum(&days
        .iter()
        .map(|d| Lifetime {
            workouts: d.workouts,
            points: d.points,
            sets: d.sets,
            volume_kg: d.volume_kg,
            longest_streak_days: d.run_days,
        })
        .collect::<Vec<_>>())
}

/// A calendar month's key in `training_months`: `YYYY-MM`.
pub fn month_of(day: NaiveDate) -> String {
    day.format("%Y-%m").to_string()
}

/// The first day of `day`'s month and of the month after.
pub fn month_bounds(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let first = day.with_day(1).unwrap_or(day);
    let next = first
        .checked_add_months(Months::new(1))
        .unwrap_or(NaiveDate::MAX);
    (first, next)
}

/// The days (in day order) summed by month, each month's longest being its longest run.
pub fn months(days: &[DayTotals]) -> Vec<(String, Lifetime)> {
    days.chunk_by(|a, b| (a.day.year(), a.day.month()) == (b.day.year(), b.day.month()))
        .map(|m| (month_of(m[0].day), lifetime(m)))
        .collect()
}

/// Totals summed (longest: the longest of them).
pub fn sum(parts: &[Lifetime]) -> Lifetime {
    parts.iter().fold(Lifetime::default(), |t, p| Lifetime {
        workouts: t.workouts + p.workouts,
        points: t.points + p.points,
        sets: t.sets + p.sets,
        volume_kg: t.volume_kg + p.volume_kg,
        longest_streak_days: t.longest_streak_days.max(p.longest_streak_days),
    })
}

/// What stands after today in the log, which a summary up to today takes away from the
/// stored aggregates: its days, and its working sets per exercise. Both are empty unless
/// workouts were logged ahead of time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Ahead<Id> {
    pub days: Vec<DayTotals>,
    pub sets_by_exercise: Vec<(Id, u64)>,
    /// The longest run up to today, when days ahead exist (the stored longest may end later).
    pub longest_to_today: Option<i64>,
}

/// [`Whole`] from the stored aggregates, less what lies after today.
pub fn whole<Id: Clone + Eq + std::hash::Hash + Ord>(
    stored: &Lifetime,
    exercises: &[ExerciseTotals<Id>],
    ahead: &Ahead<Id>,
) -> Whole<Id> {
    let later = lifetime(&ahead.days);
    let count = |n: i64| u64::try_from(n.max(0)).unwrap_or(0);
    let mut sets: HashMap<&Id, u64> = exercises
        .iter()
        .map(|e| (&e.exercise_id, count(e.sets)))
        .collect();
    for (id, n) in &ahead.sets_by_exercise {
        if let Some(s) = sets.get_mut(id) {
            *s = s.saturating_sub(*n);
        }
    }
    let mut sets_by_exercise: Vec<(Id, u64)> = sets
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(id, n)| (id.clone(), n))
        .collect();
    sets_by_exercise.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let longest = ahead.longest_to_today.unwrap_or(stored.longest_streak_days);
    Whole {
        totals: Totals {
            workouts: count(stored.workouts - later.workouts),
            sets: count(stored.sets - later.sets),
            volume_kg: stored.volume_kg - later.volume_kg,
            points: stored.points - later.points,
        },
        sets_by_exercise,
        points: stored.points,
        longest_streak_days: u32::try_from(longest.max(0)).unwrap_or(u32::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::stats::tests::{d, lift, workout};
    use crate::domain::training::SetType;

    /// A log with a gap, a warm-up, two workouts on one day and one ahead of today.
    fn log() -> (Vec<WorkoutDay>, Vec<SetDay<String>>) {
        let workouts = vec![
            workout("2026-11-01", 40),
            workout("2026-11-02", 30),
            workout("2026-11-02", 20),
            workout("2026-11-03", 10),
            workout("2026-11-06", 50),
            workout("2026-11-07", 50),
            workout("2026-11-08", 50),
            workout("2026-11-09", 50),
            workout("2026-12-01", 70), // ahead of today
        ];
        let mut warmup = lift("bench", "2026-11-02", 10, 40.0);
        warmup.facts.set_type = SetType::Warmup;
        let sets = vec![
            lift("bench", "2026-11-01", 5, 100.0),
            warmup,
            lift("squat", "2026-11-02", 5, 140.0),
            lift("squat", "2026-11-06", 5, 140.0),
            lift("bench", "2026-11-09", 5, 100.0),
            lift("squat", "2026-12-01", 5, 150.0),
            lift("squat", "2026-12-01", 5, 150.0),
        ];
        (workouts, sets)
    }

    #[test]
    fn days_count_workouts_working_sets_and_runs() {
        let (workouts, sets) = log();
        let days = days(&workouts, &sets);
        let got: Vec<(NaiveDate, i64, i64, i64, f64, i64)> = days
            .iter()
            .map(|x| (x.day, x.workouts, x.points, x.sets, x.volume_kg, x.run_days))
            .collect();
        assert_eq!(
            got,
            vec![
                (d("2026-11-01"), 1, 40, 1, 500.0, 1),
                (d("2026-11-02"), 2, 50, 1, 700.0, 2),
                (d("2026-11-03"), 1, 10, 0, 0.0, 3),
                (d("2026-11-06"), 1, 50, 1, 700.0, 1),
                (d("2026-11-07"), 1, 50, 0, 0.0, 2),
                (d("2026-11-08"), 1, 50, 0, 0.0, 3),
                (d("2026-11-09"), 1, 50, 1, 500.0, 4),
                (d("2026-12-01"), 1, 70, 2, 1500.0, 1),
            ]
        );
        let t = lifetime(&days);
        assert_eq!(
            (t.workouts, t.points, t.sets, t.longest_streak_days),
            (9, 370, 6, 4)
        );
        let by_month = months(&days);
        assert_eq!(
            by_month
                .iter()
                .map(|(m, t)| (m.as_str(), t.workouts, t.longest_streak_days))
                .collect::<Vec<_>>(),
            vec![("2026-11", 8, 4), ("2026-12", 1, 1)]
        );
        let summed = sum(&by_month.iter().map(|(_, t)| *t).collect::<Vec<_>>());
        assert_eq!((summed.workouts, summed.points, summed.sets), (9, 370, 6));
        assert!((summed.volume_kg - t.volume_kg).abs() < 1e-9);
        assert_eq!(
            exercise_months(&sets)
                .iter()
                .map(|m| (m.exercise_id.as_str(), m.month.as_str(), m.sets))
                .collect::<Vec<_>>(),
            vec![
                ("bench", "2026-11", 2),
                ("squat", "2026-11", 2),
                ("squat", "2026-12", 2)
            ],
            "warm-ups left out"
        );
        assert_eq!(
            month_bounds(d("2026-12-17")),
            (d("2026-12-01"), d("2027-01-01"))
        );
    }

    #[test]
    fn a_run_continues_from_the_day_before() {
        let mut days = days::<String>(&[workout("2026-11-10", 5), workout("2026-11-11", 5)], &[]);
        number_runs(&mut days, Some((d("2026-11-09"), 4)));
        assert_eq!(
            days.iter().map(|x| x.run_days).collect::<Vec<_>>(),
            vec![5, 6]
        );
        number_runs(&mut days, Some((d("2026-11-08"), 4)));
        assert_eq!(
            days.iter().map(|x| x.run_days).collect::<Vec<_>>(),
            vec![1, 2],
            "a gap starts again"
        );
    }

    #[test]
    fn the_stored_aggregates_less_the_days_ahead_are_the_whole_log_up_to_today() {
        let (workouts, sets) = log();
        let today = d("2026-11-20");
        let all_days = days(&workouts, &sets);
        let stored = lifetime(&all_days);
        let exercises = exercise_totals(&sets);
        let later: Vec<SetDay<String>> = sets.iter().filter(|s| s.day > today).cloned().collect();
        let ahead = Ahead {
            days: all_days.iter().filter(|x| x.day > today).cloned().collect(),
            sets_by_exercise: exercise_totals(&later)
                .into_iter()
                .map(|e| (e.exercise_id, e.sets as u64))
                .collect(),
            longest_to_today: Some(
                lifetime(
                    &all_days
                        .iter()
                        .filter(|x| x.day <= today)
                        .cloned()
                        .collect::<Vec<_>>(),
                )
                .longest_streak_days,
            ),
        };
        assert_eq!(
            whole(&stored, &exercises, &ahead),
            Whole::of(&workouts, &sets, today)
        );
        // Once the day ahead has come, nothing is taken away.
        let later_today = d("2026-12-05");
        assert_eq!(
            whole(&stored, &exercises, &Ahead::default()),
            Whole::of(&workouts, &sets, later_today)
        );
    }
}
