//! Layer 3 on PostgreSQL: each query runs in a read-only transaction with a statement
//! timeout, as the role `spotter_sandbox` (migration `…_sandbox_role`), which may only SELECT
//! the sandbox's tables, through row-level security policies that show the rows of the user
//! named by the transaction-local setting `spotter.user_id`. The answer comes back as one JSON
//! array, so every PostgreSQL type (numeric, dates, booleans) arrives as a JSON value.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use sqlx::{Column, Executor, PgPool};

use super::{SandboxError, TIME_LIMIT};
use crate::server::db::Id;

pub(super) async fn run(
    pool: &PgPool,
    user: &Id,
    sql: &str,
) -> Result<(Vec<String>, Vec<Vec<serde_json::Value>>), SandboxError> {
    let mut tx = pool.begin().await.map_err(SandboxError::Database)?;
    let setup = [
        "SET TRANSACTION READ ONLY".to_owned(),
        format!("SET LOCAL statement_timeout = {}", TIME_LIMIT.as_millis()),
    ];
    for statement in &setup {
        sqlx::query(statement)
            .execute(&mut *tx)
            .await
            .map_err(SandboxError::Database)?;
    }
    sqlx::query("SELECT set_config('spotter.user_id', $1, true)")
        .bind(user)
        .execute(&mut *tx)
        .await
        .map_err(SandboxError::Database)?;
    sqlx::query("SET LOCAL ROLE spotter_sandbox")
        .execute(&mut *tx)
        .await
        .map_err(SandboxError::Database)?;
    let wrapped = format!("SELECT coalesce(json_agg(r), '[]')::text FROM ({sql}) AS r");
    let result = sqlx::query_scalar::<_, String>(&wrapped)
        .bind(user)
        .persistent(false)
        .fetch_one(&mut *tx)
        .await;
    let json = match result {
        Ok(json) => json,
        Err(e) => return Err(engine_error(e)),
    };
    let Rows(rows) = serde_json::from_str(&json)
        .map_err(|e| SandboxError::Engine(format!("unreadable result: {e}")))?;
    let columns = match rows.first() {
        Some(first) => first.iter().map(|(name, _)| name.clone()).collect(),
        None => (&mut *tx)
            .describe(sql)
            .await
            .map_err(engine_error)?
            .columns()
            .iter()
            .map(|c| c.name().to_owned())
            .collect(),
    };
    let _ = tx.rollback().await;
    let rows = rows
        .into_iter()
        .map(|row| row.into_iter().map(|(_, v)| v).collect())
        .collect();
    Ok((columns, rows))
}

fn engine_error(e: sqlx::Error) -> SandboxError {
    match e {
        sqlx::Error::Database(db) if db.code().as_deref() == Some("57014") => {
            SandboxError::TimedOut
        }
        sqlx::Error::Database(db) => SandboxError::Engine(db.message().to_owned()),
        other => SandboxError::Database(other),
    }
}

/// `json_agg`'s array of row objects, each kept in column order (a map would sort them).
struct Rows(Vec<Vec<(String, serde_json::Value)>>);

impl<'de> Deserialize<'de> for Rows {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Array;
        impl<'de> Visitor<'de> for Array {
            type Value = Rows;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array of row objects")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Rows, A::Error> {
                let mut rows = Vec::new();
                while let Some(Row(row)) = seq.next_element()? {
                    rows.push(row);
                }
                Ok(Rows(rows))
            }
        }
        d.deserialize_seq(Array)
    }
}

struct Row(Vec<(String, serde_json::Value)>);

impl<'de> Deserialize<'de> for Row {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Object;
        impl<'de> Visitor<'de> for Object {
            type Value = Row;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a row object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Row, A::Error> {
                let mut row = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    row.push(entry);
                }
                Ok(Row(row))
            }
        }
        d.deserialize_map(Object)
    }
}

/// Whether `spotter_sandbox` may still call `set_config`, which a raw query could use to
/// `RESET ROLE` or claim another user id: the migration revokes it only when run by a
/// superuser. Layers 1 and 2 refuse such a query anyway; this is the third layer's own hold.
pub async fn sandbox_may_set_config(pool: &PgPool) -> Result<bool, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT has_function_privilege('spotter_sandbox', \
         'pg_catalog.set_config(text, text, boolean)', 'EXECUTE')",
    )
    .fetch_one(pool)
    .await
}
