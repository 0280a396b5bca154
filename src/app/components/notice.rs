//! Status messages: errors carried back in `?error=code`, and confirmations.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::use_strings;
use crate::domain::i18n::error_message;

/// Shows the translated message for `?error=code`, if present. A page with several forms puts
/// one notice next to each form: `only` lists the codes this one shows, `except` the codes a
/// notice elsewhere on the page shows, so the error appears where the user is looking.
#[component]
pub fn ErrorNotice(
    #[prop(optional)] only: Option<&'static [&'static str]>,
    #[prop(optional)] except: Option<&'static [&'static str]>,
) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    move || {
        query
            .read()
            .get("error")
            .filter(|code| only.is_none_or(|o| o.contains(&code.as_str())))
            .filter(|code| except.is_none_or(|e| !e.contains(&code.as_str())))
            .map(|code| view! { <p class="notice notice-error" role="alert">{error_message(t, &code)}</p> })
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
