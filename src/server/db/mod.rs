//! The database: one [`Db`] handle over SQLite or PostgreSQL, migrations, and one repository
//! module per aggregate. Repository SQL is written once with `$1..$N` placeholders (sqlx's
//! SQLite driver accepts them) and run on either engine through [`on_db!`]; only migrations
//! differ by dialect.

pub mod achievements;
pub mod aggregates;
pub mod aliases;
pub mod checkins;
pub mod conversations;
pub mod copy;
pub mod exercises;
pub mod export;
pub mod facts;
pub mod feedback;
pub mod goals;
pub mod id;
pub mod messages;
pub mod pending_imports;
pub mod plan;
pub mod records;
pub mod restore;
pub mod server_settings;
pub mod sessions;
mod sqlite_rebuild;
pub mod thread;
pub mod tokens;
pub mod training_history;
pub mod training_profile;
pub mod users;
pub mod visualizations;
pub mod workouts;

pub use id::Id;

use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::Duration;

/// A connection pool on one of the two supported engines.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Runs the same expression against whichever pool `db` holds; `$pool` names the typed pool
/// inside the expression, which is compiled once per engine.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::server::db::Db::Sqlite($pool) => $body,
            $crate::server::db::Db::Postgres($pool) => $body,
        }
    };
}
pub use on_db;

/// Begins a transaction that is going to write. On SQLite it takes the write lock up front
/// (`BEGIN IMMEDIATE`): a deferred transaction that reads first and writes later fails at
/// once with "database is locked" when another writer committed in between (the busy timeout
/// cannot help there), whereas waiting for the lock honours `busy_timeout`. PostgreSQL's
/// row locking needs nothing special.
pub trait BeginWrite {
    type Database: sqlx::Database;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, Self::Database>, sqlx::Error>,
    > + Send;
}

/// Inside [`on_db!`]: begins a write transaction that is the only one working on a user's
/// training log until it ends, so derived data (records pointing at sets) is never computed
/// from sets that another request is deleting. Evaluates to the transaction.
macro_rules! begin_user_write {
    ($db:expr, $pool:ident, $user_id:expr) => {{
        let mut tx = $crate::server::db::BeginWrite::begin_write($pool).await?;
        if let Some(sql) = $crate::server::db::user_lock_sql($db) {
            sqlx::query(sql).bind($user_id).execute(&mut *tx).await?;
        }
        tx
    }};
}
pub(crate) use begin_user_write;

/// The statement that makes a write transaction the only one working on a user's log, run
/// first in it: PostgreSQL locks the user's row; SQLite's `BEGIN IMMEDIATE` already admits one
/// writer at a time.
pub fn user_lock_sql(db: &Db) -> Option<&'static str> {
    match db {
        Db::Sqlite(_) => None,
        Db::Postgres(_) => Some("SELECT id FROM users WHERE id = $1 FOR UPDATE"),
    }
}

impl BeginWrite for sqlx::SqlitePool {
    type Database = sqlx::Sqlite;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, sqlx::Sqlite>, sqlx::Error>,
    > + Send {
        self.begin_with("BEGIN IMMEDIATE")
    }
}

impl BeginWrite for sqlx::PgPool {
    type Database = sqlx::Postgres;
    fn begin_write(
        &self,
    ) -> impl std::future::Future<
        Output = Result<sqlx::Transaction<'static, sqlx::Postgres>, sqlx::Error>,
    > + Send {
        self.begin()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported DATABASE_URL scheme (expected sqlite:// or postgres://)")]
    UnsupportedUrl,
    #[error("could not create the database directory {path}: {source}")]
    CreateDir {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
}

/// Whether a pooled connection may be handed out: not if it is still inside a transaction.
/// A transaction dropped on an error is rolled back as the connection goes back to the pool;
/// when that ROLLBACK fails too (the disk gave an I/O error, and SQLite had already rolled
/// back), sqlx still counts the transaction open, and every later `begin` on that connection
/// would fail. Such a connection is closed and a fresh one opened instead.
fn out_of_transaction(conn: &mut impl sqlx::Connection) -> bool {
    let clean = !conn.is_in_transaction();
    if !clean {
        tracing::warn!("a pooled connection was left inside a failed transaction; replaced");
    }
    clean
}

/// The engine behind a [`Db`], for the few places where dialects differ.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Db {
    /// Connects to `url`: `sqlite://path` (file created, parent directory too) or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db, DbError> {
        if url.starts_with("sqlite:") {
            let options = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .foreign_keys(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(Duration::from_secs(5))
                // REGEXP, for searches that fold case beyond ASCII (SQLite's LOWER does not).
                .with_regexp();
            let path = options.get_filename();
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| DbError::CreateDir {
                    path: dir.display().to_string(),
                    source,
                })?;
            }
            let pool = SqlitePoolOptions::new()
                .max_connections(8)
                .before_acquire(|conn, _| Box::pin(async move { Ok(out_of_transaction(conn)) }))
                .connect_with(options)
                .await?;
            Ok(Db::Sqlite(pool))
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let options = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                .acquire_timeout(Duration::from_secs(10))
                .before_acquire(|conn, _| Box::pin(async move { Ok(out_of_transaction(conn)) }))
                .connect_with(options)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(DbError::UnsupportedUrl)
        }
    }

    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    /// Applies the pending migrations of this engine's dialect.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self {
            Db::Sqlite(pool) => {
                sqlx::migrate!("migrations/sqlite").run(pool).await?;
                sqlite_rebuild::allow_fitnotes_source(pool).await?;
            }
            Db::Postgres(pool) => {
                sqlx::migrate!("migrations/postgres").run(pool).await?;
                if crate::server::sandbox::postgres::sandbox_may_set_config(pool).await? {
                    tracing::warn!(
                        "the SQL sandbox's role may call set_config: the migrations ran without \
                         superuser rights, so one of the sandbox's three layers is weaker; run \
                         `REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) \
                         FROM PUBLIC` as a superuser (then GRANT it back to the app's role)"
                    );
                }
            }
        }
        Ok(())
    }

    /// `SELECT 1`: the readiness probe.
    pub async fn ping(&self) -> Result<(), DbError> {
        on_db!(self, pool => sqlx::query("SELECT 1").execute(pool).await.map(|_| ()))?;
        Ok(())
    }

    pub async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }
}

/// The current time, truncated to microseconds: both engines store that precision, so a value
/// read back compares equal to the one written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

/// True when `err` is a unique-constraint violation (on either engine).
pub fn is_unique_violation(err: &sqlx::Error) -> bool {
    matches!(err, sqlx::Error::Database(db) if db.is_unique_violation())
}
