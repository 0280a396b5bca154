//! The phrase grammar both languages share: an optional "on"/"by"/"עד", then a day and a time in
//! either order ("tomorrow at 7pm", "at 7pm tomorrow", "מחר בשעה 18:00"). Numeric dates and clock
//! readings are written the same way in English and Hebrew, so they live here too. Languages mix
//! freely: every position tries both vocabularies.

use super::meaning::{Clock, Day, DayPart, Meaning};
use super::scan::{Hit, Kind, Tokens, longest};
use super::{english, hebrew};

/// A day as one grammar read it, with the part of day some words imply ("tonight").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct DayReading {
    pub(super) day: Day,
    pub(super) part: Option<DayPart>,
    /// Too often an ordinary word or number to be taken as a date inside a sentence on its own:
    /// "sat", "the 5th", "ב-7".
    pub(super) weak: bool,
}

impl DayReading {
    pub(super) fn new(day: Day) -> Self {
        DayReading {
            day,
            part: None,
            weak: false,
        }
    }
}

/// A time of day as read: a clock, a part of day, or both; `weak` as for [`DayReading`].
type TimeReading = (Option<Clock>, Option<DayPart>, bool);

/// One way to read a phrase: what it means, whether it is weak, and the token after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    pub(super) meaning: Meaning,
    pub(super) weak: bool,
    pub(super) end: usize,
}

/// Every reading of a phrase starting at token `i`, longest first, so that a caller can fall
/// back to a shorter one: "tomorrow at 7 reps" is still "tomorrow".
pub(super) fn phrases(t: &Tokens, i: usize) -> Vec<Reading> {
    let (led, start) = match lead(t, i) {
        Some(j) => (true, j),
        None => (false, i),
    };
    let mut readings = Vec::new();
    let mut read = |day: Option<Day>, clock, part, weak, end| {
        let meaning = Meaning { day, clock, part };
        readings.push(Reading { meaning, weak, end });
    };
    if let Some((d, j)) = day(t, start) {
        read(Some(d.day), None, d.part, d.weak && !led, j);
        let after_comma = t.mark(j, ",").unwrap_or(j);
        if let Some(((clock, part, _), end)) = time(t, after_comma, true) {
            read(Some(d.day), clock, part.or(d.part), false, end);
        }
    }
    if let Some(((clock, part, weak), j)) = time(t, start, false) {
        read(None, clock, part, weak && !led, j);
        let after_comma = t.mark(j, ",").unwrap_or(j);
        let after_lead = lead(t, after_comma).unwrap_or(after_comma);
        if let Some((d, end)) = day(t, after_lead) {
            read(Some(d.day), clock, part.or(d.part), false, end);
        }
    }
    readings.sort_by_key(|r| std::cmp::Reverse(r.end));
    readings
}

fn lead(t: &Tokens, i: usize) -> Option<usize> {
    english::lead(t, i).or_else(|| hebrew::lead(t, i))
}

fn day(t: &Tokens, i: usize) -> Hit<DayReading> {
    longest([english::day(t, i), hebrew::day(t, i), numeric_date(t, i)])
}

fn time(t: &Tokens, i: usize, after_day: bool) -> Hit<TimeReading> {
    let part = |k| longest([english::day_part(t, k, false), hebrew::day_part(t, k)]);
    let clock = |k| longest([english::clock(t, k, false), hebrew::clock(t, k)]);
    let leading_part = longest([english::day_part(t, i, after_day), hebrew::day_part(t, i)]);
    longest([
        // "7pm", "at 7 in the evening", "בשעה 7 בבוקר"
        clock(i).map(|((c, weak), j)| match part(j) {
            Some((p, end)) => ((Some(c), Some(p), false), end),
            None => ((Some(c), None, weak), j),
        }),
        // "7 in the evening", "7 בערב": a bare number is an hour only next to a part of day.
        english::clock(t, i, true)
            .and_then(|((c, _), j)| part(j).map(|(p, end)| ((Some(c), Some(p), false), end))),
        // "in the evening at 7", "בערב ב-7", "(tomorrow) morning"
        leading_part.map(|(p, j)| match clock(j) {
            Some(((c, _), end)) => ((Some(c), Some(p), false), end),
            None => ((None, Some(p), false), j),
        }),
    ])
}

fn separator(t: &Tokens, i: usize) -> Hit<char> {
    let mark = t.get(i)?.text.chars().next()?;
    t.joined_mark(i, "/.-").map(|j| (mark, j))
}

/// Years after a numeric date: "26" is 2026, "2026" is 2026.
fn numeric_year(t: &Tokens, i: usize) -> Hit<i32> {
    let (n, j) = t.joined_number(i, 2..=4)?;
    let n = i32::try_from(n).ok()?;
    match t.get(i)?.text.len() {
        2 => Some((2000 + n, j)),
        4 => Some((n, j)),
        _ => None,
    }
}

/// "5/12", "5.12.2026", "5-12-2026" (day first), and ISO "2026-12-05". The day/month shape is
/// read even when impossible ("31/02") so the caller hears why instead of "not understood".
pub(super) fn numeric_date(t: &Tokens, i: usize) -> Hit<DayReading> {
    let day_first = || {
        let (day, j) = t.number(i, 1..=2)?;
        let (sep, j) = separator(t, j)?;
        let (month, j) = t.joined_number(j, 1..=2)?;
        let year = separator(t, j)
            .filter(|(second, _)| *second == sep)
            .and_then(|(_, k)| numeric_year(t, k));
        match year {
            Some((year, end)) => Some((
                Day::Calendar {
                    day,
                    month,
                    year: Some(year),
                },
                end,
            )),
            // "5-12" is more often a range of reps than a date.
            None if sep == '-' => None,
            None => Some((
                Day::Calendar {
                    day,
                    month,
                    year: None,
                },
                j,
            )),
        }
    };
    let iso = || {
        let (year, j) = t.number(i, 4..=4)?;
        let (sep, j) = separator(t, j)?;
        let (month, j) = t.joined_number(j, 1..=2)?;
        let (_, j) = separator(t, j).filter(|(second, _)| *second == sep)?;
        let (day, end) = t.joined_number(j, 1..=2)?;
        let year = i32::try_from(year).ok()?;
        Some((
            Day::Calendar {
                day,
                month,
                year: Some(year),
            },
            end,
        ))
    };
    longest([day_first(), iso()]).map(|(d, end)| (DayReading::new(d), end))
}

/// A year after a month name: "Dec 5, 2026", "5 בדצמבר 2026".
pub(super) fn year_after(t: &Tokens, i: usize) -> (Option<i32>, usize) {
    let j = t.mark(i, ",").unwrap_or(i);
    match t.number(j, 4..=4) {
        // "Dec 5 20:00" is a time, not the year 20.
        Some((year, k)) if t.joined_mark(k, ":").is_none() => (i32::try_from(year).ok(), k),
        _ => (None, i),
    }
}

/// "18:00", "7:30", "7": hour and minute as written, and whether a colon was seen.
pub(super) fn numeric_clock(t: &Tokens, i: usize) -> Hit<(u32, u32, bool)> {
    let (hour, j) = t.number(i, 1..=2)?;
    match t
        .joined_mark(j, ":")
        .and_then(|k| t.joined_number(k, 2..=2))
    {
        Some((minute, end)) => Some(((hour, minute, true), end)),
        None => Some(((hour, 0, false), j)),
    }
}

/// Words that make a number before them a quantity: "2.5 kg", "5/12 reps", "ב-7 חזרות".
#[rustfmt::skip]
const QUANTITIES: &[&str] = &[
    "kg", "kgs", "kilo", "kilos", "lb", "lbs", "pound", "pounds", "km", "mi", "mile", "miles", "m",
    "meters", "metres", "min", "mins", "minutes", "sec", "secs", "seconds", "rep", "reps", "set",
    "sets", "x", "times", "percent", "ק", "קג", "קילו", "קילוגרם", "חזרות", "סטים", "דקות", "שניות",
    "מטר", "קמ", "פעמים", "אחוז",
];

/// Whether tokens `start..end` stand apart from their neighbours, so "5.12" inside "105.12" or
/// "2.5kg" is not taken for a date.
pub(super) fn stands_alone(t: &Tokens, start: usize, end: usize) -> bool {
    let is = |i: usize, kind| t.get(i).is_some_and(|tok| tok.kind == kind);
    let numeric_mark = |i: usize| t.mark(i, "/.:-").is_some();
    if t.touching(start)
        && (!is(start - 1, Kind::Mark)
            || (numeric_mark(start - 1)
                && t.touching(start - 1)
                && is(start.wrapping_sub(2), Kind::Number)))
    {
        return false;
    }
    if t.touching(end)
        && (!is(end, Kind::Mark)
            || (numeric_mark(end) && t.touching(end + 1) && is(end + 1, Kind::Number)))
    {
        return false;
    }
    !(is(end - 1, Kind::Number) && t.word(end, QUANTITIES).is_some())
}
