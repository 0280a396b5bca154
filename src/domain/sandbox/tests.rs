//! Layers 1 and 2 on their own, on both dialects: what a trainer asks passes, what an attacker
//! tries is refused with the reason, and the rewrite scopes every table even when the check
//! never ran. The same queries run against real databases in `tests/all/sandbox.rs`.

use super::check::check;
use super::rewrite::rewrite;
use super::*;

const BOTH: [Dialect; 2] = [Dialect::Sqlite, Dialect::Postgres];

/// Queries a model writes for a trainer's questions: all pass both layers on both engines.
const GOOD: &[&str] = &[
    "SELECT count(*) FROM workout_sessions",
    "SELECT e.name_en, max(s.weight_kg) AS best FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id GROUP BY e.name_en ORDER BY best DESC",
    "SELECT date(performed_at) AS day, sum(weight_kg * reps) AS volume FROM exercise_sets GROUP BY day ORDER BY day",
    "WITH squats AS (SELECT s.* FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id WHERE e.slug = 'squat') SELECT max(weight_kg) FROM squats",
    "SELECT record_type, value, unit FROM personal_records WHERE exercise_id IN (SELECT id FROM exercises WHERE name_en LIKE '%Bench%')",
    "SELECT title, due_at FROM plan_items WHERE status = 'pending' ORDER BY due_at LIMIT 5",
    "SELECT goal_type, target_value FROM goals WHERE is_active",
    "SELECT w.name, count(s.id) AS sets FROM workout_sessions w LEFT JOIN exercise_sets s ON s.session_id = w.id GROUP BY w.id, w.name",
    "SELECT weight_kg, reps, row_number() OVER (ORDER BY weight_kg DESC) AS n FROM exercise_sets",
    "SELECT kind, count(*) FROM workout_sessions GROUP BY kind HAVING count(*) > 2",
    "SELECT coalesce(sum(distance_m), 0) / 1000.0 AS km FROM exercise_sets",
    "SELECT name_he FROM exercises WHERE name_en = 'Squat' UNION SELECT name FROM workout_sessions",
    "SELECT CAST(points AS INTEGER) FROM workout_sessions",
    "SELECT * FROM exercise_sets ORDER BY performed_at DESC LIMIT 10",
    "select MAX(Weight_Kg) from EXERCISE_SETS",
    "SELECT x.n FROM (SELECT count(*) AS n FROM exercise_sets) x",
    "SELECT started_at FROM workout_sessions WHERE started_at >= '2026-03-01' -- since March",
];

#[test]
fn a_trainers_queries_pass_both_layers_on_both_engines() {
    for dialect in BOTH {
        for sql in GOOD {
            let prepared = prepare(sql, dialect)
                .unwrap_or_else(|e| panic!("{dialect:?} refused {sql:?}: {e}"));
            assert!(prepared.sql.contains("user_id = $1"), "{}", prepared.sql);
            assert!(prepared.sql.ends_with("LIMIT 501"), "{}", prepared.sql);
        }
    }
}

/// What [`Refusal`] each attack gets from layer 1 (the variant's name).
const ATTACKS: &[(&str, &str)] = &[
    // SQLite reads a table inside an expression with `x IN table` (found by the fuzzer).
    (
        "SELECT * FROM workout_sessions WHERE id IN exercise_sets",
        "Construct",
    ),
    (
        "SELECT * FROM workout_sessions WHERE id IN main.users",
        "Construct",
    ),
    ("", "Empty"),
    ("   ", "Empty"),
    ("SELEC * FROM exercise_sets", "Parse"),
    ("SELECT 1; SELECT 2", "NotOneStatement"),
    (
        "SELECT * FROM exercise_sets; DROP TABLE users",
        "NotOneStatement",
    ),
    ("DELETE FROM exercise_sets", "NotAQuery"),
    ("UPDATE exercise_sets SET reps = 0", "NotAQuery"),
    ("INSERT INTO goals (id) VALUES ('x')", "NotAQuery"),
    ("DROP TABLE exercise_sets", "NotAQuery"),
    ("PRAGMA table_info(users)", "NotAQuery"),
    ("ATTACH DATABASE '/tmp/x.db' AS x", "NotAQuery"),
    ("VACUUM", "NotAQuery"),
    ("CREATE TABLE t (a INT)", "NotAQuery"),
    ("SET ROLE postgres", "NotAQuery"),
    ("COPY exercise_sets TO '/tmp/x'", "NotAQuery"),
    ("SELECT * FROM users", "UnknownTable"),
    ("SELECT token_hash FROM sessions", "UnknownTable"),
    ("SELECT content FROM chat_messages", "UnknownTable"),
    ("SELECT * FROM api_tokens", "UnknownTable"),
    (
        "SELECT * FROM exercise_sets s JOIN users u ON u.id = s.id",
        "UnknownTable",
    ),
    ("SELECT (SELECT email FROM users LIMIT 1)", "UnknownTable"),
    (
        "SELECT * FROM exercise_sets WHERE id IN (SELECT id FROM users)",
        "UnknownTable",
    ),
    ("SELECT * FROM main.exercise_sets", "QualifiedName"),
    ("SELECT * FROM public.exercise_sets", "QualifiedName"),
    ("SELECT * FROM sqlite_master", "SystemCatalog"),
    ("SELECT * FROM sqlite_schema", "SystemCatalog"),
    ("SELECT * FROM pg_catalog.pg_tables", "SystemCatalog"),
    ("SELECT * FROM pg_user", "SystemCatalog"),
    ("SELECT * FROM information_schema.tables", "SystemCatalog"),
    (
        "WITH exercise_sets AS (SELECT * FROM users) SELECT * FROM exercise_sets",
        "ShadowingCte",
    ),
    (
        "WITH users AS (SELECT 1 AS x) SELECT x FROM users",
        "ShadowingCte",
    ),
    (
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n FROM r",
        "Recursive",
    ),
    ("SELECT user_id FROM exercise_sets", "UnknownColumn"),
    ("SELECT password_hash FROM exercise_sets", "UnknownColumn"),
    ("SELECT source_ref FROM workout_sessions", "UnknownColumn"),
    ("SELECT s.user_id FROM exercise_sets s", "UnknownColumn"),
    (
        "SELECT main.exercise_sets.reps FROM exercise_sets",
        "UnknownColumn",
    ),
    (
        "SELECT load_extension('/tmp/evil.so')",
        "FunctionNotAllowed",
    ),
    ("SELECT randomblob(1000000000)", "FunctionNotAllowed"),
    ("SELECT zeroblob(1000000000)", "FunctionNotAllowed"),
    ("SELECT pg_sleep(10)", "FunctionNotAllowed"),
    ("SELECT pg_read_file('/etc/passwd')", "FunctionNotAllowed"),
    ("SELECT readfile('/etc/passwd')", "FunctionNotAllowed"),
    ("SELECT repeat('x', 1000000000)", "FunctionNotAllowed"),
    (
        "SELECT printf('%.*c', 1000000000, 'x')",
        "FunctionNotAllowed",
    ),
    (
        "SELECT set_config('role', 'none', true)",
        "FunctionNotAllowed",
    ),
    (
        "SELECT current_setting('spotter.user_id')",
        "FunctionNotAllowed",
    ),
    ("SELECT sqlite_version()", "FunctionNotAllowed"),
    ("SELECT pg_catalog.now()", "SystemCatalog"),
    (
        "SELECT * FROM generate_series(1, 1000000000)",
        "FunctionNotAllowed",
    ),
    (
        "SELECT * FROM pragma_table_info('users')",
        "FunctionNotAllowed",
    ),
    (
        "SELECT * FROM exercise_sets WHERE user_id = $1",
        "UnknownColumn",
    ),
    ("SELECT * FROM exercise_sets WHERE reps = $1", "Placeholder"),
    ("SELECT * FROM exercise_sets WHERE reps = ?", "Placeholder"),
    ("SELECT * INTO stolen FROM exercise_sets", "Into"),
    ("SELECT * FROM exercise_sets FOR UPDATE", "Locking"),
    ("SELECT * FROM \"users\"", "UnknownTable"),
    ("SELECT * FROM USERS", "UnknownTable"),
    (
        "SELECT * FROM exercise_sets /* */ UNION SELECT * FROM users",
        "UnknownTable",
    ),
    (
        "SELECT * FROM exercise_sets -- harmless\n; DELETE FROM goals",
        "NotOneStatement",
    ),
    ("SELECT * FROM exercіse_sets", "UnknownTable"), // Cyrillic і
    ("SELECT \"user_id\" FROM exercise_sets", "UnknownColumn"),
];

fn variant(refusal: &Refusal) -> String {
    format!("{refusal:?}")
        .split(['(', ' '])
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn layer_one_refuses_each_attack_with_its_reason_on_both_engines() {
    for dialect in BOTH {
        for (sql, expected) in ATTACKS {
            let refusal = parse(sql, dialect).and_then(|s| check(&s).map(|()| s));
            let Err(refusal) = refusal else {
                panic!("{dialect:?} let {sql:?} through");
            };
            // The two parsers disagree on what is unparsable; any refusal before the engine
            // holds, but the reason must match where both read the query.
            if variant(&refusal) != "Parse" || *expected == "Parse" {
                assert_eq!(
                    &variant(&refusal),
                    expected,
                    "{dialect:?} {sql:?}: {refusal}"
                );
            }
            assert!(!refusal.to_string().is_empty());
        }
    }
}

#[test]
fn the_refusals_say_what_to_do_instead() {
    let refusal = prepare("SELECT * FROM users", Dialect::Sqlite).unwrap_err();
    assert!(refusal.to_string().contains("exercise_sets"), "{refusal}");
    let refusal = prepare("DELETE FROM goals", Dialect::Postgres).unwrap_err();
    assert!(refusal.to_string().contains("read-only"), "{refusal}");
    let long = format!("SELECT 1 {}", " ".repeat(MAX_SQL_CHARS));
    assert_eq!(prepare(&long, Dialect::Sqlite), Err(Refusal::TooLong));
}

/// Every `FROM <table>` of the output is a scoped subquery of the real table.
fn assert_scoped(sql: &str) {
    for table in schema::TABLES {
        let from = format!("FROM {} ", table.name);
        let scoped = format!("FROM {} WHERE ", table.name);
        assert_eq!(
            sql.matches(&from).count(),
            sql.matches(&scoped).count(),
            "unscoped {}: {sql}",
            table.name
        );
    }
}

#[test]
fn layer_two_alone_scopes_every_table_or_refuses() {
    // Queries layer 1 would refuse, given straight to the rewrite.
    let scoped = [
        "SELECT user_id FROM exercise_sets",
        "WITH x AS (SELECT * FROM exercise_sets) SELECT * FROM x JOIN goals ON true",
        "SELECT (SELECT count(*) FROM plan_items) FROM workout_sessions",
        "WITH exercise_sets AS (SELECT 1) SELECT * FROM exercise_sets",
        "SELECT * FROM exercise_sets UNION ALL SELECT * FROM exercise_sets",
        "SELECT * FROM (SELECT * FROM (SELECT * FROM personal_records) a) b",
        "SELECT pg_sleep(10) FROM exercises",
    ];
    for dialect in BOTH {
        for sql in scoped {
            let statement = parse(sql, dialect).unwrap();
            let out = rewrite(statement, dialect, ROW_LIMIT).unwrap();
            assert_scoped(&out);
            assert!(out.contains("user_id = $1"), "{out}");
        }
        for (sql, expected) in [
            ("SELECT * FROM users", "UnknownTable"),
            (
                "WITH exercise_sets AS (SELECT * FROM users) SELECT * FROM exercise_sets",
                "UnknownTable",
            ),
            ("SELECT * FROM main.users", "QualifiedName"),
            ("SELECT * FROM sqlite_master", "SystemCatalog"),
            (
                "SELECT * FROM pragma_table_info('users')",
                "FunctionNotAllowed",
            ),
            (
                "SELECT * FROM exercise_sets WHERE id IN (SELECT id FROM sessions)",
                "UnknownTable",
            ),
            ("DELETE FROM exercise_sets", "NotAQuery"),
            (
                "SELECT * FROM workout_sessions WHERE id IN users",
                "Construct",
            ),
        ] {
            let Ok(statement) = parse(sql, dialect) else {
                continue;
            };
            let refusal = rewrite(statement, dialect, ROW_LIMIT).unwrap_err();
            assert_eq!(variant(&refusal), expected, "{dialect:?} {sql:?}");
        }
    }
}

#[test]
fn the_rewrite_keeps_aliases_and_hides_other_users_columns() {
    let out = prepare(
        "SELECT s.reps FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id",
        Dialect::Postgres,
    )
    .unwrap()
    .sql;
    // The query's own aliases, as it wrote them (`s`, not `AS s`).
    assert!(out.contains("WHERE user_id = $1) s "), "{out}");
    assert!(
        out.contains("WHERE user_id IS NULL OR user_id = $1) e "),
        "{out}"
    );
    let unaliased = prepare("SELECT reps FROM exercise_sets", Dialect::Sqlite)
        .unwrap()
        .sql;
    assert!(
        unaliased.contains("WHERE user_id = $1) AS exercise_sets)"),
        "{unaliased}"
    );
    assert!(
        !out.contains("user_id,"),
        "user_id is not a column of the scoped rows: {out}"
    );
    let plan = prepare("SELECT title FROM plan_items", Dialect::Sqlite)
        .unwrap()
        .sql;
    assert!(plan.contains("deleted_at IS NULL"), "{plan}");
}
