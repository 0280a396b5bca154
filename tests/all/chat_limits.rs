//! The coach's per-user limits, kept in the database (so every instance enforces the same):
//! messages per minute and tokens per UTC day. Past them: 429 with a clear message, nothing
//! stored, and a retry of a message already sent is still answered.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

async fn send(
    app: &TestApp,
    user: &TestUser,
    id: &str,
    content: &str,
    client_id: &str,
) -> reqwest::Response {
    user.client
        .post(app.url(&format!("/api/v1/conversations/{id}/messages")))
        .json(&json!({ "content": content, "client_id": client_id }))
        .send()
        .await
        .unwrap()
}

both_engines! {
    #[config(SPOTTER_CHAT_LIMIT = "2")]
    async fn a_third_message_in_a_minute_is_refused_and_nothing_is_stored(app: TestApp) {
        let user = app.user("hasty").await;
        let c = app.conversation(&user, "Fast").await;
        let id = c["id"].as_str().unwrap();
        for n in ["1", "2"] {
            assert_eq!(send(&app, &user, id, "hello", n).await.status(), StatusCode::CREATED);
        }
        let resp = send(&app, &user, id, "hello", "3").await;
        assert_eq!(header(&resp, "retry-after"), "60");
        let body = assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        assert!(body["error"]["message"].as_str().unwrap().contains("2 messages a minute"), "{body}");
        assert_eq!(app.count_rows("chat_messages", &user.id).await, 4, "the refused message is not stored");
        // A retry of a message already answered is not a new message.
        assert_eq!(send(&app, &user, id, "hello", "2").await.status(), StatusCode::OK);
        // Another user has their own minute.
        let other = app.user("patient").await;
        let resp = other.client.post(app.url("/api/v1/chat")).json(&json!({"content": "hello"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
    }

    #[config(SPOTTER_DAILY_TOKENS = "100")]
    async fn once_the_days_tokens_are_spent_the_coach_says_so(app: TestApp) {
        let user = app.user("chatty").await;
        let resp = user.client.post(app.url("/api/v1/chat")).json(&json!({"content": "what can you do?"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let exchange: Value = resp.json().await.unwrap();
        let used = exchange["reply"][0]["token_count"].as_i64().unwrap();
        assert!(used >= 100, "the first answer spends the budget ({used} tokens)");
        let id = exchange["user_message"]["conversation_id"].as_str().unwrap();
        let resp = send(&app, &user, id, "and now?", "x").await;
        let retry: u64 = header(&resp, "retry-after").parse().unwrap();
        assert!((1..=86_400).contains(&retry), "until midnight UTC: {retry}");
        let body = assert_error(resp, StatusCode::TOO_MANY_REQUESTS, "token_budget").await;
        assert!(body["error"]["message"].as_str().unwrap().contains("100 tokens"), "{body}");
        // The page says it in words and keeps what was typed.
        let resp = app.post_form(&user.client, &format!("/c/{id}"), &[("content", "and now?")]).await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with(&format!("/c/{id}?error=token_budget&")), "{to}");
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("budget is used up") && html.contains("and now?"), "{html}");
        assert_eq!(app.count_rows("chat_messages", &user.id).await, 2);
    }
}
