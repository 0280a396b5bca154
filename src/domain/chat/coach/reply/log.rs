//! The answer once `log_workout` ran: what was saved (exercises, sets, points, new records and
//! achievements), or the question to ask (which exercise, how many), never a guess.

use super::{Ctx, told_record};
use crate::domain::chat::tools::LogResult;
use crate::domain::i18n::fill;
use crate::domain::set_lines::lines;

pub(super) fn reply(c: &Ctx, result: &LogResult) -> String {
    match result {
        LogResult::Logged {
            learned,
            exercises,
            points,
            new_records,
            new_achievements,
            ..
        } => {
            let done: Vec<String> = exercises
                .iter()
                .map(|e| {
                    format!(
                        "{} ({})",
                        c.name(&e.exercise),
                        c.p.logged_sets.count(e.sets)
                    )
                })
                .collect();
            let mut lines: Vec<String> = learned
                .iter()
                .map(|l| fill(c.p.learned, &[("said", &c.quote(&l.said))]))
                .collect();
            lines.push(fill(
                c.p.logged,
                &[("what", &done.join(", ")), ("points", &points.to_string())],
            ));
            for record in new_records {
                lines.push(fill(
                    c.p.logged_record,
                    &[
                        ("exercise", c.name(&record.exercise)),
                        ("record", &told_record(c, record)),
                    ],
                ));
            }
            for achievement in new_achievements {
                lines.push(fill(
                    c.p.logged_achievement,
                    &[("name", c.name(achievement))],
                ));
            }
            lines.join("\n")
        }
        LogResult::UnknownExercise { query, suggestions } => {
            let names: Vec<String> = suggestions
                .iter()
                .take(3)
                .map(|s| c.quote(c.name(s)))
                .collect();
            if names.is_empty() {
                fill(c.p.log_unknown_none, &[("query", &c.quote(query))])
            } else {
                fill(
                    c.p.log_unknown,
                    &[
                        ("query", &c.quote(query)),
                        ("suggestions", &names.join(c.p.or)),
                    ],
                )
            }
        }
        LogResult::HowMany { exercises } => {
            let names: Vec<String> = exercises.iter().map(|e| c.quote(e)).collect();
            fill(c.p.log_how_many, &[("exercises", &names.join(", "))])
        }
        LogResult::Unsure { doubts, understood } => {
            let mut out = vec![c.p.log_unsure.to_owned()];
            for u in understood.iter().filter(|u| !u.sets.is_empty()) {
                let name = u.exercise.as_ref().map_or(u.said.as_str(), |n| c.name(n));
                out.push(format!(
                    "- {}: {}",
                    name,
                    lines(&u.sets, c.units, c.language).join(", ")
                ));
            }
            out.extend(doubts.iter().map(|d| d.question(c.language)));
            out.join("\n")
        }
        LogResult::Nothing => c.p.log_nothing.to_owned(),
        LogResult::Invalid { message } => fill(c.p.log_invalid, &[("reason", message)]),
    }
}
