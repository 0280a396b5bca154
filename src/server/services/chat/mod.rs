//! The coach chat: a user's message goes in, the coach's reply comes out, everything stored.
//!
//! - [`send`]: the agent loop. The user's message is committed first; then the provider
//!   (`server::llm`) is asked, its tool calls run and are stored as `tool` messages, until it
//!   answers in words (or fails, which is stored too). A repeated `client_id` answers the
//!   first exchange instead of a second one.
//! - [`tools`]: the tools a coach may call, run through the same services as REST.
//! - [`prompt`]: the system prompt.
//! - [`pages`]: the chat pages' data (`/`, `/c/{id}`).

pub mod pages;
pub mod prompt;
pub mod send;
pub mod tools;
