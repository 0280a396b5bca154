//! `POST /api/v1/log` on both engines: workouts in plain words, English and Hebrew, stored
//! through the same logging as the form; a dry run stores nothing; unclear or incomplete
//! messages are refused with what to fix, and nothing is stored on a guess.

use chrono::{DateTime, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::common::*;

async fn log(app: &TestApp, user: &TestUser, body: Value) -> (StatusCode, Value) {
    let resp = user
        .client
        .post(app.url("/api/v1/log"))
        .json(&body)
        .send()
        .await
        .unwrap();
    (resp.status(), resp.json().await.unwrap())
}

both_engines! {
    async fn words_in_english_and_hebrew_become_a_logged_workout(app: TestApp) {
        let user = app.user("words").await;
        let (status, body) = log(&app, &user, json!({"text": "squat 3x5 @ 100kg, bench 3x8 at 80"})).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let sets = body["sets"].as_array().unwrap();
        assert_eq!(sets.len(), 6);
        assert_eq!(sets[0]["exercise_slug"], "back-squat");
        assert_eq!((sets[0]["reps"].as_i64(), sets[0]["weight_kg"].as_f64()), (Some(5), Some(100.0)));
        assert_eq!(sets[5]["exercise_slug"], "bench-press");
        assert_eq!(sets[5]["weight_kg"].as_f64(), Some(80.0));
        assert_eq!(body["source"], "chat");
        assert!(body["points"].as_i64().unwrap() > 0);

        let (status, body) = log(&app, &user, json!({"text": "רצתי 5 קילומטר ב-25 דקות"})).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let run = &body["sets"][0];
        assert_eq!(run["exercise_slug"], "running");
        assert_eq!((run["distance_m"].as_f64(), run["duration_s"].as_i64()), (Some(5000.0), Some(1500)));

        let (status, body) = log(&app, &user, json!({"text": "עשיתי 3 סטים של 10 סקוואטים עם 80 קילו"})).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        assert_eq!(body["sets"].as_array().unwrap().len(), 3);
        assert_eq!(body["sets"][0]["weight_kg"].as_f64(), Some(80.0));

        // "Yesterday" is yesterday.
        let (status, body) = log(&app, &user, json!({"text": "yesterday I did 50 push-ups"})).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let at: DateTime<Utc> = body["started_at"].as_str().unwrap().parse().unwrap();
        let hours = (Utc::now() - at).num_hours();
        assert!((23..=24).contains(&hours), "{hours} hours ago");
        let list = app.get_json(&user.client, "/api/v1/workouts").await;
        assert_eq!(list["total"], 4);
    }

    async fn a_dry_run_stores_nothing_and_unclear_messages_are_refused(app: TestApp) {
        let user = app.user("careful").await;
        let (status, body) = log(&app, &user, json!({"text": "deadlift 3x5 140kg and 3 sets of 12 pull-ups", "dry_run": true})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        let exercises = body["exercises"].as_array().unwrap();
        assert_eq!(exercises.len(), 2);
        // Every set as it would be stored, in the user's units.
        assert_eq!(exercises[0]["slug"], "deadlift");
        assert_eq!(exercises[0]["sets"].as_array().unwrap().len(), 3);
        assert_eq!(exercises[0]["lines"], json!(["3 × 5 reps @ 140 kg"]));
        assert_eq!(exercises[1]["query"], "pull-ups");
        assert_eq!(exercises[1]["lines"], json!(["3 × 12 reps"]));
        assert!(body["points"].as_i64().unwrap() > 0);
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 0);

        for (text, code) in [
            ("zorblax 3x5 at 100", "unknown_exercise"),
            ("did squats", "how_many"),
            ("squat 3x5 100kg and did lunges", "how_many"),
            ("hello there", "nothing_to_log"),
            ("", "nothing_to_log"),
            ("squat 3x5 @ 5000kg", "validation_failed"),
        ] {
            let (status, body) = log(&app, &user, json!({"text": text})).await;
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{text:?}: {body}");
            assert_eq!(body["error"]["code"], code, "{text:?}: {body}");
            assert!(!body["error"]["message"].as_str().unwrap().is_empty());
        }
        // Unsure numbers: 422 `unsure`, with the question and what was understood.
        let (status, body) = log(&app, &user, json!({"text": "bench 3x8 185, squat 5x5 @ 100kg"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert_eq!(body["error"]["code"], "unsure", "{body}");
        assert!(body["error"]["message"].as_str().unwrap().contains("185"), "{body}");
        let understood = &body["error"]["details"]["understood"];
        assert_eq!(understood[1]["lines"], json!(["5 × 5 reps @ 100 kg"]), "{body}");
        let (_, body) = log(&app, &user, json!({"text": "zorblax 3x5 at 100"})).await;
        assert!(body["error"]["details"][0]["suggestions"].is_array(), "{body}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 0, "nothing stored on a guess");

        // A weight without a unit is in the user's units.
        let resp = user.client.patch(app.url("/api/v1/me")).json(&json!({"units": "imperial"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let (status, body) = log(&app, &user, json!({"text": "squat 3x5 at 225"})).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        let kg = body["sets"][0]["weight_kg"].as_f64().unwrap();
        assert!((kg - 102.06).abs() < 0.1, "{kg}");

        let resp = app.bare_client().post(app.url("/api/v1/log")).json(&json!({"text": "squat 3x5"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    }
}

async fn ask(app: &TestApp, user: &TestUser, content: &str) -> Vec<Value> {
    app.chat(&user.client, content).await["reply"]
        .as_array()
        .unwrap()
        .clone()
}

both_engines! {
    async fn the_offline_coach_logs_what_it_is_told_and_asks_when_unsure(app: TestApp) {
        let user = app.user("teller").await;
        let reply = ask(&app, &user, "squat 3x5 @ 100kg, bench 3x8 at 80").await;
        let calls: Value = serde_json::from_str(reply[0]["tool_calls"].as_str().unwrap()).unwrap();
        assert_eq!(calls[0]["name"], "log_workout");
        let answer = reply.last().unwrap()["content"].as_str().unwrap();
        assert!(answer.starts_with("Logged: Squat (Barbell) (3 sets), Bench Press (Barbell) (3 sets)"), "{answer}");
        assert!(answer.contains("New personal record on Squat (Barbell)"), "{answer}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 6);

        // Hebrew in, Hebrew out.
        let reply = ask(&app, &user, "רצתי 5 קילומטר ב-25 דקות").await;
        let answer = reply.last().unwrap()["content"].as_str().unwrap();
        assert!(answer.starts_with("נרשם: ריצה (סט אחד)"), "{answer}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 7);

        // Unsure: a question with suggestions, and nothing stored. (For someone who logs a
        // bench press, their history would settle the typo.)
        let newcomer = app.user("newcomer").await;
        let reply = ask(&app, &newcomer, "benchh presss 3x5 at 80").await;
        let answer = reply.last().unwrap()["content"].as_str().unwrap();
        assert!(answer.contains("did you mean") && answer.contains("Bench Press"), "{answer}");
        let reply = ask(&app, &user, "zorblax 3x5 at 80").await;
        let answer = reply.last().unwrap()["content"].as_str().unwrap();
        assert!(answer.contains("zorblax"), "{answer}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 7, "nothing stored on a guess");

        // A question about a record is not a workout to log.
        let reply = ask(&app, &user, "what's my squat PR?").await;
        let calls: Value = serde_json::from_str(reply[0]["tool_calls"].as_str().unwrap()).unwrap();
        assert_eq!(calls[0]["name"], "get_records");
    }
}

both_engines! {
    async fn a_logged_workout_shows_as_a_card_whose_undo_takes_it_back(app: TestApp) {
        let user = app.user("undoer").await;
        let exchange = app.chat(&user.client, "squat 3x5 @ 100kg").await;
        let conversation = exchange["user_message"]["conversation_id"].as_str().unwrap().to_owned();
        let result: Value = serde_json::from_str(exchange["reply"][1]["content"].as_str().unwrap()).unwrap();
        let workout = result["workout_id"].as_str().unwrap().to_owned();
        let (status, html) = app.get_html(&user.client, &format!("/c/{conversation}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<div class=\"log-card\">"), "{html}");
        assert!(html.contains("<bdi>Squat (Barbell)</bdi> — 3 sets"), "{html}");
        let undo = format!("/c/{conversation}/w/{workout}/undo");
        assert!(html.contains(&format!("action=\"{undo}\"")), "{html}");

        // Someone else's Undo finds nothing to take back.
        let other = app.user("other").await;
        let resp = app.post_form(&other.client, &undo, &[]).await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        assert!(resp.headers()["location"].to_str().unwrap().contains("error="), "{:?}", resp.headers());
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 3);

        // Undo (a plain form: it works with JavaScript off) takes it out of the log.
        let resp = app.post_form(&user.client, &undo, &[]).await;
        assert_eq!(resp.status(), StatusCode::SEE_OTHER);
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 0);
        assert_eq!(app.count_rows("workout_sessions", &user.id).await, 0);
        let (_, html) = app.get_html(&user.client, &format!("/c/{conversation}")).await;
        assert!(html.contains("log-card-undone") && html.contains("Undone"), "{html}");
        assert!(!html.contains(&format!("action=\"{undo}\"")));
    }
}

both_engines! {
    async fn an_answer_to_did_you_mean_logs_and_is_remembered_for_next_time(app: TestApp) {
        let user = app.user("learner").await;
        let exchange = app.chat(&user.client, "benchh presss 3x5 at 80").await;
        let conversation = exchange["user_message"]["conversation_id"].as_str().unwrap().to_owned();
        let say = |content: &'static str| {
            let (client, url, conversation) = (user.client.clone(), app.url(&format!("/api/v1/conversations/{conversation}/messages")), conversation.clone());
            async move {
                let resp = client.post(url).json(&json!({ "content": content })).send().await.unwrap();
                assert_eq!(resp.status(), StatusCode::CREATED, "{conversation}");
                let exchange: Value = resp.json().await.unwrap();
                exchange["reply"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_owned()
            }
        };
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 0, "asked first");

        // "yes" picks the first suggestion: the workout is logged and the words remembered.
        let answer = say("yes").await;
        assert!(answer.contains("“benchh presss”") && answer.contains("Logged: Bench Press (Barbell) (3 sets)"), "{answer}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 3);
        assert_eq!(app.count_rows("exercise_aliases", &user.id).await, 1);

        // Next time there is no question: the user's own words are understood.
        let answer = say("benchh presss 3x5 at 85").await;
        assert!(answer.starts_with("Logged: Bench Press (Barbell) (3 sets)"), "{answer}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 6);
        let (status, body) = log(&app, &user, json!({"text": "benchh presss 1x1 at 90", "dry_run": true})).await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["exercises"][0]["slug"], "bench-press");

        // Another user's words are their own.
        let other = app.user("stranger").await;
        let (status, body) = log(&app, &other, json!({"text": "benchh presss 1x1 at 90"})).await;
        assert_eq!((status, body["error"]["code"].as_str()), (StatusCode::UNPROCESSABLE_ENTITY, Some("unknown_exercise")), "{body}");
    }
}

both_engines! {
    /// A model's structured sets go through the same check as words: a number the user never
    /// wrote ("100 kg" in the call, "80 kg" in the message) is asked about, nothing stored; the
    /// same call with the user's numbers logs.
    async fn a_models_numbers_that_differ_from_the_users_words_are_asked_about(app: TestApp, llm: FakeLlm) {
        use std::time::Duration;

        use crate::common::fake_llm::Reply;
        let user = app.user("modelled").await;
        let sets = |kg: f64| json!({"exercises": [{"exercise": "bench press", "sets": [
            {"reps": 8, "weight_kg": kg}, {"reps": 8, "weight_kg": kg}, {"reps": 8, "weight_kg": kg}]}]});
        llm.then(Reply::tool_call("call_1", "log_workout", &sets(100.0)))
            .then(Reply::text(&["Which weight was it?"], Duration::ZERO));
        let exchange = app.chat(&user.client, "bench 3x8 at 80 kg").await;
        let conversation = exchange["user_message"]["conversation_id"].as_str().unwrap().to_owned();
        let messages = app.messages(&user.client, &conversation).await;
        let tool = messages.iter().find(|m| m["role"] == "tool").expect("a tool step");
        let result: Value = serde_json::from_str(tool["content"].as_str().unwrap()).unwrap();
        assert_eq!(result["status"], "unsure", "{result}");
        let doubt = &result["doubts"][0];
        assert_eq!((doubt["kind"].as_str(), doubt["value"].as_f64()), (Some("not_said"), Some(100.0)), "{result}");
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 0, "nothing stored on the model's word");
        // The model read the question it is to ask.
        let second = llm.requests()[1]["messages"].as_array().unwrap().clone();
        assert!(second.last().unwrap()["content"].as_str().unwrap().contains("not_said"), "{second:?}");

        // The user's own numbers: logged as said.
        llm.then(Reply::tool_call("call_2", "log_workout", &sets(80.0)))
            .then(Reply::text(&["Logged."], Duration::ZERO));
        app.chat(&user.client, "bench 3x8 at 80 kg").await;
        assert_eq!(app.count_rows("exercise_sets", &user.id).await, 3);
        let records = app.get_json(&user.client, "/api/v1/records?exercise=bench-press").await;
        let heaviest = records["items"].as_array().into_iter().flatten()
            .find(|r| r["record_type"] == "weight").map(|r| r["value"].as_f64());
        assert_eq!(heaviest, Some(Some(80.0)), "{records}");
    }
}
