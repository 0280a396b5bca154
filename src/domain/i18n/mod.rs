//! Every string a user can see, in English and Hebrew.
//!
//! - [`strings`]: the [`Strings`] table, one field per string; [`en`] and [`he`] fill it, and a
//!   language that misses a field does not compile, so no page shows a missing translation.
//! - [`plural`]: counted phrases with Hebrew's forms for one, two and many.
//! - [`form_error`]: why a plain form was refused, shared by the handlers and the pages.
//! - [`labels`]: day labels, record and level labels, `{key}` placeholders.

pub mod en;
pub mod form_error;
pub mod he;
pub mod labels;
pub mod plural;
pub mod strings;

pub use en::EN;
pub use form_error::FormError;
pub use he::HE;
pub use labels::{
    day_label, fill, glued, goal_type_label, level_label, moment_label, record_label,
};
pub use plural::Plural;
pub use strings::Strings;

use crate::domain::account::Language;

pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hebrew_strings_are_hebrew() {
        // A Hebrew string that is a copy of the English one would be a missed translation.
        let he_letter = |s: &str| s.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c));
        for (en, he) in [
            (EN.nav_settings, HE.nav_settings),
            (EN.login_submit, HE.login_submit),
            (EN.err_invalid_credentials, HE.err_invalid_credentials),
            (EN.chat_send, HE.chat_send),
            (EN.days.two, HE.days.two),
            (EN.import_format_auto, HE.import_format_auto),
        ] {
            assert_ne!(en, he);
            assert!(he_letter(he), "{he:?} has no Hebrew letters");
        }
    }
}
