-- The SQL sandbox's engine layer (src/server/sandbox/postgres.rs): trainer queries run as
-- `spotter_sandbox`, which may only SELECT the six tables of the sandbox, and only the rows of
-- the user named by the transaction-local setting `spotter.user_id` (row-level security).
-- The application's own role owns the tables and is not subject to these policies.

-- Roles belong to the whole cluster: another database of it may have created this one already
-- (or be creating it right now).
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'spotter_sandbox') THEN
        CREATE ROLE spotter_sandbox NOLOGIN NOINHERIT;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END $$;

-- The application switches to the role with SET LOCAL ROLE, which needs membership.
DO $$
BEGIN
    IF NOT pg_has_role(current_user, 'spotter_sandbox', 'MEMBER') THEN
        EXECUTE format('GRANT spotter_sandbox TO %I', current_user);
    END IF;
EXCEPTION WHEN others THEN
    IF NOT pg_has_role(current_user, 'spotter_sandbox', 'MEMBER') THEN
        RAISE;
    END IF;
END $$;

REVOKE ALL ON ALL TABLES IN SCHEMA public FROM spotter_sandbox;
GRANT USAGE ON SCHEMA public TO spotter_sandbox;
GRANT SELECT ON workout_sessions, exercise_sets, exercises, personal_records, goals, plan_items
    TO spotter_sandbox;

ALTER TABLE workout_sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE exercise_sets ENABLE ROW LEVEL SECURITY;
ALTER TABLE exercises ENABLE ROW LEVEL SECURITY;
ALTER TABLE personal_records ENABLE ROW LEVEL SECURITY;
ALTER TABLE goals ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan_items ENABLE ROW LEVEL SECURITY;

CREATE POLICY sandbox_own ON workout_sessions FOR SELECT TO spotter_sandbox
    USING (user_id = current_setting('spotter.user_id', true));
CREATE POLICY sandbox_own ON exercise_sets FOR SELECT TO spotter_sandbox
    USING (user_id = current_setting('spotter.user_id', true));
CREATE POLICY sandbox_own ON exercises FOR SELECT TO spotter_sandbox
    USING (user_id IS NULL OR user_id = current_setting('spotter.user_id', true));
CREATE POLICY sandbox_own ON personal_records FOR SELECT TO spotter_sandbox
    USING (user_id = current_setting('spotter.user_id', true));
CREATE POLICY sandbox_own ON goals FOR SELECT TO spotter_sandbox
    USING (user_id = current_setting('spotter.user_id', true));
CREATE POLICY sandbox_own ON plan_items FOR SELECT TO spotter_sandbox
    USING (user_id = current_setting('spotter.user_id', true) AND deleted_at IS NULL);

-- A query running as the role must not switch back to the application's role
-- (set_config('role', 'none', …) is RESET ROLE): only the application may call set_config.
-- This needs the function's owner (a superuser); without one the other layers still hold and
-- the migration warns.
DO $$
BEGIN
    REVOKE EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) FROM PUBLIC;
    EXECUTE format('GRANT EXECUTE ON FUNCTION pg_catalog.set_config(text, text, boolean) TO %I', current_user);
EXCEPTION WHEN insufficient_privilege THEN
    RAISE WARNING 'spotter_sandbox may call set_config: run this migration as a superuser to revoke it';
END $$;
