-- The SQL sandbox needs no schema on SQLite: its engine layer is a read-only connection with an
-- authorizer and limits (src/server/sandbox/sqlite.rs). This file twins the PostgreSQL one.
SELECT 1;
