//! The SQL sandbox's pure layers: a trainer's query (from a model, the offline coach or
//! `POST /api/v1/query`) is parsed with `sqlparser`, allow-listed ([`check`], layer 1) and
//! rewritten so it can only read the asking user's rows, with a row limit ([`rewrite`], layer
//! 2). The engine layer (a read-only SQLite connection with an authorizer and a time limit, a
//! PostgreSQL role under row-level security) is `server::sandbox`. Each layer holds on its own:
//! the tests of each feed it queries the others would have stopped.
//!
//! Server-only (compiled with `ssr`): the browser never parses SQL.

pub mod check;
pub mod rewrite;
pub mod schema;

use sqlparser::ast::Statement;
use sqlparser::dialect::{PostgreSqlDialect, SQLiteDialect};
use sqlparser::parser::Parser;

/// Rows a query returns at most; more are cut and the result says so.
pub const ROW_LIMIT: u32 = 500;
/// Longest query text accepted.
pub const MAX_SQL_CHARS: usize = 10_000;

pub use crate::domain::sql::Dialect;

/// sqlparser's reading of a dialect.
fn parser(dialect: Dialect) -> Box<dyn sqlparser::dialect::Dialect> {
    match dialect {
        Dialect::Sqlite => Box::new(SQLiteDialect {}),
        Dialect::Postgres => Box::new(PostgreSqlDialect {}),
    }
}

/// Why a query is refused, in words a model (or a person) can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("the query is empty: write one SELECT statement")]
    Empty,
    #[error("the query is longer than {MAX_SQL_CHARS} characters")]
    TooLong,
    #[error("the SQL could not be read: {0}")]
    Parse(String),
    #[error("send exactly one statement (found {0})")]
    NotOneStatement(usize),
    #[error("only SELECT queries may run here, not {0}: the data is read-only")]
    NotAQuery(String),
    #[error("there is no table {0:?} here; the tables are {tables}", tables = table_list())]
    UnknownTable(String),
    #[error("there is no column {0:?} in the tables here; use the columns of the schema")]
    UnknownColumn(String),
    #[error("write table names without a schema or database prefix (not {0:?})")]
    QualifiedName(String),
    #[error("system catalogs are not readable here ({0})")]
    SystemCatalog(String),
    #[error("a WITH query may not be named {0:?}, which is a table's name; choose another name")]
    ShadowingCte(String),
    #[error("WITH RECURSIVE is not allowed here")]
    Recursive,
    #[error(
        "the function {0:?} is not allowed here; use aggregates, date, text and number functions"
    )]
    FunctionNotAllowed(String),
    #[error("placeholders ($1, ?) are not allowed: write the values into the query")]
    Placeholder,
    #[error("SELECT … INTO is not allowed: the data is read-only")]
    Into,
    #[error("row locks (FOR UPDATE, FOR SHARE) are not allowed: the data is read-only")]
    Locking,
    #[error("{0} is not allowed in FROM here: read the tables of the schema")]
    Construct(String),
}

fn table_list() -> String {
    schema::TABLES
        .iter()
        .map(|t| t.name)
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// A query ready for the engine layer: `$1` is the asking user's id; it returns at most
/// [`ROW_LIMIT`] + 1 rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prepared {
    pub sql: String,
}

/// Layers 1 and 2: the query checked and rewritten, or why not.
pub fn prepare(sql: &str, dialect: Dialect) -> Result<Prepared, Refusal> {
    let statement = parse(sql, dialect)?;
    check::check(&statement)?;
    Ok(Prepared {
        sql: rewrite::rewrite(statement, dialect, ROW_LIMIT)?,
    })
}

/// Exactly one statement, parsed.
pub fn parse(sql: &str, dialect: Dialect) -> Result<Statement, Refusal> {
    if sql.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    if sql.chars().count() > MAX_SQL_CHARS {
        return Err(Refusal::TooLong);
    }
    let mut statements = Parser::parse_sql(parser(dialect).as_ref(), sql)
        .map_err(|e| Refusal::Parse(e.to_string()))?;
    match statements.len() {
        1 => Ok(statements.remove(0)),
        0 => Err(Refusal::Empty),
        n => Err(Refusal::NotOneStatement(n)),
    }
}

#[cfg(test)]
mod tests;
