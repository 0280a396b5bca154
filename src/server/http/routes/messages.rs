//! The coach chat over REST: a conversation's messages (paged, newest page first, oldest
//! first within a page), sending one (`POST /conversations/{id}/messages`), `POST /chat`,
//! which starts the conversation when none is given, and a reply's regeneration and feedback
//! (`/messages/{id}/…`). Adapters over
//! `server::services::chat::send`; another user's conversation is 404.

use axum::Json;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::domain::account::FieldError;
use crate::domain::chat::conversation::Role;
use crate::domain::chat::feedback::{FeedbackInput, validate_feedback};
use crate::domain::chat::transcript::{Line, to_markdown};
use crate::domain::pagination::{PageRequest, Paginated};
use crate::server::auth::Caller;
use crate::server::db::feedback::{self, Feedback};
use crate::server::db::messages::{self, Message};
use crate::server::db::{Id, conversations, thread};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, ApiQuery, PageQuery};
use crate::server::http::routes::ItemId;
use crate::server::http::routes::streams::{events, wants_events};
use crate::server::services::chat::send::{
    ChatError, Coach, Exchange, Started, start_conversation,
};
use crate::server::state::AppState;

impl From<ChatError> for ApiError {
    fn from(err: ChatError) -> Self {
        match err {
            ChatError::Invalid(e) => ApiError::field(e),
            ChatError::TooFast {
                limit,
                retry_after_s,
            } => {
                let mut e = ApiError::rate_limited(retry_after_s);
                e.message = format!(
                    "You are sending the coach more than {limit} messages a minute. Wait a minute and send it again."
                );
                e
            }
            ChatError::OverBudget {
                budget,
                retry_after_s,
            } => {
                let mut e = ApiError::rate_limited(retry_after_s);
                e.code = "token_budget";
                e.message = format!(
                    "Today's coaching budget of {budget} tokens is used up; it renews at midnight UTC."
                );
                e
            }
            ChatError::Db(e) => e.into(),
        }
    }
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MessageInput {
    /// What the user says (1 to 10,000 characters).
    pub content: String,
    /// Any string the client picks per message: sending it again returns the first exchange
    /// instead of a second copy (safe retries).
    pub client_id: Option<String>,
}

#[derive(Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChatInput {
    pub content: String,
    /// Continue this conversation; a new one is started when absent.
    pub conversation_id: Option<String>,
    pub client_id: Option<String>,
}

/// A conversation's messages, 20 per page: page 1 holds the newest, each page oldest first.
#[utoipa::path(get, path = "/api/v1/conversations/{id}/messages", tag = "conversations",
    params(("id" = String, Path), PageRequest), responses(
    (status = 200, body = Paginated<Message>), (status = 404, body = ErrorBody)))]
pub async fn list(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    PageQuery(page): PageQuery,
) -> Result<Json<Paginated<Message>>, ApiError> {
    let thread = thread::read(&state.db, &p.user.id, &id, page, thread::Parts::Messages)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let total = u64::try_from(thread.total).unwrap_or(0);
    Ok(Json(Paginated::new(thread.messages, page, total)))
}

/// Sends a message and answers with it and the coach's reply (tool calls and their results
/// included). The user's message is stored before the coach is asked; a failed reply is
/// stored with its `error_message`. 201 for a new exchange, 200 for a repeated `client_id`.
/// With `Accept: text/event-stream` the answer is the reply's events as it is written
/// (`message`, `delta`, `tool_call`, `tool_result`, `chart`, then `done` or `error`); with
/// `Prefer: respond-async`, 202 with the question as soon as it is stored (follow the reply
/// with `GET /conversations/{id}/stream?question=…`). Either way the reply is finished and
/// stored even if the connection closes.
#[utoipa::path(post, path = "/api/v1/conversations/{id}/messages", tag = "conversations",
    params(("id" = String, Path),
        ("Prefer" = Option<String>, Header, description = "`respond-async`: answer 202 with the question as soon as it is stored")),
    request_body = MessageInput, responses(
    (status = 201, body = Exchange), (status = 200, body = Exchange), (status = 202, body = Exchange),
    (status = 404, body = ErrorBody), (status = 422, body = ErrorBody),
    (status = 429, description = "Sending too fast, or today's token budget is spent (Retry-After)", body = ErrorBody)))]
pub async fn create(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    headers: HeaderMap,
    ApiJson(input): ApiJson<MessageInput>,
) -> Result<Response, ApiError> {
    exchange(
        &state,
        &p.user,
        &id,
        input.content,
        input.client_id,
        answer_with(&headers),
    )
    .await
}

/// How a send is answered: the whole exchange once stored (JSON), the events as they happen
/// (`Accept: text/event-stream`), or the question alone as soon as it is stored
/// (`Prefer: respond-async`, 202: the reply is followed with `GET /conversations/{id}/stream`).
#[derive(Clone, Copy, PartialEq)]
enum AnswerWith {
    Exchange,
    Events,
    Question,
}

fn answer_with(headers: &HeaderMap) -> AnswerWith {
    if wants_events(headers) {
        AnswerWith::Events
    } else if respond_async(headers) {
        AnswerWith::Question
    } else {
        AnswerWith::Exchange
    }
}

/// `Prefer: respond-async` (RFC 7240).
fn respond_async(headers: &HeaderMap) -> bool {
    headers
        .get_all("prefer")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| {
            v.split(',')
                .any(|p| p.trim().eq_ignore_ascii_case("respond-async"))
        })
}

/// The question alone, answered before the reply (202).
fn accepted(user_message: crate::server::db::messages::Message) -> Response {
    let exchange = Exchange {
        user_message,
        reply: Vec::new(),
        repeated: false,
    };
    (StatusCode::ACCEPTED, Json(exchange)).into_response()
}

/// One call to talk to the coach: continues `conversation_id`, or starts a conversation.
#[utoipa::path(post, path = "/api/v1/chat", tag = "conversations", request_body = ChatInput, responses(
    (status = 201, body = Exchange), (status = 200, body = Exchange), (status = 404, body = ErrorBody),
    (status = 422, body = ErrorBody),
    (status = 429, description = "Sending too fast, or today's token budget is spent (Retry-After)", body = ErrorBody)))]
pub async fn chat(
    Caller(state, p): Caller,
    headers: HeaderMap,
    ApiJson(input): ApiJson<ChatInput>,
) -> Result<Response, ApiError> {
    let id = match input.conversation_id.as_deref() {
        Some(raw) => Id::parse(raw).ok_or_else(ApiError::not_found)?,
        None => start_conversation(&state.db, &p.user, &input.content).await?,
    };
    exchange(
        &state,
        &p.user,
        &id,
        input.content,
        input.client_id,
        answer_with(&headers),
    )
    .await
}

/// Sends the message; answers as asked ([`AnswerWith`]).
async fn exchange(
    state: &AppState,
    user: &crate::server::db::users::User,
    id: &Id,
    content: String,
    client_id: Option<String>,
    with: AnswerWith,
) -> Result<Response, ApiError> {
    let started = Coach::of(state)
        .start(user, id, &content, client_id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let exchange = match (with, started) {
        (AnswerWith::Events, started) => return events(state, user, started).await,
        (AnswerWith::Question, Started::Live(live)) => return Ok(accepted(live.user_message)),
        (_, Started::Repeated(exchange)) => exchange,
        (AnswerWith::Exchange, Started::Live(live)) => live.finish().await?,
    };
    let status = if exchange.repeated {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    Ok((status, Json(exchange)).into_response())
}

/// Answers the question again (give the question or any message of its reply). The new
/// reply points at the same question; the earlier one stays in the thread. With
/// `Prefer: respond-async`, 202 with the question as soon as the new reply has started.
#[utoipa::path(post, path = "/api/v1/messages/{id}/regenerate", tag = "conversations",
    params(("id" = String, Path),
        ("Prefer" = Option<String>, Header, description = "`respond-async`: answer 202 with the question at once; follow the reply with GET /conversations/{id}/stream")),
    responses(
    (status = 201, body = Exchange), (status = 202, body = Exchange), (status = 404, body = ErrorBody),
    (status = 429, description = "Sending too fast, or today's token budget is spent (Retry-After)", body = ErrorBody)))]
pub async fn regenerate(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let live = Coach::of(&state)
        .start_regenerate(&p.user, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if respond_async(&headers) {
        return Ok(accepted(live.user_message));
    }
    Ok((StatusCode::CREATED, Json(live.finish().await?)).into_response())
}

/// Rates one of the coach's replies (1–5), thumbs up or down, and/or a comment; sending it
/// again replaces it.
#[utoipa::path(post, path = "/api/v1/messages/{id}/feedback", tag = "conversations",
    params(("id" = String, Path)), request_body = FeedbackInput, responses(
    (status = 200, body = Feedback), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn feedback(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    ApiJson(input): ApiJson<FeedbackInput>,
) -> Result<Json<Feedback>, ApiError> {
    let message = messages::get(&state.db, &p.user.id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    if message.role != Role::Assistant {
        return Err(ApiError::field(FieldError::new(
            "message",
            "not_a_reply",
            "Only the coach's replies take feedback.",
        )));
    }
    let valid = validate_feedback(&input).map_err(ApiError::validation)?;
    Ok(Json(
        feedback::upsert(&state.db, &p.user.id, &id, &valid).await?,
    ))
}

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ExportQuery {
    /// `md` (a readable transcript) or `json` (everything stored; the default).
    pub format: Option<String>,
}

/// The whole conversation as a download: a Markdown transcript of what was said, or JSON with
/// every stored message (tool calls, results, tokens).
#[utoipa::path(get, path = "/api/v1/conversations/{id}/export", tag = "conversations",
    params(("id" = String, Path), ExportQuery), responses(
    (status = 200, description = "text/markdown or application/json"), (status = 404, body = ErrorBody),
    (status = 422, body = ErrorBody)))]
pub async fn export(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    ApiQuery(q): ApiQuery<ExportQuery>,
) -> Result<Response, ApiError> {
    let markdown = match q.format.as_deref() {
        None | Some("json") => false,
        Some("md") => true,
        Some(_) => {
            return Err(ApiError::field(FieldError::new(
                "format",
                "invalid",
                "The format is md or json.",
            )));
        }
    };
    let conversation = conversations::get(&state.db, &p.user.id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let all = messages::all(&state.db, &p.user.id, &id).await?;
    let (content_type, extension, body) = if markdown {
        let lines = all.iter().map(|m| Line {
            role: m.role,
            content: &m.content,
            at: m.created_at,
            error: m.error_message.as_deref(),
        });
        (
            "text/markdown; charset=utf-8",
            "md",
            to_markdown(conversation.title.as_deref(), lines),
        )
    } else {
        let doc = serde_json::json!({ "conversation": conversation, "messages": all });
        ("application/json", "json", doc.to_string())
    };
    let disposition = format!("attachment; filename=\"spotter-conversation-{id}.{extension}\"");
    Ok((
        [
            (CONTENT_TYPE, content_type.to_owned()),
            (CONTENT_DISPOSITION, disposition),
        ],
        body,
    )
        .into_response())
}
