//! Settings' forms for what the coach knows about the user: add, change, delete a fact. Each
//! answers with a 303 back to `/settings#facts`.

use axum::extract::Path;
use axum::response::Response;

use super::redirects::{
    Fields, SeeOther, back_with, failed, field, fields, item_id, item_outcome, see_other,
};
use super::signed_in::SignedIn;
use crate::domain::chat::facts::{FactKind, FactSource, MAX_FACTS, validate_fact};
use crate::domain::i18n::FormError;
use crate::server::db::facts;

const PAGE: &str = "/settings";
const ANCHOR: &str = "#facts";

fn kind(fields: &[(String, String)]) -> FactKind {
    field(fields, "kind")
        .and_then(|k| k.parse().ok())
        .unwrap_or_default()
}

/// `POST /settings/facts`.
pub async fn create(SignedIn(state, p): SignedIn, form: Fields) -> Response {
    let fields = fields(form);
    let Ok(text) = validate_fact(&field(&fields, "text").unwrap_or_default()) else {
        return back_with(PAGE, FormError::Fact, &fields, ANCHOR);
    };
    match facts::count(&state.db, &p.user.id).await {
        Ok(n) if n >= MAX_FACTS as i64 => return back_with(PAGE, FormError::Fact, &fields, ANCHOR),
        Ok(_) => {}
        Err(e) => return failed(PAGE, ANCHOR, "counting facts", e),
    }
    match facts::create(
        &state.db,
        &p.user.id,
        kind(&fields),
        &text,
        FactSource::Settings,
        None,
    )
    .await
    {
        Ok(_) => see_other(&format!("{PAGE}?saved=1{ANCHOR}")),
        Err(e) => failed(PAGE, ANCHOR, "adding a fact", e),
    }
}

/// `POST /settings/facts/{id}`: a new text or kind.
pub async fn update(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
    form: Fields,
) -> Result<Response, SeeOther> {
    let id = item_id(&id, PAGE, ANCHOR)?;
    let fields = fields(form);
    let text = validate_fact(&field(&fields, "text").unwrap_or_default())
        .map_err(|_| SeeOther::refused(PAGE, FormError::Fact, ANCHOR))?;
    let result = facts::update(&state.db, &p.user.id, &id, kind(&fields), &text).await;
    Ok(item_outcome(
        PAGE,
        "saved=1",
        ANCHOR,
        "changing a fact",
        result,
    ))
}

/// `POST /settings/facts/{id}/delete`.
pub async fn delete(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, SeeOther> {
    let id = item_id(&id, PAGE, ANCHOR)?;
    let result = facts::delete(&state.db, &p.user.id, &id).await;
    Ok(item_outcome(
        PAGE,
        "deleted=1",
        ANCHOR,
        "deleting a fact",
        result,
    ))
}
