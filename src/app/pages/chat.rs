//! `/`: the home of a signed-in user, where the coach chat will live.

use leptos::prelude::*;

use crate::app::{use_strings, use_viewer};
use crate::domain::i18n::fill;

#[component]
pub fn ChatPage() -> impl IntoView {
    let t = use_strings();
    let name = use_viewer()
        .user
        .map(|u| u.display_name)
        .unwrap_or_default();
    view! {
        <section class="welcome">
            <h1>{fill(t.welcome_title, &[("name", &name)])}</h1>
            <p>{t.welcome_body}</p>
            <p class="badge">{t.coming_soon}</p>
            <p class="muted">{t.chat_soon}</p>
        </section>
    }
}
