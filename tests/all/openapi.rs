//! The public contract: the OpenAPI document lists every REST route the router serves (and
//! nothing else), every schema reference resolves, every list answers the one envelope, and
//! each documented operation exists.

use std::collections::BTreeSet;

use crate::common::*;
use reqwest::StatusCode;
use reqwest::header::CONTENT_TYPE;
use serde_json::Value;

/// Every (method, path) the REST router in `src/server/http/routes/mod.rs` serves. Add a route
/// there and here; the OpenAPI test then fails until the route is documented.
const REST_ROUTES: &[(&str, &str)] = &[
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("post", "/api/v1/auth/logout"),
    ("get", "/api/v1/me"),
    ("patch", "/api/v1/me"),
    ("delete", "/api/v1/me"),
    ("get", "/api/v1/me/export"),
    ("get", "/api/v1/me/profile"),
    ("patch", "/api/v1/me/profile"),
    ("get", "/api/v1/tokens"),
    ("post", "/api/v1/tokens"),
    ("delete", "/api/v1/tokens/{id}"),
    ("get", "/api/v1/conversations"),
    ("post", "/api/v1/conversations"),
    ("get", "/api/v1/conversations/{id}"),
    ("patch", "/api/v1/conversations/{id}"),
    ("delete", "/api/v1/conversations/{id}"),
    ("get", "/api/v1/conversations/{id}/messages"),
    ("post", "/api/v1/conversations/{id}/messages"),
    ("post", "/api/v1/chat"),
    ("get", "/api/v1/conversations/{id}/export"),
    ("get", "/api/v1/conversations/{id}/stream"),
    ("post", "/api/v1/messages/{id}/stop"),
    ("post", "/api/v1/messages/{id}/regenerate"),
    ("post", "/api/v1/messages/{id}/feedback"),
    ("get", "/api/v1/workouts"),
    ("post", "/api/v1/workouts"),
    ("get", "/api/v1/workouts/{id}"),
    ("patch", "/api/v1/workouts/{id}"),
    ("delete", "/api/v1/workouts/{id}"),
    ("get", "/api/v1/exercises"),
    ("post", "/api/v1/exercises"),
    ("get", "/api/v1/goals"),
    ("post", "/api/v1/goals"),
    ("get", "/api/v1/goals/{id}"),
    ("patch", "/api/v1/goals/{id}"),
    ("delete", "/api/v1/goals/{id}"),
    ("get", "/api/v1/plan"),
    ("post", "/api/v1/plan"),
    ("get", "/api/v1/plan/{id}"),
    ("patch", "/api/v1/plan/{id}"),
    ("delete", "/api/v1/plan/{id}"),
    ("post", "/api/v1/import"),
    ("get", "/api/v1/stats"),
    ("get", "/api/v1/records"),
    ("post", "/api/v1/query"),
    ("post", "/api/v1/log"),
    ("get", "/api/v1/visualizations/{id}"),
    ("post", "/api/v1/visualizations/{id}/refresh"),
    ("get", "/healthz"),
    ("get", "/readyz"),
];

/// Served by the REST router but deliberately not in the document: the document itself.
const UNDOCUMENTED_BY_DESIGN: &[(&str, &str)] = &[("get", "/api/v1/openapi.json")];

both_engines! {
    async fn openapi_documents_every_rest_route(app: TestApp) {
        let resp = app
            .bare_client()
            .get(app.url("/api/v1/openapi.json"))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(header(&resp, CONTENT_TYPE.as_str()).starts_with("application/json"));
        let doc: Value = resp.json().await.expect("the OpenAPI document is JSON");
        let version = doc["openapi"].as_str().unwrap_or("");
        assert!(version.starts_with("3."), "openapi version {version:?}");
        assert!(doc["info"]["title"].is_string());
        let paths = doc["paths"].as_object().expect("paths");

        // Every schema reference resolves, and each list answers the one envelope with its
        // own item type.
        fn refs<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
            match v {
                Value::Object(map) => {
                    if let Some(Value::String(r)) = map.get("$ref") {
                        out.push(r);
                    }
                    map.values().for_each(|v| refs(v, out));
                }
                Value::Array(items) => items.iter().for_each(|v| refs(v, out)),
                _ => {}
            }
        }
        let mut all_refs = Vec::new();
        refs(&doc, &mut all_refs);
        assert!(!all_refs.is_empty());
        for r in all_refs {
            let name = r.strip_prefix("#/components/schemas/").unwrap_or_else(|| panic!("unexpected $ref {r}"));
            assert!(doc["components"]["schemas"].get(name).is_some(), "dangling $ref {r}");
        }
        for list in ["/api/v1/conversations", "/api/v1/workouts", "/api/v1/plan", "/api/v1/goals", "/api/v1/tokens", "/api/v1/exercises", "/api/v1/records"] {
            let schema = &paths[list]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
            let schema = match schema.get("$ref").and_then(Value::as_str) {
                Some(r) => &doc["components"]["schemas"][r.trim_start_matches("#/components/schemas/")],
                None => schema,
            };
            for field in ["items", "page", "per_page", "total"] {
                assert!(schema["properties"].get(field).is_some(), "{list}: no {field} in {schema}");
            }
            assert_eq!(schema["properties"]["items"]["type"], "array", "{list}: {schema}");
            let item = &schema["properties"]["items"]["items"];
            assert!(["$ref", "properties", "allOf"].iter().any(|k| item.get(k).is_some()), "{list}: items described: {schema}");
        }

        // Operation ids are unique, as OpenAPI requires (tools key operations by them).
        let mut ids = BTreeSet::new();
        for item in paths.values() {
            for op in item.as_object().unwrap().values() {
                if let Some(id) = op.get("operationId").and_then(Value::as_str) {
                    assert!(ids.insert(id.to_owned()), "operationId {id} twice");
                }
            }
        }
        assert!(ids.contains("goals_delete") && ids.contains("me_delete"), "{ids:?}");

        let mut documented = BTreeSet::new();
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete", "head", "options"] {
                if item.get(method).is_some() {
                    documented.insert((method.to_owned(), path.clone()));
                }
            }
        }
        let served: BTreeSet<(String, String)> = REST_ROUTES
            .iter()
            .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
            .collect();
        let missing: Vec<_> = served.difference(&documented).collect();
        assert!(
            missing.is_empty(),
            "served but not in openapi.json: {missing:?}"
        );
        let extra: Vec<_> = documented.difference(&served).collect();
        assert!(
            extra.is_empty(),
            "documented but not in REST_ROUTES (add them there if served): {extra:?}"
        );

        // Each documented operation really exists: anonymously it answers 401/415/200,
        // never the router's 404/405.
        let client = app.bare_client();
        for (method, path) in REST_ROUTES.iter().chain(UNDOCUMENTED_BY_DESIGN) {
            let url = app.url(&path.replace("{id}", "00000000-0000-0000-0000-000000000000"));
            let resp = client
                .request(method.to_uppercase().parse().unwrap(), &url)
                .send()
                .await
                .unwrap();
            let status = resp.status();
            assert!(
                status != StatusCode::NOT_FOUND
                    && status != StatusCode::METHOD_NOT_ALLOWED
                    && !status.is_server_error(),
                "{method} {path}: {status}"
            );
        }
        // Every operation declares its responses, and the schemes match the auth we accept.
        for (path, item) in paths {
            for (method, op) in item.as_object().unwrap() {
                if op.is_object() && op.get("responses").is_some() {
                    assert!(
                        op["responses"].as_object().is_some_and(|r| !r.is_empty()),
                        "{method} {path}"
                    );
                }
            }
        }
        let schemes = doc["components"]["securitySchemes"]
            .as_object()
            .expect("securitySchemes");
        assert!(
            schemes.contains_key("bearer") && schemes.contains_key("session"),
            "{schemes:?}"
        );
    }
}
