//! How a plain form answers: a 303 back to its page with the outcome in the query string
//! (`?error=code`, `?saved=1`) and, on a refusal, every typed field so the form is filled in
//! again. Handlers return `Result<Response, Response>` and use `?` on these helpers.

use axum::Form;
use axum::extract::rejection::FormRejection;
use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::account::FieldError;
use crate::domain::i18n::FormError;
pub use crate::domain::url_query::query_value;
use crate::server::db::Id;

/// A 303 to a URL, as a value small enough for handlers to `?` on it.
pub struct SeeOther(pub String);

impl SeeOther {
    /// `page?error=code#anchor`.
    pub fn refused(page: &str, error: FormError, anchor: &str) -> SeeOther {
        SeeOther(format!("{page}?error={error}{anchor}"))
    }
}

impl IntoResponse for SeeOther {
    fn into_response(self) -> Response {
        Redirect::to(&self.0).into_response()
    }
}

pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

/// `page?error=code#anchor`.
pub fn refused(page: &str, error: FormError, anchor: &str) -> Response {
    SeeOther::refused(page, error, anchor).into_response()
}

/// `page?error=code&k=v…extra`: a refusal that carries every non-empty typed field back so
/// the form is filled in again.
pub fn back_with(
    page: &str,
    error: FormError,
    fields: &[(String, String)],
    extra: &str,
) -> Response {
    let mut to = format!("{page}?error={error}");
    for (k, v) in fields
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .take(400)
    {
        to.push_str(&format!("&{}={}", query_value(k), query_value(v)));
    }
    to.push_str(extra);
    see_other(&to)
}

/// A form's fields in order, as sent (a malformed body is rejected, not guessed at).
pub type Fields = Result<Form<Vec<(String, String)>>, FormRejection>;

/// The fields of a form body; a malformed body reads as an empty form.
pub fn fields(form: Fields) -> Vec<(String, String)> {
    form.map(|Form(f)| f).unwrap_or_default()
}

/// A form's non-empty field, trimmed.
pub fn field(fields: &[(String, String)], name: &str) -> Option<String> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The id in a form's path (`/goals/{id}/delete`), or the page with `?error=not_found`.
pub fn item_id(raw: &str, page: &str, anchor: &str) -> Result<Id, SeeOther> {
    Id::parse(raw).ok_or_else(|| SeeOther::refused(page, FormError::NotFound, anchor))
}

/// The form error for a validation failure: the code of the first field that has one in
/// `by_field`, else `invalid_input`.
pub fn first_field_error(errors: &[FieldError], by_field: &[(&str, FormError)]) -> FormError {
    errors
        .first()
        .and_then(|e| by_field.iter().find(|(f, _)| *f == e.field))
        .map_or(FormError::InvalidInput, |(_, code)| *code)
}

/// Logs a failure the user cannot fix and answers with the generic error.
pub fn failed(page: &str, anchor: &str, what: &str, error: impl std::fmt::Display) -> Response {
    tracing::error!(error = %error, "{what} failed");
    refused(page, FormError::Generic, anchor)
}

/// The redirect after changing one of the user's items (`Ok(true)`: done; `Ok(false)`: no such
/// item of theirs): back to `page` with `done` as the query, `?error=not_found`, or, for a
/// database error (logged with `what`), `?error=generic`. `anchor` is appended to each.
pub fn item_outcome(
    page: &str,
    done: &str,
    anchor: &str,
    what: &str,
    result: Result<bool, impl std::fmt::Display>,
) -> Response {
    match result {
        Ok(true) if done.is_empty() => see_other(&format!("{page}{anchor}")),
        Ok(true) => see_other(&format!("{page}?{done}{anchor}")),
        Ok(false) => refused(page, FormError::NotFound, anchor),
        Err(e) => failed(page, anchor, what, e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_known_field_names_the_error() {
        let errors = [FieldError::new("due", "invalid", "x")];
        let map = [("title", FormError::PlanTitle), ("due", FormError::PlanDue)];
        assert_eq!(first_field_error(&errors, &map), FormError::PlanDue);
        assert_eq!(first_field_error(&[], &map), FormError::InvalidInput);
        let other = [FieldError::new("priority", "invalid", "x")];
        assert_eq!(first_field_error(&other, &map), FormError::InvalidInput);
    }
}
