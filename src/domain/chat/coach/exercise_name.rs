//! The exercise a request names among its other words ("heaviest deadlift i've ever done",
//! "מה הכי כבד שעשיתי בבנץ'", "lower my bench goal to 90 kg"): the longest run of words the
//! catalog knows for sure, also behind a glued Hebrew preposition. Short common words never
//! count on their own ("now" is not "row").

use std::ops::Range;

use super::words::Words;
use crate::domain::catalog::catalog;

/// A catalog match at least this sure (an exact name or alias, or its plural or prefixed form).
const SURE: f32 = 0.9;
/// Words this long or shorter name an exercise only as a known abbreviation ("dl", "ohp").
const SHORT: usize = 3;

/// The words (as written) and the catalog slug of the exercise named within the words that
/// `usable` allows, longest first.
pub(super) fn named_exercise(
    words: &Words,
    usable: impl Fn(usize) -> bool,
) -> Option<(String, String)> {
    let n = words.len();
    for len in (1..=4).rev() {
        for start in 0..n.saturating_sub(len - 1) {
            let range: Range<usize> = start..start + len;
            if !range.clone().all(&usable) {
                continue;
            }
            let span = &words.text[words.bytes(range)];
            // "בסקוואט", "ב-deadlift": the name without the glued preposition, when that is a
            // name too.
            if let Some(rest) = span.strip_prefix(['ה', 'ב', 'ל', 'ש']).map(after_prefix)
                && let Some(slug) = sure(rest, len)
            {
                return Some((rest.to_owned(), slug));
            }
            if let Some(slug) = sure(span, len) {
                return Some((span.to_owned(), slug));
            }
        }
    }
    None
}

/// What follows a glued preposition: without its points and hyphen.
fn after_prefix(rest: &str) -> &str {
    rest.trim_start_matches(|c: char| ('\u{0591}'..='\u{05C7}').contains(&c) || c == '-')
}

fn sure(span: &str, len: usize) -> Option<String> {
    let found = catalog().find(span, 2);
    let best = found.first()?;
    let alone = found
        .get(1)
        .is_none_or(|next| next.confidence < best.confidence);
    let short = len == 1 && span.chars().count() <= SHORT && best.confidence < 1.0;
    (best.confidence >= SURE && alone && !short).then(|| best.slug.clone())
}
