//! The agent loop behind `POST /conversations/{id}/messages`, `POST /chat` and the chat page.

use std::time::Instant;

use serde::Serialize;

use super::prompt::system_prompt;
use super::tools;
use crate::domain::account::FieldError;
use crate::domain::chat::conversation::{
    MessageStatus, Role, summarize_earlier, title_from, validate_message,
};
use crate::server::db::messages::{self, Inserted, Message, NewMessage};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, conversations, facts};
use crate::server::llm::{
    CoachContext, LlmError, LlmMessage, LlmProvider, LlmReply, LlmRequest, ToolCall,
};

/// Messages the model reads verbatim.
pub const CONTEXT_MESSAGES: u32 = 50;
/// Rounds of tool calls one reply may make before it is cut off.
pub const MAX_TOOL_ROUNDS: usize = 4;

/// One exchange: the user's message and everything stored in answer, oldest first (the
/// coach's tool calls, their results, and its final text).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Exchange {
    pub user_message: Message,
    pub reply: Vec<Message>,
    /// The exchange had already happened (same `client_id`): nothing new was stored.
    pub repeated: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error("invalid message")]
    Invalid(FieldError),
    /// More than the per-minute limit of messages; try again after `retry_after_s`.
    #[error("more than {limit} messages a minute")]
    TooFast { limit: u32, retry_after_s: u64 },
    /// Today's token budget is spent; it renews at midnight UTC, `retry_after_s` from now.
    #[error("today's budget of {budget} tokens is used up")]
    OverBudget { budget: u64, retry_after_s: u64 },
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// Sends `content` to the coach in one of the user's conversations. `None` when the
/// conversation is not theirs.
pub async fn send(
    db: &Db,
    llm: &dyn LlmProvider,
    limits: Limits,
    user: &User,
    conversation_id: &Id,
    content: &str,
    client_id: Option<String>,
) -> Result<Option<Exchange>, ChatError> {
    let Some(conversation) = conversations::get(db, &user.id, conversation_id).await? else {
        return Ok(None);
    };
    let content = validate_message(content).map_err(ChatError::Invalid)?;
    let client_id = client_id
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty());
    // A retry of a message already sent costs nothing and is never refused.
    if let Some(id) = &client_id
        && let Some(first) = messages::by_client_id(db, &user.id, conversation_id, id).await?
    {
        return repeated(db, user, first).await.map(Some);
    }
    limits.check(db, user).await?;
    let new = NewMessage {
        role: Role::User,
        content,
        client_id,
        ..NewMessage::default()
    };
    let user_message =
        match messages::insert_user_message(db, &user.id, conversation_id, &new).await? {
            Inserted::Repeat(first) => return repeated(db, user, first).await.map(Some),
            Inserted::New(message) => message,
        };
    let reply = answer(db, llm, user, &user_message).await?;
    if conversation.title.is_none()
        && let Some(title) = title_from(&user_message.content)
    {
        conversations::rename(db, &user.id, conversation_id, Some(&title)).await?;
    }
    Ok(Some(Exchange {
        user_message,
        reply,
        repeated: false,
    }))
}

/// The first exchange of a message sent again (same `client_id`): nothing new is stored.
async fn repeated(db: &Db, user: &User, first: Message) -> Result<Exchange, ChatError> {
    let reply = messages::replies_to(db, &user.id, &first.id).await?;
    Ok(Exchange {
        user_message: first,
        reply,
        repeated: true,
    })
}

/// Starts a conversation for a first message, refusing a bad message before anything is
/// created (`POST /chat` and the home page's form); then [`send`] it there.
pub async fn start_conversation(db: &Db, user: &User, content: &str) -> Result<Id, ChatError> {
    validate_message(content).map_err(ChatError::Invalid)?;
    Ok(conversations::create(db, &user.id, None).await?.id)
}

/// Answers a question again: `message_id` is the question or any step of a reply to it. The
/// new steps point at the same question (`parent_id`); the earlier reply stays. `None` when
/// the message is not the user's, or is not part of an exchange.
pub async fn regenerate(
    db: &Db,
    llm: &dyn LlmProvider,
    user: &User,
    message_id: &Id,
) -> Result<Option<Exchange>, ChatError> {
    let Some(message) = messages::get(db, &user.id, message_id).await? else {
        return Ok(None);
    };
    let question = match (message.role, &message.parent_id) {
        (Role::User, _) => message,
        (_, Some(parent)) => match messages::get(db, &user.id, parent).await? {
            Some(q) if q.role == Role::User => q,
            _ => return Ok(None),
        },
        _ => return Ok(None),
    };
    if conversations::get(db, &user.id, &question.conversation_id)
        .await?
        .is_none()
    {
        return Ok(None);
    }
    let reply = answer(db, llm, user, &question).await?;
    Ok(Some(Exchange {
        user_message: question,
        reply,
        repeated: false,
    }))
}

/// The per-user limits of the coach, read from the stored messages so they hold across
/// instances.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub per_minute: u32,
    pub daily_tokens: u64,
}

impl Limits {
    pub fn of(config: &crate::server::config::Config) -> Limits {
        Limits {
            per_minute: config.chat_limit_per_minute,
            daily_tokens: config.daily_token_budget,
        }
    }

    pub async fn check(self, db: &Db, user: &User) -> Result<(), ChatError> {
        let now = crate::server::db::now();
        let sent = messages::sent_since(db, &user.id, now - chrono::Duration::minutes(1)).await?;
        if sent >= i64::from(self.per_minute) {
            return Err(ChatError::TooFast {
                limit: self.per_minute,
                retry_after_s: 60,
            });
        }
        let midnight = now.date_naive().and_time(chrono::NaiveTime::MIN).and_utc();
        let used = messages::tokens_since(db, &user.id, midnight).await?;
        if u64::try_from(used).unwrap_or(0) >= self.daily_tokens {
            let next = midnight + chrono::Duration::days(1);
            return Err(ChatError::OverBudget {
                budget: self.daily_tokens,
                retry_after_s: u64::try_from((next - now).num_seconds())
                    .unwrap_or(0)
                    .max(1),
            });
        }
        Ok(())
    }
}

/// Asks the provider until it answers in words, storing each step under `question`.
async fn answer(
    db: &Db,
    llm: &dyn LlmProvider,
    user: &User,
    question: &Message,
) -> Result<Vec<Message>, sqlx::Error> {
    let today = tools::today(user);
    let mut history =
        messages::last(db, &user.id, &question.conversation_id, CONTEXT_MESSAGES).await?;
    // The conversation up to the question: an answer given to it before (regenerate) or
    // anything said after it is not part of what is being answered.
    history.retain(|m| {
        m.created_at <= question.created_at && m.parent_id.as_ref() != Some(&question.id)
    });
    let mut system = system_prompt(user, today, &facts::list(db, &user.id).await?);
    if let Some(summary) = earlier_summary(db, user, question, history.len()).await? {
        system.push('\n');
        system.push_str(&summary);
    }
    let mut request = LlmRequest {
        system,
        messages: history.iter().map(llm_message).collect(),
        tools: tools::specs(),
        context: CoachContext {
            language: user.language,
            units: user.units,
            today,
        },
    };
    let store = |m: NewMessage| async move {
        messages::insert(db, &user.id, &question.conversation_id, &m).await
    };
    let reply_to = |m: NewMessage| NewMessage {
        parent_id: Some(question.id.clone()),
        model: m
            .model
            .or_else(|| Some(llm.model().to_owned()).filter(|m| !m.is_empty())),
        ..m
    };
    let mut stored = Vec::new();
    for _ in 0..MAX_TOOL_ROUNDS {
        let started = Instant::now();
        let asked = ask(llm, &request).await;
        let elapsed = millis(started.elapsed());
        let ttft = asked.first_text.map(millis);
        let reply = match asked.result {
            Ok(reply) => reply,
            Err(e) => {
                stored.push(
                    store(reply_to(NewMessage {
                        role: Role::Assistant,
                        content: asked.text,
                        status: MessageStatus::Failed,
                        error_message: Some(e.to_string()),
                        execution_time_ms: Some(elapsed),
                        time_to_first_token_ms: ttft,
                        ..NewMessage::default()
                    }))
                    .await?,
                );
                return Ok(stored);
            }
        };
        let (prompt_tokens, completion_tokens, estimated) = match reply.usage {
            Some(u) => (u.prompt_tokens, u.completion_tokens, false),
            None => (
                estimate_tokens(&request),
                estimate(&reply.content)
                    + reply
                        .tool_calls
                        .iter()
                        .map(|c| estimate(&c.arguments))
                        .sum::<u32>(),
                true,
            ),
        };
        let calls = reply.tool_calls.clone();
        let assistant = store(reply_to(NewMessage {
            role: Role::Assistant,
            content: reply.content.clone(),
            status: MessageStatus::Complete,
            prompt_tokens: Some(prompt_tokens),
            completion_tokens: Some(completion_tokens),
            tokens_estimated: estimated,
            execution_time_ms: Some(elapsed),
            time_to_first_token_ms: ttft.or(Some(elapsed)),
            tool_calls: (!calls.is_empty())
                .then(|| serde_json::to_string(&calls).unwrap_or_default()),
            model: Some(reply.model.clone()),
            ..NewMessage::default()
        }))
        .await?;
        request.messages.push(llm_message(&assistant));
        stored.push(assistant);
        if calls.is_empty() {
            return Ok(stored);
        }
        for call in &calls {
            let started = Instant::now();
            let result = tools::run(db, user, call).await?;
            let tool = store(reply_to(NewMessage {
                role: Role::Tool,
                content: result.to_string(),
                status: MessageStatus::Complete,
                tool_call_id: Some(call.id.clone()),
                execution_time_ms: Some(
                    u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
                ),
                model: None,
                ..NewMessage::default()
            }))
            .await?;
            request.messages.push(llm_message(&tool));
            stored.push(tool);
        }
    }
    stored.push(
        store(reply_to(NewMessage {
            role: Role::Assistant,
            status: MessageStatus::Failed,
            error_message: Some(format!(
                "The coach called tools {MAX_TOOL_ROUNDS} times without answering; ask again, perhaps more simply."
            )),
            ..NewMessage::default()
        }))
        .await?,
    );
    Ok(stored)
}

/// What one request to the provider gave: its result, the text that streamed in (kept when
/// the reply fails half-way) and when the first piece of it came.
struct Asked {
    result: Result<LlmReply, LlmError>,
    text: String,
    first_text: Option<std::time::Duration>,
}

/// Asks the provider once, gathering its text as it streams.
async fn ask(llm: &dyn LlmProvider, request: &LlmRequest) -> Asked {
    let started = Instant::now();
    let (sink, mut pieces) = tokio::sync::mpsc::unbounded_channel();
    let reply = llm.complete(request, sink);
    tokio::pin!(reply);
    let mut text = String::new();
    let mut first_text = None;
    let mut open = true;
    let result = loop {
        tokio::select! {
            result = &mut reply => break result,
            piece = pieces.recv(), if open => match piece {
                Some(piece) => {
                    first_text.get_or_insert_with(|| started.elapsed());
                    text.push_str(&piece);
                }
                None => open = false,
            },
        }
    };
    while let Ok(piece) = pieces.try_recv() {
        first_text.get_or_insert_with(|| started.elapsed());
        text.push_str(&piece);
    }
    Asked {
        result,
        text,
        first_text,
    }
}

fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// When the conversation holds more than the model reads verbatim, what came before, summed
/// up (and kept in `conversations.context_summary`).
async fn earlier_summary(
    db: &Db,
    user: &User,
    question: &Message,
    verbatim: usize,
) -> Result<Option<String>, sqlx::Error> {
    if verbatim < CONTEXT_MESSAGES as usize {
        return Ok(None);
    }
    let all = messages::all(db, &user.id, &question.conversation_id).await?;
    let upto: Vec<&Message> = all
        .iter()
        .filter(|m| {
            m.created_at <= question.created_at && m.parent_id.as_ref() != Some(&question.id)
        })
        .collect();
    let older = upto.len().saturating_sub(CONTEXT_MESSAGES as usize);
    let summary = summarize_earlier(upto[..older].iter().map(|m| (m.role, m.content.as_str())));
    conversations::set_summary(db, &user.id, &question.conversation_id, summary.as_deref()).await?;
    Ok(summary)
}

/// A stored message as the provider reads it.
fn llm_message(m: &Message) -> LlmMessage {
    LlmMessage {
        role: m.role,
        content: m.content.clone(),
        tool_calls: m
            .tool_calls
            .as_deref()
            .and_then(|t| serde_json::from_str::<Vec<ToolCall>>(t).ok())
            .unwrap_or_default(),
        tool_call_id: m.tool_call_id.clone(),
    }
}

/// About four characters a token (the usual rule of thumb for English; Hebrew runs higher).
fn estimate(text: &str) -> u32 {
    u32::try_from(text.chars().count().div_ceil(4)).unwrap_or(u32::MAX)
}

fn estimate_tokens(request: &LlmRequest) -> u32 {
    estimate(&request.system)
        + request
            .messages
            .iter()
            .map(|m| estimate(&m.content) + 4)
            .sum::<u32>()
}
