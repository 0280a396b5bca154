//! "Log it" after the coach suggested a session: the user says they did it ("log it", "done",
//! "עשיתי", "תרשום את זה"), maybe with a change to every weight ("but 5 kg less", "עם 5 קילו
//! פחות"). Then the suggestion's sets are logged, moved by that much.

use super::words::Words;
use crate::domain::catalog::catalog;
use crate::domain::nl_log::parse;
use crate::domain::workout::WeightUnit;

fn names_an_exercise(text: &str) -> bool {
    parse(text, WeightUnit::Kg).entries.iter().any(|e| {
        catalog()
            .find(&e.exercise, 1)
            .first()
            .is_some_and(|c| c.confidence >= 0.8)
    })
}

/// Saying it was done, or asking to log what was suggested.
#[rustfmt::skip]
const DONE: &[&str] = &[
    "log it", "log that", "log this", "log them", "log the session", "log the workout",
    "done", "all done", "did it", "i did it", "i did that", "did that", "finished", "completed",
    "save it", "record it", "mark it done", "mark it as done", "just did it",
    "תרשום", "תרשמי", "תרשום את זה", "תרשמי את זה", "רשום", "רשמי", "עשיתי", "עשיתי את זה",
    "עשיתי את האימון", "סיימתי", "בוצע", "גמרתי",
];

/// Lighter or heavier than suggested.
const LESS: &[&str] = &["less", "lighter", "under", "פחות", "קל", "קלה"];
const MORE: &[&str] = &["more", "heavier", "over", "extra", "יותר", "כבד", "כבדה"];

/// `Some(change)` when `text` says the suggestion was done: the change to every weight, in
/// the suggestion's unit (negative: lighter), 0 when none was said. A message that names an
/// exercise the catalog knows ("done: squat 3x5 100") is a workout of its own, not this.
pub fn accepted(text: &str) -> Option<f64> {
    let words = Words::of(text);
    if !words.has_any(DONE) || names_an_exercise(text) {
        return None;
    }
    let amount = crate::domain::chat::session_tools::numbers_in(text)
        .into_iter()
        .find(|n| *n > 0.0 && *n <= 100.0);
    let Some(amount) = amount else {
        return Some(0.0);
    };
    if words.has_any(LESS) {
        Some(-amount)
    } else if words.has_any(MORE) {
        Some(amount)
    } else {
        // A number with no direction ("log it, 5") is not a change we can read.
        None
    }
}

#[cfg(test)]
mod tests {
    use super::accepted;

    #[test]
    fn done_with_or_without_a_change_to_the_weights() {
        for text in [
            "log it",
            "Done!",
            "I did it",
            "ok, log that",
            "עשיתי",
            "תרשום את זה",
            "סיימתי את האימון",
        ] {
            assert_eq!(accepted(text), Some(0.0), "{text}");
        }
        assert_eq!(accepted("log it but 5 kg less"), Some(-5.0));
        assert_eq!(accepted("done, with 2.5 kg more"), Some(2.5));
        assert_eq!(accepted("did it, 10 lb lighter"), Some(-10.0));
        assert_eq!(accepted("עשיתי, אבל עם 5 קילו פחות"), Some(-5.0));
        assert_eq!(accepted("תרשום עם 2,5 קילו יותר"), Some(2.5));
        for text in [
            "what should I do today?",
            "squat 3x5 100kg",
            "done: squat 3x5 100",
            "I did squats 3x5 at 100",
            "how much should I bench",
            "log it, 5",
        ] {
            assert_eq!(accepted(text), None, "{text}");
        }
    }
}
