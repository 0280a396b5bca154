//! Answers from `set_goal` and `delete_goal`: the goal as it now stands, what it was, or which
//! of the user's goals they may have meant.

use super::Ctx;
use super::goals::{label, timeframe};
use crate::domain::chat::coach::amounts;
use crate::domain::chat::tools::{GoalChangeResult, GoalFact};
use crate::domain::i18n::fill;

pub(super) fn reply(c: &Ctx, r: &GoalChangeResult) -> String {
    match r {
        GoalChangeResult::Set { goal } => fill(c.p.goal_set, &[("goal", &describe(c, goal))]),
        GoalChangeResult::Changed { goal, previous } => fill(
            c.p.goal_changed,
            &[
                ("goal", &describe(c, goal)),
                (
                    "previous",
                    &amounts::goal(goal.goal_type, *previous, c.units, c.language),
                ),
            ],
        ),
        GoalChangeResult::Deleted { goal } => {
            fill(c.p.goal_deleted, &[("goal", &describe(c, goal))])
        }
        GoalChangeResult::NotFound { goals } => {
            with_list(c, c.p.goal_not_found, goals, c.p.goals_none)
        }
        GoalChangeResult::Several { goals } => with_list(c, c.p.goal_several, goals, ""),
        GoalChangeResult::Refused { message } => fill(c.p.goal_refused, &[("reason", message)]),
    }
}

/// "Workouts, weekly: 4 workouts" / "Heaviest weight · Squat (Barbell), by the end date: 140 kg".
fn describe(c: &Ctx, goal: &GoalFact) -> String {
    let mut text = label(c, goal.goal_type).to_owned();
    if let Some(names) = &goal.exercise {
        text.push_str(&format!(" · {}", c.name(names)));
    }
    let target = amounts::goal(goal.goal_type, goal.target, c.units, c.language);
    format!("{text}, {}: {target}", timeframe(c, goal.timeframe))
}

fn with_list(c: &Ctx, intro: &str, goals: &[GoalFact], when_none: &str) -> String {
    if goals.is_empty() {
        return format!("{intro} {when_none}").trim().to_owned();
    }
    let mut lines = vec![intro.to_owned()];
    lines.extend(goals.iter().map(|g| format!("- {}", describe(c, g))));
    lines.join("\n")
}
