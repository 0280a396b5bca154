//! The plan page's forms: add an item (due date in words), mark it done or reopen it, delete
//! it. Each answers with a 303 back to `/plan`; a refusal carries the typed fields back.

use axum::extract::Path;
use axum::response::Response;

use super::redirects::{
    Fields, SeeOther, back_with, failed, field, fields, first_field_error, item_id, item_outcome,
    see_other,
};
use super::signed_in::SignedIn;
use crate::domain::i18n::FormError;
use crate::domain::plan::{PlanInput, Status};
use crate::server::db::plan;
use crate::server::services::plan::{PlanError, create_item, update_item};

/// `POST /plan`.
pub async fn create(SignedIn(state, p): SignedIn, form: Fields) -> Response {
    let fields = fields(form);
    let back = |error| back_with("/plan", error, &fields, "#new-item");
    let priority = match field(&fields, "priority").map(|v| v.parse()) {
        None => None,
        Some(Ok(p)) => Some(p),
        Some(Err(_)) => return back(FormError::InvalidInput),
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
        Err(PlanError::Invalid(errors)) => back(first_field_error(
            &errors,
            &[("title", FormError::PlanTitle), ("due", FormError::PlanDue)],
        )),
        Err(PlanError::Db(e)) => failed("/plan", "#new-item", "adding a plan item", e),
    }
}

/// `POST /plan/{id}/status` with `status=done|pending`.
pub async fn set_status(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
    form: Fields,
) -> Result<Response, SeeOther> {
    let fields = fields(form);
    let status = field(&fields, "status")
        .and_then(|s| s.parse::<Status>().ok())
        .ok_or_else(|| SeeOther::refused("/plan", FormError::InvalidInput, ""))?;
    let id = item_id(&id, "/plan", "")?;
    let input = PlanInput {
        status: Some(status),
        ..PlanInput::default()
    };
    let result = update_item(&state.db, &p.user, &id, &input)
        .await
        .map(|item| item.is_some());
    Ok(item_outcome(
        "/plan",
        "",
        "",
        "changing a plan item",
        result,
    ))
}

/// `POST /plan/{id}/delete` (a soft delete, as in the API).
pub async fn delete(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, SeeOther> {
    let id = item_id(&id, "/plan", "")?;
    let result = plan::soft_delete(&state.db, &p.user.id, &id).await;
    Ok(item_outcome(
        "/plan",
        "deleted=1",
        "",
        "deleting a plan item",
        result,
    ))
}
