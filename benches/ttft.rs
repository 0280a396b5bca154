//! Time to first token that Spotter adds (`make bench`; DESIGN.md budget: 2 ms p50).
//!
//! A fake OpenAI-compatible server on loopback streams a reply whose first chunk goes out at
//! once. The same run measures, one request at a time:
//!   - baseline: a client asking the fake server directly, until the first `data:` chunk;
//!   - Spotter: a signed-in client sending `POST /api/v1/conversations/{id}/messages` with
//!     `Accept: text/event-stream` to a real Spotter server (SQLite file, the whole middleware
//!     stack, the question stored first, the agent loop's task), until the first `delta` event.
//!
//! The difference is Spotter's own work before the first token: auth, CSRF, validation, rate
//! and budget checks, storing the question and the first step, building the prompt (profile,
//! facts, the last 50 messages), the request to the model and passing the piece on. Reported
//! as p50/p99 of both and of the difference; never pass/fail.
//!
//!   cargo bench --features ssr --bench ttft [-- ROUNDS]

use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::response::Response;
use axum::routing::{get, post};
use futures_util::StreamExt as _;
use spotter::server::AppState;
use spotter::server::config::Config;
use spotter::server::db::Db;

const CHUNK: &str = "data: {\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"finish_reason\":null}]}\n\n";
const END: &str = "data: {\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";

async fn completions() -> Response {
    let body = futures_util::stream::iter([CHUNK, CHUNK, END])
        .map(|s| Ok::<_, std::io::Error>(Bytes::from_static(s.as_bytes())));
    Response::builder()
        .header("content-type", "text/event-stream")
        .body(Body::from_stream(body))
        .unwrap()
}

async fn models() -> &'static str {
    r#"{"data":[{"id":"fake"}]}"#
}

async fn serve(router: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            router.into_make_service_with_connect_info::<std::net::SocketAddr>(),
        )
        .await
        .unwrap();
    });
    format!("http://{addr}")
}

/// Time until the first chunk of a streamed response whose text contains `marker`.
async fn first(request: reqwest::RequestBuilder, marker: &str) -> Duration {
    let started = Instant::now();
    let response = request.send().await.unwrap();
    assert!(response.status().is_success(), "{}", response.status());
    let mut body = response.bytes_stream();
    let mut seen = String::new();
    while let Some(chunk) = body.next().await {
        seen.push_str(&String::from_utf8_lossy(&chunk.unwrap()));
        if seen.contains(marker) {
            let at = started.elapsed();
            // Read the rest so the reply is finished before the next round.
            while body.next().await.is_some() {}
            return at;
        }
    }
    panic!("no {marker} in {seen}");
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let rounds: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(300);
    let llm = serve(
        Router::new()
            .route("/v1/chat/completions", post(completions))
            .route("/v1/models", get(models)),
    )
    .await;

    let dir = spotter::scratch::tempdir().unwrap();
    let db_url = format!("sqlite://{}", dir.path().join("ttft.db").display());
    let db = Db::connect(&db_url).await.unwrap();
    db.migrate().await.unwrap();
    let vars = [
        ("DATABASE_URL", db_url.clone()),
        ("LLM_BASE_URL", format!("{llm}/v1")),
        ("LLM_MODEL", "fake".to_owned()),
        ("SPOTTER_CHAT_LIMIT", "1000000".to_owned()),
        ("SPOTTER_DAILY_TOKENS", "1000000000".to_owned()),
    ];
    let config =
        Config::from_lookup(|k| vars.iter().find(|(n, _)| *n == k).map(|(_, v)| v.clone()))
            .unwrap();
    let leptos = leptos::config::LeptosOptions::builder()
        .output_name("spotter")
        .site_root("target/site")
        .build();
    let state = AppState::new(config, db, leptos).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let app = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(spotter::server::serve(
        listener,
        state,
        std::future::pending(),
    ));

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let resp = client
        .post(format!("{app}/api/v1/auth/register"))
        .json(&serde_json::json!({"email": "ttft@bench.example", "password": "a long bench password"}))
        .send()
        .await
        .unwrap();
    assert!(resp.status().is_success(), "register: {}", resp.status());
    let conversation: serde_json::Value = client
        .post(format!("{app}/api/v1/conversations"))
        .json(&serde_json::json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let url = format!(
        "{app}/api/v1/conversations/{}/messages",
        conversation["id"].as_str().unwrap()
    );
    let direct = reqwest::Client::new();
    let body = serde_json::json!({"model": "fake", "stream": true, "messages": [{"role": "user", "content": "hi"}]});

    let (mut base, mut ours) = (Vec::new(), Vec::new());
    for i in 0..rounds + 20 {
        let b = first(
            direct
                .post(format!("{llm}/v1/chat/completions"))
                .json(&body),
            "data:",
        )
        .await;
        let o = first(
            client
                .post(&url)
                .header("accept", "text/event-stream")
                .json(&serde_json::json!({"content": format!("How was my week? ({i})")})),
            "event: delta",
        )
        .await;
        // The first rounds warm connections and caches.
        if i >= 20 {
            base.push(b);
            ours.push(o);
        }
    }
    let mut added: Vec<Duration> = base
        .iter()
        .zip(&ours)
        .map(|(b, o)| o.saturating_sub(*b))
        .collect();
    base.sort();
    ours.sort();
    added.sort();
    println!(
        "== Time to first token over a fake model server ({rounds} requests, one at a time) =="
    );
    println!(
        "model server directly (baseline): p50 {}  p99 {}",
        ms(percentile(&base, 0.5)),
        ms(percentile(&base, 0.99))
    );
    println!(
        "through Spotter (SSE, first delta): p50 {}  p99 {}",
        ms(percentile(&ours, 0.5)),
        ms(percentile(&ours, 0.99))
    );
    println!(
        "added by Spotter: p50 {}  p99 {}  (budget: 2 ms p50; the conversation grows to {} messages)",
        ms(percentile(&added, 0.5)),
        ms(percentile(&added, 0.99)),
        2 * (rounds + 20)
    );
}
