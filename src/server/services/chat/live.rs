//! The replies this process is writing right now, so that they can be stopped (one, from
//! `POST /messages/{id}/stop`), ended together (all, on SIGTERM) with their text stored, and
//! followed: each has a [`Hub`] of its events, kept for [`KEEP_ENDED`] after the reply ends
//! so that a client that lost its connection near the end resumes from where it was.
//! A stop asked on another instance reaches a reply through the database (the reply notices
//! its row is no longer `streaming` the next time it stores its progress) or, on
//! PostgreSQL, at once through `relay`.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

use super::events::ChatEvent;
use super::hub::Hub;
use super::relay::Relay;
use crate::server::db::Id;

/// How long an ended reply's events stay here for clients resuming with `Last-Event-ID`.
pub const KEEP_ENDED: Duration = Duration::from_secs(60);

#[derive(Debug, Default)]
pub struct Live {
    shutdown: CancellationToken,
    /// Other instances (PostgreSQL): their followers and stops.
    relay: OnceLock<Arc<Relay>>,
    /// Cancelled when this is dropped (ends the relay's tasks).
    closed: CancellationToken,
    /// Each running reply by a key of its own.
    running: Mutex<HashMap<Id, Entry>>,
    /// Replies that ended in the last [`KEEP_ENDED`], with when they ended.
    ended: Mutex<Vec<(Entry, Instant)>>,
    finished: tokio::sync::Notify,
}

#[derive(Clone, Debug)]
struct Entry {
    question: Id,
    conversation: Id,
    cancel: CancellationToken,
    hub: Arc<Hub>,
}

impl Drop for Live {
    fn drop(&mut self) {
        self.closed.cancel();
    }
}

/// A running reply's place in [`Live`]; dropping it (when the reply ends) frees the place
/// and closes its hub.
#[derive(Debug)]
pub struct Running {
    live: Arc<Live>,
    key: Id,
    question: Id,
    /// Cancelled by a stop or by shutdown.
    pub cancel: CancellationToken,
    /// Where the reply's events go.
    pub hub: Arc<Hub>,
}

impl Running {
    /// Tells the reply's listeners here (its hub) and on other instances (the relay).
    pub fn emit(&self, event: ChatEvent) {
        if let Some(relay) = self.live.relay() {
            relay.publish(&self.question, &event);
        }
        self.hub.push(event);
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.hub.close();
        let entry = lock(&self.live.running).remove(&self.key);
        if let Some(entry) = entry {
            let mut ended = lock(&self.live.ended);
            ended.retain(|(_, at)| at.elapsed() < KEEP_ENDED);
            ended.push((entry, Instant::now()));
        }
        self.live.finished.notify_waiters();
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

impl Live {
    /// Registers a reply to `question` in `conversation`.
    pub fn begin(self: &Arc<Self>, question: &Id, conversation: &Id) -> Running {
        let key = Id::new();
        let cancel = self.shutdown.child_token();
        let hub = Hub::new();
        lock(&self.running).insert(
            key.clone(),
            Entry {
                question: question.clone(),
                conversation: conversation.clone(),
                cancel: cancel.clone(),
                hub: hub.clone(),
            },
        );
        Running {
            live: self.clone(),
            key,
            question: question.clone(),
            cancel,
            hub,
        }
    }

    /// Follows and stops replies across instances through `pool` (PostgreSQL).
    pub fn connect_relay(self: &Arc<Self>, pool: sqlx::PgPool) {
        let relay = Relay::start(pool, Arc::downgrade(self), self.closed.clone());
        let _ = self.relay.set(relay);
    }

    /// The relay to other instances, on PostgreSQL.
    pub fn relay(&self) -> Option<&Arc<Relay>> {
        self.relay.get()
    }

    /// The events of the newest reply to `question` written here (running, or ended in the
    /// last [`KEEP_ENDED`]).
    pub fn hub_of(&self, question: &Id) -> Option<Arc<Hub>> {
        self.find(|e| e.question == *question)
    }

    /// The events of the reply being written here in `conversation`, or of the one that ended
    /// there last.
    pub fn hub_in(&self, conversation: &Id) -> Option<Arc<Hub>> {
        self.find(|e| e.conversation == *conversation)
    }

    fn find(&self, wanted: impl Fn(&Entry) -> bool) -> Option<Arc<Hub>> {
        // Running replies first (a regenerated answer runs after the first one ended).
        if let Some(e) = lock(&self.running).values().find(|e| wanted(e)) {
            return Some(e.hub.clone());
        }
        lock(&self.ended)
            .iter()
            .rev()
            .find(|(e, at)| wanted(e) && at.elapsed() < KEEP_ENDED)
            .map(|(e, _)| e.hub.clone())
    }

    /// Stops the replies to `question` running here; whether there was one.
    pub fn stop(&self, question: &Id) -> bool {
        let running = lock(&self.running);
        let mut any = false;
        for e in running.values().filter(|e| e.question == *question) {
            e.cancel.cancel();
            any = true;
        }
        any
    }

    /// Stops the replies to `question` running here and waits up to `grace` for them to be
    /// stored; whether there was one.
    pub async fn stop_and_wait(&self, question: &Id, grace: Duration) -> bool {
        if !self.stop(question) {
            return false;
        }
        self.wait_until(grace, || !self.runs(question)).await;
        true
    }

    fn runs(&self, question: &Id) -> bool {
        lock(&self.running)
            .values()
            .any(|e| e.question == *question)
    }

    /// Cancelled once the process shuts down.
    pub fn shutdown_token(&self) -> CancellationToken {
        self.shutdown.clone()
    }

    /// Waits, up to `grace`, until `done` holds (checked each time a reply ends); whether it
    /// does.
    async fn wait_until(&self, grace: Duration, done: impl Fn() -> bool) -> bool {
        let wait = async {
            loop {
                let finished = self.finished.notified();
                if done() {
                    return;
                }
                finished.await;
            }
        };
        tokio::time::timeout(grace, wait).await.is_ok()
    }

    fn count(&self) -> usize {
        lock(&self.running).len()
    }

    /// Ends every running reply (each stores its text so far) and waits up to `grace` for
    /// them to be stored.
    pub async fn shutdown(&self, grace: Duration) {
        self.shutdown.cancel();
        if !self.wait_until(grace, || self.count() == 0).await {
            tracing::warn!(left = self.count(), "replies still running at shutdown");
        }
    }
}
