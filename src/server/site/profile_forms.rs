//! Settings' training-profile form (`POST /settings/profile`): the whole profile read from
//! the form (`domain::profile_form`), checked and stored; a 303 back to `/settings#training`,
//! with `?saved=1`, or with what was not understood (`?training_error=<code>&training_words=…`)
//! and every field as typed, so nothing typed is lost.

use axum::response::Response;

use super::redirects::{Fields, failed, fields, see_other};
use super::signed_in::SignedIn;
use crate::domain::profile_form::read;
use crate::domain::url_query::query_value;
use crate::server::db::training_profile;

const PAGE: &str = "/settings";
const ANCHOR: &str = "#training";

/// Back to the form with the refusal and the fields as typed (`t_<name>=…`).
fn refused(code: &str, words: &str, fields: &[(String, String)]) -> Response {
    let mut to = format!(
        "{PAGE}?training_error={}&training_words={}",
        query_value(code),
        query_value(words)
    );
    for (k, v) in fields.iter().take(100) {
        to.push_str(&format!("&t_{}={}", query_value(k), query_value(v)));
    }
    to.push_str(ANCHOR);
    see_other(&to)
}

/// `POST /settings/profile`.
pub async fn save(SignedIn(state, p): SignedIn, form: Fields) -> Response {
    let fields = fields(form);
    let patch = match read(&fields) {
        Ok(patch) => patch,
        Err(e) => {
            let (code, words) = e.code();
            return refused(code, words, &fields);
        }
    };
    let current = match training_profile::get(&state.db, &p.user.id).await {
        Ok(current) => current,
        Err(e) => return failed(PAGE, ANCHOR, "reading the training profile", e),
    };
    let next = match current.apply(&patch) {
        Ok(next) => next,
        Err(e) => return refused(&e.code, "", &fields),
    };
    match training_profile::set(&state.db, &p.user.id, &next).await {
        Ok(()) => see_other(&format!("{PAGE}?saved=1{ANCHOR}")),
        Err(e) => failed(PAGE, ANCHOR, "saving the training profile", e),
    }
}
