//! Names as the matcher compares them: normalized text, the text without spaces, a key of word
//! stems, and the words themselves in every form a Hebrew prefix or a plural allows. Also owns
//! the short word lists the matcher treats specially (stop words, equipment words, "single arm"
//! qualifiers, machine brands).

use super::normalize::{is_hebrew, normalize, prefix_variants, stem};

/// Words that carry nothing when comparing names, in normalized form ("עם" ends in a regular מ).
const STOP_WORDS: [&str; 15] = [
    "a", "an", "the", "with", "on", "of", "and", "to", "in", "for", "at", "עמ", "על", "של", "את",
];
/// Equipment and posture words: sharing only these ("Skullcrusher (Barbell)" and
/// "Squat (Barbell)") does not make two names alike. Normalized forms.
const DESCRIPTORS: [&str; 27] = [
    "barbell",
    "barbells",
    "bb",
    "dumbbell",
    "dumbbells",
    "db",
    "cable",
    "cables",
    "machine",
    "smith",
    "band",
    "bands",
    "kettlebell",
    "kb",
    "bodyweight",
    "ez",
    "plate",
    "plates",
    "loaded",
    "seated",
    "standing",
    "lying",
    "מוט",
    "משקולת",
    "משקולות",
    "מכונה",
    "כבל",
];
/// Words that make a one-sided variant of a two-sided exercise ("Single Arm Lat Pulldown").
const UNILATERAL: [&str; 4] = ["single", "one", "unilateral", "alternating"];
const LIMBS: [&str; 6] = ["arm", "arms", "leg", "legs", "hand", "handed"];
/// Gym-equipment makers whose names people add to a machine exercise ("Leg Press Technogym").
/// "hammer strength" must be a pair: "hammer" alone is a curl.
const BRANDS: [&[&str]; 11] = [
    &["technogym"],
    &["panatta"],
    &["hammer", "strength"],
    &["life", "fitness"],
    &["cybex"],
    &["nautilus"],
    &["matrix"],
    &["precor"],
    &["gym80"],
    &["hoist"],
    &["star", "trac"],
];
/// Most query spellings the matcher tries after removing Hebrew prefixes word by word.
const MAX_KEY_VARIANTS: usize = 32;

/// A normalized word of a name, in the forms it may match under.
#[derive(Clone, Debug)]
pub(super) struct Token {
    /// The word's stem first, then the stems of what is left after removing a Hebrew prefix.
    pub forms: Vec<String>,
    /// A hash of each form, in the same order: most words differ, and two numbers compare
    /// faster than two strings (equal hashes are confirmed on the strings).
    hashes: Vec<u64>,
    /// An equipment or posture word (see `DESCRIPTORS`).
    pub descriptor: bool,
}

fn hash(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    h.finish()
}

/// How many of each character a spelling has, characters folded into 32 buckets: a cheap
/// lower bound of the edit distance between two spellings ([`Bag::distance`]), computed once
/// per name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Bag([u8; 32]);

impl Bag {
    pub fn of(text: &str) -> Bag {
        let mut counts = [0u8; 32];
        for c in text.chars() {
            let slot = &mut counts[(c as u32 % 32) as usize];
            *slot = slot.saturating_add(1);
        }
        Bag(counts)
    }

    /// The larger of how many characters one spelling has that the other lacks. Each
    /// insertion, deletion or substitution changes it by at most one, a transposition not at
    /// all, and folding characters together only lowers it: never more than the edit distance.
    pub fn distance(&self, other: &Bag) -> usize {
        let (mut only_self, mut only_other) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(other.0.iter()) {
            if a > b {
                only_self += usize::from(a - b);
            } else {
                only_other += usize::from(b - a);
            }
        }
        only_self.max(only_other)
    }
}

/// A spelling the typo rung compares, with what its cheap checks need computed once.
#[derive(Clone, Debug)]
pub(super) struct Spelling {
    pub text: String,
    pub chars: usize,
    pub bag: Bag,
    /// Written in Hebrew (one edit is a typo from 4 letters, not 5).
    pub hebrew: bool,
}

impl Spelling {
    pub fn new(text: String) -> Spelling {
        Spelling {
            chars: text.chars().count(),
            bag: Bag::of(&text),
            hebrew: is_hebrew(&text),
            text,
        }
    }
}

impl Token {
    fn new(word: &str) -> Token {
        let variants = prefix_variants(word);
        let descriptor = variants.iter().any(|v| DESCRIPTORS.contains(v));
        let mut forms: Vec<String> = Vec::with_capacity(variants.len());
        for variant in variants {
            let stem = stem(variant);
            if !forms.contains(&stem) {
                forms.push(stem);
            }
        }
        let hashes = forms.iter().map(|f| hash(f)).collect();
        Token {
            forms,
            hashes,
            descriptor,
        }
    }

    pub fn agrees_with(&self, other: &Token) -> bool {
        self.hashes.iter().zip(&self.forms).any(|(h, form)| {
            other
                .hashes
                .iter()
                .zip(&other.forms)
                .any(|(oh, other_form)| h == oh && form == other_form)
        })
    }
}

/// A name or query in every form the matcher compares.
#[derive(Clone, Debug)]
pub(super) struct Forms {
    pub normalized: String,
    /// `normalized` without spaces: "bench press" and "benchpress" agree.
    pub compact: Spelling,
    /// The stems of the words, stop words left out, joined without spaces.
    pub key: Spelling,
    pub tokens: Vec<Token>,
    /// One bit per form of every word (by hash): two names with no bit in common share no
    /// word, which rules out the word rungs without comparing a word.
    pub words_mask: u64,
    /// The same over words that are not equipment or posture words.
    pub content_mask: u64,
}

impl Forms {
    /// `None` for text with nothing matchable in it (empty, punctuation only).
    pub fn of(text: &str) -> Option<Forms> {
        Forms::of_normalized(normalize(text))
    }

    pub fn of_normalized(normalized: String) -> Option<Forms> {
        if normalized.is_empty() {
            return None;
        }
        let words: Vec<&str> = normalized.split(' ').collect();
        let content: Vec<&str> = words
            .iter()
            .copied()
            .filter(|w| !STOP_WORDS.contains(w))
            .collect();
        let kept = if content.is_empty() { &words } else { &content };
        let tokens: Vec<Token> = kept.iter().map(|w| Token::new(w)).collect();
        let key: String = tokens.iter().map(|t| t.forms[0].as_str()).collect();
        let compact = normalized.replace(' ', "");
        let mask = |content_only: bool| {
            tokens
                .iter()
                .filter(|t| !(content_only && t.descriptor))
                .flat_map(|t| &t.hashes)
                .fold(0u64, |m, h| m | 1 << (h % 64))
        };
        let (words_mask, content_mask) = (mask(false), mask(true));
        Some(Forms {
            words_mask,
            content_mask,
            normalized,
            compact: Spelling::new(compact),
            key: Spelling::new(key),
            tokens,
        })
    }

    /// The key under every choice of Hebrew prefix removal, the canonical key first: "ולחיצת חזה"
    /// yields the key of "לחיצת חזה" among others.
    pub fn key_variants(&self) -> Vec<String> {
        let mut keys = vec![String::new()];
        for token in &self.tokens {
            let mut next = Vec::with_capacity(keys.len() * token.forms.len());
            for key in &keys {
                for form in &token.forms {
                    if next.len() < MAX_KEY_VARIANTS {
                        next.push(format!("{key}{form}"));
                    }
                }
            }
            keys = next;
        }
        keys
    }
}

/// The query with a brand and/or a "single arm"-style qualifier removed, for matching a one-sided
/// or brand-named variant to its exercise. Empty when there is nothing to remove.
pub(super) fn without_qualifiers(normalized: &str) -> Vec<String> {
    let mut words: Vec<&str> = normalized.split(' ').collect();
    for brand in BRANDS {
        if let Some(at) = words.windows(brand.len()).position(|w| w == brand) {
            words.drain(at..at + brand.len());
        }
    }
    let only_qualifier: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| !UNILATERAL.contains(w))
        .collect();
    let mut with_limb = Vec::with_capacity(words.len());
    let mut after_qualifier = false;
    for word in &words {
        if UNILATERAL.contains(word) {
            after_qualifier = true;
            continue;
        }
        if !(after_qualifier && LIMBS.contains(word)) {
            with_limb.push(*word);
        }
        after_qualifier = false;
    }
    let mut out: Vec<String> = Vec::new();
    for candidate in [
        words.join(" "),
        only_qualifier.join(" "),
        with_limb.join(" "),
    ] {
        if !candidate.is_empty() && candidate != normalized && !out.contains(&candidate) {
            out.push(candidate);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_variants_cover_prefixed_words() {
        let forms = Forms::of("ולחיצת חזה").unwrap();
        assert!(
            forms
                .key_variants()
                .contains(&Forms::of("לחיצת חזה").unwrap().key.text)
        );
        assert_eq!(
            Forms::of("Bench Press").unwrap().key.text,
            Forms::of("benchpresses").unwrap().key.text
        );
        assert_eq!(
            Forms::of("pull-ups").unwrap().key.text,
            Forms::of("Pull Up").unwrap().key.text
        );
        assert_eq!(
            Forms::of("Clean & Jerk").unwrap().key.text,
            Forms::of("clean and jerk").unwrap().key.text
        );
        assert!(Forms::of("(-)").is_none());
    }

    #[test]
    fn qualifiers_come_off_one_at_a_time() {
        assert_eq!(
            without_qualifiers("single arm lat pulldown"),
            ["arm lat pulldown", "lat pulldown"]
        );
        assert_eq!(
            without_qualifiers("single leg extensions"),
            ["leg extensions", "extensions"]
        );
        assert_eq!(
            without_qualifiers("one straight arm pulldown"),
            ["straight arm pulldown"]
        );
        assert_eq!(
            without_qualifiers("bent over row machine panatta"),
            ["bent over row machine"]
        );
        assert_eq!(
            without_qualifiers("hammer curl dumbbell"),
            Vec::<String>::new()
        );
    }
}
