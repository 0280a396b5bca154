//! Accounts as users see them: language, units, coach preferences, and the rules for what a
//! person may type into the register and settings forms. Storage lives in `server::db::users`.

use serde::{Deserialize, Serialize};

use crate::domain::text_enum::text_enum;

/// Shortest password we accept (NIST SP 800-63B's minimum for user-chosen secrets).
pub const MIN_PASSWORD_CHARS: usize = 8;
/// Longest password we hash: bounds the work an attacker can make argon2 do per request.
pub const MAX_PASSWORD_CHARS: usize = 256;
pub const MAX_DISPLAY_NAME_CHARS: usize = 80;
pub const MAX_EMAIL_CHARS: usize = 254;

text_enum!(
    /// The UI and coach language. Hebrew pages are right-to-left.
    Language { En => "en", He => "he" }
);
text_enum!(
    /// How quantities are shown and typed: kg/km or lb/mi. Storage is always metric.
    Units { Metric => "metric", Imperial => "imperial" }
);
text_enum!(
    /// The tone the coach takes.
    CoachStyle { Balanced => "balanced", Encouraging => "encouraging", Tough => "tough" }
);
text_enum!(
    /// How long the coach's answers should be.
    ResponseLength { Medium => "medium", Short => "short", Detailed => "detailed" }
);

impl Language {
    /// The one of two translations (an exercise's names, an achievement's) in this language.
    pub fn pick<T>(self, en: T, he: T) -> T {
        match self {
            Language::En => en,
            Language::He => he,
        }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Language::He)
    }

    /// Picks a language from an `Accept-Language` header: the first supported tag wins.
    pub fn from_accept_language(header: &str) -> Option<Language> {
        let mut tags: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.trim().split(';');
                let tag = pieces.next()?.trim();
                let q = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        tags.sort_by(|a, b| b.0.total_cmp(&a.0));
        tags.into_iter().find_map(|(_, tag)| {
            let primary = tag.split('-').next()?.to_ascii_lowercase();
            match primary.as_str() {
                "he" | "iw" => Some(Language::He),
                "en" => Some(Language::En),
                _ => None,
            }
        })
    }
}

/// Coach preferences, stored as JSON so new keys need no migration. The notification
/// switches (reminders, achievements, weekly reports) are part of the training profile
/// (`domain::profile`). A stored key this struct no longer has (an old `notifications`) is
/// ignored on reading.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct Preferences {
    pub coach_style: CoachStyle,
    pub response_length: ResponseLength,
}

/// A change to some preferences: absent fields keep their current value.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PreferencesPatch {
    pub coach_style: Option<CoachStyle>,
    pub response_length: Option<ResponseLength>,
}

impl Preferences {
    pub fn apply(&self, patch: &PreferencesPatch) -> Preferences {
        Preferences {
            coach_style: patch.coach_style.unwrap_or(self.coach_style),
            response_length: patch.response_length.unwrap_or(self.response_length),
        }
    }
}

/// One problem with one field of a form or JSON body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FieldError {
    pub field: String,
    pub code: String,
    pub message: String,
}

impl FieldError {
    pub fn new(field: &str, code: &str, message: impl Into<String>) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// Emails are compared trimmed and lowercased (Unicode lowercasing), so `Ann@X.io` and
/// ` ann@x.io` are one account.
pub fn normalize_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

pub fn validate_email(normalized: &str) -> Result<(), FieldError> {
    if normalized.is_empty() {
        return Err(FieldError::new("email", "required", "Email is required."));
    }
    if normalized.chars().count() > MAX_EMAIL_CHARS
        || !email_address::EmailAddress::is_valid(normalized)
        || !normalized.contains('@')
        || normalized.contains(char::is_whitespace)
    {
        return Err(FieldError::new(
            "email",
            "invalid",
            "This is not a valid email address.",
        ));
    }
    Ok(())
}

pub fn validate_password(password: &str) -> Result<(), FieldError> {
    let chars = password.chars().count();
    if chars < MIN_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "too_short",
            format!("Password must be at least {MIN_PASSWORD_CHARS} characters."),
        ));
    }
    if chars > MAX_PASSWORD_CHARS {
        return Err(FieldError::new(
            "password",
            "too_long",
            format!("Password must be at most {MAX_PASSWORD_CHARS} characters."),
        ));
    }
    Ok(())
}

/// Trims a display name; an empty one falls back to the email's local part.
pub fn normalize_display_name(raw: Option<&str>, email: &str) -> Result<String, FieldError> {
    let trimmed = raw.map(str::trim).unwrap_or("");
    let name = if trimmed.is_empty() {
        email.split('@').next().unwrap_or(email).trim()
    } else {
        trimmed
    };
    if name.chars().count() > MAX_DISPLAY_NAME_CHARS {
        return Err(FieldError::new(
            "display_name",
            "too_long",
            format!("Display name must be at most {MAX_DISPLAY_NAME_CHARS} characters."),
        ));
    }
    if name.chars().any(char::is_control) {
        return Err(FieldError::new(
            "display_name",
            "invalid",
            "Display name contains control characters.",
        ));
    }
    Ok(name.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn emails_are_trimmed_and_lowercased_with_unicode_rules() {
        assert_eq!(
            normalize_email("  Ann.Lee@Example.COM "),
            "ann.lee@example.com"
        );
        assert_eq!(normalize_email("ÉLODIE@exemple.fr"), "élodie@exemple.fr");
    }

    #[test]
    fn email_validation_rejects_what_cannot_receive_mail() {
        for bad in ["", "no-at-sign", "a@", "@b.io", "two words@x.io"] {
            assert!(validate_email(bad).is_err(), "{bad:?} should be rejected");
        }
        for good in ["a@b.io", "first.last+tag@sub.example.org"] {
            assert!(validate_email(good).is_ok(), "{good:?} should be accepted");
        }
    }

    #[test]
    fn passwords_need_eight_characters_counted_as_characters_not_bytes() {
        assert_eq!(validate_password("1234567").unwrap_err().code, "too_short");
        assert!(validate_password("12345678").is_ok());
        // Seven Hebrew letters are 14 bytes but still too short.
        assert!(validate_password("שלוםשלו").is_err());
        assert!(validate_password(&"x".repeat(MAX_PASSWORD_CHARS + 1)).is_err());
    }

    #[test]
    fn display_name_defaults_to_email_local_part() {
        assert_eq!(normalize_display_name(None, "dana@x.io").unwrap(), "dana");
        assert_eq!(
            normalize_display_name(Some("  "), "dana@x.io").unwrap(),
            "dana"
        );
        assert_eq!(
            normalize_display_name(Some(" דנה "), "dana@x.io").unwrap(),
            "דנה"
        );
        assert!(normalize_display_name(Some(&"n".repeat(81)), "a@b.io").is_err());
    }

    #[test]
    fn accept_language_picks_the_best_supported_tag() {
        assert_eq!(
            Language::from_accept_language("he-IL,he;q=0.9,en;q=0.8"),
            Some(Language::He)
        );
        assert_eq!(
            Language::from_accept_language("fr-FR,en;q=0.5,he;q=0.4"),
            Some(Language::En)
        );
        assert_eq!(
            Language::from_accept_language("en;q=0.2, he;q=0.9"),
            Some(Language::He)
        );
        assert_eq!(Language::from_accept_language("fr, de"), None);
    }

    #[test]
    fn a_preferences_patch_keeps_what_it_does_not_mention() {
        let current = Preferences {
            coach_style: CoachStyle::Tough,
            response_length: ResponseLength::Short,
        };
        let next = current.apply(&PreferencesPatch {
            response_length: Some(ResponseLength::Detailed),
            ..Default::default()
        });
        assert_eq!(
            next,
            Preferences {
                response_length: ResponseLength::Detailed,
                ..current
            }
        );
        let stored: Preferences =
            serde_json::from_str(r#"{"coach_style": "tough", "notifications": true}"#).unwrap();
        assert_eq!(
            stored.coach_style,
            CoachStyle::Tough,
            "an old key is ignored"
        );
    }

    #[test]
    fn enums_round_trip_through_their_text_form() {
        for l in Language::ALL {
            assert_eq!(l.as_str().parse::<Language>().unwrap(), *l);
        }
        assert!("fr".parse::<Language>().is_err());
        assert_eq!(
            serde_json::to_string(&Units::Imperial).unwrap(),
            "\"imperial\""
        );
    }
}
