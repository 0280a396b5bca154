//! The `conversations` aggregate. Every query filters on `user_id`, so another user's id
//! behaves exactly like a missing one. Deleting is soft (`deleted_at`), and deleted
//! conversations are invisible everywhere.

use super::{Db, Engine, Id, now, on_db};
use crate::domain::pagination::Page;
use chrono::{DateTime, Utc};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Conversation {
    #[schema(value_type = String)]
    pub id: Id,
    pub title: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// False after 30 minutes without a message; the next message makes it active again.
    pub is_active: bool,
    pub message_count: i64,
}

const SELECT: &str = "SELECT c.id, c.title, c.created_at, c.updated_at, c.is_active,
        (SELECT COUNT(*) FROM chat_messages m WHERE m.conversation_id = c.id AND m.user_id = c.user_id) AS message_count
     FROM conversations c";

pub async fn create(
    db: &Db,
    user_id: &Id,
    title: Option<&str>,
) -> Result<Conversation, sqlx::Error> {
    let id = Id::new();
    let at = now();
    on_db!(db, pool => sqlx::query(
        "INSERT INTO conversations (id, user_id, title, created_at, updated_at, is_active) VALUES ($1, $2, $3, $4, $4, TRUE)")
        .bind(&id).bind(user_id).bind(title).bind(at).execute(pool).await.map(|_| ()))?;
    get(db, user_id, &id).await?.ok_or(sqlx::Error::RowNotFound)
}

pub async fn get(db: &Db, user_id: &Id, id: &Id) -> Result<Option<Conversation>, sqlx::Error> {
    let sql = format!("{SELECT} WHERE c.id = $1 AND c.user_id = $2 AND c.deleted_at IS NULL");
    let row = on_db!(db, pool => sqlx::query_as::<_, Conversation>(&sql).bind(id).bind(user_id).fetch_optional(pool).await)?;
    Ok(row.map(idle_is_inactive))
}

/// A conversation goes quiet after this long without a message; the next message wakes it.
pub const IDLE_MINUTES: i64 = 30;

/// `is_active` as users see it: stored active and a message within [`IDLE_MINUTES`].
fn idle_is_inactive(mut c: Conversation) -> Conversation {
    c.is_active = c.is_active && now() - c.updated_at < chrono::Duration::minutes(IDLE_MINUTES);
    c
}

/// Most recently updated first; `query` finds conversations whose title or whose messages
/// (the user's and the coach's words) contain it, case-insensitively, Unicode case included
/// ("élan" finds "ÉLAN") on both engines: PostgreSQL's LOWER folds it, SQLite's does not, so
/// SQLite matches with REGEXP (Rust's `regex`, registered on every connection).
pub async fn list(
    db: &Db,
    user_id: &Id,
    page: Page,
    query: Option<&str>,
) -> Result<(Vec<Conversation>, u64), sqlx::Error> {
    let query = query.map(str::trim).filter(|q| !q.is_empty());
    let (pattern, matches): (_, fn(&str) -> String) = match db.engine() {
        Engine::Postgres => (query.map(like_pattern), |column| {
            format!("LOWER({column}) LIKE $2 ESCAPE '\\'")
        }),
        Engine::Sqlite => (
            query.map(|q| format!("(?i){}", regex::escape(q))),
            |column| format!("{column} REGEXP $2"),
        ),
    };
    let filter = format!(
        "c.user_id = $1 AND c.deleted_at IS NULL AND ($2 IS NULL OR {} OR EXISTS (
             SELECT 1 FROM chat_messages m WHERE m.conversation_id = c.id AND m.user_id = c.user_id
               AND m.role IN ('user', 'assistant') AND {}))",
        matches("COALESCE(c.title, '')"),
        matches("m.content")
    );
    let sql =
        format!("{SELECT} WHERE {filter} ORDER BY c.updated_at DESC, c.id DESC LIMIT $3 OFFSET $4");
    let count_sql = format!("SELECT COUNT(*) FROM conversations c WHERE {filter}");
    let items: Vec<Conversation> = on_db!(db, pool => sqlx::query_as::<_, Conversation>(&sql)
        .bind(user_id).bind(pattern.as_deref()).bind(page.limit()).bind(page.offset()).fetch_all(pool).await)?;
    let items = items.into_iter().map(idle_is_inactive).collect();
    let total: i64 = on_db!(db, pool => sqlx::query_scalar(&count_sql)
        .bind(user_id).bind(pattern.as_deref()).fetch_one(pool).await)?;
    Ok((items, u64::try_from(total).unwrap_or(0)))
}

pub async fn rename(
    db: &Db,
    user_id: &Id,
    id: &Id,
    title: Option<&str>,
) -> Result<Option<Conversation>, sqlx::Error> {
    let n = on_db!(db, pool => sqlx::query(
        "UPDATE conversations SET title = $3, updated_at = $4 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL")
        .bind(id).bind(user_id).bind(title).bind(now()).execute(pool).await.map(|r| r.rows_affected()))?;
    if n == 0 {
        return Ok(None);
    }
    get(db, user_id, id).await
}

pub async fn soft_delete(db: &Db, user_id: &Id, id: &Id) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, pool => sqlx::query(
        "UPDATE conversations SET deleted_at = $3 WHERE id = $1 AND user_id = $2 AND deleted_at IS NULL")
        .bind(id).bind(user_id).bind(now()).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

/// `%text%` for LIKE, lowercased, with `%`, `_` and `\` escaped so they match themselves.
fn like_pattern(text: &str) -> String {
    let mut out = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

/// Sets the summary of the messages older than the ones the model reads verbatim.
pub async fn set_summary(
    db: &Db,
    user_id: &Id,
    id: &Id,
    summary: Option<&str>,
) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query("UPDATE conversations SET context_summary = $3 WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user_id).bind(summary).execute(pool).await.map(|_| ()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_patterns_escape_wildcards() {
        assert_eq!(super::like_pattern("Leg_Day 100%"), "%leg\\_day 100\\%%");
    }
}
