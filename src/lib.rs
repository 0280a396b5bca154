//! Spotter: a self-hosted AI personal trainer.
//!
//! The crate is layered, and arrows point one way: `app → api → server → domain`.
//! - [`domain`]: pure Rust with no I/O: accounts and preferences, the exercise catalog, workouts,
//!   imports, scoring, goals and plans, the demo account's data, translations, pagination.
//!   It compiles for the browser too.
//! - `server` (feature `ssr`): configuration, CLI, database, authentication, the services every
//!   feature is reached through, the demo account, REST API, the site and its forms.
//! - [`api`]: Leptos server functions, thin adapters over `server::services`.
//! - [`app`]: Leptos components: the shell, pages and shared components.
//!
//! The binary (`src/main.rs`) only calls `server::cli::main`.

#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod domain;
#[cfg(feature = "ssr")]
pub mod fuzzing;
#[cfg(not(target_arch = "wasm32"))]
pub mod scratch;
#[cfg(feature = "ssr")]
pub mod server;

/// Browser entry point: hydrates the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    // A panic's message goes to the browser console (what console_error_panic_hook does,
    // less the JavaScript stack, which costs the bundle more than it tells).
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
    }));
    leptos::mount::hydrate_body(app::App);
    app::components::copy_button::install();
}
