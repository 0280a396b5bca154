//! Text to tokens for the due-date grammar: lower-cased, niqqud and direction marks dropped,
//! Hebrew and typographic punctuation folded to ASCII. Every token keeps its byte span in the
//! original text, so a phrase found inside a title can be cut out of it on char boundaries.

use std::ops::{Range, RangeInclusive};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Number,
    Mark,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Token {
    pub(super) kind: Kind,
    pub(super) text: String,
    pub(super) span: Range<usize>,
}

/// A rule's reading: what it understood and the index of the first token after it.
pub(super) type Hit<T> = Option<(T, usize)>;

/// Hebrew points and cantillation marks; the maqaf (U+05BE) is not one of them, it is a hyphen.
fn is_niqqud(c: char) -> bool {
    matches!(
        c,
        '\u{0591}'
            ..='\u{05BD}'
                | '\u{05BF}'
                | '\u{05C1}'
                | '\u{05C2}'
                | '\u{05C4}'
                | '\u{05C5}'
                | '\u{05C7}'
    )
}

/// Zero-width and bidirectional controls that right-to-left keyboards sprinkle into text.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

fn fold_mark(c: char) -> char {
    match c {
        '\u{05F3}' | '\u{2018}' | '\u{2019}' | '`' | '\u{00B4}' => '\'',
        '\u{05F4}' | '\u{201C}' | '\u{201D}' => '"',
        '\u{05BE}' | '\u{2010}'..='\u{2013}' => '-',
        c => c,
    }
}

pub(super) struct Tokens {
    list: Vec<Token>,
}

impl Tokens {
    pub(super) fn scan(text: &str) -> Self {
        let mut list: Vec<Token> = Vec::new();
        for (at, c) in text.char_indices() {
            let end = at + c.len_utf8();
            if is_niqqud(c) || is_invisible(c) {
                // Belongs to the token it touches, so cutting that token out removes it too.
                if let Some(last) = list.last_mut()
                    && last.span.end == at
                {
                    last.span.end = end;
                }
                continue;
            }
            if c.is_whitespace() {
                continue;
            }
            let kind = if c.is_ascii_digit() {
                Kind::Number
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Mark
            };
            match list.last_mut() {
                Some(last) if kind != Kind::Mark && last.kind == kind && last.span.end == at => {
                    last.text.extend(c.to_lowercase());
                    last.span.end = end;
                }
                _ => list.push(Token {
                    kind,
                    text: if kind == Kind::Mark {
                        fold_mark(c).to_string()
                    } else {
                        c.to_lowercase().collect()
                    },
                    span: at..end,
                }),
            }
        }
        Tokens { list }
    }

    pub(super) fn len(&self) -> usize {
        self.list.len()
    }

    pub(super) fn get(&self, i: usize) -> Option<&Token> {
        self.list.get(i)
    }

    /// Whether token `i` starts exactly where token `i - 1` ends (no space between).
    pub(super) fn touching(&self, i: usize) -> bool {
        match (
            i.checked_sub(1).and_then(|p| self.list.get(p)),
            self.list.get(i),
        ) {
            (Some(prev), Some(this)) => prev.span.end == this.span.start,
            _ => false,
        }
    }

    pub(super) fn word_text(&self, i: usize) -> Option<&str> {
        self.list
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| t.text.as_str())
    }

    /// The word at `i` if it is one of `options`.
    pub(super) fn word(&self, i: usize, options: &[&str]) -> Option<usize> {
        let w = self.word_text(i)?;
        options.contains(&w).then_some(i + 1)
    }

    /// Consecutive words, each exactly as given.
    pub(super) fn words(&self, i: usize, sequence: &[&str]) -> Option<usize> {
        sequence.iter().try_fold(i, |at, w| self.word(at, &[w]))
    }

    /// A word `prefix + base` for one of `prefixes` (Hebrew glues ב, ה, ל, ו to the next word)
    /// and a `base` from `table`; `""` among the prefixes allows the bare word.
    pub(super) fn lookup<T: Copy>(
        &self,
        i: usize,
        prefixes: &[&str],
        table: &[(&str, T)],
    ) -> Hit<T> {
        let w = self.word_text(i)?;
        prefixes.iter().find_map(|p| {
            let rest = w.strip_prefix(p)?;
            table
                .iter()
                .find(|(base, _)| *base == rest)
                .map(|&(_, value)| (value, i + 1))
        })
    }

    /// The word `base` with one of `prefixes` glued on ("ביום", "בשבוע"); `""` allows it bare.
    pub(super) fn prefixed_word(&self, i: usize, prefixes: &[&str], base: &str) -> Option<usize> {
        self.lookup(i, prefixes, &[(base, ())]).map(|((), j)| j)
    }

    pub(super) fn mark(&self, i: usize, marks: &str) -> Option<usize> {
        let t = self.list.get(i).filter(|t| t.kind == Kind::Mark)?;
        marks.contains(t.text.as_str()).then_some(i + 1)
    }

    /// A mark written against the token before it ("5/", "ה-").
    pub(super) fn joined_mark(&self, i: usize, marks: &str) -> Option<usize> {
        self.touching(i).then(|| self.mark(i, marks)).flatten()
    }

    /// A run of digits of an allowed length, as a number.
    pub(super) fn number(&self, i: usize, digits: RangeInclusive<usize>) -> Hit<u32> {
        let t = self.list.get(i).filter(|t| t.kind == Kind::Number)?;
        if !digits.contains(&t.text.len()) {
            return None;
        }
        t.text.parse().ok().map(|n| (n, i + 1))
    }

    /// A number written against the token before it ("12" in "5/12", "7" in "ב7").
    pub(super) fn joined_number(&self, i: usize, digits: RangeInclusive<usize>) -> Hit<u32> {
        if !self.touching(i) {
            return None;
        }
        self.number(i, digits)
    }
}

/// The reading that gets furthest; on a tie the earlier candidate wins.
pub(super) fn longest<T>(hits: impl IntoIterator<Item = Hit<T>>) -> Hit<T> {
    hits.into_iter()
        .flatten()
        .fold(None, |best: Hit<T>, hit| match &best {
            Some((_, end)) if *end >= hit.1 => best,
            _ => Some(hit),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<(Kind, String)> {
        let tokens = Tokens::scan(text);
        tokens.list.into_iter().map(|t| (t.kind, t.text)).collect()
    }

    #[test]
    fn words_numbers_and_marks_split_where_their_kind_changes() {
        use Kind::*;
        assert_eq!(
            texts("At 7PM, 5th"),
            [
                (Word, "at"),
                (Number, "7"),
                (Word, "pm"),
                (Mark, ","),
                (Number, "5"),
                (Word, "th")
            ]
            .map(|(k, s)| (k, s.to_string()))
        );
        assert_eq!(
            texts("ה־5 ב׳"),
            [
                (Word, "ה"),
                (Mark, "-"),
                (Number, "5"),
                (Word, "ב"),
                (Mark, "'")
            ]
            .map(|(k, s)| (k, s.to_string()))
        );
    }

    #[test]
    fn niqqud_and_direction_marks_vanish_but_stay_inside_the_span() {
        let text = "מָחָר\u{200F}";
        let tokens = Tokens::scan(text);
        assert_eq!(tokens.len(), 1);
        let token = tokens.get(0).unwrap();
        assert_eq!(token.text, "מחר");
        assert_eq!(token.span, 0..text.len());
    }
}
