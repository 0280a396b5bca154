//! What a user thinks of one of the coach's replies: a rating from 1 to 5, helpful or not, and
//! a comment; at least one of them.

use serde::Deserialize;

use crate::domain::account::FieldError;

pub const MAX_COMMENT_CHARS: usize = 2000;

/// `POST /messages/{id}/feedback` body. Sending it again replaces the earlier feedback.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FeedbackInput {
    /// 1 (poor) to 5 (great).
    pub rating: Option<u8>,
    /// Thumbs up (`true`) or down (`false`).
    pub helpful: Option<bool>,
    pub comment: Option<String>,
}

/// The input with its comment trimmed (empty: none), or every problem with it.
pub fn validate_feedback(input: &FeedbackInput) -> Result<FeedbackInput, Vec<FieldError>> {
    let mut errors = Vec::new();
    if input.rating.is_some_and(|r| !(1..=5).contains(&r)) {
        errors.push(FieldError::new(
            "rating",
            "out_of_range",
            "A rating is 1 to 5.",
        ));
    }
    let comment = input
        .comment
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    if comment
        .as_deref()
        .is_some_and(|c| c.chars().count() > MAX_COMMENT_CHARS)
    {
        errors.push(FieldError::new(
            "comment",
            "too_long",
            format!("A comment is at most {MAX_COMMENT_CHARS} characters."),
        ));
    }
    if input.rating.is_none() && input.helpful.is_none() && comment.is_none() {
        errors.push(FieldError::new(
            "rating",
            "required",
            "Give a rating, a thumbs up or down, or a comment.",
        ));
    }
    if errors.is_empty() {
        Ok(FeedbackInput {
            rating: input.rating,
            helpful: input.helpful,
            comment,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feedback_needs_something_and_stays_in_bounds() {
        let ok = |rating, helpful, comment: Option<&str>| {
            validate_feedback(&FeedbackInput {
                rating,
                helpful,
                comment: comment.map(Into::into),
            })
        };
        assert!(ok(Some(5), None, None).is_ok());
        assert!(ok(None, Some(false), None).is_ok());
        assert_eq!(
            ok(None, None, Some("  useful  "))
                .unwrap()
                .comment
                .as_deref(),
            Some("useful")
        );
        let codes = |r: Result<FeedbackInput, Vec<FieldError>>| {
            r.unwrap_err()
                .into_iter()
                .map(|e| e.code)
                .collect::<Vec<_>>()
        };
        assert_eq!(codes(ok(None, None, Some("   "))), ["required"]);
        assert_eq!(codes(ok(Some(0), None, None)), ["out_of_range"]);
        assert_eq!(codes(ok(Some(6), Some(true), None)), ["out_of_range"]);
        assert_eq!(codes(ok(None, None, Some(&"x".repeat(2001)))), ["too_long"]);
    }
}
