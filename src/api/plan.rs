//! The plan page's data: pending items (soonest first) and done ones, with due dates as day
//! labels in the user's time zone and language.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppError;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanCard {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// "Tomorrow · 19:00", "Tue 1 Dec"; `None` without a due date.
    pub due: Option<String>,
    /// Pending and due before now (all-day items: before today).
    pub overdue: bool,
    /// low, medium or high.
    pub priority: String,
    pub done: bool,
    pub ai_generated: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanPageData {
    pub pending: Vec<PlanCard>,
    /// The most recently finished first, at most 50.
    pub done: Vec<PlanCard>,
}

#[server(prefix = "/fn", endpoint = "plan_page")]
pub async fn plan_page() -> Result<PlanPageData, AppError> {
    use crate::domain::i18n::{day_label, strings};
    use crate::domain::pagination::PageRequest;
    use crate::server::db::plan;

    let principal = super::principal().await?;
    let state = super::state()?;
    let user = &principal.user;
    let internal = |e: sqlx::Error| {
        tracing::error!(error = %e, "plan page data");
        AppError::Internal
    };
    let db = &state.db;
    let page = |status: &'static str| async move {
        let request = PageRequest {
            page: Some(1),
            per_page: Some(100),
        }
        .normalized();
        plan::list(db, &user.id, Some(status), request).await
    };
    let (pending, _) = page("pending").await.map_err(internal)?;
    let (mut done, _) = page("done").await.map_err(internal)?;
    done.sort_by_key(|item| std::cmp::Reverse(item.updated_at));
    done.truncate(50);
    let t = strings(user.language());
    let tz = user.zone();
    let now = chrono::Utc::now();
    let today = now.with_timezone(&tz).date_naive();
    let card = |item: plan::PlanItem| {
        let local = item.due_at.map(|d| d.with_timezone(&tz));
        let done = item.status == "done";
        PlanCard {
            id: item.id.to_string(),
            title: item.title,
            description: item.description,
            due: local.map(|d| {
                let day = day_label(t, d.date_naive(), today);
                if item.all_day {
                    day
                } else {
                    format!("{day} · {}", d.format("%H:%M"))
                }
            }),
            overdue: !done
                && item.due_at.is_some_and(|d| {
                    if item.all_day {
                        d.with_timezone(&tz).date_naive() < today
                    } else {
                        d < now
                    }
                }),
            priority: item.priority,
            done,
            ai_generated: item.ai_generated,
        }
    };
    Ok(PlanPageData {
        pending: pending.into_iter().map(card).collect(),
        done: done.into_iter().map(card).collect(),
    })
}
