-- The trainer's aggregates over a period ("weekly volume this year") read one user's sets by
-- time across every exercise; (user_id, exercise_id, performed_at) cannot bound that range, so
-- such a query walked all of the user's sets (benches/aggregate.rs: 100,000 sets).
CREATE INDEX idx_exercise_sets_user_time ON exercise_sets (user_id, performed_at);
