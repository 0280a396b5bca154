//! Hebrew words for days and times: "מחר", "ביום שני הבא", "יום ב׳", "בעוד שבועיים", "בסוף
//! השבוע", "ה-5 בדצמבר", "בשעה 18:00", "ב-7 בערב". Hebrew glues ב (on/in), ה (the), ל (for)
//! and ו (and) to the next word, so most words are looked up with their possible prefixes.

use super::grammar::{DayReading, numeric_clock, numeric_date, year_after};
use super::meaning::{Clock, Day, DayPart, Unit};
use super::scan::{Hit, Tokens, longest};
use chrono::Weekday;

const BARE: &[&str] = &[""];

const WEEKDAYS: &[(&str, Weekday)] = &[
    ("ראשון", Weekday::Sun),
    ("שני", Weekday::Mon),
    ("שלישי", Weekday::Tue),
    ("רביעי", Weekday::Wed),
    ("חמישי", Weekday::Thu),
    ("שישי", Weekday::Fri),
    ("שבת", Weekday::Sat),
];

/// "יום ב׳": days are also numbered by letter, א׳ being Sunday.
const WEEKDAY_LETTERS: &[(&str, Weekday)] = &[
    ("א", Weekday::Sun),
    ("ב", Weekday::Mon),
    ("ג", Weekday::Tue),
    ("ד", Weekday::Wed),
    ("ה", Weekday::Thu),
    ("ו", Weekday::Fri),
    ("ש", Weekday::Sat),
];

#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("ינואר", 1), ("פברואר", 2), ("מרץ", 3), ("מרס", 3), ("אפריל", 4), ("מאי", 5), ("יוני", 6),
    ("יולי", 7), ("אוגוסט", 8), ("ספטמבר", 9), ("אוקטובר", 10), ("נובמבר", 11), ("דצמבר", 12),
];

/// Masculine and feminine forms; "כמה" (a few) counts as three.
#[rustfmt::skip]
const NUMBERS: &[(&str, u32)] = &[
    ("אחד", 1), ("אחת", 1), ("שניים", 2), ("שתיים", 2), ("שני", 2), ("שתי", 2), ("שלושה", 3),
    ("שלוש", 3), ("שלשה", 3), ("ארבעה", 4), ("ארבע", 4), ("חמישה", 5), ("חמש", 5), ("שישה", 6),
    ("שש", 6), ("שבעה", 7), ("שבע", 7), ("שמונה", 8), ("תשעה", 9), ("תשע", 9), ("עשרה", 10),
    ("עשר", 10), ("כמה", 3),
];

#[rustfmt::skip]
const UNITS: &[(&str, Unit)] = &[
    ("יום", Unit::Day), ("ימים", Unit::Day), ("שבוע", Unit::Week), ("שבועות", Unit::Week),
    ("חודש", Unit::Month), ("חודשים", Unit::Month), ("שנה", Unit::Year), ("שנים", Unit::Year),
];

/// Dual forms: "יומיים" is two days.
#[rustfmt::skip]
const PAIRS: &[(&str, Unit)] = &[
    ("יומיים", Unit::Day), ("שבועיים", Unit::Week), ("חודשיים", Unit::Month),
    ("שנתיים", Unit::Year),
];

/// Hours said in words, in the feminine Hebrew tells the time in: "בשבע", "בשעה שמונה".
#[rustfmt::skip]
const HOURS: &[(&str, u32)] = &[
    ("אחת", 1), ("שתיים", 2), ("שתים", 2), ("שלוש", 3), ("ארבע", 4), ("חמש", 5), ("שש", 6),
    ("שבע", 7), ("שמונה", 8), ("תשע", 9), ("עשר", 10),
];
/// "וחצי", "ורבע" after an hour in words.
const PAST_HOUR: &[(&str, u32)] = &[("וחצי", 30), ("ורבע", 15)];

const NEXT: &[&str] = &["הבא", "הבאה", "הקרוב", "הקרובה"];
const THIS: &[&str] = &["הזה", "הזאת", "הזו"];

/// The Israeli week starts on Sunday, יום ראשון ("the first day").
const WEEK_STARTS: Weekday = Weekday::Sun;
/// The Israeli weekend is Friday and Saturday; "סוף השבוע" means its Friday.
const WEEKEND_STARTS: Weekday = Weekday::Fri;

/// Words before a due date that belong to it: "עד יום שני", "בתאריך 5/12".
pub(super) fn lead(t: &Tokens, i: usize) -> Option<usize> {
    t.word(i, &["עד", "בתאריך", "לתאריך"])
}

pub(super) fn day(t: &Tokens, i: usize) -> Hit<DayReading> {
    // "ביום ה-5 בדצמבר", "ביום 5/12": "on the day" before a date.
    let on_day = t.word(i, &["ביום", "יום"]);
    let numeric_start = prefixed(t, i).or_else(|| on_day.and_then(|j| prefixed(t, j).or(Some(j))));
    longest([
        relative(t, i),
        ahead(t, i),
        weekday(t, i),
        next_week_or_month(t, i),
        weekend(t, i),
        calendar(t, i),
        on_day.and_then(|j| calendar(t, j)),
        numeric_start.and_then(|j| numeric_date(t, j)),
    ])
}

/// Where a number starts after a glued prefix: "ה-5", "ב-7", "ב5.12".
fn prefixed(t: &Tokens, i: usize) -> Option<usize> {
    let j = t.word(i, &["ה", "ב", "ל", "וב"])?;
    let j = t.joined_mark(j, "-").unwrap_or(j);
    t.joined_number(j, 1..=4).map(|_| j)
}

fn relative(t: &Tokens, i: usize) -> Hit<DayReading> {
    const WORDS: &[(&str, (i64, Option<DayPart>))] = &[
        ("היום", (0, None)),
        ("הערב", (0, Some(DayPart::Night))),
        ("הלילה", (0, Some(DayPart::Night))),
        ("הבוקר", (0, Some(DayPart::Morning))),
        ("מחר", (1, None)),
        ("מחרתיים", (2, None)),
        ("אתמול", (-1, None)),
        ("שלשום", (-2, None)),
    ];
    let ((days, part), j) = t.lookup(i, &["", "ו", "ל", "ול"], WORDS)?;
    Some((
        DayReading {
            day: Day::Relative(days),
            part,
            weak: false,
        },
        j,
    ))
}

/// "בעוד 3 ימים", "בעוד יומיים", "בעוד שבוע", "תוך שלושה שבועות", "בעוד כמה ימים".
fn ahead(t: &Tokens, i: usize) -> Hit<DayReading> {
    let j = t.word(i, &["בעוד", "ובעוד", "עוד", "תוך", "בתוך"])?;
    let counted = t
        .number(j, 1..=6)
        .or_else(|| t.lookup(j, BARE, NUMBERS))
        .and_then(|(n, k)| t.lookup(k, BARE, UNITS).map(|(unit, end)| ((n, unit), end)));
    let single = t
        .lookup(j, BARE, UNITS)
        .map(|(unit, k)| ((1, unit), t.word(k, &["אחד", "אחת"]).unwrap_or(k)));
    let pair = t.lookup(j, BARE, PAIRS).map(|(unit, k)| ((2, unit), k));
    longest([counted, single, pair])
        .map(|((n, unit), end)| (DayReading::new(Day::Ahead(n, unit)), end))
}

/// A single weekday letter after "יום", with or without its geresh: "ב׳", "ב'", "ב".
fn weekday_letter(t: &Tokens, i: usize) -> Hit<Weekday> {
    let (day, j) = t.lookup(i, BARE, WEEKDAY_LETTERS)?;
    if let Some(end) = t.joined_mark(j, "'") {
        return Some((day, end));
    }
    // "ביום ה-5 בדצמבר" is the 5th, not Thursday.
    let glued = t.joined_mark(j, "-").is_some() || t.joined_number(j, 1..=4).is_some();
    (!glued).then_some((day, j))
}

/// How surely a weekday's words name it when nothing follows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Naming {
    /// "יום שני", "בשבת", "שבת".
    Sure,
    /// "בשני" is also "in two": a date only after "עד" or with a time.
    Ambiguous,
    /// A bare "שני" is "second": a weekday only as "שני הבא".
    NeedsQualifier,
}

/// "יום שני", "ביום ב׳", "בשבת", "שבת", "שני הבא", "ביום שישי הזה", "ביום שני בשבוע הבא".
fn weekday(t: &Tokens, i: usize) -> Hit<DayReading> {
    let with_yom = t
        .prefixed_word(i, &["", "ב", "וב", "ל"], "יום")
        .and_then(|j| longest([t.lookup(j, BARE, WEEKDAYS), weekday_letter(t, j)]))
        .map(|(day, j)| ((day, Naming::Sure), j));
    let with_prefix = t.lookup(i, &["ב", "וב"], WEEKDAYS).map(|(day, j)| {
        let naming = if day == Weekday::Mon {
            Naming::Ambiguous
        } else {
            Naming::Sure
        };
        ((day, naming), j)
    });
    let bare = t.lookup(i, BARE, WEEKDAYS).map(|(day, j)| {
        let naming = if day == Weekday::Sat {
            Naming::Sure
        } else {
            Naming::NeedsQualifier
        };
        ((day, naming), j)
    });
    let ((day, naming), j) = longest([with_yom, with_prefix, bare])?;
    let qualifier = match (t.word(j, NEXT), t.word(j, THIS)) {
        (Some(k), _) => Some((false, k)),
        (None, Some(k)) => Some((true, k)),
        (None, None) => None,
    };
    if let Some((today_counts, end)) = qualifier {
        let day = Day::Weekday { day, today_counts };
        return Some((DayReading::new(day), end));
    }
    if naming == Naming::NeedsQualifier {
        return None;
    }
    let after_shel = t.word(j, &["של"]).unwrap_or(j);
    let next_week = t
        .prefixed_word(after_shel, &["ב", "ה", "ל"], "שבוע")
        .and_then(|k| t.word(k, &["הבא"]));
    if let Some(end) = next_week {
        let day = Day::WeekdayNextWeek {
            day,
            week_starts: WEEK_STARTS,
        };
        return Some((DayReading::new(day), end));
    }
    let day = Day::Weekday {
        day,
        today_counts: false,
    };
    let weak = naming == Naming::Ambiguous;
    Some((
        DayReading {
            day,
            part: None,
            weak,
        },
        j,
    ))
}

/// "שבוע הבא", "בשבוע הבא", "בחודש הבא".
fn next_week_or_month(t: &Tokens, i: usize) -> Hit<DayReading> {
    const SPANS: &[(&str, Day)] = &[
        (
            "שבוע",
            Day::NextWeek {
                week_starts: WEEK_STARTS,
            },
        ),
        ("חודש", Day::NextMonth),
    ];
    let (day, j) = t.lookup(i, &["", "ב", "ה", "ל"], SPANS)?;
    let end = t.word(j, &["הבא"])?;
    Some((DayReading::new(day), end))
}

/// "סוף השבוע", "בסוף השבוע", "סופ״ש", "בסוף השבוע הבא".
fn weekend(t: &Tokens, i: usize) -> Hit<DayReading> {
    let prefixes = &["", "ב", "ל"];
    let spelled = t
        .prefixed_word(i, prefixes, "סוף")
        .and_then(|j| t.prefixed_word(j, &["", "ה"], "שבוע"));
    let short = t.prefixed_word(i, prefixes, "סופש").or_else(|| {
        let j = t
            .prefixed_word(i, prefixes, "סופ")
            .or_else(|| t.prefixed_word(i, prefixes, "סוף"))?;
        let j = t.joined_mark(j, "\"'")?;
        t.touching(j).then(|| t.word(j, &["ש"])).flatten()
    });
    let j = spelled.or(short)?;
    let (next, end) = match t.word(j, NEXT) {
        Some(end) => (true, end),
        None => (false, j),
    };
    Some((
        DayReading::new(Day::Weekend {
            starts: WEEKEND_STARTS,
            next,
        }),
        end,
    ))
}

/// "5 בדצמבר", "ה-5 לדצמבר 2026", "5 דצמבר", and "ה-5 לחודש" (the next 5th).
fn calendar(t: &Tokens, i: usize) -> Hit<DayReading> {
    let j = prefixed(t, i).unwrap_or(i);
    let (day, j) = t.number(j, 1..=2)?;
    let month = t.lookup(j, &["", "ב", "ל"], MONTHS).map(|(month, k)| {
        let (year, end) = year_after(t, k);
        (Day::Calendar { day, month, year }, end)
    });
    let of_month = t
        .word(j, &["לחודש"])
        .filter(|_| (1..=31).contains(&day))
        .map(|end| (Day::NthOfMonth(day), end));
    longest([month, of_month]).map(|(d, end)| (DayReading::new(d), end))
}

/// "בשעה 18:00", "בשעה 7", "ב-7", "ב18:30", "בשעה שבע", "בשבע וחצי". A bare "ב-7" or
/// "בשבע" is weak: "ב-7 חזרות" is reps and "באר שבע" a city; after a day ("מחר בשבע") or
/// before a part of day ("בשבע בערב") it is a time.
pub(super) fn clock(t: &Tokens, i: usize) -> Hit<(Clock, bool)> {
    let after_hour = t.prefixed_word(i, &["", "ב", "ל"], "שעה");
    let at_hour = after_hour.and_then(|j| {
        let j = t.mark(j, "-").unwrap_or(j);
        numeric_clock(t, j).map(|((h, m, _), end)| ((h, m, false), end))
    });
    let glued = t
        .word(i, &["ב", "ל"])
        .and_then(|_| prefixed(t, i))
        .and_then(|j| numeric_clock(t, j))
        .map(|((h, m, colon), end)| ((h, m, !colon), end));
    let spelled = |(hour, j): (u32, usize), weak: bool| {
        let (minute, end) = t.lookup(j, BARE, PAST_HOUR).unwrap_or((0, j));
        ((hour, minute, weak), end)
    };
    let at_hour_spelled = after_hour
        .and_then(|j| t.lookup(j, BARE, HOURS))
        .map(|hit| spelled(hit, false));
    let glued_spelled = t
        .lookup(i, &["ב", "וב"], HOURS)
        .map(|hit| spelled(hit, true));
    longest([at_hour, glued, at_hour_spelled, glued_spelled]).map(|((hour, minute, weak), end)| {
        (
            (
                Clock {
                    hour,
                    minute,
                    meridiem: None,
                },
                weak,
            ),
            end,
        )
    })
}

/// "בבוקר", "בצהריים", "אחר הצהריים", "אחה״צ", "בערב", "בלילה".
pub(super) fn day_part(t: &Tokens, i: usize) -> Hit<DayPart> {
    const PARTS: &[(&str, DayPart)] = &[
        ("בבוקר", DayPart::Morning),
        ("בצהריים", DayPart::Noon),
        ("בצהרים", DayPart::Noon),
        ("בערב", DayPart::Evening),
        ("בלילה", DayPart::Night),
    ];
    let afternoon = t
        .word(i, &["אחר", "אחרי"])
        .and_then(|j| t.word(j, &["הצהריים", "הצהרים"]))
        .or_else(|| {
            let j = t.word(i, &["אחה"])?;
            let j = t.joined_mark(j, "\"'")?;
            t.touching(j).then(|| t.word(j, &["צ"])).flatten()
        })
        .map(|end| (DayPart::Afternoon, end));
    longest([t.lookup(i, &["", "ו"], PARTS), afternoon])
}
