//! The real `spotter serve` under faults an operator meets: killed with -9 in the middle of a
//! reply, stopped with SIGTERM while replies stream, started on a database it cannot write,
//! and run out of disk mid-request. Each time: the user's message is kept, a reply cut off is
//! marked (never left "being written" forever), the client gets the error shape, and the
//! SQLite file passes `PRAGMA integrity_check`. Bounded in time: the slowest takes ~10 s.

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};
use sqlx::Connection as _;

use crate::cli::{Server, describe, serve_waiting, serve_with, spotter, spotter_logging, text};

const PASSWORD: &str = "faults password 123";
/// The offline coach's pause between words: a reply takes seconds, time to hurt it.
const SLOW: &[(&str, &str)] = &[("SPOTTER_OFFLINE_PACE_MS", "150")];

/// A migrated SQLite file with one user, and a bearer token for them.
fn account(db: &str) -> String {
    let out = spotter(db, &["migrate"], None);
    assert!(out.status.success(), "{}", describe(&out));
    let email = "faults@example.com";
    let out = spotter(
        db,
        &["user", "add", "--email", email, "--password-stdin"],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(out.status.success(), "{}", describe(&out));
    let out = spotter_logging(
        db,
        &["token", "create", "--email", email, "--name", "faults"],
        None,
        None,
    );
    assert!(out.status.success(), "{}", describe(&out));
    text(&out.stdout).trim().to_owned()
}

struct Api {
    base: String,
    token: String,
    client: reqwest::Client,
}

impl Api {
    fn of(server: &Server, token: &str) -> Api {
        Api {
            base: server.base_url(),
            token: token.to_owned(),
            client: reqwest::Client::builder()
                .timeout(Duration::from_secs(30))
                .build()
                .unwrap(),
        }
    }

    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> reqwest::Response {
        let mut req = self
            .client
            .request(method, format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            req = req.json(&body);
        }
        req.send().await.unwrap()
    }

    async fn json(&self, path: &str) -> Value {
        let resp = self.send(reqwest::Method::GET, path, None).await;
        assert_eq!(resp.status(), StatusCode::OK, "{path}");
        resp.json().await.unwrap()
    }

    /// A question sent with `Prefer: respond-async`; the conversation and the question's id.
    async fn ask_async(&self, content: &str) -> (String, String) {
        let resp = self
            .send(
                reqwest::Method::POST,
                "/api/v1/conversations",
                Some(json!({})),
            )
            .await;
        assert_eq!(resp.status(), StatusCode::CREATED);
        let conversation = resp.json::<Value>().await.unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let resp = self
            .client
            .post(format!(
                "{}/api/v1/conversations/{conversation}/messages",
                self.base
            ))
            .bearer_auth(&self.token)
            .header("prefer", "respond-async")
            .json(&json!({"content": content}))
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::ACCEPTED);
        let question = resp.json::<Value>().await.unwrap()["user_message"]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        (conversation, question)
    }

    async fn messages(&self, conversation: &str) -> Vec<Value> {
        self.json(&format!("/api/v1/conversations/{conversation}/messages"))
            .await["items"]
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Waits until the reply has stored some of its text while still being written.
    async fn partly_written(&self, conversation: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let messages = self.messages(conversation).await;
            if let Some(reply) = messages.iter().find(|m| {
                m["role"] == "assistant"
                    && m["status"] == "streaming"
                    && !m["content"].as_str().unwrap_or_default().is_empty()
            }) {
                return reply["content"].as_str().unwrap().to_owned();
            }
            assert!(Instant::now() < deadline, "no partial reply: {messages:?}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

/// The file's own check, on a connection of its own.
async fn integrity(db: &str) -> String {
    let mut conn = sqlx::SqliteConnection::connect(db).await.unwrap();
    let (ok,): (String,) = sqlx::query_as("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    ok
}

/// The replies as stored: (status, text, error).
async fn stored_replies(db: &str) -> Vec<(String, String, Option<String>)> {
    let mut conn = sqlx::SqliteConnection::connect(db).await.unwrap();
    sqlx::query_as("SELECT status, content, error_message FROM chat_messages WHERE role = 'assistant' ORDER BY created_at")
        .fetch_all(&mut conn)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_mid_reply_keeps_the_question_and_marks_the_reply_after_restart() {
    let dir = spotter::scratch::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("spotter.db").display());
    let token = account(&db);
    let mut server = serve_with(&db, SLOW).await;
    let api = Api::of(&server, &token);
    let (conversation, question) = api.ask_async("Hi! What can you do?").await;
    let partial = api.partly_written(&conversation).await;

    server.child.kill().unwrap(); // SIGKILL: no shutdown code runs
    server.child.wait().unwrap();
    assert_eq!(integrity(&db).await, "ok");

    let server = serve_with(&db, SLOW).await;
    assert!(
        server.logs().contains("interrupted_replies=1"),
        "{}",
        server.logs()
    );
    let api = Api::of(&server, &token);
    let messages = api.messages(&conversation).await;
    assert_eq!(messages[0]["id"], question.as_str(), "the question is kept");
    assert_eq!(messages[0]["content"], "Hi! What can you do?");
    let reply = messages.last().unwrap();
    assert_eq!(reply["status"], "failed", "{reply}");
    assert!(
        reply["error_message"]
            .as_str()
            .unwrap()
            .contains("The server stopped while this reply was being written"),
        "{reply}"
    );
    let kept = reply["content"].as_str().unwrap();
    assert!(
        kept.starts_with(&partial),
        "the text written before the kill stays: {kept:?} / {partial:?}"
    );
    // The page says so too, and the conversation goes on.
    let html = api
        .send(reqwest::Method::GET, &format!("/c/{conversation}"), None)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("The server stopped while this reply was being written"),
        "{html}"
    );
    let again = api
        .send(
            reqwest::Method::POST,
            "/api/v1/chat",
            Some(json!({"content": "hello"})),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(integrity(&db).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_with_replies_streaming_exits_quickly_and_stores_them() {
    let dir = spotter::scratch::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("spotter.db").display());
    let token = account(&db);
    let mut server = serve_with(&db, SLOW).await;
    let api = Api::of(&server, &token);
    let (first, _) = api.ask_async("Hi! What can you do?").await;
    let (second, _) = api.ask_async("How do I log a workout?").await;
    api.partly_written(&first).await;
    api.partly_written(&second).await;

    let asked = Instant::now();
    assert!(server.stop(), "a clean exit: {}", server.logs());
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "exited in {:?}",
        asked.elapsed()
    );
    let replies = stored_replies(&db).await;
    assert!(
        replies.iter().all(|(status, _, _)| status != "streaming"),
        "none left being written: {replies:?}"
    );
    // (A reply may hold a finished tool step before its words.)
    let cut: Vec<_> = replies
        .iter()
        .filter(|(status, _, _)| status == "stopped" || status == "failed")
        .collect();
    assert_eq!(cut.len(), 2, "both replies ended as cut off: {replies:?}");
    for (_, text, error) in cut {
        assert!(!text.is_empty(), "the text so far is stored: {replies:?}");
        assert!(
            error.as_deref().is_some_and(|e| e.contains("ask again")),
            "{replies:?}"
        );
    }
    assert_eq!(integrity(&db).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_that_cannot_be_written_is_a_clear_error_and_stays_whole() {
    let dir = spotter::scratch::tempdir().unwrap();
    let path = dir.path().join("spotter.db");
    let db = format!("sqlite://{}", path.display());
    account(&db);
    let before = std::fs::read(&path).unwrap();
    // Read-only: SQLite's read-only mode (file modes would not stop root, who runs CI).
    let read_only = format!("{db}?mode=ro");
    let out = spotter(&read_only, &["serve"], None);
    assert!(!out.status.success());
    let said = describe(&out);
    assert!(
        said.contains("readonly") || said.contains("read-only") || said.contains("read only"),
        "{said}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte changed");
    assert_eq!(integrity(&db).await, "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_disk_is_a_clear_error_loses_nothing_and_passes() {
    let dir = spotter::scratch::tempdir().unwrap();
    let path = dir.path().join("spotter.db");
    let db = format!("sqlite://{}", path.display());
    let token = account(&db);
    let mut server = serve_with(&db, &[]).await;
    let api = Api::of(&server, &token);
    let workout = |note: &str| {
        let sets: Vec<Value> = (0..100)
            .map(|i| json!({"reps": 5 + i % 5, "weight_kg": 60 + i % 20}))
            .collect();
        let exercises: Vec<Value> = [
            "back-squat",
            "bench-press",
            "deadlift",
            "overhead-press",
            "barbell-row",
        ]
        .iter()
        .cycle()
        .take(50)
        .map(|e| json!({"exercise": e, "sets": sets}))
        .collect();
        json!({"name": note, "notes": note.repeat(2000 / note.len()), "exercises": exercises})
    };
    let logged = api
        .send(
            reqwest::Method::POST,
            "/api/v1/workouts",
            Some(workout("before")),
        )
        .await;
    assert_eq!(logged.status(), StatusCode::CREATED);

    // The disk fills up: no file of the server's may grow more than 256 KB past the biggest now
    // (the soft limit, which the same user may raise again).
    let biggest = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|f| f.unwrap().metadata().unwrap().len())
        .max()
        .unwrap();
    let limit = |bytes: &str| {
        let out = std::process::Command::new("prlimit")
            .args([
                "--pid",
                &server.child.id().to_string(),
                &format!("--fsize={bytes}:"),
            ])
            .output()
            .expect("prlimit (util-linux)");
        assert!(out.status.success(), "{}", describe(&out));
    };
    limit(&(biggest + 256 * 1024).to_string());
    let mut refused = None;
    for i in 0..40 {
        let resp = api
            .send(
                reqwest::Method::POST,
                "/api/v1/workouts",
                Some(workout(&format!("full {i}"))),
            )
            .await;
        if resp.status() != StatusCode::CREATED {
            refused = Some((i, resp.status(), resp.json::<Value>().await.unwrap()));
            break;
        }
    }
    let (at, status, body) = refused.expect("a write failed once the disk was full");
    assert!(
        status == StatusCode::INSUFFICIENT_STORAGE || status == StatusCode::SERVICE_UNAVAILABLE,
        "{status} {body}"
    );
    assert!(
        ["storage_full", "storage_error"].contains(&body["error"]["code"].as_str().unwrap()),
        "{body}"
    );
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("nothing was saved"),
        "{body}"
    );
    // Still serving; every workout before is whole, the refused one is not there at all.
    let health = api
        .client
        .get(format!("{}/healthz", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(health.status(), StatusCode::OK, "{}", server.logs());
    let names: Vec<String> = api.json("/api/v1/workouts?limit=100").await["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["name"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert!(!names.contains(&format!("full {at}")), "{names:?}");
    assert_eq!(names.len(), at + 1, "{names:?}");

    // Space again: the same server takes writes again, no restart.
    limit("unlimited");
    let after = api
        .send(
            reqwest::Method::POST,
            "/api/v1/workouts",
            Some(workout("after")),
        )
        .await;
    assert_eq!(after.status(), StatusCode::CREATED, "{}", server.logs());
    assert!(server.stop(), "{}", server.logs());
    assert_eq!(integrity(&db).await, "ok");
}

/// A PostgreSQL cluster of this test's own (`scripts/pg.sh`), which it may stop and start
/// without touching the one the other tests share; stopped and removed when dropped.
struct OwnPostgres {
    dir: String,
    url: String,
}

impl OwnPostgres {
    /// `None` (SKIPPED) without PostgreSQL, unless the run requires it.
    fn start(test: &str) -> Option<OwnPostgres> {
        let required = crate::common::services_required();
        let out = std::process::Command::new("scripts/pg.sh")
            .arg("start")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("scripts/pg.sh");
        if !out.status.success() {
            assert!(
                !required,
                "{test}: PostgreSQL is required: {}",
                describe(&out)
            );
            eprintln!("SKIPPED (no PostgreSQL): {test}: {}", describe(&out));
            return None;
        }
        let exports = text(&out.stdout);
        let var = |name: &str| crate::common::exported(&exports, name);
        Some(OwnPostgres {
            dir: var("PG_TEST_DIR"),
            url: var("SPOTTER_TEST_POSTGRES_URL"),
        })
    }

    fn pg(&self, command: &str) {
        let out = std::process::Command::new("scripts/pg.sh")
            .args([command, &self.dir])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(out.status.success(), "pg.sh {command}: {}", describe(&out));
    }
}

impl Drop for OwnPostgres {
    fn drop(&mut self) {
        self.pg("stop");
    }
}

/// An answer with the error shape and this status.
async fn refused_with(resp: reqwest::Response, status: StatusCode) -> Value {
    assert_eq!(resp.status(), status);
    let body: Value = resp.json().await.unwrap();
    assert!(
        body["error"]["code"].is_string() && body["error"]["message"].is_string(),
        "{body}"
    );
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_stopped_mid_run_answers_503_and_comes_back_without_a_restart() {
    let Some(pg) = OwnPostgres::start("faults::postgres_stopped_mid_run") else {
        return;
    };
    let token = account(&pg.url);
    let mut server = serve_with(&pg.url, &[]).await;
    let api = Api::of(&server, &token);
    let workout =
        json!({"exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]});
    assert_eq!(
        api.send(
            reqwest::Method::POST,
            "/api/v1/workouts",
            Some(workout.clone())
        )
        .await
        .status(),
        StatusCode::CREATED
    );

    pg.pg("pause");
    let asked = Instant::now();
    let ready = api.send(reqwest::Method::GET, "/readyz", None).await;
    assert_eq!(
        refused_with(ready, StatusCode::SERVICE_UNAVAILABLE).await["error"]["code"],
        "unavailable"
    );
    let read = api
        .send(reqwest::Method::GET, "/api/v1/workouts", None)
        .await;
    refused_with(read, StatusCode::SERVICE_UNAVAILABLE).await;
    let write = api
        .send(
            reqwest::Method::POST,
            "/api/v1/workouts",
            Some(workout.clone()),
        )
        .await;
    refused_with(write, StatusCode::SERVICE_UNAVAILABLE).await;
    assert!(
        asked.elapsed() < Duration::from_secs(35),
        "answered, not hung: {:?}",
        asked.elapsed()
    );
    let alive = api
        .client
        .get(format!("{}/healthz", api.base))
        .send()
        .await
        .unwrap();
    assert_eq!(alive.status(), StatusCode::OK, "the process is alive");

    pg.pg("resume");
    let deadline = Instant::now() + Duration::from_secs(20);
    while api
        .send(reqwest::Method::GET, "/readyz", None)
        .await
        .status()
        != StatusCode::OK
    {
        assert!(Instant::now() < deadline, "ready again: {}", server.logs());
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert_eq!(
        api.send(reqwest::Method::POST, "/api/v1/workouts", Some(workout))
            .await
            .status(),
        StatusCode::CREATED
    );
    let items = api.json("/api/v1/workouts").await["items"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(items, 2, "the one refused while down was not half-stored");
    assert!(server.stop(), "{}", server.logs());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_started_before_postgres_answers_503_then_serves_without_a_restart() {
    let Some(pg) = OwnPostgres::start("faults::a_server_started_before_postgres") else {
        return;
    };
    let token = account(&pg.url);
    pg.pg("pause");
    let server = serve_waiting(&pg.url).await;
    let api = Api::of(&server, &token);
    let ready = api.send(reqwest::Method::GET, "/readyz", None).await;
    assert_eq!(
        ready
            .headers()
            .get("retry-after")
            .map(|v| v.to_str().unwrap()),
        Some("2")
    );
    assert_eq!(
        refused_with(ready, StatusCode::SERVICE_UNAVAILABLE).await["error"]["code"],
        "unavailable"
    );
    let page = api
        .send(reqwest::Method::GET, "/api/v1/workouts", None)
        .await;
    refused_with(page, StatusCode::SERVICE_UNAVAILABLE).await;

    pg.pg("resume");
    let deadline = Instant::now() + Duration::from_secs(30);
    while api
        .send(reqwest::Method::GET, "/readyz", None)
        .await
        .status()
        != StatusCode::OK
    {
        assert!(
            Instant::now() < deadline,
            "ready once PostgreSQL is: {}",
            server.logs()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    assert!(
        server.logs().contains("Spotter is listening on"),
        "{}",
        server.logs()
    );
    let workout =
        json!({"exercises": [{"exercise": "back-squat", "sets": [{"reps": 5, "weight_kg": 100}]}]});
    assert_eq!(
        api.send(reqwest::Method::POST, "/api/v1/workouts", Some(workout))
            .await
            .status(),
        StatusCode::CREATED
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_waiting_for_its_database_stops_on_sigterm() {
    // Nothing listens on this port: the server waits, answering 503, until told to stop.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("postgres://postgres@127.0.0.1:{port}/postgres");
    let mut server = serve_waiting(&url).await;
    let asked = Instant::now();
    let clean = server.stop();
    assert!(
        asked.elapsed() < Duration::from_secs(5),
        "stopped in {:?}",
        asked.elapsed()
    );
    assert!(!clean, "it never served: the exit says so");
    assert!(
        server
            .logs()
            .contains("stopped before the database answered"),
        "{}",
        server.logs()
    );
}
