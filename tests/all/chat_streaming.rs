//! Replies as they are written: the SSE of `POST /conversations/{id}/messages`, a client that
//! goes away mid-reply (the reply is still stored whole), `POST /messages/{id}/stop`, joining
//! a reply being written (`GET /conversations/{id}/stream`), and shutdown (the text so far is
//! stored). The model is the fake server on loopback, pacing its pieces so there is time to
//! act mid-reply, or the offline coach.

use std::time::Duration;

use eventsource_stream::Eventsource as _;
use futures_util::StreamExt as _;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::fake_llm::Reply;
use crate::common::*;

/// One received SSE event: its name and JSON.
#[derive(Debug)]
struct Ev {
    name: String,
    data: Value,
    /// The SSE `id` (the event's position in the reply), empty when none was sent.
    id: String,
}

type Events = std::pin::Pin<Box<dyn futures_util::Stream<Item = Ev> + Send>>;

/// Opens a streamed send; the response's status and its events.
async fn send_streamed(
    app: &TestApp,
    user: &TestUser,
    conversation: &str,
    content: &str,
) -> Events {
    let resp = user
        .client
        .post(app.url(&format!("/api/v1/conversations/{conversation}/messages")))
        .header("accept", "text/event-stream")
        .json(&json!({ "content": content }))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(header(&resp, "content-type").starts_with("text/event-stream"));
    events_of(resp)
}

fn events_of(resp: reqwest::Response) -> Events {
    Box::pin(
        resp.bytes_stream()
            .eventsource()
            .filter_map(|e| async move {
                let e = e.expect("an SSE event");
                (e.event != "message" || !e.data.is_empty()).then(|| Ev {
                    id: e.id,
                    name: e.event,
                    data: serde_json::from_str(&e.data).unwrap_or(Value::Null),
                })
            }),
    )
}

/// Every event until the stream ends (with a deadline, so a hung stream fails the test).
async fn all_events(mut events: Events) -> Vec<Ev> {
    let mut all = Vec::new();
    while let Some(e) = tokio::time::timeout(Duration::from_secs(30), events.next())
        .await
        .expect("the stream ends")
    {
        all.push(e);
    }
    all
}

fn names(events: &[Ev]) -> Vec<&str> {
    events.iter().map(|e| e.name.as_str()).collect()
}

fn text_of(events: &[Ev]) -> String {
    events
        .iter()
        .filter(|e| e.name == "delta")
        .map(|e| e.data["text"].as_str().unwrap())
        .collect()
}

/// The stored messages of a conversation, oldest first.
async fn stored(app: &TestApp, user: &TestUser, conversation: &str) -> Vec<Value> {
    app.messages(&user.client, conversation).await
}

/// Waits until the conversation's last message is no longer `streaming`.
async fn settled(app: &TestApp, user: &TestUser, conversation: &str) -> Vec<Value> {
    for _ in 0..200 {
        let messages = stored(app, user, conversation).await;
        if messages
            .last()
            .is_some_and(|m| m["status"] != "streaming" && m["role"] == "assistant")
        {
            return messages;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the reply never finished");
}

const WORDS: [&str; 12] = [
    "Rest ", "two ", "minutes ", "between ", "heavy ", "sets, ", "one ", "between ", "light ",
    "ones, ", "and ", "breathe.",
];

both_engines! {
    async fn a_streamed_reply_arrives_as_events_and_is_stored_as_sent(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(5)));
        let user = app.user("sse").await;
        let conversation = app.conversation(&user, "Rest").await["id"].as_str().unwrap().to_owned();
        let events = all_events(send_streamed(&app, &user, &conversation, "How long should I rest?").await).await;
        let n = names(&events);
        assert_eq!(n[..2], ["message", "message"], "{n:?}");
        assert_eq!(n.last(), Some(&"done"), "{n:?}");
        assert!(n[2..n.len() - 1].iter().all(|e| *e == "delta"), "{n:?}");
        assert_eq!(events[0].data["role"], "user");
        assert_eq!(events[0].data["content"], "How long should I rest?");
        assert_eq!(events[1].data["status"], "streaming");
        let step = events[1].data["id"].clone();
        assert!(events.iter().filter(|e| e.name == "delta").all(|e| e.data["message_id"] == step));
        assert_eq!(text_of(&events), WORDS.concat());
        let done = &events.last().unwrap().data;
        assert_eq!(done["id"], step);
        assert_eq!(done["status"], "complete");
        assert_eq!(done["content"], WORDS.concat());
        assert!(done["token_count"].as_i64().unwrap() > 0);
        assert!(done["time_to_first_token_ms"].as_i64().is_some() && done["execution_time_ms"].as_i64().is_some());

        let messages = stored(&app, &user, &conversation).await;
        assert_eq!(messages.len(), 2);
        assert_eq!(messages[1]["content"], WORDS.concat());
        assert_eq!(messages[1]["status"], "complete");
    }

    async fn tool_calls_and_results_are_events_too(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::recording("b1_stream_single_tool_call_deltas_with_usage__gpt-4o-mini_2026__pydantic-ai.sse"))
            .then(Reply::recording("a1_stream_text_with_usage_chunk__gpt-4o_2025__pydantic-ai.sse"));
        let user = app.user("sse-tools").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let events = all_events(send_streamed(&app, &user, &conversation, "Capital?").await).await;
        let n = names(&events);
        let call = n.iter().position(|e| *e == "tool_call").expect("a tool_call event");
        assert_eq!(n[call + 1], "tool_result", "{n:?}");
        assert_eq!(events[call].data["name"], "get_capital");
        assert_eq!(events[call].data["arguments"], "{\"country\":\"UK\"}");
        assert_eq!(events[call + 1].data["tool_call_id"], events[call].data["id"]);
        assert_eq!(events.last().unwrap().name, "done");
        assert_eq!(events.last().unwrap().data["token_count"], 22);
        assert_eq!(stored(&app, &user, &conversation).await.len(), 4);
    }

    async fn a_client_that_goes_away_mid_reply_still_gets_it_stored_whole(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(60)));
        let user = app.user("gone").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let mut events = send_streamed(&app, &user, &conversation, "Rest?").await;
        loop {
            let e = events.next().await.expect("events");
            if e.name == "delta" {
                break;
            }
        }
        drop(events);
        let messages = settled(&app, &user, &conversation).await;
        assert_eq!(messages[1]["status"], "complete");
        assert_eq!(messages[1]["content"], WORDS.concat());
    }

    async fn stop_keeps_the_text_so_far_as_stopped(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(150)));
        let user = app.user("stopper").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let mut events = send_streamed(&app, &user, &conversation, "Rest?").await;
        let question = events.next().await.unwrap().data["id"].as_str().unwrap().to_owned();
        let mut received = Vec::new();
        while received.iter().filter(|e: &&Ev| e.name == "delta").count() < 2 {
            received.push(events.next().await.unwrap());
        }
        let resp = user.client.post(app.url(&format!("/api/v1/messages/{question}/stop"))).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let exchange: Value = resp.json().await.unwrap();
        let reply = exchange["reply"].as_array().unwrap();
        assert_eq!(reply.len(), 1);
        assert_eq!(reply[0]["status"], "stopped");
        let kept = reply[0]["content"].as_str().unwrap().to_owned();
        assert!(kept.starts_with("Rest two "), "{kept:?}");
        assert!(kept.len() < WORDS.concat().len(), "stopped before the end: {kept:?}");

        // The stream ends with the stopped step, holding exactly the text that was sent.
        received.extend(all_events(events).await);
        let last = received.last().unwrap();
        assert_eq!(last.name, "done");
        assert_eq!(last.data["status"], "stopped");
        assert_eq!(text_of(&received), kept);
        assert_eq!(last.data["content"], kept.as_str());
        tokio::time::sleep(Duration::from_millis(300)).await;
        let messages = stored(&app, &user, &conversation).await;
        assert_eq!(messages[1]["status"], "stopped");
        assert_eq!(messages[1]["content"], kept.as_str());

        // Nothing left to stop: 409; someone else's message: 404.
        let resp = user.client.post(app.url(&format!("/api/v1/messages/{question}/stop"))).send().await.unwrap();
        assert_error(resp, StatusCode::CONFLICT, "not_streaming").await;
        let other = app.user("other").await;
        let resp = other.client.post(app.url(&format!("/api/v1/messages/{question}/stop"))).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn a_reply_being_written_can_be_joined_from_its_stored_progress(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(80)));
        let user = app.user("joiner").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let join = app.url(&format!("/api/v1/conversations/{conversation}/stream"));

        // Nothing being written: the stream ends at once, empty.
        let resp = user.client.get(&join).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(all_events(events_of(resp)).await.is_empty());

        // A plain JSON send in the background (its client waits for the whole reply).
        let sender = {
            let client = user.client.clone();
            let url = app.url(&format!("/api/v1/conversations/{conversation}/messages"));
            tokio::spawn(async move { client.post(url).json(&json!({"content": "Rest?"})).send().await.unwrap().status() })
        };
        let mut joined = None;
        for _ in 0..100 {
            tokio::time::sleep(Duration::from_millis(20)).await;
            let events = all_events(events_of(user.client.get(&join).send().await.unwrap())).await;
            if !events.is_empty() {
                joined = Some(events);
                break;
            }
        }
        let events = joined.expect("joined the reply while it was written");
        assert_eq!(events[0].name, "message");
        assert_eq!(events.last().unwrap().name, "done");
        assert_eq!(text_of(&events), WORDS.concat(), "the whole text, each piece once");
        assert_eq!(sender.await.unwrap(), StatusCode::CREATED);

        let other = app.user("peeker").await;
        let resp = other.client.get(&join).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;

        // Following a named question: the whole reply, even when joined right away.
        llm.then(Reply::text(&WORDS, Duration::from_millis(30)));
        let mut events = send_streamed(&app, &user, &conversation, "And between sets?").await;
        let question = events.next().await.unwrap().data["id"].as_str().unwrap().to_owned();
        let followed = all_events(events_of(user.client.get(format!("{join}?question={question}")).send().await.unwrap())).await;
        assert_eq!(text_of(&followed), WORDS.concat());
        assert_eq!(followed.last().unwrap().name, "done");
        // A question of another conversation is not this one's.
        let elsewhere = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let resp = user.client.get(app.url(&format!("/api/v1/conversations/{elsewhere}/stream?question={question}"))).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    }

    async fn a_client_resumes_after_its_last_event_id_with_no_gap_and_no_repeat(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(40)));
        let user = app.user("resumer").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let mut events = send_streamed(&app, &user, &conversation, "Rest?").await;
        // Read up to the third piece of text, then lose the connection.
        let mut first = Vec::new();
        while first.iter().filter(|e: &&Ev| e.name == "delta").count() < 3 {
            first.push(events.next().await.unwrap());
        }
        drop(events);
        let ids: Vec<u64> = first.iter().map(|e| e.id.parse().expect("every event has an id")).collect();
        assert_eq!(ids, (1..=ids.len() as u64).collect::<Vec<_>>(), "positions from 1, in order");
        let question = first[0].data["id"].as_str().unwrap().to_owned();
        let join = app.url(&format!("/api/v1/conversations/{conversation}/stream?question={question}"));
        let last = ids.last().unwrap().to_string();
        let resumed = all_events(events_of(
            user.client.get(&join).header("last-event-id", &last).send().await.unwrap(),
        ))
        .await;
        let next: Vec<u64> = resumed.iter().map(|e| e.id.parse().unwrap()).collect();
        assert_eq!(next.first(), Some(&(ids.len() as u64 + 1)), "goes on right after {last}");
        assert!(next.windows(2).all(|w| w[1] == w[0] + 1), "no gap: {next:?}");
        assert_eq!(format!("{}{}", text_of(&first), text_of(&resumed)), WORDS.concat(), "each piece once");
        assert_eq!(resumed.last().unwrap().name, "done");

        // A late joiner without an id gets the whole reply from the start, question first;
        // after the end, the ended reply is still there for a client resuming late.
        let whole = all_events(events_of(user.client.get(&join).send().await.unwrap())).await;
        assert_eq!(whole[0].data["id"].as_str(), Some(question.as_str()));
        assert_eq!(whole.len(), ids.len() + resumed.len());
        assert_eq!(text_of(&whole), WORDS.concat());
        let tail = all_events(events_of(
            user.client.get(&join).header("last-event-id", (whole.len() - 1).to_string()).send().await.unwrap(),
        ))
        .await;
        assert_eq!(names(&tail), ["done"]);
        // The `done` event carries the reply as the thread shows it.
        let html = tail[0].data["html"].as_str().expect("html");
        assert!(html.contains("breathe.") && html.contains("class=\"msg msg-coach"), "{html}");
    }

    async fn respond_async_answers_with_the_question_and_the_reply_is_followed_on_the_stream(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(30)))
            .then(Reply::text(&WORDS[..3], Duration::from_millis(10)));
        let user = app.user("async-sender").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let started = std::time::Instant::now();
        let resp = user.client.post(app.url(&format!("/api/v1/conversations/{conversation}/messages")))
            .header("prefer", "respond-async")
            .json(&json!({"content": "Rest?", "client_id": "a-1"}))
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::ACCEPTED);
        assert!(started.elapsed() < Duration::from_millis(12 * 30), "answered before the reply was written");
        let body: Value = resp.json().await.unwrap();
        assert_eq!(body["user_message"]["content"], "Rest?");
        assert_eq!(body["reply"], json!([]));
        let question = body["user_message"]["id"].as_str().unwrap().to_owned();
        let join = app.url(&format!("/api/v1/conversations/{conversation}/stream?question={question}"));
        let events = all_events(events_of(user.client.get(&join).send().await.unwrap())).await;
        assert_eq!(text_of(&events), WORDS.concat());
        assert_eq!(events.last().unwrap().name, "done");

        // Answer again, the same way: 202 with the same question, a second reply to follow.
        let resp = user.client.post(app.url(&format!("/api/v1/messages/{question}/regenerate")))
            .header("prefer", "respond-async").send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::ACCEPTED);
        let again: Value = resp.json().await.unwrap();
        assert_eq!(again["user_message"]["id"].as_str(), Some(question.as_str()));
        let events = all_events(events_of(user.client.get(&join).send().await.unwrap())).await;
        assert_eq!(text_of(&events), WORDS[..3].concat(), "the new reply, not the first one");
        let messages = settled(&app, &user, &conversation).await;
        assert_eq!(messages.len(), 3, "the question and two replies");
    }

    async fn a_reply_written_on_one_instance_is_followed_and_stopped_on_another(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(150)));
        let other = app.another_instance(&[]).await;
        let user = app.user("two-instances").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let mut events = send_streamed(&app, &user, &conversation, "Rest?").await;
        let question = events.next().await.unwrap().data["id"].as_str().unwrap().to_owned();

        // The same session, on the instance that is not writing the reply.
        let join = other.url(&format!("/api/v1/conversations/{conversation}/stream?question={question}"));
        let followed = all_events(events_of(user.client.get(&join).send().await.unwrap())).await;
        assert_eq!(text_of(&followed), WORDS.concat(), "all of it, each piece once");
        assert_eq!(followed.last().unwrap().name, "done");
        assert!(followed.last().unwrap().data["html"].as_str().unwrap().contains("breathe."));
        if app.engine == Engine::Postgres {
            // Through the writing instance's notes, piece by piece (its row is written once a
            // second: read from the database alone, the text would come in a few lumps).
            let deltas = followed.iter().filter(|e| e.name == "delta").count();
            assert!(deltas >= WORDS.len() / 2, "{deltas} deltas for {} pieces", WORDS.len());
        }
        all_events(events).await;

        // A stop asked on the other instance stops the reply where it is written.
        llm.then(Reply::text(&WORDS, Duration::from_millis(150)));
        let mut events = send_streamed(&app, &user, &conversation, "And between sets?").await;
        let question = events.next().await.unwrap().data["id"].as_str().unwrap().to_owned();
        while events.next().await.unwrap().name != "delta" {}
        let resp = user.client.post(other.url(&format!("/api/v1/messages/{question}/stop"))).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let rest = all_events(events).await;
        let end = rest.last().unwrap();
        assert_eq!(end.name, "done");
        assert_eq!(end.data["status"], "stopped");
        let kept = end.data["content"].as_str().unwrap();
        assert!(!kept.is_empty() && kept.len() < WORDS.concat().len(), "{kept:?}");
        let messages = settled(&app, &user, &conversation).await;
        assert_eq!(messages.last().unwrap()["status"], "stopped");
        assert_eq!(messages.last().unwrap()["content"], kept);
    }

    async fn the_stop_form_works_without_javascript(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(150)));
        let user = app.user("form-stopper").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let mut events = send_streamed(&app, &user, &conversation, "Rest?").await;
        events.next().await.unwrap();
        let step = events.next().await.unwrap().data["id"].as_str().unwrap().to_owned();
        while events.next().await.unwrap().name != "delta" {}

        // Another user's form finds nothing and stops nothing.
        let other = app.user("form-other").await;
        let resp = app.post_form(&other.client, &format!("/c/{conversation}/m/{step}/stop"), &[]).await;
        assert!(assert_redirect(&resp).contains("error=not_found"), "{}", location(&resp));

        // The page shows the reply being written, with its Stop form.
        let (status, html) = app.get_html(&user.client, &format!("/c/{conversation}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format!("action=\"/c/{conversation}/m/{step}/stop\"")), "a Stop form");

        let resp = app.post_form(&user.client, &format!("/c/{conversation}/m/{step}/stop"), &[]).await;
        assert_eq!(assert_redirect(&resp), format!("/c/{conversation}#latest"));
        let messages = stored(&app, &user, &conversation).await;
        assert_eq!(messages[1]["status"], "stopped");
        let kept = messages[1]["content"].as_str().unwrap();
        assert!(!kept.is_empty() && kept.len() < WORDS.concat().len(), "{kept:?}");
        let (_, html) = app.get_html(&user.client, &format!("/c/{conversation}")).await;
        assert!(html.contains("Stopped."), "the thread says it was stopped");
        assert!(!html.contains("/stop\""), "no Stop form any more");
    }

    async fn shutting_down_stores_the_text_so_far(app: TestApp, llm: FakeLlm) {
        llm.then(Reply::text(&WORDS, Duration::from_millis(200)));
        let user = app.user("restart").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let mut events = send_streamed(&app, &user, &conversation, "Rest?").await;
        while events.next().await.unwrap().name != "delta" {}
        let started = std::time::Instant::now();
        app.state.live.shutdown(Duration::from_secs(5)).await;
        assert!(started.elapsed() < Duration::from_secs(5), "ended within the grace period");
        let rest = all_events(events).await;
        assert_eq!(rest.last().unwrap().name, "error");
        let messages = stored(&app, &user, &conversation).await;
        assert_eq!(messages[1]["status"], "failed");
        assert!(messages[1]["content"].as_str().unwrap().starts_with("Rest "), "{}", messages[1]);
        assert!(messages[1]["error_message"].as_str().unwrap().contains("restarting"));
    }
}

both_engines! {
    async fn the_offline_coach_streams_through_its_tool_too(app: TestApp) {
        let user = app.user("offline-sse").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let events = all_events(send_streamed(&app, &user, &conversation, "Show me my stats for this week").await).await;
        let n = names(&events);
        assert_eq!(n[..4], ["message", "message", "tool_call", "tool_result"], "{n:?}");
        assert_eq!(events[2].data["name"], "get_stats");
        assert_eq!(n.last(), Some(&"done"));
        let done = &events.last().unwrap().data;
        assert_eq!(text_of(&events[4..]), done["content"].as_str().unwrap());
        assert!(!done["content"].as_str().unwrap().is_empty());
    }

    async fn a_repeated_client_id_replays_the_stored_exchange_as_events(app: TestApp) {
        let user = app.user("replay").await;
        let conversation = app.conversation(&user, "").await["id"].as_str().unwrap().to_owned();
        let url = app.url(&format!("/api/v1/conversations/{conversation}/messages"));
        let body = json!({"content": "hello", "client_id": "c-1"});
        let first: Value = user.client.post(&url).json(&body).send().await.unwrap().json().await.unwrap();
        let resp = user.client.post(&url).header("accept", "text/event-stream").json(&body).send().await.unwrap();
        let events = all_events(events_of(resp)).await;
        assert_eq!(events[0].data["id"], first["user_message"]["id"]);
        assert_eq!(events.last().unwrap().name, "done");
        assert_eq!(events.last().unwrap().data["id"], first["reply"].as_array().unwrap().last().unwrap()["id"]);
        assert_eq!(stored(&app, &user, &conversation).await.len(), first["reply"].as_array().unwrap().len() + 1);
    }
}
