//! The chat pages without JavaScript: `/` starts a conversation with a plain form, `/c/{id}`
//! renders the whole thread on the server and its form sends the next message; a refused
//! message keeps its text; another user's conversation is a 404 page.

use reqwest::StatusCode;

use crate::common::*;

both_engines! {
    async fn a_plain_form_starts_a_chat_and_the_thread_renders_whole(app: TestApp) {
        let user = app.user("formchat").await;
        let (status, html) = app.get_html(&user.client, "/").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(r#"<form id="composer" method="post" action="/""#), "{html}");
        assert!(html.contains("No conversations yet"), "{html}");

        let resp = app.post_form(&user.client, "/", &[("content", "what can you do?"), ("client_id", "")]).await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with("/c/") && to.ends_with("#latest"), "{to}");
        let page = to.trim_end_matches("#latest").to_owned();
        let (status, html) = app.get_html(&user.client, &page).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains(r#"<p class="muted">…"#), "the thread is whole without JavaScript: {html}");
        assert!(html.contains(r#"<p dir="auto" class="msg-text">what can you do?"#), "the question, in its own direction: {html}");
        assert_eq!(html.matches(r#"class="msg msg-coach""#).count(), 1, "one answer: {html}");
        assert!(html.contains("spotter-offline-coach") && html.contains("tokens"), "reply details: {html}");
        assert!(html.contains(r#"<h1 dir="auto">what can you do?"#), "titled from the question: {html}");
        // The reply's HTML is sent once: the hydration data carries a stand-in, not a copy.
        let words = "Totals for a period";
        assert_eq!(html.matches(words).count(), 1, "the answer once: {html}");

        // The next message from the thread's own form; the same form sent twice is one message.
        let id = page.trim_start_matches("/c/");
        let client_id = format!("{id}-2");
        assert!(html.contains(&format!(r#"name="client_id" value="{client_id}""#)), "{html}");
        for _ in 0..2 {
            let resp = app.post_form(&user.client, &page, &[("content", "show my stats"), ("client_id", &client_id)]).await;
            assert_eq!(assert_redirect(&resp), format!("{page}#latest"));
        }
        let messages = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        let sent = messages["items"].as_array().unwrap().iter().filter(|m| m["content"] == "show my stats").count();
        assert_eq!(sent, 1, "sent once: {messages}");
        let (_, html) = app.get_html(&user.client, &page).await;
        assert!(html.contains(r#"<p dir="auto" class="msg-text">show my stats"#), "{html}");
        assert!(html.contains("get_stats"), "the tool the coach used is shown: {html}");

        let (_, html) = app.get_html(&user.client, "/").await;
        assert!(html.contains(&format!(r#"href="{page}""#)), "listed on the home page: {html}");
    }

    async fn a_refused_message_keeps_its_text_and_strangers_get_a_404(app: TestApp) {
        let owner = app.user("keeper").await;
        let resp = app.post_form(&owner.client, "/", &[("content", "hello")]).await;
        let page = assert_redirect(&resp).trim_end_matches("#latest").to_owned();
        let long = "x".repeat(10_001);
        let resp = app.post_form(&owner.client, &page, &[("content", &long)]).await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with(&format!("{page}?error=message&")), "{to}");
        let (_, html) = app.get_html(&owner.client, &to).await;
        assert!(html.contains("at most 10,000 characters"), "{html}");
        assert!(html.contains(&long), "the text is not lost");
        assert_eq!(app.count_rows("chat_messages", &owner.id).await, 2);

        let stranger = app.user("stranger").await;
        let (status, html) = app.get_html(&stranger.client, &page).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{html}");
        let resp = app.post_form(&stranger.client, &page, &[("content", "hi")]).await;
        assert_eq!(assert_redirect(&resp), "/?error=not_found");
        assert_eq!(app.count_rows("chat_messages", &stranger.id).await, 0);
        assert_eq!(app.count_rows("chat_messages", &owner.id).await, 2);
        let (status, _) = app.get_html(&stranger.client, "/c/not-an-id").await;
        assert_eq!(status, StatusCode::NOT_FOUND);
    }
}

both_engines! {
    async fn replies_render_markdown_and_nothing_anyone_typed_runs(app: TestApp) {
        let user = app.user("marked").await;
        let resp = user.client.post(app.url("/api/v1/workouts"))
            .json(&serde_json::json!({"exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]}))
            .send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let resp = app.post_form(&user.client, "/", &[("content", "<img src=x onerror=alert(1)>")]).await;
        let page = assert_redirect(&resp).trim_end_matches("#latest").to_owned();
        let resp = app.post_form(&user.client, &page, &[("content", "what are my records?")]).await;
        assert_redirect(&resp);
        let (_, html) = app.get_html(&user.client, &page).await;
        assert!(!html.contains("<img src=x"), "the user's text is shown, not run: {html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "{html}");
        let body = html.split(r#"class="msg-body""#).last().expect("a rendered reply");
        assert!(body.contains("<ul>") && body.contains("<li>"), "the records come as a list: {body}");
    }
}

both_engines! {
    async fn a_conversation_title_cannot_end_the_page_title(app: TestApp) {
        let user = app.user("titler").await;
        let c = app.conversation(&user, "</title><base href=\"https://evil.example/\"><title>").await;
        let id = c["id"].as_str().unwrap();
        let (status, html) = app.get_html(&user.client, &format!("/c/{id}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(!html.contains("<base href"), "{html}");
        assert!(html.contains("<title>&lt;/title&gt;&lt;base href="), "shown as text: {html}");
    }
}

both_engines! {
    async fn history_lists_searches_renames_and_deletes_without_javascript(app: TestApp) {
        let user = app.user("historian").await;
        let (_, html) = app.get_html(&user.client, "/history").await;
        assert!(html.contains("No conversations yet."), "{html}");
        let mut pages = Vec::new();
        for first in ["my squat stats", "plan my week", "hello coach"] {
            let resp = app.post_form(&user.client, "/", &[("content", first)]).await;
            pages.push(assert_redirect(&resp).trim_end_matches("#latest").to_owned());
        }
        let (_, html) = app.get_html(&user.client, "/history").await;
        let newest = html.find("hello coach").unwrap();
        assert!(newest < html.find("my squat stats").unwrap(), "most recent first: {html}");
        assert!(html.contains("2 messages") || html.contains("4 messages"), "message counts: {html}");

        let (_, html) = app.get_html(&user.client, "/history?q=SQUAT").await;
        assert!(html.contains("my squat stats") && !html.contains(">hello coach<"), "{html}");
        let (_, html) = app.get_html(&user.client, "/history?q=zebra").await;
        assert!(html.contains("No conversation matches that."), "{html}");

        let id = pages[0].trim_start_matches("/c/");
        let resp = app.post_form(&user.client, &format!("/c/{id}/rename"), &[("title", "Leg day questions")]).await;
        assert_eq!(assert_redirect(&resp), "/history?renamed=1");
        let (_, html) = app.get_html(&user.client, "/history?renamed=1").await;
        assert!(html.contains("Conversation renamed.") && html.contains("Leg day questions"), "{html}");

        let stranger = app.user("vandal").await;
        let resp = app.post_form(&stranger.client, &format!("/c/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/history?error=not_found");
        let resp = app.post_form(&stranger.client, &format!("/c/{id}/rename"), &[("title", "mine now")]).await;
        assert_eq!(assert_redirect(&resp), "/history?error=not_found");

        let resp = app.post_form(&user.client, &format!("/c/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/history?deleted=1");
        let (_, html) = app.get_html(&user.client, "/history?deleted=1").await;
        assert!(html.contains("Conversation deleted.") && !html.contains("Leg day questions"), "{html}");
        let (status, _) = app.get_html(&user.client, &pages[0]).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "a deleted conversation is gone");
    }
}

both_engines! {
    async fn a_reply_gets_thumbs_and_a_new_answer_from_plain_forms(app: TestApp) {
        let user = app.user("thumbs").await;
        let resp = app.post_form(&user.client, "/", &[("content", "show my stats")]).await;
        let page = assert_redirect(&resp).trim_end_matches("#latest").to_owned();
        let id = page.trim_start_matches("/c/").to_owned();
        let messages = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        let answer = messages["items"].as_array().unwrap().last().unwrap()["id"].as_str().unwrap().to_owned();
        let (_, html) = app.get_html(&user.client, &page).await;
        assert!(html.contains(&format!(r#"action="/c/{id}/m/{answer}/feedback""#)), "{html}");

        let resp = app.post_form(&user.client, &format!("{page}/m/{answer}/feedback"), &[("helpful", "false")]).await;
        assert_eq!(assert_redirect(&resp), format!("{page}?thanks=1#m-{answer}"));
        let (_, html) = app.get_html(&user.client, &format!("{page}?thanks=1")).await;
        assert!(html.contains("Thanks for the feedback."), "{html}");
        assert_eq!(app.count_rows("message_feedback", &user.id).await, 1);

        let resp = app.post_form(&user.client, &format!("{page}/m/{answer}/regenerate"), &[]).await;
        assert_eq!(assert_redirect(&resp), format!("{page}#latest"));
        let messages = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        assert_eq!(messages["total"], 7, "a second answer to the same question: {messages}");

        // Someone else's reply, or a reply under another conversation's address, changes nothing.
        let stranger = app.user("thief").await;
        let resp = app.post_form(&stranger.client, &format!("{page}/m/{answer}/regenerate"), &[]).await;
        assert_eq!(assert_redirect(&resp), format!("{page}?error=not_found#latest"));
        let resp = app.post_form(&stranger.client, &format!("{page}/m/{answer}/feedback"), &[("helpful", "true")]).await;
        assert!(assert_redirect(&resp).contains("error=not_found"));
        let resp = app.post_form(&user.client, "/", &[("content", "hello")]).await;
        let other_page = assert_redirect(&resp).trim_end_matches("#latest").to_owned();
        let resp = app.post_form(&user.client, &format!("{other_page}/m/{answer}/regenerate"), &[]).await;
        assert!(assert_redirect(&resp).contains("error=not_found"));
        let messages = app.get_json(&user.client, &format!("/api/v1/conversations/{id}/messages")).await;
        assert_eq!(messages["total"], 7);
        assert_eq!(app.count_rows("message_feedback", &stranger.id).await, 0);
    }
}

both_engines! {
    /// A link's `?content=` (the composer) or `?description=` (the plan's form) is typed into a
    /// `<textarea>` again; tachys writes a textarea's children as they are, so a link holding
    /// `</textarea>` must not end the element and add markup of its own.
    async fn text_typed_in_again_cannot_end_its_textarea(app: TestApp) {
        let user = app.user("textareas").await;
        let evil = "%3C%2Ftextarea%3E%3Cform%20action%3D%22https%3A%2F%2Fevil.example%2F%22%3E%3Cb%3Ex%3C%2Fb%3E";
        let c = app.conversation(&user, "textareas").await;
        let id = c["id"].as_str().unwrap();
        for page in [format!("/?content={evil}"), format!("/c/{id}?content={evil}"), format!("/plan?description={evil}")] {
            let (status, html) = app.get_html(&user.client, &page).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            assert!(!html.contains("<b>x</b>") && !html.contains("evil.example/\">"), "{page}: {html}");
            assert!(html.contains("&lt;/textarea&gt;&lt;form action=\"https://evil.example/\"&gt;&lt;b&gt;x&lt;/b&gt;</textarea>"), "{page}: shown as text: {html}");
        }
    }
}
