//! `spotter serve` (also what `spotter` alone does): purge expired sessions, mark the replies a
//! killed run left half-written as failed, serve the app on
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
    survive_file_size_limit();
    let purged = sessions::purge_expired(&db).await?;
    let interrupted = crate::server::services::chat::interrupted::at_start(&db).await?;
    let state = setup.state_with(site).await?;
    let listener = tokio::net::TcpListener::bind(addr).await?;
    // The address really bound (port 0 picks a free one).
    let addr = listener.local_addr()?;
    tracing::info!(%addr, engine = ?db.engine(), purged_sessions = purged, interrupted_replies = interrupted, "Spotter is listening on http://{addr}");
    let checkins = tokio::spawn(crate::server::services::checkin::scheduler(state.clone()));
    let sweeper = tokio::spawn(crate::server::services::chat::interrupted::sweeper(
        db.clone(),
    ));
    crate::server::serve(listener, state, shutdown_signal()).await?;
    checkins.abort();
    sweeper.abort();
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

/// A file reaching the process's size limit (`ulimit -f`) raises SIGXFSZ, whose default is
/// to kill the server. Caught, the write fails instead (EFBIG), SQLite reports it, and the one
/// request answers with a storage error while the rest go on.
fn survive_file_size_limit() {
    #[cfg(target_os = "linux")]
    {
        const SIGXFSZ: i32 = 25;
        use tokio::signal::unix::{SignalKind, signal};
        if let Ok(mut s) = signal(SignalKind::from_raw(SIGXFSZ)) {
            tokio::spawn(async move {
                while s.recv().await.is_some() {
                    tracing::error!("a file reached the size limit (SIGXFSZ); its write failed");
                }
            });
        }
    }
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
