//! The coach chat as data: conversations and messages, the tools the coach may call (their
//! arguments and results, whose JSON schemas a real model is given), and the offline coach
//! that answers without a model.
//!
//! - [`conversation`]: titles, message roles and statuses, what a user may send.
//! - [`facts`]: what the coach knows about a user (the `remember` tool, Settings).
//! - [`feedback`]: what a user thinks of a reply.
//! - [`notices`]: plan items due today and new achievements, said once before an answer.
//! - [`reply_state`]: whether a reply is over, from its stored steps.
//! - [`transcript`]: a conversation as a Markdown document.
//! - [`tools`]: each tool's name, arguments and result; the server runs them.
//!   [`session_tools`]: the planning tools' (`suggest_session`, `training_balance`).
//! - [`coach`]: the offline coach, which reads English and Hebrew requests into tool calls and
//!   words the answers from the results, when no model is configured.

pub mod coach;
pub mod conversation;
pub mod facts;
pub mod feedback;
pub mod notices;
pub mod reply_state;
pub mod session_tools;
pub mod tools;
pub mod transcript;
