//! `GET|PATCH|DELETE /me` and `GET /me/export`: the signed-in user's profile, settings and data.

use axum::Json;
use axum::extract::State;
use axum::http::header::{CONTENT_DISPOSITION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::domain::pagination::{MAX_PER_PAGE, Page};
use crate::domain::viewer::Profile;
use crate::server::auth::account::{self, SettingsChange};
use crate::server::auth::{Caller, CurrentUser, cookie};
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::users::{self, User};
use crate::server::db::{conversations, export, now, tokens, workouts};
use crate::server::http::error::{ApiError, ErrorBody};
use crate::server::http::json::ApiJson;
use crate::server::services::log::{self, WorkoutDetail};
use crate::server::state::AppState;

#[derive(Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct MeResponse {
    #[serde(flatten)]
    pub profile: Profile,
    pub created_at: DateTime<Utc>,
}

impl From<&User> for MeResponse {
    fn from(u: &User) -> Self {
        Self {
            profile: u.profile(),
            created_at: u.created_at,
        }
    }
}

/// The signed-in user.
#[utoipa::path(get, path = "/api/v1/me", tag = "me", responses(
    (status = 200, body = MeResponse), (status = 401, body = ErrorBody)))]
pub async fn get(CurrentUser(p): CurrentUser) -> Json<MeResponse> {
    Json(MeResponse::from(&p.user))
}

/// Changes display name, language, units, time zone or coach preferences.
#[utoipa::path(patch, path = "/api/v1/me", tag = "me", request_body = SettingsChange, responses(
    (status = 200, body = MeResponse), (status = 400, body = ErrorBody), (status = 401, body = ErrorBody),
    (status = 422, description = "Invalid value (e.g. unknown time zone)", body = ErrorBody)))]
pub async fn patch(
    Caller(state, p): Caller,
    ApiJson(change): ApiJson<SettingsChange>,
) -> Result<Json<MeResponse>, ApiError> {
    let user = account::update_settings(&state, &p.user, change).await?;
    Ok(Json(MeResponse::from(&user)))
}

/// Deletes the account and everything it owns, immediately.
#[utoipa::path(delete, path = "/api/v1/me", tag = "me", responses(
    (status = 204, description = "Account and all its data deleted"), (status = 401, body = ErrorBody)))]
pub async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    CurrentUser(p): CurrentUser,
) -> Result<Response, ApiError> {
    users::delete(&state.db, &p.user.id).await?;
    tracing::info!(user_id = %p.user.id, "account deleted");
    Ok((
        StatusCode::NO_CONTENT,
        [(SET_COOKIE, cookie::cleared(&state, &headers))],
    )
        .into_response())
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Export {
    pub exported_at: DateTime<Utc>,
    pub user: MeResponse,
    pub api_tokens: Vec<tokens::ApiToken>,
    pub conversations: Vec<conversations::Conversation>,
    /// Every message of every conversation, with its tokens, model, tool calls and times.
    pub messages: Vec<crate::server::db::messages::Message>,
    /// Every logged workout with its sets.
    pub workouts: Vec<WorkoutDetail>,
    /// The user's own exercises (the shared catalog is not personal data).
    pub custom_exercises: Vec<ExerciseRow>,
    #[schema(value_type = Vec<Object>)]
    pub personal_records: Vec<export::ExportedRecord>,
    #[schema(value_type = Vec<Object>)]
    pub achievements: Vec<export::ExportedAchievement>,
    /// What the coach knows about the user.
    #[schema(value_type = Vec<Object>)]
    pub coach_facts: Vec<crate::server::db::facts::Fact>,
    /// The charts the coach drew (spec, ECharts option, SQL).
    pub charts: Vec<crate::server::db::visualizations::VisualizationView>,
    /// The user's own words for exercises, learned in the chat.
    pub exercise_aliases: Vec<crate::server::db::aliases::ExportedAlias>,
    /// Goals, active or not, with when each was met.
    pub goals: Vec<ExportedGoal>,
    /// The training plan, pending and done.
    pub plan_items: Vec<crate::server::db::plan::PlanItem>,
}

/// A goal with the slug of its exercise: catalog ids differ between instances, so a restore
/// finds the exercise by slug.
#[derive(Serialize, utoipa::ToSchema)]
pub struct ExportedGoal {
    #[serde(flatten)]
    pub goal: crate::server::db::goals::GoalRow,
    pub exercise_slug: Option<String>,
}

/// Everything stored about the user, as a JSON download (never password or token hashes).
#[utoipa::path(get, path = "/api/v1/me/export", tag = "me", responses(
    (status = 200, body = Export), (status = 401, body = ErrorBody)))]
pub async fn export(Caller(state, p): Caller) -> Result<Response, ApiError> {
    let user_id = &p.user.id;
    let mut all_conversations = Vec::new();
    let mut page = 1;
    loop {
        let request = Page {
            page,
            per_page: MAX_PER_PAGE,
        };
        let (items, total) = conversations::list(&state.db, user_id, request, None).await?;
        let done = items.is_empty() || all_conversations.len() + items.len() >= total as usize;
        all_conversations.extend(items);
        if done {
            break;
        }
        page += 1;
    }
    let mut workouts = Vec::new();
    let mut page = 1;
    loop {
        let request = Page {
            page,
            per_page: MAX_PER_PAGE,
        };
        let (items, total) = workouts::list(&state.db, user_id, request).await?;
        let done = items.is_empty() || workouts.len() + items.len() >= total as usize;
        for w in items {
            if let Some(detail) = log::detail(&state.db, user_id, &w.id).await? {
                workouts.push(detail);
            }
        }
        if done {
            break;
        }
        page += 1;
    }
    let mut plan_items = Vec::new();
    let mut page = 1;
    loop {
        let request = Page {
            page,
            per_page: MAX_PER_PAGE,
        };
        let (items, total) =
            crate::server::db::plan::list(&state.db, user_id, None, request).await?;
        let done = items.is_empty() || plan_items.len() + items.len() >= total as usize;
        plan_items.extend(items);
        if done {
            break;
        }
        page += 1;
    }
    let all_exercises = exercises::all_for_user(&state.db, user_id).await?;
    let custom_exercises = all_exercises
        .iter()
        .filter(|e| e.is_custom())
        .cloned()
        .collect();
    let body = Export {
        exported_at: now(),
        user: MeResponse::from(&p.user),
        api_tokens: tokens::list(&state.db, user_id).await?,
        conversations: all_conversations,
        messages: crate::server::db::messages::all_for_user(&state.db, user_id).await?,
        workouts,
        custom_exercises,
        personal_records: export::personal_records(&state.db, user_id).await?,
        achievements: export::achievements(&state.db, user_id).await?,
        coach_facts: crate::server::db::facts::list(&state.db, user_id).await?,
        charts: crate::server::db::visualizations::all_for_user(&state.db, user_id)
            .await?
            .iter()
            .map(|v| v.view())
            .collect(),
        exercise_aliases: crate::server::db::aliases::all_for_user(&state.db, user_id).await?,
        goals: crate::server::db::goals::list(&state.db, user_id)
            .await?
            .into_iter()
            .map(|goal| ExportedGoal {
                exercise_slug: goal.exercise_id.as_ref().and_then(|id| {
                    all_exercises
                        .iter()
                        .find(|e| &e.id == id)
                        .map(|e| e.slug.clone())
                }),
                goal,
            })
            .collect(),
        plan_items,
    };
    let filename = format!(
        "attachment; filename=\"spotter-export-{}.json\"",
        now().format("%Y-%m-%d")
    );
    Ok(([(CONTENT_DISPOSITION, filename)], Json(body)).into_response())
}
