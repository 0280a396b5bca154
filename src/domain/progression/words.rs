//! A next session in words, English or Hebrew: the sets ("3 × 8 @ 82.5 kg", "8, 8, 7 @ 80 kg",
//! "11, 10, 9 reps") and why ("every set reached 8 at 80 kg: 2.5 kg more"). The `/log` card,
//! the coach's tools and the weekly check-in all say it this way.

use super::next_session::{Advice, NextSession, WorkSet};
use crate::domain::account::{Language, Units};
use crate::domain::display;

/// A weight in the user's unit with at most two decimals, the unit in `language`: `82.5 kg`,
/// `1.25 kg`, `190 lb`, `82.5 ק״ג`.
pub fn weight(value: f64, units: Units, language: Language) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let unit = display::weight_unit_label(units);
    display::in_language(format!("{rounded} {unit}"), language)
}

/// The sets: `3 × 8 @ 82.5 kg` when they are alike, `8, 8, 7 @ 80 kg` when not, and reps
/// alone for body weight.
pub fn sets(sets: &[WorkSet], units: Units, language: Language) -> String {
    let Some(first) = sets.first() else {
        return String::new();
    };
    let alike = sets.iter().all(|s| s.reps == first.reps);
    let reps = if alike {
        format!("{} × {}", sets.len(), first.reps)
    } else {
        sets.iter()
            .map(|s| s.reps.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if first.weight > 0.0 {
        format!("{reps} @ {}", weight(first.weight, units, language))
    } else if alike {
        reps
    } else {
        format!("{reps} {}", language.pick("reps", "חזרות"))
    }
}

/// Why this is the next session.
pub fn reason(next: &NextSession, units: Units, language: Language) -> String {
    let w = |x: f64| weight(x, units, language);
    match (&next.advice, language) {
        (Advice::AddWeight { weight, from, .. }, Language::En) => format!(
            "every set reached {} reps at {}: {} more",
            next.range.high,
            w(*from),
            w(weight - from)
        ),
        (Advice::AddWeight { weight, from, .. }, Language::He) => format!(
            "כל הסטים הגיעו ל-{} חזרות ב-{}: עוד {}",
            next.range.high,
            w(*from),
            w(weight - from)
        ),
        (Advice::AddReps { weight, .. }, Language::En) if *weight > 0.0 => format!(
            "same weight, one more rep a set until every set reaches {}",
            next.range.high
        ),
        (Advice::AddReps { weight, .. }, Language::He) if *weight > 0.0 => format!(
            "אותו משקל, עוד חזרה בכל סט עד שכל הסטים מגיעים ל-{}",
            next.range.high
        ),
        (Advice::AddReps { .. }, Language::En) => "one more rep a set".to_owned(),
        (Advice::AddReps { .. }, Language::He) => "עוד חזרה בכל סט".to_owned(),
        (
            Advice::Deload {
                best_recent,
                best_before,
                ..
            },
            Language::En,
        ) => format!(
            "a stall: your best estimated 1RM in the last 3 sessions ({}) is not above the session before ({}); a deload week at 90 % lets you come back stronger",
            w(*best_recent),
            w(*best_before)
        ),
        (
            Advice::Deload {
                best_recent,
                best_before,
                ..
            },
            Language::He,
        ) => format!(
            "תקיעות: ה-1RM המשוער הטוב ביותר ב-3 האימונים האחרונים ({}) לא עבר את האימון שלפניהם ({}); שבוע הורדת עומס ב-90% יחזיר אותך חזק יותר",
            w(*best_recent),
            w(*best_before)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::progression::next_session::RepRange;
    use chrono::NaiveDate;

    fn set(reps: u32, weight: f64) -> WorkSet {
        WorkSet { reps, weight }
    }

    #[test]
    fn sets_read_like_a_training_log() {
        let m = Units::Metric;
        assert_eq!(sets(&[set(8, 82.5); 3], m, Language::En), "3 × 8 @ 82.5 kg");
        assert_eq!(
            sets(&[set(8, 80.0), set(8, 80.0), set(7, 80.0)], m, Language::En),
            "8, 8, 7 @ 80 kg"
        );
        assert_eq!(
            sets(&[set(5, 190.0); 2], Units::Imperial, Language::En),
            "2 × 5 @ 190 lb"
        );
        assert_eq!(sets(&[set(5, 85.0); 2], m, Language::He), "2 × 5 @ 85 ק״ג");
        assert_eq!(
            sets(&[set(11, 0.0), set(10, 0.0)], m, Language::En),
            "11, 10 reps"
        );
        assert_eq!(sets(&[set(12, 0.0); 3], m, Language::He), "3 × 12");
        assert_eq!(weight(1.25, m, Language::En), "1.25 kg");
    }

    #[test]
    fn the_reason_says_what_the_numbers_came_from() {
        let next = NextSession {
            advice: Advice::AddWeight {
                sets: 3,
                reps: 5,
                weight: 82.5,
                from: 80.0,
            },
            range: RepRange { low: 5, high: 8 },
            last: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        };
        assert_eq!(
            reason(&next, Units::Metric, Language::En),
            "every set reached 8 reps at 80 kg: 2.5 kg more"
        );
        assert_eq!(
            reason(&next, Units::Metric, Language::He),
            "כל הסטים הגיעו ל-8 חזרות ב-80 ק״ג: עוד 2.5 ק״ג"
        );
    }
}
