//! Replies whose writer died: a server killed mid-reply (kill -9, a crash, power loss) leaves
//! its reply `streaming` with the text of its last progress write (at most a second old). No
//! one will finish it, so it is marked `failed` with [`messages::INTERRUPTED`], its text kept,
//! and the page shows it as cut off instead of waiting on it forever.
//!
//! - On SQLite one server owns the file, so every reply still `streaming` when it starts is
//!   one the last run left behind ([`at_start`]).
//! - On PostgreSQL other instances may be writing theirs, so only replies older than any
//!   reply can run ([`GONE_AFTER`]) are taken: at start and every [`EVERY`] ([`sweeper`]).

use chrono::{Duration, Utc};

use crate::server::db::{Db, Engine, messages};

/// Longer than any reply runs: a model's stall timeout cuts a silent one, its token cap a
/// long one, and the tool rounds are few.
pub const GONE_AFTER: Duration = Duration::minutes(30);

/// How often the sweeper looks.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(5 * 60);

/// Marks the replies left behind as the server starts; how many.
pub async fn at_start(db: &Db) -> Result<u64, sqlx::Error> {
    let before = match db.engine() {
        Engine::Sqlite => Utc::now() + Duration::seconds(1),
        Engine::Postgres => Utc::now() - GONE_AFTER,
    };
    messages::fail_interrupted(db, before).await
}

/// Every [`EVERY`], the replies older than [`GONE_AFTER`] still `streaming` (an instance
/// that died while others went on). Errors are logged and the loop goes on.
pub async fn sweeper(db: Db) {
    let mut tick = tokio::time::interval(EVERY);
    tick.tick().await;
    loop {
        tick.tick().await;
        match messages::fail_interrupted(&db, Utc::now() - GONE_AFTER).await {
            Ok(0) => {}
            Ok(n) => tracing::warn!(
                replies = n,
                "replies left streaming by a stopped instance marked failed"
            ),
            Err(e) => tracing::warn!(error = %e, "sweeping interrupted replies failed"),
        }
    }
}
