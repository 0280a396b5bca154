//! SQLite schema changes that sqlx's migrations cannot make: a CHECK constraint can only change
//! by rebuilding the table (SQLite's documented procedure: a new table, the rows copied, the
//! old one dropped, the new one renamed), and that needs foreign keys off, or dropping the old
//! table would cascade to every row that points at it. `PRAGMA foreign_keys` is a no-op inside
//! a transaction, and sqlx runs each SQLite migration in one, so this runs after them on one
//! connection: foreign keys off, the rebuild in its own transaction, foreign keys back on.
//! Each rebuild checks first whether it is needed, so it runs once per database.

use sqlx::{Connection, SqliteConnection, SqlitePool};

/// `workout_sessions.source` allows `import:fitnotes` (migration `…07_fitnotes_source`).
pub async fn allow_fitnotes_source(pool: &SqlitePool) -> Result<(), sqlx::Error> {
    let mut conn = pool.acquire().await?;
    let table: String = sqlx::query_scalar(
        "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'workout_sessions'",
    )
    .fetch_one(&mut *conn)
    .await?;
    if table.contains("'import:fitnotes'") {
        return Ok(());
    }
    sqlx::query("PRAGMA foreign_keys = OFF")
        .execute(&mut *conn)
        .await?;
    let rebuilt = rebuild(&mut conn).await;
    let restored = sqlx::query("PRAGMA foreign_keys = ON")
        .execute(&mut *conn)
        .await;
    rebuilt?;
    restored?;
    Ok(())
}

async fn rebuild(conn: &mut SqliteConnection) -> Result<(), sqlx::Error> {
    let mut tx = conn.begin().await?;
    for statement in [
        "CREATE TABLE workout_sessions_new (
            id            TEXT PRIMARY KEY NOT NULL,
            user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            source_ref    TEXT,
            name          TEXT,
            kind          TEXT NOT NULL DEFAULT 'strength' CHECK (kind IN ('strength', 'cardio', 'mixed', 'flexibility')),
            started_at    TEXT NOT NULL,
            ended_at      TEXT,
            duration_s    INTEGER CHECK (duration_s IS NULL OR duration_s >= 0),
            points        INTEGER NOT NULL DEFAULT 0,
            calories_est  INTEGER CHECK (calories_est IS NULL OR calories_est >= 0),
            difficulty    INTEGER CHECK (difficulty IS NULL OR difficulty BETWEEN 1 AND 10),
            notes         TEXT,
            source        TEXT NOT NULL DEFAULT 'form' CHECK (source IN ('chat', 'form', 'import:strong', 'import:hevy', 'import:fitnotes', 'demo')),
            created_at    TEXT NOT NULL,
            updated_at    TEXT NOT NULL,
            UNIQUE (user_id, source_ref)
        )",
        "INSERT INTO workout_sessions_new
            (id, user_id, source_ref, name, kind, started_at, ended_at, duration_s, points,
             calories_est, difficulty, notes, source, created_at, updated_at)
         SELECT id, user_id, source_ref, name, kind, started_at, ended_at, duration_s, points,
             calories_est, difficulty, notes, source, created_at, updated_at
         FROM workout_sessions",
        "DROP TABLE workout_sessions",
        "ALTER TABLE workout_sessions_new RENAME TO workout_sessions",
        "CREATE INDEX idx_workout_sessions_user_started ON workout_sessions (user_id, started_at)",
    ] {
        sqlx::query(statement).execute(&mut *tx).await?;
    }
    // Every set still points at its workout.
    let broken = sqlx::query("PRAGMA foreign_key_check(exercise_sets)")
        .fetch_all(&mut *tx)
        .await?;
    if !broken.is_empty() {
        return Err(sqlx::Error::Protocol(format!(
            "rebuilding workout_sessions left {} sets without their workout; nothing changed",
            broken.len()
        )));
    }
    tx.commit().await
}
