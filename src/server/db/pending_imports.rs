//! The `pending_imports` table: an import upload between the settings page's preview and the
//! user's confirmation. In the database (not one server's memory) so that any instance behind
//! a proxy can confirm it. One per user; expired after [`TTL`]; the id is the random token in
//! the preview's URL and every query also filters on `user_id`.

use chrono::{DateTime, Utc};
use sqlx::types::Json;

use super::{Db, Id, now, on_db};
use crate::domain::import::Format;
use crate::server::services::import::ImportReport;

/// How long a preview can be confirmed.
pub const TTL: chrono::Duration = chrono::Duration::minutes(30);

#[derive(Clone, Debug)]
pub struct PendingImport {
    pub format: Format,
    pub tz: Option<chrono_tz::Tz>,
    pub body: Vec<u8>,
    /// The dry run's report, shown on the preview.
    pub report: ImportReport,
}

#[derive(sqlx::FromRow)]
struct Row {
    format: String,
    tz: Option<String>,
    body: Vec<u8>,
    report: Json<ImportReport>,
}

impl Row {
    fn into_pending(self) -> Option<PendingImport> {
        Some(PendingImport {
            format: self.format.parse().ok()?,
            tz: match self.tz {
                None => None,
                Some(tz) => Some(tz.parse().ok()?),
            },
            body: self.body,
            report: self.report.0,
        })
    }
}

/// A random, unguessable token (128 bits, hex).
fn token() -> String {
    use rand::RngCore;
    let mut raw = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut raw);
    raw.iter().map(|b| format!("{b:02x}")).collect()
}

/// Keeps an upload and returns its token. The user's previous upload and everyone's expired
/// ones are deleted in the same transaction.
pub async fn put(db: &Db, user_id: &Id, pending: &PendingImport) -> Result<String, sqlx::Error> {
    let id = token();
    let at = now();
    let tz = pending.tz.map(|tz| tz.name().to_owned());
    on_db!(db, pool => {
        let mut tx = pool.begin().await?;
        sqlx::query("DELETE FROM pending_imports WHERE user_id = $1 OR created_at < $2")
            .bind(user_id).bind(at - TTL).execute(&mut *tx).await?;
        sqlx::query("INSERT INTO pending_imports (id, user_id, format, tz, body, report, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)")
            .bind(&id).bind(user_id).bind(pending.format.as_str()).bind(&tz).bind(&pending.body)
            .bind(Json(&pending.report)).bind(at)
            .execute(&mut *tx).await?;
        tx.commit().await
    })?;
    Ok(id)
}

fn fresh_since() -> DateTime<Utc> {
    now() - TTL
}

/// The user's upload under `token`, if it has not expired.
pub async fn get(db: &Db, user_id: &Id, token: &str) -> Result<Option<PendingImport>, sqlx::Error> {
    let row: Option<Row> = on_db!(db, pool => sqlx::query_as::<_, Row>(
        "SELECT format, tz, body, report FROM pending_imports WHERE id = $1 AND user_id = $2 AND created_at >= $3")
        .bind(token).bind(user_id).bind(fresh_since()).fetch_optional(pool).await)?;
    Ok(row.and_then(Row::into_pending))
}

/// Removes the user's upload under `token` and returns it (once), if it has not expired.
pub async fn take(
    db: &Db,
    user_id: &Id,
    token: &str,
) -> Result<Option<PendingImport>, sqlx::Error> {
    let row: Option<Row> = on_db!(db, pool => sqlx::query_as::<_, Row>(
        "DELETE FROM pending_imports WHERE id = $1 AND user_id = $2 AND created_at >= $3
         RETURNING format, tz, body, report")
        .bind(token).bind(user_id).bind(fresh_since()).fetch_optional(pool).await)?;
    Ok(row.and_then(Row::into_pending))
}
