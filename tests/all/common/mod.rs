//! The integration-test harness: a real Spotter server on port 0 over a fresh database.
//!
//! - [`TestApp::start`] builds a fresh SQLite file (in a temp dir) or a fresh PostgreSQL
//!   database (on the cluster at `SPOTTER_TEST_POSTGRES_URL`), migrates it, and serves the whole
//!   app with `spotter::server::serve` on 127.0.0.1:0.
//! - [`both_engines!`] turns one async test body into a `#[tokio::test]` per engine
//!   (`name::sqlite`, `name::postgres`).
//! - Clients are reqwest clients that never follow redirects (tests look at the 303 itself);
//!   [`TestApp::client`] keeps cookies, like one browser.
//! - [`assert_error`] checks the one documented error shape.
//!
//! Without `SPOTTER_TEST_POSTGRES_URL` the PostgreSQL half of each test prints a loud SKIPPED
//! line and passes, unless `CI=true` or `SPOTTER_REQUIRE_POSTGRES=1`, where it fails.
#![allow(dead_code)]

pub mod fake_llm;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::Once;
use std::sync::atomic::{AtomicU64, Ordering};

use reqwest::{Client, Response, StatusCode};
use serde_json::{Value, json};
use spotter::scratch::TempDir;
use spotter::server::AppState;
use spotter::server::config::Config;
use spotter::server::db::Db;
use sqlx::Connection;

pub const POSTGRES_URL_VAR: &str = "SPOTTER_TEST_POSTGRES_URL";
/// A password every test user gets unless a test says otherwise.
pub const PASSWORD: &str = "correct horse battery";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

/// A request that takes this long is a hung server: fail the test instead of hanging CI.
pub const REQUEST_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(60);

/// Generates one `#[tokio::test]` per engine from one async body, inside a module named after
/// the test: `name::sqlite` and `name::postgres`. An optional leading
/// `#[config(VAR = "value", ...)]` overrides configuration variables for that test; other
/// attributes (such as `#[ignore = "BUG: ..."]`) apply to both generated tests.
/// `main.rs` declares `#[macro_use] mod common;` before the test files, so each can use it.
#[allow(unused_macros)]
macro_rules! both_engines {
    () => {};
    (
        #[config($($key:ident = $value:expr),* $(,)?)]
        $(#[$meta:meta])*
        async fn $name:ident($app:ident : TestApp, $llm:ident : FakeLlm) $body:block
        $($rest:tt)*
    ) => {
        both_engines!(@llm [$((stringify!($key), $value)),*] $(#[$meta])* $name $app $llm $body);
        both_engines!($($rest)*);
    };
    (
        $(#[$meta:meta])*
        async fn $name:ident($app:ident : TestApp, $llm:ident : FakeLlm) $body:block
        $($rest:tt)*
    ) => {
        both_engines!(@llm [] $(#[$meta])* $name $app $llm $body);
        both_engines!($($rest)*);
    };
    (
        #[config($($key:ident = $value:expr),* $(,)?)]
        $(#[$meta:meta])*
        async fn $name:ident($app:ident : TestApp) $body:block
        $($rest:tt)*
    ) => {
        both_engines!(@emit [$((stringify!($key), $value)),*] $(#[$meta])* $name $app $body);
        both_engines!($($rest)*);
    };
    (
        $(#[$meta:meta])*
        async fn $name:ident($app:ident : TestApp) $body:block
        $($rest:tt)*
    ) => {
        both_engines!(@emit [] $(#[$meta])* $name $app $body);
        both_engines!($($rest)*);
    };
    // The app talks to a fake model server started for the test (`LLM_BASE_URL`).
    (@llm [$($kv:expr),*] $(#[$meta:meta])* $name:ident $app:ident $llm:ident $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($app: $crate::common::TestApp, $llm: $crate::common::fake_llm::FakeLlm) $body

            const CONFIG: &[(&str, &str)] = &[$($kv),*];

            async fn start(engine: $crate::common::Engine) {
                let llm = $crate::common::fake_llm::FakeLlm::start().await;
                let mut vars: Vec<(&str, &str)> = CONFIG.to_vec();
                vars.push(("LLM_BASE_URL", &llm.base_url));
                let app = $crate::common::TestApp::start_with(engine, &vars).await;
                drop(vars);
                if let Some(app) = app {
                    run(app, llm).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            $(#[$meta])*
            async fn sqlite() {
                start($crate::common::Engine::Sqlite).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            $(#[$meta])*
            async fn postgres() {
                start($crate::common::Engine::Postgres).await;
            }
        }
    };
    (@emit [$($kv:expr),*] $(#[$meta:meta])* $name:ident $app:ident $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($app: $crate::common::TestApp) $body

            const CONFIG: &[(&str, &str)] = &[$($kv),*];

            // Multi-threaded like the real server (`#[tokio::main]`), so the app never shares
            // one thread with the test driving it.
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            $(#[$meta])*
            async fn sqlite() {
                if let Some(app) =
                    $crate::common::TestApp::start_with($crate::common::Engine::Sqlite, CONFIG).await
                {
                    run(app).await;
                }
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            $(#[$meta])*
            async fn postgres() {
                if let Some(app) =
                    $crate::common::TestApp::start_with($crate::common::Engine::Postgres, CONFIG).await
                {
                    run(app).await;
                }
            }
        }
    };
}

/// Logs from the server under test, when `RUST_LOG` is set (debugging aid).
fn init_tracing() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        if std::env::var_os("RUST_LOG").is_some() {
            let _ = tracing_subscriber::fmt()
                .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
                .with_test_writer()
                .try_init();
        }
    });
}

/// Whether a test that needs PostgreSQL (or another service the test scripts start) must fail
/// without it rather than say SKIPPED: `CI=true` or `SPOTTER_REQUIRE_POSTGRES=1`.
pub fn services_required() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
        || std::env::var("SPOTTER_REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

/// `VALUE` of the line `export NAME=VALUE` a script printed for `eval` (scripts/pg.sh,
/// scripts/scale-demo.sh).
pub fn exported(exports: &str, name: &str) -> String {
    exports
        .lines()
        .find_map(|l| l.strip_prefix(&format!("export {name}=")))
        .unwrap_or_else(|| panic!("{name} in {exports}"))
        .to_owned()
}

/// The admin URL of the test PostgreSQL cluster, `None` to skip (when allowed).
pub fn postgres_admin_url(test: &str) -> Option<String> {
    match std::env::var(POSTGRES_URL_VAR) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            if services_required() {
                panic!(
                    "{test}: PostgreSQL is required (CI=true or SPOTTER_REQUIRE_POSTGRES=1) but \
                     {POSTGRES_URL_VAR} is not set. Start a cluster with \
                     `eval \"$(scripts/pg.sh start)\"`."
                );
            }
            eprintln!("SKIPPED (no PostgreSQL): {test}");
            // Once per test binary, past libtest's output capture, so nobody misses it.
            static LOUD: Once = Once::new();
            LOUD.call_once(|| {
                use std::io::Write as _;
                let _ = writeln!(
                    std::io::stderr(),
                    "\n*** SKIPPED (no PostgreSQL): the PostgreSQL half of these tests did not run. \
                     Set {POSTGRES_URL_VAR} (eval \"$(scripts/pg.sh start)\") to run it. ***\n"
                );
            });
            None
        }
    }
}

/// A unique suffix for names (databases, emails) within and across test processes.
pub fn unique() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    format!(
        "{:08x}{:04x}",
        rand::random::<u32>(),
        COUNTER.fetch_add(1, Ordering::Relaxed) & 0xffff
    )
}

/// A fresh, migrated database on one engine; dropping it removes it.
pub struct TestDb {
    pub db: Db,
    pub url: String,
    _dir: Option<TempDir>,
    pg: Option<PgDatabase>,
}

/// A PostgreSQL database created for one test, dropped (WITH FORCE) when the test ends.
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let admin_url = self.admin_url.clone();
        let sql = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name);
        // A test's runtime may be shutting down: drop from a thread with its own runtime.
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async {
                if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                    let _ = sqlx::query(&sql).execute(&mut conn).await;
                    let _ = conn.close().await;
                }
            });
        })
        .join();
    }
}

/// `postgres://host/db?x` with its database name replaced.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_part = match base[scheme_end..].find('/') {
        Some(i) => &base[..scheme_end + i],
        None => base,
    };
    match query {
        Some(q) => format!("{host_part}/{name}?{q}"),
        None => format!("{host_part}/{name}"),
    }
}

impl TestDb {
    /// `None` when the engine is PostgreSQL and no cluster is configured (and that is allowed).
    pub async fn create(engine: Engine, test: &str) -> Option<TestDb> {
        let (url, dir, pg) = match engine {
            Engine::Sqlite => {
                let dir = spotter::scratch::tempdir().expect("temp dir");
                let url = format!("sqlite://{}", dir.path().join("spotter.db").display());
                (url, Some(dir), None)
            }
            Engine::Postgres => {
                let admin_url = postgres_admin_url(test)?;
                let name = format!("t_{}", unique());
                let mut conn = sqlx::PgConnection::connect(&admin_url)
                    .await
                    .unwrap_or_else(|e| panic!("cannot connect to {POSTGRES_URL_VAR}: {e}"));
                sqlx::query(&format!("CREATE DATABASE \"{name}\""))
                    .execute(&mut conn)
                    .await
                    .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e}"));
                let _ = conn.close().await;
                let url = with_database(&admin_url, &name);
                (url, None, Some(PgDatabase { admin_url, name }))
            }
        };
        let db = Db::connect(&url)
            .await
            .unwrap_or_else(|e| panic!("connect {engine:?}: {e}"));
        db.migrate()
            .await
            .unwrap_or_else(|e| panic!("migrate {engine:?}: {e}"));
        Some(TestDb {
            db,
            url,
            _dir: dir,
            pg,
        })
    }
}

/// A running server over a fresh database.
pub struct TestApp {
    pub engine: Engine,
    pub base_url: String,
    pub addr: SocketAddr,
    pub state: AppState,
    server: Server,
    // Declared last: the database outlives the server that uses it.
    test_db: TestDb,
}

/// One server (an instance) on a port of its own, stopped when dropped.
pub struct Server {
    pub base_url: String,
    pub addr: SocketAddr,
    pub state: AppState,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    server: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(server) = self.server.take() {
            server.abort();
        }
    }
}

impl Server {
    async fn start(db: Db, url: &str, vars: &[(&str, &str)]) -> Server {
        let mut env: HashMap<String, String> = HashMap::new();
        env.insert("DATABASE_URL".into(), url.to_owned());
        // Each test registers many users from 127.0.0.1; throttling has its own tests.
        env.insert("SPOTTER_LOGIN_LIMIT".into(), "1000".into());
        for (k, v) in vars {
            env.insert((*k).to_owned(), (*v).to_owned());
        }
        let config = Config::from_lookup(|k| env.get(k).cloned()).expect("test config");
        let leptos = leptos::config::LeptosOptions::builder()
            .output_name("spotter")
            .site_root("target/site")
            .build();
        let state = AppState::new(config, db, leptos).await.expect("app state");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let server = tokio::spawn(spotter::server::serve(listener, state.clone(), async {
            let _ = rx.await;
        }));
        Server {
            base_url: format!("http://{addr}"),
            addr,
            state,
            shutdown: Some(tx),
            server: Some(server),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }
}

impl TestApp {
    /// Starts with the default test configuration.
    pub async fn start(engine: Engine) -> Option<TestApp> {
        Self::start_with(engine, &[]).await
    }

    /// Starts with configuration variables overridden (e.g. `SPOTTER_LOGIN_LIMIT`).
    pub async fn start_with(engine: Engine, vars: &[(&str, &str)]) -> Option<TestApp> {
        init_tracing();
        let test = std::thread::current()
            .name()
            .unwrap_or("unnamed test")
            .to_owned();
        let test_db = TestDb::create(engine, &test).await?;
        let server = Server::start(test_db.db.clone(), &test_db.url, vars).await;
        Some(TestApp {
            engine,
            base_url: server.base_url.clone(),
            addr: server.addr,
            state: server.state.clone(),
            server,
            test_db,
        })
    }

    /// A second server over the same database, as another instance behind a load balancer
    /// would be (its own pool, state and replies; the offline coach unless `vars` say).
    pub async fn another_instance(&self, vars: &[(&str, &str)]) -> Server {
        let db = Db::connect(&self.test_db.url)
            .await
            .expect("a second pool on the test database");
        Server::start(db, &self.test_db.url, vars).await
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Our own origin, as a browser would send it in `Origin`.
    pub fn origin(&self) -> String {
        self.base_url.clone()
    }

    /// A browser-like client: keeps cookies, never follows redirects.
    pub fn client(&self) -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("client")
    }

    /// A client without cookies (scripts, bearer tokens, replaying a cookie by hand).
    pub fn bare_client(&self) -> Client {
        Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(REQUEST_TIMEOUT)
            .build()
            .expect("client")
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    /// The `DATABASE_URL` of this app's database.
    pub fn database_url(&self) -> &str {
        &self.test_db.url
    }

    /// `POST /api/v1/auth/register`; asserts 201 and returns the body.
    pub async fn register(&self, client: &Client, email: &str, password: &str) -> Value {
        let resp = client
            .post(self.url("/api/v1/auth/register"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("register request");
        let status = resp.status();
        let body: Value = resp.json().await.expect("register body");
        assert_eq!(status, StatusCode::CREATED, "register {email}: {body}");
        body
    }

    /// `POST /api/v1/auth/login` as sent; the caller checks the response.
    pub async fn login(&self, client: &Client, email: &str, password: &str) -> Response {
        client
            .post(self.url("/api/v1/auth/login"))
            .json(&json!({ "email": email, "password": password }))
            .send()
            .await
            .expect("login request")
    }

    /// A new signed-in user with its own cookie jar and a unique email.
    pub async fn user(&self, name: &str) -> TestUser {
        let client = self.client();
        let email = format!("{name}-{}@example.com", unique());
        let body = self.register(&client, &email, PASSWORD).await;
        TestUser {
            id: body["id"].as_str().expect("id").to_owned(),
            email,
            password: PASSWORD.to_owned(),
            client,
        }
    }

    /// `POST /api/v1/tokens` for `user`; returns the secret and the token id.
    pub async fn token(&self, user: &TestUser, name: &str) -> (String, String) {
        let resp = user
            .client
            .post(self.url("/api/v1/tokens"))
            .json(&json!({ "name": name }))
            .send()
            .await
            .expect("token request");
        let status = resp.status();
        let body: Value = resp.json().await.expect("token body");
        assert_eq!(status, StatusCode::CREATED, "create token: {body}");
        (
            body["token"].as_str().expect("token").to_owned(),
            body["id"].as_str().expect("token id").to_owned(),
        )
    }

    /// `POST /api/v1/conversations` with a title; returns the created conversation.
    pub async fn conversation(&self, user: &TestUser, title: &str) -> Value {
        let resp = user
            .client
            .post(self.url("/api/v1/conversations"))
            .json(&json!({ "title": title }))
            .send()
            .await
            .expect("conversation request");
        let status = resp.status();
        let body: Value = resp.json().await.expect("conversation body");
        assert_eq!(status, StatusCode::CREATED, "create conversation: {body}");
        body
    }

    /// `GET path` with this client; asserts 200 JSON and returns it.
    pub async fn get_json(&self, client: &Client, path: &str) -> Value {
        let resp = client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request");
        let status = resp.status();
        let text = resp.text().await.expect("GET body");
        assert_eq!(status, StatusCode::OK, "GET {path}: {text}");
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {text}"))
    }

    /// `GET path` as HTML: status and body.
    pub async fn get_html(&self, client: &Client, path: &str) -> (StatusCode, String) {
        let resp = client.get(self.url(path)).send().await.expect("GET page");
        let status = resp.status();
        (status, resp.text().await.expect("page body"))
    }

    /// `POST /api/v1/chat {content}` as `client` (a new conversation); asserts 201 and
    /// returns the exchange (`user_message`, `reply`).
    pub async fn chat(&self, client: &Client, content: &str) -> Value {
        let resp = client
            .post(self.url("/api/v1/chat"))
            .json(&json!({ "content": content }))
            .send()
            .await
            .expect("chat request");
        assert_eq!(resp.status(), StatusCode::CREATED, "chat {content:?}");
        resp.json().await.expect("chat body")
    }

    /// `POST /api/v1/workouts` with `body`, which must answer 201: the stored workout.
    pub async fn log_workout(&self, client: &Client, body: Value) -> Value {
        let resp = client
            .post(self.url("/api/v1/workouts"))
            .json(&body)
            .send()
            .await
            .expect("log request");
        let status = resp.status();
        let body: Value = resp.json().await.expect("logged body");
        assert_eq!(status, StatusCode::CREATED, "{body}");
        body
    }

    /// The stored messages of a conversation (its newest page), oldest first.
    pub async fn messages(&self, client: &Client, conversation: &str) -> Vec<Value> {
        self.get_json(
            client,
            &format!("/api/v1/conversations/{conversation}/messages"),
        )
        .await["items"]
            .as_array()
            .expect("messages")
            .clone()
    }

    /// A same-origin HTML form post (`application/x-www-form-urlencoded`).
    pub async fn post_form(&self, client: &Client, path: &str, form: &[(&str, &str)]) -> Response {
        client
            .post(self.url(path))
            .header("origin", self.origin())
            .form(form)
            .send()
            .await
            .expect("form post")
    }

    /// Rows in `table` whose `user_id` is `user_id` (queried directly in the database).
    pub async fn count_rows(&self, table: &str, user_id: &str) -> i64 {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE user_id = $1");
        match self.db() {
            Db::Sqlite(pool) => sqlx::query_scalar(&sql)
                .bind(user_id)
                .fetch_one(pool)
                .await
                .expect("count"),
            Db::Postgres(pool) => sqlx::query_scalar(&sql)
                .bind(user_id)
                .fetch_one(pool)
                .await
                .expect("count"),
        }
    }

    pub async fn count_users_with_email(&self, email: &str) -> i64 {
        let sql = "SELECT COUNT(*) FROM users WHERE email = $1";
        match self.db() {
            Db::Sqlite(pool) => sqlx::query_scalar(sql)
                .bind(email)
                .fetch_one(pool)
                .await
                .expect("count"),
            Db::Postgres(pool) => sqlx::query_scalar(sql)
                .bind(email)
                .fetch_one(pool)
                .await
                .expect("count"),
        }
    }

    pub async fn count_all_users(&self) -> i64 {
        let sql = "SELECT COUNT(*) FROM users";
        match self.db() {
            Db::Sqlite(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(sql).fetch_one(pool).await,
        }
        .expect("count")
    }
}

/// A registered, signed-in user and its browser (cookie jar).
pub struct TestUser {
    pub id: String,
    pub email: String,
    pub password: String,
    pub client: Client,
}

mod asserts;
pub use asserts::*;
