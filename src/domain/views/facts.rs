//! What Settings shows of the coach's memory of the user.

use serde::{Deserialize, Serialize};

use crate::domain::chat::facts::{FactKind, FactSource};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FactLine {
    pub id: String,
    pub kind: FactKind,
    pub text: String,
    pub source: FactSource,
}
