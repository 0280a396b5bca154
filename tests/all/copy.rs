//! `spotter copy`, the real binary, as an operator moves an instance: SQLite → PostgreSQL →
//! SQLite. Each copy has every table's row count equal to the source's, the same account
//! export (ids, times, JSON and all) and statistics (rebuilt from the copied log), and a server
//! over the copy lets the user sign in with their password and their API token. A target that holds data is refused, unchanged.

use std::collections::BTreeMap;

use crate::cli::{describe, serve, spotter, text};
use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use spotter::server::db::Db;
use spotter::server::db::copy::TABLES;

async fn counts(db: &Db) -> BTreeMap<&'static str, i64> {
    let mut out = BTreeMap::new();
    for t in TABLES {
        let sql = format!("SELECT COUNT(*) FROM {}", t.name);
        let n: i64 = match db {
            Db::Sqlite(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await,
            Db::Postgres(pool) => sqlx::query_scalar(&sql).fetch_one(pool).await,
        }
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
        out.insert(t.name, n);
    }
    out
}

/// Signs in on `base_url` with the password, then reads the export; and checks the token.
async fn sign_in_and_export(base_url: &str, user: &TestUser, token: &str) -> Value {
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .unwrap();
    let resp = client
        .post(format!("{base_url}/api/v1/auth/login"))
        .json(&json!({"email": user.email, "password": user.password}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "login on the copy");
    let resp = reqwest::Client::new()
        .get(format!("{base_url}/api/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK, "the API token on the copy");
    let get = |path: &str| {
        let req = client.get(format!("{base_url}{path}"));
        async { req.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    let mut export = get("/api/v1/me/export").await;
    export.as_object_mut().unwrap().remove("exported_at");
    // The aggregates are not copied: the copy rebuilds them on this first read.
    let stats = get("/api/v1/stats?period=all").await;
    assert!(stats["workouts"].as_u64().unwrap() > 0, "{stats}");
    export["stats"] = stats;
    export
}

fn copy(from: &str, to: &str) -> std::process::Output {
    // DATABASE_URL is not what copy reads: point it somewhere harmless.
    spotter(
        "sqlite::memory:",
        &["copy", "--from", from, "--to", to],
        None,
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn copy_moves_an_instance_to_postgres_and_back() {
    let Some(postgres) = TestDb::create(Engine::Postgres, "copy_moves_an_instance").await else {
        return;
    };
    let app = TestApp::start(Engine::Sqlite).await.unwrap();
    let user = crate::restore::filled_account(&app).await;
    for kg in [80, 85] {
        app.log_workout(&user.client, json!({"exercises": [{"exercise": "bench press", "sets": [{"reps": 5, "weight_kg": kg}]}]})).await;
    }
    app.chat(
        &user.client,
        "how did my bench press progress over the last 3 months?",
    )
    .await;
    let (token, _) = app.token(&user, "copied").await;
    let other = app.user("bystander").await;
    app.log_workout(
        &other.client,
        json!({"exercises": [{"exercise": "deadlift", "sets": [{"reps": 3, "weight_kg": 140}]}]}),
    )
    .await;
    let original = sign_in_and_export(&app.base_url, &user, &token).await;
    let before = counts(app.db()).await;
    for table in [
        "users",
        "sessions",
        "api_tokens",
        "conversations",
        "chat_messages",
        "message_visualizations",
        "exercises",
        "workout_sessions",
        "exercise_sets",
        "personal_records",
        "achievements",
        "goals",
        "plan_items",
        "exercise_aliases",
        "server_settings",
    ] {
        assert!(before[table] > 0, "the source has {table}: {before:?}");
    }

    // SQLite → PostgreSQL.
    let out = copy(app.database_url(), &postgres.url);
    assert!(out.status.success(), "{}", describe(&out));
    assert!(
        text(&out.stdout).contains("counts verified"),
        "{}",
        describe(&out)
    );
    assert!(
        text(&out.stdout).contains(&format!("exercise_sets: {} rows", before["exercise_sets"])),
        "{}",
        describe(&out)
    );
    assert_eq!(counts(&postgres.db).await, before);
    {
        let server = serve(&postgres.url).await;
        assert_eq!(
            sign_in_and_export(&server.base_url(), &user, &token).await,
            original
        );
    }

    // Into a target that holds data: refused, nothing changed.
    let out = copy(app.database_url(), &postgres.url);
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("already holds data"),
        "{}",
        describe(&out)
    );
    let after_login = counts(&postgres.db).await;
    assert_eq!(after_login["users"], before["users"]);
    assert_eq!(after_login["exercise_sets"], before["exercise_sets"]);

    // PostgreSQL → a new SQLite file.
    let dir = spotter::scratch::tempdir().unwrap();
    let back = format!("sqlite://{}", dir.path().join("back/spotter.db").display());
    let out = copy(&postgres.url, &back);
    assert!(out.status.success(), "{}", describe(&out));
    let back_db = Db::connect(&back).await.unwrap();
    assert_eq!(counts(&back_db).await, after_login);
    let server = serve(&back).await;
    assert_eq!(
        sign_in_and_export(&server.base_url(), &user, &token).await,
        original
    );
}

/// `spotter import` restores a Spotter export from the command line, told by the file.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_command_line_restores_an_export() {
    let app = TestApp::start(Engine::Sqlite).await.unwrap();
    let user = crate::restore::filled_account(&app).await;
    let export = app.get_json(&user.client, "/api/v1/me/export").await;
    let dir = spotter::scratch::tempdir().unwrap();
    let file = dir.path().join("spotter-export.json");
    std::fs::write(&file, export.to_string()).unwrap();
    let db = format!("sqlite://{}", dir.path().join("restored.db").display());
    let out = spotter(
        &db,
        &[
            "user",
            "add",
            "--email",
            "me@example.com",
            "--password-stdin",
        ],
        Some("a long password\n"),
    );
    assert!(out.status.success(), "{}", describe(&out));
    let args = [
        "import",
        "--email",
        "me@example.com",
        file.to_str().unwrap(),
    ];
    let out = spotter(&db, &args, None);
    assert!(out.status.success(), "{}", describe(&out));
    let said = text(&out.stdout);
    assert!(said.contains("imported 5 workouts, 12 sets"), "{said}");
    assert!(said.contains("3 goals, 2 plan items"), "{said}");
    let out = spotter(&db, &args, None);
    assert!(
        text(&out.stdout).contains("imported 0 workouts, 0 sets"),
        "{}",
        describe(&out)
    );
}
