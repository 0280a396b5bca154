//! The training plan: adding and changing items, with due dates given exactly or in words
//! ("tomorrow at 7pm", "ביום שני הבא") read in the user's time zone. Used by the REST routes
//! and the plan page (and later the coach).

use chrono::{DateTime, Utc};

use crate::domain::account::FieldError;
use crate::domain::due_date::Due;
use crate::domain::plan::{DueChange, PlanInput, validate_plan};
use crate::server::db::plan::{self, PlanItem};
use crate::server::db::users::User;
use crate::server::db::{Db, Id};
use crate::server::local_time::to_utc;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    #[error("invalid plan item")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// A local due date as a UTC instant: all-day items are due at the start of their day.
fn due_instant(due: Due, tz: chrono_tz::Tz) -> (DateTime<Utc>, bool) {
    let local = due.date.and_time(due.time.unwrap_or_default());
    (to_utc(tz, local), due.is_all_day())
}

fn resolve_due(change: DueChange, tz: chrono_tz::Tz) -> Option<Option<(DateTime<Utc>, bool)>> {
    match change {
        DueChange::Keep => None,
        DueChange::Clear => Some(None),
        DueChange::At(at) => Some(Some((at, false))),
        DueChange::Local(due) => Some(Some(due_instant(due, tz))),
    }
}

/// Validates and stores a new plan item written by the user.
pub async fn create_item(db: &Db, user: &User, input: &PlanInput) -> Result<PlanItem, PlanError> {
    let tz = user.zone();
    let now_local = Utc::now().with_timezone(&tz).naive_local();
    let v = validate_plan(input, true, now_local).map_err(PlanError::Invalid)?;
    let due = resolve_due(v.due, tz).flatten();
    Ok(plan::create(
        db,
        &user.id,
        plan::NewPlanItem {
            title: v.title.as_deref().unwrap_or_default(),
            description: v.description.flatten().as_deref(),
            due_at: due.map(|d| d.0),
            all_day: due.is_some_and(|d| d.1),
            priority: v.priority.unwrap_or_default(),
            ai_generated: false,
            conversation_id: None,
        },
    )
    .await?)
}

/// Changes the fields an input gives; `None` when the item is not the user's (or deleted).
pub async fn update_item(
    db: &Db,
    user: &User,
    id: &Id,
    input: &PlanInput,
) -> Result<Option<PlanItem>, PlanError> {
    let tz = user.zone();
    let v = validate_plan(input, false, Utc::now().with_timezone(&tz).naive_local())
        .map_err(PlanError::Invalid)?;
    let change = plan::PlanChange {
        title: v.title,
        description: v.description,
        due: resolve_due(v.due, tz),
        priority: v.priority,
        status: v.status,
    };
    Ok(plan::update(db, &user.id, id, change).await?)
}

/// Titles of the user's pending plan items due on `today` (a day in their time zone), soonest
/// first: the banner on `/`, the coach's first reply of the day, today's session.
pub async fn due_today(
    db: &Db,
    user: &User,
    today: chrono::NaiveDate,
) -> Result<Vec<String>, sqlx::Error> {
    let day = super::log::local_day_fn(user);
    let (pending, _) = plan::list(
        db,
        &user.id,
        Some(crate::domain::plan::Status::Pending),
        crate::domain::pagination::PageRequest::default().normalized(),
    )
    .await?;
    Ok(pending
        .into_iter()
        .filter(|i| i.due_at.is_some_and(|d| day(&d) == today))
        .map(|i| i.title)
        .collect())
}
