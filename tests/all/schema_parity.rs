//! The two migration sets describe one schema: after applying `migrations/sqlite` to a fresh
//! SQLite file and `migrations/postgres` to a fresh PostgreSQL database, both have the same
//! tables, columns, nullability, CHECK-listed values, foreign keys, unique keys and named
//! indexes; and every user-owned table carries `user_id` so ownership is one predicate.

use std::collections::{BTreeMap, BTreeSet};

use crate::common::{Engine, TestDb};
use spotter::server::db::Db;

/// Tables that are not owned by one user.
const NOT_USER_OWNED: &[&str] = &["users", "server_settings"];
/// Tables without a `user_id` column, and how a row is tied to its owner instead.
/// Empty today: every user-owned table carries `user_id` (DESIGN.md, "Data model").
const REACHED_WITHOUT_USER_ID: &[(&str, &str)] = &[];
/// Tables whose `user_id` may be NULL, and why.
const NULLABLE_USER_ID: &[(&str, &str)] = &[(
    "exercises",
    "catalog rows are shared (user_id NULL); custom exercises belong to a user",
)];

/// Everything compared between the engines, keyed by table.
#[derive(Debug, Default)]
struct Schema {
    /// table -> column -> NOT NULL
    columns: BTreeMap<String, BTreeMap<String, bool>>,
    /// (table, column) -> values allowed by `CHECK (column IN (...))`
    check_values: BTreeMap<(String, String), BTreeSet<String>>,
    /// table -> number of CHECK constraints
    check_counts: BTreeMap<String, usize>,
    /// (table, column, referenced table, on delete)
    foreign_keys: BTreeSet<(String, String, String, String)>,
    /// table -> unique keys as (columns, partial)
    unique_keys: BTreeMap<String, BTreeSet<(String, bool)>>,
    /// index name -> (table, columns, unique, partial), for indexes created by name
    indexes: BTreeMap<String, (String, String, bool, bool)>,
}

// ---- parsing CHECK constraints --------------------------------------------------------------

/// The text inside the parentheses that open at `open` (a `(`), honouring quotes.
fn balanced(text: &str, open: usize) -> &str {
    let mut depth = 0;
    let mut in_quote = false;
    for (i, c) in text[open..].char_indices() {
        match c {
            '\'' => in_quote = !in_quote,
            '(' if !in_quote => depth += 1,
            ')' if !in_quote => {
                depth -= 1;
                if depth == 0 {
                    return &text[open + 1..open + i];
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced parentheses in {text}");
}

/// The identifier that ends right before byte `end` (skipping spaces and opening parens).
fn identifier_before(text: &str, end: usize) -> String {
    let head = text[..end].trim_end();
    let ident: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '"')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    ident.trim_matches('"').to_owned()
}

/// `'a'::text` or `'a'` or `42` -> `a` / `42`.
fn literal(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(rest) = raw.strip_prefix('\'') {
        rest[..rest.find('\'').expect("closing quote")].to_owned()
    } else {
        raw.split("::").next().unwrap_or(raw).trim().to_owned()
    }
}

/// The bodies of every `CHECK (...)` in a SQLite `CREATE TABLE` statement.
fn sqlite_checks(create_table: &str) -> Vec<String> {
    let upper = create_table.to_uppercase();
    let mut checks = Vec::new();
    let mut from = 0;
    while let Some(pos) = upper[from..].find("CHECK") {
        let at = from + pos;
        // The keyword, not a name that holds it ("weekly_checkins"): a word boundary before it
        // and only spaces up to its "(".
        let before = upper[..at].chars().next_back();
        let rest = &upper[at + "CHECK".len()..];
        let keyword = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
            && rest.trim_start().starts_with('(');
        if !keyword {
            from = at + "CHECK".len();
            continue;
        }
        let open = at + upper[at..].find('(').expect("CHECK without (");
        checks.push(balanced(create_table, open).to_owned());
        from = open + 1;
    }
    checks
}

/// `col IN ('a', 'b')` lists in one SQLite CHECK body.
fn sqlite_in_lists(check: &str) -> Vec<(String, BTreeSet<String>)> {
    let upper = check.to_uppercase();
    let mut lists = Vec::new();
    let mut from = 0;
    while let Some(pos) = upper[from..].find(" IN (") {
        let at = from + pos;
        let open = at + " IN ".len();
        let column = identifier_before(check, at);
        let values = balanced(check, open).split(',').map(literal).collect();
        lists.push((column, values));
        from = open + 1;
    }
    lists
}

/// `col = ANY (ARRAY['a'::text, 'b'::text])` lists in a `pg_get_constraintdef` text.
fn postgres_in_lists(def: &str) -> Vec<(String, BTreeSet<String>)> {
    let mut lists = Vec::new();
    let mut from = 0;
    while let Some(pos) = def[from..].find("= ANY (ARRAY[") {
        let at = from + pos;
        let start = at + "= ANY (ARRAY[".len();
        let end = start + def[start..].find(']').expect("closing ]");
        let column = identifier_before(def, at);
        let values = def[start..end].split(',').map(literal).collect();
        lists.push((column, values));
        from = end;
    }
    lists
}

/// The indexes created by name in a migration file: `CREATE [UNIQUE] INDEX name ON table`.
fn indexes_named_in(sql: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for statement in sql.split(';') {
        let words: Vec<&str> = statement
            .lines()
            .filter(|l| !l.trim_start().starts_with("--"))
            .flat_map(str::split_whitespace)
            .collect();
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        let Some(i) = upper.iter().position(|w| w == "INDEX") else {
            continue;
        };
        if upper.first().map(String::as_str) != Some("CREATE") {
            continue;
        }
        let mut name_at = i + 1;
        if upper.get(name_at).map(String::as_str) == Some("IF") {
            name_at += 3;
        }
        let on = upper
            .iter()
            .position(|w| w == "ON")
            .expect("CREATE INDEX ... ON");
        out.insert(words[name_at].to_owned(), words[on + 1].to_owned());
    }
    out
}

// ---- reading each engine ----------------------------------------------------------------------

async fn sqlite_schema(db: &Db) -> Schema {
    let Db::Sqlite(pool) = db else { unreachable!() };
    let mut s = Schema::default();
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, sql) in &tables {
        let columns: Vec<(String, i64)> =
            sqlx::query_as("SELECT name, \"notnull\" FROM pragma_table_info($1)")
                .bind(table)
                .fetch_all(pool)
                .await
                .unwrap();
        s.columns.insert(
            table.clone(),
            columns.into_iter().map(|(c, nn)| (c, nn != 0)).collect(),
        );
        let checks = sqlite_checks(sql);
        s.check_counts.insert(table.clone(), checks.len());
        for check in &checks {
            for (column, values) in sqlite_in_lists(check) {
                s.check_values.insert((table.clone(), column), values);
            }
        }
        let fks: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT \"from\", \"table\", on_delete FROM pragma_foreign_key_list($1)",
        )
        .bind(table)
        .fetch_all(pool)
        .await
        .unwrap();
        for (column, target, on_delete) in fks {
            s.foreign_keys
                .insert((table.clone(), column, target, on_delete.to_uppercase()));
        }
        let indexes: Vec<(String, i64, String, i64)> =
            sqlx::query_as("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)")
                .bind(table)
                .fetch_all(pool)
                .await
                .unwrap();
        for (name, unique, origin, partial) in indexes {
            let cols: Vec<(String,)> =
                sqlx::query_as("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&name)
                    .fetch_all(pool)
                    .await
                    .unwrap();
            let cols = cols.into_iter().map(|(c,)| c).collect::<Vec<_>>().join(",");
            if unique != 0 {
                s.unique_keys
                    .entry(table.clone())
                    .or_default()
                    .insert((cols.clone(), partial != 0));
            }
            if origin == "c" {
                s.indexes
                    .insert(name, (table.clone(), cols, unique != 0, partial != 0));
            }
        }
    }
    s
}

async fn postgres_schema(db: &Db) -> Schema {
    let Db::Postgres(pool) = db else {
        unreachable!()
    };
    let mut s = Schema::default();
    let columns: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text, c.is_nullable::text
         FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
         WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, nullable) in columns {
        s.columns
            .entry(table)
            .or_default()
            .insert(column, nullable == "NO");
    }
    for table in s.columns.keys() {
        s.check_counts.insert(table.clone(), 0);
    }
    let checks: Vec<(String, String)> = sqlx::query_as(
        "SELECT cl.relname::text, pg_get_constraintdef(c.oid)
         FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid
         JOIN pg_namespace n ON n.oid = cl.relnamespace
         WHERE c.contype = 'c' AND n.nspname = 'public'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, def) in checks {
        *s.check_counts.entry(table.clone()).or_default() += 1;
        for (column, values) in postgres_in_lists(&def) {
            s.check_values.insert((table.clone(), column), values);
        }
    }
    let fks: Vec<(String, String, String, String)> = sqlx::query_as(
        "SELECT cl.relname::text, a.attname::text, rc.relname::text, c.confdeltype::text
         FROM pg_constraint c
         JOIN pg_class cl ON cl.oid = c.conrelid
         JOIN pg_class rc ON rc.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = cl.relnamespace
         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
         WHERE c.contype = 'f' AND n.nspname = 'public'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, column, target, action) in fks {
        let on_delete = match action.as_str() {
            "c" => "CASCADE",
            "n" => "SET NULL",
            "d" => "SET DEFAULT",
            "r" => "RESTRICT",
            _ => "NO ACTION",
        };
        s.foreign_keys
            .insert((table, column, target, on_delete.to_owned()));
    }
    let indexes: Vec<(String, String, bool, bool, bool, String)> = sqlx::query_as(
        "SELECT t.relname::text, i.relname::text, ix.indisunique, ix.indpred IS NOT NULL,
                EXISTS (SELECT 1 FROM pg_constraint c
                        WHERE c.conindid = ix.indexrelid AND c.conrelid = ix.indrelid AND c.contype IN ('p', 'u', 'x')),
                array_to_string(ARRAY(
                    SELECT a.attname::text
                    FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                    ORDER BY k.ord), ',')
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_class i ON i.oid = ix.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         WHERE n.nspname = 'public' AND t.relname <> '_sqlx_migrations'",
    )
    .fetch_all(pool)
    .await
    .unwrap();
    for (table, name, unique, partial, from_constraint, cols) in indexes {
        if unique {
            s.unique_keys
                .entry(table.clone())
                .or_default()
                .insert((cols.clone(), partial));
        }
        if !from_constraint {
            s.indexes.insert(name, (table, cols, unique, partial));
        }
    }
    s
}

// ---- the comparison ---------------------------------------------------------------------------

fn migrations_dir(engine: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(engine)
}

fn migration_files(engine: &str) -> BTreeMap<String, String> {
    std::fs::read_dir(migrations_dir(engine))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "sql"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect()
}

#[test]
fn both_dialects_have_the_same_migration_files() {
    let sqlite: Vec<String> = migration_files("sqlite").into_keys().collect();
    let postgres: Vec<String> = migration_files("postgres").into_keys().collect();
    assert!(!sqlite.is_empty());
    assert_eq!(
        sqlite, postgres,
        "every migration needs a twin with the same version and name in the other dialect"
    );
}

#[test]
fn check_list_parsers_read_both_dialects() {
    assert_eq!(
        sqlite_in_lists("language IN ('en', 'he')"),
        vec![("language".to_owned(), ["en", "he"].map(String::from).into())]
    );
    assert_eq!(
        postgres_in_lists("CHECK ((source = ANY (ARRAY['chat'::text, 'import:strong'::text])))"),
        vec![(
            "source".to_owned(),
            ["chat", "import:strong"].map(String::from).into()
        )]
    );
    assert_eq!(
        sqlite_checks("CREATE TABLE t (a TEXT CHECK (a IN ('x')), b INTEGER CHECK (b > (1)), CHECK (a <> ')'))").len(),
        3
    );
    // A name that holds the word is not a constraint.
    assert_eq!(
        sqlite_checks(
            "CREATE TABLE weekly_checkins (id TEXT, checked INTEGER CHECK (checked > 0))"
        )
        .len(),
        1
    );
    assert_eq!(
        indexes_named_in(
            "-- CREATE INDEX nope ON x (a);\nCREATE UNIQUE INDEX idx_a ON t (a) WHERE b IS NULL;"
        ),
        BTreeMap::from([("idx_a".to_owned(), "t".to_owned())])
    );
}

fn diff<K: Ord + Clone + std::fmt::Debug, V: PartialEq + std::fmt::Debug>(
    what: &str,
    sqlite: &BTreeMap<K, V>,
    postgres: &BTreeMap<K, V>,
    problems: &mut Vec<String>,
) {
    for (key, value) in sqlite {
        match postgres.get(key) {
            None => problems.push(format!("{what} {key:?}: only in SQLite ({value:?})")),
            Some(pg) if pg != value => problems.push(format!(
                "{what} {key:?}: SQLite {value:?} vs PostgreSQL {pg:?}"
            )),
            Some(_) => {}
        }
    }
    for (key, value) in postgres {
        if !sqlite.contains_key(key) {
            problems.push(format!("{what} {key:?}: only in PostgreSQL ({value:?})"));
        }
    }
}

#[tokio::test]
async fn sqlite_and_postgres_schemas_match() {
    let Some(sqlite_db) = TestDb::create(Engine::Sqlite, "schema_parity").await else {
        unreachable!("SQLite needs nothing external")
    };
    let Some(pg_db) = TestDb::create(Engine::Postgres, "schema_parity").await else {
        return; // skipped loudly by the harness
    };
    let sqlite = sqlite_schema(&sqlite_db.db).await;
    let postgres = postgres_schema(&pg_db.db).await;
    assert!(
        sqlite.columns.len() >= 10,
        "tables read: {:?}",
        sqlite.columns.keys()
    );

    let mut problems = Vec::new();
    let sqlite_tables: BTreeSet<_> = sqlite.columns.keys().collect();
    let pg_tables: BTreeSet<_> = postgres.columns.keys().collect();
    for t in sqlite_tables.symmetric_difference(&pg_tables) {
        let side = if sqlite_tables.contains(t) {
            "SQLite"
        } else {
            "PostgreSQL"
        };
        problems.push(format!("table {t}: only in {side}"));
    }
    for table in sqlite_tables.intersection(&pg_tables) {
        diff(
            &format!("table {table}: column"),
            &sqlite.columns[*table]
                .iter()
                .map(|(c, nn)| (c.clone(), if *nn { "NOT NULL" } else { "NULL" }))
                .collect(),
            &postgres.columns[*table]
                .iter()
                .map(|(c, nn)| (c.clone(), if *nn { "NOT NULL" } else { "NULL" }))
                .collect(),
            &mut problems,
        );
    }
    diff(
        "CHECK IN-list on (table, column)",
        &sqlite.check_values,
        &postgres.check_values,
        &mut problems,
    );
    diff(
        "number of CHECK constraints on table",
        &sqlite.check_counts,
        &postgres.check_counts,
        &mut problems,
    );
    let to_map = |set: &BTreeSet<(String, String, String, String)>| -> BTreeMap<(String, String), (String, String)> {
        set.iter().map(|(t, c, r, d)| ((t.clone(), c.clone()), (r.clone(), d.clone()))).collect()
    };
    diff(
        "foreign key on (table, column) -> (table, on delete)",
        &to_map(&sqlite.foreign_keys),
        &to_map(&postgres.foreign_keys),
        &mut problems,
    );
    diff(
        "unique keys (columns, partial) of table",
        &sqlite.unique_keys,
        &postgres.unique_keys,
        &mut problems,
    );
    diff(
        "index (table, columns, unique, partial)",
        &sqlite.indexes,
        &postgres.indexes,
        &mut problems,
    );
    assert!(
        problems.is_empty(),
        "the two schemas differ:\n  {}",
        problems.join("\n  ")
    );

    // Sanity: the CHECK lists were really read (not two empty maps agreeing).
    let language = &sqlite.check_values[&("users".to_owned(), "language".to_owned())];
    assert_eq!(language, &["en", "he"].map(String::from).into());
    assert!(
        sqlite.check_values.len() >= 12,
        "{:?}",
        sqlite.check_values.keys()
    );
    assert!(sqlite.foreign_keys.len() >= 20, "{:?}", sqlite.foreign_keys);
    assert!(sqlite.indexes.len() >= 10, "{:?}", sqlite.indexes);
    assert!(
        sqlite.unique_keys["users"].contains(&("email".to_owned(), false)),
        "{:?}",
        sqlite.unique_keys
    );

    // Every index a migration names exists, on the table it names, in both engines.
    for engine in ["sqlite", "postgres"] {
        let schema = if engine == "sqlite" {
            &sqlite
        } else {
            &postgres
        };
        let files = migration_files(engine);
        // An index a later migration drops is not expected at the end.
        let dropped: Vec<String> = files
            .values()
            .flat_map(|sql| {
                sql.lines()
                    .filter_map(|l| l.trim().strip_prefix("DROP INDEX "))
                    .map(|n| n.trim_end_matches(';').trim().to_owned())
                    .collect::<Vec<_>>()
            })
            .collect();
        for (file, sql) in files {
            for (name, table) in indexes_named_in(&sql) {
                if dropped.contains(&name) {
                    assert!(
                        !schema.indexes.contains_key(&name),
                        "{engine}: {name} was dropped"
                    );
                    continue;
                }
                match schema.indexes.get(&name) {
                    Some((t, ..)) => {
                        assert_eq!(t, &table, "{engine} {file}: index {name} is on {t}")
                    }
                    None => panic!(
                        "{engine} {file}: index {name} (on {table}) does not exist after migrating"
                    ),
                }
            }
        }
    }
}

#[tokio::test]
async fn every_user_owned_table_carries_user_id_and_cascades() {
    for engine in [Engine::Sqlite, Engine::Postgres] {
        let Some(test_db) = TestDb::create(engine, "user_id_everywhere").await else {
            continue;
        };
        let schema = match engine {
            Engine::Sqlite => sqlite_schema(&test_db.db).await,
            Engine::Postgres => postgres_schema(&test_db.db).await,
        };
        for (table, columns) in &schema.columns {
            if NOT_USER_OWNED.contains(&table.as_str()) {
                continue;
            }
            let Some(not_null) = columns.get("user_id") else {
                assert!(
                    REACHED_WITHOUT_USER_ID.iter().any(|(t, _)| t == table),
                    "{engine:?}: table {table} has no user_id column; add one (DESIGN.md: every user-owned \
                     row carries user_id) or document it in REACHED_WITHOUT_USER_ID"
                );
                continue;
            };
            let nullable_ok = NULLABLE_USER_ID.iter().any(|(t, _)| t == table);
            assert!(
                *not_null || nullable_ok,
                "{engine:?}: {table}.user_id is nullable; make it NOT NULL or document it in NULLABLE_USER_ID"
            );
            let fk = schema
                .foreign_keys
                .iter()
                .find(|(t, c, ..)| t == table && c == "user_id");
            assert!(
                matches!(fk, Some((_, _, target, on_delete)) if target == "users" && on_delete == "CASCADE"),
                "{engine:?}: {table}.user_id must reference users ON DELETE CASCADE (account deletion is a \
                 hard delete), found {fk:?}"
            );
        }
        for (table, _) in REACHED_WITHOUT_USER_ID {
            assert!(
                schema.columns.contains_key(*table),
                "documented exception {table} no longer exists"
            );
        }
    }
}
