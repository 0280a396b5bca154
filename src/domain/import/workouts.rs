//! Rows into workouts: rows with the same start time and name are one workout wherever they are
//! in the file (exports list them contiguously, but nothing depends on it). Workouts and their
//! sets keep file order; sets are numbered per exercise from 0; workout-level fields come from
//! the first row that has them.

use super::{Format, ParsedSet, ParsedWorkout, source_ref};
use chrono::NaiveDateTime;
use std::collections::HashMap;

/// The workout columns repeated on every row of an export.
pub(super) struct WorkoutHead {
    pub started_at: NaiveDateTime,
    pub name: Option<String>,
    pub ended_at: Option<NaiveDateTime>,
    pub duration_s: Option<u32>,
    pub notes: Option<String>,
}

#[derive(Default)]
pub(super) struct Builder {
    workouts: Vec<ParsedWorkout>,
    index_of: HashMap<(NaiveDateTime, Option<String>), usize>,
    /// Per workout: the next set index of each exercise.
    next_set_index: Vec<HashMap<String, u32>>,
}

impl Builder {
    pub fn add(&mut self, head: WorkoutHead, mut set: ParsedSet) {
        let key = (head.started_at, head.name);
        let index = match self.index_of.get(&key) {
            Some(&index) => index,
            None => {
                self.workouts.push(ParsedWorkout {
                    source_ref: String::new(),
                    name: key.1.clone(),
                    started_at: head.started_at,
                    ended_at: None,
                    duration_s: None,
                    notes: None,
                    sets: Vec::new(),
                });
                self.next_set_index.push(HashMap::new());
                self.index_of.insert(key, self.workouts.len() - 1);
                self.workouts.len() - 1
            }
        };
        let workout = &mut self.workouts[index];
        workout.ended_at = workout.ended_at.or(head.ended_at);
        workout.duration_s = workout.duration_s.or(head.duration_s);
        if workout.notes.is_none() {
            workout.notes = head.notes;
        }
        let counters = &mut self.next_set_index[index];
        let counter = match counters.get_mut(&set.exercise_name) {
            Some(counter) => counter,
            None => counters.entry(set.exercise_name.clone()).or_default(),
        };
        set.set_index = *counter;
        *counter += 1;
        workout.sets.push(set);
    }

    pub fn finish(mut self, format: Format) -> Vec<ParsedWorkout> {
        for workout in &mut self.workouts {
            workout.source_ref = source_ref::of(format, workout);
        }
        self.workouts
    }
}
