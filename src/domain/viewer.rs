//! Who is looking at a page: the signed-in user's profile (if any) and the page language.
//! The server computes it once per request; the browser receives it serialized in the page.

use crate::domain::account::{Language, Preferences, Units};
use serde::{Deserialize, Serialize};

/// The parts of a user the UI shows and the settings form edits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Profile {
    pub id: String,
    pub email: String,
    pub display_name: String,
    pub language: Language,
    pub units: Units,
    pub timezone: String,
    pub preferences: Preferences,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Viewer {
    pub user: Option<Profile>,
    /// The user's language when signed in, else the browser's preference.
    pub language: Language,
}

impl Viewer {
    pub fn anonymous(language: Language) -> Self {
        Self {
            user: None,
            language,
        }
    }

    pub fn signed_in(profile: Profile) -> Self {
        Self {
            language: profile.language,
            user: Some(profile),
        }
    }
}
