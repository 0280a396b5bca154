//! The message box under a chat: a plain form (it works with JavaScript off), the text in its
//! own direction, and a `client_id` that makes a double submit one message, not two.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::components::notice::ErrorNotice;
use crate::app::use_strings;

#[component]
pub fn Composer(
    /// Where the form posts (`/` or `/c/{id}`).
    action: String,
    /// Stable for one state of the thread, so resubmitting the same form is recognised.
    client_id: String,
) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    // A refused message comes back in the query: the text is not lost.
    let typed = query.read_untracked().get("content").unwrap_or_default();
    view! {
        <form class="composer" id="composer" method="post" action=action>
            <ErrorNotice/>
            <label class="sr-only" for="content">{t.chat_placeholder}</label>
            <textarea id="content" name="content" rows="3" maxlength="10000" required dir="auto"
                placeholder=t.chat_placeholder>{typed}</textarea>
            <input type="hidden" name="client_id" value=client_id/>
            <button type="submit" class="btn btn-primary">{t.chat_send}</button>
        </form>
    }
}
