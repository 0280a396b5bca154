//! The Leptos UI. [`shell`] is the HTML document (server only); [`App`] is what hydrates.
//! The request's [`Viewer`] (user and language) is computed on the server, shared with the
//! browser through a `SharedValue`, and provided as context: pages read it with [`use_viewer`].
//!
//! - `components/`: the header and shared pieces.
//! - `pages/`: one file per route of DESIGN.md's page list.

pub mod components;
pub mod pages;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::domain::i18n::{Strings, strings};
use crate::domain::viewer::Viewer;
use components::header::Header;
use pages::{
    chat::ChatPage, conversation::ConversationPage, goals::GoalsPage, history::HistoryPage,
    log::LogPage, login::LoginPage, not_found::NotFound, plan::PlanPage, progress::ProgressPage,
    register::RegisterPage, settings::SettingsPage,
};

/// Bumped when the stylesheet changes, so browsers do not keep a stale copy.
const ASSET_VERSION: &str = env!("CARGO_PKG_VERSION");

/// The HTML document around [`App`]: language and direction, CSP nonce, hydration scripts.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let language = request_viewer().language;
    #[cfg(feature = "ssr")]
    set_page_csp();
    view! {
        <!DOCTYPE html>
        <html lang=language.as_str() dir=if language.is_rtl() { "rtl" } else { "ltr" }>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="stylesheet" href=format!("/main.css?v={ASSET_VERSION}")/>
                // Draws the coach's charts (it loads ECharts only on pages that have one).
                <script src=format!("/charts.js?v={ASSET_VERSION}") defer></script>
                <HydrationScripts options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The request's viewer on the server (put there by `server::auth::principal::resolve`).
fn request_viewer() -> Viewer {
    #[cfg(feature = "ssr")]
    {
        use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Viewer>().cloned())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Viewer::default()
    }
}

/// Hands this response's CSP nonce to `server::http::middleware`, which writes the page's
/// Content-Security-Policy header with it.
#[cfg(feature = "ssr")]
fn set_page_csp() {
    let slot = use_context::<axum::http::request::Parts>().and_then(|parts| {
        parts
            .extensions
            .get::<crate::server::http::middleware::PageNonce>()
            .cloned()
    });
    if let (Some(nonce), Some(slot)) = (leptos::nonce::use_nonce(), slot) {
        slot.set(&nonce);
    }
}

/// Text a user wrote, for an element whose children the server writes as they are: the page
/// `<title>` (leptos_meta) and a `<textarea>` (tachys 0.2 treats it as raw text, like
/// `<script>`). A conversation titled `</title><script>…` or a `?content=</textarea><form …>`
/// link would end the element, so the server escapes the text; in the browser a text node or
/// `document.title` takes plain text (and hydration leaves these children alone).
pub fn raw_text(text: String) -> String {
    #[cfg(feature = "ssr")]
    {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    }
    #[cfg(not(feature = "ssr"))]
    {
        text
    }
}

/// The viewer of this page (signed-in user and language).
pub fn use_viewer() -> Viewer {
    use_context::<Viewer>().unwrap_or_default()
}

/// The strings of this page's language.
pub fn use_strings() -> &'static Strings {
    strings(use_viewer().language)
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let viewer = SharedValue::new(request_viewer).into_inner();
    let t = strings(viewer.language);
    provide_context(viewer);
    view! {
        <Title text=t.app_name/>
        <Router>
            <a class="skip-link" href="#main">{t.skip_to_content}</a>
            <Header/>
            <main id="main" class="page">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=ChatPage ssr=SsrMode::Async/>
                    <Route path=path!("/c/:id") view=ConversationPage ssr=SsrMode::Async/>
                    <Route path=path!("/history") view=HistoryPage ssr=SsrMode::Async/>
                    <Route path=path!("/progress") view=ProgressPage ssr=SsrMode::Async/>
                    <Route path=path!("/log") view=LogPage ssr=SsrMode::Async/>
                    <Route path=path!("/goals") view=GoalsPage ssr=SsrMode::Async/>
                    <Route path=path!("/plan") view=PlanPage ssr=SsrMode::Async/>
                    <Route path=path!("/settings") view=SettingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage/>
                    <Route path=path!("/register") view=RegisterPage/>
                </Routes>
            </main>
        </Router>
    }
}
