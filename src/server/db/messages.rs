//! The `chat_messages` table: one row per message of a conversation (the user's, the coach's
//! replies and tool calls, tool results). Every query filters on `user_id`, so another user's
//! message behaves exactly like a missing one.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Db, Id, is_unique_violation, now, on_db};
use crate::domain::chat::conversation::{MessageStatus, Role};

#[derive(Clone, Debug, Serialize, Deserialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Message {
    #[schema(value_type = String)]
    pub id: Id,
    #[schema(value_type = String)]
    pub conversation_id: Id,
    #[sqlx(try_from = "String")]
    pub role: Role,
    pub content: String,
    #[sqlx(try_from = "String")]
    pub status: MessageStatus,
    pub prompt_tokens: Option<i64>,
    pub completion_tokens: Option<i64>,
    /// prompt + completion.
    pub token_count: Option<i64>,
    /// The counts are Spotter's estimate: the provider sent none.
    pub tokens_estimated: bool,
    pub error_message: Option<String>,
    pub query_executed: Option<String>,
    pub execution_time_ms: Option<i64>,
    pub time_to_first_token_ms: Option<i64>,
    pub model: Option<String>,
    /// An assistant message's tool calls, as JSON.
    pub tool_calls: Option<String>,
    pub tool_call_id: Option<String>,
    pub client_id: Option<String>,
    #[schema(value_type = Option<String>)]
    pub parent_id: Option<Id>,
    pub created_at: DateTime<Utc>,
}

impl Message {
    /// The tools this step asked for, decoded from the stored JSON list; a row that does not
    /// decode is an error, never an empty list.
    pub fn calls(&self) -> Result<Vec<crate::server::llm::ToolCall>, sqlx::Error> {
        match self.tool_calls.as_deref() {
            None => Ok(Vec::new()),
            Some(json) => serde_json::from_str(json).map_err(|e| sqlx::Error::Decode(Box::new(e))),
        }
    }

    /// What `domain::chat::reply_state` reads of a reply step.
    pub fn reply_step(&self) -> crate::domain::chat::reply_state::Step {
        crate::domain::chat::reply_state::Step {
            role: self.role,
            status: self.status,
            calls_tools: self.tool_calls.is_some(),
        }
    }
}

const COLUMNS: &str = "id, conversation_id, role, content, status, prompt_tokens, completion_tokens, token_count,
    tokens_estimated, error_message, query_executed, execution_time_ms, time_to_first_token_ms, model, tool_calls,
    tool_call_id, client_id, parent_id, created_at";

/// A message to store. Timestamps are taken when it is written, so messages of one exchange
/// keep their order.
#[derive(Clone, Debug, Default)]
pub struct NewMessage {
    pub role: Role,
    pub content: String,
    pub status: MessageStatus,
    pub prompt_tokens: Option<u32>,
    pub completion_tokens: Option<u32>,
    pub tokens_estimated: bool,
    pub error_message: Option<String>,
    pub execution_time_ms: Option<u64>,
    pub time_to_first_token_ms: Option<u64>,
    pub model: Option<String>,
    pub tool_calls: Option<String>,
    pub tool_call_id: Option<String>,
    pub client_id: Option<String>,
    pub parent_id: Option<Id>,
    /// The SQL a `query_workouts` call ran (on its `tool` message).
    pub query_executed: Option<String>,
}

/// What [`insert_user_message`] found.
pub enum Inserted {
    New(Message),
    /// A message with this `client_id` was already sent in this conversation: that one.
    Repeat(Message),
}

/// Stores a message and marks the conversation active and updated, in one transaction.
pub async fn insert(
    db: &Db,
    user_id: &Id,
    conversation_id: &Id,
    m: &NewMessage,
) -> Result<Message, sqlx::Error> {
    let id = Id::new();
    let at = now();
    let total = match (m.prompt_tokens, m.completion_tokens) {
        (None, None) => None,
        (p, c) => Some(i64::from(p.unwrap_or(0)) + i64::from(c.unwrap_or(0))),
    };
    let to_i64 = |v: Option<u64>| v.map(|v| i64::try_from(v).unwrap_or(i64::MAX));
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query(
            "INSERT INTO chat_messages (id, conversation_id, user_id, role, content, status, prompt_tokens, completion_tokens,
                 token_count, tokens_estimated, error_message, execution_time_ms, time_to_first_token_ms, model, tool_calls,
                 tool_call_id, client_id, parent_id, created_at, query_executed)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)")
            .bind(&id).bind(conversation_id).bind(user_id).bind(m.role.as_str()).bind(&m.content).bind(m.status.as_str())
            .bind(m.prompt_tokens.map(i64::from)).bind(m.completion_tokens.map(i64::from)).bind(total)
            .bind(m.tokens_estimated).bind(&m.error_message).bind(to_i64(m.execution_time_ms))
            .bind(to_i64(m.time_to_first_token_ms)).bind(&m.model).bind(&m.tool_calls).bind(&m.tool_call_id)
            .bind(&m.client_id).bind(&m.parent_id).bind(at).bind(&m.query_executed)
            .execute(&mut *tx).await?;
        sqlx::query("UPDATE conversations SET updated_at = $3, is_active = TRUE WHERE id = $1 AND user_id = $2")
            .bind(conversation_id).bind(user_id).bind(at).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok::<(), sqlx::Error>(())
    })?;
    get(db, user_id, &id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// Stores the user's message, committed before anything else happens. The caller has looked
/// its `client_id` up already ([`by_client_id`]); when two sends of it race, the unique
/// constraint lets one in and the other gets [`Inserted::Repeat`] with the winner.
pub async fn insert_user_message(
    db: &Db,
    user_id: &Id,
    conversation_id: &Id,
    m: &NewMessage,
) -> Result<Inserted, sqlx::Error> {
    match insert(db, user_id, conversation_id, m).await {
        Ok(message) => Ok(Inserted::New(message)),
        // Two sends of the same client_id at once: the other one won.
        Err(e) if is_unique_violation(&e) => {
            let client_id = m.client_id.as_deref().unwrap_or_default();
            by_client_id(db, user_id, conversation_id, client_id)
                .await?
                .map(Inserted::Repeat)
                .ok_or(e)
        }
        Err(e) => Err(e),
    }
}

pub async fn by_client_id(
    db: &Db,
    user_id: &Id,
    conversation_id: &Id,
    client_id: &str,
) -> Result<Option<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM chat_messages WHERE conversation_id = $1 AND user_id = $2 AND client_id = $3"
    );
    on_db!(db, pool => sqlx::query_as::<_, Message>(&sql)
        .bind(conversation_id).bind(user_id).bind(client_id).fetch_optional(pool).await)
}

pub async fn get(db: &Db, user_id: &Id, id: &Id) -> Result<Option<Message>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM chat_messages WHERE id = $1 AND user_id = $2");
    on_db!(db, pool => sqlx::query_as::<_, Message>(&sql).bind(id).bind(user_id).fetch_optional(pool).await)
}

/// The messages that answer `parent_id` (the reply to a user message: tool calls, tool
/// results, the final text), oldest first.
pub async fn replies_to(
    db: &Db,
    user_id: &Id,
    parent_id: &Id,
) -> Result<Vec<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM chat_messages WHERE parent_id = $1 AND user_id = $2 ORDER BY created_at, id"
    );
    on_db!(db, pool => sqlx::query_as::<_, Message>(&sql).bind(parent_id).bind(user_id).fetch_all(pool).await)
}

/// How many messages the user sent the coach since `since` (any conversation): the per-minute
/// limit, shared by every instance because it is read from the table itself.
pub async fn sent_since(db: &Db, user_id: &Id, since: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    on_db!(db, pool => sqlx::query_scalar(
        "SELECT COUNT(*) FROM chat_messages WHERE user_id = $1 AND role = 'user' AND created_at > $2")
        .bind(user_id).bind(since).fetch_one(pool).await)
}

/// Tokens the user's replies used since `since` (the daily budget).
pub async fn tokens_since(db: &Db, user_id: &Id, since: DateTime<Utc>) -> Result<i64, sqlx::Error> {
    let total: Option<i64> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT CAST(SUM(token_count) AS BIGINT) FROM chat_messages WHERE user_id = $1 AND role = 'assistant' AND created_at >= $2")
        .bind(user_id).bind(since).fetch_one(pool).await)?;
    Ok(total.unwrap_or(0))
}

/// Every message of the user's conversations (not deleted ones), by conversation then time:
/// the account export.
pub async fn all_for_user(db: &Db, user_id: &Id) -> Result<Vec<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM chat_messages m WHERE m.user_id = $1 AND EXISTS (
             SELECT 1 FROM conversations c WHERE c.id = m.conversation_id AND c.deleted_at IS NULL)
         ORDER BY m.conversation_id, m.created_at, m.id"
    );
    on_db!(db, pool => sqlx::query_as::<_, Message>(&sql).bind(user_id).fetch_all(pool).await)
}

/// Every message of a conversation, oldest first (exports).
pub async fn all(db: &Db, user_id: &Id, conversation_id: &Id) -> Result<Vec<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM chat_messages WHERE conversation_id = $1 AND user_id = $2 ORDER BY created_at, id"
    );
    on_db!(db, pool => sqlx::query_as::<_, Message>(&sql).bind(conversation_id).bind(user_id).fetch_all(pool).await)
}

/// The last `limit` messages of a conversation, oldest first (what the model reads).
pub async fn last(
    db: &Db,
    user_id: &Id,
    conversation_id: &Id,
    limit: u32,
) -> Result<Vec<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM (SELECT {COLUMNS} FROM chat_messages WHERE conversation_id = $1 AND user_id = $2
                                ORDER BY created_at DESC, id DESC LIMIT $3) recent
         ORDER BY created_at, id"
    );
    on_db!(db, pool => sqlx::query_as::<_, Message>(&sql)
        .bind(conversation_id).bind(user_id).bind(i64::from(limit)).fetch_all(pool).await)
}

/// The text so far of a reply being written; `false` when it is no longer `streaming`
/// (stopped from anywhere, or finished).
pub async fn progress(db: &Db, user_id: &Id, id: &Id, content: &str) -> Result<bool, sqlx::Error> {
    let done = on_db!(db, pool => sqlx::query(
        "UPDATE chat_messages SET content = $3 WHERE id = $1 AND user_id = $2 AND status = 'streaming'")
        .bind(id).bind(user_id).bind(content).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(done == 1)
}

/// Writes the end of a reply that was stored as `streaming`: its text, status, tokens, times,
/// tool calls and error.
pub async fn finish(
    db: &Db,
    user_id: &Id,
    id: &Id,
    m: &NewMessage,
) -> Result<Message, sqlx::Error> {
    let total = match (m.prompt_tokens, m.completion_tokens) {
        (None, None) => None,
        (p, c) => Some(i64::from(p.unwrap_or(0)) + i64::from(c.unwrap_or(0))),
    };
    let to_i64 = |v: Option<u64>| v.map(|v| i64::try_from(v).unwrap_or(i64::MAX));
    on_db!(db, pool => sqlx::query(
        "UPDATE chat_messages SET content = $3, status = $4, prompt_tokens = $5, completion_tokens = $6,
             token_count = $7, tokens_estimated = $8, error_message = $9, execution_time_ms = $10,
             time_to_first_token_ms = $11, model = $12, tool_calls = $13
         WHERE id = $1 AND user_id = $2")
        .bind(id).bind(user_id).bind(&m.content).bind(m.status.as_str())
        .bind(m.prompt_tokens.map(i64::from)).bind(m.completion_tokens.map(i64::from)).bind(total)
        .bind(m.tokens_estimated).bind(&m.error_message).bind(to_i64(m.execution_time_ms))
        .bind(to_i64(m.time_to_first_token_ms)).bind(&m.model).bind(&m.tool_calls)
        .execute(pool).await.map(|_| ()))?;
    get(db, user_id, id).await?.ok_or(sqlx::Error::RowNotFound)
}

/// Marks the replies to `question_id` still being written as `stopped` (their text so far
/// stays); how many there were.
pub async fn stop_streaming(db: &Db, user_id: &Id, question_id: &Id) -> Result<u64, sqlx::Error> {
    let done = on_db!(db, pool => sqlx::query(
        "UPDATE chat_messages SET status = 'stopped' WHERE parent_id = $1 AND user_id = $2 AND status = 'streaming'")
        .bind(question_id).bind(user_id).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(done)
}

/// Why a reply left `streaming` by a server that died (kill -9, power loss) is `failed`.
pub const INTERRUPTED: &str = "The server stopped while this reply was being written; the text so far is kept. Ask again for a whole answer.";

/// Marks every reply still `streaming` that was started before `before` as `failed` with
/// [`INTERRUPTED`] (their text so far stays): replies whose writer is gone. Every user's, as
/// the server starts or sweeps; how many there were.
pub async fn fail_interrupted(db: &Db, before: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    on_db!(db, pool => sqlx::query(
        "UPDATE chat_messages SET status = 'failed', error_message = $2 WHERE status = 'streaming' AND created_at < $1")
        .bind(before).bind(INTERRUPTED).execute(pool).await.map(|r| r.rows_affected()))
}

/// The reply being written in a conversation, if any (the newest `streaming` message).
pub async fn streaming_in(
    db: &Db,
    user_id: &Id,
    conversation_id: &Id,
) -> Result<Option<Message>, sqlx::Error> {
    let sql = format!(
        "SELECT {COLUMNS} FROM chat_messages WHERE conversation_id = $1 AND user_id = $2 AND status = 'streaming'
         ORDER BY created_at DESC, id DESC LIMIT 1"
    );
    on_db!(db, pool => sqlx::query_as::<_, Message>(&sql).bind(conversation_id).bind(user_id).fetch_optional(pool).await)
}

/// The texts of the user's questions in a conversation written before `before`, oldest
/// first, at most the newest `limit` of them.
pub async fn questions_before(
    db: &Db,
    user_id: &Id,
    conversation_id: &Id,
    before: DateTime<Utc>,
    limit: u32,
) -> Result<Vec<String>, sqlx::Error> {
    let mut texts: Vec<String> = on_db!(db, pool => sqlx::query_scalar(
        "SELECT content FROM chat_messages
         WHERE conversation_id = $1 AND user_id = $2 AND role = 'user' AND created_at < $3
         ORDER BY created_at DESC, id DESC LIMIT $4")
        .bind(conversation_id).bind(user_id).bind(before).bind(i64::from(limit))
        .fetch_all(pool).await)?;
    texts.reverse();
    Ok(texts)
}

/// When the coach last answered this user (any conversation) before `before`.
pub async fn last_reply_before(
    db: &Db,
    user_id: &Id,
    before: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, sqlx::Error> {
    let at: Option<(DateTime<Utc>,)> = on_db!(db, pool => sqlx::query_as(
        "SELECT created_at FROM chat_messages WHERE user_id = $1 AND role = 'assistant' \
         AND created_at < $2 ORDER BY created_at DESC LIMIT 1")
        .bind(user_id).bind(before).fetch_optional(pool).await)?;
    Ok(at.map(|(t,)| t))
}

#[cfg(test)]
mod calls_tests {
    use super::*;

    fn step(tool_calls: Option<&str>) -> Message {
        Message {
            id: Id::new(),
            conversation_id: Id::new(),
            role: Role::Assistant,
            content: String::new(),
            status: MessageStatus::Complete,
            prompt_tokens: None,
            completion_tokens: None,
            token_count: None,
            tokens_estimated: false,
            error_message: None,
            query_executed: None,
            execution_time_ms: None,
            time_to_first_token_ms: None,
            model: None,
            tool_calls: tool_calls.map(str::to_owned),
            tool_call_id: None,
            client_id: None,
            parent_id: None,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn stored_tool_calls_decode_and_a_bad_row_is_an_error_not_an_empty_list() {
        assert!(step(None).calls().unwrap().is_empty());
        let calls = step(Some(
            r#"[{"id":"c1","name":"create_chart","arguments":"{}"}]"#,
        ))
        .calls()
        .unwrap();
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].name, "create_chart");
        assert!(step(Some("create_chart")).calls().is_err());
        assert!(step(Some(r#"[{"name":"get_stats"}]"#)).calls().is_err());
    }
}
