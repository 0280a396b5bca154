//! When a goal was met: the first moment its progress reached the target, found by replaying
//! the log in time order through the goal's windows ([`progress`](super::progress) counts one
//! window, as of today; this walks every window since the goal's start). Pure; the server
//! stores the answer as the goal's `completed_at`.
//!
//! - Counted goals (workouts, points, sets, duration, distance) are met by the workout or set
//!   whose addition brought a window's total to the target; a weight goal by the first set at
//!   least as heavy as the target. For `daily`, `weekly` and `monthly` goals any day, week or
//!   month from the start date counts (the goal is a habit; it was met the first time one
//!   window held enough); a `by_date` goal's one window runs from its start to its end date.
//! - A streak goal is met by the first workout, on a day from the start date (up to the end
//!   date for `by_date`), that makes the streak at least the target long; earlier days count
//!   toward the streak, as in progress. A streak already long enough on the start date and never
//!   continued has no such workout: the answer is `None`, and the server dates the completion
//!   when it first sees it.
//! - Only days up to `today` count: a workout dated in the future has not happened.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::{GoalSpec, GoalType, window};
use crate::domain::scoring::stats::{Log, SetDay};

/// How a window's amounts make its progress.
#[derive(Clone, Copy)]
enum Fold {
    Sum,
    Max,
}

/// The first instant `goal` was met by the log, or `None` when it has not been (see the
/// module's notes for what "met" means for each kind of goal).
/// The log must start by the goal's start date.
pub fn met_at<Id: PartialEq>(goal: &GoalSpec<Id>, log: &Log<Id>) -> Option<DateTime<Utc>> {
    let Log {
        workouts,
        sets,
        runs,
        today,
    } = log;
    let today = *today;
    let window_of = |day: NaiveDate| window(goal.timeframe, goal.start_date, goal.end_date, day);
    let counts = |day: NaiveDate| day >= goal.start_date && day <= window_of(day).1 && day <= today;
    if goal.goal_type == GoalType::Streak {
        return runs
            .iter()
            .find(|d| counts(d.day) && f64::from(d.run_days) >= goal.target)
            .map(|d| d.first_at);
    }

    let relevant = sets.iter().filter(|s| {
        !s.facts.is_warmup()
            && goal
                .exercise_id
                .as_ref()
                .is_none_or(|e| *e == s.exercise_id)
    });
    let per_set = |amount: fn(&SetDay<Id>) -> Option<f64>| {
        relevant
            .clone()
            .filter_map(|s| amount(s).map(|v| (s.at, s.day, v)))
            .collect::<Vec<_>>()
    };
    let (mut items, fold): (Vec<(DateTime<Utc>, NaiveDate, f64)>, Fold) = match goal.goal_type {
        GoalType::Workouts => (
            workouts.iter().map(|w| (w.at, w.day, 1.0)).collect(),
            Fold::Sum,
        ),
        GoalType::Points => (
            workouts
                .iter()
                .map(|w| (w.at, w.day, w.points as f64))
                .collect(),
            Fold::Sum,
        ),
        GoalType::Exercises => (per_set(|_| Some(1.0)), Fold::Sum),
        GoalType::Weight => (per_set(|s| s.facts.weight_kg), Fold::Max),
        GoalType::Duration => (per_set(|s| s.facts.duration_s.map(f64::from)), Fold::Sum),
        GoalType::Distance => (per_set(|s| s.facts.distance_m), Fold::Sum),
        GoalType::Streak => return None, // answered above
    };
    items.retain(|(_, day, _)| counts(*day));
    items.sort_by_key(|(at, _, _)| *at);
    let mut so_far: HashMap<NaiveDate, f64> = HashMap::new();
    for (at, day, amount) in items {
        let progress = so_far.entry(window_of(day).0).or_insert(0.0);
        *progress = match fold {
            Fold::Sum => *progress + amount,
            Fold::Max => progress.max(amount),
        };
        if *progress >= goal.target {
            return Some(at);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::goals::Timeframe;
    use crate::domain::scoring::SetFacts;
    use crate::domain::scoring::stats::tests::{d, lift, noon, workout};
    use crate::domain::training::SetType;

    fn goal(goal_type: GoalType, target: f64, timeframe: Timeframe) -> GoalSpec<String> {
        GoalSpec {
            goal_type,
            exercise_id: None,
            target,
            timeframe,
            start_date: d("2024-03-01"), // a Friday
            end_date: None,
        }
    }

    fn run(distance_m: f64, day: &str) -> SetDay<String> {
        SetDay {
            exercise_id: "run".into(),
            at: noon(day),
            day: d(day),
            facts: SetFacts {
                distance_m: Some(distance_m),
                ..Default::default()
            },
        }
    }

    #[test]
    fn counted_goals_are_met_by_the_workout_that_filled_a_window() {
        let today = d("2024-06-30");
        // Fri 1, Sun 3 (one week, Feb 26–Mar 3); Mon 4, Wed 6, Thu 7 (the next week).
        let workouts = [
            workout("2024-03-07", 30),
            workout("2024-02-29", 90), // before the goal started
            workout("2024-03-01", 40),
            workout("2024-03-03", 50),
            workout("2024-03-04", 20),
            workout("2024-03-06", 25),
        ];
        let log = Log::whole(&workouts, &[], today);
        let met = |g: &GoalSpec<String>| met_at(g, &log);
        // Three a week: the week of the 4th is the first with three, on the 7th.
        assert_eq!(
            met(&goal(GoalType::Workouts, 3.0, Timeframe::Weekly)),
            Some(noon("2024-03-07"))
        );
        // Two a week: the week of Mar 1 already had two by the 3rd.
        assert_eq!(
            met(&goal(GoalType::Workouts, 2.0, Timeframe::Weekly)),
            Some(noon("2024-03-03"))
        );
        // 100 points a month: 40 + 50 = 90 on the 3rd, + 20 = 110 on the 4th (the 90 of Feb 29
        // is before the start).
        assert_eq!(
            met(&goal(GoalType::Points, 100.0, Timeframe::Monthly)),
            Some(noon("2024-03-04"))
        );
        // 50 points in a day: the 3rd.
        assert_eq!(
            met(&goal(GoalType::Points, 50.0, Timeframe::Daily)),
            Some(noon("2024-03-03"))
        );
        // Four by Mar 5: only three (1, 3, 4) fall in its window.
        let mut by_date = goal(GoalType::Workouts, 4.0, Timeframe::ByDate);
        by_date.end_date = Some(d("2024-03-05"));
        assert_eq!(met(&by_date), None);
        by_date.target = 3.0;
        assert_eq!(met(&by_date), Some(noon("2024-03-04")));
        // Seen on Mar 3, the 4th had not happened yet.
        assert_eq!(
            met_at(
                &goal(GoalType::Workouts, 3.0, Timeframe::Monthly),
                &Log::whole(&workouts, &[], d("2024-03-03"))
            ),
            None
        );
    }

    #[test]
    fn set_goals_follow_the_exercise_and_skip_warm_ups() {
        let today = d("2024-06-30");
        let mut warmup = lift("bench", "2024-03-02", 1, 105.0);
        warmup.facts.set_type = SetType::Warmup;
        let sets = vec![
            lift("squat", "2024-03-02", 5, 140.0),
            warmup,
            lift("bench", "2024-03-05", 5, 95.0),
            lift("bench", "2024-04-10", 2, 100.0),
            run(3000.0, "2024-03-08"),
            run(2500.0, "2024-03-09"),
        ];
        let mut bench = goal(GoalType::Weight, 100.0, Timeframe::Monthly);
        bench.exercise_id = Some("bench".into());
        assert_eq!(
            met_at(&bench, &Log::whole(&[], &sets, today)),
            Some(noon("2024-04-10"))
        );
        bench.exercise_id = None; // any exercise: the squat on the 2nd
        assert_eq!(
            met_at(&bench, &Log::whole(&[], &sets, today)),
            Some(noon("2024-03-02"))
        );
        // 5 km in a week: 3 km Fri 8th + 2.5 km Sat 9th (same week).
        assert_eq!(
            met_at(
                &goal(GoalType::Distance, 5000.0, Timeframe::Weekly),
                &Log::whole(&[], &sets, today)
            ),
            Some(noon("2024-03-09"))
        );
        // Four working sets in March: squat 2nd, bench 5th, runs 8th and 9th (not the warm-up).
        assert_eq!(
            met_at(
                &goal(GoalType::Exercises, 4.0, Timeframe::Monthly),
                &Log::whole(&[], &sets, today)
            ),
            Some(noon("2024-03-09"))
        );
        assert_eq!(
            met_at(
                &goal(GoalType::Duration, 60.0, Timeframe::ByDate),
                &Log::whole(&[], &sets, today)
            ),
            None,
            "no timed sets"
        );
    }

    #[test]
    fn streak_goals_are_met_by_the_workout_that_made_the_streak_long_enough() {
        let today = d("2024-06-30");
        let mut workouts = vec![
            workout("2024-02-28", 10),
            workout("2024-02-29", 10),
            workout("2024-03-01", 10),
            workout("2024-03-02", 10),
        ];
        let mut early = workout("2024-03-02", 10);
        early.at = d("2024-03-02").and_hms_opt(6, 0, 0).unwrap().and_utc();
        workouts.push(early);
        // Days before the start count: four days in a row on Mar 2, at its first workout.
        assert_eq!(
            met_at(
                &goal(GoalType::Streak, 4.0, Timeframe::Daily),
                &Log::whole(&workouts, &[], today)
            ),
            Some(early.at)
        );
        // Three days were already reached on Feb 29, before the start: the first workout from
        // the start that keeps the streak at three or more is Mar 1's.
        assert_eq!(
            met_at(
                &goal(GoalType::Streak, 3.0, Timeframe::Weekly),
                &Log::whole(&workouts, &[], today)
            ),
            Some(noon("2024-03-01"))
        );
        let mut by_date = goal(GoalType::Streak, 4.0, Timeframe::ByDate);
        by_date.end_date = Some(d("2024-03-01"));
        assert_eq!(
            met_at(&by_date, &Log::whole(&workouts, &[], today)),
            None,
            "after its end date"
        );
    }
}
