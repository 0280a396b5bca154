//! The chat-completions protocol as it travels: the request Spotter sends, and the chunks and
//! bodies servers answer with. Every answer field is optional and unknown fields are ignored,
//! because servers differ (`usage: null`, `delta: {}`, `content: null`, an `obfuscation` field,
//! `index` left out, the legacy `function_call`, `reasoning_content`).

use serde::{Deserialize, Serialize};

use crate::domain::chat::conversation::Role;
use crate::server::llm::{LlmMessage, LlmRequest, ToolCall};

#[derive(Debug, Serialize)]
pub struct ChatRequest<'a> {
    pub model: &'a str,
    pub messages: Vec<WireMessage<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tools: Vec<WireTool<'a>>,
    /// `"auto"` whenever tools are offered: llama.cpp leaves tools out of the prompt without it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_choice: Option<&'static str>,
    pub stream: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_options: Option<StreamOptions>,
    pub max_tokens: u32,
}

#[derive(Debug, Serialize)]
pub struct StreamOptions {
    pub include_usage: bool,
}

#[derive(Debug, Serialize)]
pub struct WireMessage<'a> {
    pub role: &'static str,
    /// Always a string, `""` for an assistant message that only calls tools: OpenAI accepts
    /// it, and llama.cpp's server answers 500 to `null`.
    pub content: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tool_calls: Vec<WireToolCall<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tool_call_id: Option<&'a str>,
}

#[derive(Debug, Serialize)]
pub struct WireToolCall<'a> {
    pub id: &'a str,
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub function: WireFunctionCall<'a>,
}

#[derive(Debug, Serialize)]
pub struct WireFunctionCall<'a> {
    pub name: &'a str,
    pub arguments: &'a str,
}

#[derive(Debug, Serialize)]
pub struct WireTool<'a> {
    #[serde(rename = "type")]
    pub kind: &'static str,
    pub function: WireFunction<'a>,
}

#[derive(Debug, Serialize)]
pub struct WireFunction<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub parameters: &'a serde_json::Value,
}

impl<'a> ChatRequest<'a> {
    /// The request for `request`, streamed (asking for the usage chunk) or not.
    pub fn new(model: &'a str, request: &'a LlmRequest, stream: bool, max_tokens: u32) -> Self {
        let system = WireMessage {
            role: "system",
            content: &request.system,
            tool_calls: Vec::new(),
            tool_call_id: None,
        };
        ChatRequest {
            model,
            messages: std::iter::once(system)
                .chain(request.messages.iter().map(wire_message))
                .collect(),
            tools: request
                .tools
                .iter()
                .map(|t| WireTool {
                    kind: "function",
                    function: WireFunction {
                        name: t.name,
                        description: t.description,
                        parameters: &t.parameters,
                    },
                })
                .collect(),
            tool_choice: (!request.tools.is_empty()).then_some("auto"),
            stream,
            stream_options: stream.then_some(StreamOptions {
                include_usage: true,
            }),
            max_tokens,
        }
    }
}

fn wire_message(m: &LlmMessage) -> WireMessage<'_> {
    let role = match m.role {
        Role::User => "user",
        Role::Assistant => "assistant",
        Role::System => "system",
        Role::Tool => "tool",
    };
    WireMessage {
        role,
        content: &m.content,
        tool_calls: m.tool_calls.iter().map(wire_call).collect(),
        tool_call_id: m.tool_call_id.as_deref(),
    }
}

fn wire_call(c: &ToolCall) -> WireToolCall<'_> {
    WireToolCall {
        id: &c.id,
        kind: "function",
        function: WireFunctionCall {
            name: &c.name,
            arguments: &c.arguments,
        },
    }
}

/// One `data:` event of a streamed reply.
#[derive(Debug, Default, Deserialize)]
pub struct Chunk {
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub choices: Vec<ChunkChoice>,
    #[serde(default)]
    pub usage: Option<WireUsage>,
    /// Some servers report a failure inside the stream.
    #[serde(default)]
    pub error: Option<ErrorDetail>,
}

#[derive(Debug, Default, Deserialize)]
pub struct ChunkChoice {
    #[serde(default)]
    pub delta: Option<Delta>,
    #[serde(default)]
    pub finish_reason: Option<String>,
}

/// What a chunk adds. Also the shape of a whole (non-streamed) reply's `message`.
#[derive(Debug, Default, Deserialize)]
pub struct Delta {
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub tool_calls: Option<Vec<DeltaToolCall>>,
    /// The pre-tools way of calling one function (llama.cpp still sends it beside
    /// `tool_calls`).
    #[serde(default)]
    pub function_call: Option<DeltaFunction>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DeltaToolCall {
    #[serde(default)]
    pub index: Option<u32>,
    #[serde(default)]
    pub id: Option<String>,
    #[serde(default)]
    pub function: Option<DeltaFunction>,
}

#[derive(Debug, Default, Deserialize)]
pub struct DeltaFunction {
    #[serde(default)]
    pub name: Option<String>,
    /// Usually a JSON string; a few servers send the JSON object itself.
    #[serde(default)]
    pub arguments: Option<serde_json::Value>,
}

impl DeltaFunction {
    /// The arguments as text, however they came.
    pub fn arguments_text(&self) -> Option<String> {
        match self.arguments.as_ref()? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, Deserialize)]
pub struct WireUsage {
    #[serde(default)]
    pub prompt_tokens: Option<u32>,
    #[serde(default)]
    pub completion_tokens: Option<u32>,
}

/// A whole, non-streamed reply.
#[derive(Debug, Default, Deserialize)]
pub struct Completion {
    #[serde(default)]
    pub model: Option<String>,
    #[serde(default)]
    pub choices: Vec<CompletionChoice>,
    #[serde(default)]
    pub usage: Option<WireUsage>,
}

#[derive(Debug, Default, Deserialize)]
pub struct CompletionChoice {
    #[serde(default)]
    pub message: Option<Delta>,
    #[serde(default)]
    pub finish_reason: Option<String>,
}

/// An error body: `{"error": {"message", "type", "code"}}` (OpenAI and most servers),
/// `{"error": "text"}` (Ollama), or `{"detail": …}` (FastAPI-based servers).
#[derive(Debug, Default, Deserialize)]
pub struct ErrorBody {
    #[serde(default)]
    pub error: Option<ErrorDetail>,
    #[serde(default)]
    pub detail: Option<serde_json::Value>,
    #[serde(default)]
    pub message: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum ErrorDetail {
    Object {
        #[serde(default)]
        message: Option<String>,
        #[serde(default)]
        code: Option<serde_json::Value>,
    },
    Text(String),
}

impl ErrorDetail {
    pub fn message(&self) -> Option<String> {
        match self {
            ErrorDetail::Object { message, code } => message.clone().or_else(|| {
                code.as_ref().map(|c| match c {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
            }),
            ErrorDetail::Text(t) => Some(t.clone()),
        }
    }
}
