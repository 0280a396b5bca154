//! What a reply being written tells whoever listens (the SSE of
//! `POST /conversations/{id}/messages`): each is sent as an SSE event named by
//! [`ChatEvent::name`] with [`ChatEvent::data`] as its JSON.
//!
//! - `message`: a message stored: the question, then each reply step as it starts (its id,
//!   status `streaming`).
//! - `delta`: more text of the reply step `message_id`.
//! - `tool_call`: the coach calls a tool (`message_id` is the step that calls it).
//! - `tool_result`: the tool's answer, stored as a `tool` message.
//! - `chart`: a chart the coach drew (`create_chart`), with its ECharts option.
//! - `done`: the reply's last step, finished (`complete` or `stopped`), with its tokens and
//!   timings.
//! - `error`: the reply failed; its last step, `failed`, with `error_message` (text that came
//!   before the failure is kept in `content`).

use serde::Serialize;
use serde_json::json;

use crate::server::db::Id;
use crate::server::db::messages::Message;
use crate::server::db::visualizations::VisualizationView;
use crate::server::llm::ToolCall;

#[derive(Clone, Debug)]
pub enum ChatEvent {
    Message(Message),
    Delta { message_id: Id, text: String },
    ToolCall { message_id: Id, call: ToolCall },
    ToolResult(Message),
    Chart(VisualizationView),
    Done(Message),
    Error(Message),
}

impl ChatEvent {
    pub fn name(&self) -> &'static str {
        match self {
            ChatEvent::Message(_) => "message",
            ChatEvent::Delta { .. } => "delta",
            ChatEvent::ToolCall { .. } => "tool_call",
            ChatEvent::ToolResult(_) => "tool_result",
            ChatEvent::Chart(_) => "chart",
            ChatEvent::Done(_) => "done",
            ChatEvent::Error(_) => "error",
        }
    }

    /// The event's JSON.
    pub fn data(&self) -> serde_json::Value {
        match self {
            ChatEvent::Message(m) | ChatEvent::ToolResult(m) | ChatEvent::Done(m) => to_json(m),
            ChatEvent::Error(m) => {
                let mut data = to_json(m);
                data["message"] = json!(m.error_message);
                data
            }
            ChatEvent::Chart(chart) => to_json(chart),
            ChatEvent::Delta { message_id, text } => {
                json!({ "message_id": message_id, "text": text })
            }
            ChatEvent::ToolCall { message_id, call } => json!({
                "message_id": message_id, "id": call.id, "name": call.name,
                "arguments": call.arguments,
            }),
        }
    }

    /// The reply is over after this one.
    pub fn is_last(&self) -> bool {
        matches!(self, ChatEvent::Done(_) | ChatEvent::Error(_))
    }
}

fn to_json(value: &impl Serialize) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}
