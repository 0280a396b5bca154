//! Authentication and request-level security: argon2id passwords, server-side sessions,
//! API tokens, CSRF origin checks and login throttling.
//!
//! A request is authenticated once, by [`principal::resolve`], which puts an optional
//! [`Principal`] into the request extensions; handlers take [`CurrentUser`] to require one.
//!
//! - [`account`]: register, log in, log out, change settings (REST and forms share them).
//! - [`api_tokens`]: issuing an API token (REST, the settings form, `spotter token create`).
//! - [`client_ip()`]: the address per-IP throttling keys on (the peer, or what a trusted
//!   proxy says in `X-Forwarded-For`).
//! - [`cookie`]: the session cookie, set and cleared.
//! - [`csrf`]: the origin check on unsafe requests that are not bearer-authenticated.
//! - [`password`]: argon2id hashing and verification.
//! - [`principal`]: who is asking, resolved once per request.
//! - [`rate_limit`]: login and registration throttles.
//! - [`secret`]: random bearer secrets and their keyed hashes.

pub mod account;
pub mod api_tokens;
mod client_ip;
pub mod cookie;
pub mod csrf;
pub mod password;
pub mod principal;
pub mod rate_limit;
pub mod secret;

pub use client_ip::client_ip;
pub use principal::{AuthVia, Caller, CurrentUser, Principal};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "spotter_session";
