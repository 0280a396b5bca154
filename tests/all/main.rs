//! Spotter's integration tests, compiled as one test binary (`cargo test --test all`): each file
//! used to be its own binary linking the whole server, which made linking most of the build.
//! Tests are named by file, e.g. `api_auth::login_sets_a_cookie_and_accepts_any_case::sqlite`; run one file
//! with `cargo test --features ssr --test all api_auth::`.
//!
//! [`common`] is the harness (a real server on port 0 over a fresh SQLite or PostgreSQL
//! database) and defines `both_engines!`, which every file below can use because `common` is
//! declared first.
#![cfg(feature = "ssr")]

#[macro_use]
mod common;
mod copy;

mod account_data;
mod api_auth;
mod api_chat;
mod api_conversations;
mod api_goals;
mod api_import;
mod api_me_tokens;
mod api_plan;
mod api_robustness;
mod api_workouts;
mod charts;
mod chat_limits;
mod chat_pages;
mod chat_streaming;
mod checkin;
mod cli;
mod coach_corpus;
mod coach_memory;
mod coach_plan;
mod compression;
mod demo;
mod earned_dates;
mod faults;
mod import_tolerance;
mod incremental;
mod llm_openai;
mod log_text;
mod log_words;
mod openapi;
mod pages;
mod phrase_corpus;
mod progress_charts;
mod real_llm;
mod restore;
mod sandbox;
mod scale;
mod schema_parity;
mod security;
mod training_pages;
mod training_profile;
