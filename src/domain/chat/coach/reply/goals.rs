//! Answers from `list_goals`: each goal with its progress in the user's units, and a word of
//! encouragement.

use super::Ctx;
use crate::domain::chat::coach::amounts;
use crate::domain::chat::tools::{GoalFact, GoalsResult};
use crate::domain::goals::{GoalType, Timeframe};
use crate::domain::i18n::fill;

pub(super) fn reply(c: &Ctx, r: &GoalsResult) -> String {
    if r.goals.is_empty() {
        return c.p.goals_none.to_owned();
    }
    let mut lines = vec![c.p.goals_intro.to_owned()];
    lines.extend(r.goals.iter().map(|goal| line(c, goal)));
    let achieved = r.goals.iter().filter(|g| g.completed).count();
    lines.push(if achieved > 0 {
        c.p.goals_achieved.count(achieved)
    } else {
        c.p.goals_keep_going.to_owned()
    });
    lines.join("\n")
}

/// "- Heaviest weight · Bench Press, by the end date: 90 kg of 100 kg (90%)".
fn line(c: &Ctx, goal: &GoalFact) -> String {
    let amount = |v: f64| amounts::goal(goal.goal_type, v, c.units, c.language);
    let progress = fill(
        c.p.goal_progress,
        &[
            ("current", &amount(goal.current)),
            ("target", &amount(goal.target)),
            ("percent", &goal.percent.to_string()),
        ],
    );
    let mut line = format!("- {}", label(c, goal.goal_type));
    if let Some(names) = &goal.exercise {
        line.push_str(&format!(" · {}", c.name(names)));
    }
    line.push_str(&format!(", {}: {progress}", timeframe(c, goal.timeframe)));
    if goal.completed {
        line.push_str(&format!(" ✓ {}", c.t.goal_achieved));
    }
    if !goal.is_active {
        line.push_str(&format!(" ({})", c.t.goal_paused));
    }
    line
}

pub(super) fn label(c: &Ctx, goal_type: GoalType) -> &'static str {
    match goal_type {
        GoalType::Workouts => c.p.goal_workouts,
        GoalType::Points => c.p.goal_points,
        GoalType::Exercises => c.p.goal_sets,
        GoalType::Streak => c.p.goal_streak,
        GoalType::Weight => c.p.goal_weight,
        GoalType::Duration => c.p.goal_duration,
        GoalType::Distance => c.p.goal_distance,
    }
}

pub(super) fn timeframe(c: &Ctx, timeframe: Timeframe) -> &'static str {
    match timeframe {
        Timeframe::Daily => c.p.tf_daily,
        Timeframe::Weekly => c.p.tf_weekly,
        Timeframe::Monthly => c.p.tf_monthly,
        Timeframe::ByDate => c.p.tf_by_date,
    }
}
