//! The message box under a chat: a plain form (it works with JavaScript off), the text in its
//! own direction, and a `client_id` that makes a double submit one message, not two. Once
//! hydrated, Enter sends and Shift+Enter starts a new line; on a thread page the text goes to
//! `on_send` (no page load, the box is cleared for the next message), elsewhere the form
//! posts and the button is disabled while the message is on its way.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::components::live_reply::LiveFlag;
use crate::app::components::notice::ErrorNotice;
use crate::app::use_strings;

#[component]
pub fn Composer(
    /// Where the form posts (`/` or `/c/{id}`).
    action: String,
    /// Stable for one state of the thread, so resubmitting the same form is recognised.
    client_id: String,
    /// Once hydrated, the text goes here instead of being posted (the thread page sends it
    /// without a page load).
    #[prop(optional)]
    on_send: Option<Callback<String>>,
) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    // A refused message comes back in the query: the text is not lost.
    let typed = query.read_untracked().get("content").unwrap_or_default();
    let form = NodeRef::<leptos::html::Form>::new();
    let sending = RwSignal::new(false);
    // A page restored from the back/forward cache keeps its state: let it send again.
    let restored = window_event_listener(leptos::ev::pageshow, move |_| sending.set(false));
    on_cleanup(move || restored.remove());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // Not while an input method is composing (a candidate is being chosen).
        if ev.key() == "Enter" && !ev.shift_key() && !ev.is_composing() {
            ev.prevent_default();
            if let Some(form) = form.get() {
                let _ = form.request_submit();
            }
        }
    };
    let area = NodeRef::<leptos::html::Textarea>::new();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        let (Some(send), Some(area)) = (on_send, area.get()) else {
            sending.set(true);
            return;
        };
        ev.prevent_default();
        let text = area.value();
        if text.trim().is_empty() {
            return;
        }
        area.set_value("");
        send.run(text);
    };
    view! {
        <form class="composer" id="composer" method="post" action=action node_ref=form
            on:submit=on_submit>
            <ErrorNotice/>
            <label class="sr-only" for="content">{t.chat_placeholder}</label>
            <textarea id="content" name="content" rows="3" maxlength="10000" required dir="auto" node_ref=area
                placeholder=t.chat_placeholder on:keydown=on_key>{crate::app::raw_text(typed)}</textarea>
            <input type="hidden" name="client_id" value=client_id/>
            <LiveFlag/>
            <button type="submit" class="btn btn-primary" disabled=move || sending.get()>{t.chat_send}</button>
        </form>
    }
}
