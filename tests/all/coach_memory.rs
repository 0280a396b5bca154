//! What the coach knows about a user: "remember that …" in the chat stores a fact (with a
//! guess at its kind), Settings lists, changes and deletes them with plain forms, the export
//! includes them, and another user's fact is never touched.

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

both_engines! {
    async fn the_coach_remembers_and_settings_shows_changes_and_deletes_it(app: TestApp) {
        let user = app.user("rememberer").await;
        let resp = user.client.post(app.url("/api/v1/chat"))
            .json(&json!({"content": "Remember that my left knee hurts on deep squats."})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
        let exchange: Value = resp.json().await.unwrap();
        let calls: Value = serde_json::from_str(exchange["reply"][0]["tool_calls"].as_str().unwrap()).unwrap();
        assert_eq!(calls[0]["name"], "remember");
        let answer = exchange["reply"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_owned();
        assert!(answer.contains("my left knee hurts on deep squats"), "{answer}");
        assert_eq!(app.count_rows("user_facts", &user.id).await, 1);

        let (_, html) = app.get_html(&user.client, "/settings").await;
        assert!(html.contains(r#"value="my left knee hurts on deep squats""#), "{html}");
        assert!(html.contains(r#"<option value="injury" selected"#), "kind guessed: {html}");
        assert!(html.contains("from the chat"), "{html}");

        let export = app.get_json(&user.client, "/api/v1/me/export").await;
        let fact = &export["coach_facts"][0];
        assert_eq!((fact["kind"].as_str(), fact["source"].as_str()), (Some("injury"), Some("chat")));
        let id = fact["id"].as_str().unwrap().to_owned();

        // Change it, add one, refuse an empty one, delete.
        let resp = app.post_form(&user.client, &format!("/settings/facts/{id}"), &[("kind", "injury"), ("text", "left knee: no deep squats until January")]).await;
        assert_eq!(assert_redirect(&resp), "/settings?saved=1#facts");
        let resp = app.post_form(&user.client, "/settings/facts", &[("kind", "equipment"), ("text", "dumbbells to 30 kg at home")]).await;
        assert_eq!(assert_redirect(&resp), "/settings?saved=1#facts");
        let resp = app.post_form(&user.client, "/settings/facts", &[("kind", "other"), ("text", "   ")]).await;
        let to = assert_redirect(&resp);
        assert!(to.starts_with("/settings?error=fact"), "{to}");
        let (_, html) = app.get_html(&user.client, &to).await;
        assert!(html.contains("Write the fact in 1 to 500 characters."), "{html}");
        let export = app.get_json(&user.client, "/api/v1/me/export").await;
        let texts: Vec<&str> = export["coach_facts"].as_array().unwrap().iter().map(|f| f["text"].as_str().unwrap()).collect();
        assert_eq!(texts, ["left knee: no deep squats until January", "dumbbells to 30 kg at home"]);

        let stranger = app.user("meddler").await;
        let resp = app.post_form(&stranger.client, &format!("/settings/facts/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=not_found#facts");
        let resp = app.post_form(&stranger.client, &format!("/settings/facts/{id}"), &[("text", "mine")]).await;
        assert_eq!(assert_redirect(&resp), "/settings?error=not_found#facts");
        assert_eq!(app.count_rows("user_facts", &user.id).await, 2);

        let resp = app.post_form(&user.client, &format!("/settings/facts/{id}/delete"), &[]).await;
        assert_eq!(assert_redirect(&resp), "/settings?deleted=1#facts");
        assert_eq!(app.count_rows("user_facts", &user.id).await, 1);
    }
}
