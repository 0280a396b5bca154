//! The SQL sandbox as the trainer uses it (`query_workouts`, charts, `POST /api/v1/query`):
//! the pure layers of `domain::sandbox` (allow-list, then the rewrite into the user's rows),
//! then the engine's own limits ([`sqlite`]: a read-only connection with an authorizer, caps
//! and a time limit; [`postgres`]: a read-only transaction as a role that can only SELECT the
//! allowed tables under row-level security, with a statement timeout). Nothing is written;
//! each query answers or is cut off within about a second.

pub mod postgres;
pub mod sqlite;

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::domain::sandbox::{self, Dialect, Prepared, ROW_LIMIT, Refusal};
use crate::server::db::{Db, Id};

/// How long a query may run.
pub const TIME_LIMIT: Duration = Duration::from_secs(1);

/// A query's answer, as the tool, the API and a chart read it.
#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct QueryResult {
    pub columns: Vec<String>,
    /// At most [`ROW_LIMIT`] rows, values as JSON (numbers, text, null).
    #[schema(value_type = Vec<Vec<Object>>)]
    pub rows: Vec<Vec<serde_json::Value>>,
    /// More rows matched than are shown.
    pub truncated: bool,
    pub execution_time_ms: u64,
}

/// Why a query gave no answer.
#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    /// Refused before it ran (layers 1 and 2).
    #[error("{0}")]
    Refused(#[from] Refusal),
    /// The engine refused it or cut it off (layer 3), in the engine's words.
    #[error("{0}")]
    Engine(String),
    #[error("the query ran longer than {} ms and was stopped; ask for less (filter by date, group the rows)", TIME_LIMIT.as_millis())]
    TimedOut,
    /// The database itself failed (not the query's fault).
    #[error(transparent)]
    Database(sqlx::Error),
}

/// The engine side of the sandbox for one database.
#[derive(Clone, Debug)]
pub enum Sandbox {
    Sqlite(sqlite::ReadOnly),
    Postgres(sqlx::PgPool),
}

impl Sandbox {
    pub fn new(db: &Db) -> Self {
        match db {
            Db::Sqlite(pool) => Sandbox::Sqlite(sqlite::ReadOnly::new(pool)),
            Db::Postgres(pool) => Sandbox::Postgres(pool.clone()),
        }
    }

    pub fn dialect(&self) -> Dialect {
        match self {
            Sandbox::Sqlite(_) => Dialect::Sqlite,
            Sandbox::Postgres(_) => Dialect::Postgres,
        }
    }

    /// Runs a trainer's query for `user`: all three layers.
    pub async fn query(&self, user: &Id, sql: &str) -> Result<QueryResult, SandboxError> {
        let prepared = sandbox::prepare(sql, self.dialect())?;
        self.run(user, &prepared).await
    }

    /// Layer 3 alone: runs SQL as given (tests hand it queries the other layers would refuse).
    pub async fn run(&self, user: &Id, prepared: &Prepared) -> Result<QueryResult, SandboxError> {
        let started = Instant::now();
        let (columns, mut rows) = match self {
            Sandbox::Sqlite(db) => db.run(user, &prepared.sql).await?,
            Sandbox::Postgres(pool) => postgres::run(pool, user, &prepared.sql).await?,
        };
        let limit = ROW_LIMIT as usize;
        let truncated = rows.len() > limit;
        rows.truncate(limit);
        Ok(QueryResult {
            columns,
            rows,
            truncated,
            execution_time_ms: u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX),
        })
    }
}
