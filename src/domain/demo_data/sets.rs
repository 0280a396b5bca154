//! Collecting one demo workout's sets: numbered per exercise, in the shapes the sessions use
//! (lift, reps only, timed hold, distance), loads and RPEs rounded as a lifter writes them.

use super::history::DemoSet;
use crate::domain::training::SetType;
use crate::domain::workout::ValidSet;

/// `x` rounded to a multiple of `step` (2.5 kg plates, half RPE points).
pub(super) fn round_to(x: f64, step: f64) -> f64 {
    (x / step).round() * step
}

/// Collects the sets of one workout, numbering each exercise's sets.
#[derive(Default)]
pub(super) struct Sets(pub Vec<DemoSet>);

impl Sets {
    fn push(&mut self, exercise: &'static str, set: ValidSet) {
        let set_index = self.0.iter().filter(|s| s.exercise == exercise).count() as u32;
        self.0.push(DemoSet {
            exercise,
            set_index,
            set,
        });
    }

    fn add(
        &mut self,
        exercise: &'static str,
        set_type: SetType,
        reps: Option<u32>,
        weight_kg: Option<f64>,
        distance_m: Option<f64>,
        duration_s: Option<u32>,
    ) {
        self.push(
            exercise,
            ValidSet {
                set_type,
                reps,
                weight_kg,
                distance_m,
                duration_s,
                rpe: None,
                notes: None,
            },
        );
    }

    pub fn lift(&mut self, exercise: &'static str, set_type: SetType, reps: u32, kg: f64) {
        self.add(exercise, set_type, Some(reps), Some(kg), None, None);
    }

    pub fn reps(&mut self, exercise: &'static str, set_type: SetType, reps: u32) {
        self.add(exercise, set_type, Some(reps), None, None, None);
    }

    pub fn timed(&mut self, exercise: &'static str, seconds: u32) {
        self.add(exercise, SetType::Normal, None, None, None, Some(seconds));
    }

    pub fn distance(&mut self, exercise: &'static str, metres: f64, seconds: u32) {
        self.add(
            exercise,
            SetType::Normal,
            None,
            None,
            Some(metres),
            Some(seconds),
        );
    }

    pub fn last_rpe(&mut self, rpe: f64) {
        if let Some(last) = self.0.last_mut() {
            last.set.rpe = Some(round_to(rpe, 0.5).clamp(6.0, 10.0));
        }
    }
}
