//! A message as the coach reads it: its words, each folded by [`catalog::normalize`] (case,
//! accents, niqqud, final letters, apostrophes) and kept with its byte range, so the parts of a
//! request that are the user's own (an exercise, a plan item's title) are cut from the text as
//! typed. Keywords match a word whole or after the one- or two-letter prefix Hebrew glues onto
//! it (ו ה ב ל ש מ כ: "והשבוע", "מהתוכנית", "שבשבוע"). Never decides what a message means.
//!
//! [`catalog::normalize`]: crate::domain::catalog::normalize

use std::ops::Range;

use crate::domain::catalog::normalize;

/// Letters Hebrew writes in front of a word: and, the, in, to, that, from, as.
const HEBREW_PREFIXES: [char; 7] = ['ו', 'ה', 'ב', 'ל', 'ש', 'מ', 'כ'];
/// What remains after a prefix is cut must be at least this long, so "מה" never becomes "ה".
const MIN_STEM_CHARS: usize = 2;

/// One word: its place in the message and its folded form.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Word {
    pub span: Range<usize>,
    pub folded: String,
}

impl Word {
    /// Whether this word is `key` (already folded), alone or behind Hebrew prefixes.
    pub fn is(&self, key: &str) -> bool {
        self.folded == key || without_prefixes(&self.folded).any(|stem| stem == key)
    }

    /// Whether this word is one of `keys` (as written: they are folded here).
    pub fn is_any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|key| self.is(&normalize(key)))
    }

    pub fn is_hebrew(&self) -> bool {
        self.folded.chars().any(is_hebrew_letter)
    }
}

/// The words of a message, in order.
#[derive(Clone, Debug)]
pub(super) struct Words<'a> {
    pub text: &'a str,
    pub list: Vec<Word>,
}

impl<'a> Words<'a> {
    pub fn of(text: &'a str) -> Words<'a> {
        let mut list = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let next = chars.peek().map(|&(_, n)| n);
            let inside = is_word_char(c)
                || (start.is_some() && is_inner_mark(c) && next.is_some_and(char::is_alphabetic));
            match (inside, start) {
                (true, None) => start = Some(i),
                (false, Some(s)) => {
                    push_word(text, s..i, &mut list);
                    start = None;
                }
                _ => {}
            }
        }
        if let Some(s) = start {
            push_word(text, s..text.len(), &mut list);
        }
        Words { text, list }
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The first place `phrase` (words as written, matched with [`Word::is`]) occurs at or after
    /// word `from`, as a range of word indices.
    pub fn find_from(&self, phrase: &str, from: usize) -> Option<Range<usize>> {
        let keys: Vec<String> = normalize(phrase)
            .split(' ')
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect();
        if keys.is_empty() || keys.len() > self.len() {
            return None;
        }
        (from..=self.len() - keys.len())
            .find(|&i| keys.iter().zip(&self.list[i..]).all(|(k, w)| w.is(k)))
            .map(|i| i..i + keys.len())
    }

    pub fn find(&self, phrase: &str) -> Option<Range<usize>> {
        self.find_from(phrase, 0)
    }

    /// The first of `phrases` that occurs, earliest in the message first.
    pub fn find_any(&self, phrases: &[&str]) -> Option<Range<usize>> {
        phrases
            .iter()
            .filter_map(|p| self.find(p))
            .min_by_key(|r| (r.start, std::cmp::Reverse(r.end)))
    }

    /// Where `phrase` ends the message, if it does.
    pub fn ends_with(&self, phrase: &str) -> Option<Range<usize>> {
        let n = normalize(phrase)
            .split(' ')
            .filter(|k| !k.is_empty())
            .count();
        self.find_from(phrase, self.len().checked_sub(n)?)
    }

    /// Where one of `phrases` starts the message at word `at`: the longest that does.
    pub fn starts_at(&self, phrases: &[&str], at: usize) -> Option<Range<usize>> {
        phrases
            .iter()
            .filter_map(|p| self.find_from(p, at).filter(|r| r.start == at))
            .max_by_key(|r| r.end)
    }

    /// Marks in `covered` every word that is part of an occurrence of one of `phrases`, and
    /// tells whether there was any.
    pub fn cover(&self, phrases: &[&str], covered: &mut [bool]) -> bool {
        let mut found = false;
        for phrase in phrases {
            let mut from = 0;
            while let Some(at) = self.find_from(phrase, from) {
                covered[at.clone()].iter_mut().for_each(|c| *c = true);
                from = at.end;
                found = true;
            }
        }
        found
    }

    pub fn has_any(&self, phrases: &[&str]) -> bool {
        phrases.iter().any(|p| self.find(p).is_some())
    }

    /// The bytes of the message that words `range` cover (from the first's start to the last's
    /// end).
    pub fn bytes(&self, range: Range<usize>) -> Range<usize> {
        match (self.list.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last)) if last >= range.start => {
                first.span.start..self.list.get(last).map_or(first.span.end, |w| w.span.end)
            }
            _ => 0..0,
        }
    }
}

/// Letters, digits and the marks written over or under them (niqqud, accents).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0591}'..='\u{05BD}' | '\u{05BF}' | '\u{05C1}' | '\u{05C2}' | '\u{05C4}' | '\u{05C5}' | '\u{05C7}' | '\u{0300}'..='\u{036F}')
}

/// Apostrophes and geresh/gershayim inside a word: "what's", "בנץ'פרס", "ק״ג". One that ends a
/// word ("ג'") stays outside it, which does not matter: folding drops it anyway.
fn is_inner_mark(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{05F3}' | '\u{05F4}' | '"')
}

fn is_hebrew_letter(c: char) -> bool {
    ('\u{05D0}'..='\u{05EA}').contains(&c)
}

fn push_word(text: &str, span: Range<usize>, list: &mut Vec<Word>) {
    let folded = normalize(&text[span.clone()]);
    if !folded.is_empty() {
        list.push(Word { span, folded });
    }
}

/// The word with one, then two, Hebrew prefix letters removed (only what is possible).
fn without_prefixes(word: &str) -> impl Iterator<Item = &str> {
    let strip = |w: &str| -> Option<usize> {
        let first = w.chars().next()?;
        let rest = &w[first.len_utf8()..];
        (HEBREW_PREFIXES.contains(&first) && rest.chars().count() >= MIN_STEM_CHARS)
            .then_some(w.len() - rest.len())
    };
    let one = strip(word);
    let two = one.and_then(|n| strip(&word[n..]).map(|m| n + m));
    [one, two].into_iter().flatten().map(move |n| &word[n..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_place_and_fold_case_niqqud_and_apostrophes() {
        let text = "What's my בֶּנְץ' PR? (ב-5/12)";
        let words = Words::of(text);
        let folded: Vec<&str> = words.list.iter().map(|w| w.folded.as_str()).collect();
        assert_eq!(folded, ["whats", "my", "בנצ", "pr", "ב", "5", "12"]);
        assert_eq!(&text[words.list[2].span.clone()], "בֶּנְץ");
        assert_eq!(&text[words.bytes(0..2)], "What's my");
    }

    #[test]
    fn keywords_match_behind_hebrew_prefixes_but_keep_two_letters() {
        let cases = [
            ("והשבוע", "שבוע", true),
            ("מהתוכנית", "תוכנית", true),
            ("השיא", "שיא", true),
            ("שלום", "שלומ", true),
            ("למה", "מה", true),
            ("מה", "ה", false),
            ("week", "eek", false),
            ("בשבוע", "week", false),
        ];
        for (word, key, want) in cases {
            let words = Words::of(word);
            assert_eq!(words.list[0].is(key), want, "{word} is {key}");
        }
    }

    #[test]
    fn phrases_are_found_word_by_word() {
        let words = Words::of("please, add to my plan: deload week");
        assert_eq!(words.find("add to my plan"), Some(1..5));
        assert_eq!(words.find("to the plan"), None);
        assert_eq!(words.find_any(&["plan", "add to"]), Some(1..3));
        let he = Words::of("תוסיף לתוכנית ריצה");
        assert_eq!(he.find("תוכנית"), Some(1..2));
    }
}
