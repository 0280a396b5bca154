//! Due dates for plan items from what people type, in English and Hebrew: "tomorrow at 7pm",
//! "next Monday", "in 3 days", "Dec 5", "5/12", "מחר בשעה 7 בבוקר", "ביום שני הבא", "בעוד
//! שבועיים". Pure: the user's local date-time is a parameter; nothing here reads a clock or
//! knows time zones (the caller converts from UTC with the user's zone).
//!
//! # Conventions
//!
//! - **Weekdays.** "Monday", "on Monday", "next Monday", "ביום שני", "ביום שני הבא/הקרוב" all
//!   mean the first Monday *after* today: said on a Monday, 7 days later; on a Sunday, tomorrow.
//!   People name today as "today", so a bare weekday that could be today means next week's.
//!   "This Friday" / "ביום שישי הזה" is the first Friday *on or after* today.
//!   "Monday next week" / "ביום שני בשבוע הבא" is that day in the following week.
//! - **Weeks** start on Monday in English (ISO 8601) and on Sunday in Hebrew (יום ראשון, the
//!   Israeli week). "Next week" is the first day of the next week, never today: said on a Sunday,
//!   "next week" is tomorrow (Monday); "שבוע הבא" said on a Saturday is tomorrow (Sunday).
//!   "Next month" / "בחודש הבא" is the 1st of next month.
//! - **Weekends.** English "this weekend" is Saturday; Hebrew "סוף השבוע" is Friday (the Israeli
//!   weekend is Friday–Saturday). Said during the weekend it is today; "next weekend" / "סוף
//!   השבוע הבא" is the one after.
//! - **Numeric dates are day first**: 5/12 and 5.12 are 5 December, as written in Israel and most
//!   of the world; a year may follow (2-digit years are 20xx). 4-digit-year-first is ISO
//!   (2026-12-05). "5-12" without a year is not a date (it reads as a range of reps).
//! - **Dates without a year** ("Dec 5", "5/12", "ה-5 בדצמבר") are the next time that date comes:
//!   today counts, an already-past date rolls to next year, 29 February to the next leap year.
//! - **Months clamp**: "in 1 month" from 31 January is 28 (or 29) February; "in 1 year" from 29
//!   February is 28 February.
//! - **Counts**: "a"/"an" is 1, "a couple (of)" 2, "a few" and "כמה" 3.
//! - **Times**: "at 7" / "ב-7" is 07:00 (a 24-hour reading; say "7pm", "7 in the evening" or "ב-7
//!   בערב" for 19:00); "12am" is 00:00 and "12pm" noon. Parts of a day: morning/בבוקר 08:00,
//!   noon/בצהריים 12:00, afternoon/אחר הצהריים 15:00, evening/בערב 19:00, and tonight/at
//!   night/הערב/הלילה/בלילה 20:00. With an afternoon, evening or night word an hour before 12 is
//!   p.m. ("tonight at 9" is 21:00), except that night hours before 5 are after midnight: "tonight
//!   at 1" is 01:00 tomorrow.
//! - **A time without a date** is today if the clock has not reached it yet, otherwise tomorrow.
//! - **A date without a time is all-day**: [`Due::time`] is `None`.
//! - **Past dates** ("yesterday", "1/1/2020") are returned as said, not refused: it is the
//!   caller's to warn, and [`Due::is_past`] tells it when.
//! - **Inside a sentence** ([`find_due`]) some readings are too often something else to count on
//!   their own: the abbreviations "sat", "sun", "wed"…, a bare "weekend", "the 5th", "בשני" (also
//!   "in two") and "ב-7" (also "at 7 reps"). Each counts after "on"/"by"/"עד" or with a time. A
//!   number followed by a unit ("2.5 kg", "5/12 reps") is a quantity, and a phrase glued to other
//!   letters or digits ("105.12", "2.5kg") is not a date. When the longest reading fails these
//!   tests a shorter one is tried: "bench tomorrow at 7 reps" is due tomorrow.
//!
//! Reading happens in three steps: `scan` splits the text into tokens; the grammars (`english`,
//! `hebrew`, and the `grammar` they share) read tokens into a `meaning`; the meaning is resolved
//! against the user's now, which is where every calendar convention above is applied.

mod english;
mod grammar;
mod hebrew;
mod meaning;
mod scan;
#[cfg(test)]
mod tests;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use scan::Tokens;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// When a plan item is due, on the user's local calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Due {
    pub date: NaiveDate,
    /// `None` for an all-day item.
    pub time: Option<NaiveTime>,
}

impl Due {
    pub fn is_all_day(&self) -> bool {
        self.time.is_none()
    }

    /// Whether the due moment has already gone by at `now` (the user's local date-time). An
    /// all-day item is past only once its day is.
    pub fn is_past(&self, now: NaiveDateTime) -> bool {
        match self.time {
            Some(time) => self.date.and_time(time) < now,
            None => self.date < now.date(),
        }
    }
}

impl fmt::Display for Due {
    /// `2026-11-24` or `2026-11-24 18:00`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.time {
            Some(time) => write!(f, "{} {}", self.date, time.format("%H:%M")),
            None => write!(f, "{}", self.date),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DueDateError {
    #[error("no due date given")]
    Empty,
    #[error("could not read a due date in \"{0}\"")]
    Unrecognised(String),
    #[error(
        "{day}/{month}{} is not a date on the calendar (dates are read day/month)",
        year_suffix(.year)
    )]
    ImpossibleDate {
        day: u32,
        month: u32,
        year: Option<i32>,
    },
    #[error("{hour}:{minute:02} is not a time of day")]
    TimeOutOfRange { hour: u32, minute: u32 },
    #[error("that date is too far away")]
    TooFar,
}

fn year_suffix(year: &Option<i32>) -> String {
    year.map(|y| format!("/{y}")).unwrap_or_default()
}

/// Sentence punctuation that may surround a phrase without being part of it.
const SURROUNDING: &str = ",.;!?";

/// Reads `text` as a due date and nothing else ("next friday 6pm", "מחר בשעה 18:00").
/// `now` is the user's local date-time.
pub fn parse_due(text: &str, now: NaiveDateTime) -> Result<Due, DueDateError> {
    let t = Tokens::scan(text);
    let Some(start) = (0..t.len()).find(|&i| t.mark(i, SURROUNDING).is_none()) else {
        return Err(DueDateError::Empty);
    };
    grammar::phrases(&t, start)
        .into_iter()
        .find(|r| (r.end..t.len()).all(|i| t.mark(i, SURROUNDING).is_some()))
        .ok_or_else(|| DueDateError::Unrecognised(text.trim().to_owned()))?
        .meaning
        .resolve(now)
}

/// Finds the first due-date phrase inside a longer sentence ("add squat day tomorrow at 7pm")
/// and the byte range it occupies in `text`, so the caller can cut it out of a title. The range
/// includes a leading "on"/"by"/"עד" and Hebrew prefixes glued to the phrase ("ביום").
/// Phrases that name no real date or time ("31/02") are skipped.
pub fn find_due(text: &str, now: NaiveDateTime) -> Option<(Due, Range<usize>)> {
    let t = Tokens::scan(text);
    (0..t.len()).find_map(|start| {
        grammar::phrases(&t, start)
            .into_iter()
            .filter(|r| !r.weak && grammar::stands_alone(&t, start, r.end))
            .find_map(|r| {
                let due = r.meaning.resolve(now).ok()?;
                Some((due, t.get(start)?.span.start..t.get(r.end - 1)?.span.end))
            })
    })
}
