//! The real `spotter` binary, as an operator uses it: `migrate`, `user add --password-stdin`,
//! `token create`, then `serve` answering the created token; and no secret ever reaches the
//! logs. Runs on a temporary SQLite file.

use std::io::{Read, Write};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::StatusCode;
use serde_json::{Value, json};

const BIN: &str = env!("CARGO_BIN_EXE_spotter");
const PASSWORD: &str = "cli password 123";

/// `spotter ARGS` against `database_url`, with `stdin` piped in and `RUST_LOG=debug` (the most
/// talkative setting an operator would use); returns the finished process.
pub(crate) fn spotter(database_url: &str, args: &[&str], stdin: Option<&str>) -> Output {
    spotter_logging(database_url, args, stdin, Some("debug"))
}

pub(crate) fn spotter_logging(
    database_url: &str,
    args: &[&str],
    stdin: Option<&str>,
    rust_log: Option<&str>,
) -> Output {
    let mut cmd = command(database_url);
    match rust_log {
        Some(level) => cmd.env("RUST_LOG", level),
        None => cmd.env_remove("RUST_LOG"),
    };
    let mut child = cmd
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn spotter");
    {
        let mut pipe = child.stdin.take().unwrap();
        if let Some(input) = stdin {
            pipe.write_all(input.as_bytes()).unwrap();
        }
    } // closed: EOF
    child.wait_with_output().unwrap()
}

/// The binary with a clean, explicit environment (nothing inherited that changes behaviour).
fn command(database_url: &str) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("DATABASE_URL", database_url)
        .env("RUST_LOG", "debug")
        .env("NO_COLOR", "1");
    // The developer's shell must not change the outcome.
    for var in [
        "SPOTTER_ADDR",
        "SPOTTER_SECRET_KEY",
        "SPOTTER_LOGIN_LIMIT",
        "LLM_BASE_URL",
        "LLM_API_KEY",
        "LLM_MODEL",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

pub(crate) fn describe(out: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        out.status.code(),
        text(&out.stdout),
        text(&out.stderr)
    )
}

/// A port that was free a moment ago; see [`serve`] for why that is not enough on its own.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Collects a child's output on a thread, so the pipe never fills up and blocks the server.
fn collect(mut from: impl Read + Send + 'static) -> Arc<Mutex<String>> {
    let sink = Arc::new(Mutex::new(String::new()));
    let to = sink.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = from.read(&mut buf) {
            if n == 0 {
                break;
            }
            to.lock()
                .unwrap()
                .push_str(&String::from_utf8_lossy(&buf[..n]));
        }
    });
    sink
}

/// A running `spotter serve`, stopped with SIGTERM when dropped.
pub(crate) struct Server {
    pub(crate) child: Child,
    port: u16,
    stdout: Arc<Mutex<String>>,
    stderr: Arc<Mutex<String>>,
}

impl Server {
    pub(crate) fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub(crate) fn logs(&self) -> String {
        format!(
            "{}\n{}",
            self.stdout.lock().unwrap(),
            self.stderr.lock().unwrap()
        )
    }

    /// SIGTERM, then wait (at most 10 s) for a graceful exit; returns whether it exited 0.
    pub(crate) fn stop(&mut self) -> bool {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                std::thread::sleep(Duration::from_millis(50)); // let the readers drain
                return status.success();
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// How many ports `serve` tries before giving up.
const SERVE_ATTEMPTS: u32 = 5;

/// `spotter serve` on a free port, once it answers `/healthz`.
///
/// The port comes from [`free_port`], which closes its socket before the child binds the port,
/// so anything else may take the port in between: another test's server in this binary binds
/// port 0 all the time. The child cannot be given port 0 instead: its log line says
/// `Spotter is listening on http://{SPOTTER_ADDR}`, the configured address, not the port the
/// kernel picked, so the test could not learn where it is. Instead a child that exits with
/// "address already in use" is started again on a fresh port, and a child only counts as up
/// once its own log says it listens on that port (a `/healthz` answer alone could come from
/// whoever took the port).
pub(crate) async fn serve(database_url: &str) -> Server {
    serve_with(database_url, &[]).await
}

/// [`serve`] with more configuration (`vars`).
pub(crate) async fn serve_with(database_url: &str, vars: &[(&str, &str)]) -> Server {
    serve_until(database_url, vars, true).await
}

/// `spotter serve` once it answers `/healthz`, whether or not its database does yet.
pub(crate) async fn serve_waiting(database_url: &str) -> Server {
    serve_until(database_url, &[], false).await
}

async fn serve_until(database_url: &str, vars: &[(&str, &str)], listening: bool) -> Server {
    for attempt in 1..=SERVE_ATTEMPTS {
        let port = free_port();
        let mut child = command(database_url)
            .arg("serve")
            .envs(vars.iter().copied())
            .env("SPOTTER_ADDR", format!("127.0.0.1:{port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn spotter serve");
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        let server = Server {
            child,
            port,
            stdout,
            stderr,
        };
        match wait_until_healthy(server, listening).await {
            Ok(server) => return server,
            Err(logs)
                if logs.to_lowercase().contains("address already in use")
                    && attempt < SERVE_ATTEMPTS =>
            {
                eprintln!("port {port} was taken before spotter serve bound it; trying another");
            }
            Err(logs) => panic!("spotter serve exited:\n{logs}"),
        }
    }
    unreachable!("the last attempt returns or panics")
}

/// Waits for the server to answer `/healthz` (and, when `listening`, to log that it listens on
/// its port, which it does once its database answers); the exit status and logs if it exits
/// first.
async fn wait_until_healthy(mut server: Server, listening: bool) -> Result<Server, String> {
    let client = reqwest::Client::new();
    let listening_too = listening;
    let listening = format!("Spotter is listening on {}", server.base_url());
    let url = format!("{}/healthz", server.base_url());
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if (!listening_too || server.logs().contains(&listening))
            && let Ok(resp) = client.get(&url).send().await
            && resp.status() == StatusCode::OK
        {
            return Ok(server);
        }
        if let Ok(Some(status)) = server.child.try_wait() {
            std::thread::sleep(Duration::from_millis(50)); // let the readers drain
            return Err(format!("{status}\n{}", server.logs()));
        }
        assert!(
            Instant::now() < deadline,
            "spotter serve not healthy after 30 s:\n{}",
            server.logs()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn operator_workflow_from_migrate_to_serving_a_token() {
    let dir = spotter::scratch::tempdir().unwrap();
    let db = format!(
        "sqlite://{}",
        dir.path().join("nested/dir/spotter.db").display()
    );
    let email = "Operator@Example.com";
    let mut everything_printed = String::new();

    let out = spotter(&db, &["migrate"], None);
    assert!(out.status.success(), "migrate: {}", describe(&out));
    assert!(
        text(&out.stdout).contains("migrations applied"),
        "{}",
        describe(&out)
    );
    let out = spotter(&db, &["migrate"], None);
    assert!(
        out.status.success(),
        "migrate is idempotent: {}",
        describe(&out)
    );

    let out = spotter(
        &db,
        &["user", "add", "--email", email, "--password-stdin"],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(out.status.success(), "user add: {}", describe(&out));
    assert!(
        text(&out.stdout).contains("operator@example.com"),
        "{}",
        describe(&out)
    );
    everything_printed.push_str(&describe(&out));

    // (arguments, stdin, what the error must say)
    let failures: &[(&[&str], Option<&str>, &str)] = &[
        (
            &[
                "user",
                "add",
                "--email",
                "operator@example.com",
                "--password-stdin",
            ],
            Some("another password\n"),
            "already exists",
        ),
        (
            &[
                "user",
                "add",
                "--email",
                "short@example.com",
                "--password-stdin",
            ],
            Some("1234567\n"),
            "at least 8",
        ),
        (
            &[
                "user",
                "add",
                "--email",
                "empty@example.com",
                "--password-stdin",
            ],
            Some(""),
            "no password",
        ),
        (
            &["user", "add", "--email", "flagless@example.com"],
            Some(&format!("{PASSWORD}\n")),
            "--password-stdin",
        ),
        (
            &["user", "add", "--email", "not-an-email", "--password-stdin"],
            Some(&format!("{PASSWORD}\n")),
            "not a valid email",
        ),
        (
            &[
                "token",
                "create",
                "--email",
                "nobody@example.com",
                "--name",
                "ci",
            ],
            None,
            "no account",
        ),
        (
            &[
                "token",
                "create",
                "--email",
                "operator@example.com",
                "--name",
                " ",
            ],
            None,
            "name",
        ),
    ];
    for (args, stdin, message) in failures {
        let out = spotter(&db, args, *stdin);
        assert!(
            !out.status.success(),
            "{args:?} should fail: {}",
            describe(&out)
        );
        assert!(
            text(&out.stderr).to_lowercase().contains(message),
            "{args:?}: the error should say {message:?}: {}",
            describe(&out)
        );
        assert!(
            !text(&out.stderr).contains("panicked"),
            "{}",
            describe(&out)
        );
        everything_printed.push_str(&describe(&out));
    }

    // Default logging, as in `TOKEN=$(spotter token create ...)`.
    let out = spotter_logging(
        &db,
        &["token", "create", "--email", email, "--name", "ci"],
        None,
        None,
    );
    assert!(out.status.success(), "token create: {}", describe(&out));
    let token = text(&out.stdout).trim().to_owned();
    assert!(
        token.starts_with("spt_") && !token.contains(char::is_whitespace),
        "prints only the token: {}",
        describe(&out)
    );
    assert!(
        !text(&out.stderr).contains(&token),
        "the token goes to stdout only"
    );

    let mut server = serve(&db).await;
    let base = server.base_url();
    let client = reqwest::Client::new();
    let resp = client
        .get(format!("{base}/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "{}", server.logs());
    let me: Value = resp.json().await.unwrap();
    assert_eq!(me["email"], "operator@example.com");
    assert_eq!(
        client
            .get(format!("{base}/readyz"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );

    // Exercise the paths that handle secrets, so the log check below means something.
    let resp = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": email, "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let session = resp
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("spotter_session=")
        .to_owned();
    let wrong = "wrong-password-zzz";
    let resp = client
        .post(format!("{base}/api/v1/auth/login"))
        .json(&json!({"email": email, "password": wrong}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let resp = client
        .post(format!("{base}/api/v1/tokens"))
        .header("cookie", format!("spotter_session={session}"))
        .json(&json!({"name": "second"}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED);
    let second: Value = resp.json().await.unwrap();
    let second = second["token"].as_str().unwrap().to_owned();
    let resp = client
        .get(format!("{base}/api/v1/me"))
        .bearer_auth("spt_bogus_token_value")
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
    let resp = client.get(format!("{base}/login")).send().await.unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "pages render from the installed binary"
    );

    let graceful = server.stop();
    let logs = server.logs();
    assert!(graceful, "SIGTERM should stop the server cleanly:\n{logs}");
    assert!(logs.contains("Spotter is listening"), "{logs}");
    everything_printed.push_str(&logs);
    for secret in [
        token.as_str(),
        second.as_str(),
        session.as_str(),
        PASSWORD,
        wrong,
        "spt_bogus_token_value",
    ] {
        assert!(
            !everything_printed.contains(secret),
            "a secret ({secret}) was printed or logged:\n{everything_printed}"
        );
    }
    assert!(
        !everything_printed.contains("$argon2"),
        "a password hash was logged"
    );
}

#[tokio::test]
async fn serve_creates_the_database_and_survives_a_restart() {
    let dir = spotter::scratch::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("fresh.db").display());
    let mut server = serve(&db).await;
    let base = server.base_url();
    let client = reqwest::Client::new();
    let resp = client
        .post(format!("{base}/api/v1/auth/register"))
        .json(&json!({"email": "restart@example.com", "password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::CREATED, "{}", server.logs());
    let cookie = resp
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    assert!(server.stop(), "{}", server.logs());

    // Same database, new process: the generated secret key was stored, so sessions survive.
    let mut server = serve(&db).await;
    let resp = client
        .get(format!("{}/api/v1/me", server.base_url()))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(
        resp.status(),
        StatusCode::OK,
        "session lost across a restart:\n{}",
        server.logs()
    );
    assert!(server.stop());
}

/// Scripts capture the token with `TOKEN=$(spotter token create ...)`; diagnostics belong on
/// stderr so that this works whatever `RUST_LOG` says.
#[tokio::test]
async fn token_create_prints_only_the_token_on_stdout_even_with_logging_on() {
    let dir = spotter::scratch::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("log.db").display());
    let out = spotter(
        &db,
        &[
            "user",
            "add",
            "--email",
            "log@example.com",
            "--password-stdin",
        ],
        Some(&format!("{PASSWORD}\n")),
    );
    assert!(out.status.success(), "{}", describe(&out));
    let out = spotter(
        &db,
        &[
            "token",
            "create",
            "--email",
            "log@example.com",
            "--name",
            "ci",
        ],
        None,
    );
    assert!(out.status.success(), "{}", describe(&out));
    let stdout = text(&out.stdout);
    assert!(
        stdout.trim().starts_with("spt_") && stdout.trim().lines().count() == 1,
        "{}",
        describe(&out)
    );
}
