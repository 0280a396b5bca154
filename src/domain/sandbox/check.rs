//! Layer 1: the query is read and allow-listed before anything else sees it. Exactly one
//! `SELECT`/`WITH` query; tables, columns and functions from [`super::schema`] only (or names
//! the query itself defines: aliases and CTEs); no schema-qualified names, system catalogs,
//! CTEs named like a table, recursion, placeholders, `INTO` or row locks.

use std::collections::HashSet;
use std::ops::ControlFlow;

use sqlparser::ast::{
    Expr, ObjectName, Query, Select, SelectItem, SetExpr, Statement, TableFactor, Visit, Visitor,
};

use super::schema::{self, ALL_TABLES, FUNCTIONS};
use super::{Refusal, lower};

/// Refuses the statement unless it is one read-only query over the allowed schema.
pub fn check(statement: &Statement) -> Result<(), Refusal> {
    let Statement::Query(query) = statement else {
        return Err(Refusal::NotAQuery(statement_kind(statement)));
    };
    let mut names = Names::default();
    let _ = query.visit(&mut names);
    // Tables first, then what the query computes: a query reading `users` is told about the
    // table, not about its columns.
    for expressions in [false, true] {
        let mut checker = Checker {
            defined: names.0.clone(),
            expressions,
        };
        if let ControlFlow::Break(refusal) = query.visit(&mut checker) {
            return Err(refusal);
        }
    }
    Ok(())
}

fn statement_kind(statement: &Statement) -> String {
    let text = statement.to_string();
    text.split_whitespace()
        .next()
        .unwrap_or("statement")
        .to_uppercase()
}

/// Names the query defines: CTEs and their columns, table and column aliases.
#[derive(Default)]
struct Names(HashSet<String>);

impl Visitor for Names {
    type Break = ();

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<()> {
        for cte in query.with.iter().flat_map(|w| &w.cte_tables) {
            self.0.insert(lower(&cte.alias.name.value));
            self.0
                .extend(cte.alias.columns.iter().map(|c| lower(&c.name.value)));
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, select: &Select) -> ControlFlow<()> {
        for item in &select.projection {
            match item {
                SelectItem::ExprWithAlias { alias, .. } => {
                    self.0.insert(lower(&alias.value));
                }
                SelectItem::ExprWithAliases { aliases, .. } => {
                    self.0.extend(aliases.iter().map(|a| lower(&a.value)));
                }
                _ => {}
            }
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<()> {
        let alias = match factor {
            TableFactor::Table { alias, .. } | TableFactor::Derived { alias, .. } => alias,
            _ => &None,
        };
        if let Some(alias) = alias {
            self.0.insert(lower(&alias.name.value));
            self.0
                .extend(alias.columns.iter().map(|c| lower(&c.name.value)));
        }
        ControlFlow::Continue(())
    }
}

struct Checker {
    defined: HashSet<String>,
    /// The second pass: columns, functions and placeholders.
    expressions: bool,
}

impl Checker {
    fn known(&self, name: &str) -> bool {
        let name = lower(name);
        schema::is_column(&name) || schema::table(&name).is_some() || self.defined.contains(&name)
    }
}

/// The one part of a table name, or the refusal for a qualified or system one.
pub(super) fn table_name(name: &ObjectName) -> Result<String, Refusal> {
    let parts: Vec<String> = name
        .0
        .iter()
        .map(|p| p.as_ident().map(|i| lower(&i.value)).unwrap_or_default())
        .collect();
    let is_system =
        |p: &str| p.starts_with("sqlite_") || p.starts_with("pg_") || p == "information_schema";
    if parts.iter().any(|p| is_system(p)) {
        return Err(Refusal::SystemCatalog(name.to_string()));
    }
    match parts.as_slice() {
        [one] if !one.is_empty() => Ok(one.clone()),
        _ => Err(Refusal::QualifiedName(name.to_string())),
    }
}

impl Visitor for Checker {
    type Break = Refusal;

    fn pre_visit_query(&mut self, query: &Query) -> ControlFlow<Refusal> {
        if let Some(with) = &query.with {
            if with.recursive {
                return ControlFlow::Break(Refusal::Recursive);
            }
            for cte in &with.cte_tables {
                let name = lower(&cte.alias.name.value);
                if ALL_TABLES.contains(&name.as_str()) {
                    return ControlFlow::Break(Refusal::ShadowingCte(name));
                }
            }
        }
        if !query.locks.is_empty() || query.for_clause.is_some() {
            return ControlFlow::Break(Refusal::Locking);
        }
        match query.body.as_ref() {
            SetExpr::Select(_) | SetExpr::Query(_) | SetExpr::SetOperation { .. } => {}
            SetExpr::Values(_) => {}
            other => return ControlFlow::Break(Refusal::NotAQuery(set_expr_kind(other))),
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_select(&mut self, select: &Select) -> ControlFlow<Refusal> {
        if select.into.is_some() {
            return ControlFlow::Break(Refusal::Into);
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_table_factor(&mut self, factor: &TableFactor) -> ControlFlow<Refusal> {
        match factor {
            TableFactor::Table {
                name, args: None, ..
            } => match table_name(name) {
                Err(refusal) => ControlFlow::Break(refusal),
                Ok(table) if schema::table(&table).is_some() || self.defined.contains(&table) => {
                    ControlFlow::Continue(())
                }
                Ok(table) => ControlFlow::Break(Refusal::UnknownTable(table)),
            },
            TableFactor::Table { name, .. } => {
                ControlFlow::Break(Refusal::FunctionNotAllowed(name.to_string()))
            }
            TableFactor::Derived { .. } | TableFactor::NestedJoin { .. } => {
                ControlFlow::Continue(())
            }
            other => ControlFlow::Break(Refusal::Construct(first_words(&other.to_string()))),
        }
    }

    fn pre_visit_expr(&mut self, expr: &Expr) -> ControlFlow<Refusal> {
        // SQLite's `x IN some_table` reads a table from inside an expression, past every FROM:
        // refused (write `x IN (SELECT … FROM some_table)`).
        if let Some(refusal) = table_in_expression(expr) {
            return ControlFlow::Break(refusal);
        }
        if !self.expressions {
            return ControlFlow::Continue(());
        }
        match expr {
            Expr::Identifier(ident) if !self.known(&ident.value) => {
                ControlFlow::Break(Refusal::UnknownColumn(ident.value.clone()))
            }
            Expr::CompoundIdentifier(parts) => match parts.iter().find(|p| !self.known(&p.value)) {
                Some(part) => ControlFlow::Break(Refusal::UnknownColumn(part.value.clone())),
                None if parts.len() > 2 => {
                    ControlFlow::Break(Refusal::QualifiedName(expr.to_string()))
                }
                None => ControlFlow::Continue(()),
            },
            Expr::Function(f) => {
                let name = match f.name.0.as_slice() {
                    [part] => part.as_ident().map(|i| lower(&i.value)).unwrap_or_default(),
                    _ => match table_name(&f.name) {
                        Ok(name) => name,
                        Err(refusal) => return ControlFlow::Break(refusal),
                    },
                };
                if FUNCTIONS.contains(&name.as_str()) {
                    ControlFlow::Continue(())
                } else {
                    ControlFlow::Break(Refusal::FunctionNotAllowed(name))
                }
            }
            Expr::Value(v) if matches!(v.value, sqlparser::ast::Value::Placeholder(_)) => {
                ControlFlow::Break(Refusal::Placeholder)
            }
            _ => ControlFlow::Continue(()),
        }
    }
}

/// `x IN table` (SQLite), a table read from inside an expression.
pub(super) fn table_in_expression(expr: &Expr) -> Option<Refusal> {
    match expr {
        Expr::In {
            target: sqlparser::ast::InTarget::Table { name, .. },
            ..
        } => Some(Refusal::Construct(format!(
            "IN {name} (write IN (SELECT …))"
        ))),
        _ => None,
    }
}

fn set_expr_kind(set: &SetExpr) -> String {
    match set {
        SetExpr::Insert(_) => "INSERT".into(),
        SetExpr::Update(_) => "UPDATE".into(),
        SetExpr::Delete(_) => "DELETE".into(),
        SetExpr::Merge(_) => "MERGE".into(),
        SetExpr::Table(_) => "TABLE".into(),
        other => first_words(&other.to_string()),
    }
}

fn first_words(text: &str) -> String {
    text.split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}
