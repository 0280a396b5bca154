//! `POST /query {"sql"}`: the SQL sandbox directly, with the rules of the trainer's
//! `query_workouts` tool: one SELECT over the user's own rows, at most 500 rows, about a
//! second. A refused query answers 422 with the reason; one the engine stopped, 422 too.

use axum::Json;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::server::auth::Caller;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::sandbox::{QueryResult, SandboxError};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct QueryRequest {
    /// One SELECT (or WITH … SELECT) over workout_sessions, exercise_sets, exercises,
    /// personal_records, goals and plan_items.
    pub sql: String,
}

/// Runs a read-only query over the caller's own training data.
#[utoipa::path(post, path = "/api/v1/query", tag = "workouts", operation_id = "query", request_body = QueryRequest, responses(
    (status = 200, body = QueryResult), (status = 401, body = ErrorBody),
    (status = 422, description = "Refused, failed or stopped (the message says why)", body = ErrorBody)))]
pub async fn run(
    Caller(state, p): Caller,
    ApiJson(body): ApiJson<QueryRequest>,
) -> Result<Json<QueryResult>, ApiError> {
    match state.sandbox.query(&p.user.id, &body.sql).await {
        Ok(result) => Ok(Json(result)),
        Err(e) => Err(error(e)),
    }
}

fn error(e: SandboxError) -> ApiError {
    let unprocessable = |code, e: &SandboxError| {
        ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, code, e.to_string())
    };
    match &e {
        SandboxError::Refused(_) => unprocessable("query_refused", &e),
        SandboxError::Engine(_) => unprocessable("query_failed", &e),
        SandboxError::TimedOut => unprocessable("query_timeout", &e),
        SandboxError::Database(_) => {
            tracing::error!(error = %e, "sandbox query");
            ApiError::internal()
        }
    }
}
