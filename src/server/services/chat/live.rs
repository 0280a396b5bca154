//! The replies this process is writing right now, so that they can be stopped (one, from
//! `POST /messages/{id}/stop`) or ended together (all, on SIGTERM) with their text stored.
//! A stop asked on another instance reaches a reply through the database instead: the reply
//! notices its row is no longer `streaming` the next time it stores its progress.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_util::sync::CancellationToken;

use crate::server::db::Id;

#[derive(Debug, Default)]
pub struct Live {
    shutdown: CancellationToken,
    /// Each running reply: the question it answers and what cancels it.
    running: Mutex<HashMap<Id, (Id, CancellationToken)>>,
    finished: tokio::sync::Notify,
}

/// A running reply's place in [`Live`]; dropping it (when the reply ends) frees the place.
#[derive(Debug)]
pub struct Running {
    live: Arc<Live>,
    key: Id,
    /// Cancelled by a stop or by shutdown.
    pub cancel: CancellationToken,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.live
            .running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .remove(&self.key);
        self.live.finished.notify_waiters();
    }
}

impl Live {
    /// Registers a reply to `question`.
    pub fn begin(self: &Arc<Self>, question: &Id) -> Running {
        let key = Id::new();
        let cancel = self.shutdown.child_token();
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(key.clone(), (question.clone(), cancel.clone()));
        Running {
            live: self.clone(),
            key,
            cancel,
        }
    }

    /// Stops the replies to `question` running here; whether there was one.
    pub fn stop(&self, question: &Id) -> bool {
        let running = self
            .running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut any = false;
        for (q, cancel) in running.values() {
            if q == question {
                cancel.cancel();
                any = true;
            }
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
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .values()
            .any(|(q, _)| q == question)
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
        self.running
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .len()
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
