//! The system prompt: who the coach is talking to (profile, preferences, units, language, what
//! it knows about them from `user_facts`) and today's date in their time zone. A real model reads it; the offline coach reads the same
//! facts from `LlmRequest::context`.

use crate::domain::account::{CoachStyle, Language, ResponseLength, Units};
use crate::domain::catalog::catalog;
use crate::domain::profile::TrainingProfile;
use crate::domain::sandbox::{Dialect, schema};
use crate::server::db::facts::Fact;
use crate::server::db::users::User;

pub fn system_prompt(
    user: &User,
    today: chrono::NaiveDate,
    facts: &[Fact],
    profile: &TrainingProfile,
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
    let profile = profile_line(profile);
    format!(
        "You are Spotter, {name}'s personal trainer. Answer in the language of their message \
         (their app is set to {language}). Coaching style: {style}. Answers: {length}. Use \
         {units}. Today is {today} ({weekday}) in their time zone ({tz}).\n\
         Use the tools for anything about their own training (stats, streaks, records, goals, \
         plan items); never guess their numbers. After a tool answers, explain what it found \
         in plain words.\n\
         What you know about them: {known}\n\
         Their training profile (Settings): {profile}\n\
         To plan a session or say what to lift next time, call `suggest_session` (and \
         `training_balance` for neglected muscles): it works from their log, rep ranges, plates \
         and injuries; give its numbers, never your own.\n\
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

/// The typed profile in one line: level, injuries, exercises liked and avoided, rep ranges.
fn profile_line(p: &TrainingProfile) -> String {
    let names = |slugs: &[String]| {
        slugs
            .iter()
            .filter_map(|s| catalog().get(s).map(|e| e.name_en.clone()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if let Some(level) = p.fitness_level {
        parts.push(format!("level {level}"));
    }
    if !p.injuries.is_empty() {
        let injuries: Vec<&str> = p.injuries.iter().map(|i| i.as_str()).collect();
        parts.push(format!("injuries to train around: {}", injuries.join(", ")));
    }
    if !p.preferred_exercises.is_empty() {
        parts.push(format!("likes {}", names(&p.preferred_exercises)));
    }
    if !p.avoided_exercises.is_empty() {
        parts.push(format!("avoids {}", names(&p.avoided_exercises)));
    }
    for (slug, range) in &p.rep_ranges {
        if let Some(e) = catalog().get(slug) {
            parts.push(format!(
                "{} in {}-{} reps",
                e.name_en, range.low, range.high
            ));
        }
    }
    if parts.is_empty() {
        "nothing set".to_owned()
    } else {
        parts.join("; ")
    }
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
        let profile = TrainingProfile {
            injuries: vec![crate::domain::progression::balance::Injury::Knee],
            avoided_exercises: vec!["back-squat".into()],
            ..TrainingProfile::default()
        };
        assert_eq!(
            profile_line(&profile),
            "injuries to train around: knee; avoids Squat (Barbell)"
        );
        assert_eq!(profile_line(&TrainingProfile::default()), "nothing set");
    }
}
