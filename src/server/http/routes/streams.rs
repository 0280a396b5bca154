//! The coach's replies as they are written, over Server-Sent Events, and stopping one.
//!
//! - `POST /conversations/{id}/messages` and `POST /chat` with `Accept: text/event-stream`
//!   answer with [`events`]: the reply task's events (`message`, `delta`, `tool_call`,
//!   `tool_result`, `done`, `error`; see `services::chat::events`) as they happen. Closing
//!   the connection does not stop the reply: it is finished and stored all the same.
//! - `GET /conversations/{id}/stream` ([`join`]) follows the reply being written in a
//!   conversation from its stored progress, so it works from any instance; it ends at once
//!   when nothing is being written.
//! - `POST /messages/{id}/stop` ([`stop`]) keeps the text so far as `stopped`.

use std::collections::HashMap;
use std::convert::Infallible;
use std::time::Duration;

use axum::Json;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::Stream;

use crate::domain::chat::conversation::{MessageStatus, Role};
use crate::server::auth::Caller;
use crate::server::db::messages::{self, Message};
use crate::server::db::{Db, Id, conversations};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiQuery;
use crate::server::http::routes::ItemId;
use crate::server::services::chat::events::ChatEvent;
use crate::server::services::chat::send::{Coach, Exchange, Started, Stopped};

/// How often [`join`] reads a reply's stored progress.
const POLL_EVERY: Duration = Duration::from_millis(150);
/// [`join`] gives up on a reply that has been written for this long.
const JOIN_AT_MOST: Duration = Duration::from_secs(15 * 60);

/// The client asked for events (`Accept: text/event-stream`).
pub fn wants_events(headers: &HeaderMap) -> bool {
    headers
        .get_all(ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|v| v.contains("text/event-stream"))
}

/// A sent message's events: the question, then the reply's as it is written (or, for a
/// repeated `client_id`, the stored exchange at once).
pub fn events(started: Started) -> Response {
    let (first, receiver) = match started {
        Started::Repeated(exchange) => (replayed(&exchange), None),
        Started::Live(live) => (
            vec![ChatEvent::Message(live.user_message.clone())],
            Some(live.events),
        ),
    };
    let stream = futures_util::stream::unfold(
        (first.into_iter(), receiver, false),
        |(mut first, mut receiver, over)| async move {
            if over {
                return None;
            }
            let event = match first.next() {
                Some(event) => event,
                None => receiver.as_mut()?.recv().await?,
            };
            let over = event.is_last();
            Some((Ok(sse(&event)), (first, receiver, over)))
        },
    );
    sse_response(stream)
}

/// A stored exchange told as events.
fn replayed(exchange: &Exchange) -> Vec<ChatEvent> {
    let mut events = vec![ChatEvent::Message(exchange.user_message.clone())];
    let last = exchange.reply.len().checked_sub(1);
    for (i, m) in exchange.reply.iter().enumerate() {
        events.push(match (Some(i) == last, m.role, m.status) {
            (true, _, MessageStatus::Failed) => ChatEvent::Error(m.clone()),
            (true, _, _) => ChatEvent::Done(m.clone()),
            (false, Role::Tool, _) => ChatEvent::ToolResult(m.clone()),
            (false, _, _) => ChatEvent::Message(m.clone()),
        });
    }
    events
}

fn sse(event: &ChatEvent) -> Event {
    Event::default()
        .event(event.name())
        .data(event.data().to_string())
}

fn sse_response(
    stream: impl Stream<Item = Result<Event, Infallible>> + Send + 'static,
) -> Response {
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::default())
        .into_response();
    // Proxies such as nginx buffer responses unless told not to.
    response.headers_mut().insert(
        "x-accel-buffering",
        axum::http::HeaderValue::from_static("no"),
    );
    response
}

/// Stops the reply being written to a message's exchange (give the question or any step of
/// its reply); its text so far is kept with status `stopped`, and the exchange is answered.
/// 409 when nothing of it is being written.
#[utoipa::path(post, path = "/api/v1/messages/{id}/stop", tag = "conversations",
    params(("id" = String, Path)), responses(
    (status = 200, body = Exchange), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody)))]
pub async fn stop(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
) -> Result<Json<Exchange>, ApiError> {
    match Coach::of(&state).stop(&p.user, &id).await? {
        None => Err(ApiError::not_found()),
        Some(Stopped::NotStreaming) => Err(ApiError::conflict(
            "not_streaming",
            "That reply is not being written any more; there is nothing to stop.",
        )),
        Some(Stopped::Now(exchange)) => Ok(Json(*exchange)),
    }
}

/// Follows the reply being written in a conversation, as SSE events read from its stored
/// progress (from any instance): `message` for each step, `delta` for new text,
/// `tool_result`, then `done` or `error`. Ends at once, with no event, when nothing is being
/// written.
#[utoipa::path(get, path = "/api/v1/conversations/{id}/stream", tag = "conversations",
    params(("id" = String, Path), JoinQuery), responses(
    (status = 200, description = "text/event-stream"), (status = 404, body = ErrorBody)))]
pub async fn join(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    ApiQuery(q): ApiQuery<JoinQuery>,
) -> Result<Response, ApiError> {
    conversations::get(&state.db, &p.user.id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let question = match q.question.as_deref() {
        Some(raw) => {
            let question = Id::parse(raw).ok_or_else(ApiError::not_found)?;
            match messages::get(&state.db, &p.user.id, &question).await? {
                Some(m) if m.conversation_id == id && m.role == Role::User => Some(question),
                _ => return Err(ApiError::not_found()),
            }
        }
        None => messages::streaming_in(&state.db, &p.user.id, &id)
            .await?
            .and_then(|m| m.parent_id),
    };
    let follow = question.map(|question| Follow {
        db: state.db.clone(),
        user_id: p.user.id.clone(),
        question,
        sent: HashMap::new(),
        pending: Vec::new().into_iter(),
        started: tokio::time::Instant::now(),
        reads: 0,
        over: false,
    });
    let stream = futures_util::stream::unfold(follow, |follow| async move {
        let mut follow = follow?;
        let event = follow.next().await?;
        Some((Ok(sse(&event)), Some(follow)))
    });
    Ok(sse_response(stream))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct JoinQuery {
    /// Follow the reply to this question (a user message of the conversation), even before
    /// its first step is stored; without it, the reply being written now, if any.
    pub question: Option<String>,
}

/// A reply followed through the database.
struct Follow {
    db: Db,
    user_id: Id,
    question: Id,
    /// How much of each step's text has been sent.
    sent: HashMap<Id, usize>,
    pending: std::vec::IntoIter<ChatEvent>,
    started: tokio::time::Instant,
    reads: u32,
    over: bool,
}

impl Follow {
    async fn next(&mut self) -> Option<ChatEvent> {
        loop {
            if let Some(event) = self.pending.next() {
                return Some(event);
            }
            if self.over || self.started.elapsed() > JOIN_AT_MOST {
                return None;
            }
            if self.reads > 0 {
                tokio::time::sleep(POLL_EVERY).await;
            }
            self.reads += 1;
            let steps = messages::replies_to(&self.db, &self.user_id, &self.question)
                .await
                .ok()?;
            self.pending = self.read(steps).into_iter();
        }
    }

    /// The events that the stored steps add to what was sent.
    fn read(&mut self, steps: Vec<Message>) -> Vec<ChatEvent> {
        let mut events = Vec::new();
        // Over when the last step is the coach's, finished, and not a call for tools (whose
        // results and next step are on their way).
        let over = steps.last().is_some_and(|m| {
            m.role == Role::Assistant
                && m.status != MessageStatus::Streaming
                && (m.tool_calls.is_none() || m.status != MessageStatus::Complete)
        }) && steps.iter().all(|m| m.status != MessageStatus::Streaming);
        let last = steps.len().checked_sub(1);
        for (i, step) in steps.into_iter().enumerate() {
            let new = !self.sent.contains_key(&step.id);
            let sent = self.sent.entry(step.id.clone()).or_insert(0);
            if new {
                match step.role {
                    Role::Tool => {
                        events.push(ChatEvent::ToolResult(step));
                        continue;
                    }
                    _ => events.push(ChatEvent::Message(Message {
                        content: String::new(),
                        ..step.clone()
                    })),
                }
            }
            if step.content.len() > *sent && step.content.is_char_boundary(*sent) {
                events.push(ChatEvent::Delta {
                    message_id: step.id.clone(),
                    text: step.content[*sent..].to_owned(),
                });
                *sent = step.content.len();
            }
            if over && Some(i) == last {
                self.over = true;
                events.push(if step.status == MessageStatus::Failed {
                    ChatEvent::Error(step)
                } else {
                    ChatEvent::Done(step)
                });
            }
        }
        events
    }
}
