//! What the coach knows about a user (seed 002's user context): their fitness level, the
//! exercises they like or avoid, injuries, equipment, anything else they told it. The coach
//! stores one with the `remember` tool; the user lists, edits and deletes them in Settings;
//! every reply's system prompt includes them.

use serde::{Deserialize, Serialize};

use crate::domain::account::FieldError;
use crate::domain::text_enum::text_enum;

pub const MAX_FACT_CHARS: usize = 500;
/// Facts a user may keep: the prompt carries them all.
pub const MAX_FACTS: usize = 50;

text_enum!(
    /// What a fact is about.
    FactKind {
        Other => "other",
        FitnessLevel => "fitness_level",
        PreferredExercise => "preferred_exercise",
        AvoidedExercise => "avoided_exercise",
        Injury => "injury",
        Equipment => "equipment"
    }
);

text_enum!(
    /// Who wrote a fact down.
    FactSource { Chat => "chat", Settings => "settings" }
);

/// `remember` arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RememberArgs {
    /// fitness_level, preferred_exercise, avoided_exercise, injury, equipment or other.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub kind: FactKind,
    /// The fact in the user's words, e.g. "left knee hurts on deep squats".
    pub text: String,
}

/// `remember` result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum RememberResult {
    Remembered { kind: FactKind, text: String },
    Refused { message: String },
}

/// A fact's text, trimmed: 1 to [`MAX_FACT_CHARS`] characters.
pub fn validate_fact(text: &str) -> Result<String, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(FieldError::new(
            "text",
            "required",
            "Write what the coach should remember.",
        ));
    }
    if text.chars().count() > MAX_FACT_CHARS {
        return Err(FieldError::new(
            "text",
            "too_long",
            format!("At most {MAX_FACT_CHARS} characters."),
        ));
    }
    Ok(text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_trimmed_and_bounded() {
        assert_eq!(validate_fact("  bad left knee ").unwrap(), "bad left knee");
        assert_eq!(validate_fact("  ").unwrap_err().code, "required");
        assert_eq!(
            validate_fact(&"ב".repeat(501)).unwrap_err().code,
            "too_long"
        );
        assert_eq!(
            serde_json::from_str::<RememberArgs>(r#"{"text": "no barbell at home"}"#)
                .unwrap()
                .kind,
            FactKind::Other
        );
    }
}
