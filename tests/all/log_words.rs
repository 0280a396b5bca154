//! The `/log` page's words box: a plain form (`POST /log/words`) over the same parser and
//! logging as `POST /api/v1/log`. Logged: the page shows its points. Not: the page comes back
//! with the text typed in again and the question, and nothing is stored; a suggestion's button
//! logs it and remembers the user's words.

use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{TestApp, TestUser};

/// Posts the box's form; the 303's location.
async fn post_words(app: &TestApp, user: &TestUser, form: &[(&str, &str)]) -> String {
    let resp = app.post_form(&user.client, "/log/words", form).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    resp.headers()["location"].to_str().unwrap().to_owned()
}

/// The hidden fields of each suggestion's form, in order.
fn suggestion_forms(html: &str) -> Vec<(String, String, String)> {
    let value = |form: &str, name: &str| {
        let at = form.find(&format!("name=\"{name}\" value=\"")).unwrap() + name.len() + 15;
        form[at..at + form[at..].find('"').unwrap()].to_owned()
    };
    html.split("<li><form method=\"post\" action=\"/log/words\">")
        .skip(1)
        .map(|form| {
            (
                value(form, "text"),
                value(form, "said"),
                value(form, "meant"),
            )
        })
        .collect()
}

both_engines! {
    async fn the_words_box_logs_or_asks_and_never_stores_a_guess(app: TestApp) {
        let user = app.user("typist").await;
        let (status, html) = app.get_html(&user.client, "/log").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<form method=\"post\" action=\"/log/words\" class=\"words-form\">"), "{html}");
        assert!(html.contains("Log in words"), "{html}");

        // Understood: logged as a form workout; the page shows its points.
        let location = post_words(&app, &user, &[("text", "squat 3x5 @ 100kg, bench 3x8 at 80")]).await;
        assert!(location.starts_with("/log?logged="), "{location}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 6);
        let workouts = app.get_json(&user.client, "/api/v1/workouts").await;
        assert_eq!(workouts["items"][0]["source"], "form", "{workouts}");
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(html.contains("notice-ok"), "the saved notice: {html}");

        // An amount missing: asked, the text typed in again, nothing stored.
        let location = post_words(&app, &user, &[("text", "did squats")]).await;
        assert_eq!(location, "/log?words=did%20squats#words");
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(html.contains("How many?"), "{html}");
        assert!(html.contains(">did squats</textarea>"), "{html}");
        let location = post_words(&app, &user, &[("text", "hello there")]).await;
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(html.contains("I couldn't find an exercise with sets"), "{html}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 6, "nothing stored on a question");

        // Markup typed in stays text, in the box and in the question.
        let location = post_words(&app, &user, &[("text", "<script>alert(1)</script> 3x5 at 60")]).await;
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(!html.contains("<script>alert(1)"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 3x5 at 60</textarea>"), "{html}");

        // Too long for the box: said so.
        let long = "squat 3x5 at 100 ".repeat(40);
        let location = post_words(&app, &user, &[("text", long.as_str())]).await;
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(html.contains("longer than 500 characters"), "{html}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 6);
    }

    async fn a_picked_suggestion_logs_and_the_words_are_remembered(app: TestApp) {
        let user = app.user("speller").await;
        let location = post_words(&app, &user, &[("text", "benchh presss 3x5 at 80")]).await;
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(html.contains("Which exercise is “<bdi>benchh presss</bdi>”?"), "{html}");
        let forms = suggestion_forms(&html);
        let bench = forms.iter().find(|(_, _, meant)| meant == "bench-press").unwrap_or_else(|| panic!("{forms:?}"));
        assert_eq!((bench.0.as_str(), bench.1.as_str()), ("benchh presss 3x5 at 80", "benchh presss"));
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 0);

        let location = post_words(&app, &user, &[("text", &bench.0), ("said", &bench.1), ("meant", &bench.2)]).await;
        assert!(location.starts_with("/log?logged="), "{location}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 3);
        assert_eq!(app.count_rows("exercise_aliases", &user.id).await, 1);
        // Next time the same words log at once.
        let location = post_words(&app, &user, &[("text", "benchh presss 1x5 at 85")]).await;
        assert!(location.starts_with("/log?logged="), "{location}");
        let workouts: Value = app.get_json(&user.client, "/api/v1/workouts").await;
        assert_eq!(workouts["total"], 2, "{workouts}");

        // Nothing close: said so, no buttons.
        let location = post_words(&app, &user, &[("text", "zorblax 3x5 at 80")]).await;
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(html.contains("zorblax") && suggestion_forms(&html).is_empty() == html.contains("Nothing in the catalog is close"), "{html}");
    }

    async fn hebrew_words_log_and_the_box_speaks_hebrew(app: TestApp) {
        let user = app.user("rats").await;
        let resp = user.client.patch(app.url("/api/v1/me")).json(&serde_json::json!({"language": "he"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let (_, html) = app.get_html(&user.client, "/log").await;
        assert!(html.contains("רישום במילים"), "{html}");
        let location = post_words(&app, &user, &[("text", "רצתי 5 קילומטר ב-25 דקות")]).await;
        assert!(location.starts_with("/log?logged="), "{location}");
        let sets: Value = app.get_json(&user.client, "/api/v1/workouts").await;
        assert_eq!(sets["items"][0]["sets"].as_array().map(Vec::len).unwrap_or(1), 1, "{sets}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 1);
        let location = post_words(&app, &user, &[("text", "עשיתי סקוואטים")]).await;
        let (_, html) = app.get_html(&user.client, &location).await;
        assert!(html.contains("כמה?"), "{html}");
    }
}
