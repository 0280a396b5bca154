//! The top bar: brand, main navigation (signed in) or log in / register links, and log out.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::app::{use_strings, use_viewer};

#[component]
pub fn Header() -> impl IntoView {
    let t = use_strings();
    let viewer = use_viewer();
    let location = use_location();
    let current = move |href: &'static str| {
        let path = location.pathname.get();
        let active = if href == "/" {
            path == "/" || path.starts_with("/c/")
        } else {
            path.starts_with(href)
        };
        active.then_some("page")
    };
    let links: [(&'static str, &'static str); 7] = [
        ("/", t.nav_chat),
        ("/history", t.nav_history),
        ("/log", t.nav_log),
        ("/progress", t.nav_progress),
        ("/goals", t.nav_goals),
        ("/plan", t.nav_plan),
        ("/settings", t.nav_settings),
    ];
    // The name is the user's own, in either language: it keeps its own direction.
    let (before, after) = t
        .signed_in_as
        .split_once("{name}")
        .unwrap_or((t.signed_in_as, ""));
    view! {
        <header class="topbar">
            <a class="brand" href="/">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                {t.app_name}
            </a>
            {match viewer.user {
                Some(user) => view! {
                    <nav class="mainnav" aria-label=t.nav_label>
                        {links.into_iter().map(|(href, label)| view! {
                            <a href=href aria-current=move || current(href)>{label}</a>
                        }).collect_view()}
                    </nav>
                    <form class="logout" method="post" action="/logout">
                        <span class="whoami">{before}<bdi>{user.display_name.clone()}</bdi>{after}</span>
                        <button type="submit" class="btn btn-quiet">{t.nav_logout}</button>
                    </form>
                }.into_any(),
                None => view! {
                    <nav class="mainnav" aria-label=t.nav_label>
                        <a href="/login" aria-current=move || current("/login")>{t.nav_login}</a>
                        <a href="/register" aria-current=move || current("/register")>{t.nav_register}</a>
                    </nav>
                }.into_any(),
            }}
        </header>
    }
}
