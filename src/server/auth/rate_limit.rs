//! Login throttling: at most N failed attempts per minute per key (client IP, account email).
//! Kept in each instance's memory: a restart forgets, which is acceptable for throttling.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const WINDOW: Duration = Duration::from_secs(60);

/// A sliding one-minute window of attempts per key.
#[derive(Debug)]
pub struct SlidingWindow {
    limit: usize,
    attempts: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl SlidingWindow {
    pub fn per_minute(limit: u32) -> Self {
        Self {
            limit: limit.max(1) as usize,
            attempts: Mutex::new(HashMap::new()),
        }
    }

    /// Seconds until `key` may try again, or `None` when it may try now.
    pub fn retry_after(&self, key: &str, now: Instant) -> Option<u64> {
        let mut map = self.attempts.lock().unwrap_or_else(|e| e.into_inner());
        let queue = map.get_mut(key)?;
        prune(queue, now);
        if queue.len() < self.limit {
            return None;
        }
        let oldest = *queue.front()?;
        Some((WINDOW.saturating_sub(now - oldest)).as_secs().max(1))
    }

    pub fn record(&self, key: &str, now: Instant) {
        let mut map = self.attempts.lock().unwrap_or_else(|e| e.into_inner());
        // Keep memory bounded: forget keys whose attempts all left the window.
        if map.len() > 10_000 {
            map.retain(|_, q| {
                prune(q, now);
                !q.is_empty()
            });
        }
        let queue = map.entry(key.to_owned()).or_default();
        prune(queue, now);
        queue.push_back(now);
    }

    pub fn clear(&self, key: &str) {
        self.attempts
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(key);
    }
}

fn prune(queue: &mut VecDeque<Instant>, now: Instant) {
    while queue
        .front()
        .is_some_and(|t| now.duration_since(*t) >= WINDOW)
    {
        queue.pop_front();
    }
}

/// The two login throttles, per client IP and per account.
#[derive(Debug)]
pub struct LoginThrottle {
    pub per_ip: SlidingWindow,
    pub per_account: SlidingWindow,
    /// Registrations per IP (each attempt counts), against account-creation floods.
    pub registrations: SlidingWindow,
}

impl LoginThrottle {
    pub fn new(limit_per_minute: u32) -> Self {
        Self {
            per_ip: SlidingWindow::per_minute(limit_per_minute),
            per_account: SlidingWindow::per_minute(limit_per_minute),
            registrations: SlidingWindow::per_minute(limit_per_minute),
        }
    }

    /// Seconds to wait before this IP may try this account again, if blocked.
    pub fn blocked(&self, ip: &str, email: &str, now: Instant) -> Option<u64> {
        let ip_wait = self.per_ip.retry_after(ip, now);
        let account_wait = self.per_account.retry_after(email, now);
        ip_wait.max(account_wait)
    }

    pub fn record_failure(&self, ip: &str, email: &str, now: Instant) {
        self.per_ip.record(ip, now);
        self.per_account.record(email, now);
    }

    /// A successful login clears the account's failures (not the IP's).
    pub fn record_success(&self, email: &str) {
        self.per_account.clear(email);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_applies_within_a_minute_and_lifts_after() {
        let w = SlidingWindow::per_minute(3);
        let t0 = Instant::now();
        for i in 0..3 {
            assert_eq!(w.retry_after("ip", t0 + Duration::from_secs(i)), None);
            w.record("ip", t0 + Duration::from_secs(i));
        }
        let wait = w
            .retry_after("ip", t0 + Duration::from_secs(10))
            .expect("blocked after 3");
        assert_eq!(wait, 50);
        assert_eq!(w.retry_after("other", t0), None, "keys are independent");
        assert_eq!(w.retry_after("ip", t0 + Duration::from_secs(61)), None);
    }

    #[test]
    fn per_account_blocks_across_ips_and_success_clears_it() {
        let t = LoginThrottle::new(2);
        let now = Instant::now();
        t.record_failure("1.1.1.1", "a@x.io", now);
        t.record_failure("2.2.2.2", "a@x.io", now);
        assert!(
            t.blocked("3.3.3.3", "a@x.io", now).is_some(),
            "account throttled from any IP"
        );
        assert!(t.blocked("3.3.3.3", "b@x.io", now).is_none());
        t.record_success("a@x.io");
        assert!(t.blocked("3.3.3.3", "a@x.io", now).is_none());
    }
}
