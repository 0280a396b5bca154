//! What the coach suggests for the next session, worked out from the log alone (no I/O):
//!
//! - [`loading`]: the weights a user can load (bar and plates, dumbbell and stack steps) and
//!   how much a step is for each kind of lift.
//! - [`next_session`]: double progression over an exercise's rep range, stalls and deloads.
//! - [`today`]: "what should I do today?": the next workout of the rotation at its next sets.
//! - [`words`]: a next session in English or Hebrew words.
//! - [`balance`]: weekly hard sets per muscle group against a range, and exercises for the low
//!   ones that respect what the user avoids and what hurts.

pub mod balance;
pub mod loading;
pub mod next_session;
pub mod today;
pub mod words;
