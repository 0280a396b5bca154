//! The tools the coach may call: their names, arguments and results. A real model receives
//! each tool's argument schema (generated from these types) and calls it by name with JSON
//! arguments; the offline coach builds the same calls. The server runs them
//! (`server::services::chat::tools`) and stores each result as a `tool` message, whose JSON is
//! one of the result types here, so a reply can be written from it in either language.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

use crate::domain::goals::{GoalType, Timeframe};
use crate::domain::scoring::levels::Level;
use crate::domain::scoring::records::RecordType;
use crate::domain::scoring::stats::Period;
use crate::domain::text_enum::text_enum;

text_enum!(
    /// A tool by the name a model calls it.
    ToolName {
        GetStats => "get_stats",
        GetRecords => "get_records",
        ListGoals => "list_goals",
        SetGoal => "set_goal",
        DeleteGoal => "delete_goal",
        ListPlanItems => "list_plan_items",
        AddPlanItem => "add_plan_item",
        CompletePlanItem => "complete_plan_item",
        Remember => "remember",
        QueryWorkouts => "query_workouts",
        CreateChart => "create_chart",
        LogWorkout => "log_workout",
        SuggestSession => "suggest_session",
        TrainingBalance => "training_balance"
    }
);

impl ToolName {
    /// What the tool does, as the model reads it.
    pub fn description(self) -> &'static str {
        match self {
            ToolName::GetStats => {
                "The user's training totals for a period (workouts, sets, volume, points), their current and longest streak in days and their level."
            }
            ToolName::GetRecords => {
                "The user's personal records (heaviest weight, most reps, estimated 1RM, best set volume, longest duration and distance), optionally for one exercise named in English or Hebrew."
            }
            ToolName::ListGoals => "The user's goals with their live progress.",
            ToolName::SetGoal => {
                "Sets a goal, or changes the target of the user's goal of the same type (and exercise and timeframe, when given). Targets in canonical units: workouts, points, sets, streak days, kg, seconds, metres. Weight goals name the exercise; by_date goals end on `end_date` (default: 12 weeks from today)."
            }
            ToolName::DeleteGoal => {
                "Deletes the user's goal that matches the type, exercise and timeframe given (any of them may be left out). When several match, nothing is deleted and they come back, to ask which."
            }
            ToolName::ListPlanItems => {
                "The user's training-plan items that are still to do, soonest due first."
            }
            ToolName::AddPlanItem => {
                "Adds an item to the user's training plan; `due` may be words in English or Hebrew (\"tomorrow at 7pm\", \"ביום שני הבא\")."
            }
            ToolName::CompletePlanItem => {
                "Marks the user's pending plan item whose title best matches `title` as done."
            }
            ToolName::QueryWorkouts => {
                "Runs one read-only SQL SELECT over the user's own training data (the tables of the system prompt) and returns its columns and at most 500 rows. For questions the other tools do not answer: trends, comparisons, counts over dates. A refused or failed query comes back with the reason: correct it and try once more."
            }
            ToolName::LogWorkout => {
                "Logs what the user did, when they tell you (not when they ask). Pass their words in `text` (\"squat 3x5 @ 100kg, bench 3x8 at 80\", \"רצתי 5 קילומטר ב-25 דקות\", \"yesterday I ran 5k\"), or `exercises` with sets (reps, weight_kg, distance_m, duration_s, rpe). Returns what was saved with points and new records, or asks: an exercise it does not know comes back with suggestions, a missing amount as a question. Nothing is stored on a guess. When the user then says which exercise they meant, call it again with the same words and `learn` = {said: their words, meant: the exercise}: their words are remembered for next time."
            }
            ToolName::CreateChart => {
                "Draws a chart in the conversation from one read-only SQL SELECT over the user's data (the rules of `query_workouts`): chart_type line, bar, scatter, pie or heatmap; `x` the column along the x axis; `y` the value columns, one series each (pie: one; heatmap: [row column, value column]); `series` optionally a column that splits the rows into series (with one `y`); units of x and y. Use it when a picture helps: progress over time, volume per week, a split by exercise. Then say in words what the chart shows."
            }
            ToolName::SuggestSession => {
                "Plans from the user's log and training profile. With `exercise`: that exercise's next session by double progression over its rep range (every set at the top of the range: one loadable step heavier; otherwise one more rep a set; three sessions without a gain in estimated 1RM: a deload week at 90 %). Without: today's whole session (the workout of the rotation done longest ago, each exercise at its next sets, one exercise for the muscle most short of its weekly sets, a plan item due today first). Weights are in the user's unit; use these numbers, never your own."
            }
            ToolName::TrainingBalance => {
                "Hard sets per week for each muscle group over the last 4 weeks, judged against 10–20 a week (low, in range, high), with exercises for the low ones that avoid what the user avoids or what would load an injury."
            }
            ToolName::Remember => {
                "Keeps a fact about the user in mind for every later conversation: their fitness level, an exercise they prefer or avoid, an injury, their equipment, or anything else they asked you to remember. The user sees and can edit these in Settings."
            }
        }
    }
}

/// `get_stats` arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StatsArgs {
    /// week, month, year or all (default all).
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub period: Period,
}

/// `get_records` arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RecordsArgs {
    /// An exercise name in English or Hebrew, or absent for every exercise.
    #[serde(default)]
    pub exercise: Option<String>,
}

/// `set_goal` arguments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SetGoalArgs {
    /// workouts, points, exercises (sets), streak, weight, duration or distance.
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub goal_type: GoalType,
    /// In the goal type's canonical unit (kg, seconds, metres, …).
    pub target: f64,
    /// daily, weekly, monthly or by_date; absent: weekly, or by_date for weight and streak.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub timeframe: Option<Timeframe>,
    /// An exercise name (English or Hebrew) or slug.
    #[serde(default)]
    pub exercise: Option<String>,
    /// The last day of a by_date goal.
    #[serde(default)]
    pub end_date: Option<NaiveDate>,
    /// The target is in the user's own units (kg or lb, km or miles, minutes), not canonical.
    #[serde(default)]
    pub in_user_units: bool,
}

/// `delete_goal` arguments: what tells the goal from the others.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct DeleteGoalArgs {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub goal_type: Option<GoalType>,
    #[serde(default)]
    pub exercise: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>))]
    pub timeframe: Option<Timeframe>,
}

/// `set_goal` and `delete_goal` result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum GoalChangeResult {
    /// A new goal.
    Set {
        goal: GoalFact,
    },
    /// The target of an existing goal, changed from `previous`.
    Changed {
        goal: GoalFact,
        previous: f64,
    },
    Deleted {
        goal: GoalFact,
    },
    /// No goal matches (the user's goals come back).
    NotFound {
        goals: Vec<GoalFact>,
    },
    /// Several goals match: which one?
    Several {
        goals: Vec<GoalFact>,
    },
    /// The goal could not be set (a target out of range, an unknown exercise).
    Refused {
        message: String,
    },
}

/// `list_goals` and `list_plan_items` take no arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NoArgs {}

/// `add_plan_item` arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AddPlanArgs {
    pub title: String,
    /// When, in words or as a date: "tomorrow at 7pm", "2026-12-05", "ביום שני הבא".
    #[serde(default)]
    pub due: Option<String>,
}

/// `complete_plan_item` arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CompletePlanArgs {
    /// The item's title, or enough of it to tell it from the others.
    pub title: String,
}

/// `query_workouts` arguments.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct QueryArgs {
    /// One SELECT statement (SQLite or PostgreSQL, as the system prompt says).
    pub sql: String,
}

/// `log_workout` arguments: the user's words, or the exercises with their sets.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LogArgs {
    /// What was done, in words (English or Hebrew).
    #[serde(default)]
    pub text: Option<String>,
    /// Or: the exercises (names in English or Hebrew) with their sets.
    #[serde(default)]
    pub exercises: Vec<crate::domain::workout::ExerciseInput>,
    /// The user just answered which exercise they meant by words the log did not know:
    /// remember them as theirs for that exercise, then log.
    #[serde(default)]
    pub learn: Option<Learned>,
    /// The workout's name ("Upper", "Leg day"), e.g. that of a suggested session.
    #[serde(default)]
    pub name: Option<String>,
}

/// A user's own words for an exercise.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Learned {
    /// What they wrote ("benchh presss").
    pub said: String,
    /// The exercise they meant: a name (English or Hebrew) or slug.
    pub meant: String,
}

/// One exercise of a logged workout.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoggedExercise {
    pub exercise: Names,
    pub sets: u32,
}

/// `log_workout` result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum LogResult {
    Logged {
        /// The words now known for an exercise (`learn`), if any.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        learned: Option<Learned>,
        workout_id: String,
        exercises: Vec<LoggedExercise>,
        points: i64,
        new_records: Vec<RecordFact>,
        new_achievements: Vec<Names>,
    },
    /// A name that matched no exercise clearly: ask which one.
    UnknownExercise {
        query: String,
        suggestions: Vec<Names>,
    },
    /// Exercises named without an amount.
    HowMany { exercises: Vec<String> },
    /// Something in the words could not be read for sure (a number with no word saying what
    /// it is, counts that disagree, a model's numbers that differ from the user's words):
    /// ask, showing what was understood. Nothing was stored.
    Unsure {
        doubts: Vec<crate::domain::nl_log::Doubt>,
        understood: Vec<UnderstoodExercise>,
    },
    /// Nothing in the words to log.
    Nothing,
    /// Values out of range (a 5,000 kg squat).
    Invalid { message: String },
}

/// One exercise of an unsure message as far as it was understood: its name as written (and
/// the exercise it resolved to, when it did) and its sets in canonical units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnderstoodExercise {
    pub said: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exercise: Option<Names>,
    pub sets: Vec<crate::domain::workout::ValidSet>,
}

/// An exercise's names, for a reply in either language.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub en: String,
    pub he: String,
}

impl Names {
    /// The name in `language`, or the other one when that is missing (a custom exercise may
    /// have only one).
    pub fn in_language(&self, language: crate::domain::account::Language) -> &str {
        let (wanted, other) = language.pick((&self.en, &self.he), (&self.he, &self.en));
        if wanted.trim().is_empty() {
            other
        } else {
            wanted
        }
    }
}

/// `get_stats` result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatsResult {
    pub period: Period,
    pub workouts: u64,
    pub sets: u64,
    pub volume_kg: f64,
    pub points: i64,
    pub current_streak_days: u32,
    pub longest_streak_days: u32,
    pub level: Level,
    pub points_to_next_level: i64,
    pub favourite_exercise: Option<Names>,
    /// Workouts in the period before (last week, last month, last year); none for all time.
    #[serde(default)]
    pub previous_workouts: Option<u64>,
    /// The exercises done in the most workouts of the period, most first (at most three).
    #[serde(default)]
    pub most_trained: Vec<ExerciseCount>,
    /// Goals still active, and plan items still to do.
    #[serde(default)]
    pub active_goals: u64,
    #[serde(default)]
    pub pending_plan_items: u64,
}

/// An exercise with how often it was done.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExerciseCount {
    pub exercise: Names,
    pub workouts: u64,
    pub sets: u64,
}

/// One personal record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordFact {
    pub exercise: Names,
    pub record_type: RecordType,
    /// In the record type's canonical unit (kg, reps, s or m).
    pub value: f64,
    /// The user's local day it was set.
    pub on: NaiveDate,
}

/// `get_records` result. `exercise` is the name asked for; `unknown_exercise` says it matched
/// nothing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordsResult {
    pub exercise: Option<Names>,
    pub unknown_exercise: Option<String>,
    pub records: Vec<RecordFact>,
    /// When the name fits several exercises: the likeliest, the user's own first.
    #[serde(default)]
    pub suggestions: Vec<Names>,
    /// For one exercise: the user's local day it was last done, and in how many workouts.
    #[serde(default)]
    pub last_done: Option<NaiveDate>,
    #[serde(default)]
    pub workouts: u64,
}

/// One goal with its progress (amounts in the goal type's canonical unit).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalFact {
    pub goal_type: GoalType,
    pub timeframe: Timeframe,
    pub exercise: Option<Names>,
    pub current: f64,
    pub target: f64,
    pub percent: u8,
    pub completed: bool,
    pub is_active: bool,
}

/// `list_goals` result.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalsResult {
    pub goals: Vec<GoalFact>,
}

/// One plan item; `due` in the user's local time (`all_day`: only the date counts).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanFact {
    pub title: String,
    pub due: Option<NaiveDateTime>,
    pub all_day: bool,
    pub done: bool,
}

/// `list_plan_items` result: pending items, soonest first, and how many there are in all.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanListResult {
    pub items: Vec<PlanFact>,
    pub total: u64,
}

/// `add_plan_item` and `complete_plan_item` result: the item, or why nothing changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum PlanChangeResult {
    Added {
        item: PlanFact,
    },
    Completed {
        item: PlanFact,
    },
    /// No pending item matches the title given.
    NotFound {
        title: String,
    },
    /// The arguments were refused (an empty title, a due date that could not be read).
    Refused {
        field: String,
        message: String,
    },
}
