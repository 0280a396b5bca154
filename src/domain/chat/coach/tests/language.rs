//! The answer's language follows the message, and the user's setting breaks ties.

use crate::domain::account::Language::{En, He};
use crate::domain::chat::coach::reply_language;

#[test]
fn answers_follow_the_language_most_words_are_in() {
    let cases = [
        ("what's my bench PR?", He, En),
        ("מה השיא שלי בסקוואט?", En, He),
        ("שָׁלוֹם", En, He),
        ("מה השיא שלי ב-bench press", En, He),
        ("my PR in סקוואט", He, En),
        ("hi שלום", En, He),
        ("hi שלום", He, He),
        ("3x5 @ 100", He, He),
        ("12345", En, En),
        ("", He, He),
        ("💪💪", En, En),
    ];
    for (text, fallback, want) in cases {
        assert_eq!(reply_language(text, fallback), want, "{text:?}");
    }
}
