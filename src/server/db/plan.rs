//! The `plan_items` aggregate: soft-deleted (`deleted_at`), always filtered on `user_id`.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Db, Id, now, on_db};
use crate::domain::pagination::Page;
use crate::domain::plan::{Priority, Status};

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct PlanItem {
    #[schema(value_type = String)]
    pub id: Id,
    pub title: String,
    pub description: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    /// The due date has no time of day.
    pub all_day: bool,
    #[sqlx(try_from = "String")]
    pub priority: Priority,
    #[sqlx(try_from = "String")]
    pub status: Status,
    pub ai_generated: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, title, description, due_at, all_day, priority, status, ai_generated, created_at, updated_at";

pub struct NewPlanItem<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    pub due_at: Option<DateTime<Utc>>,
    pub all_day: bool,
    pub priority: Priority,
    pub ai_generated: bool,
    pub conversation_id: Option<&'a Id>,
}

pub async fn create(db: &Db, user_id: &Id, item: NewPlanItem<'_>) -> Result<PlanItem, sqlx::Error> {
    let sql = format!(
        "INSERT INTO plan_items (id, user_id, title, description, due_at, all_day, priority, status, ai_generated,
                                 conversation_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $9, $10, $10) RETURNING {COLUMNS}"
    );
    on_db!(db, pool => sqlx::query_as::<_, PlanItem>(&sql)
        .bind(Id::new()).bind(user_id).bind(item.title).bind(item.description).bind(item.due_at).bind(item.all_day)
        .bind(item.priority.as_str()).bind(item.ai_generated).bind(item.conversation_id).bind(now())
        .fetch_one(pool).await)
}

pub async fn get(db: &Db, user_id: &Id, id: &Id) -> Result<Option<PlanItem>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM plan_items WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL"
    );
    on_db!(db, pool => sqlx::query_as::<_, PlanItem>(&sql).bind(id).bind(user_id).fetch_optional(pool).await)
}

/// Pending first, by due date (undated last), then newest; then done, the most recently
/// finished first.
pub async fn list(
    db: &Db,
    user_id: &Id,
    status: Option<Status>,
    page: Page,
) -> Result<(Vec<PlanItem>, u64), sqlx::Error> {
    let filter = "user_id = $1 AND deleted_at IS NULL AND ($2 IS NULL OR status = $2)";
    let sql = format!(
        "SELECT {COLUMNS} FROM plan_items WHERE {filter}
         ORDER BY CASE WHEN status = 'pending' THEN 0 ELSE 1 END, CASE WHEN status = 'done' THEN updated_at END DESC,
                  CASE WHEN due_at IS NULL THEN 1 ELSE 0 END, due_at, created_at DESC, id LIMIT $3 OFFSET $4"
    );
    let items = on_db!(db, pool => sqlx::query_as::<_, PlanItem>(&sql)
        .bind(user_id).bind(status.map(Status::as_str)).bind(page.limit()).bind(page.offset()).fetch_all(pool).await)?;
    let total: i64 = on_db!(db, pool => sqlx::query_scalar(&format!("SELECT COUNT(*) FROM plan_items WHERE {filter}"))
        .bind(user_id).bind(status.map(Status::as_str)).fetch_one(pool).await)?;
    Ok((items, u64::try_from(total).unwrap_or(0)))
}

/// A change; `None` keeps a field. `due` is `Some(None)` to clear the due date.
#[derive(Default)]
pub struct PlanChange {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub due: Option<Option<(DateTime<Utc>, bool)>>,
    pub priority: Option<Priority>,
    pub status: Option<Status>,
}

pub async fn update(
    db: &Db,
    user_id: &Id,
    id: &Id,
    change: PlanChange,
) -> Result<Option<PlanItem>, sqlx::Error> {
    let Some(current) = get(db, user_id, id).await? else {
        return Ok(None);
    };
    let (due_at, all_day) = match change.due {
        None => (current.due_at, current.all_day),
        Some(None) => (None, false),
        Some(Some((at, all_day))) => (Some(at), all_day),
    };
    let sql = format!(
        "UPDATE plan_items SET title = $3, description = $4, due_at = $5, all_day = $6, priority = $7, status = $8,
                               updated_at = $9
         WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL RETURNING {COLUMNS}"
    );
    on_db!(db, pool => sqlx::query_as::<_, PlanItem>(&sql)
        .bind(id).bind(user_id)
        .bind(change.title.unwrap_or(current.title))
        .bind(change.description.unwrap_or(current.description))
        .bind(due_at).bind(all_day)
        .bind(change.priority.unwrap_or(current.priority).as_str())
        .bind(change.status.unwrap_or(current.status).as_str())
        .bind(now())
        .fetch_optional(pool).await)
}

pub async fn soft_delete(db: &Db, user_id: &Id, id: &Id) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, pool => sqlx::query("UPDATE plan_items SET deleted_at = $3 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL")
        .bind(id).bind(user_id).bind(now()).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}
