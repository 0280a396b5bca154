//! A page of one conversation read in one query: the conversation's title and message count,
//! the page's messages, the charts its replies drew and which of the workouts they logged are
//! still there. `/c/{id}` and `GET /conversations/{id}/messages` read through here.
//!
//! The database answers with one row, a JSON document. sqlx's SQLite driver hands rows over one
//! at a time from its worker thread (a copy of every value, a channel send and often a thread
//! wake-up per row, and a round trip per query): under load that was most of a page's cost,
//! more than the SQL itself. The document's fields are the names and forms of the serde of
//! [`Message`] and [`Visualization`]. Every part filters on `user_id`: another user's
//! conversation reads as no row at all.

use serde::Deserialize;

use super::messages::Message;
use super::visualizations::Visualization;
use super::{Db, Id, on_db};
use crate::domain::pagination::Page;

/// What [`read`] found.
#[derive(Debug, Deserialize)]
pub struct Thread {
    pub title: Option<String>,
    /// Messages in the whole conversation (to page by).
    pub total: i64,
    /// The page's messages, oldest first.
    pub messages: Vec<Message>,
    /// The charts of the page's messages, oldest first (empty unless asked for).
    #[serde(default)]
    pub charts: Vec<Visualization>,
    /// Of the workouts the page's `log_workout` results name, those still logged (empty unless
    /// asked for).
    #[serde(default)]
    pub kept: Vec<Id>,
}

/// What to read besides the messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parts {
    /// Title, count and messages (the REST list).
    Messages,
    /// Also the charts and the logged workouts still there (the thread page).
    Page,
}

/// One page of a conversation (page 1 = the newest messages), or `None` when the conversation
/// is not the user's, is deleted or does not exist.
pub async fn read(
    db: &Db,
    user_id: &Id,
    conversation_id: &Id,
    page: Page,
    parts: Parts,
) -> Result<Option<Thread>, sqlx::Error> {
    let sql = match (db, parts) {
        (Db::Sqlite(_), Parts::Messages) => MESSAGES_SQLITE,
        (Db::Sqlite(_), Parts::Page) => PAGE_SQLITE,
        (Db::Postgres(_), Parts::Messages) => MESSAGES_POSTGRES,
        (Db::Postgres(_), Parts::Page) => PAGE_POSTGRES,
    };
    let json: Option<String> = on_db!(db, pool => sqlx::query_scalar(sql)
        .bind(conversation_id).bind(user_id).bind(page.limit()).bind(page.offset())
        .fetch_optional(pool).await)?;
    json.map(|json| serde_json::from_str(&json).map_err(|e| sqlx::Error::Decode(Box::new(e))))
        .transpose()
}

/// The page's messages as `m` (the newest `$3` after skipping `$4`).
macro_rules! with_page {
    () => {
        "WITH m AS (SELECT * FROM chat_messages WHERE conversation_id = $1 AND user_id = $2
                    ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4) "
    };
}

/// The conversation's row and its message count.
macro_rules! from_conversation {
    () => {
        " FROM conversations c WHERE c.id = $1 AND c.user_id = $2 AND c.deleted_at IS NULL"
    };
}

/// The fields of a message (and of a chart), named as their serde reads them; `$b` is how the
/// engine writes `tokens_estimated` as a JSON boolean.
macro_rules! message_fields {
    ($b:literal) => {
        concat!(
            "'id', id, 'conversation_id', conversation_id, 'role', role, 'content', content,
             'status', status, 'prompt_tokens', prompt_tokens, 'completion_tokens', completion_tokens,
             'token_count', token_count, 'tokens_estimated', ",
            $b,
            ", 'error_message', error_message, 'query_executed', query_executed,
             'execution_time_ms', execution_time_ms, 'time_to_first_token_ms', time_to_first_token_ms,
             'model', model, 'tool_calls', tool_calls, 'tool_call_id', tool_call_id,
             'client_id', client_id, 'parent_id', parent_id, 'created_at', created_at"
        )
    };
}
macro_rules! chart_fields {
    () => {
        "'id', v.id, 'message_id', v.message_id, 'chart_type', v.chart_type,
         'chart_spec', v.chart_spec, 'chart_config', v.chart_config, 'data_query', v.data_query,
         'title', v.title, 'created_at', v.created_at"
    };
}

/// SQLite: `tokens_estimated` is stored as 0/1. The document is put together as text: a
/// subquery's JSON loses its JSON subtype, and wrapping it in `json()` would parse it into
/// JSONB and print it again (a few percent of a page under load).
macro_rules! sqlite_head {
    () => {
        concat!(
            "'{\"title\":' || json_quote(c.title)
             || ',\"total\":' || (SELECT COUNT(*) FROM chat_messages x WHERE x.conversation_id = c.id AND x.user_id = c.user_id)
             || ',\"messages\":' || (SELECT json_group_array(json_object(",
            message_fields!("CASE WHEN tokens_estimated THEN json('true') ELSE json('false') END"),
            ") ORDER BY created_at, id) FROM m)"
        )
    };
}

const MESSAGES_SQLITE: &str = concat!(
    with_page!(),
    "SELECT ",
    sqlite_head!(),
    " || '}'",
    from_conversation!()
);

/// The logged workouts are the `workout_id` of the page's `tool` messages that hold JSON.
const PAGE_SQLITE: &str = concat!(
    with_page!(),
    "SELECT ",
    sqlite_head!(),
    "
     || ',\"charts\":' || (SELECT json_group_array(json_object(",
    chart_fields!(),
    ") ORDER BY v.created_at, v.id) FROM message_visualizations v
         WHERE v.user_id = $2 AND v.message_id IN (SELECT id FROM m))
     || ',\"kept\":' || (SELECT json_group_array(w.id) FROM workout_sessions w
         WHERE w.user_id = $2 AND w.id IN (
             SELECT json_extract(content, '$.workout_id') FROM m WHERE role = 'tool' AND json_valid(content)))
     || '}'",
    from_conversation!()
);

/// PostgreSQL: `json_agg` of no rows is NULL, hence the COALESCEs.
macro_rules! postgres_head {
    () => {
        concat!(
            "'title', c.title,
             'total', (SELECT COUNT(*) FROM chat_messages x WHERE x.conversation_id = c.id AND x.user_id = c.user_id),
             'messages', COALESCE((SELECT json_agg(json_build_object(",
            message_fields!("tokens_estimated"),
            ") ORDER BY created_at, id) FROM m), '[]'::json)"
        )
    };
}

const MESSAGES_POSTGRES: &str = concat!(
    with_page!(),
    "SELECT json_build_object(",
    postgres_head!(),
    ")::text",
    from_conversation!()
);

/// The logged workouts are read from the tool results' text (a result that is not JSON names
/// none): a pattern, so a tool message that does not parse cannot fail the page.
const PAGE_POSTGRES: &str = concat!(
    with_page!(),
    "SELECT json_build_object(",
    postgres_head!(),
    ",
     'charts', COALESCE((SELECT json_agg(json_build_object(",
    chart_fields!(),
    ") ORDER BY v.created_at, v.id) FROM message_visualizations v
         WHERE v.user_id = $2 AND v.message_id IN (SELECT id FROM m)), '[]'::json),
     'kept', COALESCE((SELECT json_agg(w.id) FROM workout_sessions w
         WHERE w.user_id = $2 AND w.id IN (
             SELECT substring(content FROM '\"workout_id\":\"([^\"]+)\"') FROM m WHERE role = 'tool')), '[]'::json)
    )::text",
    from_conversation!()
);
