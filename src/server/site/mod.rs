//! The server-rendered site: Leptos pages (with the request's `Viewer` and [`AppState`] in
//! context), static files from the site root, Leptos server functions under `/fn`, and the
//! plain-HTML form handlers, so every page works with JavaScript off.
//!
//! - [`guard`]: anonymous visitors of private pages go to `/login`, signed-in ones skip it.
//! - [`signed_in`]: the extractor every form handler that needs a user takes.
//! - [`redirects`]: how a form answers (303 with `?error=` or `?saved=`, typed fields kept).
//! - [`account_forms`], [`chat_forms`], [`fact_forms`], [`profile_forms`], [`workout_forms`], [`goal_forms`], [`plan_forms`], [`import_forms`]:
//!   one module per page's forms, each calling the same service as the REST API.

pub mod account_forms;
pub mod chat_forms;
pub mod fact_forms;
pub mod goal_forms;
pub mod guard;
pub mod import_forms;
pub mod plan_forms;
pub mod profile_forms;
pub mod redirects;
pub mod signed_in;
pub mod workout_forms;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::post;
use leptos::prelude::provide_context;
use leptos_axum::{
    AxumRouteListing, LeptosRoutes, generate_route_list, handle_server_fns_with_context,
};
use std::sync::OnceLock;

use crate::app::{App, shell};
use crate::server::state::AppState;

/// Leptos's route list, generated once per process. Generating it suppresses resource loads
/// process-wide (leptos_server's `SuppressResourceLoad`, leptos-rs/leptos#4773): a page that
/// starts rendering meanwhile, in another app of the same process (the test suite runs many),
/// waits on a resource that never loads and its response hangs forever.
fn route_list() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

pub fn router(state: AppState) -> Router {
    let routes = route_list();
    let context_state = state.clone();
    let fn_state = state.clone();
    let options = state.leptos.clone();
    Router::new()
        .route("/", post(chat_forms::start))
        .route("/c/{id}", post(chat_forms::reply))
        .route("/c/{id}/rename", post(chat_forms::rename))
        .route("/c/{id}/m/{message}/feedback", post(chat_forms::feedback))
        .route("/c/{id}/m/{message}/stop", post(chat_forms::stop))
        .route(
            "/c/{id}/m/{message}/regenerate",
            post(chat_forms::regenerate),
        )
        .route("/c/{id}/delete", post(chat_forms::delete))
        .route("/c/{id}/w/{workout}/undo", post(chat_forms::undo_log))
        .route("/login", post(account_forms::login))
        .route("/register", post(account_forms::register))
        .route("/log", post(workout_forms::log_workout))
        .route("/log/words", post(workout_forms::log_words))
        .route("/log/{id}/delete", post(workout_forms::delete_workout))
        .route("/goals", post(goal_forms::create))
        .route("/goals/{id}/active", post(goal_forms::set_active))
        .route("/goals/{id}/delete", post(goal_forms::delete))
        .route("/plan", post(plan_forms::create))
        .route("/plan/{id}/status", post(plan_forms::set_status))
        .route("/plan/{id}/delete", post(plan_forms::delete))
        .route("/logout", post(account_forms::logout))
        .route("/settings", post(account_forms::settings))
        .route("/settings/tokens", post(account_forms::create_token))
        .route(
            "/settings/tokens/{id}/revoke",
            post(account_forms::revoke_token),
        )
        .route("/settings/delete", post(account_forms::delete_account))
        .route("/settings/facts", post(fact_forms::create))
        .route("/settings/facts/{id}", post(fact_forms::update))
        .route("/settings/facts/{id}/delete", post(fact_forms::delete))
        .route("/settings/profile", post(profile_forms::save))
        .route(
            "/settings/import",
            post(import_forms::preview).layer(DefaultBodyLimit::max(
                crate::server::http::routes::import::IMPORT_BODY_LIMIT + 64 * 1024,
            )),
        )
        .route("/settings/import/{token}", post(import_forms::confirm))
        .route(
            "/settings/import/{token}/cancel",
            post(import_forms::cancel),
        )
        .route(
            "/fn/{*name}",
            post(move |req| {
                handle_server_fns_with_context(move || provide_context(fn_state.clone()), req)
            }),
        )
        .leptos_routes_with_context(
            &state,
            routes,
            move || provide_context(context_state.clone()),
            move || shell(options.clone()),
        )
        .merge(crate::server::static_files::routes(&state.leptos.site_root))
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(guard::pages))
        .with_state(state)
}
