//! A fake OpenAI-compatible model server on loopback: real HTTP, real SSE framing, replaying
//! the recordings in `tests/fixtures/llm/` and scripted faults (an error status with its body,
//! a connection reset mid-stream, a malformed chunk, a stream that stalls or never ends, an
//! empty 200). Each `POST /v1/chat/completions` takes the next scripted [`Reply`] (the last
//! one repeats) and its JSON body is kept for assertions; `GET /v1/models` lists one model.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

pub const MODEL: &str = "fake-model";

/// One scripted answer.
#[derive(Clone, Debug)]
pub enum Reply {
    /// An SSE body sent event by event, `pace` apart.
    Sse { body: String, pace: Duration },
    /// A status with a body (JSON errors, whole replies) and extra headers.
    Body {
        status: u16,
        body: String,
        headers: Vec<(&'static str, String)>,
    },
    /// These events, then the connection is cut.
    ResetAfter(String),
    /// These events, then silence with the connection open.
    StallAfter(String),
    /// Text chunks forever.
    Endless,
}

impl Reply {
    pub fn sse(body: impl Into<String>) -> Reply {
        Reply::Sse {
            body: body.into(),
            pace: Duration::ZERO,
        }
    }

    /// A recording from `tests/fixtures/llm/`.
    pub fn recording(name: &str) -> Reply {
        let body = fixture(name);
        if name.ends_with(".sse") {
            Reply::sse(body)
        } else {
            Reply::json(200, body)
        }
    }

    pub fn json(status: u16, body: impl Into<String>) -> Reply {
        Reply::Body {
            status,
            body: body.into(),
            headers: vec![("content-type", "application/json".to_owned())],
        }
    }

    /// A streamed call of one tool with these JSON arguments, as an OpenAI-compatible server
    /// sends it (the whole call in one chunk, then `finish_reason: "tool_calls"`).
    pub fn tool_call(id: &str, name: &str, arguments: &serde_json::Value) -> Reply {
        let call = json!({"model": MODEL, "choices": [{"index": 0, "delta": {"role": "assistant", "tool_calls": [
            {"index": 0, "id": id, "type": "function", "function": {"name": name, "arguments": arguments.to_string()}}]}, "finish_reason": null}]});
        let end = json!({"model": MODEL, "choices": [{"index": 0, "delta": {}, "finish_reason": "tool_calls"}]});
        Reply::sse(format!("data: {call}\n\ndata: {end}\n\ndata: [DONE]\n\n"))
    }

    /// A streamed text reply in `pieces`, `pace` apart, without usage.
    pub fn text(pieces: &[&str], pace: Duration) -> Reply {
        Reply::Sse {
            body: text_events(pieces, true),
            pace,
        }
    }
}

/// `data:` events for text pieces, ending with `finish_reason: "stop"` and `[DONE]` when
/// `finished`.
pub fn text_events(pieces: &[&str], finished: bool) -> String {
    let mut body = String::new();
    for piece in pieces {
        let chunk = json!({"model": MODEL, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": null}]});
        body.push_str(&format!("data: {chunk}\n\n"));
    }
    if finished {
        let end = json!({"model": MODEL, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]});
        body.push_str(&format!("data: {end}\n\ndata: [DONE]\n\n"));
    }
    body
}

pub fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/llm/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[derive(Default)]
struct Script {
    replies: VecDeque<Reply>,
    last: Option<Reply>,
    requests: Vec<Value>,
}

/// A running fake server; it stops when dropped.
#[derive(Clone)]
pub struct FakeLlm {
    pub base_url: String,
    script: Arc<Mutex<Script>>,
    server: Arc<tokio::task::JoinHandle<()>>,
}

impl Drop for FakeLlm {
    fn drop(&mut self) {
        if Arc::strong_count(&self.server) == 1 {
            self.server.abort();
        }
    }
}

impl FakeLlm {
    pub async fn start() -> FakeLlm {
        let script = Arc::new(Mutex::new(Script::default()));
        let app = Router::new()
            .route("/v1/models", get(models))
            .route("/v1/chat/completions", post(completions))
            .with_state(script.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind fake LLM");
        let addr = listener.local_addr().expect("addr");
        let server = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        FakeLlm {
            base_url: format!("http://{addr}/v1"),
            script,
            server: Arc::new(server),
        }
    }

    /// Queues the next answers.
    pub fn then(&self, reply: Reply) -> &Self {
        self.script.lock().unwrap().replies.push_back(reply);
        self
    }

    /// The JSON bodies of the completions asked for so far.
    pub fn requests(&self) -> Vec<Value> {
        self.script.lock().unwrap().requests.clone()
    }
}

async fn models() -> impl IntoResponse {
    axum::Json(json!({"object": "list", "data": [{"id": MODEL, "object": "model"}]}))
}

async fn completions(State(script): State<Arc<Mutex<Script>>>, body: Bytes) -> Response {
    let reply = {
        let mut script = script.lock().unwrap();
        script
            .requests
            .push(serde_json::from_slice(&body).unwrap_or(Value::Null));
        let next = script.replies.pop_front().or_else(|| script.last.clone());
        script.last = next.clone();
        next
    };
    let Some(reply) = reply else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "nothing scripted").into_response();
    };
    match reply {
        Reply::Body {
            status,
            body,
            headers,
        } => {
            let mut response = Response::new(Body::from(body));
            *response.status_mut() = StatusCode::from_u16(status).expect("status");
            for (name, value) in headers {
                response
                    .headers_mut()
                    .insert(name, HeaderValue::from_str(&value).expect("header"));
            }
            response
        }
        Reply::Sse { body, pace } => stream(events(&body), pace, End::Close),
        Reply::ResetAfter(body) => stream(events(&body), Duration::ZERO, End::Reset),
        Reply::StallAfter(body) => stream(events(&body), Duration::ZERO, End::Stall),
        Reply::Endless => {
            let chunks = futures_util::stream::iter(0u64..).then(|i| async move {
                if i % 64 == 0 {
                    tokio::task::yield_now().await;
                }
                Ok::<_, Infallible>(Bytes::from(text_events(&["and on "], false)))
            });
            sse_response(Body::from_stream(chunks))
        }
    }
}

use futures_util::StreamExt as _;

enum End {
    Close,
    Reset,
    Stall,
}

/// An SSE body split into its events (each with its blank line).
fn events(body: &str) -> Vec<String> {
    body.split_inclusive("\n\n")
        .map(str::to_owned)
        .filter(|e| !e.trim().is_empty())
        .collect()
}

fn stream(events: Vec<String>, pace: Duration, end: End) -> Response {
    let body = futures_util::stream::iter(events.into_iter().enumerate())
        .then(move |(i, event)| async move {
            if i > 0 && !pace.is_zero() {
                tokio::time::sleep(pace).await;
            }
            Ok::<_, std::io::Error>(Bytes::from(event))
        })
        .chain(futures_util::stream::once(async move {
            match end {
                End::Close => Ok(Bytes::new()),
                // What was sent reaches the client first, as on a real network.
                End::Reset => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    Err(std::io::Error::new(
                        std::io::ErrorKind::ConnectionReset,
                        "connection reset by the fake server",
                    ))
                }
                End::Stall => {
                    std::future::pending::<()>().await;
                    Ok(Bytes::new())
                }
            }
        }));
    sse_response(Body::from_stream(body))
}

fn sse_response(body: Body) -> Response {
    let mut response = Response::new(body);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/event-stream"),
    );
    response
}
