//! The training log's services: plain async functions that the REST routes, the pages and
//! (later) the coach's tools call. They validate with `domain`, store with `server::db`, and
//! keep every derived number (points, records, achievements) in step with the log through
//! [`recompute`].

pub mod exercises;
pub mod goals;
pub mod import;
pub mod log;
pub mod plan;
pub mod recompute;
pub mod stats;
