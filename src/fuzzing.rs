//! What the fuzzers hold the input-facing code to, one function per target: each takes any
//! bytes, runs the code a user's or a file's bytes reach, and panics when a property fails.
//! `fuzz/` calls them from cargo-fuzz (coverage-guided, long runs: see `fuzz/README.md`); the
//! tests below run each on a seed corpus and a bounded number of seeded mutations of it in
//! every `cargo test` (the short run of `make test`).
//!
//! - [`nl_log`]: the plain-words reader never panics, and every number of a reading it is
//!   sure of (no doubt to ask about) that the log's validation lets through is one a set can
//!   hold (finite, not negative, within the log's limits).
//! - [`import`]: the CSV importers never panic, whatever the bytes, and keep only sets with
//!   such numbers.
//! - [`sandbox`]: a query the sandbox accepts, once rewritten, reads only allow-listed tables
//!   (or the query's own WITH names), each only through a SELECT filtered to `user_id = $1`.
//! - [`markdown`]: rendered Markdown holds only harmless tags and attributes: no script, no
//!   event handler, no image or frame, no link but http(s) and mailto.

use std::collections::HashSet;
use std::ops::ControlFlow;

use crate::domain::import::{Format, parse as parse_import};
use crate::domain::nl_log::parse as parse_words;
use crate::domain::sandbox::{self, Dialect, schema};
use crate::domain::workout::{
    MAX_DISTANCE_M, MAX_DURATION_S, MAX_REPS, MAX_WEIGHT_KG, WeightUnit, validate_set,
};

fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

fn fits(value: Option<f64>, max: f64, what: &str, input: &str) {
    if let Some(v) = value {
        assert!(
            v.is_finite() && (0.0..=max).contains(&v),
            "{what} {v} kept from {input:?}"
        );
    }
}

/// The plain-words reader, in kilograms and in pounds. A message with a doubt logs nothing,
/// so the numbers that count are those of a reading without one, as the log's validation
/// takes them: what it accepts is what would be stored.
pub fn nl_log(data: &[u8]) {
    let input = text(data);
    for unit in [WeightUnit::Kg, WeightUnit::Lb] {
        let parsed = parse_words(&input, unit);
        if !parsed.doubts.is_empty() {
            continue;
        }
        for set in parsed.entries.iter().flat_map(|e| &e.sets) {
            let mut errors = Vec::new();
            let Some(valid) = validate_set(set, "set", &mut errors) else {
                continue;
            };
            fits(valid.reps.map(f64::from), MAX_REPS as f64, "reps", &input);
            fits(valid.weight_kg, MAX_WEIGHT_KG, "weight", &input);
            fits(valid.distance_m, MAX_DISTANCE_M, "distance", &input);
            fits(
                valid.duration_s.map(f64::from),
                MAX_DURATION_S as f64,
                "duration",
                &input,
            );
            fits(valid.rpe, 10.0, "RPE", &input);
        }
    }
}

/// Every importer on the same bytes, and the format detection.
pub fn import(data: &[u8]) {
    let _ = crate::domain::import::detect(data);
    for format in Format::ALL {
        let parsed = parse_import(*format, data);
        for set in parsed.workouts.iter().flat_map(|w| &w.sets) {
            let input = String::from_utf8_lossy(data);
            fits(set.reps.map(f64::from), u32::MAX as f64, "reps", &input);
            fits(set.weight_kg, f64::MAX, "weight", &input);
            fits(set.distance_m, f64::MAX, "distance", &input);
            fits(set.rpe.map(f64::from), 10.0, "RPE", &input);
        }
    }
}

/// The sandbox's two pure layers, on both dialects.
pub fn sandbox(data: &[u8]) {
    let input = text(data);
    for dialect in [Dialect::Sqlite, Dialect::Postgres] {
        let Ok(prepared) = sandbox::prepare(&input, dialect) else {
            continue;
        };
        let statement = sandbox::parse(&prepared.sql, dialect).unwrap_or_else(|e| {
            panic!(
                "the rewrite of {input:?} does not parse ({e}): {}",
                prepared.sql
            )
        });
        let mut scan = Scoped::default();
        if let ControlFlow::Break(problem) = sqlparser::ast::Visit::visit(&statement, &mut scan) {
            panic!("{problem}\nquery: {input:?}\nrewritten: {}", prepared.sql);
        }
    }
}

/// Walks a rewritten query: each table read is a WITH name, or an allowed table read straight
/// from a SELECT whose WHERE scopes it to `$1`.
#[derive(Default)]
struct Scoped {
    /// The innermost query last: whether its body is a SELECT filtered by `user_id = $1`.
    queries: Vec<bool>,
    ctes: HashSet<String>,
}

impl sqlparser::ast::Visitor for Scoped {
    type Break = String;

    fn pre_visit_query(&mut self, query: &sqlparser::ast::Query) -> ControlFlow<String> {
        for cte in query.with.iter().flat_map(|w| &w.cte_tables) {
            self.ctes.insert(cte.alias.name.value.to_lowercase());
        }
        let scoped = match query.body.as_ref() {
            sqlparser::ast::SetExpr::Select(select) => select
                .selection
                .as_ref()
                .is_some_and(|w| w.to_string().contains("user_id = $1")),
            _ => false,
        };
        self.queries.push(scoped);
        ControlFlow::Continue(())
    }

    fn post_visit_query(&mut self, _: &sqlparser::ast::Query) -> ControlFlow<String> {
        self.queries.pop();
        ControlFlow::Continue(())
    }

    fn pre_visit_relation(&mut self, name: &sqlparser::ast::ObjectName) -> ControlFlow<String> {
        let table = name.to_string().to_lowercase();
        let table = table.trim_matches('"');
        if self.ctes.contains(table) {
            return ControlFlow::Continue(());
        }
        if schema::table(table).is_none() {
            return ControlFlow::Break(format!("reads {table}, which is not allow-listed"));
        }
        if self.queries.last() != Some(&true) {
            return ControlFlow::Break(format!("reads {table} without the user filter"));
        }
        ControlFlow::Continue(())
    }
}

/// The coach's Markdown renderer.
pub fn markdown(data: &[u8]) {
    let input = text(data);
    let html = crate::server::markdown::render(&input);
    for tag in tags(&html) {
        let (name, attributes) = tag;
        assert!(
            SAFE_TAGS.contains(&name.as_str()),
            "tag <{name}> from {input:?}:\n{html}"
        );
        for (attribute, value) in attributes {
            assert!(
                SAFE_ATTRIBUTES.contains(&attribute.as_str()),
                "attribute {attribute} on <{name}> from {input:?}:\n{html}"
            );
            if attribute == "href" {
                let v = value.trim().to_lowercase();
                assert!(
                    ["http://", "https://", "mailto:"]
                        .iter()
                        .any(|s| v.starts_with(s)),
                    "link to {value:?} from {input:?}:\n{html}"
                );
            }
        }
    }
}

const SAFE_TAGS: &[&str] = &[
    "p",
    "em",
    "strong",
    "del",
    "code",
    "pre",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "br",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];
const SAFE_ATTRIBUTES: &[&str] = &["href", "title", "rel", "start", "style", "class"];

/// The start tags of `html` with their attributes (names lowercased, values unescaped only as
/// far as quotes go): enough to see what a browser would make of them.
fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
    let mut out = Vec::new();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(open) = html[i..].find('<').map(|o| o + i) {
        let mut j = open + 1;
        if bytes.get(j) == Some(&b'/') {
            i = j;
            continue;
        }
        let start = j;
        while j < bytes.len() && bytes[j].is_ascii_alphanumeric() {
            j += 1;
        }
        let name = html[start..j].to_lowercase();
        let mut attributes = Vec::new();
        loop {
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' || bytes[j] == b'/' {
                break;
            }
            let a = j;
            while j < bytes.len() && !b" =>\t\n".contains(&bytes[j]) {
                j += 1;
            }
            let attribute = html[a..j].to_lowercase();
            let mut value = String::new();
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                let quote = bytes.get(j).copied();
                if matches!(quote, Some(b'"') | Some(b'\'')) {
                    let q = quote.unwrap_or(b'"');
                    let v = j + 1;
                    j = v;
                    while j < bytes.len() && bytes[j] != q {
                        j += 1;
                    }
                    value = html[v..j.min(bytes.len())].to_owned();
                    j += 1;
                } else {
                    let v = j;
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                    value = html[v..j].to_owned();
                }
            }
            attributes.push((attribute, value));
        }
        if !name.is_empty() {
            out.push((name, attributes));
        }
        i = j.min(bytes.len());
        if i <= open {
            i = open + 1;
        }
    }
    out
}

#[cfg(test)]
mod tests;
