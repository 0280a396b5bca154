//! A configured model's opening around the check-in's numbers. The numbers stay the template's
//! ([`super::text`], read from the log); the model is asked for an opening of a sentence or
//! two with no numbers in it, and what it answers is kept only if that holds: no digit in any
//! script, no number word the log reader knows ("three", "שלושה", "an hour"), the user's
//! language, plain prose, short, ended as a sentence is. Anything else is dropped and the template speaks alone.

use crate::domain::account::{Language, Units};
use crate::domain::catalog::is_hebrew;
use crate::domain::nl_log::quantities;

use super::WeekFacts;

/// The longest opening kept, in characters.
pub const MAX_CHARS: usize = 400;

/// The instructions the model is given; the template's text follows as the user's turn.
pub fn prompt(language: Language) -> String {
    let language = match language {
        Language::En => "English",
        Language::He => "Hebrew",
    };
    format!(
        "You are a personal trainer opening a weekly check-in with your client. The check-in \
         below is what the training log says about last week. Write one or two short, warm \
         sentences in {language} to open it: what the week means and one thing to focus on \
         this week. Do not write any number, digit or number word, and do not repeat figures: \
         the check-in itself shows them under your words. Plain sentences only: no heading, \
         list, link, emoji or greeting by name."
    )
}

/// The model's turn: the check-in as the template writes it.
pub fn request(facts: &WeekFacts, language: Language, units: Units) -> String {
    super::text(facts, language, units)
}

/// Why a model's opening was not kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    Empty,
    TooLong,
    /// A digit, or a number the log reader finds in words.
    Number,
    WrongLanguage,
    /// Markup, a link or a list: the opening is prose.
    NotProse,
    /// Not ended as a sentence is (cut off at the token cap, or a heading).
    Unfinished,
}

/// The model's answer as the check-in's opening, or why it is left out.
pub fn opening(answer: &str, language: Language) -> Result<String, Refused> {
    let text = answer.split_whitespace().collect::<Vec<_>>().join(" ");
    let text = text.trim_matches(|c: char| c == '"' || c == '“' || c == '”');
    if text.is_empty() {
        return Err(Refused::Empty);
    }
    if text.chars().count() > MAX_CHARS {
        return Err(Refused::TooLong);
    }
    if text.chars().any(char::is_numeric) || !quantities(text).is_empty() {
        return Err(Refused::Number);
    }
    if is_hebrew(text) != (language == Language::He) {
        return Err(Refused::WrongLanguage);
    }
    let markup = ["<", ">", "](", "http", "www.", "`", "#", "*", "|", "- "];
    if markup.iter().any(|m| text.contains(m)) {
        return Err(Refused::NotProse);
    }
    if !text.ends_with(['.', '!', '?']) {
        return Err(Refused::Unfinished);
    }
    Ok(text.to_owned())
}

/// The check-in with the opening, when there is one, above the template's text.
pub fn with_opening(opening: Option<&str>, text: String) -> String {
    match opening {
        Some(o) => format!("{o}\n\n{text}"),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_opening_without_numbers_in_the_users_language_is_kept() {
        assert_eq!(
            opening(
                "  \"A steady week: you kept showing up.\n Keep the squat honest this week.\" ",
                Language::En
            ),
            Ok("A steady week: you kept showing up. Keep the squat honest this week.".into())
        );
        assert_eq!(
            opening(
                "שבוע יציב, המשך כך. השבוע כדאי להוסיף עבודה לרגליים.",
                Language::He
            ),
            Ok("שבוע יציב, המשך כך. השבוע כדאי להוסיף עבודה לרגליים.".into())
        );
    }

    #[test]
    fn an_opening_with_any_number_is_dropped() {
        for answer in [
            "Great week, 3 workouts!",
            "You lifted twelve thousand kilos.",
            "Three solid sessions.",
            "You trained for an hour and a half more.",
            "Volume rose by ٢٠ percent.",
            "Volume is up ²⁰ on the week.",
        ] {
            assert_eq!(
                opening(answer, Language::En),
                Err(Refused::Number),
                "{answer}"
            );
        }
        for answer in ["שלושה אימונים טובים!", "שבוע עם 3 אימונים", "התאמנת שעתיים"]
        {
            assert_eq!(
                opening(answer, Language::He),
                Err(Refused::Number),
                "{answer}"
            );
        }
    }

    #[test]
    fn an_opening_in_the_wrong_language_or_with_markup_is_dropped() {
        assert_eq!(
            opening("A good week.", Language::He),
            Err(Refused::WrongLanguage)
        );
        assert_eq!(
            opening("שבוע טוב.", Language::En),
            Err(Refused::WrongLanguage)
        );
        for answer in [
            "## Weekly check-in",
            "Good week. <script>alert('hi')</script>",
            "See [this](https://example.com).",
            "**Great** week.",
            "- Good week",
        ] {
            assert_eq!(
                opening(answer, Language::En),
                Err(Refused::NotProse),
                "{answer}"
            );
        }
        assert_eq!(opening(" \n ", Language::En), Err(Refused::Empty));
        assert_eq!(
            opening("A good week, and this week we", Language::En),
            Err(Refused::Unfinished)
        );
        assert_eq!(
            opening(&"Good week. ".repeat(60), Language::En),
            Err(Refused::TooLong)
        );
    }

    #[test]
    fn the_opening_goes_above_the_numbers() {
        assert_eq!(
            with_opening(Some("Well done."), "Last week: …".into()),
            "Well done.\n\nLast week: …"
        );
        assert_eq!(with_opening(None, "Last week: …".into()), "Last week: …");
    }
}
