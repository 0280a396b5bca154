//! `spotter copy`: a whole instance (accounts, sessions, tokens, conversations and messages,
//! charts, the training log, goals, plan, settings) from one database into another, either
//! engine to either engine: the way to move from SQLite to PostgreSQL when an instance
//! outgrows a file, or back.
//!
//! - Both databases are migrated first, so they have the same tables and columns.
//! - The target must hold no data: only the exercise catalog and server settings that a
//!   started server writes may be there, and they are replaced by the source's (sets point at
//!   the source's catalog ids; the session secret keeps everyone signed in).
//! - The source is read in one snapshot (a read transaction), table by table in [`TABLES`]'
//!   order (parents before children), [`BATCH_ROWS`] rows at a time by primary key, and
//!   written into the target in one transaction with multi-row INSERTs. `chat_messages`
//!   points at itself (`parent_id`): those links are set once all its rows are in.
//! - Every table's row count is compared before the commit: any difference rolls back.
//! - The aggregates of each user's log ([`DERIVED`]) are not copied: they are rebuilt from
//!   the copied log on the first read.
//!
//! Values are carried typed: a column's type comes from the PostgreSQL side (SQLite keeps
//! timestamps, dates and JSON as text, PostgreSQL needs them typed, even as NULL); between two
//! SQLite files the declared types are enough.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{Connection, Row};

use super::{Db, DbError};

/// One table to copy: its primary key (batches are read in its order) and, if any, a column
/// that points at the same table.
pub struct Table {
    pub name: &'static str,
    pub key: &'static str,
    pub self_ref: Option<&'static str>,
}

const fn table(name: &'static str) -> Table {
    Table {
        name,
        key: "id",
        self_ref: None,
    }
}

/// Every table of the schema, parents before children. A table missing here makes `copy`
/// refuse to run (see [`copy`]), so a new migration cannot be silently left behind.
pub const TABLES: &[Table] = &[
    table("users"),
    Table {
        name: "server_settings",
        key: "key",
        self_ref: None,
    },
    table("sessions"),
    table("api_tokens"),
    table("conversations"),
    Table {
        name: "chat_messages",
        key: "id",
        self_ref: Some("parent_id"),
    },
    table("message_visualizations"),
    table("message_feedback"),
    table("user_facts"),
    table("exercises"),
    table("exercise_aliases"),
    table("workout_sessions"),
    table("exercise_sets"),
    table("personal_records"),
    table("achievements"),
    table("goals"),
    table("plan_items"),
    table("pending_imports"),
    table("weekly_checkins"),
];

/// Derived tables, left empty in the target: the first read of each user's statistics
/// rebuilds them from the copied log (`services::stats::lifetime`), as `spotter recompute`
/// does.
pub const DERIVED: &[&str] = &[
    "training_days",
    "training_months",
    "exercise_months",
    "exercise_totals",
    "training_totals",
];

/// Rows read and written per statement (fewer for wide tables: at most [`MAX_BINDS`] values).
pub const BATCH_ROWS: usize = 500;
const MAX_BINDS: usize = 30_000;

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error(
        "the target already holds data ({rows} rows in {table}); copy only into an empty database"
    )]
    TargetNotEmpty { table: String, rows: i64 },
    #[error("source and target are the same database")]
    SameDatabase,
    #[error("the schema has tables copy does not know ({0}); this build of spotter cannot copy it")]
    UnknownTables(String),
    #[error("{table}.{column}: {problem}")]
    Column {
        table: String,
        column: String,
        problem: String,
    },
    #[error(
        "{table}: {source_rows} rows in the source but {target_rows} in the target; nothing was copied"
    )]
    CountMismatch {
        table: String,
        source_rows: i64,
        target_rows: i64,
    },
    #[error(transparent)]
    Db(#[from] DbError),
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
}

/// How many rows each table holds in the target after the copy, in [`TABLES`] order.
pub type Copied = Vec<(&'static str, i64)>;

/// What a column holds, as both engines must bind it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Bool,
    Text,
    Time,
    Date,
    Json,
    Bytes,
}

impl Kind {
    fn of_postgres(data_type: &str) -> Option<Kind> {
        Some(match data_type {
            "bigint" | "integer" | "smallint" => Kind::Int,
            "double precision" | "real" => Kind::Float,
            "boolean" => Kind::Bool,
            "text" | "character varying" => Kind::Text,
            "timestamp with time zone" => Kind::Time,
            "date" => Kind::Date,
            "jsonb" | "json" => Kind::Json,
            "bytea" => Kind::Bytes,
            _ => return None,
        })
    }

    /// Between two SQLite files: what SQLite stores (timestamps, dates and JSON stay text).
    fn of_sqlite(declared: &str) -> Kind {
        match declared.to_ascii_uppercase().as_str() {
            "INTEGER" | "BIGINT" => Kind::Int,
            "REAL" | "DOUBLE PRECISION" => Kind::Float,
            "BOOLEAN" => Kind::Bool,
            "BLOB" => Kind::Bytes,
            _ => Kind::Text,
        }
    }
}

/// One value, typed even when NULL (PostgreSQL refuses a text NULL for a timestamp column).
#[derive(Clone, Debug, PartialEq)]
enum Value {
    Int(Option<i64>),
    Float(Option<f64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Time(Option<DateTime<Utc>>),
    Date(Option<NaiveDate>),
    Json(Option<serde_json::Value>),
    Bytes(Option<Vec<u8>>),
}

impl Value {
    fn null(kind: Kind) -> Value {
        match kind {
            Kind::Int => Value::Int(None),
            Kind::Float => Value::Float(None),
            Kind::Bool => Value::Bool(None),
            Kind::Text => Value::Text(None),
            Kind::Time => Value::Time(None),
            Kind::Date => Value::Date(None),
            Kind::Json => Value::Json(None),
            Kind::Bytes => Value::Bytes(None),
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Value::Text(t) => t.as_deref(),
            _ => None,
        }
    }
}

struct Column {
    name: String,
    kind: Kind,
}

/// Reads column `i` of a row as `kind`; `$json` says how this engine hands out JSON.
macro_rules! decode {
    ($row:expr, $i:expr, $kind:expr, sqlite) => {
        match $kind {
            Kind::Int => $row.try_get::<Option<i64>, _>($i).map(Value::Int),
            Kind::Float => $row.try_get::<Option<f64>, _>($i).map(Value::Float),
            Kind::Bool => $row.try_get::<Option<bool>, _>($i).map(Value::Bool),
            Kind::Text => $row.try_get::<Option<String>, _>($i).map(Value::Text),
            Kind::Time => $row
                .try_get::<Option<DateTime<Utc>>, _>($i)
                .map(Value::Time),
            Kind::Date => $row.try_get::<Option<NaiveDate>, _>($i).map(Value::Date),
            Kind::Json => $row.try_get::<Option<String>, _>($i).and_then(|t| {
                t.map(|t| serde_json::from_str(&t))
                    .transpose()
                    .map(Value::Json)
                    .map_err(|e| sqlx::Error::Decode(Box::new(e)))
            }),
            Kind::Bytes => $row.try_get::<Option<Vec<u8>>, _>($i).map(Value::Bytes),
        }
    };
    ($row:expr, $i:expr, $kind:expr, postgres) => {
        match $kind {
            Kind::Int => $row
                .try_get::<Option<i64>, _>($i)
                .or_else(|_| $row.try_get::<Option<i32>, _>($i).map(|v| v.map(i64::from)))
                .map(Value::Int),
            Kind::Float => $row.try_get::<Option<f64>, _>($i).map(Value::Float),
            Kind::Bool => $row.try_get::<Option<bool>, _>($i).map(Value::Bool),
            Kind::Text => $row.try_get::<Option<String>, _>($i).map(Value::Text),
            Kind::Time => $row
                .try_get::<Option<DateTime<Utc>>, _>($i)
                .map(Value::Time),
            Kind::Date => $row.try_get::<Option<NaiveDate>, _>($i).map(Value::Date),
            Kind::Json => $row
                .try_get::<Option<serde_json::Value>, _>($i)
                .map(Value::Json),
            Kind::Bytes => $row.try_get::<Option<Vec<u8>>, _>($i).map(Value::Bytes),
        }
    };
}

/// Binds one value; SQLite keeps JSON as text, PostgreSQL binds it as JSONB.
macro_rules! bind {
    ($q:expr, $v:expr, sqlite) => {
        bind!(@json $q, $v, |j: serde_json::Value| j.to_string())
    };
    ($q:expr, $v:expr, postgres) => {
        bind!(@json $q, $v, sqlx::types::Json)
    };
    (@json $q:expr, $v:expr, $json:expr) => {
        match $v {
            Value::Int(v) => $q.bind(v),
            Value::Float(v) => $q.bind(v),
            Value::Bool(v) => $q.bind(v),
            Value::Text(v) => $q.bind(v),
            Value::Time(v) => $q.bind(v),
            Value::Date(v) => $q.bind(v),
            Value::Json(v) => $q.bind(v.map($json)),
            Value::Bytes(v) => $q.bind(v),
        }
    };
}

/// The tables of a database and their columns, in order, with declared types.
async fn schema(db: &Db) -> Result<HashMap<String, Vec<(String, String)>>, sqlx::Error> {
    let rows: Vec<(String, String, String)> = match db {
        Db::Sqlite(pool) => {
            sqlx::query_as(
                "SELECT m.name, p.name, p.type FROM sqlite_schema m, pragma_table_info(m.name) p
                 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx_%'
                 ORDER BY m.name, p.cid",
            )
            .fetch_all(pool)
            .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_as(
                "SELECT table_name::text, column_name::text, data_type::text FROM information_schema.columns
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx_%'
                 ORDER BY table_name, ordinal_position",
            )
            .fetch_all(pool)
            .await?
        }
    };
    let mut tables: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for (table, column, declared) in rows {
        tables.entry(table).or_default().push((column, declared));
    }
    Ok(tables)
}

/// The columns to copy for each table, typed from the PostgreSQL side when there is one.
async fn columns(from: &Db, to: &Db) -> Result<HashMap<&'static str, Vec<Column>>, CopyError> {
    let (source, target) = (schema(from).await?, schema(to).await?);
    let mut unknown: Vec<&String> = source
        .keys()
        .chain(target.keys())
        .filter(|t| !TABLES.iter().any(|k| k.name == t.as_str()) && !DERIVED.contains(&t.as_str()))
        .collect();
    unknown.sort();
    unknown.dedup();
    if !unknown.is_empty() {
        return Err(CopyError::UnknownTables(
            unknown
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        ));
    }
    let typed = match (from, to) {
        (Db::Postgres(_), _) => Some(&source),
        (_, Db::Postgres(_)) => Some(&target),
        _ => None,
    };
    let mut out = HashMap::new();
    for t in TABLES {
        let problem = |column: &str, problem: String| CopyError::Column {
            table: t.name.into(),
            column: column.into(),
            problem,
        };
        let target_columns = target
            .get(t.name)
            .ok_or_else(|| problem("*", "missing in the target".into()))?;
        let source_columns = source
            .get(t.name)
            .ok_or_else(|| problem("*", "missing in the source".into()))?;
        let mut list = Vec::with_capacity(target_columns.len());
        for (name, declared) in target_columns {
            if !source_columns.iter().any(|(n, _)| n == name) {
                return Err(problem(name, "missing in the source".into()));
            }
            let kind = match typed {
                Some(pg) => {
                    let data_type = pg[t.name]
                        .iter()
                        .find(|(n, _)| n == name)
                        .map(|(_, d)| d.as_str())
                        .unwrap_or_default();
                    Kind::of_postgres(data_type)
                        .ok_or_else(|| problem(name, format!("type {data_type} is not copied")))?
                }
                None => Kind::of_sqlite(declared),
            };
            list.push(Column {
                name: name.clone(),
                kind,
            });
        }
        if let Some((extra, _)) = source_columns
            .iter()
            .find(|(n, _)| !list.iter().any(|c| &c.name == n))
        {
            return Err(problem(extra, "missing in the target".into()));
        }
        out.insert(t.name, list);
    }
    Ok(out)
}

fn count_sql(table: &str) -> String {
    format!("SELECT COUNT(*) FROM {table}")
}

/// Copies every row of `from` into `to` (see the module docs). `progress` hears each table as
/// it is done, with its row count.
pub async fn copy(
    from: &Db,
    to: &Db,
    mut progress: impl FnMut(&str, i64),
) -> Result<Copied, CopyError> {
    from.migrate().await?;
    to.migrate().await?;
    let columns = columns(from, to).await?;
    let mut copied = Vec::with_capacity(TABLES.len());
    // The source's snapshot and the target's transaction, per engine pair.
    macro_rules! run {
        ($src:ident, $src_engine:ident, $dst:ident, $dst_engine:ident, $snapshot:expr) => {{
            let mut source = $src.acquire().await?;
            let mut reader = source.begin().await?;
            if let Some(sql) = $snapshot {
                sqlx::query(sql).execute(&mut *reader).await?;
            }
            let mut target = $dst.acquire().await?;
            let mut writer = target.begin().await?;
            // Anything but the catalog and the settings a started server writes would collide
            // with the copy or be lost.
            for t in TABLES {
                let sql = if t.name == "exercises" {
                    "SELECT COUNT(*) FROM exercises WHERE user_id IS NOT NULL".to_owned()
                } else {
                    count_sql(t.name)
                };
                let rows: i64 = sqlx::query_scalar(&sql).fetch_one(&mut *writer).await?;
                if rows > 0 && t.name != "server_settings" {
                    return Err(CopyError::TargetNotEmpty {
                        table: t.name.into(),
                        rows,
                    });
                }
            }
            // Nothing points at them yet: replaced by the source's.
            sqlx::query("DELETE FROM exercises")
                .execute(&mut *writer)
                .await?;
            sqlx::query("DELETE FROM server_settings")
                .execute(&mut *writer)
                .await?;
            for t in TABLES {
                let cols = &columns[t.name];
                let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
                let key_at =
                    names
                        .iter()
                        .position(|n| *n == t.key)
                        .ok_or_else(|| CopyError::Column {
                            table: t.name.into(),
                            column: t.key.into(),
                            problem: "the key column is missing".into(),
                        })?;
                let self_at = t.self_ref.and_then(|c| names.iter().position(|n| *n == c));
                let per_batch = BATCH_ROWS.min(MAX_BINDS / cols.len().max(1)).max(1);
                let select = format!(
                    "SELECT {} FROM {} {{where}} ORDER BY {} LIMIT {per_batch}",
                    names.join(", "),
                    t.name,
                    t.key
                );
                let mut after: Option<String> = None;
                let mut links: Vec<(Value, Value)> = Vec::new();
                loop {
                    let sql = match after {
                        None => select.replace("{where}", ""),
                        Some(_) => select.replace("{where}", &format!("WHERE {} > $1", t.key)),
                    };
                    let mut query = sqlx::query(&sql);
                    if let Some(last) = &after {
                        query = query.bind(last.clone());
                    }
                    let rows = query.fetch_all(&mut *reader).await?;
                    if rows.is_empty() {
                        break;
                    }
                    let mut batch: Vec<Vec<Value>> = Vec::with_capacity(rows.len());
                    for row in &rows {
                        let mut values = Vec::with_capacity(cols.len());
                        for (i, c) in cols.iter().enumerate() {
                            let v = decode!(row, i, c.kind, $src_engine).map_err(|e| {
                                CopyError::Column {
                                    table: t.name.into(),
                                    column: c.name.clone(),
                                    problem: e.to_string(),
                                }
                            })?;
                            values.push(v);
                        }
                        if let Some(at) = self_at {
                            let link =
                                std::mem::replace(&mut values[at], Value::null(cols[at].kind));
                            if link != Value::null(cols[at].kind) {
                                links.push((values[key_at].clone(), link));
                            }
                        }
                        batch.push(values);
                    }
                    after = batch
                        .last()
                        .and_then(|v| v[key_at].text())
                        .map(str::to_owned);
                    let mut insert =
                        format!("INSERT INTO {} ({}) VALUES ", t.name, names.join(", "));
                    let mut n = 0;
                    for (r, _) in batch.iter().enumerate() {
                        if r > 0 {
                            insert.push_str(", ");
                        }
                        insert.push('(');
                        for c in 0..cols.len() {
                            if c > 0 {
                                insert.push_str(", ");
                            }
                            n += 1;
                            insert.push_str(&format!("${n}"));
                        }
                        insert.push(')');
                    }
                    let mut query = sqlx::query(&insert);
                    for values in batch {
                        for v in values {
                            query = bind!(query, v, $dst_engine);
                        }
                    }
                    query.execute(&mut *writer).await?;
                    if rows.len() < per_batch || after.is_none() {
                        break;
                    }
                }
                if let Some(column) = t.self_ref {
                    let sql = format!("UPDATE {} SET {column} = $1 WHERE {} = $2", t.name, t.key);
                    for (id, link) in links {
                        let query = bind!(sqlx::query(&sql), link, $dst_engine);
                        bind!(query, id, $dst_engine).execute(&mut *writer).await?;
                    }
                }
                let source_rows: i64 = sqlx::query_scalar(&count_sql(t.name))
                    .fetch_one(&mut *reader)
                    .await?;
                let target_rows: i64 = sqlx::query_scalar(&count_sql(t.name))
                    .fetch_one(&mut *writer)
                    .await?;
                if source_rows != target_rows {
                    return Err(CopyError::CountMismatch {
                        table: t.name.into(),
                        source_rows,
                        target_rows,
                    });
                }
                progress(t.name, target_rows);
                copied.push((t.name, target_rows));
            }
            writer.commit().await?;
            reader.commit().await?;
        }};
    }
    const PG_SNAPSHOT: Option<&str> =
        Some("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    match (from, to) {
        (Db::Sqlite(a), Db::Sqlite(b)) => run!(a, sqlite, b, sqlite, None::<&str>),
        (Db::Sqlite(a), Db::Postgres(b)) => run!(a, sqlite, b, postgres, None::<&str>),
        (Db::Postgres(a), Db::Sqlite(b)) => run!(a, postgres, b, sqlite, PG_SNAPSHOT),
        (Db::Postgres(a), Db::Postgres(b)) => run!(a, postgres, b, postgres, PG_SNAPSHOT),
    }
    Ok(copied)
}
