//! A workout the coach logged, as a card in the thread (a view made into HTML by [`markup`]):
//! the exercises with their sets, the points, new records, and an Undo button, a plain form
//! (`POST /c/{id}/w/{workout}/undo`) that works with JavaScript off. Once undone the card says
//! so.

use leptos::prelude::*;

use crate::domain::account::Language;
use crate::domain::chat::tools::LogResult;
use crate::domain::i18n::{Strings, record_label};
use crate::server::html_labels::html_labels;
use crate::server::markup;

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
    let exercises = exercises
        .iter()
        .map(|e| {
            view! {
                <li><bdi>{e.exercise.in_language(language)}</bdi>" — "{t.sets.count(e.sets)}</li>
            }
        })
        .collect_view();
    let records = new_records
        .iter()
        .map(|r| {
            view! {
                <p class="log-card-pr">
                    "🏆 "{l.new_record}": "<bdi>{r.exercise.in_language(language)}</bdi>" — "
                    {record_label(t, r.record_type)}
                </p>
            }
        })
        .collect_view();
    let undo = kept.then(|| {
        view! {
            <form method="post" action=format!("/c/{conversation}/w/{workout_id}/undo")>
                <button type="submit" class="btn-quiet">{l.undo}</button>
            </form>
        }
    });
    Some(markup::html(view! {
        <div class="log-card" class:log-card-undone=!kept>
            <p class="log-card-head">
                <strong>{if kept { l.logged } else { l.undone }}</strong>" · "{t.points.count(*points)}
            </p>
            <ul>{exercises}</ul>
            {records}
            {undo}
        </div>
    }))
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
