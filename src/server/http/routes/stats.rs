//! `GET /stats?period=`: totals, streaks and level for a period, over REST (an adapter over
//! `server::services::stats`).

use axum::Json;
use serde::Deserialize;

use crate::domain::scoring::stats::Period;
use crate::server::auth::Caller;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiQuery;
use crate::server::services::stats::{self as training_stats, Stats};

#[derive(Deserialize, utoipa::IntoParams)]
pub struct StatsQuery {
    /// week (Monday–Sunday), month, year (calendar, in your time zone) or all (default).
    pub period: Option<Period>,
}

/// Totals for a period, this month against last month, streaks, level, favourite exercise.
#[utoipa::path(get, path = "/api/v1/stats", tag = "workouts", operation_id = "stats", params(StatsQuery), responses(
    (status = 200, body = Stats), (status = 400, description = "Unknown period", body = ErrorBody), (status = 401, body = ErrorBody)))]
pub async fn get(
    Caller(state, p): Caller,
    ApiQuery(q): ApiQuery<StatsQuery>,
) -> Result<Json<Stats>, ApiError> {
    Ok(Json(
        training_stats::stats(&state.db, &p.user, q.period.unwrap_or_default()).await?,
    ))
}
