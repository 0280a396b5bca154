//! English words for days and times: "tomorrow", "next Monday", "in a couple of weeks", "this
//! weekend", "Dec 5th", "the 5th of December", "at 7:30 pm", "in the evening".

use super::grammar::{DayReading, numeric_clock, year_after};
use super::meaning::{Clock, Day, DayPart, Meridiem, Unit};
use super::scan::{Hit, Tokens, longest};
use chrono::Weekday;

const BARE: &[&str] = &[""];

/// Full names, then abbreviations (`true`): "sat" and "sun" are words too.
const WEEKDAYS: &[(&str, (Weekday, bool))] = &[
    ("monday", (Weekday::Mon, false)),
    ("tuesday", (Weekday::Tue, false)),
    ("wednesday", (Weekday::Wed, false)),
    ("thursday", (Weekday::Thu, false)),
    ("friday", (Weekday::Fri, false)),
    ("saturday", (Weekday::Sat, false)),
    ("sunday", (Weekday::Sun, false)),
    ("mon", (Weekday::Mon, true)),
    ("tue", (Weekday::Tue, true)),
    ("tues", (Weekday::Tue, true)),
    ("wed", (Weekday::Wed, true)),
    ("weds", (Weekday::Wed, true)),
    ("thu", (Weekday::Thu, true)),
    ("thur", (Weekday::Thu, true)),
    ("thurs", (Weekday::Thu, true)),
    ("fri", (Weekday::Fri, true)),
    ("sat", (Weekday::Sat, true)),
    ("sun", (Weekday::Sun, true)),
];

#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("jan", 1), ("february", 2), ("feb", 2), ("march", 3), ("mar", 3), ("april", 4),
    ("apr", 4), ("may", 5), ("june", 6), ("jun", 6), ("july", 7), ("jul", 7), ("august", 8),
    ("aug", 8), ("september", 9), ("sep", 9), ("sept", 9), ("october", 10), ("oct", 10),
    ("november", 11), ("nov", 11), ("december", 12), ("dec", 12),
];

#[rustfmt::skip]
const NUMBERS: &[(&str, u32)] = &[
    ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
    ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12),
];

#[rustfmt::skip]
const UNITS: &[(&str, Unit)] = &[
    ("day", Unit::Day), ("days", Unit::Day), ("week", Unit::Week), ("weeks", Unit::Week),
    ("month", Unit::Month), ("months", Unit::Month), ("year", Unit::Year), ("years", Unit::Year),
];

/// ISO 8601 weeks, as English speakers mostly count them, start on Monday.
const WEEK_STARTS: Weekday = Weekday::Mon;
/// The English weekend is Saturday and Sunday; "this weekend" means its Saturday.
const WEEKEND_STARTS: Weekday = Weekday::Sat;

/// Words before a due date that belong to it: "on Monday", "by Friday", "due by Dec 5".
pub(super) fn lead(t: &Tokens, i: usize) -> Option<usize> {
    let j = t.word(i, &["due"]).unwrap_or(i);
    t.word(j, &["on", "by", "until", "till"])
        .or((j > i).then_some(j))
}

pub(super) fn day(t: &Tokens, i: usize) -> Hit<DayReading> {
    longest([
        relative(t, i),
        ahead(t, i),
        weekday(t, i),
        next_week_or_month(t, i),
        weekend(t, i),
        month_day(t, i),
        day_month(t, i),
        day_of_month(t, i),
    ])
}

fn relative(t: &Tokens, i: usize) -> Hit<DayReading> {
    const WORDS: &[(&str, (i64, Option<DayPart>))] = &[
        ("today", (0, None)),
        ("tonight", (0, Some(DayPart::Night))),
        ("tomorrow", (1, None)),
        ("tmrw", (1, None)),
        ("yesterday", (-1, None)),
    ];
    const THIS: &[(&str, DayPart)] = &[
        ("morning", DayPart::Morning),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
    ];
    let after_the = t.word(i, &["the"]).unwrap_or(i);
    longest([
        t.lookup(i, BARE, WORDS),
        t.words(after_the, &["day", "after", "tomorrow"])
            .map(|j| ((2, None), j)),
        t.words(after_the, &["day", "before", "yesterday"])
            .map(|j| ((-2, None), j)),
        t.word(i, &["this"])
            .and_then(|j| t.lookup(j, BARE, THIS))
            .map(|(part, j)| ((0, Some(part)), j)),
    ])
    .map(|((days, part), j)| {
        (
            DayReading {
                day: Day::Relative(days),
                part,
                weak: false,
            },
            j,
        )
    })
}

/// "3", "three", "a", "a couple of", "a few".
fn count(t: &Tokens, i: usize) -> Hit<u32> {
    let after_a = t.word(i, &["a"]).unwrap_or(i);
    longest([
        t.number(i, 1..=6),
        t.lookup(i, BARE, NUMBERS),
        t.word(i, &["a", "an"]).map(|j| (1, j)),
        t.word(after_a, &["couple"])
            .map(|j| (2, t.word(j, &["of"]).unwrap_or(j))),
        t.word(after_a, &["few"]).map(|j| (3, j)),
    ])
}

/// "in 3 days", "in a week", "two weeks from now".
fn ahead(t: &Tokens, i: usize) -> Hit<DayReading> {
    let amount = |k| {
        let (n, j) = count(t, k)?;
        let (unit, j) = t.lookup(j, BARE, UNITS)?;
        Some(((n, unit), j))
    };
    // "in 3 weeks time", "in 3 weeks' time", "in a day's time"
    let time_suffix = |j| {
        let k = t.joined_mark(j, "'").unwrap_or(j);
        let k = t
            .touching(k)
            .then(|| t.word(k, &["s"]))
            .flatten()
            .unwrap_or(k);
        t.word(k, &["time"]).unwrap_or(j)
    };
    let in_form = t
        .word(i, &["in", "within"])
        .and_then(amount)
        .map(|(a, j)| (a, time_suffix(j)));
    let from_now = amount(i).and_then(|(a, j)| {
        let j = t.word(j, &["from"])?;
        t.word(j, &["now", "today"]).map(|end| (a, end))
    });
    longest([in_form, from_now]).map(|((n, unit), j)| (DayReading::new(Day::Ahead(n, unit)), j))
}

/// "monday", "on mon", "this friday", "next monday", "monday next week".
fn weekday(t: &Tokens, i: usize) -> Hit<DayReading> {
    let (qualifier, j) = [
        (t.words(i, &["this", "coming"]), Some(false)),
        (t.word(i, &["this"]), Some(true)),
        (t.word(i, &["next", "coming"]), Some(false)),
    ]
    .into_iter()
    .find_map(|(hit, today_counts)| hit.map(|j| (today_counts, j)))
    .unwrap_or((None, i));
    let ((day, abbreviated), j) = t.lookup(j, BARE, WEEKDAYS)?;
    if qualifier.is_none()
        && let Some(end) = t
            .words(j, &["next", "week"])
            .or_else(|| t.words(j, &["of", "next", "week"]))
    {
        return Some((
            DayReading::new(Day::WeekdayNextWeek {
                day,
                week_starts: WEEK_STARTS,
            }),
            end,
        ));
    }
    let today_counts = qualifier.unwrap_or(false);
    let weak = abbreviated && qualifier.is_none();
    Some((
        DayReading {
            day: Day::Weekday { day, today_counts },
            part: None,
            weak,
        },
        j,
    ))
}

fn next_week_or_month(t: &Tokens, i: usize) -> Hit<DayReading> {
    let j = t.word(i, &["next"])?;
    longest([
        t.word(j, &["week"]).map(|k| {
            (
                Day::NextWeek {
                    week_starts: WEEK_STARTS,
                },
                k,
            )
        }),
        t.word(j, &["month"]).map(|k| (Day::NextMonth, k)),
    ])
    .map(|(d, k)| (DayReading::new(d), k))
}

/// "this weekend", "(at|over) the weekend", "next weekend", and a bare "weekend" (weak).
fn weekend(t: &Tokens, i: usize) -> Hit<DayReading> {
    let after_at = t.word(i, &["at", "over"]).unwrap_or(i);
    let (next, weak, j) = [
        (t.word(i, &["next"]), true, false),
        (t.word(i, &["this"]), false, false),
        (t.word(after_at, &["the"]), false, false),
    ]
    .into_iter()
    .find_map(|(hit, next, weak)| hit.map(|j| (next, weak, j)))
    .unwrap_or((false, true, i));
    let end = t.word(j, &["weekend"])?;
    Some((
        DayReading {
            day: Day::Weekend {
                starts: WEEKEND_STARTS,
                next,
            },
            part: None,
            weak,
        },
        end,
    ))
}

fn ordinal(t: &Tokens, i: usize) -> Option<usize> {
    t.touching(i)
        .then(|| t.word(i, &["st", "nd", "rd", "th"]))
        .flatten()
}

/// "Dec 5", "December 5th, 2026", "dec. 5".
fn month_day(t: &Tokens, i: usize) -> Hit<DayReading> {
    let (month, j) = t.lookup(i, BARE, MONTHS)?;
    let j = t.joined_mark(j, ".").unwrap_or(j);
    let (day, j) = t.number(j, 1..=2)?;
    let j = ordinal(t, j).unwrap_or(j);
    let (year, end) = year_after(t, j);
    Some((DayReading::new(Day::Calendar { day, month, year }), end))
}

/// "5 Dec", "5th of December", "the 5th of December 2026".
fn day_month(t: &Tokens, i: usize) -> Hit<DayReading> {
    let j = t.word(i, &["the"]).unwrap_or(i);
    let (day, j) = t.number(j, 1..=2)?;
    let j = ordinal(t, j).unwrap_or(j);
    let j = t.word(j, &["of"]).unwrap_or(j);
    let (month, j) = t.lookup(j, BARE, MONTHS)?;
    let j = t.joined_mark(j, ".").unwrap_or(j);
    let (year, end) = year_after(t, j);
    Some((DayReading::new(Day::Calendar { day, month, year }), end))
}

/// "the 5th": the next 5th of a month. Weak, since "the 5th set" is not a date.
fn day_of_month(t: &Tokens, i: usize) -> Hit<DayReading> {
    let j = t.word(i, &["the"])?;
    let (day, j) = t.number(j, 1..=2).filter(|(d, _)| (1..=31).contains(d))?;
    let end = ordinal(t, j)?;
    Some((
        DayReading {
            day: Day::NthOfMonth(day),
            part: None,
            weak: true,
        },
        end,
    ))
}

fn meridiem(t: &Tokens, i: usize) -> Hit<Meridiem> {
    const WORDS: &[(&str, Meridiem)] = &[("am", Meridiem::Am), ("pm", Meridiem::Pm)];
    const LETTERS: &[(&str, Meridiem)] = &[("a", Meridiem::Am), ("p", Meridiem::Pm)];
    let dotted = t.lookup(i, BARE, LETTERS).and_then(|(m, j)| {
        let j = t.joined_mark(j, ".")?;
        let j = t.word(j, &["m"])?;
        Some((m, t.joined_mark(j, ".").unwrap_or(j)))
    });
    longest([t.lookup(i, BARE, WORDS), dotted])
}

/// "at 7", "7pm", "7:30 p.m.", "18:00", "at 7 o'clock"; a bare "7" only when `bare_ok`.
/// The flag is always `false`: nothing here is weak.
pub(super) fn clock(t: &Tokens, i: usize, bare_ok: bool) -> Hit<(Clock, bool)> {
    let (at, j) = match t.word(i, &["at", "around"]).or_else(|| t.mark(i, "@")) {
        Some(j) => (true, j),
        None => (false, i),
    };
    let ((hour, minute, colon), j) = numeric_clock(t, j)?;
    // "7.30pm": a dot between hour and minute only with am/pm, or "5.12" would be a time.
    let dotted = t
        .joined_mark(j, ".")
        .and_then(|k| t.joined_number(k, 2..=2))
        .filter(|&(_, k)| !colon && meridiem(t, k).is_some());
    let (minute, j) = dotted.unwrap_or((minute, j));
    let (meridiem, j) = match meridiem(t, j) {
        Some((m, k)) => (Some(m), k),
        None => (None, j),
    };
    let oclock = t
        .word(j, &["o"])
        .and_then(|k| t.joined_mark(k, "'"))
        .and_then(|k| t.word(k, &["clock"]));
    let said_as_time = at || colon || meridiem.is_some() || oclock.is_some() || bare_ok;
    said_as_time.then_some((
        (
            Clock {
                hour,
                minute,
                meridiem,
            },
            false,
        ),
        oclock.unwrap_or(j),
    ))
}

/// "in the morning", "at night", "at noon"; right after a day also "(tomorrow) morning".
pub(super) fn day_part(t: &Tokens, i: usize, after_day: bool) -> Hit<DayPart> {
    const PARTS: &[(&str, DayPart)] = &[
        ("morning", DayPart::Morning),
        ("afternoon", DayPart::Afternoon),
        ("evening", DayPart::Evening),
        ("night", DayPart::Night),
        ("noon", DayPart::Noon),
        ("midday", DayPart::Noon),
    ];
    let noon = &PARTS[4..];
    longest([
        t.words(i, &["in", "the"])
            .and_then(|j| t.lookup(j, BARE, &PARTS[..3])),
        t.word(i, &["at"])
            .and_then(|j| t.lookup(j, BARE, &PARTS[3..])),
        t.lookup(i, BARE, noon),
        if after_day {
            t.lookup(i, BARE, PARTS)
        } else {
            None
        },
    ])
}
