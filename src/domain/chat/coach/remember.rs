//! "Remember that …", "note that …", "תזכור ש…": something the user wants the coach to keep in
//! mind, with a guess at what it is about (an injury, an exercise they avoid or like, their
//! level, their equipment).

use super::Intent;
use crate::domain::chat::facts::{FactKind, RememberArgs};

/// How a request to remember starts, folded to lower case.
const OPENINGS: &[&str] = &[
    "please remember that ",
    "please remember ",
    "remember that ",
    "remember: ",
    "remember ",
    "note that ",
    "keep in mind that ",
    "keep in mind ",
    "תזכור ש",
    "תזכרי ש",
    "תזכור: ",
    "תזכרי: ",
    "זכור ש",
    "זכרי ש",
    "שים לב ש",
    "שימי לב ש",
    "תרשום ש",
    "תרשמי ש",
];

/// What each kind listens for (lower case; Hebrew matched anywhere in the text).
const KINDS: &[(FactKind, &[&str])] = &[
    (
        FactKind::Injury,
        &[
            "injur",
            "hurt",
            "pain",
            "sore",
            "knee",
            "shoulder",
            "back ",
            "wrist",
            "פציע",
            "כאב",
            "ברך",
            "כתף",
            "גב",
            "שורש כף",
        ],
    ),
    (
        FactKind::AvoidedExercise,
        &[
            "don't like",
            "do not like",
            "hate",
            "avoid",
            "can't do",
            "cannot do",
            "לא אוהב",
            "שונא",
            "לא עושה",
            "לא יכול",
        ],
    ),
    (
        FactKind::PreferredExercise,
        &[
            "love",
            "like",
            "favorite",
            "favourite",
            "enjoy",
            "אוהב",
            "מעדיף",
        ],
    ),
    (
        FactKind::FitnessLevel,
        &[
            "beginner",
            "intermediate",
            "advanced",
            "new to",
            "מתחיל",
            "מתקדם",
            "בינוני",
        ],
    ),
    (
        FactKind::Equipment,
        &[
            "home gym",
            "dumbbell",
            "barbell",
            "kettlebell",
            "equipment",
            "bands",
            "משקולות",
            "מוט",
            "ציוד",
            "קטלבל",
            "גומיות",
        ],
    ),
];

pub(super) fn remember(text: &str) -> Option<Intent> {
    let trimmed = text.trim();
    let lower = trimmed.to_lowercase();
    let opening = OPENINGS.iter().find(|o| lower.starts_with(*o))?;
    // Openings are ASCII or Hebrew letters, whose lower case has the same length.
    let fact = trimmed[opening.len()..]
        .trim()
        .trim_end_matches(['.', '!'])
        .trim();
    if fact.is_empty() {
        return None;
    }
    let folded = format!("{} ", fact.to_lowercase());
    let kind = KINDS
        .iter()
        .find(|(_, words)| words.iter().any(|w| folded.contains(w)))
        .map_or(FactKind::Other, |(kind, _)| *kind);
    Some(Intent::Remember(RememberArgs {
        kind,
        text: fact.to_owned(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_to_remember_keep_the_users_words_and_guess_the_kind() {
        let cases = [
            (
                "Remember that my left knee hurts on deep squats.",
                FactKind::Injury,
                "my left knee hurts on deep squats",
            ),
            (
                "please remember I hate burpees",
                FactKind::AvoidedExercise,
                "I hate burpees",
            ),
            (
                "Note that I only have dumbbells at home",
                FactKind::Equipment,
                "I only have dumbbells at home",
            ),
            (
                "remember: I'm a beginner",
                FactKind::FitnessLevel,
                "I'm a beginner",
            ),
            (
                "Keep in mind that I love deadlifts!",
                FactKind::PreferredExercise,
                "I love deadlifts",
            ),
            (
                "remember that I train at 6am",
                FactKind::Other,
                "I train at 6am",
            ),
            (
                "תזכור שיש לי כאב בכתף ימין",
                FactKind::Injury,
                "יש לי כאב בכתף ימין",
            ),
            (
                "תזכרי שאני לא אוהבת ריצה",
                FactKind::AvoidedExercise,
                "אני לא אוהבת ריצה",
            ),
            ("שים לב שאני מתחיל", FactKind::FitnessLevel, "אני מתחיל"),
        ];
        for (text, kind, fact) in cases {
            assert_eq!(
                remember(text),
                Some(Intent::Remember(RememberArgs {
                    kind,
                    text: fact.into()
                })),
                "{text}"
            );
        }
        for text in ["remember", "what do you remember about me?", "my stats"] {
            assert_eq!(remember(text), None, "{text}");
        }
    }
}
