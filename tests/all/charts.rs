//! The coach's charts on both engines, through a fake model server: `create_chart` runs its
//! SQL in the sandbox and stores spec, option and SQL on the reply step that asked; the
//! stored chart answers `GET /visualizations/{id}` (another user's is a 404), `refresh`
//! re-runs it on today's data, a bad spec comes back to the model as words, and `/c/{id}`
//! shows the chart's data as a table, with the SQL, for readers without JavaScript.

use std::time::Duration;

use crate::common::fake_llm::Reply;
use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn log(app: &TestApp, user: &TestUser, kg: f64, day: &str) {
    let resp = user.client.post(app.url("/api/v1/workouts"))
        .json(&json!({"started_at": format!("{day}T08:00:00Z"), "exercises": [{"exercise": "squat", "sets": [{"reps": 5, "weight_kg": kg}]}]}))
        .send().await.unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::CREATED,
        "{}",
        resp.text().await.unwrap()
    );
}

fn chart_call(id: &str, spec: Value) -> Reply {
    Reply::tool_call(id, "create_chart", &spec)
}

const SQL: &str = "SELECT date(s.performed_at) AS day, max(s.weight_kg) AS best FROM exercise_sets s GROUP BY day ORDER BY day";
const PG_SQL: &str = "SELECT to_char(s.performed_at, 'YYYY-MM-DD') AS day, max(s.weight_kg) AS best FROM exercise_sets s GROUP BY day ORDER BY day";

both_engines! {
    async fn the_coach_draws_a_chart_from_the_users_rows_and_it_stays_as_drawn(app: TestApp, llm: FakeLlm) {
        let alice = app.user("alice").await;
        log(&app, &alice, 100.0, "2026-03-02").await;
        log(&app, &alice, 105.0, "2026-03-09").await;
        let postgres = matches!(app.state.sandbox, spotter::server::sandbox::Sandbox::Postgres(_));
        let sql = if postgres { PG_SQL } else { SQL };
        llm.then(chart_call("call_bad", json!({"chart_type": "line", "title": "Squat", "sql": sql, "x": "day", "y": ["volume"]})))
            .then(chart_call("call_ok", json!({"chart_type": "line", "title": "Squat <best>", "sql": sql, "x": "day", "y": ["best"], "y_unit": "kg"})))
            .then(Reply::text(&["Up 5 kg."], Duration::ZERO));
        let exchange = app.chat(&alice.client, "show my squat progress").await;
        let conversation = exchange["user_message"]["conversation_id"].as_str().unwrap().to_owned();
        let messages = app.messages(&alice.client, &conversation).await;
        let roles: Vec<&str> = messages.iter().map(|m| m["role"].as_str().unwrap()).collect();
        assert_eq!(roles, ["user", "assistant", "tool", "assistant", "tool", "assistant"]);

        // The wrong column goes back to the model, naming the ones there are.
        let refused: Value = serde_json::from_str(messages[2]["content"].as_str().unwrap()).unwrap();
        assert_eq!(refused["error"], "the query has no column \"volume\"; its columns are day, best");
        // The chart made: stored on the step that asked for it, with its SQL.
        let made: Value = serde_json::from_str(messages[4]["content"].as_str().unwrap()).unwrap();
        assert_eq!((made["points"].as_u64(), made["series"].clone()), (Some(2), json!(["best"])));
        assert_eq!(messages[4]["query_executed"], sql);
        let id = made["visualization_id"].as_str().unwrap().to_owned();
        let chart = app.get_json(&alice.client, &format!("/api/v1/visualizations/{id}")).await;
        assert_eq!(chart["message_id"], messages[3]["id"]);
        assert_eq!(chart["chart_type"], "line");
        assert_eq!(chart["sql"], sql);
        assert_eq!(chart["spec"]["y_unit"], "kg");
        assert_eq!(chart["option"]["dataset"][0]["source"], json!([["day", "best"], ["2026-03-02", 100.0], ["2026-03-09", 105.0]]));
        assert_eq!(chart["option"]["yAxis"]["name"], "best (kg)");

        // History shows it as it was drawn: the data as a table, the SQL folded, all escaped.
        let (status, html) = app.get_html(&alice.client, &format!("/c/{conversation}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(&format!("<figure id=\"chart-{id}\"")), "{html}");
        assert!(html.contains(&format!("<figcaption dir=\"auto\" id=\"chart-{id}-caption\">Squat &lt;best&gt;</figcaption>")), "{html}");
        // The data table scrolls, so it takes focus, named by the caption.
        assert!(html.contains(&format!("<div tabindex=\"0\" role=\"region\" aria-labelledby=\"chart-{id}-caption\" class=\"table-scroll\">")), "{html}");
        assert!(html.contains("<td dir=\"auto\">2026-03-09</td><td dir=\"ltr\" class=\"num\">105</td>"), "{html}");
        assert!(!html.contains("Squat <best>"));

        // Another user cannot read or refresh it.
        let bob = app.user("bob").await;
        for resp in [
            bob.client.get(app.url(&format!("/api/v1/visualizations/{id}"))).send().await.unwrap(),
            bob.client.post(app.url(&format!("/api/v1/visualizations/{id}/refresh"))).send().await.unwrap(),
        ] {
            assert_eq!(resp.status(), StatusCode::NOT_FOUND);
        }

        // Refresh re-runs the query on today's data; the stored chart follows.
        log(&app, &alice, 110.0, "2026-03-16").await;
        let resp = alice.client.post(app.url(&format!("/api/v1/visualizations/{id}/refresh"))).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let refreshed: Value = resp.json().await.unwrap();
        assert_eq!(refreshed["option"]["dataset"][0]["source"].as_array().unwrap().len(), 4);
        let again = app.get_json(&alice.client, &format!("/api/v1/visualizations/{id}")).await;
        assert_eq!(again["option"], refreshed["option"]);
    }

    async fn a_streamed_reply_announces_its_chart(app: TestApp, llm: FakeLlm) {
        let alice = app.user("alice").await;
        log(&app, &alice, 100.0, "2026-03-02").await;
        llm.then(chart_call("call_1", json!({"chart_type": "bar", "title": "Sets", "sql": "SELECT reps, count(*) AS n FROM exercise_sets GROUP BY reps", "x": "reps", "y": ["n"]})))
            .then(Reply::text(&["Done."], Duration::ZERO));
        let resp = alice.client.post(app.url("/api/v1/chat")).header("accept", "text/event-stream")
            .json(&json!({"content": "chart my sets"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK);
        let body = resp.text().await.unwrap();
        let chart = body.split("\n\n").find(|e| e.starts_with("event: chart")).unwrap_or_else(|| panic!("{body}"));
        let data: Value = serde_json::from_str(chart.lines().find_map(|l| l.strip_prefix("data: ")).unwrap()).unwrap();
        assert_eq!(data["chart_type"], "bar");
        assert_eq!(data["option"]["dataset"][0]["source"], json!([["reps", "n"], [5.0, 1.0]]));
    }
}

both_engines! {
    async fn the_offline_coach_draws_what_is_asked_in_english_and_hebrew(app: TestApp) {
        let alice = app.user("alice").await;
        log(&app, &alice, 100.0, "2026-03-02").await;
        log(&app, &alice, 107.5, "2026-03-09").await;
        for (ask, title, points) in [
            ("show my squat progress", "Squat (Barbell) — heaviest set", 2),
            ("נפח שבועי", "נפח אימון", 2),
        ] {
            let exchange = app.chat(&alice.client, ask).await;
            let reply = exchange["reply"].as_array().unwrap();
            let answer = reply.last().unwrap()["content"].as_str().unwrap();
            assert!(answer.contains(title) && answer.contains(&points.to_string()), "{ask:?}: {answer}");
            let made: Value = serde_json::from_str(reply[1]["content"].as_str().unwrap()).unwrap();
            let id = made["visualization_id"].as_str().unwrap();
            let chart = app.get_json(&alice.client, &format!("/api/v1/visualizations/{id}")).await;
            assert_eq!(chart["title"], title);
            let source = chart["option"]["dataset"][0]["source"].as_array().unwrap();
            assert_eq!(source.len(), points + 1, "{ask:?}: {source:?}");
        }
        // The squat chart's points are the two days' heaviest sets.
        let exchange = app.chat(&alice.client, "graph my squat").await;
        let made: Value = serde_json::from_str(exchange["reply"][1]["content"].as_str().unwrap()).unwrap();
        let chart = app.get_json(&alice.client, &format!("/api/v1/visualizations/{}", made["visualization_id"].as_str().unwrap())).await;
        assert_eq!(chart["option"]["dataset"][0]["source"], json!([["day", "best_kg"], ["2026-03-02", 100.0], ["2026-03-09", 107.5]]));

        // A new user has nothing to draw yet, and is told so.
        let bob = app.user("bob").await;
        let exchange = app.chat(&bob.client, "chart my runs this month").await;
        let answer = exchange["reply"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_owned();
        assert!(answer.contains("nothing to draw"), "{answer}");
    }
}
