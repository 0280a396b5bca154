//! Text folding for exercise names: what makes "Squats", "squat" and "סְקוָואט" one word. Owns
//! [`normalize`] (a destructive fold for comparing, never for display) and the word-level forms
//! built on it: Hebrew prefix removal and singular/plural stems. Never changes the names it is
//! given; the `forms` module turns whole names into comparable forms.

use icu_normalizer::DecomposingNormalizerBorrowed;

/// Lowercases; strips accents (canonical decomposition, then drops combining marks); strips Hebrew
/// niqqud and cantillation (U+0591–U+05C7); writes Hebrew final letters as regular ones
/// (ך→כ, ם→מ, ן→נ, ף→פ, ץ→צ); drops apostrophes, geresh and gershayim (׳ ' ’ ״ "), so "בנץ' פרס"
/// and "בנץ פרס" agree; turns every other run of punctuation, brackets or spaces into one space.
///
/// NFD rather than NFKD: compatibility forms (ligatures, full-width letters) do not occur in
/// exercise names, and the NFD tables are already in the wasm bundle through `url`.
pub fn normalize(text: &str) -> String {
    let nfd = DecomposingNormalizerBorrowed::new_nfd();
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for decomposed in nfd.normalize_iter(text.chars()) {
        for c in decomposed.to_lowercase() {
            match class(c) {
                Class::Letter(letter) => {
                    if gap && !out.is_empty() {
                        out.push(' ');
                    }
                    gap = false;
                    out.push(letter);
                }
                Class::Ignored => {}
                Class::Separator => gap = true,
            }
        }
    }
    out
}

enum Class {
    Letter(char),
    Ignored,
    Separator,
}

fn class(c: char) -> Class {
    match c {
        // Punctuation inside the Hebrew points block: maqaf (the Hebrew hyphen), paseq, sof pasuq,
        // nun hafukha. "סומו־סקוואט" is two words.
        '\u{05BE}' | '\u{05C0}' | '\u{05C3}' | '\u{05C6}' => Class::Separator,
        '\u{0591}'..='\u{05C7}' => Class::Ignored,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}' => Class::Ignored,
        '\'' | '"' | '`' | '\u{00B4}' | '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{201C}'
        | '\u{201D}' | '\u{02BC}' | '\u{2032}' | '\u{2033}' | '\u{05F3}' | '\u{05F4}' => {
            Class::Ignored
        }
        'ך' => Class::Letter('כ'),
        'ם' => Class::Letter('מ'),
        'ן' => Class::Letter('נ'),
        'ף' => Class::Letter('פ'),
        'ץ' => Class::Letter('צ'),
        c if c.is_alphanumeric() => Class::Letter(c),
        _ => Class::Separator,
    }
}

/// Whether `text` has a Hebrew letter in it.
pub fn is_hebrew(text: &str) -> bool {
    text.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
}

/// Prefixes Hebrew glues onto a word: "ה" the, "ו" and, "ב" in/with, "ל" to, and their pairings.
const HEBREW_PREFIXES: [&str; 11] = [
    "ובה", "ולה", "וה", "וב", "ול", "בה", "לה", "ו", "ה", "ב", "ל",
];

/// The word itself, then what remains after each Hebrew prefix it starts with, as long as at
/// least two letters remain. Non-Hebrew words have no variants.
pub(super) fn prefix_variants(word: &str) -> Vec<&str> {
    let mut out = vec![word];
    if !is_hebrew(word) {
        return out;
    }
    for prefix in HEBREW_PREFIXES {
        if let Some(rest) = word.strip_prefix(prefix)
            && rest.chars().count() >= 2
            && !out.contains(&rest)
        {
            out.push(rest);
        }
    }
    out
}

/// The form under which a word's singular and plural meet: "squats"→"squat", "presses"→"press",
/// "flies"→"fly", "שכיבות"/"שכיבת"/"שכיבה"→"שכיב", "מתחים"→"מתח". Hebrew doubled ו and י (full
/// spelling) are written once first, so "שחייה" and "שחיה" agree. A stem is never shorter than
/// two letters.
pub(super) fn stem(word: &str) -> String {
    if is_hebrew(word) {
        stem_hebrew(word)
    } else {
        stem_english(word)
    }
}

fn stem_hebrew(word: &str) -> String {
    let mut letters: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        if matches!(c, 'ו' | 'י') && letters.last() == Some(&c) {
            continue;
        }
        letters.push(c);
    }
    let n = letters.len();
    let ends = |suffix: &[char]| n >= suffix.len() + 2 && letters.ends_with(suffix);
    let cut = if ends(&['י', 'מ']) || ends(&['ו', 'ת']) {
        2
    } else if ends(&['ה']) || ends(&['ת']) {
        1
    } else {
        0
    };
    letters[..n - cut].iter().collect()
}

fn stem_english(word: &str) -> String {
    let n = word.len();
    if n < 3 || !word.is_ascii() || word.ends_with("ss") || word.ends_with("us") {
        return word.to_owned();
    }
    if let Some(base) = word.strip_suffix("ies") {
        return format!("{base}y");
    }
    // "flyes", the gym's spelling of "flies".
    if let Some(base) = word.strip_suffix("yes") {
        return format!("{base}y");
    }
    if let Some(base) = word.strip_suffix("lves") {
        return format!("{base}lf");
    }
    if let Some(base) = word.strip_suffix("es")
        && ["ss", "x", "z", "ch", "sh"]
            .iter()
            .any(|s| base.ends_with(s))
    {
        return base.to_owned();
    }
    word.strip_suffix('s').unwrap_or(word).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_folds_case_accents_niqqud_final_letters_and_punctuation() {
        let cases = [
            ("Squat (Barbell)", "squat barbell"),
            (
                "  Bench Press - Close Grip (Barbell) ",
                "bench press close grip barbell",
            ),
            ("Pilátes", "pilates"),
            ("Développé couché", "developpe couche"),
            ("סְקוָואט", "סקוואט"),
            ("שְׁכִיבוֹת סְמִיכָה", "שכיבות סמיכה"),
            ("בנץ' פרס", "בנצ פרס"),
            ("בנץ׳ פרס", "בנצ פרס"),
            ("ג״ג", "גג"),
            ("Farmer’s Walk", "farmers walk"),
            ("סומו־סקוואט", "סומו סקוואט"),
            ("ריצה ארוכה", "ריצה ארוכה"),
            ("לחיצת חזה עם מוט", "לחיצת חזה עמ מוט"),
            ("PULL-UPS!!", "pull ups"),
            ("90/90 Hip Switch", "90 90 hip switch"),
            ("", ""),
            (" -() ", ""),
        ];
        for (raw, want) in cases {
            assert_eq!(normalize(raw), want, "normalize({raw:?})");
        }
    }

    #[test]
    fn stems_join_singular_and_plural() {
        let same = [
            ("squats", "squat"),
            ("presses", "press"),
            ("crunches", "crunch"),
            ("flies", "fly"),
            ("calves", "calf"),
            ("biceps", "bicep"),
            ("שכיבות", "שכיבה"),
            ("שכיבת", "שכיבה"),
            ("מתחימ", "מתח"),
            ("ברכיימ", "ברכ"),
            ("שחייה", "שחיה"),
            ("סקוואט", "סקואט"),
        ];
        for (a, b) in same {
            assert_eq!(stem(a), stem(b), "{a} vs {b}");
        }
        assert_eq!(stem("press"), "press");
        assert_eq!(stem("flyes"), "fly");
        assert_eq!(stem("ups"), "up");
        assert_eq!(stem("חזה"), "חז", "two letters stay");
        assert_eq!(stem("דה"), "דה", "never below two letters");
    }

    #[test]
    fn hebrew_prefixes_are_variants_only_when_two_letters_remain() {
        assert_eq!(prefix_variants("הסקוואט"), ["הסקוואט", "סקוואט"]);
        assert_eq!(prefix_variants("ולחיצת"), ["ולחיצת", "חיצת", "לחיצת"]);
        assert_eq!(prefix_variants("בטנ"), ["בטנ", "טנ"]);
        assert_eq!(prefix_variants("לב"), ["לב"]);
        assert_eq!(prefix_variants("bench"), ["bench"]);
    }
}
