//! The middleware stack around the whole app, outermost first: compression (br or gzip, as
//! the client accepts; never event streams, which must reach the browser as they are written),
//! request id, tracing span, security headers, the address's length, CSRF check,
//! authentication. Pages and API share
//! it.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use axum::Router;
use axum::extract::Request;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use tower::ServiceBuilder;
use tower_http::CompressionLevel;
use tower_http::compression::{CompressionLayer, DefaultPredicate};
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::trace::TraceLayer;

use crate::server::auth::{csrf, principal};
use crate::server::state::AppState;

static REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// br and gzip effort for responses made per request: level 4 keeps a 60 KB page under a
/// millisecond of work while shrinking it ~8×; the default brotli level (11) would cost tens.
const COMPRESSION_LEVEL: i32 = 4;

/// CSP for responses that did not set their own (JSON, files): nothing may run or load.
const DEFAULT_CSP: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

pub fn wrap(router: Router, state: AppState) -> Router {
    router
        .layer(middleware::from_fn_with_state(state, principal::resolve))
        .layer(middleware::from_fn(csrf::check))
        .layer(
            ServiceBuilder::new()
                .layer(
                    CompressionLayer::new()
                        .quality(CompressionLevel::Precise(COMPRESSION_LEVEL))
                        .compress_when(DefaultPredicate::new()),
                )
                .layer(SetRequestIdLayer::new(REQUEST_ID.clone(), MakeRequestUuid))
                .layer(
                    TraceLayer::new_for_http()
                        .make_span_with(|req: &Request| {
                            let id = req
                                .extensions()
                                .get::<RequestId>()
                                .and_then(|id| id.header_value().to_str().ok())
                                .unwrap_or("-");
                            tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
                        })
                        .on_response(|res: &Response, latency: Duration, _span: &tracing::Span| {
                            tracing::info!(status = res.status().as_u16(), ms = latency.as_secs_f64() * 1000.0, "response");
                        }),
                )
                .layer(PropagateRequestIdLayer::new(REQUEST_ID.clone()))
                .layer(middleware::from_fn(security_headers))
                .layer(middleware::from_fn(uri_length)),
        )
}

/// The longest API request target served (path and query); a longer one gets 414 in the error
/// shape. Pages take longer ones: a refused form sends the text typed back in the address
/// (`?content=`), up to hyper's own limit of 64 KB, past which hyper answers 414 itself, with
/// no body, before the app sees the request.
pub const MAX_URI: usize = 8 * 1024;

async fn uri_length(req: Request, next: Next) -> Response {
    use axum::response::IntoResponse as _;
    let len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if len > MAX_URI && req.uri().path().starts_with("/api/") {
        return crate::server::http::error::ApiError::new(
            axum::http::StatusCode::URI_TOO_LONG,
            "uri_too_long",
            format!("The address is {len} characters long; at most {MAX_URI} are read."),
        )
        .into_response();
    }
    next.run(req).await
}

/// Static assets may be cached; everything else (pages, JSON) can carry personal data, and a
/// stored copy would let Back show a private page after logout or a one-time token again.
fn is_static_asset(path: &str) -> bool {
    path.starts_with("/pkg/")
        || matches!(
            path,
            "/main.css" | "/favicon.svg" | "/echarts.min.js" | "/charts.js"
        )
}

/// Where the page shell leaves the CSP nonce Leptos generated for this response, so the page's
/// CSP header can be written here, around the whole response. (Setting it through Leptos's
/// `ResponseOptions` was lost on roughly one page in a few hundred under concurrent load, which
/// left that page with the locked-down default policy: no stylesheet, no hydration.)
#[derive(Clone, Debug, Default)]
pub struct PageNonce(Arc<OnceLock<String>>);

impl PageNonce {
    pub fn set(&self, nonce: &str) {
        let _ = self.0.set(nonce.to_owned());
    }
}

async fn security_headers(mut req: Request, next: Next) -> Response {
    let cacheable = is_static_asset(req.uri().path());
    let page_nonce = PageNonce::default();
    req.extensions_mut().insert(page_nonce.clone());
    let https = req
        .headers()
        .get("x-forwarded-proto")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=()"),
    );
    if !cacheable && !h.contains_key(CACHE_CONTROL) {
        h.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let csp = match page_nonce.0.get() {
        Some(nonce) => HeaderValue::from_str(&page_csp(nonce)).ok(),
        None => None,
    };
    h.insert(
        CONTENT_SECURITY_POLICY,
        csp.unwrap_or(HeaderValue::from_static(DEFAULT_CSP)),
    );
    if https {
        h.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    res
}

/// The CSP of HTML pages: scripts only from us or carrying this response's nonce (the
/// hydration bootstrap), WebAssembly allowed, no inline styles, no external anything.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; \
         frame-ancestors 'none'; form-action 'self'"
    )
}
