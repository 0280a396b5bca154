//! Daily streaks in the user's time zone. A streak is a run of consecutive calendar days with
//! at least one workout. The current streak stays alive through today when the last training
//! day was yesterday (today is not over yet); it is 0 once a whole day was missed.

use chrono::{DateTime, NaiveDate, Utc};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Streaks {
    pub current_days: u32,
    pub longest_days: u32,
    pub last_training_day: Option<NaiveDate>,
}

/// Streaks from the set of training days (any order, duplicates allowed) as of `today`.
pub fn streaks(days: impl IntoIterator<Item = NaiveDate>, today: NaiveDate) -> Streaks {
    let mut days: Vec<NaiveDate> = days.into_iter().filter(|d| *d <= today).collect();
    days.sort_unstable();
    days.dedup();
    let Some(&last) = days.last() else {
        return Streaks::default();
    };

    let mut longest = 1u32;
    let mut run = 1u32;
    for pair in days.windows(2) {
        if pair[1].signed_duration_since(pair[0]).num_days() == 1 {
            run += 1;
        } else {
            run = 1;
        }
        longest = longest.max(run);
    }
    // `run` is now the length of the run ending on the last training day.
    let gap = today.signed_duration_since(last).num_days();
    let current = if gap <= 1 { run } else { 0 };
    Streaks {
        current_days: current,
        longest_days: longest,
        last_training_day: Some(last),
    }
}

/// One training day, as the dates things were reached need it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunDay {
    pub day: NaiveDate,
    /// The day's first workout.
    pub first_at: DateTime<Utc>,
    /// Consecutive training days ending on this one (1 after a gap).
    pub run_days: u32,
}

/// Every training day up to `today` in order, from workouts given as (start, local day) in any
/// order: [`streaks`] replayed day by day, so "when did the streak first reach n" is the
/// first `RunDay` with `run_days >= n`.
pub fn run_days(
    workouts: impl IntoIterator<Item = (DateTime<Utc>, NaiveDate)>,
    today: NaiveDate,
) -> Vec<RunDay> {
    let mut first_of_day: Vec<(NaiveDate, DateTime<Utc>)> = workouts
        .into_iter()
        .filter(|(_, day)| *day <= today)
        .map(|(t, day)| (day, t))
        .collect();
    // By day, then time: the first entry of each day is its first workout.
    first_of_day.sort_unstable();
    first_of_day.dedup_by_key(|(day, _)| *day);
    let mut out: Vec<RunDay> = Vec::with_capacity(first_of_day.len());
    for (day, first_at) in first_of_day {
        let run_days = match out.last() {
            Some(prev) if day.signed_duration_since(prev.day).num_days() == 1 => prev.run_days + 1,
            _ => 1,
        };
        out.push(RunDay {
            day,
            first_at,
            run_days,
        });
    }
    out
}

/// Local calendar days of UTC instants. The zone conversion is passed in (the server uses
/// `chrono_tz`), which keeps the time-zone database out of the browser bundle.
pub fn local_days<'a>(
    instants: impl IntoIterator<Item = &'a DateTime<Utc>>,
    to_local: impl Fn(&DateTime<Utc>) -> NaiveDate,
) -> Vec<NaiveDate> {
    instants.into_iter().map(to_local).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn table() {
        let today = d("2026-11-23");
        let cases: &[(&[&str], u32, u32)] = &[
            (&[], 0, 0),
            (&["2026-11-23"], 1, 1),
            (&["2026-11-22"], 1, 1), // yesterday keeps it alive
            (&["2026-11-21"], 0, 1), // a whole day missed
            (&["2026-11-21", "2026-11-22", "2026-11-23"], 3, 3),
            (&["2026-11-20", "2026-11-21", "2026-11-22"], 3, 3),
            (
                &[
                    "2026-11-01",
                    "2026-11-02",
                    "2026-11-03",
                    "2026-11-04",
                    "2026-11-22",
                ],
                1,
                4,
            ),
            (&["2026-11-23", "2026-11-23", "2026-11-22"], 2, 2), // duplicates
            (&["2026-11-24"], 0, 0),                             // future days ignored
            (&["2026-02-28", "2026-03-01"], 0, 2),               // across a month end
        ];
        for (days, current, longest) in cases {
            let s = streaks(days.iter().map(|x| d(x)), today);
            assert_eq!(
                (s.current_days, s.longest_days),
                (*current, *longest),
                "{days:?}"
            );
        }
    }

    #[test]
    fn run_days_replay_the_streak_day_by_day() {
        let at = |day: &str, hour: u32| d(day).and_hms_opt(hour, 0, 0).unwrap().and_utc();
        let workouts = [
            (at("2026-11-03", 18), d("2026-11-03")),
            (at("2026-11-01", 9), d("2026-11-01")),
            (at("2026-11-02", 20), d("2026-11-02")),
            (at("2026-11-02", 6), d("2026-11-02")), // the 2nd's first workout
            (at("2026-11-05", 7), d("2026-11-05")), // after a gap
            (at("2026-11-06", 7), d("2026-11-06")), // after today
        ];
        let runs = run_days(workouts, d("2026-11-05"));
        let got: Vec<(NaiveDate, DateTime<Utc>, u32)> = runs
            .iter()
            .map(|r| (r.day, r.first_at, r.run_days))
            .collect();
        assert_eq!(
            got,
            vec![
                (d("2026-11-01"), at("2026-11-01", 9), 1),
                (d("2026-11-02"), at("2026-11-02", 6), 2),
                (d("2026-11-03"), at("2026-11-03", 18), 3),
                (d("2026-11-05"), at("2026-11-05", 7), 1),
            ]
        );
    }

    #[test]
    fn days_are_counted_in_the_users_zone() {
        // 23:30 UTC on Nov 22 is already Nov 23 in Jerusalem (UTC+2).
        let late = Utc.with_ymd_and_hms(2026, 11, 22, 23, 30, 0).unwrap();
        let jerusalem = FixedOffset::east_opt(2 * 3600).unwrap();
        let local = local_days([&late], |t| t.with_timezone(&jerusalem).date_naive());
        assert_eq!(local, vec![d("2026-11-23")]);
        let utc = local_days([&late], |t| t.date_naive());
        assert_eq!(utc, vec![d("2026-11-22")]);
    }
}
