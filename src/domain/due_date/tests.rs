//! Every phrase the conventions promise, against fixed "now"s. Expected values are written as
//! `Due`'s display: `2026-11-24` for all-day, `2026-11-24 19:00` with a time.

use super::*;

mod english;
mod find;
mod hebrew;

const MONDAY: &str = "2026-11-23 10:00";
const FRIDAY: &str = "2026-11-27 10:00";
const SATURDAY: &str = "2026-11-28 10:00";
const SUNDAY: &str = "2026-11-29 10:00";

fn at(now: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(now, "%Y-%m-%d %H:%M").unwrap()
}

/// Checks every case and reports all failures at once.
fn expect(now: &str, cases: &[(&str, &str)]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, want)| {
            let got = parse_due(text, at(now)).map(|d| d.to_string());
            (got.as_deref() != Ok(*want))
                .then(|| format!("{text:?} on {now}: want {want}, got {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
#[test]
fn next_weekday_is_the_first_one_after_today() {
    expect(
        SUNDAY,
        &[("next monday", "2026-11-30"), ("monday", "2026-11-30")],
    );
    expect(
        FRIDAY,
        &[("next monday", "2026-11-30"), ("next friday", "2026-12-04")],
    );
    expect(
        SATURDAY,
        &[
            ("next monday", "2026-11-30"),
            ("saturday", "2026-12-05"),
            ("this saturday", "2026-11-28"),
            ("this friday", "2026-12-04"),
            ("tomorrow", "2026-11-29"),
        ],
    );
}

#[test]
fn weeks_and_weekends_in_each_language() {
    // English weeks start on Monday; Hebrew weeks on Sunday.
    expect(
        SATURDAY,
        &[("next week", "2026-11-30"), ("שבוע הבא", "2026-11-29")],
    );
    expect(
        SUNDAY,
        &[("next week", "2026-11-30"), ("שבוע הבא", "2026-12-06")],
    );
    // English weekend: Saturday. Israeli weekend: Friday. During it, today.
    expect(
        FRIDAY,
        &[("this weekend", "2026-11-28"), ("סוף השבוע", "2026-11-27")],
    );
    expect(
        SATURDAY,
        &[
            ("this weekend", "2026-11-28"),
            ("next weekend", "2026-12-05"),
            ("סוף השבוע", "2026-11-28"),
            ("סוף השבוע הבא", "2026-12-04"),
        ],
    );
    expect(
        SUNDAY,
        &[
            ("this weekend", "2026-11-29"),
            ("next weekend", "2026-12-05"),
        ],
    );
}

#[test]
fn dates_without_a_year_roll_over() {
    let december_6 = "2026-12-06 09:00";
    expect(
        december_6,
        &[
            ("Dec 5", "2027-12-05"),
            ("5/12", "2027-12-05"),
            ("5 בדצמבר", "2027-12-05"),
            ("Dec 6", "2026-12-06"),
        ],
    );
    let new_years_eve = "2026-12-31 09:00";
    expect(
        new_years_eve,
        &[
            ("tomorrow", "2027-01-01"),
            ("in 1 month", "2027-01-31"),
            ("next month", "2027-01-01"),
            ("next week", "2027-01-04"),
            ("Jan 2", "2027-01-02"),
        ],
    );
}

#[test]
fn months_clamp_to_the_end_of_a_shorter_month() {
    expect(
        "2026-01-31 10:00",
        &[("in 1 month", "2026-02-28"), ("בעוד חודש", "2026-02-28")],
    );
    expect("2028-01-31 10:00", &[("in a month", "2028-02-29")]);
    expect(
        "2028-02-29 10:00",
        &[("in 1 year", "2029-02-28"), ("tomorrow", "2028-03-01")],
    );
}

#[test]
fn leap_day_waits_for_a_leap_year() {
    expect(
        MONDAY,
        &[
            ("29/2", "2028-02-29"),
            ("Feb 29", "2028-02-29"),
            ("29/2/2028", "2028-02-29"),
        ],
    );
}

#[test]
fn numeric_dates_are_day_first() {
    expect(
        MONDAY,
        &[
            ("5/12", "2026-12-05"),
            ("5.12", "2026-12-05"),
            ("05/12", "2026-12-05"),
            ("12/5", "2027-05-12"),
            ("5/12/2027", "2027-12-05"),
            ("5.12.27", "2027-12-05"),
            ("5-12-2027", "2027-12-05"),
            ("23/11", "2026-11-23"),
            ("22/11", "2027-11-22"),
        ],
    );
}

#[test]
fn all_day_and_past() {
    let now = at(MONDAY);
    let tomorrow = parse_due("tomorrow", now).unwrap();
    assert!(tomorrow.is_all_day());
    assert!(!parse_due("tomorrow at 7", now).unwrap().is_all_day());
    assert!(!tomorrow.is_past(now));
    assert!(
        !parse_due("today", now).unwrap().is_past(now),
        "all day today is not over yet"
    );
    assert!(parse_due("yesterday", now).unwrap().is_past(now));
    assert!(parse_due("this morning", now).unwrap().is_past(now));
}

#[test]
fn what_is_not_a_due_date_says_why() {
    use DueDateError::*;
    let now = at(MONDAY);
    let cases: &[(&str, DueDateError)] = &[
        ("", Empty),
        ("   ", Empty),
        ("?!", Empty),
        ("banana", Unrecognised("banana".into())),
        ("tomorrow banana", Unrecognised("tomorrow banana".into())),
        ("5-12", Unrecognised("5-12".into())),
        (
            "31/02",
            ImpossibleDate {
                day: 31,
                month: 2,
                year: None,
            },
        ),
        (
            "Feb 30",
            ImpossibleDate {
                day: 30,
                month: 2,
                year: None,
            },
        ),
        (
            "31 בפברואר",
            ImpossibleDate {
                day: 31,
                month: 2,
                year: None,
            },
        ),
        (
            "13/13",
            ImpossibleDate {
                day: 13,
                month: 13,
                year: None,
            },
        ),
        (
            "0/5",
            ImpossibleDate {
                day: 0,
                month: 5,
                year: None,
            },
        ),
        (
            "29/2/2027",
            ImpossibleDate {
                day: 29,
                month: 2,
                year: Some(2027),
            },
        ),
        (
            "25:00",
            TimeOutOfRange {
                hour: 25,
                minute: 0,
            },
        ),
        (
            "tomorrow at 25:00",
            TimeOutOfRange {
                hour: 25,
                minute: 0,
            },
        ),
        (
            "18:60",
            TimeOutOfRange {
                hour: 18,
                minute: 60,
            },
        ),
        (
            "13pm",
            TimeOutOfRange {
                hour: 13,
                minute: 0,
            },
        ),
        (
            "בשעה 24:00",
            TimeOutOfRange {
                hour: 24,
                minute: 0,
            },
        ),
        ("in 999999 years", TooFar),
    ];
    for (text, want) in cases {
        assert_eq!(parse_due(text, now).as_ref(), Err(want), "{text:?}");
    }
    assert_eq!(
        parse_due("31/02", now).unwrap_err().to_string(),
        "31/2 is not a date on the calendar (dates are read day/month)"
    );
    assert_eq!(
        parse_due("29/2/2027", now).unwrap_err().to_string(),
        "29/2/2027 is not a date on the calendar (dates are read day/month)"
    );
    assert_eq!(
        parse_due("25:00", now).unwrap_err().to_string(),
        "25:00 is not a time of day"
    );
}
