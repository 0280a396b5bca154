//! Is a message a workout to log? It is when `domain::nl_log` finds an exercise with an amount
//! in it ("squat 3x5 @ 100kg", "50 שכיבות סמיכה", "ran 5k") and the message is not a question
//! or about records, goals, the plan or a streak ("what's my 5k record?" asks, it does not
//! log).

use super::keywords::{GOALS, PLAN, RECORDS, STREAK};
use super::words::Words;
use crate::domain::catalog::catalog;
use crate::domain::nl_log::parse;
use crate::domain::workout::WeightUnit;

/// Words that open a question.
const QUESTION: &[&str] = &[
    "what", "whats", "how", "when", "which", "why", "who", "show", "tell", "מה", "איך", "כמה",
    "מתי", "איזה", "איזו", "למה", "תראה", "תגיד",
];

pub(super) fn is_log(text: &str, words: &Words) -> bool {
    if text.contains('?')
        || words.has_any(RECORDS)
        || words.has_any(GOALS)
        || words.has_any(PLAN)
        || words.has_any(STREAK)
    {
        return false;
    }
    if words.list.first().is_some_and(|w| w.is_any(QUESTION)) {
        return false;
    }
    // The unit does not matter here: only whether something with an amount is named, written
    // as an amount ("zorblax 3x5 at 100" is a workout to ask about) or next to an exercise the
    // catalog knows ("50 push-ups"; "hello 3" is not a workout).
    parse(text, WeightUnit::Kg).entries.iter().any(|e| {
        !e.sets.is_empty()
            && (e.explicit
                || catalog()
                    .find(&e.exercise, 1)
                    .first()
                    .is_some_and(|c| c.confidence >= 0.8))
    })
}
