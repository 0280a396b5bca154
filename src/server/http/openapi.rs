//! The OpenAPI document, generated from the Rust types and handler annotations (utoipa).
//! Served at `GET /api/v1/openapi.json`; a test checks that every route is in it.

use axum::Json;
use utoipa::OpenApi;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityScheme};

use super::routes::{
    auth, conversations, exercises, goals, health, import, log_text, me, messages, plan, query,
    records, stats, streams, tokens, training_profile, visualizations, workouts,
};

#[derive(OpenApi)]
#[openapi(
    info(title = "Spotter API", description = "REST API of Spotter, a self-hosted AI personal trainer. \
        Authenticate with the session cookie (browser) or `Authorization: Bearer <token>`. \
        Errors are `{\"error\": {\"code\", \"message\", \"details\"?}}`."),
    paths(
        health::healthz, health::readyz,
        auth::register, auth::login, auth::logout,
        me::get, me::patch, me::delete, me::export, training_profile::get, training_profile::patch,
        tokens::create, tokens::list, tokens::revoke,
        conversations::create, conversations::list, conversations::get, conversations::patch, conversations::delete,
        messages::list, messages::create, messages::chat, messages::regenerate, messages::feedback, messages::export,
        streams::stop, streams::join,
        workouts::create, workouts::list, workouts::get, workouts::patch, workouts::delete, exercises::list, exercises::create,
        stats::get, records::list, query::run, log_text::log, import::import,
        visualizations::get, visualizations::refresh,
        plan::create, plan::list, plan::get, plan::patch, plan::delete,
        goals::create, goals::list, goals::get, goals::patch, goals::delete,
    ),
    modifiers(&Security),
    security(("bearer" = []), ("session" = [])),
)]
pub struct ApiDoc;

struct Security;

impl utoipa::Modify for Security {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
        components.add_security_scheme(
            "session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::new(
                crate::server::auth::SESSION_COOKIE,
            ))),
        );
    }
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
