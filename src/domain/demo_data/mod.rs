//! The demo account's data (`spotter demo`): about six months of an intermediate lifter's
//! training, its goals and its plan, generated deterministically from a seed, so that every page
//! and chart has something real-looking to show. Pure: dates and times are the user's local
//! calendar; `server::demo` turns them into UTC and stores them.
//!
//! The program: three strength sessions a week (Sunday, Tuesday and Thursday evenings) rotating
//! Upper A → Lower A → Upper B → Lower B around the six main lifts (squat, bench press, deadlift,
//! overhead press, barbell row, pull-up) plus accessories. Main lifts get warm-up sets, an RPE on
//! the last working set, and loads that rise linearly at first and slow down over the months
//! (with a little day-to-day noise, rounded to the plates). Every seventh training week is a
//! deload; one week is missed for a vacation and one for an illness, and the week after each is
//! lighter. Around the lifting: a Friday morning run (easy, tempo or long, paces improving), now
//! and then a Saturday ride or row, a rowing finisher, and a few mobility sessions.
//!
//! - [`random`]: the seeded generator, the only source of chance.
//! - [`program`]: the lifts, accessories and the four rotating sessions, as tables.
//! - [`calendar`]: normal, deload, missed and comeback weeks; start times on a day.
//! - `sets` and `sessions`: the sets of one workout, and the strength, run, ride/row and
//!   mobility sessions built from them.
//! - [`history`]: the generated workouts and [`generate`], which walks the weeks.
//! - [`goals`](mod@goals) and [`plan`]: the account's goals and plan items, relative to today.

pub mod calendar;
pub mod goals;
pub mod history;
pub mod plan;
pub mod program;
pub mod random;
mod sessions;
mod sets;

pub use calendar::WeekKind;
pub use goals::{DemoGoal, goals};
pub use history::{DemoHistory, DemoSet, DemoWorkout, generate};
pub use plan::{DemoPlanItem, plan_items};
pub use program::MAIN_LIFTS;
pub use random::SplitMix64;

/// The seed used when none is given: the same demo account everywhere.
pub const DEFAULT_SEED: u64 = 20_240_617;
/// Calendar weeks of history (the last one is the current, partial week).
pub const DEFAULT_WEEKS: u32 = 26;
pub const MIN_WEEKS: u32 = 1;
pub const MAX_WEEKS: u32 = 104;

/// Titles of the demo conversations (their messages come with the chat).
pub const CONVERSATION_TITLES: [&str; 2] = [
    "How is my bench press progressing?",
    "Getting ready for a 10K",
];

/// The clock and history the tests of these modules share.
#[cfg(test)]
mod fixture {
    use chrono::{NaiveDate, NaiveDateTime};

    use super::{DEFAULT_SEED, DEFAULT_WEEKS, DemoHistory, generate};

    /// A Wednesday evening.
    pub fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 18)
            .unwrap()
            .and_hms_opt(21, 0, 0)
            .unwrap()
    }

    pub fn default_history() -> DemoHistory {
        generate(now(), DEFAULT_WEEKS, DEFAULT_SEED)
    }
}
