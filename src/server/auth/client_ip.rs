//! The client's IP address as the server sees it: the key of per-IP throttling (login,
//! registration) for the REST routes and the HTML forms alike. Behind a reverse proxy named in
//! `SPOTTER_TRUSTED_PROXIES`, it is the address the proxy puts last in `X-Forwarded-For` (the
//! proxy sets it to the peer it saw: nginx's `proxy_set_header X-Forwarded-For $remote_addr`);
//! from anyone else the header is ignored, so a client cannot pick its own key.

use std::net::{IpAddr, SocketAddr};

use axum::Extension;
use axum::extract::ConnectInfo;
use axum::http::HeaderMap;

/// The address throttling keys on: the peer's, or, when the peer is a trusted proxy, the last
/// address of its `X-Forwarded-For`. "unknown" when the server was not started with connect
/// info.
pub fn client_ip(
    addr: Option<&Extension<ConnectInfo<SocketAddr>>>,
    headers: &HeaderMap,
    trusted: &[IpAddr],
) -> String {
    let Some(Extension(ConnectInfo(peer))) = addr else {
        return "unknown".into();
    };
    forwarded_for(peer.ip(), headers, trusted)
        .unwrap_or(peer.ip())
        .to_string()
}

/// The client a trusted proxy names, if `peer` is one and names a valid address.
fn forwarded_for(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> Option<IpAddr> {
    if !trusted.contains(&peer) {
        return None;
    }
    let last = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .rfind(|a| !a.is_empty())?;
    last.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(xff: &[&str]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for v in xff {
            h.append("x-forwarded-for", v.parse().unwrap());
        }
        h
    }

    fn from(peer: &str, xff: &[&str], trusted: &[&str]) -> String {
        let addr = SocketAddr::new(peer.parse().unwrap(), 5000);
        let trusted: Vec<IpAddr> = trusted.iter().map(|t| t.parse().unwrap()).collect();
        client_ip(Some(&Extension(ConnectInfo(addr))), &headers(xff), &trusted)
    }

    #[test]
    fn forwarded_for_counts_only_from_a_trusted_proxy() {
        let proxy = ["127.0.0.2"];
        assert_eq!(from("127.0.0.2", &["203.0.113.7"], &proxy), "203.0.113.7");
        // What the client wrote comes first; the proxy's own entry is the last.
        assert_eq!(
            from("127.0.0.2", &["10.0.0.1, 203.0.113.7"], &proxy),
            "203.0.113.7"
        );
        assert_eq!(
            from("127.0.0.2", &["10.0.0.1", "203.0.113.7"], &proxy),
            "203.0.113.7"
        );
        // Anyone else: the header is theirs to write, so it is ignored.
        assert_eq!(from("198.51.100.4", &["10.0.0.1"], &proxy), "198.51.100.4");
        assert_eq!(from("127.0.0.2", &["10.0.0.1"], &[]), "127.0.0.2");
        // A trusted proxy with no header, or nonsense in it: its own address.
        assert_eq!(from("127.0.0.2", &[], &proxy), "127.0.0.2");
        assert_eq!(from("127.0.0.2", &["not an address"], &proxy), "127.0.0.2");
        assert_eq!(from("::1", &["2001:db8::1"], &["::1"]), "2001:db8::1");
    }
}
