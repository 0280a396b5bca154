//! API tokens: shown once at creation, stored as a keyed hash, revocable. A revoked token
//! stays in the table (for the audit trail) but no longer authenticates or lists.

use super::users::User;
use super::{Db, Id, now, on_db};
use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

const TOUCH_EVERY: Duration = Duration::minutes(1);

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct ApiToken {
    #[schema(value_type = String)]
    pub id: Id,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub async fn create(
    db: &Db,
    user_id: &Id,
    name: &str,
    token_hash: &str,
) -> Result<ApiToken, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, ApiToken>(
        "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)
         RETURNING id, name, created_at, last_used_at")
        .bind(Id::new()).bind(user_id).bind(name).bind(token_hash).bind(now())
        .fetch_one(pool).await)
}

pub async fn list(db: &Db, user_id: &Id) -> Result<Vec<ApiToken>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, ApiToken>(
        "SELECT id, name, created_at, last_used_at FROM api_tokens
         WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at DESC, id DESC")
        .bind(user_id).fetch_all(pool).await)
}

/// Revokes one of the user's live tokens; `false` when there is none with that id.
pub async fn revoke(db: &Db, user_id: &Id, token_id: &Id) -> Result<bool, sqlx::Error> {
    let n = on_db!(db, pool => sqlx::query(
        "UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL")
        .bind(token_id).bind(user_id).bind(now()).execute(pool).await.map(|r| r.rows_affected()))?;
    Ok(n > 0)
}

#[derive(sqlx::FromRow)]
struct TokenUserRow {
    token_id: Id,
    token_last_used_at: Option<DateTime<Utc>>,
    #[sqlx(flatten)]
    user: User,
}

/// The user behind a live token, recording when it was last used (at most once a minute).
pub async fn find_user(db: &Db, token_hash: &str) -> Result<Option<(Id, User)>, sqlx::Error> {
    let row = on_db!(db, pool => sqlx::query_as::<_, TokenUserRow>(
        "SELECT t.id AS token_id, t.last_used_at AS token_last_used_at, u.id, u.email, u.display_name,
                u.password_hash, u.language, u.units, u.timezone, u.preferences, u.created_at, u.updated_at
         FROM api_tokens t JOIN users u ON u.id = t.user_id
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL")
        .bind(token_hash).fetch_optional(pool).await)?;
    let Some(row) = row else { return Ok(None) };
    let at = now();
    if row
        .token_last_used_at
        .is_none_or(|last| at - last > TOUCH_EVERY)
    {
        on_db!(db, pool => sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE id = $1")
            .bind(&row.token_id).bind(at).execute(pool).await.map(|_| ()))?;
    }
    Ok(Some((row.token_id, row.user)))
}
