//! The weekly check-in: on Monday morning in the user's time zone the coach opens a
//! conversation about the week that ended: workouts and volume against the week before, new
//! records, the streak, goal progress, muscles short of their weekly range and next week's
//! suggestions. Every number comes from the log ([`WeekFacts`]); this module only says when one
//! is due and writes the words, in English or Hebrew.

pub mod opening;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use crate::domain::account::{Language, Units};
use crate::domain::catalog::Muscle;
use crate::domain::chat::tools::Names;
use crate::domain::display;
use crate::domain::i18n::{self, record_label};
use crate::domain::progression::words;
use crate::domain::scoring::records::RecordType;

/// Records listed by name; the rest are counted.
pub const RECORDS_SHOWN: usize = 5;

/// A check-in is sent from this hour on Monday (local time).
pub const SEND_FROM: u32 = 7;

/// The Monday that starts the week `day` is in.
pub fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The week a check-in sent at local time `now` is about (its Monday): on Monday from
/// [`SEND_FROM`]:00, the week that ended the day before. `None` on other days and earlier on
/// Monday (a server that was down all Monday skips that week rather than send it late).
pub fn due_week(now: NaiveDateTime) -> Option<NaiveDate> {
    if now.weekday() != SEND_DAY {
        return None;
    }
    let from = now
        .date()
        .and_time(NaiveTime::from_hms_opt(SEND_FROM, 0, 0)?);
    (now >= from).then(|| now.date() - Duration::weeks(1))
}

/// A record set in the week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekRecord {
    pub exercise: Names,
    pub record_type: RecordType,
    /// Canonical units (kg, reps, m, s).
    pub value: f64,
}

/// A suggestion for next week: an exercise and its sets, worded ("3 × 6 @ 140 kg").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NextUp {
    pub exercise: Names,
    pub sets: Vec<crate::domain::progression::next_session::WorkSet>,
}

/// What the week's check-in says, all from the log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeekFacts {
    /// The week's Monday.
    pub week: NaiveDate,
    pub workouts: u64,
    pub volume_kg: f64,
    pub workouts_before: u64,
    pub volume_kg_before: f64,
    pub records: Vec<WeekRecord>,
    pub streak_days: u32,
    /// Active goals: name in the user's language, percent done.
    pub goals: Vec<(String, u8)>,
    pub low_muscles: Vec<Muscle>,
    pub next: Vec<NextUp>,
}

/// "Week of 30 Nov" / "השבוע של 30 בנובמבר".
pub fn title(week: NaiveDate, language: Language) -> String {
    let t = i18n::strings(language);
    let month = t.months[week.month0() as usize];
    match language {
        Language::En => format!("Week of {} {month}", week.day()),
        Language::He => format!("סיכום השבוע של {} ב{month}", week.day()),
    }
}

fn percent_change(now: f64, before: f64) -> Option<i64> {
    (before > 0.0).then(|| ((now - before) / before * 100.0).round() as i64)
}

/// The check-in's Markdown.
pub fn text(f: &WeekFacts, language: Language, units: Units) -> String {
    let t = i18n::strings(language);
    let he = language == Language::He;
    let volume = |kg: f64| display::in_language(display::weight(kg, units), language);
    let mut out = Vec::new();
    out.push(if f.workouts == 0 {
        if he {
            "לא נרשמו אימונים בשבוע שעבר. השבוע הוא הזדמנות טובה לחזור.".to_owned()
        } else {
            "No workouts were logged last week. This week is a good one to get back to it."
                .to_owned()
        }
    } else {
        let change = percent_change(f.volume_kg, f.volume_kg_before)
            .map(|p| {
                if he {
                    format!(" ({}{p}% לעומת השבוע שלפניו)", if p > 0 { "+" } else { "" })
                } else {
                    format!(" ({}{p}% on the week before)", if p > 0 { "+" } else { "" })
                }
            })
            .unwrap_or_default();
        if he {
            format!(
                "בשבוע שעבר: {} · נפח {}{change}.",
                t.workouts.count(f.workouts as i64),
                volume(f.volume_kg)
            )
        } else {
            format!(
                "Last week: {}, {} of volume{change}.",
                t.workouts.count(f.workouts as i64),
                volume(f.volume_kg)
            )
        }
    });
    if !f.records.is_empty() {
        let mut records: Vec<String> = f
            .records
            .iter()
            .take(RECORDS_SHOWN)
            .map(|r| {
                let value = display::in_language(
                    display::record_value(r.record_type, r.value, units),
                    language,
                );
                format!(
                    "- 🏆 **{}** — {}: {value}",
                    r.exercise.in_language(language),
                    record_label(t, r.record_type)
                )
            })
            .collect();
        let more = f.records.len().saturating_sub(RECORDS_SHOWN);
        if more > 0 {
            records.push(if he {
                format!("- ועוד {more} בעמוד ההתקדמות")
            } else {
                format!("- and {more} more on the Progress page")
            });
        }
        out.push(format!(
            "{}\n{}",
            if he {
                "שיאים חדשים:"
            } else {
                "New records:"
            },
            records.join("\n")
        ));
    }
    let streak = t.days.count(i64::from(f.streak_days));
    out.push(if he {
        format!("רצף: {streak}.")
    } else {
        format!("Streak: {streak}.")
    });
    if !f.goals.is_empty() {
        let goals: Vec<String> = f
            .goals
            .iter()
            .map(|(g, p)| format!("- {g}: {p}%"))
            .collect();
        out.push(format!(
            "{}\n{}",
            if he { "יעדים:" } else { "Goals:" },
            goals.join("\n")
        ));
    }
    if !f.low_muscles.is_empty() {
        let names: Vec<&str> = f.low_muscles.iter().map(|m| m.label(language)).collect();
        out.push(if he {
            format!(
                "פחות מ-10 סטים קשים בשבוע בחודש האחרון: {}.",
                names.join(", ")
            )
        } else {
            format!(
                "Under 10 hard sets a week over the last month: {}.",
                names.join(", ")
            )
        });
    }
    if !f.next.is_empty() {
        let next: Vec<String> = f
            .next
            .iter()
            .map(|n| {
                format!(
                    "- **{}**: {}",
                    n.exercise.in_language(language),
                    words::sets(&n.sets, units, language)
                )
            })
            .collect();
        out.push(format!(
            "{}\n{}",
            if he {
                "להמשך השבוע:"
            } else {
                "For this week:"
            },
            next.join("\n")
        ));
    }
    out.join("\n\n")
}

/// Monday is the day a check-in goes out.
pub const SEND_DAY: Weekday = Weekday::Mon;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progression::next_session::WorkSet;

    fn at(date: &str, hour: u32) -> NaiveDateTime {
        date.parse::<NaiveDate>()
            .unwrap()
            .and_hms_opt(hour, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_check_in_is_due_from_monday_morning_for_the_week_before() {
        let monday: NaiveDate = "2026-11-30".parse().unwrap();
        assert_eq!(monday.weekday(), SEND_DAY);
        assert_eq!(
            due_week(at("2026-11-30", 6)),
            None,
            "before 07:00 on Monday"
        );
        assert_eq!(
            due_week(at("2026-11-30", 7)),
            Some("2026-11-23".parse().unwrap())
        );
        assert_eq!(
            due_week(at("2026-11-30", 23)),
            Some("2026-11-23".parse().unwrap())
        );
        assert_eq!(due_week(at("2026-12-03", 22)), None, "only on Monday");
        assert_eq!(due_week(at("2026-12-06", 23)), None);
        assert_eq!(monday_of("2026-12-06".parse().unwrap()), monday);
    }

    fn facts() -> WeekFacts {
        WeekFacts {
            week: "2026-11-23".parse().unwrap(),
            workouts: 3,
            volume_kg: 12_000.0,
            workouts_before: 2,
            volume_kg_before: 10_000.0,
            records: vec![WeekRecord {
                exercise: Names {
                    en: "Deadlift (Barbell)".into(),
                    he: "דדליפט".into(),
                },
                record_type: RecordType::Weight,
                value: 150.0,
            }],
            streak_days: 4,
            goals: vec![("Workouts".into(), 75)],
            low_muscles: vec![Muscle::Calves],
            next: vec![NextUp {
                exercise: Names {
                    en: "Bench Press (Barbell)".into(),
                    he: "לחיצת חזה עם מוט".into(),
                },
                sets: vec![
                    WorkSet {
                        reps: 5,
                        weight: 82.5
                    };
                    3
                ],
            }],
        }
    }

    #[test]
    fn the_check_in_says_the_weeks_numbers_in_either_language() {
        let en = text(&facts(), Language::En, Units::Metric);
        for part in [
            "Last week: 3 workouts, 12,000 kg of volume (+20% on the week before).",
            "**Deadlift (Barbell)**",
            "150 kg",
            "Streak: 4 days.",
            "Workouts: 75%",
            "Calves",
            "**Bench Press (Barbell)**: 3 × 5 @ 82.5 kg",
        ] {
            assert!(en.contains(part), "{part} in:\n{en}");
        }
        let he = text(&facts(), Language::He, Units::Metric);
        for part in [
            "בשבוע שעבר",
            "+20%",
            "דדליפט",
            "150 ק״ג",
            "תאומים",
            "3 × 5 @ 82.5 ק״ג",
        ] {
            assert!(he.contains(part), "{part} in:\n{he}");
        }
        assert_eq!(title(facts().week, Language::En), "Week of 23 Nov");
        assert!(title(facts().week, Language::He).contains("23"));
        let many = WeekFacts {
            records: vec![facts().records[0].clone(); 7],
            streak_days: 1,
            ..facts()
        };
        let text_many = text(&many, Language::En, Units::Metric);
        assert_eq!(
            text_many.matches("**Deadlift (Barbell)**").count(),
            RECORDS_SHOWN,
            "{text_many}"
        );
        assert!(
            text_many.contains("and 2 more on the Progress page")
                && text_many.contains("Streak: 1 day."),
            "{text_many}"
        );
        let empty = WeekFacts {
            workouts: 0,
            records: vec![],
            next: vec![],
            goals: vec![],
            low_muscles: vec![],
            ..facts()
        };
        assert!(
            text(&empty, Language::En, Units::Metric)
                .starts_with("No workouts were logged last week.")
        );
    }
}
