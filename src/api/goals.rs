//! The goals page's data: each goal with its live progress, already in the user's units.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppError;
use crate::domain::account::Units;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GoalCard {
    pub id: String,
    /// workouts, points, exercises, streak, weight, duration or distance.
    pub goal_type: String,
    /// daily, weekly, monthly or by_date.
    pub timeframe: String,
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

#[server(prefix = "/fn", endpoint = "goals_page")]
pub async fn goals_page() -> Result<GoalsPageData, AppError> {
    use crate::domain::account::Language;
    use crate::domain::goals::GoalType;
    use crate::domain::i18n::{day_label, strings};
    use crate::server::db::{exercises, goals};
    use crate::server::training::goals::views;

    let principal = super::principal().await?;
    let state = super::state()?;
    let user = &principal.user;
    let internal = |e: sqlx::Error| {
        tracing::error!(error = %e, "goals page data");
        AppError::Internal
    };
    let rows = goals::list(&state.db, &user.id).await.map_err(internal)?;
    let mut views = views(&state.db, user, rows).await.map_err(internal)?;
    views.sort_by_key(|v| !v.goal.is_active);
    let units = user.units();
    let language = user.language();
    let t = strings(language);
    let tz = user.zone();
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let all = exercises::all_for_user(&state.db, &user.id)
        .await
        .map_err(internal)?;
    let goals = views
        .into_iter()
        .map(|v| {
            let goal_type: GoalType = v.goal.goal_type.parse().unwrap_or_default();
            let exercise = v.goal.exercise_id.as_ref().and_then(|id| {
                all.iter().find(|e| &e.id == id).map(|e| match language {
                    Language::He => e.name_he.clone(),
                    Language::En => e.name_en.clone(),
                })
            });
            GoalCard {
                id: v.goal.id.to_string(),
                goal_type: v.goal.goal_type.clone(),
                timeframe: v.goal.timeframe.clone(),
                exercise,
                current: goal_type.format_amount(v.progress.current, units),
                target: goal_type.format_amount(v.progress.target, units),
                percent: v.progress.percent,
                completed: v.progress.completed,
                is_active: v.goal.is_active,
                from: day_label(t, v.progress.from, today),
                to: day_label(t, v.progress.to, today),
                end: v.goal.end_date.map(|d| day_label(t, d, today)),
            }
        })
        .collect();
    let exercise_names = super::training::adapters::exercise_names(&all);
    Ok(GoalsPageData {
        units,
        exercise_names,
        goals,
    })
}
