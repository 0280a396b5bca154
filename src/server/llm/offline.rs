//! The offline coach as a provider: it reads the user's last message with
//! `domain::chat::coach`, asks for the one tool that answers it, and once that tool's result
//! is in the conversation, writes the answer from it — the same loop a real model goes
//! through, with no network and the same answer every time. Its text goes out word by word,
//! `pace` apart (none by default; demos and the browser tests set `SPOTTER_OFFLINE_PACE_MS` to
//! watch a reply stream and stop it).

use std::time::Duration;

use super::{LlmFuture, LlmProvider, LlmReply, LlmRequest, TextSink, ToolCall};
use crate::domain::chat::coach::{
    CallContext, Intent, accepted, picked, reply_language, reply_with_result, reply_without_tool,
    understand,
};
use crate::domain::chat::conversation::Role;
use crate::domain::chat::session_tools::SuggestResult;
use crate::domain::chat::tools::{Learned, LogResult};

pub const MODEL: &str = "spotter-offline-coach";

#[derive(Clone, Copy, Debug, Default)]
pub struct OfflineCoach {
    /// The pause between two words of a reply.
    pub pace: Duration,
}

impl LlmProvider for OfflineCoach {
    fn model(&self) -> &str {
        MODEL
    }

    fn complete<'a>(&'a self, request: &'a LlmRequest, text: TextSink) -> LlmFuture<'a> {
        Box::pin(async move {
            let reply = answer(request);
            for (i, word) in reply.content.split_inclusive(' ').enumerate() {
                if i > 0 && !self.pace.is_zero() {
                    tokio::time::sleep(self.pace).await;
                }
                let _ = text.send(word.to_owned());
            }
            Ok(reply)
        })
    }
}

fn answer(request: &LlmRequest) -> LlmReply {
    // A final answer carries the notices of this reply (due today, new achievements) around
    // it, in the language of the answer.
    let answer_language = request
        .messages
        .iter()
        .rev()
        .find(|m| m.role == Role::User)
        .map_or(request.context.language, |m| {
            reply_language(&m.content, request.context.language)
        });
    let text = |content: String| LlmReply {
        content: request.context.notices.around(&content, answer_language),
        tool_calls: Vec::new(),
        usage: None,
        model: MODEL.to_owned(),
    };
    let Some(asked) = request.messages.iter().rposition(|m| m.role == Role::User) else {
        return text(reply_without_tool(
            &crate::domain::chat::coach::Intent::Help,
            request.context.language,
        ));
    };
    let question = &request.messages[asked].content;
    let language = reply_language(question, request.context.language);
    let intent = answer_to_did_you_mean(request, asked)
        .or_else(|| answer_to_suggestion(request))
        .unwrap_or_else(|| understand(question));
    // The tool already answered (a tool message after the question): write the reply from it.
    if let Some(result) = request.messages[asked + 1..]
        .iter()
        .rev()
        .find(|m| m.role == Role::Tool)
    {
        let value = serde_json::from_str(&result.content).unwrap_or(serde_json::Value::Null);
        return text(reply_with_result(
            &intent,
            &value,
            language,
            request.context.units,
            request.context.today,
        ));
    }
    let at = CallContext {
        today: request.context.today,
        dialect: request.context.dialect,
        language,
        units: request.context.units,
    };
    match intent.tool_call(&at) {
        Some((name, arguments)) => LlmReply {
            content: String::new(),
            tool_calls: vec![ToolCall {
                id: format!("call_offline_{asked}"),
                name: name.as_str().to_owned(),
                arguments: arguments.to_string(),
            }],
            usage: None,
            model: MODEL.to_owned(),
        },
        None => text(reply_without_tool(&intent, language)),
    }
}

/// "Log it" (or "done, 5 kg less") right after the coach suggested a session: log its sets.
/// A message that is itself a workout ("done: squat 3x5 100") is logged as written instead.
fn answer_to_suggestion(request: &LlmRequest) -> Option<Intent> {
    let (_, suggestion): (_, SuggestResult) = super::answered_before(&request.messages)?;
    let question = &request
        .messages
        .iter()
        .rev()
        .find(|m| m.role == Role::User)?
        .content;
    let change = accepted(question)?;
    suggestion.to_log(change).map(Intent::LogSuggested)
}

/// The question answers the coach's "did you mean …?" (the tool result before it asked about
/// an unknown exercise, and it picks a suggestion): log the earlier message with that exercise,
/// and learn the user's words for it.
fn answer_to_did_you_mean(request: &LlmRequest, asked: usize) -> Option<Intent> {
    let (earlier, LogResult::UnknownExercise { query, suggestions }) =
        super::answered_before(&request.messages)?
    else {
        return None;
    };
    let choice = picked(&request.messages[asked].content, &suggestions)?;
    Some(Intent::Log {
        text: earlier.to_owned(),
        learn: Some(Learned {
            said: query,
            meant: suggestions[choice].en.clone(),
        }),
    })
}
