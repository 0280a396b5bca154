//! What a reply being written tells whoever listens (the SSE of
//! `POST /conversations/{id}/messages` and `GET /conversations/{id}/stream`): each is sent as
//! an SSE event named by [`ChatEvent::name`] with [`ChatEvent::data`] as its JSON, and its
//! position in the reply (`hub`) as its `id`.
//!
//! - `message`: a message stored: the question, then each reply step as it starts (its id,
//!   status `streaming`, and its text so far: a client that has the step replaces its text).
//! - `delta`: more text of the reply step `message_id`, starting at byte `at` of its text (a
//!   client that already has those bytes skips them).
//! - `tool_call`: the coach calls a tool (`message_id` is the step that calls it); `html`
//!   shows it as the thread does.
//! - `tool_result`: the tool's answer, stored as a `tool` message.
//! - `chart`: a chart the coach drew (`create_chart`), with its ECharts option and `html`,
//!   the figure as the thread shows it.
//! - `done`: the reply's last step, finished (`complete` or `stopped`), with its tokens and
//!   timings, and `html`: the whole reply as the thread shows it (added by the SSE layer,
//!   which renders [`Ending::items`] in the reader's language).
//! - `error`: the reply failed; its last step, `failed`, with `error_message` (text that came
//!   before the failure is kept in `content`), and `html` as for `done`.

use serde::Serialize;
use serde_json::json;

use crate::domain::views::chat::ThreadItem;
use crate::server::db::Id;
use crate::server::db::messages::Message;
use crate::server::db::visualizations::VisualizationView;
use crate::server::llm::ToolCall;

#[derive(Clone, Debug)]
pub enum ChatEvent {
    Message(Message),
    Delta {
        message_id: Id,
        text: String,
        /// Where `text` starts in the step's text, in bytes.
        at: usize,
    },
    ToolCall {
        message_id: Id,
        call: ToolCall,
        html: String,
    },
    ToolResult(Message),
    Chart {
        chart: Box<VisualizationView>,
        html: String,
    },
    Done(Box<Ending>),
    Error(Box<Ending>),
}

/// The last step of a reply and the whole reply as the thread shows it.
#[derive(Clone, Debug)]
pub struct Ending {
    pub step: Message,
    pub items: Vec<ThreadItem>,
}

impl ChatEvent {
    pub fn name(&self) -> &'static str {
        match self {
            ChatEvent::Message(_) => "message",
            ChatEvent::Delta { .. } => "delta",
            ChatEvent::ToolCall { .. } => "tool_call",
            ChatEvent::ToolResult(_) => "tool_result",
            ChatEvent::Chart { .. } => "chart",
            ChatEvent::Done(_) => "done",
            ChatEvent::Error(_) => "error",
        }
    }

    /// The event's JSON.
    pub fn data(&self) -> serde_json::Value {
        match self {
            ChatEvent::Message(m) | ChatEvent::ToolResult(m) => to_json(m),
            ChatEvent::Done(end) => to_json(&end.step),
            ChatEvent::Error(end) => {
                let mut data = to_json(&end.step);
                data["message"] = json!(end.step.error_message);
                data
            }
            ChatEvent::Chart { chart, html } => {
                let mut data = to_json(chart);
                data["html"] = json!(html);
                data
            }
            ChatEvent::Delta {
                message_id,
                text,
                at,
            } => {
                json!({ "message_id": message_id, "text": text, "at": at })
            }
            ChatEvent::ToolCall {
                message_id,
                call,
                html,
            } => json!({
                "message_id": message_id, "id": call.id, "name": call.name,
                "arguments": call.arguments, "html": html,
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
