//! Layer 3 on SQLite: the trainer's queries run on their own small pool of read-only
//! connections (`SQLITE_OPEN_READONLY`) to the same file. Each connection gets an authorizer
//! that allows reading the sandbox's tables and calling its functions and denies everything
//! else (writes, PRAGMA, ATTACH, other tables, recursion), and `sqlite3_limit` caps (string
//! length, columns, expression depth, compound selects, no attached databases). A progress
//! handler interrupts a query after [`super::TIME_LIMIT`].

use std::ffi::{CStr, c_char, c_int, c_void};
use std::time::Instant;

use libsqlite3_sys as ffi;
use sqlx::sqlite::{SqliteConnection, SqlitePool, SqlitePoolOptions, SqliteRow};
use sqlx::{Column, Executor, Row, TypeInfo, ValueRef};

use super::{SandboxError, TIME_LIMIT};
use crate::domain::sandbox::schema;
use crate::server::db::Id;

/// The read-only pool (connections are opened when first needed).
#[derive(Clone, Debug)]
pub struct ReadOnly(SqlitePool);

/// Longest text or blob a query may build (bytes).
const MAX_LENGTH: c_int = 1_000_000;

impl ReadOnly {
    pub fn new(pool: &SqlitePool) -> Self {
        let options = pool.connect_options().as_ref().clone().read_only(true);
        let pool = SqlitePoolOptions::new()
            .max_connections(2)
            .after_connect(|conn, _| Box::pin(async move { lock_down(conn).await }))
            .connect_lazy_with(options);
        ReadOnly(pool)
    }

    pub(super) async fn run(
        &self,
        user: &Id,
        sql: &str,
    ) -> Result<(Vec<String>, Vec<Vec<serde_json::Value>>), SandboxError> {
        let mut conn = self.0.acquire().await.map_err(SandboxError::Database)?;
        let deadline = Instant::now() + TIME_LIMIT;
        conn.lock_handle()
            .await
            .map_err(SandboxError::Database)?
            .set_progress_handler(1_000, move || Instant::now() < deadline);
        let result = fetch(&mut conn, user, sql).await;
        if let Ok(mut handle) = conn.lock_handle().await {
            handle.remove_progress_handler();
        }
        result.map_err(|e| engine_error(e, deadline))
    }
}

async fn fetch(
    conn: &mut SqliteConnection,
    user: &Id,
    sql: &str,
) -> Result<(Vec<String>, Vec<Vec<serde_json::Value>>), sqlx::Error> {
    let rows: Vec<SqliteRow> = sqlx::query(sql)
        .bind(user)
        .persistent(false)
        .fetch_all(&mut *conn)
        .await?;
    let columns = match rows.first() {
        Some(row) => row.columns().iter().map(|c| c.name().to_owned()).collect(),
        None => conn
            .describe(sql)
            .await?
            .columns()
            .iter()
            .map(|c| c.name().to_owned())
            .collect(),
    };
    let rows = rows.iter().map(values).collect();
    Ok((columns, rows))
}

/// A row's values as JSON, by the type SQLite gave each one.
fn values(row: &SqliteRow) -> Vec<serde_json::Value> {
    (0..row.len())
        .map(|i| {
            let Ok(raw) = row.try_get_raw(i) else {
                return serde_json::Value::Null;
            };
            if raw.is_null() {
                return serde_json::Value::Null;
            }
            match raw.type_info().name() {
                "INTEGER" => row.try_get::<i64, _>(i).map(Into::into).unwrap_or_default(),
                "REAL" => row
                    .try_get::<f64, _>(i)
                    .ok()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(serde_json::Value::Null, serde_json::Value::Number),
                "BLOB" => row
                    .try_get::<Vec<u8>, _>(i)
                    .map(|b| format!("({} bytes)", b.len()).into())
                    .unwrap_or_default(),
                _ => row
                    .try_get::<String, _>(i)
                    .map(Into::into)
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn engine_error(e: sqlx::Error, deadline: Instant) -> SandboxError {
    match e {
        sqlx::Error::Database(db) => {
            let message = db.message().to_owned();
            if message.contains("interrupted") && Instant::now() >= deadline {
                SandboxError::TimedOut
            } else {
                SandboxError::Engine(message)
            }
        }
        other => SandboxError::Database(other),
    }
}

/// Installs the authorizer and the caps on a new read-only connection.
async fn lock_down(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut handle = conn.lock_handle().await?;
    let db = handle.as_raw_handle().as_ptr();
    // SAFETY: `db` is the live handle of this connection, held locked by `handle` while the
    // calls run; the authorizer is a plain function with no user data.
    unsafe {
        for (limit, value) in [
            (ffi::SQLITE_LIMIT_LENGTH, MAX_LENGTH),
            (ffi::SQLITE_LIMIT_SQL_LENGTH, 100_000),
            (ffi::SQLITE_LIMIT_COLUMN, 100),
            (ffi::SQLITE_LIMIT_EXPR_DEPTH, 100),
            (ffi::SQLITE_LIMIT_COMPOUND_SELECT, 20),
            (ffi::SQLITE_LIMIT_FUNCTION_ARG, 8),
            (ffi::SQLITE_LIMIT_ATTACHED, 0),
            (ffi::SQLITE_LIMIT_LIKE_PATTERN_LENGTH, 200),
            (ffi::SQLITE_LIMIT_VARIABLE_NUMBER, 1),
            (ffi::SQLITE_LIMIT_TRIGGER_DEPTH, 1),
        ] {
            ffi::sqlite3_limit(db, limit, value);
        }
        let rc = ffi::sqlite3_set_authorizer(db, Some(authorize), std::ptr::null_mut());
        if rc != ffi::SQLITE_OK {
            return Err(sqlx::Error::Protocol(format!(
                "sqlite3_set_authorizer: {rc}"
            )));
        }
    }
    drop(handle);
    // Checked, not assumed: the connection must refuse to write.
    match conn.execute("CREATE TABLE sandbox_probe (x)").await {
        Err(_) => Ok(()),
        Ok(_) => Err(sqlx::Error::Protocol(
            "the sandbox connection can write".into(),
        )),
    }
}

/// SQLite's authorizer callback: reading the sandbox's tables, SELECT and the allowed
/// functions pass; anything else is denied (the statement fails to prepare).
unsafe extern "C" fn authorize(
    _user_data: *mut c_void,
    action: c_int,
    arg1: *const c_char,
    arg2: *const c_char,
    _database: *const c_char,
    _trigger: *const c_char,
) -> c_int {
    // SAFETY: SQLite passes NUL-terminated strings or null.
    let text = |p: *const c_char| {
        (!p.is_null())
            .then(|| unsafe { CStr::from_ptr(p) }.to_str().ok())
            .flatten()
    };
    let allowed = match action {
        ffi::SQLITE_SELECT => true,
        ffi::SQLITE_READ => text(arg1).is_some_and(|t| schema::table(t).is_some()),
        ffi::SQLITE_FUNCTION => {
            text(arg2).is_some_and(|f| schema::FUNCTIONS.contains(&f.to_lowercase().as_str()))
        }
        _ => false,
    };
    if allowed {
        ffi::SQLITE_OK
    } else {
        ffi::SQLITE_DENY
    }
}
