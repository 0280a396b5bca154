//! The goals page's forms: set a goal, pause/resume one, delete one. Each answers with a 303
//! back to `/goals`; a refusal carries the typed fields and an error code.

use axum::extract::Path;
use axum::response::Response;

use super::redirects::{
    Fields, SeeOther, back_with, failed, field, fields, first_field_error, item_id, item_outcome,
    see_other,
};
use super::signed_in::SignedIn;
use crate::domain::goals::{GoalPatch, parse_goal_form};
use crate::domain::i18n::FormError;
use crate::server::db::goals;
use crate::server::services::goals::{GoalError, create_goal, update_goal};

/// `POST /goals`.
pub async fn create(SignedIn(state, p): SignedIn, form: Fields) -> Response {
    let fields = fields(form);
    let back = |error| back_with("/goals", error, &fields, "#new-goal");
    let input = match parse_goal_form(|k| field(&fields, k), p.user.units) {
        Ok(input) => input,
        Err(error) => return back(error),
    };
    match create_goal(&state.db, &p.user, &input).await {
        Ok(_) => see_other("/goals?saved=1"),
        Err(GoalError::Invalid(errors)) => back(first_field_error(
            &errors,
            &[
                ("target_value", FormError::GoalTarget),
                ("end_date", FormError::GoalEndDate),
                ("exercise", FormError::UnknownExercise),
            ],
        )),
        Err(GoalError::Db(e)) => failed("/goals", "#new-goal", "creating a goal", e),
    }
}

/// `POST /goals/{id}/active` with `active=true|false`: resume or pause.
pub async fn set_active(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
    form: Fields,
) -> Result<Response, SeeOther> {
    let fields = fields(form);
    let active = field(&fields, "active")
        .and_then(|v| v.parse::<bool>().ok())
        .ok_or_else(|| SeeOther::refused("/goals", FormError::InvalidInput, ""))?;
    let id = item_id(&id, "/goals", "")?;
    let change = GoalPatch {
        is_active: Some(active),
        ..GoalPatch::default()
    };
    let result = update_goal(&state.db, &p.user, &id, &change)
        .await
        .map(|g| g.is_some());
    Ok(item_outcome("/goals", "", "", "pausing a goal", result))
}

/// `POST /goals/{id}/delete`.
pub async fn delete(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, SeeOther> {
    let id = item_id(&id, "/goals", "")?;
    let result = goals::delete(&state.db, &p.user.id, &id).await;
    Ok(item_outcome(
        "/goals",
        "deleted=1",
        "",
        "deleting a goal",
        result,
    ))
}
