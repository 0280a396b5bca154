//! The `/plan` page's data: a page of pending items (soonest due first) and a page of done
//! ones (most recently finished first), due dates as day labels in the user's zone and
//! language, overdue items marked.

use chrono::Utc;

use crate::domain::i18n::{day_label, moment_label, strings};
use crate::domain::pagination::{PageRequest, Paginated};
use crate::domain::plan::Status;
use crate::domain::views::plan::{PLAN_PAGE_SIZE, PlanCard, PlanPageData, PlanPages};
use crate::server::db::Db;
use crate::server::db::plan::{self, PlanItem};
use crate::server::db::users::User;

pub async fn plan_page(
    db: &Db,
    user: &User,
    pages: PlanPages,
) -> Result<PlanPageData, sqlx::Error> {
    let page = |n: u32| {
        PageRequest {
            page: Some(n),
            per_page: Some(PLAN_PAGE_SIZE),
        }
        .normalized()
    };
    let (pending_page, done_page) = (page(pages.pending), page(pages.done));
    let (pending, pending_total) =
        plan::list(db, &user.id, Some(Status::Pending), pending_page).await?;
    let (done, done_total) = plan::list(db, &user.id, Some(Status::Done), done_page).await?;
    let t = strings(user.language);
    let tz = user.zone();
    let now = Utc::now();
    let today = now.with_timezone(&tz).date_naive();
    let card = |item: PlanItem| {
        let local = item.due_at.map(|d| d.with_timezone(&tz));
        let done = item.status == Status::Done;
        PlanCard {
            id: item.id.to_string(),
            title: item.title,
            description: item.description,
            due: local.map(|d| {
                if item.all_day {
                    day_label(t, d.date_naive(), today)
                } else {
                    moment_label(t, d.naive_local(), today)
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
        pending: Paginated::new(
            pending.into_iter().map(card).collect(),
            pending_page,
            pending_total,
        ),
        done: Paginated::new(done.into_iter().map(card).collect(), done_page, done_total),
    })
}
