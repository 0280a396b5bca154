//! The offline coach: the built-in brain used when no model is configured. It reads common
//! English and Hebrew requests into an [`Intent`], calls the same tools a model would (through
//! [`Intent::tool_call`]; the server runs them), and writes the answer from the tool's result in
//! the language of the user's message. Pure and deterministic: no I/O, no clock (today is a
//! parameter), no async.
//!
//! - [`understand`]: what a message asks for (greetings, help, stats and streaks for a period,
//!   records for an exercise, goals, the plan: list, add with a due date in words, complete;
//!   `remember` for "remember that …"; today's session, an exercise's next one, the balance).
//! - `keywords`: the English and Hebrew words each intent listens for.
//! - `chart_request`: charts asked for in words ("show my squat progress", "גרף של הריצות
//!   שלי") and the `create_chart` spec with its SQL in the database's dialect.
//! - `log_request`: workouts told in words ("squat 3x5 @ 100kg", "רצתי 5 קילומטר"), logged
//!   with `log_workout` (`domain::nl_log` reads them).
//! - `follow_up`: an answer to "did you mean …?" picking one of the suggestions.
//! - [`accepted`]: "log it" (or "done, 5 kg less") after a suggested session.
//! - `plan_request`: a plan item's title and due words cut out of "add …" / "mark … as done".
//! - `words`: a message's words, folded and prefix-tolerant, each with its byte range.
//! - [`reply_language`]: Hebrew or English, by the words of the message.
//! - [`reply_without_tool`], [`reply_with_result`]: the answers (`reply/`: one file per result
//!   type), worded from `phrases` (one table per language) and `amounts` (weights, distances
//!   and times in the user's units, unit words in the answer's language).

mod accept;
mod amounts;
mod chart_request;
mod exercise_name;
mod follow_up;
mod goal_request;
mod keywords;
mod language;
mod log_request;
pub(super) mod phrases;
mod plan_request;
mod remember;
mod reply;
#[cfg(test)]
mod tests;
mod understand;
mod words;

pub use accept::accepted;
pub use chart_request::{ChartRequest, Measure, Span};
pub use follow_up::picked;
pub use language::reply_language;
pub use reply::{reply_with_result, reply_without_tool};
pub use understand::understand;

use serde::Serialize;

use super::facts::RememberArgs;
use super::session_tools::SuggestArgs;
use super::tools::{
    AddPlanArgs, CompletePlanArgs, DeleteGoalArgs, Learned, LogArgs, NoArgs, RecordsArgs,
    SetGoalArgs, StatsArgs, ToolName,
};

/// What a stats question is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsFocus {
    /// Workouts, sets, volume and points of the period.
    Totals,
    /// The current and longest streak, with the level.
    Streak,
    /// The level and the points it rests on.
    Level,
    Points,
    /// The exercise done most often.
    MostTrained,
    /// This period against the one before ("this week vs last week").
    Compare,
}

/// What a message asks the coach for.
#[derive(Clone, Debug, PartialEq)]
pub enum Intent {
    Greeting,
    Help,
    /// Something from the period's totals (same tool, answers by `focus`).
    Stats {
        args: StatsArgs,
        focus: StatsFocus,
    },
    Records(RecordsArgs),
    /// An exercise's estimated one-rep max.
    E1rm(RecordsArgs),
    /// When an exercise was last done.
    LastDone(RecordsArgs),
    Goals,
    /// Set a goal, or change the target of the one like it.
    GoalSet(SetGoalArgs),
    GoalDelete(DeleteGoalArgs),
    PlanList,
    PlanAdd(AddPlanArgs),
    PlanComplete(CompletePlanArgs),
    /// Something to keep in mind about the user ("remember that my knee hurts").
    Remember(RememberArgs),
    /// A chart of their training.
    Chart(ChartRequest),
    /// "What should I do today?": today's whole session.
    Today,
    /// One exercise's next session ("how much should I bench next time?").
    Next(SuggestArgs),
    /// Hard sets per muscle group over the last four weeks.
    Balance,
    /// Something they did, to log ("squat 3x5 @ 100kg", "רצתי 5 קילומטר"); `learn` when it is
    /// the answer to "did you mean …?" (the words to remember, and the exercise).
    Log {
        text: String,
        learn: Option<Learned>,
    },
    /// The session the coach suggested, done ("log it"): these sets, as structured exercises.
    LogSuggested(LogArgs),
    Unknown,
}

impl Intent {
    /// The tool this intent calls and its JSON arguments (serde of the args type), or None
    /// when it is answered without one (Greeting, Help, Unknown).
    pub fn tool_call(&self, at: &CallContext) -> Option<(ToolName, serde_json::Value)> {
        match self {
            Intent::Log { text, learn } => call(
                ToolName::LogWorkout,
                &LogArgs {
                    text: Some(text.clone()),
                    exercises: Vec::new(),
                    learn: learn.clone(),
                    name: None,
                },
            ),
            Intent::LogSuggested(args) => call(ToolName::LogWorkout, args),
            Intent::Chart(request) => call(
                ToolName::CreateChart,
                &request.spec(at.today, at.dialect, at.language, at.units),
            ),
            Intent::Greeting | Intent::Help => None,
            // Not understood: the offers are picked from what this user has.
            Intent::Unknown => call(ToolName::GetStats, &StatsArgs::default()),
            Intent::Stats { args, .. } => call(ToolName::GetStats, args),
            Intent::Records(args) | Intent::E1rm(args) | Intent::LastDone(args) => {
                call(ToolName::GetRecords, args)
            }
            Intent::Goals => call(ToolName::ListGoals, &NoArgs {}),
            Intent::GoalSet(args) => call(ToolName::SetGoal, args),
            Intent::GoalDelete(args) => call(ToolName::DeleteGoal, args),
            Intent::PlanList => call(ToolName::ListPlanItems, &NoArgs {}),
            Intent::PlanAdd(args) => call(ToolName::AddPlanItem, args),
            Intent::PlanComplete(args) => call(ToolName::CompletePlanItem, args),
            Intent::Remember(args) => call(ToolName::Remember, args),
            Intent::Today => call(ToolName::SuggestSession, &SuggestArgs::default()),
            Intent::Next(args) => call(ToolName::SuggestSession, args),
            Intent::Balance => call(ToolName::TrainingBalance, &NoArgs {}),
        }
    }
}

/// What a tool call is written for: a chart's period counts back from today, its SQL is in the
/// database's dialect, its title in the answer's language and its values in the user's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CallContext {
    pub today: chrono::NaiveDate,
    pub dialect: crate::domain::sql::Dialect,
    pub language: crate::domain::account::Language,
    /// Weights and distances of a chart in the user's units.
    pub units: crate::domain::account::Units,
}

/// The argument types are plain structs of strings and enums, which always serialize.
fn call(tool: ToolName, args: &impl Serialize) -> Option<(ToolName, serde_json::Value)> {
    serde_json::to_value(args).ok().map(|json| (tool, json))
}
