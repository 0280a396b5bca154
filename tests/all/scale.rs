//! Two instances on one PostgreSQL behind nginx (`scripts/scale-demo.sh`, what `make
//! scale-demo` runs), through real HTTP: a session made on one instance works on the other, a
//! reply started on one is followed and stopped on the other, the coach's per-user limits hold
//! across both, and login throttling keys on `X-Forwarded-For` only from the trusted proxy.
//! Needs nginx and PostgreSQL: SKIPPED without them, except under `CI=true`.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::cli::{describe, text};

const BIN: &str = env!("CARGO_BIN_EXE_spotter");
const LOGIN_LIMIT: usize = 3;

/// The running demo; stopped when dropped.
struct Scaled {
    dir: String,
    url: String,
    a: String,
    b: String,
    database_url: String,
}

impl Scaled {
    fn start() -> Option<Scaled> {
        let required = crate::common::services_required();
        let out = std::process::Command::new("scripts/scale-demo.sh")
            .arg("start")
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("SPOTTER_BIN", BIN)
            .env("SPOTTER_LOGIN_LIMIT", LOGIN_LIMIT.to_string())
            .env("SPOTTER_CHAT_LIMIT", "3")
            .env("SPOTTER_OFFLINE_PACE_MS", "150")
            .env_remove("LLM_BASE_URL")
            .output()
            .expect("scripts/scale-demo.sh");
        if !out.status.success() {
            assert!(
                !required,
                "nginx and PostgreSQL are required: {}",
                describe(&out)
            );
            eprintln!(
                "SKIPPED (no nginx or PostgreSQL): scale: {}",
                describe(&out)
            );
            return None;
        }
        let exports = text(&out.stdout);
        let var = |name: &str| crate::common::exported(&exports, name);
        Some(Scaled {
            dir: var("SCALE_DIR"),
            url: var("SCALE_URL"),
            a: var("SCALE_A"),
            b: var("SCALE_B"),
            database_url: var("SCALE_DATABASE_URL"),
        })
    }
}

impl Drop for Scaled {
    fn drop(&mut self) {
        let _ = std::process::Command::new("scripts/scale-demo.sh")
            .args(["stop", &self.dir])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output();
    }
}

fn client(from: Option<&str>) -> reqwest::Client {
    let mut builder = reqwest::Client::builder()
        .cookie_store(true)
        .timeout(Duration::from_secs(30));
    if let Some(from) = from {
        builder = builder.local_address(from.parse::<IpAddr>().ok());
    }
    builder.build().unwrap()
}

async fn login(client: &reqwest::Client, base: &str, email: &str, xff: Option<&str>) -> StatusCode {
    let mut req = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": email, "password": "not the password"}));
    if let Some(xff) = xff {
        req = req.header("x-forwarded-for", xff);
    }
    req.send().await.unwrap().status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_behind_nginx_share_sessions_replies_and_limits() {
    let Some(demo) = Scaled::start() else {
        return;
    };
    // A session made through nginx works on each instance directly.
    let browser = client(None);
    let resp = browser
        .post(format!("{}/api/v1/auth/register", demo.url))
        .json(&json!({"email": "scaled@example.com", "password": "scaled password 1"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    for base in [&demo.a, &demo.b, &demo.url] {
        let me: Value = browser
            .get(format!("{base}/api/v1/me"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(me["email"], "scaled@example.com", "{base}");
    }

    // A reply started on A is followed and stopped on B.
    let out = crate::cli::spotter_logging(
        &demo.database_url,
        &[
            "token",
            "create",
            "--email",
            "scaled@example.com",
            "--name",
            "scale",
        ],
        None,
        None,
    );
    assert!(out.status.success(), "{}", describe(&out));
    let token = text(&out.stdout).trim().to_owned();
    let api = client(None);
    let send = |base: &str, conversation: &str| {
        api.post(format!(
            "{base}/api/v1/conversations/{conversation}/messages"
        ))
        .bearer_auth(&token)
        .header("prefer", "respond-async")
        .json(&json!({"content": "Hi! What can you do?"}))
        .send()
    };
    let conversation: Value = api
        .post(format!("{}/api/v1/conversations", demo.a))
        .bearer_auth(&token)
        .json(&json!({}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let conversation = conversation["id"].as_str().unwrap().to_owned();
    let resp = send(&demo.a, &conversation).await.unwrap();
    assert_eq!(resp.status(), StatusCode::ACCEPTED);
    let question = resp.json::<Value>().await.unwrap()["user_message"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let mut followed = api
        .get(format!(
            "{}/api/v1/conversations/{conversation}/stream?question={question}",
            demo.b
        ))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(followed.status(), StatusCode::OK);
    let mut seen = String::new();
    while !seen.contains("event: delta") {
        let chunk = tokio::time::timeout(Duration::from_secs(20), followed.chunk())
            .await
            .expect("B passes A's reply on")
            .unwrap()
            .expect("more of the stream");
        seen.push_str(&String::from_utf8_lossy(&chunk));
    }
    let stop = api
        .post(format!("{}/api/v1/messages/{question}/stop", demo.b))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(stop.status(), StatusCode::OK);
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let messages: Value = api
            .get(format!(
                "{}/api/v1/conversations/{conversation}/messages",
                demo.url
            ))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let reply = messages["items"]
            .as_array()
            .unwrap()
            .last()
            .cloned()
            .unwrap();
        if reply["status"] == "stopped" {
            assert!(
                !reply["content"].as_str().unwrap().is_empty(),
                "the text so far kept"
            );
            break;
        }
        assert!(Instant::now() < deadline, "stopped on A from B: {reply}");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    // The coach's limit (3 messages a minute here) is one limit across both instances.
    assert_eq!(
        send(&demo.b, &conversation).await.unwrap().status(),
        StatusCode::ACCEPTED
    );
    assert_eq!(
        send(&demo.a, &conversation).await.unwrap().status(),
        StatusCode::ACCEPTED
    );
    for base in [&demo.b, &demo.a, &demo.url] {
        assert_eq!(
            send(base, &conversation).await.unwrap().status(),
            StatusCode::TOO_MANY_REQUESTS,
            "{base}"
        );
    }

    // Login throttling, 3 failures a minute per address. From the trusted proxy's address,
    // X-Forwarded-For is the key: one client throttled, another not.
    let proxy = client(Some("127.0.0.2"));
    for i in 0..LOGIN_LIMIT {
        assert_eq!(
            login(
                &proxy,
                &demo.a,
                &format!("t{i}@example.com"),
                Some("203.0.113.1")
            )
            .await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        login(&proxy, &demo.a, "t9@example.com", Some("203.0.113.1")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    assert_eq!(
        login(&proxy, &demo.a, "t9@example.com", Some("203.0.113.2")).await,
        StatusCode::UNAUTHORIZED
    );
    // From anyone else the header is ignored: a new one each time does not help.
    let direct = client(Some("127.0.0.1"));
    for i in 0..LOGIN_LIMIT {
        assert_eq!(
            login(
                &direct,
                &demo.b,
                &format!("u{i}@example.com"),
                Some(&format!("198.51.100.{i}"))
            )
            .await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        login(&direct, &demo.b, "u9@example.com", Some("198.51.100.9")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Through nginx, which writes the header itself: the client's real address counts, not
    // what it claims. (Each instance keeps its own count, so nginx's round robin lets through
    // at most the limit on each before both refuse.)
    let mut statuses = Vec::new();
    for i in 0..2 * LOGIN_LIMIT + 2 {
        statuses.push(
            login(
                &direct,
                &demo.url,
                &format!("v{i}@example.com"),
                Some(&format!("192.0.2.{i}")),
            )
            .await,
        );
    }
    assert!(
        statuses
            .iter()
            .take(2 * LOGIN_LIMIT)
            .filter(|s| **s == StatusCode::UNAUTHORIZED)
            .count()
            <= LOGIN_LIMIT,
        "{statuses:?}"
    );
    assert_eq!(
        &statuses[2 * LOGIN_LIMIT..],
        [StatusCode::TOO_MANY_REQUESTS; 2],
        "{statuses:?}"
    );
}
