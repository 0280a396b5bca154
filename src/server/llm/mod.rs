//! The language model behind the coach: one [`LlmProvider`] trait, chosen by configuration
//! and held as `Arc<dyn LlmProvider>` in the app state. The agent loop
//! (`server::services::chat`) speaks only this trait.
//!
//! - [`offline`]: the built-in offline coach (the default, needs no key): deterministic,
//!   English and Hebrew, answering through the same tools as a real model.
//! - [`openai`]: any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM,
//!   llama.cpp, LM Studio), streamed, with tool calls; chosen when `LLM_BASE_URL` is set.
//!
//! A provider gets the whole conversation so far (system prompt, messages, tool results) and
//! the tools it may call, sends its text to a [`TextSink`] as it arrives, and answers with the
//! whole text or with tool calls; it never touches the database.

pub mod offline;
pub mod openai;

use std::future::Future;
use std::pin::Pin;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::domain::account::{Language, Units};
use crate::domain::chat::conversation::Role;

/// A tool call as models make it: an id to answer it by, a tool name and JSON arguments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct ToolCall {
    pub id: String,
    pub name: String,
    /// The arguments as the model wrote them (JSON text).
    pub arguments: String,
}

/// One message of the conversation as a provider reads it.
#[derive(Clone, Debug, PartialEq)]
pub struct LlmMessage {
    pub role: Role,
    pub content: String,
    /// An assistant message's tool calls.
    pub tool_calls: Vec<ToolCall>,
    /// A tool message: the call it answers.
    pub tool_call_id: Option<String>,
}

/// The exchange before the last question: that question's text and the result of the last
/// tool that answered it, read as `T`. What the user's latest message may be answering ("did
/// you mean …?", a suggested session they now say they did).
pub fn answered_before<T: serde::de::DeserializeOwned>(
    messages: &[LlmMessage],
) -> Option<(&str, T)> {
    let asked = messages
        .iter()
        .rposition(|m| m.role == crate::domain::chat::conversation::Role::User)?;
    let before = &messages[..asked];
    let earlier = before
        .iter()
        .rposition(|m| m.role == crate::domain::chat::conversation::Role::User)?;
    let result = before[earlier + 1..]
        .iter()
        .rev()
        .find(|m| m.role == crate::domain::chat::conversation::Role::Tool)?;
    let answer = serde_json::from_str(&result.content).ok()?;
    Some((before[earlier].content.as_str(), answer))
}

/// A tool the model may call: its name, what it does, and its arguments' JSON schema.
#[derive(Clone, Debug, PartialEq)]
pub struct ToolSpec {
    pub name: &'static str,
    pub description: &'static str,
    pub parameters: serde_json::Value,
}

/// Facts about the user that a real model reads in the system prompt and the offline coach
/// reads directly.
#[derive(Clone, Debug, PartialEq)]
pub struct CoachContext {
    pub language: Language,
    pub units: Units,
    /// Today in the user's time zone.
    pub today: NaiveDate,
    /// The SQL the sandbox reads (the offline coach writes its charts' queries in it).
    pub dialect: crate::domain::sql::Dialect,
    /// Plan items due today and new achievements to mention once (`domain::chat::notices`).
    pub notices: crate::domain::chat::notices::Notices,
}

#[derive(Clone, Debug, PartialEq)]
pub struct LlmRequest {
    pub system: String,
    pub messages: Vec<LlmMessage>,
    /// Shared: the same schemas for every request (one copy in the process, not one a reply).
    pub tools: std::sync::Arc<[ToolSpec]>,
    pub context: CoachContext,
}

impl LlmRequest {
    /// The request's tokens by [`estimate_tokens`], for a provider that sends no usage.
    pub fn estimated_tokens(&self) -> u32 {
        estimate_tokens(&self.system)
            + self
                .messages
                .iter()
                .map(|m| estimate_tokens(&m.content) + 4)
                .sum::<u32>()
    }
}

/// About four characters a token (the usual rule of thumb for English; Hebrew runs higher).
pub fn estimate_tokens(text: &str) -> u32 {
    u32::try_from(text.chars().count().div_ceil(4)).unwrap_or(u32::MAX)
}

/// Tokens as the provider counted them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Usage {
    pub prompt_tokens: u32,
    pub completion_tokens: u32,
}

/// A provider's answer: text, tool calls, or both.
#[derive(Clone, Debug, PartialEq)]
pub struct LlmReply {
    pub content: String,
    pub tool_calls: Vec<ToolCall>,
    /// `None` when the provider sent no usage (the agent loop then estimates it).
    pub usage: Option<Usage>,
    pub model: String,
}

/// Why a provider gave no (whole) answer, in words a user can read. Whatever text arrived
/// before the failure went to the [`TextSink`] and is kept by the caller.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LlmError {
    #[error("The model server refused the API key (HTTP 401): {0} Check LLM_API_KEY.")]
    Unauthorized(String),
    #[error("The model server does not know this model (HTTP 404): {0} Check LLM_MODEL.")]
    ModelNotFound(String),
    #[error("The model server is busy (HTTP 429): {message}{}", retry_hint(*.retry_after_s))]
    RateLimited {
        message: String,
        retry_after_s: Option<u64>,
    },
    #[error("The model server failed (HTTP {status}): {message}")]
    Server { status: u16, message: String },
    #[error("The model server could not be reached: {0}")]
    Unreachable(String),
    #[error("The connection to the model server broke mid-reply: {0}")]
    Interrupted(String),
    #[error("The model server failed mid-reply: {0}")]
    Failed(String),
    #[error("The model server sent something that is not a chat completion: {0}")]
    Malformed(String),
    #[error("The model server stopped sending for {0} seconds; the reply was cut off.")]
    Stalled(u64),
    #[error("The reply passed {0} tokens without ending and was cut off.")]
    TooLong(u32),
    #[error("The model answered with nothing; ask again, perhaps in other words.")]
    Empty,
}

fn retry_hint(retry_after_s: Option<u64>) -> String {
    match retry_after_s {
        Some(s) => format!(" Try again in {s} s."),
        None => " Try again in a moment.".to_owned(),
    }
}

pub type LlmFuture<'a> = Pin<Box<dyn Future<Output = Result<LlmReply, LlmError>> + Send + 'a>>;

/// Where a provider sends its reply's text as it arrives, piece by piece. The caller stores
/// and forwards it; a closed receiver is not an error (nobody is listening any more).
pub type TextSink = tokio::sync::mpsc::UnboundedSender<String>;

/// A chat model. `Send + Sync` so one instance serves every request.
pub trait LlmProvider: Send + Sync + std::fmt::Debug {
    /// The model's name, stored with each reply.
    fn model(&self) -> &str;
    /// Answers `request`, sending text to `text` as it comes; the reply holds the whole text.
    fn complete<'a>(&'a self, request: &'a LlmRequest, text: TextSink) -> LlmFuture<'a>;
}
