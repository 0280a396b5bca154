//! The client's IP address as the server sees it: the key of per-IP throttling (login,
//! registration) for the REST routes and the HTML forms alike.

use std::net::SocketAddr;

use axum::Extension;
use axum::extract::ConnectInfo;

/// The peer's IP address (the key of per-IP throttling). Behind a reverse proxy this is the
/// proxy's address; "unknown" when the server was not started with connect info.
pub fn client_ip(addr: Option<&Extension<ConnectInfo<SocketAddr>>>) -> String {
    addr.map(|Extension(ConnectInfo(a))| a.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}
