//! Services: plain async functions over `(db, user, input)` that every way into a feature
//! calls: the REST routes, the plain forms, the server functions, the CLI and (next) the
//! coach's tools. They validate with `domain`, store with `server::db`, and keep every
//! derived number (points, records, achievements) in step with the log through [`recompute`].
//! They know nothing of HTTP: each caller maps their typed errors to its own answer.
//!
//! - [`chat`]: the coach chat's agent loop and the tools it runs. [`coach_section`]: Settings'
//!   facts and training profile.
//! - [`log`]: log, edit and read workouts, resolving exercise names. [`log_text`]: a workout
//!   in plain words; [`log_words`]: the `/log` page's box for them.
//! - [`exercises`]: custom exercises. [`goals`], [`plan`]: goals and plan items.
//! - [`import`]: Strong and Hevy exports. [`recompute`]: derived data, and deleting a workout.
//! - [`stats`]: the log summarized in the user's days.
//! - [`coach_plan`]: the next session of each exercise, the balance and today's session, from
//!   the recent log and the training profile; [`next_card`]: `/log`'s "Next time" card.
//! - [`log_page`], [`goals_page`], [`plan_page`], [`progress_page`]: each page's data
//!   (`domain::views`), in the user's language, units and time zone; [`progress_charts`]:
//!   the charts of `/progress`.

pub mod chat;
pub mod checkin;
pub mod coach_plan;
pub mod coach_section;
pub mod exercises;
pub mod goals;
pub mod goals_page;
pub mod import;
pub mod import_preview;
pub mod log;
pub mod log_page;
pub mod log_text;
pub mod log_words;
pub mod next_card;
pub mod plan;
pub mod plan_page;
pub mod progress_charts;
pub mod progress_page;
pub mod recompute;
pub mod restore;
pub mod stats;
