-- One row per user and week whose Monday check-in was sent (or is being sent): inserting it
-- is the claim, so with several instances only the one whose insert succeeds sends it.
CREATE TABLE weekly_checkins (
    id              TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    week_start      DATE NOT NULL,
    conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, week_start)
);
