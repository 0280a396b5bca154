//! `GET /records?exercise=`: personal records over REST, each with the set it came from; an
//! exercise named in English or Hebrew is resolved as when logging.

use axum::Json;
use axum::http::StatusCode;
use serde::Deserialize;

use crate::domain::pagination::Paginated;
use crate::server::auth::Caller;
use crate::server::db::records::{self, RecordRow};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiQuery;
use crate::server::services::log;

#[derive(Deserialize, utoipa::IntoParams)]
pub struct RecordsQuery {
    /// Only this exercise: slug, id, or a name in English or Hebrew.
    pub exercise: Option<String>,
}

/// Personal records, each with the set it came from.
#[utoipa::path(get, path = "/api/v1/records", tag = "workouts", operation_id = "records", params(RecordsQuery), responses(
    (status = 200, body = Paginated<RecordRow>), (status = 401, body = ErrorBody),
    (status = 422, description = "Unknown exercise (details carry suggestions)", body = ErrorBody)))]
pub async fn list(
    Caller(state, p): Caller,
    ApiQuery(q): ApiQuery<RecordsQuery>,
) -> Result<Json<Paginated<RecordRow>>, ApiError> {
    let exercise = match q
        .exercise
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        None => None,
        Some(name) => match log::resolve_exercise(&state.db, &p.user.id, name).await? {
            Ok(row) => Some(row.id),
            Err(suggestions) => {
                return Err(ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "unknown_exercise", format!("No exercise called \"{name}\"."))
                    .with_details(vec![serde_json::json!({"field": "exercise", "query": name, "suggestions": suggestions})]));
            }
        },
    };
    let items = records::list(&state.db, &p.user.id, exercise.as_ref()).await?;
    Ok(Json(Paginated::whole(items)))
}
