//! A workout the coach logged, as a card in the thread (server-made HTML, every text escaped):
//! the exercises with their sets, the points, new records, and an Undo button, a plain form
//! (`POST /c/{id}/w/{workout}/undo`) that works with JavaScript off. Once undone the card says
//! so.

use crate::domain::account::Language;
use crate::domain::chat::tools::LogResult;
use crate::domain::i18n::{Strings, record_label};
use crate::server::html_labels::html_labels;
use crate::server::markdown::escape;

/// The card for a `log_workout` result, or `None` when it logged nothing (the coach's answer
/// says why). `kept`: the workout is still in the log.
pub fn html(
    t: &Strings,
    language: Language,
    conversation: &str,
    result: &LogResult,
    kept: bool,
) -> Option<String> {
    let LogResult::Logged {
        workout_id,
        exercises,
        points,
        new_records,
        ..
    } = result
    else {
        return None;
    };
    let l = html_labels(language);
    let mut out = format!(
        "<div class=\"log-card{}\"><p class=\"log-card-head\"><strong>{}</strong> · {}</p><ul>",
        if kept { "" } else { " log-card-undone" },
        escape(if kept { l.logged } else { l.undone }),
        escape(&t.points.count(*points)),
    );
    for e in exercises {
        out.push_str(&format!(
            "<li><bdi>{}</bdi> — {}</li>",
            escape(e.exercise.in_language(language)),
            escape(&t.sets.count(e.sets))
        ));
    }
    out.push_str("</ul>");
    for r in new_records {
        out.push_str(&format!(
            "<p class=\"log-card-pr\">🏆 {}: <bdi>{}</bdi> — {}</p>",
            escape(l.new_record),
            escape(r.exercise.in_language(language)),
            escape(record_label(t, r.record_type))
        ));
    }
    if kept {
        out.push_str(&format!(
            "<form method=\"post\" action=\"/c/{}/w/{}/undo\"><button type=\"submit\" class=\"btn-quiet\">{}</button></form>",
            escape(conversation),
            escape(workout_id),
            escape(l.undo)
        ));
    }
    out.push_str("</div>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::chat::tools::{LoggedExercise, Names};
    use crate::domain::i18n::strings;

    fn logged() -> LogResult {
        LogResult::Logged {
            learned: None,
            workout_id: "w1".into(),
            exercises: vec![LoggedExercise {
                exercise: Names {
                    en: "Squat <b>".into(),
                    he: "סקוואט".into(),
                },
                sets: 3,
            }],
            points: 45,
            new_records: Vec::new(),
            new_achievements: Vec::new(),
        }
    }

    #[test]
    fn the_card_lists_what_was_logged_with_undo_until_it_is_undone() {
        let card = html_of(true);
        assert!(
            card.contains("<bdi>Squat &lt;b&gt;</bdi> — 3 sets"),
            "{card}"
        );
        assert!(card.contains("45 points"), "{card}");
        assert!(card.contains("action=\"/c/c1/w/w1/undo\""), "{card}");
        let undone = html_of(false);
        assert!(!undone.contains("<form"), "{undone}");
        assert!(undone.contains("log-card-undone"));
        let he = html(strings(Language::He), Language::He, "c1", &logged(), true).unwrap();
        assert!(he.contains("<bdi>סקוואט</bdi>"), "{he}");
        assert_eq!(
            html(
                strings(Language::En),
                Language::En,
                "c1",
                &LogResult::Nothing,
                true
            ),
            None
        );
    }

    fn html_of(kept: bool) -> String {
        html(strings(Language::En), Language::En, "c1", &logged(), kept).unwrap()
    }
}
