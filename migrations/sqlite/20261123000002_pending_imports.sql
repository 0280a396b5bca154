-- An import upload waiting between its preview and the user's confirmation (the settings
-- page's two-step import). Kept in the database, not in one server's memory, so any instance
-- can confirm it; the id is the random token in the preview's URL, always read together with
-- the user's id. Rows older than 30 minutes are deleted whenever a new upload is kept.
CREATE TABLE pending_imports (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    format     TEXT NOT NULL CHECK (format IN ('strong', 'hevy')),
    tz         TEXT,
    body       BLOB NOT NULL,
    report     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_pending_imports_user ON pending_imports (user_id);
CREATE INDEX idx_pending_imports_created ON pending_imports (created_at);
