//! What the `/goals` page shows: each goal with its live progress in the user's units.

use serde::{Deserialize, Serialize};

use crate::domain::account::Units;
use crate::domain::goals::{GoalType, Timeframe};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalCard {
    pub id: String,
    pub goal_type: GoalType,
    pub timeframe: Timeframe,
    /// In the page language.
    pub exercise: Option<String>,
    pub current: String,
    pub target: String,
    pub percent: u8,
    pub completed: bool,
    pub is_active: bool,
    /// The counted window and a by-date goal's end, as day labels in the page language.
    pub from: String,
    pub to: String,
    pub end: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalsPageData {
    pub units: Units,
    pub exercise_names: Vec<String>,
    /// Active goals first.
    pub goals: Vec<GoalCard>,
}
