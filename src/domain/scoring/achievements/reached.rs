//! When each achievement was reached: the log replayed in time order against the catalog's
//! thresholds, so an import of two years of training dates its milestones across those years
//! rather than on the day it was imported. Pure; the server stores the instants.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::{CATALOG, Rule};
use crate::domain::scoring::streaks::run_days;

/// A user's log over time, as the achievement rules count it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// Points at the instant they were earned: each set's points at the set's time, each
    /// workout's bonus at the workout's start.
    pub points: Vec<(DateTime<Utc>, i64)>,
    /// Each workout's start, with its calendar day in the user's time zone.
    pub workouts: Vec<(DateTime<Utc>, NaiveDate)>,
    /// When each personal record the user holds was first set
    /// ([`first_record_times`](crate::domain::scoring::records::first_record_times)).
    pub records: Vec<DateTime<Utc>>,
}

/// The instant each achievement's threshold was first reached in `timeline`, by code;
/// achievements not reached are absent. As in [`streaks`](crate::domain::scoring::streaks::streaks),
/// training days after `today` do not count toward a streak.
///
/// - points: the first instant the running total reaches the threshold;
/// - workouts: the start of the n-th workout;
/// - streaks: the first workout of the day on which a run of consecutive days first reaches n;
/// - records: the instant the user first held n records.
pub fn reached_at(timeline: &Timeline, today: NaiveDate) -> HashMap<&'static str, DateTime<Utc>> {
    let points = running_total(&timeline.points);
    let mut starts: Vec<DateTime<Utc>> = timeline.workouts.iter().map(|(t, _)| *t).collect();
    starts.sort_unstable();
    let streak = run_days(timeline.workouts.iter().copied(), today);
    let mut records = timeline.records.clone();
    records.sort_unstable();

    let nth = |times: &[DateTime<Utc>], n: u64| {
        usize::try_from(n)
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| times.get(i).copied())
    };
    CATALOG
        .iter()
        .filter_map(|(rule, a)| {
            let at = match *rule {
                Rule::Points(n) => points.iter().find(|(_, sum)| *sum >= n).map(|(t, _)| *t),
                Rule::Workouts(n) => nth(&starts, n),
                Rule::Streak(n) => streak.iter().find(|d| d.run_days >= n).map(|d| d.first_at),
                Rule::Records(n) => nth(&records, n),
            };
            at.map(|t| (a.code, t))
        })
        .collect()
}

/// The running total after each instant that changed it, in time order.
fn running_total(gains: &[(DateTime<Utc>, i64)]) -> Vec<(DateTime<Utc>, i64)> {
    let mut gains = gains.to_vec();
    gains.sort_by_key(|(t, _)| *t);
    let mut sum = 0;
    gains
        .into_iter()
        .map(|(t, p)| {
            sum += p;
            (t, sum)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2024, 3, day, hour, 0, 0).unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 3, d).unwrap()
    }

    #[test]
    fn nothing_logged_reaches_nothing() {
        assert!(reached_at(&Timeline::default(), day(31)).is_empty());
    }

    #[test]
    fn points_and_workouts_are_dated_by_the_workout_that_crossed_the_threshold() {
        // Twelve workouts on March 1–12 at 18:00, listed newest first, each a 10-point bonus
        // and one 35-point set: 45 a workout, so 90, 135 → 100 points on the 3rd; 495, 540 →
        // 500 on the 12th. 1,000 points are never reached.
        let mut t = Timeline::default();
        for d in (1..=12).rev() {
            t.workouts.push((at(d, 18), day(d)));
            t.points.push((at(d, 18), 10));
            t.points.push((at(d, 18), 35));
        }
        let r = reached_at(&t, day(31));
        assert_eq!(r.get("first_workout"), Some(&at(1, 18)));
        assert_eq!(r.get("workouts_10"), Some(&at(10, 18)));
        assert_eq!(r.get("points_100"), Some(&at(3, 18)));
        assert_eq!(r.get("points_500"), Some(&at(12, 18)));
        assert_eq!(r.get("workouts_50"), None);
        assert_eq!(r.get("points_1000"), None);
        // The 1st–12th are twelve days in a row: 7 days on the 7th.
        assert_eq!(r.get("streak_7"), Some(&at(7, 18)));
        assert_eq!(r.get("streak_30"), None);
    }

    #[test]
    fn a_streak_is_reached_at_the_first_workout_of_its_seventh_day() {
        // Days 1–3, a gap, then 5–11 with two workouts on the 11th (the earlier at 07:00);
        // the run 5..=11 reaches 7 days on the 11th. Days after `today` never count.
        let mut t = Timeline::default();
        for d in [1, 2, 3, 5, 6, 7, 8, 9, 10] {
            t.workouts.push((at(d, 12), day(d)));
        }
        t.workouts.push((at(11, 19), day(11)));
        t.workouts.push((at(11, 7), day(11)));
        assert_eq!(reached_at(&t, day(31)).get("streak_7"), Some(&at(11, 7)));
        assert_eq!(reached_at(&t, day(10)).get("streak_7"), None);
        // A workout late on the 4th UTC that is the 5th in the user's zone does not fill the gap.
        t.workouts.push((at(4, 23), day(5)));
        assert_eq!(reached_at(&t, day(31)).get("streak_7"), Some(&at(11, 7)));
    }

    #[test]
    fn records_are_reached_when_the_nth_record_was_first_held() {
        let mut t = Timeline::default();
        // 30 records, two a day from March 1 (listed in reverse): the 25th is on the 13th.
        for d in (1..=15).rev() {
            t.records.push(at(d, 9));
            t.records.push(at(d, 10));
        }
        let r = reached_at(&t, day(31));
        assert_eq!(r.get("first_pr"), Some(&at(1, 9)));
        assert_eq!(r.get("records_25"), Some(&at(13, 9)));
    }
}
