//! Liveness and readiness probes for process supervisors and load balancers.

use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

use crate::server::http::error::ApiError;
use crate::server::state::AppState;

/// The process is up.
#[utoipa::path(get, path = "/healthz", tag = "health", responses((status = 200, description = "Process is up")))]
pub async fn healthz() -> Json<Value> {
    Json(json!({ "status": "ok" }))
}

/// The database answers.
#[utoipa::path(get, path = "/readyz", tag = "health", responses(
    (status = 200, description = "Database reachable"),
    (status = 503, description = "Database unreachable", body = crate::server::http::error::ErrorBody)))]
pub async fn readyz(State(state): State<AppState>) -> Result<Json<Value>, ApiError> {
    state.db.ping().await.map_err(|e| {
        tracing::error!(error = %e, "readiness check failed");
        ApiError::unavailable()
    })?;
    Ok(Json(
        json!({ "status": "ready", "database": format!("{:?}", state.db.engine()).to_lowercase() }),
    ))
}
