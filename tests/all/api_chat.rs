//! The coach chat over REST with the built-in offline coach: what is stored for an exchange
//! (the question first, the tool call, its result, the answer, tokens and model), safe retries
//! with `client_id`, validation, ownership, paging, and tools that change the user's data.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

async fn say(
    app: &TestApp,
    user: &TestUser,
    conversation: &str,
    content: &str,
) -> (StatusCode, Value) {
    let resp = user
        .client
        .post(app.url(&format!("/api/v1/conversations/{conversation}/messages")))
        .json(&json!({ "content": content }))
        .send()
        .await
        .unwrap();
    let status = resp.status();
    (status, resp.json().await.unwrap())
}

fn final_text(exchange: &Value) -> String {
    let reply = exchange["reply"].as_array().expect("reply");
    let last = reply.last().expect("a reply");
    assert_eq!(last["role"], "assistant", "{exchange}");
    last["content"].as_str().unwrap().to_owned()
}

both_engines! {
    async fn an_exchange_stores_the_question_the_tool_call_its_result_and_the_answer(app: TestApp) {
        let user = app.user("chatter").await;
        let resp = user.client.post(app.url("/api/v1/workouts"))
            .json(&json!({"exercises": [{"exercise": "back-squat", "sets": [
                {"reps": 5, "weight_kg": 100}, {"reps": 5, "weight_kg": 100}, {"reps": 5, "weight_kg": 100}]}]}))
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);

        let resp = user.client.post(app.url("/api/v1/chat")).json(&json!({"content": "Show me my stats"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let exchange: Value = resp.json().await.unwrap();
        let conversation = exchange["user_message"]["conversation_id"].as_str().unwrap().to_owned();
        assert_eq!(exchange["user_message"]["role"], "user");
        assert_eq!(exchange["user_message"]["content"], "Show me my stats");
        let reply = exchange["reply"].as_array().unwrap();
        assert_eq!(reply.len(), 3, "tool call, tool result, answer: {exchange}");
        let calls: Value = serde_json::from_str(reply[0]["tool_calls"].as_str().unwrap()).unwrap();
        assert_eq!(calls[0]["name"], "get_stats");
        assert_eq!(reply[1]["role"], "tool");
        assert_eq!(reply[1]["tool_call_id"], calls[0]["id"]);
        let result: Value = serde_json::from_str(reply[1]["content"].as_str().unwrap()).unwrap();
        assert_eq!(result["workouts"], 1, "{result}");
        assert_eq!(result["sets"], 3);
        let answer = &reply[2];
        assert_eq!(answer["status"], "complete");
        assert_eq!(answer["model"], "spotter-offline-coach");
        assert_eq!(answer["tokens_estimated"], true, "the offline coach reports no usage");
        assert!(answer["prompt_tokens"].as_i64().unwrap() > 0 && answer["completion_tokens"].as_i64().unwrap() > 0);
        assert_eq!(answer["token_count"].as_i64(), Some(answer["prompt_tokens"].as_i64().unwrap() + answer["completion_tokens"].as_i64().unwrap()));
        let text = final_text(&exchange);
        assert!(text.contains('1') && text.contains('3'), "the answer tells the numbers: {text}");
        for m in reply {
            assert_eq!(m["parent_id"], exchange["user_message"]["id"], "every step answers the question");
        }

        // Stored in order, question first; the conversation is titled from it.
        let list = app.get_json(&user.client, &format!("/api/v1/conversations/{conversation}/messages")).await;
        let roles: Vec<&str> = list["items"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
        assert_eq!(roles, ["user", "assistant", "tool", "assistant"]);
        assert_eq!(list["total"], 4);
        let c = app.get_json(&user.client, &format!("/api/v1/conversations/{conversation}")).await;
        assert_eq!(c["title"], "Show me my stats");
        assert_eq!(c["message_count"], 4);
    }

    async fn a_repeated_client_id_answers_the_first_exchange_and_stores_nothing(app: TestApp) {
        let user = app.user("retrier").await;
        let c = app.conversation(&user, "Retries").await;
        let id = c["id"].as_str().unwrap();
        let send = || user.client.post(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .json(&json!({"content": "hello", "client_id": "abc-1"})).send();
        let first = send().await.unwrap();
        assert_eq!(first.status(), StatusCode::CREATED);
        let first: Value = first.json().await.unwrap();
        let again = send().await.unwrap();
        assert_eq!(again.status(), StatusCode::OK);
        let again: Value = again.json().await.unwrap();
        assert_eq!(again["repeated"], true);
        assert_eq!(again["user_message"]["id"], first["user_message"]["id"]);
        assert_eq!(again["reply"], first["reply"], "the same reply, not a second one");
        let list = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        assert_eq!(list["total"], 2, "{list}");
    }

    async fn bad_messages_are_refused_and_leave_nothing_behind(app: TestApp) {
        let user = app.user("quiet").await;
        let c = app.conversation(&user, "Quiet").await;
        let id = c["id"].as_str().unwrap();
        for content in ["", "   \n\t ", &"x".repeat(10_001)] {
            let resp = user.client.post(app.url(&format!("/api/v1/conversations/{id}/messages")))
                .json(&json!({"content": content})).send().await.unwrap();
            let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
            assert_eq!(detail_fields(&body), ["content"]);
        }
        let resp = user.client.post(app.url("/api/v1/chat")).json(&json!({"content": " "})).send().await.unwrap();
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let resp = user.client.post(app.url(&format!("/api/v1/conversations/{id}/messages")))
            .json(&json!({"text": "hi"})).send().await.unwrap();
        assert_client_error(resp, &[StatusCode::BAD_REQUEST, StatusCode::UNPROCESSABLE_ENTITY]).await;
        assert_eq!(app.count_rows("chat_messages", &user.id).await, 0);
        assert_eq!(app.count_rows("conversations", &user.id).await, 1, "a refused /chat starts nothing");
    }

    async fn another_users_conversation_is_not_found_on_every_chat_route(app: TestApp) {
        let owner = app.user("owner").await;
        let other = app.user("intruder").await;
        let c = app.conversation(&owner, "Mine").await;
        let id = c["id"].as_str().unwrap();
        say(&app, &owner, id, "hello").await;
        let resp = other.client.get(app.url(&format!("/api/v1/conversations/{id}/messages"))).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        let (status, _) = say(&app, &other, id, "hello").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
        for conversation_id in [id, "not-a-uuid", "01a2b3c4-0000-7000-8000-000000000000"] {
            let resp = other.client.post(app.url("/api/v1/chat"))
                .json(&json!({"content": "hello", "conversation_id": conversation_id})).send().await.unwrap();
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_eq!(app.count_rows("chat_messages", &other.id).await, 0);
        assert_eq!(app.count_rows("chat_messages", &owner.id).await, 2, "nothing added to the owner's thread");
    }

    async fn messages_page_newest_first_and_oldest_first_within_a_page(app: TestApp) {
        let user = app.user("talker").await;
        let c = app.conversation(&user, "Long").await;
        let id = c["id"].as_str().unwrap();
        // Help needs no tool: each exchange is one question and one answer.
        for i in 0..11 {
            let (status, _) = say(&app, &user, id, &format!("what can you do {i}")).await;
            assert_eq!(status, StatusCode::CREATED);
        }
        let page1 = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        assert_eq!((page1["total"].as_u64(), page1["per_page"].as_u64()), (Some(22), Some(20)));
        let items = page1["items"].as_array().unwrap();
        assert_eq!(items.len(), 20);
        assert_eq!(items[0]["content"], "what can you do 1", "page 1 ends with the newest");
        assert_eq!(items[18]["content"], "what can you do 10");
        let page2 = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages?page=2")).await;
        let older: Vec<&str> = page2["items"].as_array().unwrap().iter().map(|m| m["role"].as_str().unwrap()).collect();
        assert_eq!(older, ["user", "assistant"]);
        assert_eq!(page2["items"][0]["content"], "what can you do 0");
    }

    async fn the_coach_adds_plan_items_and_answers_in_hebrew(app: TestApp) {
        let user = app.user("metachnenet").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"language": "he"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let resp = user.client.post(app.url("/api/v1/chat")).json(&json!({"content": "מה אתה יודע לעשות?"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let exchange: Value = resp.json().await.unwrap();
        let text = final_text(&exchange);
        assert!(text.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c)), "a Hebrew answer: {text}");

        let resp = user.client.post(app.url("/api/v1/chat"))
            .json(&json!({"content": "add to my plan: deload week tomorrow"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let exchange: Value = resp.json().await.unwrap();
        let plan = app.get_json(&user.client, "/api/v1/plan").await;
        assert_eq!(plan["total"], 1, "{plan} after {exchange}");
        let title = plan["items"][0]["title"].as_str().unwrap().to_lowercase();
        assert!(title.contains("deload"), "{title}");
        assert!(plan["items"][0]["due_at"].is_string(), "due tomorrow: {plan}");
        let text = final_text(&exchange);
        assert!(text.to_lowercase().contains("deload"), "the answer names the item: {text}");
    }
}

both_engines! {
    async fn a_conversation_goes_quiet_after_half_an_hour_and_wakes_on_the_next_message(app: TestApp) {
        let user = app.user("sleepy").await;
        let c = app.conversation(&user, "Naps").await;
        let id = c["id"].as_str().unwrap().to_owned();
        say(&app, &user, &id, "hello").await;
        let path = format!("/api/v1/conversations/{id}");
        assert_eq!(app.get_json(&user.client, &path).await["is_active"], true);
        let old = chrono::Utc::now() - chrono::Duration::minutes(31);
        let sql = "UPDATE conversations SET created_at = $1, updated_at = $1 WHERE id = $2";
        match app.db() {
            spotter::server::db::Db::Sqlite(pool) => sqlx::query(sql).bind(old).bind(&id).execute(pool).await.map(|_| ()).unwrap(),
            spotter::server::db::Db::Postgres(pool) => sqlx::query(sql).bind(old).bind(&id).execute(pool).await.map(|_| ()).unwrap(),
        }
        assert_eq!(app.get_json(&user.client, &path).await["is_active"], false, "31 minutes idle");
        let list = app.get_json(&user.client, "/api/v1/conversations").await;
        assert_eq!(list["items"][0]["is_active"], false);
        say(&app, &user, &id, "back again").await;
        assert_eq!(app.get_json(&user.client, &path).await["is_active"], true, "the next message wakes it");
    }

    async fn search_finds_words_in_messages_as_well_as_titles(app: TestApp) {
        let user = app.user("searcher").await;
        let legs = app.conversation(&user, "Legs").await;
        let arms = app.conversation(&user, "Arms").await;
        say(&app, &user, legs["id"].as_str().unwrap(), "Is my DEADLIFT form ok? Über-wide stance").await;
        say(&app, &user, arms["id"].as_str().unwrap(), "curls").await;
        for (q, expected) in [("deadlift", vec!["Legs"]), ("über", vec!["Legs"]), ("ÜBER-WIDE", vec!["Legs"]), ("arms", vec!["Arms"]), ("zebra", vec![])] {
            let resp = user.client.get(app.url("/api/v1/conversations")).query(&[("q", q)]).send().await.unwrap();
            let list: Value = resp.json().await.unwrap();
            let titles: Vec<&str> = list["items"].as_array().unwrap().iter().map(|c| c["title"].as_str().unwrap()).collect();
            assert_eq!(titles, expected, "q={q}");
        }
        let other = app.user("peeker").await;
        let resp = other.client.get(app.url("/api/v1/conversations")).query(&[("q", "deadlift")]).send().await.unwrap();
        let list: Value = resp.json().await.unwrap();
        assert_eq!(list["total"], 0, "another user's messages are never searched");
    }
}

both_engines! {
    async fn a_reply_can_be_regenerated_and_rated_by_its_owner_only(app: TestApp) {
        let user = app.user("rater").await;
        let c = app.conversation(&user, "Rate me").await;
        let id = c["id"].as_str().unwrap().to_owned();
        let (_, first) = say(&app, &user, &id, "show my stats").await;
        let answer = first["reply"].as_array().unwrap().last().unwrap().clone();
        let answer_id = answer["id"].as_str().unwrap();

        let resp = user.client.post(app.url(&format!("/api/v1/messages/{answer_id}/regenerate"))).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let again: Value = resp.json().await.unwrap();
        assert_eq!(again["user_message"]["id"], first["user_message"]["id"], "the same question");
        let new_reply = again["reply"].as_array().unwrap();
        assert_eq!(new_reply.len(), 3, "a fresh tool call, result and answer: {again}");
        assert_ne!(new_reply[2]["id"], answer["id"]);
        assert_eq!(new_reply[2]["parent_id"], first["user_message"]["id"]);
        assert_eq!(new_reply[2]["content"], answer["content"], "the offline coach answers the same way");
        let list = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        assert_eq!(list["total"], 7, "the earlier reply stays: {list}");

        let rate = |who: &TestUser, message: &str, body: Value| {
            who.client.post(app.url(&format!("/api/v1/messages/{message}/feedback"))).json(&body).send()
        };
        let resp = rate(&user, answer_id, json!({"rating": 4, "helpful": true})).await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let resp = rate(&user, answer_id, json!({"rating": 5, "comment": " spot on "})).await.unwrap();
        let feedback: Value = resp.json().await.unwrap();
        assert_eq!((feedback["rating"].as_i64(), feedback["comment"].as_str()), (Some(5), Some("spot on")), "replaced: {feedback}");
        assert_eq!(app.count_rows("message_feedback", &user.id).await, 1);
        let resp = rate(&user, answer_id, json!({"rating": 9})).await.unwrap();
        let body = assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&body), ["rating"]);
        let question = first["user_message"]["id"].as_str().unwrap();
        let resp = rate(&user, question, json!({"helpful": true})).await.unwrap();
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;

        let other = app.user("stranger").await;
        for path in [format!("/api/v1/messages/{answer_id}/regenerate"), format!("/api/v1/messages/{answer_id}/feedback"), "/api/v1/messages/not-an-id/regenerate".to_owned()] {
            let resp = other.client.post(app.url(&path)).json(&json!({"helpful": false})).send().await.unwrap();
            assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
        }
        assert_eq!(app.count_rows("message_feedback", &other.id).await, 0);
        let list = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        assert_eq!(list["total"], 7, "nothing regenerated by a stranger");
    }
}

both_engines! {
    async fn a_conversation_exports_as_a_markdown_transcript_and_as_json(app: TestApp) {
        let user = app.user("exporter").await;
        let c = app.conversation(&user, "Export me").await;
        let id = c["id"].as_str().unwrap().to_owned();
        say(&app, &user, &id, "show my stats").await;
        let get = |format: &str| user.client.get(app.url(&format!("/api/v1/conversations/{id}/export?format={format}"))).send();
        let resp = get("md").await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        assert!(header(&resp, "content-type").starts_with("text/markdown"));
        assert!(header(&resp, "content-disposition").contains(&format!("spotter-conversation-{id}.md")));
        let md = resp.text().await.unwrap();
        assert!(md.starts_with("# Export me\n"), "{md}");
        assert!(md.contains("**You**") && md.contains("show my stats") && md.contains("**Coach**"), "{md}");
        assert!(!md.contains("\"workouts\""), "tool results stay out of the transcript: {md}");

        let resp = get("json").await.unwrap();
        assert!(header(&resp, "content-type").starts_with("application/json"));
        let doc: Value = resp.json().await.unwrap();
        assert_eq!(doc["conversation"]["title"], "Export me");
        assert_eq!(doc["messages"].as_array().unwrap().len(), 4, "everything stored: {doc}");
        let resp = get("pdf").await.unwrap();
        assert_error(resp, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let other = app.user("nosy").await;
        let resp = other.client.get(app.url(&format!("/api/v1/conversations/{id}/export?format=md"))).send().await.unwrap();
        assert_error(resp, StatusCode::NOT_FOUND, "not_found").await;
    }
}

both_engines! {
    #[config(SPOTTER_CHAT_LIMIT = "100")]
    async fn past_fifty_messages_the_earlier_ones_are_summed_up(app: TestApp) {
        let user = app.user("longtalker").await;
        let c = app.conversation(&user, "Long").await;
        let id = c["id"].as_str().unwrap().to_owned();
        let summary = || async {
            let sql = "SELECT context_summary FROM conversations WHERE id = $1";
            match app.db() {
                spotter::server::db::Db::Sqlite(pool) => sqlx::query_scalar::<_, Option<String>>(sql).bind(&id).fetch_one(pool).await.unwrap(),
                spotter::server::db::Db::Postgres(pool) => sqlx::query_scalar::<_, Option<String>>(sql).bind(&id).fetch_one(pool).await.unwrap(),
            }
        };
        for i in 0..25 {
            let (status, _) = say(&app, &user, &id, &format!("what can you do {i}")).await;
            assert_eq!(status, StatusCode::CREATED);
        }
        assert_eq!(summary().await, None, "49 messages before the last question: all read verbatim");
        let (status, _) = say(&app, &user, &id, "what can you do 25").await;
        assert_eq!(status, StatusCode::CREATED);
        let (status, _) = say(&app, &user, &id, "what can you do 26").await;
        assert_eq!(status, StatusCode::CREATED);
        let text = summary().await.expect("a summary of what fell out of the window");
        assert!(text.contains("what can you do 0") && text.contains("what can you do 1"), "{text}");
        assert!(!text.contains("what can you do 26"), "the question being answered is read verbatim: {text}");
    }
}
