//! Authentication and request-level security: argon2id passwords, server-side sessions,
//! API tokens, CSRF origin checks and login throttling.
//!
//! A request is authenticated once, by [`principal::resolve`], which puts an optional
//! [`Principal`] into the request extensions; handlers take [`CurrentUser`] to require one.

pub mod account;
pub mod cookie;
pub mod csrf;
pub mod password;
pub mod principal;
pub mod rate_limit;
pub mod secret;

pub use principal::{AuthVia, CurrentUser, Principal};

/// The session cookie's name.
pub const SESSION_COOKIE: &str = "spotter_session";
