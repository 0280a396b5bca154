-- Workouts imported from FitNotes are marked `import:fitnotes`, which workout_sessions' CHECK
-- on `source` must allow. SQLite cannot change a CHECK in place, and rebuilding the table needs
-- foreign keys off, which cannot be switched inside the transaction this migration runs in;
-- the rebuild is done right after the migrations, in code
-- (src/server/db/sqlite_rebuild.rs, `allow_fitnotes_source`). PostgreSQL's twin alters the
-- constraint directly.
SELECT 1;
