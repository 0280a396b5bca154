-- A user's own words for an exercise (seed 002's exercise recognition): learned when they
-- answer the coach's "did you mean …?", read before the catalog when matching their names.
-- `alias` is stored folded (domain::catalog::normalize), unique per user.
CREATE TABLE exercise_aliases (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    alias       TEXT NOT NULL CHECK (char_length(alias) BETWEEN 1 AND 100),
    created_at  TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, alias)
);
