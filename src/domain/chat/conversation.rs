//! Conversations and messages as data: title rules, message roles and statuses, and what a
//! user may send.

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
/// Longest message a user may send.
pub const MAX_MESSAGE_CHARS: usize = 10_000;

/// A message as the user sent it: blank is refused, longer than [`MAX_MESSAGE_CHARS`] is an
/// error (never cut), and what is stored is exactly what was typed, trailing blanks removed.
pub fn validate_message(raw: &str) -> Result<String, FieldError> {
    let text = raw.trim_end();
    if text.trim().is_empty() {
        return Err(FieldError::new(
            "content",
            "required",
            "Write a message first.",
        ));
    }
    if text.chars().count() > MAX_MESSAGE_CHARS {
        return Err(FieldError::new(
            "content",
            "too_long",
            format!("A message is at most {MAX_MESSAGE_CHARS} characters."),
        ));
    }
    Ok(text.to_owned())
}

/// What the model is told of messages older than the ones it reads verbatim: the questions
/// the user asked, newest last, each on its first line and cut at 120 characters, at most
/// 2,000 characters in all (the oldest drop first). `None` when there is nothing older.
pub fn summarize_earlier<'a>(older: impl IntoIterator<Item = (Role, &'a str)>) -> Option<String> {
    const LINE: usize = 120;
    const TOTAL: usize = 2000;
    let questions: Vec<String> = older
        .into_iter()
        .filter(|(role, _)| *role == Role::User)
        .filter_map(|(_, text)| text.lines().map(str::trim).find(|l| !l.is_empty()))
        .map(|line| {
            if line.chars().count() > LINE {
                format!("{}…", line.chars().take(LINE).collect::<String>())
            } else {
                line.to_owned()
            }
        })
        .collect();
    let mut kept: Vec<&str> = Vec::new();
    let mut size = 0;
    for q in questions.iter().rev() {
        size += q.chars().count() + 3;
        if size > TOTAL {
            break;
        }
        kept.push(q);
    }
    if kept.is_empty() {
        return None;
    }
    kept.reverse();
    Some(format!(
        "Earlier in this conversation the user asked:\n- {}",
        kept.join("\n- ")
    ))
}

/// A title from the first thing the user said: its first line, at most 60 characters, cut at
/// a word boundary (the user can rename it).
pub fn title_from(first_message: &str) -> Option<String> {
    const MAX: usize = 60;
    let line = first_message
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())?;
    if line.chars().count() <= MAX {
        return Some(line.to_owned());
    }
    let cut: String = line.chars().take(MAX).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(i) if i > MAX / 2 => cut[..i].trim_end().to_owned(),
        _ => cut,
    };
    Some(format!("{at_word}…"))
}

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
    #[test]
    fn messages_are_kept_as_typed_within_bounds() {
        use super::*;
        assert_eq!(validate_message("  hi there \n").unwrap(), "  hi there");
        assert_eq!(validate_message(" \n\t ").unwrap_err().code, "required");
        let long = "א".repeat(MAX_MESSAGE_CHARS + 1);
        assert_eq!(validate_message(&long).unwrap_err().code, "too_long");
        assert!(validate_message(&"א".repeat(MAX_MESSAGE_CHARS)).is_ok());
    }

    #[test]
    fn earlier_messages_are_summed_up_by_the_questions_asked() {
        use super::*;
        let older = [
            (Role::User, "my squat stats\nthanks"),
            (Role::Assistant, "You squatted 3 times."),
            (Role::Tool, "{}"),
            (Role::User, "  "),
            (Role::User, "add deload week"),
        ];
        assert_eq!(
            summarize_earlier(older).as_deref(),
            Some(
                "Earlier in this conversation the user asked:\n- my squat stats\n- add deload week"
            )
        );
        assert_eq!(summarize_earlier([(Role::Assistant, "hi")]), None);
        let many: Vec<(Role, String)> = (0..100)
            .map(|i| (Role::User, format!("question {i} {}", "x".repeat(150))))
            .collect();
        let summary = summarize_earlier(many.iter().map(|(r, t)| (*r, t.as_str()))).unwrap();
        assert!(summary.chars().count() <= 2100, "bounded");
        assert!(
            summary.contains("question 99") && !summary.contains("question 0 "),
            "the newest kept"
        );
    }

    #[test]
    fn titles_come_from_the_first_line_cut_at_a_word() {
        use super::*;
        assert_eq!(
            title_from("\n  How is my squat?\nmore").as_deref(),
            Some("How is my squat?")
        );
        let t = title_from(&"word ".repeat(30)).unwrap();
        assert!(t.ends_with("word…") && t.chars().count() <= 61, "{t}");
        assert_eq!(title_from("   "), None);
    }

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
