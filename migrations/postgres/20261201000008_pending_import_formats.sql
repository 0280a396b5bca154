-- A preview kept in the settings page's two-step import may be of any format Spotter reads:
-- FitNotes, and a Spotter export to restore.
ALTER TABLE pending_imports DROP CONSTRAINT pending_imports_format_check;
ALTER TABLE pending_imports ADD CONSTRAINT pending_imports_format_check
    CHECK (format IN ('strong', 'hevy', 'fitnotes', 'spotter'));
