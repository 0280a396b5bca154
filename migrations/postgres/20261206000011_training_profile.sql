-- The training profile (domain::profile::TrainingProfile) as JSON beside the account: level,
-- preferred and avoided exercises, injuries, the notification switches, rep ranges, bar and
-- plates. Apart from `preferences`, which every page reads.
ALTER TABLE users ADD COLUMN training_profile JSONB NOT NULL DEFAULT '{}';
