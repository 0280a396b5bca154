//! The offline coach end to end: requests read into intents and tool calls, answers written
//! from results (checked for what a user would notice: numbers in their units, names in their
//! language, Hebrew's forms for one and two, a suggestion when there is nothing to show, honesty
//! when a result is unreadable), and the answer's language.

#[cfg(feature = "ssr")]
mod chart_replies;
mod goal_and_plan_replies;
mod goal_requests;
mod language;
mod record_replies;
mod session_replies;
mod stats_replies;
mod understanding;

use chrono::NaiveDate;
use serde::Serialize;

use crate::domain::account::Language::{self, He};
use crate::domain::account::Units;
use crate::domain::chat::coach::{Intent, reply_with_result};
use crate::domain::chat::tools::Names;

/// Monday 23 November 2026.
pub(super) fn today() -> NaiveDate {
    day("2026-11-23")
}

pub(super) fn day(text: &str) -> NaiveDate {
    text.parse().expect("a date")
}

pub(super) fn bench() -> Names {
    Names {
        en: "Bench Press (Barbell)".into(),
        he: "לחיצת חזה עם מוט".into(),
    }
}

pub(super) fn reply(
    intent: &Intent,
    result: &impl Serialize,
    language: Language,
    units: Units,
) -> String {
    let json = serde_json::to_value(result).expect("results serialize");
    reply_with_result(intent, &json, language, units, today())
}

/// Words of the user's own (exercise names, plan titles) the tests put in English, and the
/// app's own Hebrew label "1RM משוער".
const NOT_THE_COACHS: [&str; 7] = [
    "Bench Press (Barbell)",
    "bench",
    "Old errand",
    "Leg day",
    "Deload week",
    "Buy shoes",
    "1RM",
];

/// Every fact must be in the reply; a Hebrew reply must carry no Latin letters but the user's.
pub(super) fn check(reply: &str, language: Language, facts: &[&str]) {
    for fact in facts {
        assert!(reply.contains(fact), "{fact:?} missing from:\n{reply}");
    }
    if language == He {
        let rest = NOT_THE_COACHS
            .iter()
            .fold(reply.to_owned(), |r, allowed| r.replace(allowed, ""));
        assert!(
            !rest.chars().any(|c| c.is_ascii_alphabetic()),
            "English in a Hebrew reply:\n{reply}"
        );
    }
}
