//! Turns the chunks of a streamed reply (or a whole reply) into text, tool calls and usage.
//! Pure: the HTTP side feeds it the `data:` of each event. It survives what real servers do:
//! the usage chunk with `choices: []`, tool-call arguments in pieces keyed by `index`, calls
//! without `index` (matched by `id`, else the latest call), a whole call in one chunk, the id
//! and name repeated in every chunk, `finish_reason: "stop"` after tool calls, no usage at all,
//! the legacy `function_call` beside `tool_calls`, and reasoning text (not part of the reply).

use super::wire::{Chunk, Completion, Delta, DeltaFunction, DeltaToolCall};
use crate::server::llm::{LlmError, ToolCall, Usage};

/// What has arrived so far.
#[derive(Debug, Default)]
pub struct Accumulator {
    content: String,
    calls: Vec<PartialCall>,
    usage: Option<Usage>,
    model: Option<String>,
    /// Events read (the `[DONE]` marker aside).
    events: usize,
    /// Pieces of text or arguments: about one token each.
    pieces: u32,
    finished: bool,
    done: bool,
}

#[derive(Debug, Default)]
struct PartialCall {
    index: Option<u32>,
    id: Option<String>,
    name: String,
    arguments: String,
}

/// Everything a reply held once it ended.
#[derive(Debug, PartialEq)]
pub struct Finished {
    pub content: String,
    pub tool_calls: Vec<ToolCall>,
    pub usage: Option<Usage>,
    pub model: Option<String>,
}

impl Accumulator {
    /// Reads one event's data; answers the text it adds, if any.
    pub fn push_event(&mut self, data: &str) -> Result<Option<String>, LlmError> {
        let data = data.trim();
        if data == "[DONE]" {
            self.done = true;
            return Ok(None);
        }
        let chunk: Chunk = serde_json::from_str(data)
            .map_err(|e| LlmError::Malformed(format!("{e} in {}", excerpt(data))))?;
        self.events += 1;
        if let Some(error) = chunk.error {
            return Err(LlmError::Failed(
                error.message().unwrap_or_else(|| excerpt(data)),
            ));
        }
        if chunk.model.is_some() {
            self.model = chunk.model;
        }
        if let Some(usage) = chunk.usage {
            self.set_usage(usage.prompt_tokens, usage.completion_tokens);
        }
        let mut text = String::new();
        for choice in chunk.choices {
            if choice.finish_reason.is_some() {
                self.finished = true;
            }
            if let Some(delta) = choice.delta {
                text.push_str(&self.push_delta(delta));
            }
        }
        Ok((!text.is_empty()).then_some(text))
    }

    /// A whole, non-streamed reply.
    pub fn from_completion(completion: Completion) -> Accumulator {
        let mut acc = Accumulator {
            model: completion.model,
            events: 1,
            finished: true,
            done: true,
            ..Accumulator::default()
        };
        if let Some(u) = completion.usage {
            acc.set_usage(u.prompt_tokens, u.completion_tokens);
        }
        for choice in completion.choices {
            if let Some(message) = choice.message {
                acc.push_delta(message);
            }
        }
        acc
    }

    /// Nothing at all arrived (llama.cpp answers an empty 200 when it fails inside a stream).
    pub fn is_empty(&self) -> bool {
        self.events == 0
    }

    /// The server said the reply is over (`finish_reason` or `[DONE]`).
    pub fn is_complete(&self) -> bool {
        self.finished || self.done
    }

    /// About the tokens generated so far.
    pub fn pieces(&self) -> u32 {
        self.pieces
    }

    pub fn finish(self) -> Finished {
        let tool_calls = self
            .calls
            .into_iter()
            .enumerate()
            .map(|(i, c)| ToolCall {
                id: c.id.unwrap_or_else(|| format!("call_{i}")),
                name: c.name,
                arguments: if c.arguments.trim().is_empty() {
                    "{}".to_owned()
                } else {
                    c.arguments
                },
            })
            .collect();
        Finished {
            content: self.content,
            tool_calls,
            usage: self.usage,
            model: self.model,
        }
    }

    fn set_usage(&mut self, prompt: Option<u32>, completion: Option<u32>) {
        if prompt.is_some() || completion.is_some() {
            self.usage = Some(Usage {
                prompt_tokens: prompt.unwrap_or(0),
                completion_tokens: completion.unwrap_or(0),
            });
        }
    }

    fn push_delta(&mut self, delta: Delta) -> String {
        let mut text = String::new();
        if let Some(content) = delta.content.filter(|c| !c.is_empty()) {
            self.pieces += 1;
            self.content.push_str(&content);
            text = content;
        }
        match delta.tool_calls {
            Some(calls) if !calls.is_empty() => {
                for call in calls {
                    self.push_call(call);
                }
            }
            // The legacy field counts only when no `tool_calls` came (llama.cpp sends both).
            _ => {
                if let Some(function) = delta.function_call
                    && self.calls.iter().all(|c| c.index == Some(u32::MAX))
                {
                    self.push_call(DeltaToolCall {
                        index: Some(u32::MAX),
                        id: None,
                        function: Some(function),
                    });
                }
            }
        }
        text
    }

    fn push_call(&mut self, call: DeltaToolCall) {
        let DeltaToolCall {
            index,
            id,
            function,
        } = call;
        let position = match (index, &id) {
            (Some(i), _) => self.calls.iter().position(|c| c.index == Some(i)),
            (None, Some(id)) => self.calls.iter().position(|c| c.id.as_ref() == Some(id)),
            (None, None) => self.calls.len().checked_sub(1),
        };
        let position = position.unwrap_or_else(|| {
            self.calls.push(PartialCall {
                index,
                ..PartialCall::default()
            });
            self.calls.len() - 1
        });
        let target = &mut self.calls[position];
        if target.id.is_none() {
            target.id = id.filter(|i| !i.is_empty());
        }
        if let Some(DeltaFunction { name, .. }) = &function
            && let Some(name) = name
            && target.name.is_empty()
        {
            target.name = name.clone();
        }
        if let Some(arguments) = function.as_ref().and_then(DeltaFunction::arguments_text)
            && !arguments.is_empty()
        {
            self.pieces += 1;
            target.arguments.push_str(&arguments);
        }
    }
}

/// The start of a long text, for error messages.
pub fn excerpt(text: &str) -> String {
    const MAX: usize = 200;
    let text = text.trim();
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Feeds a recorded SSE body (`data: …` lines) through an accumulator.
    fn replay(body: &str) -> (Accumulator, String) {
        let mut acc = Accumulator::default();
        let mut streamed = String::new();
        for line in body.lines() {
            if let Some(data) = line.strip_prefix("data:")
                && let Some(text) = acc.push_event(data).expect("a valid event")
            {
                streamed.push_str(&text);
            }
        }
        (acc, streamed)
    }

    fn fixture(name: &str) -> String {
        let path = format!("{}/tests/fixtures/llm/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn a_text_stream_with_a_usage_chunk_keeps_text_and_usage() {
        let body = fixture("a1_stream_text_with_usage_chunk__gpt-4o_2025__pydantic-ai.sse");
        let (acc, streamed) = replay(&body);
        assert!(acc.is_complete());
        let done = acc.finish();
        assert_eq!(streamed, done.content);
        // The text the recording's deltas hold, put together independently.
        let expected: String = body
            .lines()
            .filter_map(|l| l.strip_prefix("data: "))
            .filter_map(|d| serde_json::from_str::<serde_json::Value>(d).ok())
            .filter_map(|v| {
                v["choices"][0]["delta"]["content"]
                    .as_str()
                    .map(str::to_owned)
            })
            .collect();
        assert!(!expected.is_empty());
        assert_eq!(done.content, expected);
        assert_eq!(
            done.usage,
            Some(Usage {
                prompt_tokens: 14,
                completion_tokens: 8
            })
        );
        assert_eq!(done.model.as_deref(), Some("gpt-4o-2024-08-06"));
        assert!(done.tool_calls.is_empty());
    }

    #[test]
    fn a_tool_call_in_pieces_is_put_together_once() {
        let body = fixture(
            "b1_stream_single_tool_call_deltas_with_usage__gpt-4o-mini_2026__pydantic-ai.sse",
        );
        let (acc, streamed) = replay(&body);
        let done = acc.finish();
        assert_eq!(streamed, "");
        assert_eq!(
            done.tool_calls,
            vec![ToolCall {
                id: "call_ZR5UUuTt3pf61kjwAJIYdVMj".into(),
                name: "get_capital".into(),
                arguments: r#"{"country":"UK"}"#.into(),
            }]
        );
        assert!(done.usage.is_some());
    }

    #[test]
    fn ollama_repeats_the_role_and_sends_no_usage() {
        let body = fixture("ollama_v1_stream_text__llama3.1_2024__magentic.sse");
        let (acc, streamed) = replay(&body);
        assert!(acc.is_complete());
        let done = acc.finish();
        assert!(done.content.starts_with("Hello!"), "{}", done.content);
        assert_eq!(streamed, done.content);
        assert_eq!(done.usage, None);
        assert_eq!(done.model.as_deref(), Some("llama3.1"));
    }

    #[test]
    fn a_whole_reply_with_a_tool_call() {
        let body =
            fixture("c2_nonstream_single_tool_call__gpt-3.5-turbo-0125_2026__openllmetry.json");
        let done = Accumulator::from_completion(serde_json::from_str(&body).unwrap()).finish();
        assert_eq!(done.content, "");
        assert_eq!(done.tool_calls.len(), 1);
        assert_eq!(done.tool_calls[0].name, "get_weather");
        assert_eq!(done.tool_calls[0].arguments, r#"{"location":"Boston"}"#);
        assert_eq!(
            done.usage,
            Some(Usage {
                prompt_tokens: 50,
                completion_tokens: 14
            })
        );
    }

    #[test]
    fn calls_without_index_match_by_id_then_by_position() {
        let mut acc = Accumulator::default();
        for data in [
            r#"{"choices":[{"delta":{"tool_calls":[{"id":"a","function":{"name":"get_stats","arguments":"{\"period\":"}}]}}]}"#,
            r#"{"choices":[{"delta":{"tool_calls":[{"id":"a","function":{"name":"get_stats","arguments":"\"week\"}"}}]}}]}"#,
            r#"{"choices":[{"delta":{"tool_calls":[{"id":"b","function":{"name":"list_goals","arguments":{}}}]}}]}"#,
            r#"{"choices":[{"delta":{},"finish_reason":"stop"}]}"#,
        ] {
            acc.push_event(data).unwrap();
        }
        let done = acc.finish();
        assert_eq!(
            done.tool_calls,
            vec![
                ToolCall {
                    id: "a".into(),
                    name: "get_stats".into(),
                    arguments: r#"{"period":"week"}"#.into()
                },
                ToolCall {
                    id: "b".into(),
                    name: "list_goals".into(),
                    arguments: "{}".into()
                },
            ]
        );
    }

    #[test]
    fn the_legacy_function_call_counts_only_alone() {
        let mut both = Accumulator::default();
        both.push_event(r#"{"choices":[{"delta":{"function_call":{"name":"get_stats","arguments":"{}"},"tool_calls":[{"index":0,"id":"c","function":{"name":"get_stats","arguments":"{}"}}]}}]}"#).unwrap();
        assert_eq!(both.finish().tool_calls.len(), 1);
        let mut legacy = Accumulator::default();
        legacy
            .push_event(r#"{"choices":[{"delta":{"function_call":{"name":"get_stats","arguments":"{\"period\":\"all\"}"}}}]}"#)
            .unwrap();
        let calls = legacy.finish().tool_calls;
        assert_eq!(calls.len(), 1);
        assert_eq!(calls[0].name, "get_stats");
        assert_eq!(calls[0].id, "call_0");
    }

    #[test]
    fn reasoning_is_not_part_of_the_reply() {
        let mut acc = Accumulator::default();
        let text = acc
            .push_event(r#"{"choices":[{"delta":{"reasoning_content":"hmm","content":null}}]}"#)
            .unwrap();
        assert_eq!(text, None);
        assert_eq!(
            acc.push_event(r#"{"choices":[{"delta":{"reasoning":"so","content":"Hi"}}]}"#)
                .unwrap()
                .as_deref(),
            Some("Hi")
        );
        assert_eq!(acc.finish().content, "Hi");
    }

    #[test]
    fn a_broken_chunk_and_an_error_in_the_stream_are_errors() {
        let mut acc = Accumulator::default();
        let e = acc
            .push_event(r#"{"choices":[{"delta":{"content":"Hi"#)
            .unwrap_err();
        assert!(matches!(e, LlmError::Malformed(_)), "{e:?}");
        let e = acc
            .push_event(
                r#"{"error":{"message":"The server had an error while processing your request."}}"#,
            )
            .unwrap_err();
        assert_eq!(
            e,
            LlmError::Failed("The server had an error while processing your request.".into())
        );
    }

    #[test]
    fn nothing_and_a_cut_stream_are_told_apart_from_a_whole_one() {
        let acc = Accumulator::default();
        assert!(acc.is_empty() && !acc.is_complete());
        let mut cut = Accumulator::default();
        cut.push_event(r#"{"choices":[{"delta":{"content":"Hel"}}]}"#)
            .unwrap();
        assert!(!cut.is_empty() && !cut.is_complete());
    }
}
