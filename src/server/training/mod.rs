//! The training log's services: plain async functions that the REST routes, the pages and
//! (later) the coach's tools call. They validate with `domain`, store with `server::db`, and
//! keep every derived number (points, records, achievements) in step with the log through
//! [`recompute`].

pub mod exercises;
pub mod goals;
pub mod goals_page;
pub mod import;
pub mod log;
pub mod log_page;
pub mod plan;
pub mod plan_page;
pub mod progress_page;
pub mod recompute;
pub mod stats;
