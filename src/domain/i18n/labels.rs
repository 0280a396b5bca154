//! Labels computed from values: days relative to today, record types, levels, and `{key}`
//! placeholders filled in.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

use super::strings::Strings;
use crate::domain::goals::GoalType;
use crate::domain::scoring::levels::Level;
use crate::domain::scoring::records::RecordType;

/// The label of a personal-record type.
pub fn record_label(t: &Strings, record_type: RecordType) -> &'static str {
    match record_type {
        RecordType::Weight => t.rec_weight,
        RecordType::Reps => t.rec_reps,
        RecordType::E1rm => t.rec_e1rm,
        RecordType::Volume => t.rec_volume,
        RecordType::Duration => t.rec_duration,
        RecordType::Distance => t.rec_distance,
    }
}

/// What a goal counts.
pub fn goal_type_label(t: &Strings, goal_type: GoalType) -> &'static str {
    match goal_type {
        GoalType::Workouts => t.goal_workouts,
        GoalType::Points => t.goal_points,
        GoalType::Exercises => t.goal_exercises,
        GoalType::Streak => t.goal_streak,
        GoalType::Weight => t.goal_weight,
        GoalType::Duration => t.goal_duration,
        GoalType::Distance => t.goal_distance,
    }
}

/// The name of a level.
pub fn level_label(t: &Strings, level: Level) -> &'static str {
    match level {
        Level::Beginner => t.level_beginner,
        Level::Intermediate => t.level_intermediate,
        Level::Advanced => t.level_advanced,
        Level::Expert => t.level_expert,
    }
}

/// A calendar day as people say it: "Today", "Tomorrow", "Yesterday", otherwise "Tue 24 Nov"
/// (with the year when it is not this year's) in the page language.
pub fn day_label(t: &Strings, date: NaiveDate, today: NaiveDate) -> String {
    match (date - today).num_days() {
        0 => return t.today.to_owned(),
        1 => return t.tomorrow.to_owned(),
        -1 => return t.yesterday.to_owned(),
        _ => {}
    }
    let label = fill(
        t.date_pattern,
        &[
            (
                "wd",
                t.weekdays[date.weekday().num_days_from_monday() as usize],
            ),
            ("d", &date.day().to_string()),
            ("mon", t.months[date.month0() as usize]),
        ],
    );
    if date.year() == today.year() {
        label
    } else {
        format!("{label} {}", date.year())
    }
}

/// A moment as the pages show it: its day label and the time, "Today · 18:30",
/// "Tue 17 Nov · 07:05".
pub fn moment_label(t: &Strings, local: NaiveDateTime, today: NaiveDate) -> String {
    format!(
        "{} · {}",
        day_label(t, local.date(), today),
        local.format("%H:%M")
    )
}

/// A name after a glued one-letter Hebrew preposition ("ב", "ל"): "בסקוואט", but "ב-Bench
/// Press" before a name that does not start with a Hebrew letter.
pub fn glued(preposition: &str, name: &str) -> String {
    if name.starts_with(|c| ('\u{05D0}'..='\u{05EA}').contains(&c)) {
        format!("{preposition}{name}")
    } else {
        format!("{preposition}-{name}")
    }
}

/// Replaces `{key}` placeholders with values.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::{EN, HE};

    #[test]
    fn days_are_named_relative_to_today_in_both_languages() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let today = d("2026-11-23"); // a Monday
        assert_eq!(day_label(&EN, today, today), "Today");
        assert_eq!(day_label(&HE, d("2026-11-24"), today), "מחר");
        assert_eq!(day_label(&EN, d("2026-11-22"), today), "Yesterday");
        assert_eq!(day_label(&EN, d("2026-12-01"), today), "Tue 1 Dec");
        assert_eq!(day_label(&HE, d("2026-11-27"), today), "יום ו׳, 27 בנובמבר");
        assert_eq!(day_label(&HE, d("2026-11-28"), today), "שבת, 28 בנובמבר");
        assert_eq!(day_label(&EN, d("2027-01-04"), today), "Mon 4 Jan 2027");
        let at = |s: &str| s.parse::<NaiveDateTime>().unwrap();
        assert_eq!(
            moment_label(&EN, at("2026-11-23T18:30:00"), today),
            "Today · 18:30"
        );
        assert_eq!(
            moment_label(&HE, at("2026-11-24T07:05:00"), today),
            "מחר · 07:05"
        );
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(EN.signed_in_as, &[("name", "Dana")]),
            "Signed in as Dana"
        );
        assert_eq!(
            fill(HE.welcome_title, &[("name", "דנה")]),
            "היי דנה, מוכנים להתאמן?"
        );
    }

    #[test]
    fn every_record_type_has_its_own_label() {
        let labels: std::collections::HashSet<&str> = RecordType::ALL
            .iter()
            .map(|r| record_label(&HE, *r))
            .collect();
        assert_eq!(labels.len(), RecordType::ALL.len());
    }
}
