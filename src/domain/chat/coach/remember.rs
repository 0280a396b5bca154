//! "Remember that …", "note that …", "תזכור ש…": something the user wants the coach to keep in
//! mind, with a guess at what it is about (an injury, an exercise they avoid or like, their
//! level, their equipment).

use super::Intent;
use crate::domain::chat::facts::{FactKind, RememberArgs};

/// How a request to remember starts, folded to lower case.
const OPENINGS: &[&str] = &[
    "please remember that ",
    "pls remember that ",
    "pls remember ",
    "plz remember ",
    "תרשום לך ש",
    "תרשמי לך ש",
    "remeber that ",
    "remeber ",
    "don't forget that ",
    "dont forget that ",
    "don't forget ",
    "do not forget that ",
    "fyi ",
    "note: ",
    "תרשום לעצמך ש",
    "תרשמי לעצמך ש",
    "חשוב שתזכור: ",
    "חשוב שתזכרי: ",
    "חשוב שתזכור ש",
    "חשוב שתזכרי ש",
    "אל תשכח ש",
    "אל תשכחי ש",
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

/// How a request to remember ends, when the fact comes first (ASCII, lower case).
const ENDINGS: &[&str] = &[
    ", remember that",
    " remember that",
    ", remember",
    " remember this",
    ", תזכור",
    ", תזכרי",
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
    // "…, remember that": the fact comes first.
    let mut trimmed = text.trim().trim_end_matches(['.', '!']);
    let mut closed = false;
    for ending in ENDINGS {
        if trimmed.to_lowercase().ends_with(ending) {
            trimmed = trimmed[..trimmed.len() - ending.len()].trim_end_matches([',', ' ', '-']);
            closed = true;
            break;
        }
    }
    let lower = trimmed.to_lowercase();
    let opening = match OPENINGS.iter().find(|o| lower.starts_with(*o)) {
        Some(o) => *o,
        None if closed => "",
        None => return None,
    };
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
