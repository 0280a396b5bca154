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
    modifiers(&Security, &UniqueIds, &CommonErrors),
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

/// Operation ids as OpenAPI requires them, unique: utoipa names an operation after its handler
/// (`delete`, `list`), which repeats across resources, so each becomes `{tag}_{handler}`
/// (`goals_delete`), or `{method}_{path}` where even that repeats.
struct UniqueIds;

impl utoipa::Modify for UniqueIds {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use std::collections::HashMap;
        let named = |op: &utoipa::openapi::path::Operation| {
            let handler = op.operation_id.clone().unwrap_or_default();
            match op.tags.as_ref().and_then(|t| t.first()) {
                Some(tag) => format!("{tag}_{handler}"),
                None => handler,
            }
        };
        let mut seen: HashMap<String, usize> = HashMap::new();
        for item in openapi.paths.paths.values() {
            for op in operations(item) {
                *seen.entry(named(op)).or_default() += 1;
            }
        }
        for (path, item) in openapi.paths.paths.iter_mut() {
            for (method, op) in operations_mut(item) {
                let id = named(op);
                op.operation_id = Some(if seen[&id] == 1 {
                    id
                } else {
                    let path: String = path
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                        .collect();
                    format!("{method}{}", path.trim_end_matches('_'))
                });
            }
        }
    }
}

/// The errors any operation can answer, in the error shape, added where a handler's own
/// annotation does not list them (so a client, and schemathesis, find every status documented):
/// 401 behind authentication, 400/413/415/422 where there is a body, 400/422 where there are
/// query parameters, and 414 (an address past 8 KB), 500 and 503 (database unavailable)
/// everywhere.
struct CommonErrors;

impl utoipa::Modify for CommonErrors {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        use utoipa::openapi::{ContentBuilder, Ref, ResponseBuilder};
        let error = |description: &str| {
            ResponseBuilder::new()
                .description(description)
                .content(
                    "application/json",
                    ContentBuilder::new()
                        .schema(Some(Ref::from_schema_name("ErrorBody")))
                        .build(),
                )
                .build()
        };
        const PUBLIC: [&str; 4] = [
            "health_healthz",
            "health_readyz",
            "auth_register",
            "auth_login",
        ];
        for item in openapi.paths.paths.values_mut() {
            for (_, op) in operations_mut(item) {
                let id = op.operation_id.clone().unwrap_or_default();
                let queried = op
                    .parameters
                    .iter()
                    .flatten()
                    .any(|p| p.parameter_in == ParameterIn::Query);
                let mut add = vec![
                    ("414", "The address is too long."),
                    (
                        "500",
                        "Something went wrong on the server (nothing is revealed).",
                    ),
                    (
                        "503",
                        "The database is unavailable, read-only or failing to write.",
                    ),
                ];
                if !PUBLIC.contains(&id.as_str()) {
                    add.push(("401", "Not signed in, or the token is not valid."));
                }
                if op.request_body.is_some() {
                    add.extend([
                        ("400", "Malformed JSON or a wrong type."),
                        ("413", "The body is too large."),
                        ("415", "The body is not the documented content type."),
                        ("422", "A value the field does not take."),
                    ]);
                }
                if queried {
                    add.extend([
                        ("400", "A query parameter of the wrong type."),
                        ("422", "A query value the parameter does not take."),
                    ]);
                }
                for (status, description) in add {
                    if !op.responses.responses.contains_key(status) {
                        op.responses
                            .responses
                            .insert(status.to_owned(), error(description).into());
                    }
                }
            }
        }
    }
}

fn operations(
    item: &utoipa::openapi::path::PathItem,
) -> impl Iterator<Item = &utoipa::openapi::path::Operation> {
    [&item.get, &item.post, &item.put, &item.patch, &item.delete]
        .into_iter()
        .flatten()
}

fn operations_mut(
    item: &mut utoipa::openapi::path::PathItem,
) -> impl Iterator<Item = (&'static str, &mut utoipa::openapi::path::Operation)> {
    [
        ("get", &mut item.get),
        ("post", &mut item.post),
        ("put", &mut item.put),
        ("patch", &mut item.patch),
        ("delete", &mut item.delete),
    ]
    .into_iter()
    .filter_map(|(m, op)| op.as_mut().map(|op| (m, op)))
}

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
