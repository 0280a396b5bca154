//! The SQL sandbox on real databases (`POST /api/v1/query` and the engine layer alone), on
//! SQLite and PostgreSQL: a trainer's questions answer from the user's own rows; an
//! adversarial suite of queries leaks nothing of another user, writes nothing and answers
//! quickly; the engine layer holds with the other two layers skipped.

use std::time::{Duration, Instant};

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use spotter::domain::sandbox::Prepared;
use spotter::server::db::Id;
use spotter::server::sandbox::SandboxError;

/// Something only Bob's rows contain.
const BOBS_SECRET: &str = "bob-secret-note";

/// Alice with a push day (3 bench sets) and a plan item; Bob with his own data, marked.
async fn two_lifters(app: &TestApp) -> (TestUser, TestUser) {
    let alice = app.user("alice").await;
    let bob = app.user("bob").await;
    app.log_workout(&alice.client, json!({"name": "Push", "exercises": [{"exercise": "bench press", "sets": [
        {"reps": 8, "weight_kg": 80}, {"reps": 6, "weight_kg": 85}, {"reps": 5, "weight_kg": 90}]}]})).await;
    app.log_workout(&bob.client, json!({"name": BOBS_SECRET, "notes": BOBS_SECRET, "exercises": [{"exercise": "squat", "sets": [
        {"reps": 5, "weight_kg": 140, "notes": BOBS_SECRET}]}]})).await;
    for (user, title) in [(&alice, "Deload week"), (&bob, BOBS_SECRET)] {
        let resp = user
            .client
            .post(app.url("/api/v1/plan"))
            .json(&json!({"title": title}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::CREATED);
    }
    (alice, bob)
}

async fn query(app: &TestApp, user: &TestUser, sql: &str) -> (StatusCode, Value) {
    let resp = user
        .client
        .post(app.url("/api/v1/query"))
        .json(&json!({ "sql": sql }))
        .send()
        .await
        .unwrap();
    (resp.status(), resp.json().await.unwrap())
}

/// Rows of every table Bob or Alice could have written to, to compare before and after.
async fn footprint(app: &TestApp, users: [&TestUser; 2]) -> Vec<i64> {
    let mut counts = Vec::new();
    for user in users {
        for table in [
            "workout_sessions",
            "exercise_sets",
            "plan_items",
            "goals",
            "personal_records",
            "achievements",
        ] {
            counts.push(app.count_rows(table, &user.id).await);
        }
    }
    counts
}

both_engines! {
    async fn a_trainers_questions_answer_from_the_users_own_rows(app: TestApp) {
        let (alice, _bob) = two_lifters(&app).await;
        let (status, body) = query(&app, &alice, "SELECT count(*) AS sets, max(weight_kg) AS best FROM exercise_sets").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["columns"], json!(["sets", "best"]));
        assert_eq!(body["rows"][0][0], 3, "Alice's three sets, not Bob's: {body}");
        assert_eq!(body["rows"][0][1].as_f64(), Some(90.0));
        assert_eq!(body["truncated"], false);
        assert!(body["execution_time_ms"].is_u64());

        let (status, body) = query(&app, &alice,
            "SELECT e.name_en, s.reps FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id ORDER BY s.reps DESC").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["rows"].as_array().unwrap().len(), 3);
        assert_eq!(body["rows"][0], json!(["Bench Press (Barbell)", 8]));

        // The catalog is shared: every user reads it.
        let (_, body) = query(&app, &alice, "SELECT count(*) FROM exercises").await;
        assert!(body["rows"][0][0].as_i64().unwrap() >= 150, "{body}");

        // No rows still names the columns.
        let (status, body) = query(&app, &alice, "SELECT title, due_at FROM plan_items WHERE status = 'done'").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["columns"], json!(["title", "due_at"]));
        assert_eq!(body["rows"], json!([]));

        // More than 500 rows are cut, and the answer says so.
        let (status, body) = query(&app, &alice, "SELECT a.slug, b.slug FROM exercises a, exercises b LIMIT 2000").await;
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["rows"].as_array().unwrap().len(), 500);
        assert_eq!(body["truncated"], true);

        // A refusal says why, in the documented error shape.
        let (status, body) = query(&app, &alice, "SELECT * FROM users").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(body["error"]["code"], "query_refused");
        assert!(body["error"]["message"].as_str().unwrap().contains("exercise_sets"), "{body}");

        // Signed out: 401; malformed: 400.
        let resp = app.bare_client().post(app.url("/api/v1/query")).json(&json!({"sql": "SELECT 1"})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
        let resp = alice.client.post(app.url("/api/v1/query")).json(&json!({"sql": 5})).send().await.unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    }

    async fn the_adversarial_suite_leaks_nothing_writes_nothing_and_answers_quickly(app: TestApp) {
        let (alice, bob) = two_lifters(&app).await;
        let before = footprint(&app, [&alice, &bob]).await;
        let mut slowest = Duration::ZERO;
        let mut answered = 0;
        for sql in ADVERSARIAL {
            let started = Instant::now();
            let (status, body) = query(&app, &alice, sql).await;
            slowest = slowest.max(started.elapsed());
            let text = body.to_string();
            assert!(!text.contains(BOBS_SECRET), "{sql:?} leaked Bob's rows: {text}");
            assert!(!text.contains(&bob.id), "{sql:?} leaked Bob's id: {text}");
            assert!(!text.contains(&bob.email), "{sql:?} leaked Bob's email: {text}");
            assert!(!text.contains("$argon2"), "{sql:?} leaked a password hash: {text}");
            match status {
                StatusCode::OK => answered += 1,
                StatusCode::UNPROCESSABLE_ENTITY => {
                    let code = body["error"]["code"].as_str().unwrap();
                    assert!(["query_refused", "query_failed", "query_timeout"].contains(&code), "{sql:?}: {body}");
                    assert!(!body["error"]["message"].as_str().unwrap().is_empty());
                }
                other => panic!("{sql:?}: {other} {body}"),
            }
        }
        assert!(ADVERSARIAL.len() >= 60);
        assert_eq!(footprint(&app, [&alice, &bob]).await, before, "nothing was written");
        // Generous: a query that was not cut off would take minutes; the cut-off is 1 s.
        assert!(slowest < Duration::from_secs(10), "slowest answer {slowest:?}");
        eprintln!("{} adversarial queries: {answered} answered (own rows only), slowest {slowest:?}", ADVERSARIAL.len());
        // Alice still gets her own answers afterwards.
        let (status, body) = query(&app, &alice, "SELECT count(*) FROM exercise_sets").await;
        assert_eq!((status, body["rows"][0][0].as_i64()), (StatusCode::OK, Some(3)));
    }

    async fn the_engine_layer_holds_alone(app: TestApp) {
        let (alice, _bob) = two_lifters(&app).await;
        let me = Id::parse(&alice.id).unwrap();
        let sandbox = &app.state.sandbox;
        let raw = |sql: &str| Prepared { sql: sql.to_owned() };
        let postgres = matches!(sandbox, spotter::server::sandbox::Sandbox::Postgres(_));

        // Writes, other tables, settings and files: refused by the engine itself.
        for sql in [
            "DELETE FROM exercise_sets",
            "UPDATE exercise_sets SET reps = 0",
            "INSERT INTO goals (id, user_id) VALUES ('x', $1)",
            "SELECT * FROM users",
            "SELECT email, password_hash FROM users WHERE id <> $1",
            "SELECT * FROM sessions",
            "SELECT content FROM chat_messages",
            "CREATE TABLE stolen AS SELECT * FROM exercise_sets",
            "DROP TABLE exercise_sets",
        ] {
            let result = sandbox.run(&me, &raw(sql)).await;
            assert!(matches!(result, Err(SandboxError::Engine(_))), "{sql:?}: {result:?}");
        }
        let engine_specific: &[&str] = if postgres {
            &["SELECT set_config('role', 'none', true)", "SELECT pg_read_file('/etc/passwd')", "SELECT * FROM pg_authid"]
        } else {
            &["PRAGMA table_info(users)", "ATTACH DATABASE '/tmp/x.db' AS x", "SELECT load_extension('/tmp/x')",
              "SELECT randomblob(10)", "SELECT * FROM sqlite_master", "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"]
        };
        for sql in engine_specific {
            let result = sandbox.run(&me, &raw(sql)).await;
            assert!(matches!(result, Err(SandboxError::Engine(_))), "{sql:?}: {result:?}");
        }

        // A query that runs too long is cut off after about a second.
        let bomb = if postgres { "SELECT pg_sleep(30)" } else {
            "SELECT count(*) FROM exercises a, exercises b, exercises c, exercises d"
        };
        let started = Instant::now();
        let result = sandbox.run(&me, &raw(bomb)).await;
        assert!(matches!(result, Err(SandboxError::TimedOut)), "{result:?}");
        assert!(started.elapsed() < Duration::from_secs(10), "{:?}", started.elapsed());

        // Unrewritten, PostgreSQL's row-level security still shows Alice her rows only.
        if postgres {
            let result = sandbox.run(&me, &raw("SELECT count(*) AS n FROM exercise_sets")).await.unwrap();
            assert_eq!(result.rows[0][0], json!(3));
            let result = sandbox.run(&me, &raw("SELECT name, notes FROM workout_sessions")).await.unwrap();
            assert!(!serde_json::to_string(&result.rows).unwrap().contains(BOBS_SECRET));
            let result = sandbox.run(&me, &raw("SELECT title FROM plan_items")).await.unwrap();
            assert_eq!(result.rows, vec![vec![json!("Deload week")]]);
        }
        // Nothing above changed a row.
        assert_eq!(app.count_rows("exercise_sets", &alice.id).await, 3);
    }
}

/// At least 60 attacks, each run through `POST /api/v1/query` as Alice.
const ADVERSARIAL: &[&str] = &[
    // cross-user reads
    "SELECT * FROM exercise_sets",
    "SELECT * FROM workout_sessions WHERE name LIKE '%secret%'",
    "SELECT notes FROM exercise_sets WHERE 1 = 1 OR 1 = 1",
    "SELECT * FROM plan_items UNION ALL SELECT * FROM plan_items",
    "SELECT title FROM plan_items WHERE title LIKE 'bob%'",
    "SELECT * FROM exercise_sets s JOIN workout_sessions w ON w.id = s.session_id",
    "SELECT user_id FROM exercise_sets",
    "SELECT s.user_id FROM exercise_sets s",
    "SELECT * FROM exercise_sets WHERE user_id <> ''",
    "SELECT (SELECT group_concat(notes) FROM exercise_sets)",
    "SELECT * FROM exercises WHERE user_id IS NOT NULL",
    "SELECT * FROM users",
    "SELECT email, password_hash FROM users",
    "SELECT * FROM sessions",
    "SELECT * FROM api_tokens",
    "SELECT content FROM chat_messages",
    "SELECT * FROM conversations",
    "SELECT * FROM user_facts",
    "SELECT * FROM server_settings",
    "SELECT * FROM exercise_sets, users",
    "SELECT * FROM exercise_sets WHERE id IN (SELECT id FROM users)",
    "SELECT * FROM exercise_sets UNION SELECT id, email, password_hash, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1 FROM users",
    // writes
    "DELETE FROM exercise_sets",
    "UPDATE exercise_sets SET reps = 0",
    "INSERT INTO plan_items (id, user_id, title) VALUES ('x', 'y', 'z')",
    "DROP TABLE exercise_sets",
    "CREATE TABLE x (a)",
    "ALTER TABLE goals ADD COLUMN x INT",
    "SELECT * INTO stolen FROM exercise_sets",
    "WITH d AS (DELETE FROM goals RETURNING *) SELECT * FROM d",
    "SELECT * FROM exercise_sets FOR UPDATE",
    "REPLACE INTO goals (id) VALUES ('x')",
    "VACUUM",
    "SELECT 1; DELETE FROM exercise_sets",
    // pragmas, attach, extensions, files
    "PRAGMA table_info(users)",
    "PRAGMA writable_schema = ON",
    "ATTACH DATABASE '/tmp/evil.db' AS evil",
    "SELECT load_extension('/tmp/evil.so')",
    "SELECT readfile('/etc/passwd')",
    "SELECT pg_read_file('/etc/passwd')",
    "COPY exercise_sets TO '/tmp/x.csv'",
    "SELECT * FROM pragma_table_info('users')",
    // catalogs
    "SELECT * FROM sqlite_master",
    "SELECT sql FROM sqlite_schema",
    "SELECT * FROM main.users",
    "SELECT * FROM pg_catalog.pg_tables",
    "SELECT * FROM pg_user",
    "SELECT * FROM information_schema.columns",
    "SELECT usename FROM pg_shadow",
    // CTE shadowing
    "WITH exercise_sets AS (SELECT * FROM users) SELECT * FROM exercise_sets",
    "WITH plan_items AS (SELECT 1 AS x) SELECT * FROM plan_items",
    "WITH x AS (SELECT * FROM sessions) SELECT * FROM x",
    // bombs
    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
    "SELECT count(*) FROM exercises a, exercises b, exercises c, exercises d",
    "SELECT count(*) FROM exercises a CROSS JOIN exercises b CROSS JOIN exercises c CROSS JOIN exercises d CROSS JOIN exercises e",
    "SELECT length(group_concat(a.name_en || b.name_en || c.name_en)) FROM exercises a, exercises b, exercises c",
    "SELECT randomblob(1000000000)",
    "SELECT zeroblob(1000000000)",
    "SELECT repeat('x', 1000000000)",
    "SELECT printf('%.*c', 1000000000, 'x')",
    "SELECT pg_sleep(30)",
    "SELECT * FROM generate_series(1, 1000000000)",
    // comments, case and Unicode tricks, placeholders, settings
    "SELECT * FROM exercise_sets /* ; DELETE FROM goals */",
    "SELECT * FROM exercise_sets -- \n UNION SELECT * FROM users",
    "SeLeCt * FrOm UsErS",
    "SELECT * FROM \"users\"",
    "SELECT * FROM `users`",
    "SELECT * FROM [users]",
    "SELECT * FROM ｕsers",
    "SELECT * FROM exercіse_sets",
    "SELECT * FROM exercise_sets WHERE user_id = $1",
    "SELECT * FROM exercise_sets WHERE reps = ?",
    "SELECT set_config('role', 'none', true)",
    "SELECT current_setting('spotter.user_id')",
    "SET ROLE postgres",
    "RESET ROLE",
    "SELECT sqlite_version()",
    "",
    "   ",
];

both_engines! {
    async fn a_model_queries_the_users_data_and_a_refusal_goes_back_to_it(app: TestApp, llm: FakeLlm) {
        use crate::common::fake_llm::Reply;
        let (alice, _bob) = two_lifters(&app).await;
        llm.then(Reply::tool_call("call_1", "query_workouts", &json!({"sql": "SELECT * FROM users"})))
            .then(Reply::tool_call("call_2", "query_workouts", &json!({"sql": "SELECT count(*) AS sets FROM exercise_sets"})))
            .then(Reply::text(&["You did 3 sets."], Duration::ZERO));
        let exchange = app.chat(&alice.client, "How many sets have I done?").await;
        let conversation = exchange["user_message"]["conversation_id"].as_str().unwrap().to_owned();
        let messages = app.messages(&alice.client, &conversation).await;
        let roles: Vec<&str> = messages.iter().map(|m| m["role"].as_str().unwrap()).collect();
        assert_eq!(roles, ["user", "assistant", "tool", "assistant", "tool", "assistant"], "{messages:?}");

        // The refused query: its SQL stored, the reason in the result the model read next.
        let refused = &messages[2];
        assert_eq!(refused["query_executed"], "SELECT * FROM users");
        let result: Value = serde_json::from_str(refused["content"].as_str().unwrap()).unwrap();
        assert!(result["error"].as_str().unwrap().contains("exercise_sets"), "{result}");
        // The corrected one: Alice's three sets, with the time it took.
        let answered = &messages[4];
        assert_eq!(answered["query_executed"], "SELECT count(*) AS sets FROM exercise_sets");
        assert!(answered["execution_time_ms"].is_i64());
        let result: Value = serde_json::from_str(answered["content"].as_str().unwrap()).unwrap();
        assert_eq!(result["columns"], json!(["sets"]));
        assert_eq!(result["rows"], json!([[3]]));
        assert_eq!(messages[5]["content"], "You did 3 sets.");

        // The model was told the schema and saw the refusal before trying again.
        let requests = llm.requests();
        let system = requests[0]["messages"][0]["content"].as_str().unwrap();
        assert!(system.contains("exercise_sets(") && system.contains("weight_kg"), "{system}");
        let tools: Vec<&str> = requests[0]["tools"].as_array().unwrap().iter().map(|t| t["function"]["name"].as_str().unwrap()).collect();
        assert!(tools.contains(&"query_workouts"), "{tools:?}");
        let second = requests[1]["messages"].as_array().unwrap();
        assert!(second.last().unwrap()["content"].as_str().unwrap().contains("no table"), "{second:?}");

        // The page shows the SQL each call ran, folded, readable without JavaScript.
        let (status, html) = app.get_html(&alice.client, &format!("/c/{conversation}")).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("<details class=\"msg-sql\">"), "{html}");
        assert!(html.contains("SELECT count(*) AS sets FROM exercise_sets"));
        assert!(html.contains("SELECT * FROM users"));
    }
}

both_engines! {
    async fn on_postgresql_the_sandbox_role_cannot_call_set_config(app: TestApp) {
        // The migrations ran as a superuser here, so the revoke held (start-up warns otherwise).
        if let spotter::server::db::Db::Postgres(pool) = app.db() {
            let may = spotter::server::sandbox::postgres::sandbox_may_set_config(pool).await.unwrap();
            assert!(!may, "spotter_sandbox may call set_config");
        }
    }
}
