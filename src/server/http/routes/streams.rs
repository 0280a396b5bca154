//! The coach's replies as they are written, over Server-Sent Events, and stopping one.
//!
//! - `POST /conversations/{id}/messages` and `POST /chat` with `Accept: text/event-stream`
//!   answer with [`events`]: the reply's events (`message`, `delta`, `tool_call`,
//!   `tool_result`, `chart`, `done`, `error`; see `services::chat::events`) as they happen,
//!   read from its hub, each with its position as `id`. Closing
//!   the connection does not stop the reply: it is finished and stored all the same.
//! - `GET /conversations/{id}/stream` ([`join`]) follows the reply being written in a
//!   conversation: from its hub when this process writes it (resuming after `Last-Event-ID`),
//!   else from its stored progress and, on PostgreSQL, the writing instance's notes
//!   (`services::chat::relay`), so it works from any instance; it ends at once when nothing
//!   is being written.
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
use tokio::sync::broadcast;

use crate::app::components::thread_item::items_html;
use crate::domain::account::Language;
use crate::domain::chat::conversation::{MessageStatus, Role};
use crate::domain::chat::reply_state;
use crate::domain::views::chat::ThreadItem;
use crate::server::auth::Caller;
use crate::server::db::messages::{self, Message};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, conversations};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiQuery;
use crate::server::http::routes::ItemId;
use crate::server::services::chat::events::{ChatEvent, Ending};
use crate::server::services::chat::hub::Reader;
use crate::server::services::chat::pages;
use crate::server::services::chat::relay::Note;
use crate::server::services::chat::send::{Coach, Exchange, Started, Stopped};
use crate::server::state::AppState;

/// How often [`join`] reads a reply's stored progress.
const POLL_EVERY: Duration = Duration::from_millis(150);
/// How often it does when the writing instance's notes tell it what changes (PostgreSQL).
const POLL_WITH_NOTES: Duration = Duration::from_secs(1);
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
pub async fn events(state: &AppState, user: &User, started: Started) -> Result<Response, ApiError> {
    Ok(match started {
        Started::Repeated(exchange) => {
            let items = pages::reply_items(&state.db, user, &exchange.reply).await?;
            let events = replayed(&exchange, items);
            let language = user.language;
            let numbered = events
                .into_iter()
                .enumerate()
                .map(move |(i, e)| Ok(sse(Some(i as u64 + 1), &e, language)));
            sse_response(futures_util::stream::iter(numbered))
        }
        Started::Live(live) => sse_response(from_hub(live.hub.reader(0), user.language)),
    })
}

/// A reply's events read from its hub in this process, each with its position as `id`.
fn from_hub(
    reader: Reader,
    language: Language,
) -> impl Stream<Item = Result<Event, Infallible>> + Send + 'static {
    futures_util::stream::unfold(reader, move |mut reader| async move {
        let (at, event) = reader.next().await?;
        Some((Ok(sse(Some(at), &event, language)), reader))
    })
}

/// A stored exchange told as events.
fn replayed(exchange: &Exchange, items: Vec<ThreadItem>) -> Vec<ChatEvent> {
    let mut events = vec![ChatEvent::Message(exchange.user_message.clone())];
    let last = exchange.reply.len().checked_sub(1);
    let mut items = Some(items);
    for (i, m) in exchange.reply.iter().enumerate() {
        events.push(match (Some(i) == last, m.role) {
            (true, _) => ending(m.clone(), items.take().unwrap_or_default()),
            (false, Role::Tool) => ChatEvent::ToolResult(m.clone()),
            (false, _) => ChatEvent::Message(m.clone()),
        });
    }
    events
}

/// The last event of a reply that ended with `step`.
fn ending(step: Message, items: Vec<ThreadItem>) -> ChatEvent {
    let failed = step.status == MessageStatus::Failed;
    let ending = Box::new(Ending { step, items });
    if failed {
        ChatEvent::Error(ending)
    } else {
        ChatEvent::Done(ending)
    }
}

/// An event as SSE; the end of a reply also carries `html`, the whole reply as the thread
/// shows it in the reader's language (what a page that followed it live puts in its place).
fn sse(id: Option<u64>, event: &ChatEvent, language: Language) -> Event {
    let mut data = event.data();
    if let ChatEvent::Done(end) | ChatEvent::Error(end) = event {
        let conversation = end.step.conversation_id.to_string();
        data["html"] = items_html(end.items.clone(), &conversation, language).into();
    }
    let e = Event::default().event(event.name()).data(data.to_string());
    match id {
        Some(id) => e.id(id.to_string()),
        None => e,
    }
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

/// Follows the reply being written in a conversation, as SSE events: from its hub when it is
/// written by this process (every event from the start, or after `Last-Event-ID`, then the
/// live ones), else from its stored progress (written by another instance, or ended a while
/// ago): `message` for each step, `delta` for new text, `tool_result`, then `done` or
/// `error`. Ends at once, with no event, when nothing is being written.
#[utoipa::path(get, path = "/api/v1/conversations/{id}/stream", tag = "conversations",
    params(("id" = String, Path), JoinQuery,
        ("Last-Event-ID" = Option<String>, Header, description = "The `id` of the last event received: the stream goes on after it")),
    responses(
    (status = 200, description = "text/event-stream"), (status = 404, body = ErrorBody)))]
pub async fn join(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
    headers: HeaderMap,
    ApiQuery(q): ApiQuery<JoinQuery>,
) -> Result<Response, ApiError> {
    conversations::get(&state.db, &p.user.id, &id)
        .await?
        .ok_or_else(ApiError::not_found)?;
    let after = headers
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(0);
    let question = match q.question.as_deref() {
        Some(raw) => {
            let question = Id::parse(raw).ok_or_else(ApiError::not_found)?;
            match messages::get(&state.db, &p.user.id, &question).await? {
                Some(m) if m.conversation_id == id && m.role == Role::User => Some(question),
                _ => return Err(ApiError::not_found()),
            }
        }
        None => None,
    };
    let hub = match &question {
        Some(question) => state.live.hub_of(question),
        None => state.live.hub_in(&id),
    };
    if let Some(hub) = hub {
        return Ok(sse_response(from_hub(hub.reader(after), p.user.language)));
    }
    let question = match question {
        Some(question) => Some(question),
        None => messages::streaming_in(&state.db, &p.user.id, &id)
            .await?
            .and_then(|m| m.parent_id),
    };
    let follow = question.map(|question| Follow {
        db: state.db.clone(),
        user: p.user.clone(),
        // Listening before the first read: nothing said after it is missed.
        notes: state.live.relay().map(|relay| relay.follow(&question)),
        ahead: Vec::new(),
        question,
        sent: HashMap::new(),
        pending: Vec::new().into_iter(),
        started: tokio::time::Instant::now(),
        reads: 0,
        over: false,
    });
    let language = p.user.language;
    let stream = futures_util::stream::unfold(follow, move |follow| async move {
        let mut follow = follow?;
        let event = follow.next().await?;
        Some((Ok(sse(None, &event, language)), Some(follow)))
    });
    Ok(sse_response(stream))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
pub struct JoinQuery {
    /// Follow the reply to this question (a user message of the conversation), even before
    /// its first step is stored; without it, the reply being written now, if any.
    pub question: Option<String>,
}

/// A reply followed through the database, and on PostgreSQL through the notes of the
/// instance writing it (`services::chat::relay`), which carry its text as it comes.
struct Follow {
    db: Db,
    user: User,
    notes: Option<broadcast::Receiver<Note>>,
    /// Text notes ahead of what was sent (the stored text had not caught up yet).
    ahead: Vec<(Id, usize, String)>,
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
            if self.reads > 0
                && let Some(delta) = self.wait().await
            {
                return Some(delta);
            }
            self.reads += 1;
            let steps = messages::replies_to(&self.db, &self.user.id, &self.question)
                .await
                .ok()?;
            let mut events = self.read(&steps);
            events.extend(self.catch_up());
            if self.over {
                let items = pages::reply_items(&self.db, &self.user, &steps)
                    .await
                    .ok()?;
                let last = steps.last()?.clone();
                events.push(ending(last, items));
            }
            self.pending = events.into_iter();
        }
    }

    /// Waits for news of the reply: a delta that goes on from what was sent (`Some`), or a
    /// reason to read the stored reply again (`None`: another event, a gap, or the poll).
    async fn wait(&mut self) -> Option<ChatEvent> {
        loop {
            let Some(notes) = self.notes.as_mut() else {
                tokio::time::sleep(POLL_EVERY).await;
                return None;
            };
            let note = tokio::select! {
                note = notes.recv() => note,
                () = tokio::time::sleep(POLL_WITH_NOTES) => return None,
            };
            let note = match note {
                Ok(note) => note,
                Err(broadcast::error::RecvError::Lagged(_)) => return None,
                Err(broadcast::error::RecvError::Closed) => {
                    self.notes = None;
                    return None;
                }
            };
            let (Some(step), Some(text)) = (note.m, note.t) else {
                return None;
            };
            self.ahead.push((step, note.at, text));
            match self.catch_up().pop() {
                Some(delta) => return Some(delta),
                // Ahead of what was sent (a gap: notes said before this follower listened,
                // or missed): kept until the stored text reaches it.
                None if !self.ahead.is_empty() => return None,
                None => {}
            }
        }
    }

    /// The text notes that now go on from what was sent, as one delta each step; the ones
    /// already sent are dropped, the ones still ahead kept.
    fn catch_up(&mut self) -> Vec<ChatEvent> {
        let mut events: Vec<ChatEvent> = Vec::new();
        loop {
            let mut moved = false;
            let sent = &mut self.sent;
            self.ahead.retain(|(step, at, text)| {
                let Some(sent) = sent.get_mut(step) else {
                    return true;
                };
                let end = at + text.len();
                if end <= *sent {
                    return false;
                }
                if *at > *sent {
                    return true;
                }
                let Some(new) = text.get(*sent - at..) else {
                    return false;
                };
                let from = std::mem::replace(sent, end);
                match events.last_mut() {
                    Some(ChatEvent::Delta {
                        message_id, text, ..
                    }) if message_id == step => text.push_str(new),
                    _ => events.push(ChatEvent::Delta {
                        message_id: step.clone(),
                        text: new.to_owned(),
                        at: from,
                    }),
                }
                moved = true;
                false
            });
            if !moved {
                return events;
            }
        }
    }

    /// The events that the stored steps add to what was sent (without the last one, once
    /// the reply is over: see `next`).
    fn read(&mut self, steps: &[Message]) -> Vec<ChatEvent> {
        let mut events = Vec::new();
        let states: Vec<_> = steps.iter().map(Message::reply_step).collect();
        self.over = reply_state::is_over(&states);
        for step in steps {
            let new = !self.sent.contains_key(&step.id);
            let sent = self.sent.entry(step.id.clone()).or_insert(0);
            if new {
                match step.role {
                    Role::Tool => {
                        events.push(ChatEvent::ToolResult(step.clone()));
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
                    at: *sent,
                });
                *sent = step.content.len();
            }
        }
        events
    }
}
