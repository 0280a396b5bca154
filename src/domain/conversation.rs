//! Conversations as data: title rules shared by REST, pages and (later) the coach.

use crate::domain::account::FieldError;
use crate::domain::text_enum::text_enum;

text_enum!(
    /// Who wrote a chat message.
    Role { User => "user", Assistant => "assistant", System => "system", Tool => "tool" }
);
text_enum!(
    /// Where a chat message is in its life: replies stream, then complete, fail or are stopped.
    MessageStatus { Complete => "complete", Streaming => "streaming", Failed => "failed", Stopped => "stopped" }
);

pub const MAX_TITLE_CHARS: usize = 200;

/// Trims a title; empty means "untitled" (`None`). Longer than 200 characters is an error,
/// never a silent cut, so what the user typed is what is stored.
pub fn normalize_title(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    let Some(raw) = raw else { return Ok(None) };
    let title = raw.trim();
    if title.is_empty() {
        return Ok(None);
    }
    if title.chars().count() > MAX_TITLE_CHARS {
        return Err(FieldError::new(
            "title",
            "too_long",
            format!("Title must be at most {MAX_TITLE_CHARS} characters."),
        ));
    }
    if title.chars().any(|c| c.is_control()) {
        return Err(FieldError::new(
            "title",
            "invalid",
            "Title contains control characters.",
        ));
    }
    Ok(Some(title.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(normalize_title(None).unwrap(), None);
        assert_eq!(normalize_title(Some("   ")).unwrap(), None);
        assert_eq!(
            normalize_title(Some(" Leg day ")).unwrap().as_deref(),
            Some("Leg day")
        );
        let hebrew = "א".repeat(200);
        assert_eq!(normalize_title(Some(&hebrew)).unwrap(), Some(hebrew));
        assert_eq!(
            normalize_title(Some(&"a".repeat(201))).unwrap_err().code,
            "too_long"
        );
        assert!(normalize_title(Some("a\u{0}b")).is_err());
    }
}
