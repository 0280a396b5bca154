//! The sets the coach plans from: every set of a catalog exercise since a day, with its
//! workout, oldest workout first. Custom exercises are left out (nothing says how their
//! weight goes up).

use chrono::{DateTime, Utc};

use super::{Db, Id, on_db};

#[derive(Clone, Debug, sqlx::FromRow)]
pub struct HistorySet {
    pub session_id: Id,
    pub started_at: DateTime<Utc>,
    pub workout_name: Option<String>,
    pub slug: String,
    pub reps: Option<i64>,
    pub weight_kg: Option<f64>,
    pub set_type: String,
    pub rpe: Option<f64>,
}

/// The user's sets of catalog exercises in workouts started at or after `after`.
///
/// A set's `performed_at` is its workout's `started_at` (every write keeps them equal), and
/// bounding it lets the `(user_id, performed_at)` index read only the window: bounded on the
/// workout alone, SQLite walked every set of the user (`/progress` at ~50k sets took 3.6× the
/// demo account's time, `make bench`, Dec 7).
pub async fn since(
    db: &Db,
    user_id: &Id,
    after: DateTime<Utc>,
) -> Result<Vec<HistorySet>, sqlx::Error> {
    on_db!(db, pool => sqlx::query_as::<_, HistorySet>(
        "SELECT s.session_id, w.started_at, w.name AS workout_name, e.slug, s.reps, s.weight_kg, s.set_type, s.rpe \
         FROM exercise_sets s JOIN workout_sessions w ON w.id = s.session_id \
         JOIN exercises e ON e.id = s.exercise_id \
         WHERE s.user_id = $1 AND s.performed_at >= $2 AND w.user_id = $1 AND w.started_at >= $2 \
         AND e.user_id IS NULL \
         ORDER BY w.started_at, s.session_id, s.set_index")
        .bind(user_id).bind(after).fetch_all(pool).await)
}
