//! Status messages: errors carried back in `?error=code`, and confirmations.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::use_strings;
use crate::domain::i18n::FormError;

/// Shows the translated message for `?error=code`, if present. A page with several forms puts
/// one notice next to each form: `only` lists the codes this one shows, `except` the codes a
/// notice elsewhere on the page shows, so the error appears where the user is looking.
#[component]
pub fn ErrorNotice(
    #[prop(optional)] only: Option<&'static [FormError]>,
    #[prop(optional)] except: Option<&'static [FormError]>,
) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    move || {
        query
            .read()
            .get("error")
            .map(|code| FormError::from_query(&code))
            .filter(|e| only.is_none_or(|o| o.contains(e)))
            .filter(|e| except.is_none_or(|x| !x.contains(e)))
            .map(|e| view! { <p class="notice notice-error" role="alert">{e.message(t)}</p> })
    }
}

/// Shows `message` when the query has `key` (e.g. `?saved=1`).
#[component]
pub fn SuccessNotice(key: &'static str, message: &'static str) -> impl IntoView {
    let query = use_query_map();
    move || {
        query
            .read()
            .get(key)
            .map(|_| view! { <p class="notice notice-ok" role="status">{message}</p> })
    }
}
