//! Row ids: UUIDv7 (time-ordered) kept as canonical lowercase text, bound as TEXT on both
//! engines. Anything that does not parse as a UUID is "not found", never an error.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, sqlx::Type,
)]
#[sqlx(transparent)]
#[serde(transparent)]
pub struct Id(String);

impl Id {
    pub fn new() -> Self {
        Id(uuid::Uuid::now_v7().to_string())
    }

    /// Parses user input (a path segment); `None` when it is not a UUID.
    pub fn parse(raw: &str) -> Option<Self> {
        uuid::Uuid::parse_str(raw.trim())
            .ok()
            .map(|u| Id(u.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Default for Id {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_canonical_and_time_ordered() {
        let a = Id::new();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let b = Id::new();
        assert!(a < b, "UUIDv7 text sorts by creation time");
        let upper = a.as_str().to_uppercase();
        assert_eq!(Id::parse(&upper), Some(a));
        assert_eq!(Id::parse("42"), None);
        assert_eq!(Id::parse("../etc/passwd"), None);
    }
}
