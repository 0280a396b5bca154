//! One file per route (DESIGN.md's page list). Pages read the viewer and strings from
//! context and submit plain HTML forms, so they work with JavaScript off.

pub mod chat;
pub mod conversation;
pub mod goals;
pub mod history;
pub mod log;
pub mod login;
pub mod not_found;
pub mod plan;
pub mod progress;
pub mod register;
pub mod settings;
pub mod settings_facts;
pub mod settings_import;
