//! Any unknown path: a translated 404 page (with a real 404 status on the server).

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_strings;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    let t = use_strings();
    view! {
        <Title text=format!("{} · {}", t.not_found_title, t.app_name)/>
        <section class="empty-state">
            <h1>{t.not_found_title}</h1>
            <p>{t.not_found_body}</p>
            <p><a href="/">{t.back_home}</a></p>
        </section>
    }
}
