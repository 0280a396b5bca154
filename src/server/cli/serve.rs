//! `spotter serve` (also what `spotter` alone does): wait for a PostgreSQL that is not up yet
//! (answering 503 meanwhile), purge expired sessions, mark the replies a killed run left
//! half-written as failed, serve the app on the configured address, send the weekly check-ins
//! as they fall due, and stop gracefully on Ctrl-C or SIGTERM.

use leptos::config::LeptosOptions;

use super::error::CliError;
use super::setup::Setup;
use crate::server::db::sessions;

pub(super) async fn run() -> Result<(), CliError> {
    let config = crate::server::config::Config::from_env()?;
    let site = site_options(config.addr)?;
    let listener = std::net::TcpListener::bind(site.site_addr)?;
    listener.set_nonblocking(true)?;
    let setup = until_the_database_answers(config, &listener).await?;
    let db = setup.db.clone();
    survive_file_size_limit();
    let purged = sessions::purge_expired(&db).await?;
    let interrupted = crate::server::services::chat::interrupted::at_start(&db).await?;
    let state = setup.state_with(site).await?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
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

/// How often a server started before its PostgreSQL tries it again.
const RETRY_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

/// Connects and migrates. A PostgreSQL that does not answer yet (started together, restarting)
/// is waited for: meanwhile the address answers `/healthz` and 503 with the error shape for
/// everything else ([`starting`]), so a load balancer and a user see why, and the app takes
/// over the same socket once the database answers, without a restart. SQLite has nothing to
/// wait for: its errors end the command.
async fn until_the_database_answers(
    config: crate::server::config::Config,
    listener: &std::net::TcpListener,
) -> Result<Setup, CliError> {
    let postgres = config.database_url.expose().starts_with("postgres");
    let first = Setup::open_with(config.clone()).await;
    let error = match first {
        Ok(setup) => return Ok(setup),
        Err(e) if !postgres => return Err(e),
        Err(e) => e,
    };
    tracing::warn!(error = %error, "the database does not answer; answering 503 until it does");
    let (ready, answered) = tokio::sync::oneshot::channel::<()>();
    let waiting = tokio::net::TcpListener::from_std(listener.try_clone()?)?;
    let stand_in = tokio::spawn(async move {
        let app = starting();
        let _ = axum::serve(waiting, app)
            .with_graceful_shutdown(async move {
                let _ = answered.await;
            })
            .await;
    });
    let mut attempts = 1u32;
    // Ctrl-C or SIGTERM while waiting stops the wait (and the command).
    let stop = shutdown_signal();
    tokio::pin!(stop);
    let setup = loop {
        tokio::select! {
            () = tokio::time::sleep(RETRY_EVERY) => {}
            () = &mut stop => {
                let _ = ready.send(());
                let _ = stand_in.await;
                return Err(CliError::User(format!(
                    "stopped before the database answered ({attempts} attempts): {error}"
                )));
            }
        }
        match Setup::open_with(config.clone()).await {
            Ok(setup) => break setup,
            Err(e) => {
                attempts += 1;
                if attempts.is_multiple_of(15) {
                    tracing::warn!(error = %e, attempts, "the database still does not answer");
                }
            }
        }
    };
    let _ = ready.send(());
    let _ = stand_in.await;
    tracing::info!(attempts, "the database answers");
    Ok(setup)
}

/// What the address answers while the database is not there yet.
fn starting() -> axum::Router {
    use axum::routing::get;
    axum::Router::new()
        .route(
            "/healthz",
            get(|| async { axum::Json(serde_json::json!({"status": "starting"})) }),
        )
        .fallback(|| async {
            let mut e = crate::server::http::error::ApiError::unavailable();
            e.retry_after_s = Some(RETRY_EVERY.as_secs());
            e
        })
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
