//! Replies across instances, on PostgreSQL: what one instance's reply says reaches the
//! others through `LISTEN`/`NOTIFY`.
//!
//! - Every event of a reply written here is announced on `spotter_reply` as a [`Note`]: a
//!   delta with its text (so a follower elsewhere shows it at once, though the row is written
//!   only once a second), anything else as a bare "look again" for the follower to read from
//!   the database (steps, tool results and ends are stored before they are announced).
//! - A stop asked on any instance is announced on `spotter_stop`; the instance writing that
//!   reply stops it at once.
//!
//! Notifications are a speed-up, not the record: one lost (a dropped connection) costs a
//! follower at most its fallback poll of the stored progress (`http::routes::streams`).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use serde::{Deserialize, Serialize};
use sqlx::PgPool;
use sqlx::postgres::PgListener;
use tokio::sync::{broadcast, mpsc};
use tokio_util::sync::CancellationToken;

use super::events::ChatEvent;
use super::live::Live;
use crate::server::db::Id;

const REPLIES: &str = "spotter_reply";
const STOPS: &str = "spotter_stop";
/// NOTIFY payloads must stay under 8,000 bytes; a longer note goes bare (its text is read
/// from the database).
const MAX_PAYLOAD: usize = 7_900;

/// What a follower on another instance learns of a reply.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Note {
    /// The question the reply answers.
    pub q: Id,
    /// A delta: the step, where its text starts (bytes) and the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub m: Option<Id>,
    #[serde(default)]
    pub at: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub t: Option<String>,
}

impl Note {
    fn of(question: &Id, event: &ChatEvent) -> Note {
        match event {
            ChatEvent::Delta {
                message_id,
                text,
                at,
            } => Note {
                q: question.clone(),
                m: Some(message_id.clone()),
                at: *at,
                t: Some(text.clone()),
            },
            _ => Note {
                q: question.clone(),
                m: None,
                at: 0,
                t: None,
            },
        }
    }
}

#[derive(Debug)]
pub struct Relay {
    outbox: mpsc::UnboundedSender<(&'static str, String)>,
    followers: Mutex<HashMap<Id, broadcast::Sender<Note>>>,
}

impl Relay {
    /// Starts announcing and listening on `pool` for `live`; both stop when `closed` is
    /// cancelled (or `live` is gone).
    pub fn start(pool: PgPool, live: Weak<Live>, closed: CancellationToken) -> Arc<Relay> {
        let (outbox, queue) = mpsc::unbounded_channel();
        let relay = Arc::new(Relay {
            outbox,
            followers: Mutex::new(HashMap::new()),
        });
        tokio::spawn(announce(pool.clone(), queue));
        tokio::spawn(listen(pool, Arc::downgrade(&relay), live, closed));
        relay
    }

    /// Announces an event of the reply to `question` written here (a delta whose note would
    /// be too long for NOTIFY goes bare).
    pub fn publish(&self, question: &Id, event: &ChatEvent) {
        let mut note = Note::of(question, event);
        let Ok(mut payload) = serde_json::to_string(&note) else {
            return;
        };
        if payload.len() > MAX_PAYLOAD {
            (note.m, note.t) = (None, None);
            payload = serde_json::to_string(&note).unwrap_or_default();
        }
        let _ = self.outbox.send((REPLIES, payload));
    }

    /// Announces a stop of the reply to `question`, wherever it is written.
    pub fn stop(&self, question: &Id) {
        let _ = self.outbox.send((STOPS, question.to_string()));
    }

    /// The notes about the reply to `question` from now on.
    pub fn follow(&self, question: &Id) -> broadcast::Receiver<Note> {
        let mut followers = lock(&self.followers);
        followers.retain(|_, tx| tx.receiver_count() > 0);
        followers
            .entry(question.clone())
            .or_insert_with(|| broadcast::channel(1024).0)
            .subscribe()
    }

    fn deliver(&self, note: Note) {
        if let Some(tx) = lock(&self.followers).get(&note.q) {
            let _ = tx.send(note);
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Sends the queued notifications in order, as many as are waiting in one statement.
async fn announce(pool: PgPool, mut queue: mpsc::UnboundedReceiver<(&'static str, String)>) {
    while let Some(first) = queue.recv().await {
        let (mut channels, mut payloads) = (vec![first.0], vec![first.1]);
        while channels.len() < 200
            && let Ok((channel, payload)) = queue.try_recv()
        {
            channels.push(channel);
            payloads.push(payload);
        }
        let sent = sqlx::query(
            "SELECT pg_notify(c, p) FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS n(c, p, i) ORDER BY i",
        )
        .bind(&channels)
        .bind(&payloads)
        .execute(&pool)
        .await;
        if let Err(e) = sent {
            tracing::warn!(error = %e, "announcing reply events to other instances");
        }
    }
}

/// Hands other instances' notes to this one's followers, and their stops to its replies.
async fn listen(pool: PgPool, relay: Weak<Relay>, live: Weak<Live>, closed: CancellationToken) {
    let mut listener = loop {
        let connected = async {
            let mut listener = PgListener::connect_with(&pool).await?;
            listener.listen_all([REPLIES, STOPS]).await?;
            Ok::<_, sqlx::Error>(listener)
        };
        tokio::select! {
            () = closed.cancelled() => return,
            result = connected => match result {
                Ok(listener) => break listener,
                Err(e) => {
                    tracing::warn!(error = %e, "listening for other instances' replies; trying again");
                    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                }
            },
        }
    };
    loop {
        let notification = tokio::select! {
            () = closed.cancelled() => return,
            n = listener.recv() => n,
        };
        let notification = match notification {
            Ok(n) => n,
            Err(e) => {
                // The listener reconnects on the next call.
                tracing::warn!(error = %e, "listening for other instances' replies");
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                continue;
            }
        };
        match notification.channel() {
            STOPS => {
                if let (Some(live), Some(question)) =
                    (live.upgrade(), Id::parse(notification.payload()))
                {
                    live.stop(&question);
                }
            }
            _ => {
                let (Some(relay), Ok(note)) = (
                    relay.upgrade(),
                    serde_json::from_str::<Note>(notification.payload()),
                ) else {
                    continue;
                };
                relay.deliver(note);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_delta_travels_with_its_text_unless_the_note_would_be_too_long() {
        let (question, step) = (Id::new(), Id::new());
        let delta = |text: &str| ChatEvent::Delta {
            message_id: step.clone(),
            text: text.to_owned(),
            at: 12,
        };
        let note = Note::of(&question, &delta("שתי דקות "));
        let back: Note = serde_json::from_str(&serde_json::to_string(&note).unwrap()).unwrap();
        assert_eq!(back.q, question);
        assert_eq!(back.m.as_ref(), Some(&step));
        assert_eq!((back.at, back.t.as_deref()), (12, Some("שתי דקות ")));

        // Quotes double in JSON: 5,000 of them would not fit in a NOTIFY.
        let (outbox, mut queue) = mpsc::unbounded_channel();
        let relay = Relay {
            outbox,
            followers: Mutex::new(HashMap::new()),
        };
        relay.publish(&question, &delta(&"\"".repeat(5_000)));
        let (channel, payload) = queue.try_recv().unwrap();
        assert_eq!(channel, REPLIES);
        assert!(payload.len() <= MAX_PAYLOAD, "{}", payload.len());
        let bare: Note = serde_json::from_str(&payload).unwrap();
        assert_eq!((bare.q, bare.m, bare.t), (question, None, None));
    }
}
