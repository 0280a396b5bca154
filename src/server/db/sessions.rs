//! Browser sessions, stored server-side so every instance on one database shares them. The
//! cookie carries a random token; the table keeps only its keyed hash.

use super::users::User;
use super::{Db, Id, now, on_db};
use chrono::{DateTime, Duration, Utc};

/// Sessions last 30 days and slide forward while used.
pub const SESSION_TTL: Duration = Duration::days(30);
/// Refresh `last_seen_at`/`expires_at` at most this often, so reads do not all become writes.
const TOUCH_EVERY: Duration = Duration::hours(1);

pub async fn create(
    db: &Db,
    user_id: &Id,
    token_hash: &str,
    user_agent: Option<&str>,
) -> Result<Id, sqlx::Error> {
    let id = Id::new();
    let at = now();
    let user_agent = user_agent.map(|ua| ua.chars().take(300).collect::<String>());
    on_db!(db, pool => sqlx::query(
        "INSERT INTO sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at, user_agent)
         VALUES ($1, $2, $3, $4, $4, $5, $6)")
        .bind(&id).bind(user_id).bind(token_hash).bind(at).bind(at + SESSION_TTL).bind(user_agent)
        .execute(pool).await.map(|_| ()))?;
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    session_id: Id,
    last_seen_at: DateTime<Utc>,
    #[sqlx(flatten)]
    user: User,
}

/// The user behind a live session token, sliding its expiry forward when due.
pub async fn find_user(db: &Db, token_hash: &str) -> Result<Option<(Id, User)>, sqlx::Error> {
    let at = now();
    let row = on_db!(db, pool => sqlx::query_as::<_, SessionRow>(
        "SELECT s.id AS session_id, s.last_seen_at, u.id, u.email, u.display_name, u.password_hash, u.language,
                u.units, u.timezone, u.preferences, u.created_at, u.updated_at
         FROM sessions s JOIN users u ON u.id = s.user_id
         WHERE s.token_hash = $1 AND s.expires_at > $2")
        .bind(token_hash).bind(at).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    if at - row.last_seen_at > TOUCH_EVERY {
        on_db!(db, pool => sqlx::query("UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE id = $1")
            .bind(&row.session_id).bind(at).bind(at + SESSION_TTL).execute(pool).await.map(|_| ()))?;
    }
    Ok(Some((row.session_id, row.user)))
}

pub async fn delete(db: &Db, session_id: &Id) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE id = $1").bind(session_id).execute(pool).await.map(|_| ()))?;
    Ok(())
}

/// Removes expired sessions; run at start-up.
pub async fn purge_expired(db: &Db) -> Result<u64, sqlx::Error> {
    on_db!(db, pool => sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now()).execute(pool).await.map(|r| r.rows_affected()))
}
