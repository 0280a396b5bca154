//! Pure domain logic: plain types and functions, no I/O, no async. Compiles for wasm too.
//!
//! - [`account`]: languages, units, preferences, and the validation of what users type.
//! - [`chart`]: the trainer's chart specs and the table a query's rows make for one.
//! - [`catalog`]: the built-in bilingual exercise catalog and the exercise-name matcher.
//! - [`goals`]: goal types and timeframes, live progress from the log.
//! - [`i18n`]: every visible string in English and Hebrew, plurals, form errors, day labels.
//! - [`import`]: Strong and Hevy CSV exports read into workouts and sets, bad lines listed.
//! - [`nl_log`]: workouts logged in plain words (EN/HE) read into exercises and sets.
//! - [`log_form`]: the `/log` form's fields read into a workout.
//! - [`pagination`]: page requests and the `{items, page, per_page, total}` envelope.
//! - [`chat`]: conversations, messages, the coach's tools and the offline coach.
//! - [`checkin`]: the Monday check-in: when it is due and its words, from the week's numbers.
//! - [`custom_exercise`]: a user's own exercise, validated; its kind guessed from the sets.
//! - [`demo_data`]: the demo account's months of training, goals and plan, generated from a seed
//!   (`spotter demo`; `server::demo` stores them).
//! - [`display`]: weights, distances and durations shown and typed in the user's units.
//! - [`due_date`]: due dates read from English and Hebrew ("next Monday", "מחר ב-7").
//! - [`plan`]: training-plan items and their validation (due dates in words).
//! - [`progression`]: the next session of each exercise (double progression, stalls, deloads).
//! - [`profile`]: the training profile: level, liked and avoided exercises, injuries, switches.
//! - [`profile_form`]: the settings form of the training profile read into a patch.
//! - `progress_charts` (server only): the `/progress` page's charts: specs, SQL, shaping.
//! - `sandbox` (server only): the trainer's SQL parsed, allow-listed and scoped to the user.
//! - [`scoring`]: points, levels, streaks, personal records, achievements.
//! - [`sql`]: SQLite or PostgreSQL, and the expressions the two spell differently.
//! - [`text_enum`]: the one way enums are stored and sent as text (`"by_date"`).
//! - [`training`]: set types, exercise and workout kinds, measurement, unit conversions.
//! - [`url_query`]: values percent-encoded into hand-built URLs.
//! - [`viewer`]: who is looking at a page, as the UI needs it.
//! - [`views`]: what each page shows, as plain data the server builds and the browser renders.
//! - [`workout`]: a submitted workout and its validation into canonical units.

pub mod account;
pub mod catalog;
pub mod chart;
pub mod chat;
pub mod checkin;
pub mod custom_exercise;
pub mod demo_data;
pub mod display;
pub mod due_date;
pub mod goals;
pub mod i18n;
pub mod import;
pub mod log_form;
pub mod nl_log;
pub mod pagination;
pub mod plan;
pub mod plan_title;
pub mod profile;
pub mod profile_form;
#[cfg(feature = "ssr")]
pub mod progress_charts;
pub mod progression;
#[cfg(feature = "ssr")]
pub mod sandbox;
pub mod scoring;
pub mod set_lines;
pub mod sql;
pub mod text_enum;
pub mod training;
pub mod url_query;
pub mod viewer;
pub mod views;
pub mod workout;
