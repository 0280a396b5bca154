//! English phrases, said on Monday 2026-11-23 at 10:00 unless noted.

use super::*;

#[test]
fn english_relative_days() {
    expect(
        MONDAY,
        &[
            ("today", "2026-11-23"),
            ("  TODAY ", "2026-11-23"),
            ("tonight", "2026-11-23 20:00"),
            ("tomorrow", "2026-11-24"),
            ("Tomorrow!", "2026-11-24"),
            ("day after tomorrow", "2026-11-25"),
            ("the day after tomorrow", "2026-11-25"),
            ("yesterday", "2026-11-22"),
            ("in 3 days", "2026-11-26"),
            ("in three days", "2026-11-26"),
            ("in twelve days", "2026-12-05"),
            ("in a day", "2026-11-24"),
            ("in a week", "2026-11-30"),
            ("in 2 weeks", "2026-12-07"),
            ("in a couple of days", "2026-11-25"),
            ("in a couple weeks", "2026-12-07"),
            ("in a few days", "2026-11-26"),
            ("in 1 month", "2026-12-23"),
            ("in 2 months", "2027-01-23"),
            ("in a year", "2027-11-23"),
            ("3 days from now", "2026-11-26"),
            ("a week from today", "2026-11-30"),
            ("in 3 weeks' time", "2026-12-14"),
            ("next week", "2026-11-30"),
            ("next month", "2026-12-01"),
            ("this weekend", "2026-11-28"),
            ("the weekend", "2026-11-28"),
            ("over the weekend", "2026-11-28"),
            ("next weekend", "2026-12-05"),
            ("due tomorrow", "2026-11-24"),
            ("by friday", "2026-11-27"),
        ],
    );
}

#[test]
fn english_weekdays_said_on_a_monday() {
    expect(
        MONDAY,
        &[
            ("monday", "2026-11-30"),
            ("on Monday", "2026-11-30"),
            ("next Monday", "2026-11-30"),
            ("this monday", "2026-11-23"),
            ("tuesday", "2026-11-24"),
            ("wednesday", "2026-11-25"),
            ("thursday", "2026-11-26"),
            ("friday", "2026-11-27"),
            ("this friday", "2026-11-27"),
            ("next friday", "2026-11-27"),
            ("this coming friday", "2026-11-27"),
            ("saturday", "2026-11-28"),
            ("sunday", "2026-11-29"),
            ("mon", "2026-11-30"),
            ("tue", "2026-11-24"),
            ("tues", "2026-11-24"),
            ("wed", "2026-11-25"),
            ("thu", "2026-11-26"),
            ("thurs", "2026-11-26"),
            ("fri", "2026-11-27"),
            ("sat", "2026-11-28"),
            ("sun", "2026-11-29"),
            ("monday next week", "2026-11-30"),
            ("friday next week", "2026-12-04"),
        ],
    );
}

#[test]
fn english_calendar_dates() {
    expect(
        MONDAY,
        &[
            ("2026-12-05", "2026-12-05"),
            ("2027/1/9", "2027-01-09"),
            ("Dec 5", "2026-12-05"),
            ("dec. 5", "2026-12-05"),
            ("5 Dec", "2026-12-05"),
            ("December 5th", "2026-12-05"),
            ("5th of December", "2026-12-05"),
            ("on the 5th of December 2027", "2027-12-05"),
            ("December 5, 2027", "2027-12-05"),
            ("May 1st", "2027-05-01"),
            ("Nov 23", "2026-11-23"),
            ("Nov 22", "2027-11-22"),
            ("the 5th", "2026-12-05"),
            ("on the 30th", "2026-11-30"),
            ("1/1/2020", "2020-01-01"),
        ],
    );
}

#[test]
fn english_times() {
    expect(
        MONDAY,
        &[
            ("at 7", "2026-11-24 07:00"),
            ("at 7pm", "2026-11-23 19:00"),
            ("7pm", "2026-11-23 19:00"),
            ("7 pm", "2026-11-23 19:00"),
            ("7:30 pm", "2026-11-23 19:30"),
            ("7:30 p.m.", "2026-11-23 19:30"),
            ("7.30pm", "2026-11-23 19:30"),
            ("at 9am", "2026-11-24 09:00"),
            ("12pm", "2026-11-23 12:00"),
            ("12am", "2026-11-24 00:00"),
            ("18:00", "2026-11-23 18:00"),
            ("at 7 o'clock", "2026-11-24 07:00"),
            ("at noon", "2026-11-23 12:00"),
            ("in the morning", "2026-11-24 08:00"),
            ("in the afternoon", "2026-11-23 15:00"),
            ("in the evening", "2026-11-23 19:00"),
            ("at night", "2026-11-23 20:00"),
            ("7 in the evening", "2026-11-23 19:00"),
            ("in the evening at 7", "2026-11-23 19:00"),
            ("this morning", "2026-11-23 08:00"),
            ("this evening", "2026-11-23 19:00"),
        ],
    );
}

#[test]
fn english_days_with_times() {
    expect(
        MONDAY,
        &[
            ("tomorrow at 18:00", "2026-11-24 18:00"),
            ("tomorrow at 7pm", "2026-11-24 19:00"),
            ("at 7pm tomorrow", "2026-11-24 19:00"),
            ("tomorrow morning", "2026-11-24 08:00"),
            ("tomorrow evening", "2026-11-24 19:00"),
            ("tomorrow night", "2026-11-24 20:00"),
            ("tomorrow at 7 in the evening", "2026-11-24 19:00"),
            ("tonight at 9", "2026-11-23 21:00"),
            ("tonight at 1", "2026-11-24 01:00"),
            ("tonight at 12", "2026-11-24 00:00"),
            ("next friday 6pm", "2026-11-27 18:00"),
            ("Friday, 6:30pm", "2026-11-27 18:30"),
            ("sat 9am", "2026-11-28 09:00"),
            ("Dec 5 at 7:30", "2026-12-05 07:30"),
            ("5/12 at 18:00", "2026-12-05 18:00"),
            ("at 18:00 on 5/12", "2026-12-05 18:00"),
            ("  next   MONDAY  at   noon. ", "2026-11-30 12:00"),
        ],
    );
}
