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
