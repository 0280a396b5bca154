//! What a recognised phrase means ("the first Monday after today", "19:00") and the calendar
//! arithmetic that turns it into a [`Due`] given the user's local now. Both grammars produce
//! these values, so every convention lives here once.

use super::{Due, DueDateError};
use chrono::{Datelike, Days, Months, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};

/// A day named relative to today or on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Day {
    /// Today plus this many days: today, tomorrow, yesterday, the day after tomorrow.
    Relative(i64),
    /// "in 3 weeks": months and years clamp to the end of a shorter month.
    Ahead(u32, Unit),
    /// The first such weekday after today; `today_counts` for "this Friday".
    Weekday { day: Weekday, today_counts: bool },
    /// That weekday in the week after this one.
    WeekdayNextWeek { day: Weekday, week_starts: Weekday },
    /// The first day of the next week.
    NextWeek { week_starts: Weekday },
    /// The first day of next month.
    NextMonth,
    /// The two-day weekend starting on `starts`; `next` skips the coming one.
    Weekend { starts: Weekday, next: bool },
    /// Day and month as written; without a year, the next time it comes round.
    Calendar {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    /// "the 5th": the next 5th of a month.
    NthOfMonth(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
}

/// Part of a day said in words; each has a default hour and decides how "7" reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DayPart {
    Morning,
    Noon,
    Afternoon,
    Evening,
    Night,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Meridiem {
    Am,
    Pm,
}

/// A clock reading as written: validated only when resolved, so "25:00" reports itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Clock {
    pub(super) hour: u32,
    pub(super) minute: u32,
    pub(super) meridiem: Option<Meridiem>,
}

/// What a whole phrase says; at least one field is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Meaning {
    pub(super) day: Option<Day>,
    pub(super) clock: Option<Clock>,
    pub(super) part: Option<DayPart>,
}

impl DayPart {
    fn default_hour(self) -> u32 {
        match self {
            DayPart::Morning => 8,
            DayPart::Noon => 12,
            DayPart::Afternoon => 15,
            DayPart::Evening => 19,
            DayPart::Night => 20,
        }
    }
}

impl Meaning {
    pub(super) fn resolve(&self, now: NaiveDateTime) -> Result<Due, DueDateError> {
        let time = self.time()?;
        let today = now.date();
        let date = match (self.day, time) {
            (Some(day), _) => day.date(today)?,
            // A bare time is the next time the clock shows it.
            (None, Some(t)) if t > now.time() => today,
            (None, Some(_)) => today.succ_opt().ok_or(DueDateError::TooFar)?,
            (None, None) => return Err(DueDateError::Unrecognised(String::new())),
        };
        // "Tonight at 1" and "מחר בלילה ב-12" fall after midnight, on the next calendar day.
        let past_midnight = self.day.is_some()
            && self.part == Some(DayPart::Night)
            && time.is_some_and(|t| t.hour() < 5);
        let date = if past_midnight {
            date.succ_opt().ok_or(DueDateError::TooFar)?
        } else {
            date
        };
        Ok(Due { date, time })
    }

    fn time(&self) -> Result<Option<NaiveTime>, DueDateError> {
        let Some(clock) = self.clock else {
            return Ok(self
                .part
                .and_then(|p| NaiveTime::from_hms_opt(p.default_hour(), 0, 0)));
        };
        let out_of_range = DueDateError::TimeOutOfRange {
            hour: clock.hour,
            minute: clock.minute,
        };
        let hour = match (clock.meridiem, self.part) {
            (Some(_), _) if !(1..=12).contains(&clock.hour) => return Err(out_of_range),
            (Some(Meridiem::Am), _) => clock.hour % 12,
            (Some(Meridiem::Pm), _) => clock.hour % 12 + 12,
            // "7 in the evening" is 19:00; "2 at night" stays 02:00, "12 at night" is midnight.
            (None, Some(DayPart::Afternoon | DayPart::Evening))
                if (1..12).contains(&clock.hour) =>
            {
                clock.hour + 12
            }
            (None, Some(DayPart::Night)) if (5..12).contains(&clock.hour) => clock.hour + 12,
            (None, Some(DayPart::Night)) if clock.hour == 12 => 0,
            _ => clock.hour,
        };
        NaiveTime::from_hms_opt(hour, clock.minute, 0)
            .map(Some)
            .ok_or(out_of_range)
    }
}

impl Day {
    fn date(self, today: NaiveDate) -> Result<NaiveDate, DueDateError> {
        let found = match self {
            Day::Relative(days) => {
                chrono::TimeDelta::try_days(days).and_then(|d| today.checked_add_signed(d))
            }
            Day::Ahead(n, Unit::Day) => today.checked_add_days(Days::new(n.into())),
            Day::Ahead(n, Unit::Week) => today.checked_add_days(Days::new(u64::from(n) * 7)),
            Day::Ahead(n, Unit::Month) => today.checked_add_months(Months::new(n)),
            Day::Ahead(n, Unit::Year) => n
                .checked_mul(12)
                .and_then(|m| today.checked_add_months(Months::new(m))),
            Day::Weekday { day, today_counts } => weekday_from(today, day, today_counts),
            Day::WeekdayNextWeek { day, week_starts } => weekday_from(today, week_starts, false)
                .and_then(|start| weekday_from(start, day, true)),
            Day::NextWeek { week_starts } => weekday_from(today, week_starts, false),
            Day::NextMonth => today
                .with_day(1)
                .and_then(|first| first.checked_add_months(Months::new(1))),
            Day::Weekend { starts, next } => weekend(today, starts, next),
            Day::Calendar { day, month, year } => return calendar(today, day, month, year),
            Day::NthOfMonth(day) => day_of_month(today, day),
        };
        found.ok_or(DueDateError::TooFar)
    }
}

/// The first `day` after `from`, or `from` itself when `today_counts` and it is that day.
fn weekday_from(from: NaiveDate, day: Weekday, today_counts: bool) -> Option<NaiveDate> {
    let ahead = (day.num_days_from_monday() + 7 - from.weekday().num_days_from_monday()) % 7;
    let ahead = if ahead == 0 && !today_counts {
        7
    } else {
        ahead
    };
    from.checked_add_days(Days::new(ahead.into()))
}

/// Said during the weekend, "this weekend" is today and "next weekend" the following one.
fn weekend(today: NaiveDate, starts: Weekday, next: bool) -> Option<NaiveDate> {
    let in_weekend = today.weekday() == starts || today.weekday() == starts.succ();
    match (in_weekend, next) {
        (true, false) => Some(today),
        (true, true) | (false, false) => weekday_from(today, starts, false),
        (false, true) => weekday_from(today, starts, false)?.checked_add_days(Days::new(7)),
    }
}

fn calendar(
    today: NaiveDate,
    day: u32,
    month: u32,
    year: Option<i32>,
) -> Result<NaiveDate, DueDateError> {
    let impossible = DueDateError::ImpossibleDate { day, month, year };
    if let Some(year) = year {
        return NaiveDate::from_ymd_opt(year, month, day).ok_or(impossible);
    }
    // 29 February may be up to eight years away (2096 to 2104); any other date is at most one.
    (today.year()..=today.year() + 8)
        .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
        .find(|date| *date >= today)
        .ok_or(impossible)
}

fn day_of_month(today: NaiveDate, day: u32) -> Option<NaiveDate> {
    let first = today.with_day(1)?;
    (0..12)
        .filter_map(|m| first.checked_add_months(Months::new(m))?.with_day(day))
        .find(|date| *date >= today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekday_rules_count_today_only_when_asked() {
        let monday = date(2026, 11, 23);
        assert_eq!(
            weekday_from(monday, Weekday::Mon, false),
            Some(date(2026, 11, 30))
        );
        assert_eq!(weekday_from(monday, Weekday::Mon, true), Some(monday));
        assert_eq!(
            weekday_from(monday, Weekday::Sun, false),
            Some(date(2026, 11, 29))
        );
    }

    #[test]
    fn weekends_said_during_a_weekend() {
        let saturday = date(2026, 11, 28);
        let sunday = date(2026, 11, 29);
        assert_eq!(weekend(saturday, Weekday::Sat, false), Some(saturday));
        assert_eq!(weekend(sunday, Weekday::Sat, false), Some(sunday));
        assert_eq!(weekend(sunday, Weekday::Sat, true), Some(date(2026, 12, 5)));
        assert_eq!(
            weekend(saturday, Weekday::Sat, true),
            Some(date(2026, 12, 5))
        );
        assert_eq!(weekend(saturday, Weekday::Fri, false), Some(saturday));
    }

    #[test]
    fn the_31st_skips_short_months() {
        assert_eq!(
            day_of_month(date(2026, 11, 23), 31),
            Some(date(2026, 12, 31))
        );
        assert_eq!(day_of_month(date(2026, 11, 23), 5), Some(date(2026, 12, 5)));
        assert_eq!(
            day_of_month(date(2026, 11, 23), 23),
            Some(date(2026, 11, 23))
        );
    }
}
