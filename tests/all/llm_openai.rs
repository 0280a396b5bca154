//! The coach over an OpenAI-compatible model server: a fake one on loopback replays real
//! recordings (`tests/fixtures/llm/`) and scripted faults, and each test looks at what the REST
//! API answers and what is stored. Every fault leaves the question stored and the reply marked
//! `failed` with a readable `error_message`, and the app goes on serving.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::fake_llm::{MODEL, Reply, text_events};
use crate::common::*;

/// Sends `content` in a new conversation through `POST /chat`; the exchange's JSON.
async fn ask(app: &TestApp, user: &TestUser, content: &str) -> Value {
    app.chat(&user.client, content).await
}

/// The stored messages of the exchange's conversation, oldest first.
async fn stored(app: &TestApp, user: &TestUser, exchange: &Value) -> Vec<Value> {
    let id = exchange["user_message"]["conversation_id"]
        .as_str()
        .unwrap();
    app.messages(&user.client, id).await
}

/// The one failed reply of an exchange, after checking the question was kept.
async fn failed_reply(app: &TestApp, user: &TestUser, exchange: &Value) -> Value {
    let messages = stored(app, user, exchange).await;
    assert_eq!(
        messages.len(),
        2,
        "the question and the failed reply: {messages:?}"
    );
    assert_eq!(messages[0]["role"], "user");
    assert_eq!(messages[0]["status"], "complete");
    let reply = messages[1].clone();
    assert_eq!(reply["role"], "assistant");
    assert_eq!(reply["status"], "failed", "{reply}");
    assert_eq!(reply["parent_id"], messages[0]["id"]);
    reply
}

/// The failed last step of an exchange in a conversation that may hold earlier ones.
async fn failed_reply_in(app: &TestApp, user: &TestUser, exchange: &Value) -> Value {
    let messages = stored(app, user, exchange).await;
    let last = messages.last().unwrap().clone();
    assert_eq!(last["status"], "failed", "{last}");
    assert_eq!(last["parent_id"], exchange["user_message"]["id"]);
    last
}

/// The app still answers a normal question after a fault.
async fn still_serves(app: &TestApp, user: &TestUser, llm: &crate::common::fake_llm::FakeLlm) {
    llm.then(Reply::text(&["Still ", "here."], Duration::ZERO));
    let exchange = ask(app, user, "Are you there?").await;
    let reply = exchange["reply"].as_array().unwrap();
    assert_eq!(reply.last().unwrap()["content"], "Still here.");
    assert_eq!(reply.last().unwrap()["status"], "complete");
}

both_engines! {
    async fn a_recorded_tool_call_then_a_recorded_answer_is_stored_once_with_its_tokens(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::recording("b1_stream_single_tool_call_deltas_with_usage__gpt-4o-mini_2026__pydantic-ai.sse"))
            .then(Reply::recording("a1_stream_text_with_usage_chunk__gpt-4o_2025__pydantic-ai.sse"));
        let user = app.user("openai").await;
        let exchange = ask(&app, &user, "What's the capital of the UK?").await;
        let messages = stored(&app, &user, &exchange).await;
        let roles: Vec<&str> = messages.iter().map(|m| m["role"].as_str().unwrap()).collect();
        assert_eq!(roles, ["user", "assistant", "tool", "assistant"], "{messages:?}");

        // The call, put together from its pieces, stored once with the recording's usage.
        let call = &messages[1];
        let calls: Value = serde_json::from_str(call["tool_calls"].as_str().unwrap()).unwrap();
        assert_eq!(calls, json!([{"id": "call_ZR5UUuTt3pf61kjwAJIYdVMj", "name": "get_capital", "arguments": "{\"country\":\"UK\"}"}]));
        assert_eq!(call["model"], "gpt-4o-mini-2024-07-18");
        assert_eq!(call["tokens_estimated"], false);
        // The tool is not one of Spotter's: the model is told so, in its result.
        let tool = &messages[2];
        assert_eq!(tool["tool_call_id"], "call_ZR5UUuTt3pf61kjwAJIYdVMj");
        assert!(tool["content"].as_str().unwrap().contains("get_capital"), "{tool}");

        let answer = &messages[3];
        assert_eq!(answer["status"], "complete");
        assert_eq!(answer["model"], "gpt-4o-2024-08-06");
        assert_eq!((answer["prompt_tokens"].as_i64(), answer["completion_tokens"].as_i64()), (Some(14), Some(8)));
        assert_eq!(answer["token_count"], 22);
        assert_eq!(answer["tokens_estimated"], false);
        let recorded: String = fixture_text("a1_stream_text_with_usage_chunk__gpt-4o_2025__pydantic-ai.sse");
        assert_eq!(answer["content"].as_str().unwrap(), recorded);
        assert!(answer["time_to_first_token_ms"].as_i64().is_some());

        // What the model was sent: the tools, then the call and its result on the second turn.
        let requests = llm.requests();
        assert_eq!(requests.len(), 2);
        assert_eq!(requests[0]["model"], MODEL, "LLM_MODEL unset: the server's first model");
        assert_eq!(requests[0]["stream"], true);
        let tools: Vec<&str> = requests[0]["tools"].as_array().unwrap().iter().map(|t| t["function"]["name"].as_str().unwrap()).collect();
        assert!(tools.contains(&"get_stats") && tools.contains(&"add_plan_item"), "{tools:?}");
        let second = requests[1]["messages"].as_array().unwrap();
        assert_eq!(second[0]["role"], "system");
        let n = second.len();
        assert_eq!(second[n - 2]["tool_calls"][0]["function"]["name"], "get_capital");
        assert_eq!(second[n - 2]["content"], "", "a string: llama.cpp refuses null");
        assert_eq!(requests[0]["tool_choice"], "auto");
        assert_eq!(second[n - 1]["role"], "tool");
        assert_eq!(second[n - 1]["tool_call_id"], "call_ZR5UUuTt3pf61kjwAJIYdVMj");
    }

    async fn ollama_without_usage_gets_estimated_tokens(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::recording("ollama_v1_stream_text__llama3.1_2024__magentic.sse"));
        let user = app.user("ollama").await;
        let exchange = ask(&app, &user, "Say hello!").await;
        let answer = exchange["reply"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(answer["model"], "llama3.1");
        assert_eq!(answer["content"], fixture_text("ollama_v1_stream_text__llama3.1_2024__magentic.sse"));
        assert_eq!(answer["tokens_estimated"], true);
        assert!(answer["completion_tokens"].as_i64().unwrap() > 0);
    }

    async fn a_whole_reply_after_an_empty_streamed_200_is_asked_for_again(app: TestApp, llm: FakeLlm) {
        // llama.cpp answers a streamed request with tools by an empty 200; asked again whole.
        llm.then(Reply::sse(""))
            .then(Reply::json(200, json!({"model": "smol", "choices": [{"message": {"role": "assistant", "content": "Keep going!"}, "finish_reason": "stop"}], "usage": {"prompt_tokens": 30, "completion_tokens": 3}}).to_string()));
        let user = app.user("empty").await;
        let exchange = ask(&app, &user, "Motivate me").await;
        let answer = exchange["reply"].as_array().unwrap().last().unwrap().clone();
        assert_eq!(answer["content"], "Keep going!");
        assert_eq!(answer["token_count"], 33);
        let requests = llm.requests();
        assert_eq!((requests[0]["stream"].as_bool(), requests[1]["stream"].as_bool()), (Some(true), Some(false)));
    }

    async fn a_wrong_key_is_a_stored_readable_error(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::json(401, crate::common::fake_llm::fixture("e1_401_invalid_api_key__chat_completions_2024__dd-trace-py.json")));
        let user = app.user("key").await;
        let exchange = ask(&app, &user, "Hi").await;
        let reply = failed_reply(&app, &user, &exchange).await;
        let error = reply["error_message"].as_str().unwrap();
        assert!(error.contains("401") && error.contains("Incorrect API key provided") && error.contains("LLM_API_KEY"), "{error}");
        still_serves(&app, &user, &llm).await;
    }

    #[config(LLM_MODEL = "this-model-does-not-exist")]
    async fn an_unknown_model_is_a_stored_readable_error(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::json(404, crate::common::fake_llm::fixture("e5_404_model_not_found__chat_completions__otel-contrib.json")));
        let user = app.user("model").await;
        let exchange = ask(&app, &user, "Hi").await;
        let reply = failed_reply(&app, &user, &exchange).await;
        let error = reply["error_message"].as_str().unwrap();
        assert!(error.contains("`this-model-does-not-exist` does not exist") && error.contains("LLM_MODEL"), "{error}");
        assert_eq!(llm.requests()[0]["model"], "this-model-does-not-exist");
        still_serves(&app, &user, &llm).await;
    }

    async fn busy_and_broken_servers_are_stored_readable_errors(app: TestApp, llm: FakeLlm) {
        let user = app.user("busy").await;
        llm.then(Reply::Body {
            status: 429,
            body: json!({"error": {"message": "Rate limit reached for requests", "code": "rate_limit_exceeded"}}).to_string(),
            headers: vec![("retry-after", "20".into()), ("content-type", "application/json".into())],
        });
        let exchange = ask(&app, &user, "Hi").await;
        let error = failed_reply(&app, &user, &exchange).await["error_message"].as_str().unwrap().to_owned();
        assert!(error.contains("429") && error.contains("Rate limit reached") && error.contains("20 s"), "{error}");

        llm.then(Reply::json(500, r#"{"error":{"message":"The server had an error while processing your request."}}"#));
        let exchange = ask(&app, &user, "Hi again").await;
        let error = failed_reply(&app, &user, &exchange).await["error_message"].as_str().unwrap().to_owned();
        assert!(error.contains("HTTP 500") && error.contains("had an error"), "{error}");
        still_serves(&app, &user, &llm).await;
    }

    async fn a_reset_mid_stream_keeps_the_text_that_came(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::ResetAfter(text_events(&["Squat ", "deep, "], false)));
        let user = app.user("reset").await;
        let exchange = ask(&app, &user, "Tips?").await;
        let reply = failed_reply(&app, &user, &exchange).await;
        assert_eq!(reply["content"], "Squat deep, ");
        let error = reply["error_message"].as_str().unwrap();
        assert!(error.contains("broke mid-reply"), "{error}");
        still_serves(&app, &user, &llm).await;
    }

    async fn a_malformed_chunk_is_a_stored_readable_error(app: TestApp, llm: FakeLlm) {
        let mut body = text_events(&["Hello"], false);
        body.push_str("data: {\"choices\": [{\"delta\": {\"content\": \"wor\n\n");
        llm.then(Reply::sse(body));
        let user = app.user("malformed").await;
        let exchange = ask(&app, &user, "Hi").await;
        let reply = failed_reply(&app, &user, &exchange).await;
        assert_eq!(reply["content"], "Hello");
        let error = reply["error_message"].as_str().unwrap();
        assert!(error.contains("not a chat completion"), "{error}");
        still_serves(&app, &user, &llm).await;
    }

    #[config(LLM_STALL_TIMEOUT = "1")]
    async fn a_stalled_stream_is_cut_off(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::StallAfter(text_events(&["Let me ", "think"], false)));
        let user = app.user("stall").await;
        let started = std::time::Instant::now();
        let exchange = ask(&app, &user, "Hi").await;
        assert!(started.elapsed() < Duration::from_secs(30), "cut off, not hung");
        let reply = failed_reply(&app, &user, &exchange).await;
        assert_eq!(reply["content"], "Let me think");
        let error = reply["error_message"].as_str().unwrap();
        assert!(error.contains("stopped sending for 1 seconds"), "{error}");
        still_serves(&app, &user, &llm).await;
    }

    #[config(LLM_MAX_TOKENS = "50")]
    async fn an_endless_stream_is_cut_off_at_the_token_cap(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::Endless);
        let user = app.user("endless").await;
        let exchange = ask(&app, &user, "Talk").await;
        let reply = failed_reply(&app, &user, &exchange).await;
        let error = reply["error_message"].as_str().unwrap();
        assert!(error.contains("passed 50 tokens"), "{error}");
        assert!(reply["content"].as_str().unwrap().starts_with("and on and on"), "the text so far is kept");
        assert_eq!(llm.requests()[0]["max_tokens"], 50);
        still_serves(&app, &user, &llm).await;
    }

    async fn an_empty_answer_while_tools_are_offered_is_asked_again_without_tools(app: TestApp, llm: FakeLlm) {
        // llama.cpp's tool grammar: a text answer comes out empty while tools are offered.
        llm.then(Reply::text(&[""], Duration::ZERO))
            .then(Reply::text(&["Hi, I'm your coach."], Duration::ZERO));
        let user = app.user("empty-answer").await;
        let exchange = ask(&app, &user, "Who are you?").await;
        let reply = exchange["reply"].as_array().unwrap();
        assert_eq!(reply.len(), 1, "one step, asked twice: {exchange}");
        assert_eq!(reply[0]["content"], "Hi, I'm your coach.");
        assert_eq!(reply[0]["status"], "complete");
        let requests = llm.requests();
        assert!(requests[0]["tools"].is_array());
        assert!(requests[1].get("tools").is_none() && requests[1].get("tool_choice").is_none(), "{}", requests[1]);

        // Nothing even then: a readable error, not an empty reply.
        llm.then(Reply::text(&[""], Duration::ZERO));
        let exchange = ask(&app, &user, "Who are you?").await;
        let reply = failed_reply_in(&app, &user, &exchange).await;
        assert!(reply["error_message"].as_str().unwrap().contains("answered with nothing"), "{reply}");
    }

    async fn the_last_round_offers_no_tools_so_the_reply_ends_in_words(app: TestApp, llm: FakeLlm) {
        let call = "b1_stream_single_tool_call_deltas_with_usage__gpt-4o-mini_2026__pydantic-ai.sse";
        llm.then(Reply::recording(call)).then(Reply::recording(call)).then(Reply::recording(call))
            .then(Reply::text(&["Done looking."], Duration::ZERO));
        let user = app.user("rounds").await;
        let exchange = ask(&app, &user, "Capital?").await;
        let requests = llm.requests();
        assert_eq!(requests.len(), 4);
        assert!(requests[2]["tools"].is_array());
        assert!(requests[3].get("tools").is_none(), "{}", requests[3]);
        let reply = exchange["reply"].as_array().unwrap();
        assert_eq!(reply.last().unwrap()["content"], "Done looking.");
        assert_eq!(reply.last().unwrap()["status"], "complete");
    }

    async fn an_unreachable_server_is_a_stored_readable_error(app: TestApp, llm: FakeLlm) {
        drop(llm);
        let user = app.user("gone").await;
        let resp = user.client.post(app.url("/api/v1/chat")).json(&json!({"content": "Hi"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let exchange: Value = resp.json().await.unwrap();
        let reply = failed_reply(&app, &user, &exchange).await;
        assert!(reply["error_message"].as_str().unwrap().contains("could not be reached"), "{reply}");
    }
}

/// The text a recorded stream holds, put together from its `delta.content` pieces.
fn fixture_text(name: &str) -> String {
    crate::common::fake_llm::fixture(name)
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|v| {
            v["choices"][0]["delta"]["content"]
                .as_str()
                .map(str::to_owned)
        })
        .collect()
}
