//! The demo's calendar: which weeks are normal, deload, missed (vacation, illness) or a lighter
//! comeback, where the lifter stands in a week, and local start times on a day.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};

use super::random::SplitMix64;

/// What a week of the program was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekKind {
    Normal,
    Deload,
    /// The first week back after a missed one: lighter.
    Comeback,
    Vacation,
    Illness,
}

impl WeekKind {
    pub fn is_missed(self) -> bool {
        matches!(self, WeekKind::Vacation | WeekKind::Illness)
    }
}

/// Where the lifter stands in a given week.
#[derive(Clone, Copy)]
pub(super) struct Week {
    pub kind: WeekKind,
    /// Training weeks banked so far (a deload or comeback counts half, a missed week costs one).
    pub trained: f64,
    /// 0 at the start of a block, up to 5 just before a deload.
    pub block_position: u32,
    /// 0 at the start, 1 at the end of the history.
    pub fitness: f64,
}

impl Week {
    pub fn load_factor(self) -> f64 {
        match self.kind {
            WeekKind::Deload => 0.85,
            WeekKind::Comeback => 0.92,
            _ => 1.0,
        }
    }
}

pub(super) fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Which weeks were missed (vacation, illness): never the first week or the last three.
fn missed_weeks(weeks: u32, rng: &mut SplitMix64) -> Vec<(u32, WeekKind)> {
    let span = |lo: f64, hi: f64, rng: &mut SplitMix64| {
        let lo = ((f64::from(weeks) * lo) as u32).max(1);
        let hi = ((f64::from(weeks) * hi) as u32).clamp(lo, weeks.saturating_sub(4).max(lo));
        rng.range(lo, hi)
    };
    if weeks >= 12 {
        let vacation = span(0.30, 0.45, rng);
        let illness = span(0.60, 0.80, rng).max(vacation + 2);
        vec![(vacation, WeekKind::Vacation), (illness, WeekKind::Illness)]
    } else if weeks >= 6 {
        vec![(span(0.35, 0.5, rng), WeekKind::Vacation)]
    } else {
        Vec::new()
    }
}

/// The week plan: missed weeks, a deload after six training weeks, a comeback after a miss.
pub(super) fn plan_weeks(
    first: NaiveDate,
    weeks: u32,
    rng: &mut SplitMix64,
) -> Vec<(NaiveDate, WeekKind)> {
    let missed = missed_weeks(weeks, rng);
    let mut out = Vec::with_capacity(weeks as usize);
    let mut since_break = 0;
    let mut after_miss = false;
    for w in 0..weeks {
        let monday = first + Duration::weeks(i64::from(w));
        let kind = if let Some((_, kind)) = missed.iter().find(|(m, _)| *m == w) {
            after_miss = true;
            since_break = 0;
            *kind
        } else if after_miss {
            after_miss = false;
            since_break = 1;
            WeekKind::Comeback
        } else if since_break == 6 {
            since_break = 0;
            WeekKind::Deload
        } else {
            since_break += 1;
            WeekKind::Normal
        };
        out.push((monday, kind));
    }
    out
}

/// A local start time: `hour:minute` plus up to `steps` five-minute steps.
pub(super) fn at(
    day: NaiveDate,
    hour: u32,
    minute: u32,
    steps: u32,
    rng: &mut SplitMix64,
) -> NaiveDateTime {
    let start = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
    day.and_time(start) + Duration::minutes(i64::from(5 * rng.range(0, steps)))
}

#[cfg(test)]
mod tests {
    use super::super::fixture::default_history;
    use super::*;

    #[test]
    fn missed_weeks_have_no_workouts_and_deloads_exist() {
        let h = default_history();
        let missed: Vec<NaiveDate> = h
            .weeks
            .iter()
            .filter(|(_, k)| k.is_missed())
            .map(|(m, _)| *m)
            .collect();
        assert_eq!(missed.len(), 2, "{:?}", h.weeks);
        for monday in &missed {
            let sunday = *monday + Duration::days(6);
            assert!(
                !h.workouts
                    .iter()
                    .any(|w| w.date() >= *monday && w.date() <= sunday),
                "week of {monday} is missed"
            );
        }
        assert!(h.weeks.iter().any(|(_, k)| *k == WeekKind::Deload));
        assert!(h.weeks.iter().any(|(_, k)| *k == WeekKind::Comeback));
        // Every week that is not missed has training in it (the current one may have just begun).
        for (monday, kind) in &h.weeks[..h.weeks.len() - 1] {
            let sunday = *monday + Duration::days(6);
            let count = h
                .workouts
                .iter()
                .filter(|w| w.date() >= *monday && w.date() <= sunday)
                .count();
            assert_eq!(count == 0, kind.is_missed(), "week of {monday}: {count}");
        }
    }
}
