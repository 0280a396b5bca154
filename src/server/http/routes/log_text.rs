//! `POST /log {text, dry_run?}`: a workout in plain words, English or Hebrew ("squat 3x5 @
//! 100kg, bench 3x8 at 80", "רצתי 5 קילומטר ב-25 דקות"). 201 with the stored workout; with
//! `dry_run`, 200 with what would be stored, every set of it. 422 `nothing_to_log`,
//! `how_many` (an exercise without an amount), `unsure` (a number the words do not say the
//! meaning of, counts that disagree…: `details` carries `questions` in the user's language,
//! `doubts` and what was `understood`) or `unknown_exercise` (details carry suggestions):
//! nothing is stored.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::server::auth::Caller;
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::services::log::{WorkoutDetail, WorkoutPreview};
use crate::server::services::log_text::{self, TextLogError, TextLogged};

#[derive(Deserialize, utoipa::ToSchema)]
pub struct LogTextRequest {
    /// What was done, in words.
    pub text: String,
    /// Read and resolve it, store nothing.
    #[serde(default)]
    pub dry_run: bool,
}

/// Logs a workout written in plain words.
#[utoipa::path(post, path = "/api/v1/log", tag = "workouts", request_body = LogTextRequest, responses(
    (status = 201, description = "Stored: the workout with its sets, points, new records and achievements", body = WorkoutDetail),
    (status = 200, description = "dry_run: what would be stored", body = WorkoutPreview),
    (status = 401, body = ErrorBody),
    (status = 422, description = "Nothing to log (`nothing_to_log`), an amount missing (`how_many`), something unsure (`unsure`: details carry the questions and what was understood), or an unknown exercise (details carry suggestions)", body = ErrorBody)))]
pub async fn log(
    Caller(state, p): Caller,
    ApiJson(body): ApiJson<LogTextRequest>,
) -> Result<Response, ApiError> {
    if body.text.chars().count() > crate::domain::chat::conversation::MAX_MESSAGE_CHARS {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "too_long",
            "The text is longer than 10,000 characters.",
        ));
    }
    match log_text::log_text(&state.db, &p.user, &body.text, body.dry_run).await {
        Ok(TextLogged::Saved(logged)) => Ok((StatusCode::CREATED, Json(logged)).into_response()),
        Ok(TextLogged::Preview(preview)) => Ok(Json(preview).into_response()),
        Err(TextLogError::Log(e)) => Err(e.into()),
        Err(e @ TextLogError::Nothing) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "nothing_to_log",
            capitalized(&e.to_string()),
        )),
        Err(e @ TextLogError::HowMany(_)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "how_many",
            capitalized(&e.to_string()),
        )),
        Err(TextLogError::Unsure(unsure)) => Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "unsure",
            unsure.questions.join(" "),
        )
        .with_details(&unsure)),
    }
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect::<String>() + ".")
        .unwrap_or_default()
}
