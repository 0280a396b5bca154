//! Any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, llama.cpp, LM Studio):
//! `POST {LLM_BASE_URL}/chat/completions`, streamed, with the coach's tools.
//!
//! - [`wire`]: the request and the lenient shapes of what comes back.
//! - [`accumulate`]: chunks → text, tool calls, usage (pure; tested on real recordings).
//! - [`errors`]: an HTTP failure → an [`LlmError`] a user can read.
//!
//! Every way a reply can go wrong ends as an `LlmError` (stored with the reply by the agent
//! loop) and never as a panic or a hung request: a stream that sends nothing for
//! `stall_timeout` is cut off, and so is one that passes `max_tokens` pieces without ending.
//! A streamed request answered with an empty 200 (llama.cpp when it fails inside a stream with
//! tools) is asked again without streaming.

pub mod accumulate;
pub mod errors;
pub mod wire;

use std::time::Duration;

use futures_util::StreamExt;
use tokio::sync::OnceCell;

use self::accumulate::{Accumulator, excerpt};
use self::wire::{ChatRequest, Completion};
use super::{LlmError, LlmFuture, LlmProvider, LlmReply, LlmRequest, TextSink};

/// How a server is reached and how long it may take.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Up to and including `/v1` (`https://api.openai.com/v1`, `http://localhost:11434/v1`).
    pub base_url: String,
    pub api_key: Option<String>,
    /// `None`: the first model the server lists.
    pub model: Option<String>,
    /// The longest silence allowed while waiting for the next piece of a reply.
    pub stall_timeout: Duration,
    /// The most tokens one reply may take.
    pub max_tokens: u32,
}

#[derive(Debug)]
pub struct OpenAiCompatible {
    settings: Settings,
    http: reqwest::Client,
    model: OnceCell<String>,
}

impl OpenAiCompatible {
    pub fn new(settings: Settings) -> Result<Self, LlmError> {
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("spotter/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| LlmError::Unreachable(e.to_string()))?;
        let model = OnceCell::new_with(settings.model.clone().filter(|m| !m.trim().is_empty()));
        Ok(Self {
            settings,
            http,
            model,
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.settings.base_url.trim_end_matches('/'))
    }

    fn post(&self, body: &ChatRequest<'_>) -> reqwest::RequestBuilder {
        let request = self.http.post(self.url("chat/completions")).json(body);
        match &self.settings.api_key {
            Some(key) => request.bearer_auth(key),
            None => request,
        }
    }

    /// Sends a completion request; the response once its status says it succeeded. A request
    /// that failed before any answer came (a pooled connection the server had already closed:
    /// llama.cpp drops it after a failed stream) is sent once more on a new connection.
    async fn send(&self, body: &ChatRequest<'_>) -> Result<reqwest::Response, LlmError> {
        let sent = async {
            match self.post(body).send().await {
                Err(e) if e.is_request() || e.is_connect() => self.post(body).send().await,
                result => result,
            }
        };
        let response = self.within(sent).await?.map_err(unreachable)?;
        errors::check(response).await
    }

    /// The configured model, or the first the server lists (asked once).
    async fn model_name(&self) -> Result<&str, LlmError> {
        self.model
            .get_or_try_init(|| async {
                let mut request = self.http.get(self.url("models"));
                if let Some(key) = &self.settings.api_key {
                    request = request.bearer_auth(key);
                }
                let response = self.within(request.send()).await?.map_err(unreachable)?;
                let response = errors::check(response).await?;
                let list: serde_json::Value = self
                    .within(response.json())
                    .await?
                    .map_err(|e| LlmError::Malformed(e.to_string()))?;
                list["data"][0]["id"]
                    .as_str()
                    .map(str::to_owned)
                    .ok_or_else(|| {
                        LlmError::ModelNotFound(
                            "LLM_MODEL is not set and the server lists no model.".to_owned(),
                        )
                    })
            })
            .await
            .map(String::as_str)
    }

    /// `future`, or [`LlmError::Stalled`] after the stall timeout.
    async fn within<T>(&self, future: impl Future<Output = T>) -> Result<T, LlmError> {
        tokio::time::timeout(self.settings.stall_timeout, future)
            .await
            .map_err(|_| LlmError::Stalled(self.settings.stall_timeout.as_secs()))
    }

    async fn streamed(
        &self,
        model: &str,
        request: &LlmRequest,
        text: &TextSink,
    ) -> Result<Option<LlmReply>, LlmError> {
        let body = ChatRequest::new(model, request, true, self.settings.max_tokens);
        let response = self.send(&body).await?;
        let mut events = response.bytes_stream().eventsource();
        let mut acc = Accumulator::default();
        loop {
            let Some(event) = self.within(events.next()).await? else {
                break;
            };
            let event = event.map_err(|e| match e {
                eventsource_stream::EventStreamError::Transport(e) => {
                    LlmError::Interrupted(e.to_string())
                }
                other => LlmError::Malformed(other.to_string()),
            })?;
            if event.data.trim().is_empty() {
                continue;
            }
            if let Some(piece) = acc.push_event(&event.data)? {
                let _ = text.send(piece);
            }
            if acc.pieces() > self.settings.max_tokens {
                return Err(LlmError::TooLong(self.settings.max_tokens));
            }
        }
        if acc.is_empty() {
            return Ok(None);
        }
        if !acc.is_complete() {
            return Err(LlmError::Interrupted(
                "the stream ended before the reply did".to_owned(),
            ));
        }
        Ok(Some(reply(acc, model)))
    }

    async fn whole(
        &self,
        model: &str,
        request: &LlmRequest,
        text: &TextSink,
    ) -> Result<LlmReply, LlmError> {
        let body = ChatRequest::new(model, request, false, self.settings.max_tokens);
        let response = self.send(&body).await?;
        let bytes = self
            .within(response.bytes())
            .await?
            .map_err(|e| LlmError::Interrupted(e.to_string()))?;
        let completion: Completion = serde_json::from_slice(&bytes).map_err(|e| {
            LlmError::Malformed(format!(
                "{e} in {}",
                excerpt(&String::from_utf8_lossy(&bytes))
            ))
        })?;
        let reply = reply(Accumulator::from_completion(completion), model);
        if !reply.content.is_empty() {
            let _ = text.send(reply.content.clone());
        }
        Ok(reply)
    }
}

use eventsource_stream::Eventsource as _;

fn unreachable(e: reqwest::Error) -> LlmError {
    LlmError::Unreachable(e.to_string())
}

fn reply(acc: Accumulator, model: &str) -> LlmReply {
    let done = acc.finish();
    LlmReply {
        content: done.content,
        tool_calls: done.tool_calls,
        usage: done.usage,
        model: done.model.unwrap_or_else(|| model.to_owned()),
    }
}

impl LlmProvider for OpenAiCompatible {
    fn model(&self) -> &str {
        self.model.get().map_or("", String::as_str)
    }

    fn complete<'a>(&'a self, request: &'a LlmRequest, text: TextSink) -> LlmFuture<'a> {
        Box::pin(async move {
            let model = self.model_name().await?;
            match self.streamed(model, request, &text).await? {
                Some(reply) => Ok(reply),
                // An empty 200: the server could not stream this one; ask for it whole.
                None => self.whole(model, request, &text).await,
            }
        })
    }
}
