//! Many streamed replies at once (`make bench`; issue #22: 1,000 on 2 cores, 0 errors, peak
//! RSS <= 150 MB, every reply stored whole).
//!
//! A fake OpenAI-compatible server in this process streams each reply in `PIECES` pieces,
//! `PACE` apart (so every reply is open at the same time). The real `spotter serve` (this
//! build's binary, its own process, a fresh SQLite file, offline limits lifted) gets N
//! concurrent `POST /api/v1/conversations/{id}/messages` with `Accept: text/event-stream`,
//! one conversation each, from one user with an API token. Reported: replies ended with
//! `done`, errors, wall time, the server's peak resident memory (VmHWM) against its memory
//! when idle (the baseline), and what the database holds afterwards: every reply `complete`
//! with exactly the streamed text.
//!
//!   cargo bench --features ssr --bench streams [-- N]     (scripts/bench.sh raises `ulimit -n`)

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::response::Response;
use axum::routing::{get, post};
use futures_util::StreamExt as _;
use sqlx::Connection as _;

const BIN: &str = env!("CARGO_BIN_EXE_spotter");
const PIECES: usize = 20;
const PACE: Duration = Duration::from_millis(100);
const WORD: &str = "lift ";

async fn completions() -> Response {
    let chunk = format!(
        "data: {{\"model\":\"fake\",\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"{WORD}\"}},\"finish_reason\":null}}]}}\n\n"
    );
    let end = "data: {\"model\":\"fake\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
    let pieces = (0..PIECES)
        .map(move |_| chunk.clone())
        .chain(std::iter::once(end.to_owned()));
    let body = futures_util::stream::iter(pieces).then(|piece| async move {
        tokio::time::sleep(PACE).await;
        Ok::<_, std::io::Error>(Bytes::from(piece))
    });
    Response::builder()
        .header("content-type", "text/event-stream")
        .body(Body::from_stream(body))
        .unwrap()
}

async fn models() -> &'static str {
    r#"{"data":[{"id":"fake"}]}"#
}

/// kB of a process's `VmRSS` or `VmHWM`.
fn memory(pid: u32, field: &str) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn spotter(db: &str, args: &[&str], stdin: Option<&str>) -> String {
    use std::io::Write as _;
    let mut child = Command::new(BIN)
        .args(args)
        .env("DATABASE_URL", db)
        .env("RUST_LOG", "error")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "spotter {args:?}");
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let n: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(1000);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let llm = format!("http://{}/v1", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let app = Router::new()
            .route("/v1/chat/completions", post(completions))
            .route("/v1/models", get(models));
        axum::serve(listener, app).await.unwrap();
    });

    let dir = spotter::scratch::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("streams.db").display());
    spotter(&db, &["migrate"], None);
    spotter(
        &db,
        &[
            "user",
            "add",
            "--email",
            "streams@bench.example",
            "--password-stdin",
        ],
        Some("a long bench password\n"),
    );
    let token = spotter(
        &db,
        &[
            "token",
            "create",
            "--email",
            "streams@bench.example",
            "--name",
            "bench",
        ],
        None,
    );
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(BIN)
        .arg("serve")
        .env("DATABASE_URL", &db)
        .env("SPOTTER_ADDR", format!("127.0.0.1:{port}"))
        .env("LLM_BASE_URL", &llm)
        .env("LLM_MODEL", "fake")
        .env("SPOTTER_CHAT_LIMIT", "1000000")
        .env("SPOTTER_DAILY_TOKENS", "1000000000")
        .env("RUST_LOG", "error")
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::builder()
        .pool_max_idle_per_host(n)
        .timeout(Duration::from_secs(300))
        .build()
        .unwrap();
    for _ in 0..200 {
        if client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .is_ok_and(|r| r.status().is_success())
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let mut conversations = Vec::with_capacity(n);
    for _ in 0..n {
        let c: serde_json::Value = client
            .post(format!("{base}/api/v1/conversations"))
            .bearer_auth(&token)
            .json(&serde_json::json!({}))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        conversations.push(c["id"].as_str().unwrap().to_owned());
    }
    let idle_kb = memory(server.id(), "VmRSS:");

    let started = Instant::now();
    let replies = futures_util::future::join_all(conversations.iter().enumerate().map(|(i, c)| {
        let request = client
            .post(format!("{base}/api/v1/conversations/{c}/messages"))
            .bearer_auth(&token)
            .header("accept", "text/event-stream")
            .json(&serde_json::json!({"content": format!("How did my week go? ({i})")}));
        async move {
            let Ok(response) = request.send().await else {
                return Err("no answer".to_owned());
            };
            if !response.status().is_success() {
                return Err(format!("HTTP {}", response.status()));
            }
            let mut body = response.bytes_stream();
            let mut seen = String::new();
            while let Some(chunk) = body.next().await {
                match chunk {
                    Ok(c) => seen.push_str(&String::from_utf8_lossy(&c)),
                    Err(e) => return Err(format!("cut: {e}")),
                }
            }
            if seen.contains("event: done") {
                Ok(())
            } else {
                Err("no done event".to_owned())
            }
        }
    }))
    .await;
    let wall = started.elapsed();
    let peak_kb = memory(server.id(), "VmHWM:");
    let errors: Vec<&String> = replies.iter().filter_map(|r| r.as_ref().err()).collect();

    let mut conn = sqlx::SqliteConnection::connect(&db).await.unwrap();
    let expected = WORD.repeat(PIECES);
    let (complete, whole): (i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(content = $1), 0) FROM chat_messages WHERE role = 'assistant' AND status = 'complete'",
    )
    .bind(&expected)
    .fetch_one(&mut conn)
    .await
    .unwrap();
    // SIGTERM, a clean stop: an allocator's exit report (e.g. MIMALLOC_SHOW_STATS=1) prints.
    let _ = Command::new("kill")
        .args(["-TERM", &server.id().to_string()])
        .status();
    let _ = server.wait();

    println!(
        "== {n} streamed replies at once (fake model: {PIECES} pieces, {} ms apart) ==",
        PACE.as_millis()
    );
    println!(
        "ended with `done`: {} of {n}; errors: {}{}",
        n - errors.len(),
        errors.len(),
        errors
            .first()
            .map(|e| format!(" (first: {e})"))
            .unwrap_or_default()
    );
    println!(
        "wall time {:.2} s (one reply alone takes {:.2} s)",
        wall.as_secs_f64(),
        (PACE * (PIECES as u32 + 1)).as_secs_f64()
    );
    println!(
        "server memory: idle {:.1} MB (baseline), peak {:.1} MB (budget 150 MB)",
        idle_kb as f64 / 1024.0,
        peak_kb as f64 / 1024.0
    );
    println!(
        "stored: {complete} complete replies, {whole} with exactly the streamed text (of {n})"
    );
}
