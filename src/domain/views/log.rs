//! What the `/log` page shows: the form's exercise list, the workout just saved with its new
//! records, the workout being edited, and the latest workouts.

use serde::{Deserialize, Serialize};

use super::records::RecordLine;
use crate::domain::account::Units;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoggedSummary {
    pub points: i64,
    pub new_records: Vec<RecordLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogPageData {
    pub units: Units,
    /// Every exercise name (EN and HE) for the search list.
    pub exercise_names: Vec<String>,
    /// The workout just saved (`?logged=id`), with its new records.
    pub logged: Option<LoggedSummary>,
    /// The workout being edited (`?edit=id`) as the form's fields, in the user's units.
    pub editing: Option<Vec<(String, String)>>,
    /// The latest workouts, most recent first.
    pub recent: Vec<WorkoutLine>,
    /// The "log in words" box and the "Next time" card, made on the server as HTML
    /// (`server::markup`).
    pub made_on_server: String,
}

/// A workout in the log page's "recent workouts" list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkoutLine {
    pub id: String,
    /// "Today · 18:30", "Tue 17 Nov · 07:05".
    pub when: String,
    pub name: Option<String>,
    pub sets: i64,
    pub points: i64,
    /// The exercises, in the page language, in the order done.
    pub exercises: Vec<String>,
}
