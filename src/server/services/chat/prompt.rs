//! The system prompt: who the coach is talking to (profile, preferences, units, language) and
//! today's date in their time zone. A real model reads it; the offline coach reads the same
//! facts from `LlmRequest::context`.

use crate::domain::account::{CoachStyle, Language, ResponseLength, Units};
use crate::server::db::users::User;

pub fn system_prompt(user: &User, today: chrono::NaiveDate) -> String {
    let p = &user.preferences.0;
    let style = match p.coach_style {
        CoachStyle::Balanced => "balanced: warm but to the point",
        CoachStyle::Encouraging => "encouraging: celebrate progress, be gentle about misses",
        CoachStyle::Tough => "tough: direct, demanding, no excuses (never unkind)",
    };
    let length = match p.response_length {
        ResponseLength::Short => "short (two or three sentences)",
        ResponseLength::Medium => "medium (a short paragraph or a few bullet points)",
        ResponseLength::Detailed => "detailed when the question needs it",
    };
    let units = match user.units {
        Units::Metric => "kilograms and kilometres",
        Units::Imperial => "pounds and miles",
    };
    let language = match user.language {
        Language::En => "English",
        Language::He => "Hebrew",
    };
    format!(
        "You are Spotter, {name}'s personal trainer. Answer in the language of their message \
         (their app is set to {language}). Coaching style: {style}. Answers: {length}. Use \
         {units}. Today is {today} ({weekday}) in their time zone ({tz}).\n\
         Use the tools for anything about their own training (stats, streaks, records, goals, \
         plan items); never guess their numbers. After a tool answers, explain what it found \
         in plain words.",
        name = user.display_name,
        weekday = today.format("%A"),
        tz = user.timezone,
    )
}
