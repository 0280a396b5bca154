//! The coach chat: a user's message goes in, the coach's reply comes out, everything stored.
//!
//! - [`send`]: [`send::Coach`], what every adapter calls. The user's message is committed
//!   first; a repeated `client_id` answers the first exchange instead of a second one; then
//!   the reply starts as a task of its own.
//! - [`reply`]: that task, the agent loop: the provider (`server::llm`) is asked, its text
//!   stored as it streams, its tool calls run and stored as `tool` messages, until it answers
//!   in words (or fails, or is stopped: stored too).
//! - [`events`]: what a reply tells its listeners as it goes (the SSE events).
//! - [`hub`]: one reply's events so far and the signal for new ones; every listener reads
//!   from it by position (the SSE `id`).
//! - [`live`]: the replies this process is writing (follow one, stop one, end all at
//!   shutdown); [`relay`]: the same across instances on PostgreSQL (LISTEN/NOTIFY);
//!   [`interrupted`]: replies a killed server left `streaming`, marked failed.
//! - [`tools`]: the tools a coach may call, run through the same services as REST;
//!   [`goal_tools`] (set, change, delete goals) and [`training_facts`] (the period before,
//!   the exercises done most, when an exercise was last done) are theirs, and [`plan_tools`]
//!   (the next session, today's session, the balance).
//! - [`prompt`]: the system prompt.
//! - [`pages`]: the chat pages' data (`/`, `/c/{id}`).
//! - [`log_card`]: a workout the coach logged, as a card with Undo in the thread.

pub mod events;
pub mod goal_tools;
pub mod hub;
pub mod interrupted;
pub mod live;
pub mod log_card;
pub mod pages;
pub mod plan_tools;
pub mod prompt;
pub mod relay;
pub mod reply;
pub mod send;
pub mod tools;
pub mod training_facts;
