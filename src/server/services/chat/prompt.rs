//! The system prompt: who the coach is talking to (profile, preferences, units, language, what
//! it knows about them from `user_facts`) and today's date in their time zone. A real model reads it; the offline coach reads the same
//! facts from `LlmRequest::context`.

use crate::domain::account::{CoachStyle, Language, ResponseLength, Units};
use crate::domain::sandbox::{Dialect, schema};
use crate::server::db::facts::Fact;
use crate::server::db::users::User;

pub fn system_prompt(
    user: &User,
    today: chrono::NaiveDate,
    facts: &[Fact],
    dialect: Dialect,
) -> String {
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
    let known = known(facts);
    format!(
        "You are Spotter, {name}'s personal trainer. Answer in the language of their message \
         (their app is set to {language}). Coaching style: {style}. Answers: {length}. Use \
         {units}. Today is {today} ({weekday}) in their time zone ({tz}).\n\
         Use the tools for anything about their own training (stats, streaks, records, goals, \
         plan items); never guess their numbers. After a tool answers, explain what it found \
         in plain words.\n\
         What you know about them: {known}\n\
         For other questions about their data, `query_workouts` runs one {engine} SELECT over \
         their own rows of these tables (ids are text; join exercise_sets.exercise_id to \
         exercises.id for names, exercise_sets.session_id to workout_sessions.id):\n{tables}\
         {convert}\
         Examples:\n\
         - SELECT e.name_en, max(s.weight_kg) AS best_kg FROM exercise_sets s JOIN exercises e \
         ON e.id = s.exercise_id GROUP BY e.name_en ORDER BY best_kg DESC LIMIT 5\n\
         - SELECT {day} AS day, sum(s.weight_kg * s.reps) AS volume_kg FROM exercise_sets s \
         GROUP BY day ORDER BY day",
        name = user.display_name,
        engine = dialect.name(),
        convert = match user.units {
            Units::Metric => "",
            Units::Imperial => {
                "They use pounds and miles: divide weight_kg by 0.45359237 for pounds and \
                 distance_m by 1609.344 for miles, in queries and charts (y_unit lb or mi).\n"
            }
        },
        tables = schema::describe(),
        day = dialect.day("s.performed_at"),
        weekday = today.format("%A"),
        tz = user.timezone,
    )
}

/// The facts as a list the model reads, or a nudge to start one.
fn known(facts: &[Fact]) -> String {
    if facts.is_empty() {
        String::from("Nothing yet; when they tell you something worth keeping, use `remember`.")
    } else {
        facts
            .iter()
            .map(|f| format!("\n- ({}) {}", f.kind, f.text))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::chat::facts::{FactKind, FactSource};
    use crate::server::db::Id;

    #[test]
    fn the_prompt_carries_what_the_coach_knows() {
        let fact = |kind, text: &str| Fact {
            id: Id::new(),
            kind,
            text: text.into(),
            source: FactSource::Chat,
            message_id: None,
            created_at: chrono::Utc::now(),
        };
        let facts = [fact(FactKind::Injury, "left knee hurts on deep squats")];
        assert!(known(&facts).contains("(injury) left knee hurts on deep squats"));
        assert!(known(&[]).contains("`remember`"));
    }
}
