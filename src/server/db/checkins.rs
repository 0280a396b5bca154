//! `weekly_checkins`: which Monday check-ins were sent. Inserting a row claims the week for
//! the user, so across instances only one sends it.

use chrono::NaiveDate;

use super::{Db, Id, is_unique_violation, now, on_db};

/// Claims `week` for the user: `false` when it was claimed already (sent, or being sent).
pub async fn claim(db: &Db, user_id: &Id, week: NaiveDate) -> Result<bool, sqlx::Error> {
    let result = on_db!(db, pool => sqlx::query(
        "INSERT INTO weekly_checkins (id, user_id, week_start, created_at) VALUES ($1, $2, $3, $4)")
        .bind(Id::new()).bind(user_id).bind(week).bind(now()).execute(pool).await.map(|_| ()));
    match result {
        Ok(()) => Ok(true),
        Err(e) if is_unique_violation(&e) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The week's check-in is in this conversation.
pub async fn sent(
    db: &Db,
    user_id: &Id,
    week: NaiveDate,
    conversation: &Id,
) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query(
        "UPDATE weekly_checkins SET conversation_id = $3 WHERE user_id = $1 AND week_start = $2")
        .bind(user_id).bind(week).bind(conversation).execute(pool).await.map(|_| ()))
}

/// A claim whose sending failed, given back so a later run can try again.
pub async fn release(db: &Db, user_id: &Id, week: NaiveDate) -> Result<(), sqlx::Error> {
    on_db!(db, pool => sqlx::query(
        "DELETE FROM weekly_checkins WHERE user_id = $1 AND week_start = $2 AND conversation_id IS NULL")
        .bind(user_id).bind(week).execute(pool).await.map(|_| ()))
}
