//! What the `/plan` page shows: pending items (soonest first) and done ones (most recently
//! finished first), a page of each, with due dates as day labels in the user's language.

use serde::{Deserialize, Serialize};

use crate::domain::pagination::Paginated;
use crate::domain::plan::Priority;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanCard {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// "Tomorrow · 19:00", "Tue 1 Dec"; `None` without a due date.
    pub due: Option<String>,
    /// Pending and due before now (all-day items: before today).
    pub overdue: bool,
    pub priority: Priority,
    pub done: bool,
    pub ai_generated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanPageData {
    /// A page of pending items, soonest due first (undated last).
    pub pending: Paginated<PlanCard>,
    /// A page of done items, the most recently finished first.
    pub done: Paginated<PlanCard>,
}

/// Which page of each list the plan page shows (`?pending=2&done=3`; 1 when absent).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPages {
    pub pending: u32,
    pub done: u32,
}

/// Items per page of each plan list.
pub const PLAN_PAGE_SIZE: u32 = 50;
