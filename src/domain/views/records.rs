//! A personal record as the pages show it.

use serde::{Deserialize, Serialize};

use crate::domain::scoring::records::RecordType;

/// A personal record as the pages show it (value already in the user's units).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordLine {
    pub exercise: String,
    pub record_type: RecordType,
    pub value: String,
    /// Local date, YYYY-MM-DD.
    pub date: String,
}
