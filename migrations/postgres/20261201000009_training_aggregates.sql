-- Aggregates of each user's log, so that /stats, /goals and /progress read a few rows instead
-- of every set ever logged (issue #11). They are derived data: `recompute` rebuilds all of a
-- user's rows from the log, and a write rebuilds the rows of the days and exercises it touched
-- (services::recompute). Never counters: every row is computed from the log it summarizes.
-- `training_totals.timezone` is the zone the days were counted in: when it is missing or
-- differs from the user's, the reader rebuilds everything first.

-- One row per local calendar day with a workout or a set.
CREATE TABLE training_days (
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    day       DATE NOT NULL,
    -- Workouts that started this day and their points.
    workouts  BIGINT NOT NULL,
    points    BIGINT NOT NULL,
    -- Working (non-warm-up) sets performed this day and their weight × reps.
    sets      BIGINT NOT NULL,
    volume_kg DOUBLE PRECISION NOT NULL,
    -- The day's first workout's start (NULL on a day with sets only).
    first_at  TIMESTAMPTZ,
    -- Consecutive workout days ending on this one (0 without a workout).
    run_days  BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
);

-- The days summed by calendar month ('YYYY-MM'), with the longest run ending in the month:
-- a write sums the few months it changed, and the whole log's totals sum the months.
CREATE TABLE training_months (
    user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    month     TEXT NOT NULL,
    workouts  BIGINT NOT NULL,
    points    BIGINT NOT NULL,
    sets      BIGINT NOT NULL,
    volume_kg DOUBLE PRECISION NOT NULL,
    longest_streak_days BIGINT NOT NULL,
    PRIMARY KEY (user_id, month)
);

-- Working sets per exercise and month: a write counts the months it touched, and an
-- exercise's total sums its months.
CREATE TABLE exercise_months (
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    month       TEXT NOT NULL,
    sets        BIGINT NOT NULL,
    PRIMARY KEY (user_id, exercise_id, month)
);

-- Working sets per exercise over the whole log (the favourite exercise of all time).
CREATE TABLE exercise_totals (
    user_id     TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    exercise_id TEXT NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,
    sets        BIGINT NOT NULL,
    PRIMARY KEY (user_id, exercise_id)
);

-- The whole log's totals (every day, future-dated ones included) and longest streak.
CREATE TABLE training_totals (
    user_id   TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    timezone  TEXT NOT NULL,
    workouts  BIGINT NOT NULL,
    points    BIGINT NOT NULL,
    sets      BIGINT NOT NULL,
    volume_kg DOUBLE PRECISION NOT NULL,
    longest_streak_days BIGINT NOT NULL
);
