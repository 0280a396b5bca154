//! Gamification and progress rules, as pure functions over what was logged: points per set
//! and workout, levels, daily streaks in the user's time zone, personal records (with e1RM)
//! and achievements. Everything here is derived data: the server recomputes it from the log
//! whenever the log changes, so nothing can drift.

pub mod achievements;
pub mod aggregates;
pub mod levels;
pub mod points;
pub mod records;
pub mod stats;
pub mod streaks;

use crate::domain::training::SetType;

/// The numbers of one logged set that scoring looks at (canonical units).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SetFacts {
    pub set_type: SetType,
    pub reps: Option<u32>,
    pub weight_kg: Option<f64>,
    pub distance_m: Option<f64>,
    pub duration_s: Option<u32>,
}

impl SetFacts {
    /// Weight × reps, when both are present and positive.
    pub fn volume_kg(&self) -> Option<f64> {
        match (self.reps, self.weight_kg) {
            (Some(r), Some(w)) if r > 0 && w > 0.0 => Some(f64::from(r) * w),
            _ => None,
        }
    }

    pub fn is_warmup(&self) -> bool {
        self.set_type == SetType::Warmup
    }
}
