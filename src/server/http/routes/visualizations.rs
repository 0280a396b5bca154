//! `/visualizations/{id}`: a chart the coach drew, with its spec, ECharts option and SQL; and
//! `POST …/refresh`, which re-runs the stored query on today's data and stores the new option.

use axum::Json;
use axum::http::StatusCode;

use crate::server::auth::Caller;
use crate::server::charts::{self, ChartFailure};
use crate::server::db::visualizations::{self, VisualizationView};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::routes::{ItemId, found};

/// One chart.
#[utoipa::path(get, path = "/api/v1/visualizations/{id}", tag = "chat", params(("id" = String, Path)), responses(
    (status = 200, body = VisualizationView), (status = 404, body = ErrorBody)))]
pub async fn get(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
) -> Result<Json<VisualizationView>, ApiError> {
    found(
        visualizations::get(&state.db, &p.user.id, &id)
            .await?
            .map(|v| v.view()),
    )
}

/// Re-runs a chart's query on today's data; the chart keeps its spec and gets a new option.
#[utoipa::path(post, path = "/api/v1/visualizations/{id}/refresh", tag = "chat", params(("id" = String, Path)), responses(
    (status = 200, body = VisualizationView), (status = 404, body = ErrorBody),
    (status = 422, description = "The query no longer runs or returns nothing to draw", body = ErrorBody)))]
pub async fn refresh(
    Caller(state, p): Caller,
    ItemId(id): ItemId,
) -> Result<Json<VisualizationView>, ApiError> {
    match charts::refresh(&state.db, &state.sandbox, &p.user.id, &id).await {
        Ok(chart) => found(chart.map(|v| v.view())),
        Err(ChartFailure::Database(e)) => Err(e.into()),
        Err(failure) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "chart_failed",
            failure.to_string(),
        )),
    }
}
