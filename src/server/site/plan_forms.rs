//! The plan page's forms: add an item (due date in words), mark it done or reopen it, delete
//! it. Each answers with a 303 back to `/plan`; a refusal carries the typed fields back.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::Response;

use super::forms::{Fields, back_with, field, item_outcome, see_other};
use crate::domain::plan::{PlanInput, Status};
use crate::server::auth::Principal;
use crate::server::db::{Id, plan};
use crate::server::state::AppState;
use crate::server::training::plan::{PlanError, create_item, update_item};

/// `POST /plan`.
pub async fn create(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    form: Fields,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/plan");
    };
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    let back = |code: &str| back_with("/plan", code, &fields, "#new-item");
    let priority = match field(&fields, "priority").map(|v| v.parse()) {
        None => None,
        Some(Ok(p)) => Some(p),
        Some(Err(_)) => return back("invalid_input"),
    };
    let input = PlanInput {
        title: Some(field(&fields, "title").unwrap_or_default()),
        description: field(&fields, "description"),
        due: field(&fields, "due"),
        priority,
        ..PlanInput::default()
    };
    match create_item(&state.db, &p.user, &input).await {
        Ok(_) => see_other("/plan?saved=1"),
        Err(PlanError::Invalid(errors)) => back(match errors.first().map(|e| e.field.as_str()) {
            Some("title") => "plan_title",
            Some("due") => "plan_due",
            _ => "invalid_input",
        }),
        Err(PlanError::Db(e)) => {
            tracing::error!(error = %e, "adding a plan item failed");
            back("generic")
        }
    }
}

/// `POST /plan/{id}/status` with `status=done|pending`.
pub async fn set_status(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    Path(id): Path<String>,
    form: Fields,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/plan");
    };
    let fields = form.map(|Form(f)| f).unwrap_or_default();
    let Some(status) = field(&fields, "status").and_then(|s| s.parse::<Status>().ok()) else {
        return see_other("/plan?error=invalid_input");
    };
    let Some(id) = Id::parse(&id) else {
        return see_other("/plan?error=not_found");
    };
    let input = PlanInput {
        status: Some(status),
        ..PlanInput::default()
    };
    let result = update_item(&state.db, &p.user, &id, &input)
        .await
        .map(|item| item.is_some());
    item_outcome("/plan", "", "", "changing a plan item", result)
}

/// `POST /plan/{id}/delete` (a soft delete, as in the API).
pub async fn delete(
    State(state): State<AppState>,
    principal: Option<axum::Extension<Principal>>,
    Path(id): Path<String>,
) -> Response {
    let Some(axum::Extension(p)) = principal else {
        return see_other("/login?next=/plan");
    };
    let Some(id) = Id::parse(&id) else {
        return see_other("/plan?error=not_found");
    };
    let result = plan::soft_delete(&state.db, &p.user.id, &id).await;
    item_outcome("/plan", "deleted=1", "", "deleting a plan item", result)
}
