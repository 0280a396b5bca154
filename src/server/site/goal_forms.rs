//! The goals page's forms: set a goal, pause/resume one, delete one. Each answers with a 303
//! back to `/goals`; a refusal carries the typed fields and an error code.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;

use super::forms::{Fields, back_with, field, item_outcome, see_other};
use crate::domain::goals::{GoalPatch, parse_goal_form};
use crate::server::auth::Principal;
use crate::server::db::{Id, goals};
use crate::server::state::AppState;
use crate::server::training::goals::{GoalError, create_goal, update_goal};

/// `POST /goals`.
pub async fn create(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    form: Fields,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/goals");
    };
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    let back = |code: &str| back_with("/goals", code, &fields, "#new-goal");
    let input = match parse_goal_form(|k| field(&fields, k), p.user.units()) {
        Ok(input) => input,
        Err(code) => return back(code),
    };
    match create_goal(&state.db, &p.user, &input).await {
        Ok(_) => see_other("/goals?saved=1"),
        Err(GoalError::Invalid(errors)) => back(match errors.first().map(|e| e.field.as_str()) {
            Some("target_value") => "goal_target",
            Some("end_date") => "goal_end_date",
            Some("exercise") => "unknown_exercise",
            _ => "invalid_input",
        }),
        Err(GoalError::Db(e)) => {
            tracing::error!(error = %e, "creating a goal failed");
            back("generic")
        }
    }
}

/// `POST /goals/{id}/active` with `active=true|false`: resume or pause.
pub async fn set_active(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    Path(id): Path<String>,
    form: Fields,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/goals");
    };
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    let Some(active) = field(&fields, "active").and_then(|v| v.parse::<bool>().ok()) else {
        return see_other("/goals?error=invalid_input");
    };
    let Some(id) = Id::parse(&id) else {
        return see_other("/goals?error=not_found");
    };
    let change = GoalPatch {
        is_active: Some(active),
        ..GoalPatch::default()
    };
    let result = update_goal(&state.db, &p.user, &id, &change)
        .await
        .map(|g| g.is_some());
    item_outcome("/goals", "", "", "pausing a goal", result)
}

/// `POST /goals/{id}/delete`.
pub async fn delete(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    Path(id): Path<String>,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/goals");
    };
    let Some(id) = Id::parse(&id) else {
        return see_other("/goals?error=not_found");
    };
    let result = goals::delete(&state.db, &p.user.id, &id).await;
    item_outcome("/goals", "deleted=1", "", "deleting a goal", result)
}
