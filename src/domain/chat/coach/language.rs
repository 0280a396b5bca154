//! Which language to answer a message in: the one most of its words are written in. Words, not
//! letters, are counted, so a Hebrew sentence naming "bench press" stays Hebrew; words with
//! digits in them ("3x5", "5k") are quantities and count for neither.

use super::words::Words;
use crate::domain::account::Language;

/// Hebrew when most words with letters are Hebrew, English when most are Latin; a tie with
/// Hebrew in it is Hebrew ("PR בסקוואט??": English speakers do not write Hebrew words);
/// otherwise (digits or emoji only) `fallback`, the user's setting.
pub fn reply_language(text: &str, fallback: Language) -> Language {
    let (mut hebrew, mut latin) = (0usize, 0usize);
    for word in Words::of(text).list {
        if word.folded.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if word.is_hebrew() {
            hebrew += 1;
        } else if word.folded.chars().any(|c| c.is_ascii_alphabetic()) {
            latin += 1;
        }
    }
    match hebrew.cmp(&latin) {
        std::cmp::Ordering::Greater => Language::He,
        std::cmp::Ordering::Less => Language::En,
        std::cmp::Ordering::Equal if hebrew > 0 => Language::He,
        std::cmp::Ordering::Equal => fallback,
    }
}
