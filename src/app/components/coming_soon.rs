//! An honest empty state for pages whose feature has not landed yet.

use leptos::prelude::*;

use crate::app::use_strings;

#[component]
pub fn ComingSoon(title: &'static str, body: &'static str) -> impl IntoView {
    let t = use_strings();
    view! {
        <section class="empty-state">
            <h1>{title}</h1>
            <p class="badge">{t.coming_soon}</p>
            <p>{body}</p>
        </section>
    }
}
