-- Spotter schema, PostgreSQL dialect. Keep in step with ../sqlite/20261123000001_initial.sql:
-- tests/schema_parity.rs compares tables, columns, nullability and CHECK-constrained values.
-- Ids are UUIDv7 text (as in SQLite, so one query text binds them the same way); times are TIMESTAMPTZ.

CREATE TABLE users (
    id            TEXT PRIMARY KEY NOT NULL,
    email         TEXT NOT NULL UNIQUE,
    display_name  TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    language      TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'he')),
    units         TEXT NOT NULL DEFAULT 'metric' CHECK (units IN ('metric', 'imperial')),
    timezone      TEXT NOT NULL DEFAULT 'UTC',
    preferences   JSONB NOT NULL DEFAULT '{}',
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_seen_at TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    user_agent   TEXT
);
CREATE INDEX idx_sessions_user ON sessions (user_id);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX idx_api_tokens_user ON api_tokens (user_id, created_at);

CREATE TABLE server_settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE conversations (
    id              TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title           TEXT CHECK (title IS NULL OR char_length(title) <= 200),
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    is_active       BOOLEAN NOT NULL DEFAULT TRUE,
    context_summary TEXT,
    deleted_at      TIMESTAMPTZ,
    CHECK (created_at <= updated_at)
);
CREATE INDEX idx_conversations_user_updated ON conversations (user_id, updated_at DESC);

CREATE TABLE chat_messages (
    id                     TEXT PRIMARY KEY NOT NULL,
    conversation_id        TEXT NOT NULL REFERENCES conversations(id) ON DELETE CASCADE,
    user_id                TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role                   TEXT NOT NULL CHECK (role IN ('user', 'assistant', 'system', 'tool')),
    content                TEXT NOT NULL,
    status                 TEXT NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'streaming', 'failed', 'stopped')),
    token_count            BIGINT CHECK (token_count IS NULL OR token_count >= 0),
    prompt_tokens          BIGINT CHECK (prompt_tokens IS NULL OR prompt_tokens >= 0),
    completion_tokens      BIGINT CHECK (completion_tokens IS NULL OR completion_tokens >= 0),
    error_message          TEXT,
    query_executed         TEXT,
    execution_time_ms      BIGINT CHECK (execution_time_ms IS NULL OR execution_time_ms >= 0),
    time_to_first_token_ms BIGINT CHECK (time_to_first_token_ms IS NULL OR time_to_first_token_ms >= 0),
    model                  TEXT,
    tool_calls             TEXT,
    tool_call_id           TEXT,
    client_id              TEXT,
    parent_id              TEXT REFERENCES chat_messages(id) ON DELETE SET NULL,
    created_at             TIMESTAMPTZ NOT NULL,
    UNIQUE (conversation_id, client_id)
);
CREATE INDEX idx_chat_messages_conversation_created ON chat_messages (conversation_id, created_at);
CREATE INDEX idx_chat_messages_user ON chat_messages (user_id, created_at);

CREATE TABLE message_visualizations (
    id           TEXT PRIMARY KEY NOT NULL,
    message_id   TEXT NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    chart_type   TEXT NOT NULL CHECK (chart_type IN ('line', 'bar', 'scatter', 'pie', 'heatmap')),
    chart_spec   TEXT NOT NULL,
    chart_config TEXT NOT NULL,
    data_query   TEXT NOT NULL,
    title        TEXT,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_message_visualizations_message ON message_visualizations (message_id);
CREATE INDEX idx_message_visualizations_user ON message_visualizations (user_id);

CREATE TABLE exercises (
    id                TEXT PRIMARY KEY NOT NULL,
    user_id           TEXT REFERENCES users(id) ON DELETE CASCADE,
    slug              TEXT NOT NULL,
    name_en           TEXT NOT NULL,
    name_he           TEXT NOT NULL,
    aliases           TEXT NOT NULL DEFAULT '[]',
    kind              TEXT NOT NULL CHECK (kind IN ('strength', 'cardio', 'flexibility', 'bodyweight')),
    primary_muscles   TEXT NOT NULL DEFAULT '[]',
    secondary_muscles TEXT NOT NULL DEFAULT '[]',
    equipment         TEXT NOT NULL DEFAULT 'none',
    measured_by       TEXT NOT NULL CHECK (measured_by IN ('reps_weight', 'reps', 'time', 'distance_time')),
    created_at        TIMESTAMPTZ NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL
);
-- Catalog slugs are unique; a user's custom slugs are unique per user.
CREATE UNIQUE INDEX idx_exercises_catalog_slug ON exercises (slug) WHERE user_id IS NULL;
CREATE UNIQUE INDEX idx_exercises_user_slug ON exercises (user_id, slug) WHERE user_id IS NOT NULL;

CREATE TABLE workout_sessions (
    id            TEXT PRIMARY KEY NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    source_ref    TEXT,
    name          TEXT,
    kind          TEXT NOT NULL DEFAULT 'strength' CHECK (kind IN ('strength', 'cardio', 'mixed', 'flexibility')),
    started_at    TIMESTAMPTZ NOT NULL,
    ended_at      TIMESTAMPTZ,
    duration_s    BIGINT CHECK (duration_s IS NULL OR duration_s >= 0),
    points        BIGINT NOT NULL DEFAULT 0,
    calories_est  BIGINT CHECK (calories_est IS NULL OR calories_est >= 0),
    difficulty    BIGINT CHECK (difficulty IS NULL OR difficulty BETWEEN 1 AND 10),
    notes         TEXT,
    source        TEXT NOT NULL DEFAULT 'form' CHECK (source IN ('chat', 'form', 'import:strong', 'import:hevy', 'demo')),
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, source_ref)
);
CREATE INDEX idx_workout_sessions_user_started ON workout_sessions (user_id, started_at);

CREATE TABLE exercise_sets (
    id          TEXT PRIMARY KEY NOT NULL,
    session_id  TEXT NOT NULL REFERENCES workout_sessions(id) ON DELETE CASCADE,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    set_index   BIGINT NOT NULL CHECK (set_index >= 0),
    set_type    TEXT NOT NULL DEFAULT 'normal' CHECK (set_type IN ('normal', 'warmup', 'failure', 'dropset')),
    reps        BIGINT CHECK (reps IS NULL OR reps BETWEEN 0 AND 1000),
    weight_kg   DOUBLE PRECISION CHECK (weight_kg IS NULL OR weight_kg BETWEEN 0 AND 1000),
    distance_m  DOUBLE PRECISION CHECK (distance_m IS NULL OR distance_m >= 0),
    duration_s  BIGINT CHECK (duration_s IS NULL OR duration_s >= 0),
    rpe         DOUBLE PRECISION CHECK (rpe IS NULL OR rpe BETWEEN 1 AND 10),
    notes       TEXT,
    points      BIGINT NOT NULL DEFAULT 0,
    performed_at TIMESTAMPTZ NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_exercise_sets_session ON exercise_sets (session_id, set_index);
CREATE INDEX idx_exercise_sets_user_exercise_time ON exercise_sets (user_id, exercise_id, performed_at);

CREATE TABLE personal_records (
    id          TEXT PRIMARY KEY NOT NULL,
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    record_type TEXT NOT NULL CHECK (record_type IN ('weight', 'reps', 'e1rm', 'volume', 'duration', 'distance')),
    value       DOUBLE PRECISION NOT NULL,
    unit        TEXT NOT NULL,
    achieved_at TIMESTAMPTZ NOT NULL,
    set_id      TEXT REFERENCES exercise_sets(id) ON DELETE CASCADE,
    UNIQUE (user_id, exercise_id, record_type)
);

CREATE TABLE goals (
    id           TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    goal_type    TEXT NOT NULL CHECK (goal_type IN ('points', 'workouts', 'exercises', 'streak', 'weight', 'duration', 'distance')),
    exercise_id  TEXT REFERENCES exercises(id) ON DELETE CASCADE,
    target_value DOUBLE PRECISION NOT NULL CHECK (target_value > 0),
    unit         TEXT,
    timeframe    TEXT NOT NULL CHECK (timeframe IN ('daily', 'weekly', 'monthly', 'by_date')),
    start_date   DATE NOT NULL,
    end_date     DATE,
    is_active    BOOLEAN NOT NULL DEFAULT TRUE,
    completed_at TIMESTAMPTZ,
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_goals_user ON goals (user_id, is_active);

CREATE TABLE achievements (
    id            TEXT PRIMARY KEY NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code          TEXT NOT NULL,
    name_en       TEXT NOT NULL,
    name_he       TEXT NOT NULL,
    description   TEXT,
    points_reward BIGINT NOT NULL DEFAULT 0,
    earned_at     TIMESTAMPTZ NOT NULL,
    UNIQUE (user_id, code)
);

CREATE TABLE plan_items (
    id              TEXT PRIMARY KEY NOT NULL,
    user_id         TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    title           TEXT NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description     TEXT,
    due_at          TIMESTAMPTZ,
    all_day         BOOLEAN NOT NULL DEFAULT FALSE,
    priority        TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('low', 'medium', 'high')),
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done')),
    ai_generated    BOOLEAN NOT NULL DEFAULT FALSE,
    conversation_id TEXT REFERENCES conversations(id) ON DELETE SET NULL,
    deleted_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX idx_plan_items_user_due ON plan_items (user_id, due_at);

CREATE TABLE message_feedback (
    id         TEXT PRIMARY KEY NOT NULL,
    message_id TEXT NOT NULL REFERENCES chat_messages(id) ON DELETE CASCADE,
    user_id    TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    rating     BIGINT CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
    helpful    BOOLEAN,
    comment    TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    UNIQUE (message_id, user_id)
);
