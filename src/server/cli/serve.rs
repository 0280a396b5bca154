//! `spotter serve` (also what `spotter` alone does): purge expired sessions, serve the app on
//! the configured address, send the weekly check-ins as they fall due, and stop gracefully on
//! Ctrl-C or SIGTERM.

use leptos::config::LeptosOptions;

use super::error::CliError;
use super::setup::Setup;
use crate::server::db::sessions;

pub(super) async fn run() -> Result<(), CliError> {
    let setup = Setup::open().await?;
    let site = site_options(setup.config.addr)?;
    let addr = site.site_addr;
    let db = setup.db.clone();
    let purged = sessions::purge_expired(&db).await?;
    let state = setup.state_with(site).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    // The address really bound (port 0 picks a free one).
    let addr = listener.local_addr()?;
    tracing::info!(%addr, engine = ?db.engine(), purged_sessions = purged, "Spotter is listening on http://{addr}");
    let checkins = tokio::spawn(crate::server::services::checkin::scheduler(state.clone()));
    crate::server::serve(listener, state, shutdown_signal()).await?;
    checkins.abort();
    db.close().await;
    Ok(())
}

/// Loads `Leptos.toml` (the site settings), or defaults when it is absent.
fn site_options(addr_override: Option<std::net::SocketAddr>) -> Result<LeptosOptions, CliError> {
    let mut options = if std::path::Path::new("Leptos.toml").exists() {
        leptos::config::get_configuration(Some("Leptos.toml"))
            .map_err(|e| CliError::Leptos(e.to_string()))?
            .leptos_options
    } else {
        leptos::config::get_configuration(None)
            .map_err(|e| CliError::Leptos(e.to_string()))?
            .leptos_options
    };
    if let Some(addr) = addr_override {
        options.site_addr = addr;
    }
    // scripts/build.sh copies the client to names with its hash and writes them beside the
    // binary: pages then ask for files that never change, cached for good. (Leptos reads the
    // file on every page and fails without it, so this is on only when it is there.)
    options.hash_files = crate::server::static_files::hash_file_present(&options.hash_file);
    Ok(options)
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
    tracing::info!("shutting down");
}
