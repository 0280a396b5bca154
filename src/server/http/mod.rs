//! HTTP plumbing shared by the REST API and the site: the error shape, JSON extraction,
//! middleware (request ids, logs, security headers, CSRF, authentication) and OpenAPI.

pub mod error;
pub mod json;
pub mod middleware;
pub mod openapi;
pub mod routes;
