//! `GET|POST /exercises`: the catalog and the user's custom exercises over REST, searchable in
//! English and Hebrew; adding one is `server::services::exercises`'s flow.

use axum::Json;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::domain::catalog::{Candidate, catalog, match_exercise};
use crate::domain::custom_exercise::CustomExerciseInput;
use crate::domain::pagination::{PageRequest, Paginated};
use crate::server::auth::Caller;
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::{ApiJson, ApiQuery, PageQuery};
use crate::server::services::exercises::{Added, ExerciseError, add_custom};

#[derive(Deserialize, utoipa::IntoParams)]
pub struct ExerciseQuery {
    /// Search in English or Hebrew names and aliases (typos and Hebrew prefixes tolerated).
    pub q: Option<String>,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ExerciseItem {
    #[serde(flatten)]
    pub exercise: ExerciseRow,
    /// How well the exercise matches `q` (0–1); absent without `q`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
}

/// Adds a custom exercise. A name that already means an exercise (catalog or yours) answers
/// 409 with that exercise in `details`: log under the name and it is found.
#[utoipa::path(post, path = "/api/v1/exercises", tag = "workouts", operation_id = "create_exercise", request_body = CustomExerciseInput, responses(
    (status = 201, body = ExerciseRow), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
    (status = 409, description = "The name already means an exercise (details: that exercise)", body = ErrorBody),
    (status = 422, body = ErrorBody)))]
pub async fn create(
    Caller(state, p): Caller,
    ApiJson(input): ApiJson<CustomExerciseInput>,
) -> Result<(StatusCode, Json<ExerciseRow>), ApiError> {
    match add_custom(&state.db, &p.user.id, &input).await {
        Ok(Added::Created(row)) => Ok((StatusCode::CREATED, Json(row))),
        Ok(Added::Exists(row)) => Err(ApiError::conflict(
            "exercise_exists",
            format!(
                "\"{}\" is already an exercise: {}.",
                input.name.trim(),
                row.name_en
            ),
        )
        .with_details(row)),
        Err(ExerciseError::Invalid(errors)) => Err(ApiError::validation(errors)),
        Err(ExerciseError::Db(e)) => Err(e.into()),
    }
}

/// The catalog and the user's custom exercises; with `q`, ranked matches.
#[utoipa::path(get, path = "/api/v1/exercises", tag = "workouts", operation_id = "exercises", params(PageRequest, ExerciseQuery), responses(
    (status = 200, body = Paginated<ExerciseItem>), (status = 401, body = ErrorBody)))]
pub async fn list(
    Caller(state, p): Caller,
    PageQuery(page): PageQuery,
    ApiQuery(q): ApiQuery<ExerciseQuery>,
) -> Result<Json<Paginated<ExerciseItem>>, ApiError> {
    let all = exercises::all_for_user(&state.db, &p.user.id).await?;
    let items: Vec<ExerciseItem> = match q.q.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => all
            .into_iter()
            .map(|exercise| ExerciseItem {
                exercise,
                confidence: None,
            })
            .collect(),
        Some(query) => {
            let custom = exercises::custom_match_targets(&all);
            let found: Vec<Candidate> =
                match_exercise(query, custom.iter().chain(catalog().match_targets()), 50);
            found
                .into_iter()
                .filter_map(|c| {
                    let row = all
                        .iter()
                        .find(|e| e.slug == c.slug || e.id.as_str() == c.slug)?;
                    Some(ExerciseItem {
                        exercise: row.clone(),
                        confidence: Some(c.confidence),
                    })
                })
                .collect()
        }
    };
    let total = items.len() as u64;
    let start = usize::try_from(page.offset())
        .unwrap_or(usize::MAX)
        .min(items.len());
    let slice = items
        .into_iter()
        .skip(start)
        .take(page.per_page as usize)
        .collect();
    Ok(Json(Paginated::new(slice, page, total)))
}
