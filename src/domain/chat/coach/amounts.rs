//! Quantities in an answer: [`display`] converts and rounds them into the user's units; here
//! the unit is written in the answer's language ("100 kg", "100 ק״ג"), since a Hebrew answer
//! should carry no English but the exercise names the user wrote.

use crate::domain::account::{Language, Units};
use crate::domain::display;
use crate::domain::goals::GoalType;
use crate::domain::scoring::records::RecordType;

use display::in_language;

pub(super) fn weight(kg: f64, units: Units, language: Language) -> String {
    in_language(display::weight(kg, units), language)
}

pub(super) fn record(
    record_type: RecordType,
    value: f64,
    units: Units,
    language: Language,
) -> String {
    in_language(display::record_value(record_type, value, units), language)
}

pub(super) fn goal(goal_type: GoalType, value: f64, units: Units, language: Language) -> String {
    in_language(goal_type.format_amount(value, units), language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_written_in_the_answers_language() {
        let cases = [
            (
                Language::En,
                Units::Metric,
                RecordType::Weight,
                100.0,
                "100 kg",
            ),
            (
                Language::He,
                Units::Metric,
                RecordType::Weight,
                100.0,
                "100 ק״ג",
            ),
            (
                Language::He,
                Units::Imperial,
                RecordType::Weight,
                100.0,
                "220.5 ליב׳",
            ),
            (
                Language::He,
                Units::Metric,
                RecordType::Distance,
                5000.0,
                "5 ק״מ",
            ),
            (
                Language::He,
                Units::Metric,
                RecordType::Distance,
                400.0,
                "400 מ׳",
            ),
            (
                Language::He,
                Units::Imperial,
                RecordType::Distance,
                5000.0,
                "3.1 מייל",
            ),
            (
                Language::He,
                Units::Metric,
                RecordType::Duration,
                45.0,
                "45 שנ׳",
            ),
            (
                Language::He,
                Units::Metric,
                RecordType::Duration,
                185.0,
                "3:05",
            ),
            (Language::He, Units::Metric, RecordType::Reps, 12.0, "12"),
        ];
        for (language, units, record_type, value, want) in cases {
            assert_eq!(record(record_type, value, units, language), want);
        }
        assert_eq!(weight(12_400.0, Units::Metric, Language::He), "12,400 ק״ג");
        assert_eq!(
            goal(GoalType::Duration, 1800.0, Units::Metric, Language::He),
            "30:00"
        );
    }
}
