//! Layer 2: every table a query names becomes the asking user's rows of that table, and the
//! result gets a row limit. `exercise_sets AS s` turns into
//! `(SELECT id, session_id, … FROM exercise_sets WHERE user_id = $1) AS s` (for `exercises`,
//! the shared catalog plus the user's own), so columns outside [`super::schema`] do not exist
//! for the query. This layer holds without the first: a name that is neither an allowed table
//! nor a CTE of the query, a qualified name and any table function are refused here too.

use std::collections::HashSet;
use std::ops::ControlFlow;
use std::sync::LazyLock;

use sqlparser::ast::{
    Query, SetExpr, Statement, TableFactor, Visit, VisitMut, Visitor, VisitorMut,
};
use sqlparser::parser::Parser;

use super::check::table_name;
use super::schema;
use super::{Dialect, Refusal, lower};

/// The statement with every table scoped to `$1`, wrapped to return at most `limit + 1` rows
/// (one more than shown tells that the result was cut).
pub fn rewrite(mut statement: Statement, dialect: Dialect, limit: u32) -> Result<String, Refusal> {
    let Statement::Query(query) = &mut statement else {
        return Err(Refusal::NotAQuery("statement".into()));
    };
    let mut ctes = CteNames::default();
    let _ = Visit::visit(&**query, &mut ctes);
    let mut scoper = Scoper {
        dialect,
        ctes: ctes.0,
    };
    if let ControlFlow::Break(refusal) = VisitMut::visit(&mut **query, &mut scoper) {
        return Err(refusal);
    }
    Ok(format!(
        "SELECT * FROM ({query}) AS sandbox_rows LIMIT {}",
        u64::from(limit) + 1
    ))
}

#[derive(Default)]
struct CteNames(HashSet<String>);

impl Visitor for CteNames {
    type Break = ();
    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        for cte in query.with.iter().flat_map(|w| &w.cte_tables) {
            self.0.insert(lower(&cte.alias.name.value));
        }
        ControlFlow::Continue(())
    }
}

struct Scoper {
    dialect: Dialect,
    ctes: HashSet<String>,
}

impl VisitorMut for Scoper {
    type Break = Refusal;

    // A table read inside an expression would escape the scoping below.
    fn pre_visit_expr(&mut self, expr: &mut sqlparser::ast::Expr) -> ControlFlow<Refusal> {
        match super::check::table_in_expression(expr) {
            Some(refusal) => ControlFlow::Break(refusal),
            None => ControlFlow::Continue(()),
        }
    }

    // After the children: the scoped subquery put in place is not visited again.
    fn post_visit_table_factor(&mut self, factor: &mut TableFactor) -> ControlFlow<Refusal> {
        match factor {
            TableFactor::Table {
                name, alias, args, ..
            } => {
                let table = match table_name(name) {
                    Ok(table) => table,
                    Err(refusal) => return ControlFlow::Break(refusal),
                };
                if args.is_some() {
                    return ControlFlow::Break(Refusal::FunctionNotAllowed(table));
                }
                match schema::table(&table) {
                    Some(t) => match scoped(self.dialect, t) {
                        Some(mut scoped) => {
                            if let (TableFactor::Derived { alias: slot, .. }, Some(alias)) =
                                (&mut scoped, alias.take())
                            {
                                *slot = Some(alias);
                            }
                            *factor = scoped;
                        }
                        None => return ControlFlow::Break(Refusal::UnknownTable(table)),
                    },
                    // A reference to one of the query's own CTEs (a CTE cannot take a
                    // table's name: the table wins above).
                    None if self.ctes.contains(&table) => {}
                    None => return ControlFlow::Break(Refusal::UnknownTable(table)),
                }
                ControlFlow::Continue(())
            }
            TableFactor::Derived { .. } | TableFactor::NestedJoin { .. } => {
                ControlFlow::Continue(())
            }
            other => ControlFlow::Break(Refusal::Construct(
                other
                    .to_string()
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_owned(),
            )),
        }
    }
}

/// `(SELECT <columns> FROM <table> WHERE <scope>) AS <table>` as a table factor, parsed once
/// per dialect and table (parsing it per reference tripled the cost of a model's query).
fn scoped(dialect: Dialect, table: &schema::Table) -> Option<TableFactor> {
    static SCOPED: LazyLock<[Vec<Option<TableFactor>>; 2]> = LazyLock::new(|| {
        [Dialect::Sqlite, Dialect::Postgres]
            .map(|d| schema::TABLES.iter().map(|t| parse_scoped(d, t)).collect())
    });
    let index = schema::TABLES.iter().position(|t| t.name == table.name)?;
    let dialect = match dialect {
        Dialect::Sqlite => 0,
        Dialect::Postgres => 1,
    };
    SCOPED[dialect][index].clone()
}

fn parse_scoped(dialect: Dialect, table: &schema::Table) -> Option<TableFactor> {
    let sql = format!(
        "SELECT * FROM (SELECT {} FROM {} WHERE {}) AS {}",
        table.columns.join(", "),
        table.name,
        table.scope,
        table.name
    );
    let mut statements = Parser::parse_sql(super::parser(dialect).as_ref(), &sql).ok()?;
    let Some(Statement::Query(query)) = statements.pop() else {
        return None;
    };
    match *query.body {
        SetExpr::Select(mut select) if !select.from.is_empty() => {
            Some(select.from.swap_remove(0).relation)
        }
        _ => None,
    }
}
