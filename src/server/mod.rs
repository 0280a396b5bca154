//! Everything with I/O (feature `ssr`): configuration, CLI, database, authentication, the REST
//! API and the Leptos site. [`app`] builds the whole router so tests can serve it on port 0.
//!
//! - [`config`]: settings from the environment; secrets with redacted `Debug`.
//! - [`cli`]: `spotter serve|migrate|user add|token create|import|recompute|demo`, one module
//!   per command.
//! - [`state`]: [`AppState`], what every handler and command shares.
//! - [`db`]: the SQLite/PostgreSQL pool, migrations and one repository module per aggregate.
//! - [`auth`]: passwords, sessions, API tokens, CSRF and login throttling.
//! - [`services`]: what a user can do with their training log (log, exercises, goals, plan,
//!   import, recompute, stats, and each page's data), one service shared by REST, the page
//!   forms, the server functions, the CLI and (next) the coach's tools.
//! - [`demo`]: stores the demo account that `domain::demo_data` generates (`spotter demo`).
//! - [`llm`]: the coach's language model behind one trait (the offline coach by default).
//! - [`html_labels`]: the words of the HTML the server makes (charts, log cards), EN/HE.
//! - [`http`]: the `/api/v1` REST routes, the error shape, security headers, OpenAPI.
//! - [`markdown`]: the coach's replies as safe HTML (pulldown-cmark, raw HTML off).
//! - [`markup`]: every other HTML fragment the server makes, as Leptos views turned to strings.
//! - [`charts`]: the coach's charts: spec → sandboxed rows → ECharts option, stored.
//! - [`sandbox`]: the trainer's SQL run read-only on the user's rows (the engine layer).
//! - [`local_time`]: local wall-clock times (exports, forms, due dates) as UTC.
//! - [`site`]: the Leptos pages, static files and the plain-HTML form handlers.

pub mod auth;
pub mod charts;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod html_labels;
pub mod http;
pub mod llm;
pub mod local_time;
pub mod markdown;
pub mod markup;
pub mod rendered;
pub mod sandbox;
pub mod services;
pub mod site;
pub mod state;
pub mod static_files;

pub use state::AppState;

use axum::Router;
use std::net::SocketAddr;

/// The whole application: REST API, pages, static files, with every middleware applied.
pub fn app(state: AppState) -> Router {
    let api = http::routes::router(state.clone());
    let site = site::router(state.clone());
    http::middleware::wrap(api.merge(site), state)
}

/// How long the coach's replies being written get to store their text at shutdown.
pub const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

/// Serves `app` on an already-bound listener until `shutdown` resolves; then the coach's
/// replies being written end with their text stored, and open requests finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use axum::serve::ListenerExt as _;
    let live = state.live.clone();
    // Streamed replies are many small writes: without TCP_NODELAY each one after the first
    // waits for the client's delayed ACK (~40 ms).
    let listener = listener.tap_io(|tcp| {
        let _ = tcp.set_nodelay(true);
    });
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        live.shutdown(SHUTDOWN_GRACE).await;
    })
    .await
}
