//! Answers to the coach's "did you mean …?": after a workout named an exercise the log did not
//! know, the next message may pick one of the suggestions ("yes", "the second one", "bench
//! press", "כן", "השני"). Then the workout is logged with that exercise and the user's words
//! are remembered as theirs for it.

use crate::domain::catalog::normalize;
use crate::domain::chat::tools::Names;

const YES: &[&str] = &[
    "yes",
    "yeah",
    "yep",
    "yup",
    "y",
    "right",
    "correct",
    "exactly",
    "that one",
    "sure",
    "ok",
    "okay",
    "כן",
    "נכון",
    "בדיוק",
    "אכן",
    "כן כן",
    "זה",
    "אותו",
    "בטח",
];

const ORDINALS: &[(&[&str], usize)] = &[
    (
        &[
            "1",
            "first",
            "the first",
            "the first one",
            "first one",
            "הראשון",
            "הראשונה",
            "ראשון",
        ],
        0,
    ),
    (
        &[
            "2",
            "second",
            "the second",
            "the second one",
            "second one",
            "השני",
            "השנייה",
            "השניה",
            "שני",
        ],
        1,
    ),
    (
        &[
            "3",
            "third",
            "the third",
            "the third one",
            "third one",
            "השלישי",
            "השלישית",
            "שלישי",
        ],
        2,
    ),
];

/// Which of `suggestions` the answer picks, if it picks one.
pub fn picked(answer: &str, suggestions: &[Names]) -> Option<usize> {
    let said = normalize(answer);
    let said = said.trim();
    if said.is_empty() || suggestions.is_empty() {
        return None;
    }
    // The lists fold like the answer (Hebrew final letters, punctuation).
    let is = |words: &[&str]| words.iter().any(|w| normalize(w) == said);
    if is(YES) {
        return Some(0);
    }
    if let Some((_, i)) = ORDINALS.iter().find(|(words, _)| is(words)) {
        return (*i < suggestions.len()).then_some(*i);
    }
    // A name: the whole answer is one of the suggestions' names, or holds one ("yes, bench
    // press", "כן, לחיצת חזה").
    let names = |s: &Names| [normalize(&s.en), normalize(&s.he)];
    suggestions
        .iter()
        .position(|s| {
            names(s)
                .iter()
                .any(|n| !n.is_empty() && (n == said || said.contains(n.as_str())))
        })
        .or_else(|| {
            // Part of a name, as long as it is a word or more ("bench press" for "Bench Press
            // (Barbell)") and only one suggestion has it.
            let hits: Vec<usize> = suggestions
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    said.chars().count() >= 4 && names(s).iter().any(|n| n.contains(said))
                })
                .map(|(i, _)| i)
                .collect();
            (hits.len() == 1).then(|| hits[0])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggestions() -> Vec<Names> {
        vec![
            Names {
                en: "Bench Press (Barbell)".into(),
                he: "לחיצת חזה עם מוט".into(),
            },
            Names {
                en: "Bench Press (Dumbbell)".into(),
                he: "לחיצת חזה עם משקולות".into(),
            },
            Names {
                en: "Incline Bench Press".into(),
                he: "לחיצת חזה בשיפוע".into(),
            },
        ]
    }

    #[test]
    fn an_answer_picks_a_suggestion_by_yes_by_position_or_by_name() {
        let s = suggestions();
        for (answer, want) in [
            ("yes", Some(0)),
            ("Yes!", Some(0)),
            ("כן", Some(0)),
            ("the second one", Some(1)),
            ("2", Some(1)),
            ("השלישי", Some(2)),
            ("Bench Press (Dumbbell)", Some(1)),
            ("bench press dumbbell", Some(1)),
            ("yes, bench press barbell", Some(0)),
            ("לחיצת חזה בשיפוע", Some(2)),
            ("incline", Some(2)),
            ("bench press", None),
            ("squat 3x5", None),
            ("no", None),
            ("4", None),
            ("", None),
        ] {
            assert_eq!(picked(answer, &s), want, "{answer:?}");
        }
    }
}
