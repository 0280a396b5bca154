//! The server-rendered site: Leptos pages (with the request's [`Viewer`] and [`AppState`] in
//! context), static files from the site root, Leptos server functions under `/fn`, the
//! plain-HTML form handlers in [`forms`], and [`guard`] which sends anonymous visitors of
//! private pages to `/login`.

pub mod forms;
pub mod goal_forms;
pub mod guard;
pub mod import_forms;
pub mod plan_forms;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::post;
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list, handle_server_fns_with_context};

use crate::app::{App, shell};
use crate::server::state::AppState;

pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let context_state = state.clone();
    let fn_state = state.clone();
    let options = state.leptos.clone();
    Router::new()
        .route("/login", post(forms::login))
        .route("/register", post(forms::register))
        .route("/log", post(forms::log_workout))
        .route("/log/{id}/delete", post(forms::delete_workout))
        .route("/goals", post(goal_forms::create))
        .route("/goals/{id}/active", post(goal_forms::set_active))
        .route("/goals/{id}/delete", post(goal_forms::delete))
        .route("/plan", post(plan_forms::create))
        .route("/plan/{id}/status", post(plan_forms::set_status))
        .route("/plan/{id}/delete", post(plan_forms::delete))
        .route("/logout", post(forms::logout))
        .route("/settings", post(forms::settings))
        .route("/settings/tokens", post(forms::create_token))
        .route("/settings/tokens/{id}/revoke", post(forms::revoke_token))
        .route("/settings/delete", post(forms::delete_account))
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
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(guard::pages))
        .with_state(state)
}
