//! The `message_feedback` table: one row per (message, user); sending feedback again replaces
//! it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{Db, Id, now, on_db};
use crate::domain::chat::feedback::FeedbackInput;

#[derive(Clone, Debug, Serialize, sqlx::FromRow, utoipa::ToSchema)]
pub struct Feedback {
    #[schema(value_type = String)]
    pub message_id: Id,
    pub rating: Option<i64>,
    pub helpful: Option<bool>,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Stores (or replaces) the user's feedback on a message they can see.
pub async fn upsert(
    db: &Db,
    user_id: &Id,
    message_id: &Id,
    f: &FeedbackInput,
) -> Result<Feedback, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, Feedback>(
        "INSERT INTO message_feedback (id, message_id, user_id, rating, helpful, comment, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (message_id, user_id) DO UPDATE
             SET rating = excluded.rating, helpful = excluded.helpful, comment = excluded.comment,
                 created_at = excluded.created_at
         RETURNING message_id, rating, helpful, comment, created_at")
        .bind(Id::new()).bind(message_id).bind(user_id).bind(f.rating.map(i64::from)).bind(f.helpful)
        .bind(&f.comment).bind(now())
        .fetch_one(pool).await)
}
