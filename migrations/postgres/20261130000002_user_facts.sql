-- The coach's memory of a user (seed 002's user context), listed, edited and deleted in Settings.
CREATE TABLE user_facts (
    id         TEXT PRIMARY KEY NOT NULL,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL CHECK (kind IN ('fitness_level', 'preferred_exercise', 'avoided_exercise', 'injury', 'equipment', 'other')),
    text       TEXT NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
    source     TEXT NOT NULL CHECK (source IN ('chat', 'settings')),
    message_id TEXT REFERENCES chat_messages(id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_user_facts_user ON user_facts (user_id, created_at);
