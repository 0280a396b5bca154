-- A preview kept in the settings page's two-step import may be of any format Spotter reads:
-- FitNotes, and a Spotter export to restore. SQLite changes a CHECK only by rebuilding the
-- table; nothing points at pending_imports and its rows live 30 minutes, so it is recreated
-- (a preview open during the upgrade is uploaded again).
DROP TABLE pending_imports;
CREATE TABLE pending_imports (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    format     TEXT NOT NULL CHECK (format IN ('strong', 'hevy', 'fitnotes', 'spotter')),
    tz         TEXT,
    body       BLOB NOT NULL,
    report     TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_pending_imports_user ON pending_imports (user_id);
CREATE INDEX idx_pending_imports_created ON pending_imports (created_at);
