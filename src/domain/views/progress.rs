//! What the `/progress` page shows: totals, streaks, level, this month against last, records
//! and achievements, and the charts.

use serde::{Deserialize, Serialize};

use super::records::RecordLine;
use crate::domain::scoring::levels::Level;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthTotals {
    pub workouts: u64,
    pub points: i64,
    pub volume: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgressData {
    pub workouts: u64,
    pub points: i64,
    pub volume: String,
    pub current_streak_days: u32,
    pub longest_streak_days: u32,
    pub level: Level,
    pub level_progress: u8,
    pub points_to_next_level: i64,
    pub this_month: MonthTotals,
    pub last_month: MonthTotals,
    pub favourite_exercise: Option<String>,
    pub records: Vec<RecordLine>,
    /// (name, local date) in the page language.
    pub achievements: Vec<(String, String)>,
    /// The charts section, made on the server as HTML (`server::markup`): the coach's chart
    /// builder's figures, each with its data as a table.
    pub charts: String,
}
