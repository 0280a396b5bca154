-- Workouts imported from FitNotes are marked `import:fitnotes`.
ALTER TABLE workout_sessions DROP CONSTRAINT workout_sessions_source_check;
ALTER TABLE workout_sessions ADD CONSTRAINT workout_sessions_source_check
    CHECK (source IN ('chat', 'form', 'import:strong', 'import:hevy', 'import:fitnotes', 'demo'));
