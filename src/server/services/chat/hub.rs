//! One reply's events in this process: everything it has said so far, in order, and a
//! signal when it says more. The reply task writes ([`Hub::push`]); each listener (the POST's
//! event stream, `GET /conversations/{id}/stream`, a page that reloaded mid-reply) reads with
//! a [`Reader`] of its own from any point: a late joiner gets every event from the start and
//! then the live ones, with no gap and no duplicate, because it reads one log by position.
//!
//! An event's position (1, 2, …) is its SSE `id`: a client that lost its connection sends
//! the last one it saw back as `Last-Event-ID` and reads on from there.

use std::sync::Arc;

use tokio::sync::watch;

use super::events::ChatEvent;

#[derive(Debug)]
pub struct Hub {
    log: watch::Sender<Log>,
}

#[derive(Debug, Default)]
struct Log {
    events: Vec<Arc<ChatEvent>>,
    /// The reply task has ended (normally after a last event; also when it died without one).
    closed: bool,
}

impl Hub {
    pub fn new() -> Arc<Hub> {
        Arc::new(Hub {
            log: watch::Sender::new(Log::default()),
        })
    }

    /// Adds an event for every reader.
    pub fn push(&self, event: ChatEvent) {
        self.log.send_modify(|log| log.events.push(Arc::new(event)));
    }

    /// No more events will come.
    pub fn close(&self) {
        self.log.send_modify(|log| log.closed = true);
    }

    /// The reply has said its last event (`done` or `error`), or its task has ended.
    pub fn is_over(&self) -> bool {
        let log = self.log.borrow();
        log.closed || log.events.last().is_some_and(|e| e.is_last())
    }

    /// Reads the events after position `after` (0: from the start).
    pub fn reader(&self, after: u64) -> Reader {
        Reader {
            log: self.log.subscribe(),
            next: usize::try_from(after).unwrap_or(usize::MAX),
        }
    }
}

/// A listener's place in a [`Hub`].
#[derive(Debug)]
pub struct Reader {
    log: watch::Receiver<Log>,
    next: usize,
}

impl Reader {
    /// The next event and its position; `None` once the reply is over and everything is read.
    pub async fn next(&mut self) -> Option<(u64, Arc<ChatEvent>)> {
        loop {
            {
                let log = self.log.borrow_and_update();
                if let Some(event) = log.events.get(self.next) {
                    self.next += 1;
                    return Some((self.next as u64, event.clone()));
                }
                let last = log.events.last().is_some_and(|e| e.is_last());
                if log.closed || (last && self.next >= log.events.len()) {
                    return None;
                }
            }
            // The hub is dropped only after it is closed; a dropped one has nothing more.
            self.log.changed().await.ok()?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::db::Id;

    fn delta(text: &str) -> ChatEvent {
        ChatEvent::Delta {
            message_id: Id::new(),
            text: text.to_owned(),
            at: 0,
        }
    }

    fn failed() -> ChatEvent {
        let m = crate::server::db::messages::Message {
            id: Id::new(),
            conversation_id: Id::new(),
            role: crate::domain::chat::conversation::Role::Assistant,
            content: String::new(),
            status: crate::domain::chat::conversation::MessageStatus::Failed,
            prompt_tokens: None,
            completion_tokens: None,
            token_count: None,
            tokens_estimated: false,
            error_message: Some("down".into()),
            query_executed: None,
            execution_time_ms: None,
            time_to_first_token_ms: None,
            model: None,
            tool_calls: None,
            tool_call_id: None,
            client_id: None,
            parent_id: None,
            created_at: chrono::Utc::now(),
        };
        ChatEvent::Error(Box::new(super::super::events::Ending {
            step: m,
            items: Vec::new(),
        }))
    }

    fn text(e: &ChatEvent) -> String {
        match e {
            ChatEvent::Delta { text, .. } => text.clone(),
            _ => String::new(),
        }
    }

    #[tokio::test]
    async fn a_late_reader_gets_everything_then_the_live_events_in_order() {
        let hub = Hub::new();
        hub.push(delta("a"));
        hub.push(delta("b"));
        let mut late = hub.reader(0);
        let mut resumed = hub.reader(1);
        let writer = {
            let hub = hub.clone();
            tokio::spawn(async move {
                for piece in ["c", "d"] {
                    tokio::task::yield_now().await;
                    hub.push(delta(piece));
                }
                hub.close();
            })
        };
        let mut seen = Vec::new();
        while let Some((at, e)) = late.next().await {
            seen.push((at, text(&e)));
        }
        writer.await.unwrap();
        let want: Vec<(u64, String)> = ["a", "b", "c", "d"]
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u64 + 1, (*t).to_owned()))
            .collect();
        assert_eq!(seen, want);
        let mut rest = Vec::new();
        while let Some((at, _)) = resumed.next().await {
            rest.push(at);
        }
        assert_eq!(rest, [2, 3, 4], "after position 1: no gap, no repeat");
        assert!(hub.is_over());
    }

    #[tokio::test]
    async fn a_reader_stops_after_the_last_event() {
        let hub = Hub::new();
        hub.push(delta("a"));
        hub.push(failed());
        let mut reader = hub.reader(0);
        assert_eq!(reader.next().await.map(|(at, _)| at), Some(1));
        assert_eq!(reader.next().await.map(|(at, _)| at), Some(2));
        assert!(reader.next().await.is_none(), "not left waiting");
        assert!(hub.reader(5).next().await.is_none());
    }
}
