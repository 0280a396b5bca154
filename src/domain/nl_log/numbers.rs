//! Numbers written in words, English and Hebrew ("twelve", "twenty-five", "a dozen",
//! "שלושה", "עשרים וחמש", "חמש עשרה"), read into values; the parser turns them into number
//! tokens before it looks for sets, reps and weights.

/// One word's value, if it is a number word ("ten" → 10, "שתיים" → 2, "עשרים" → 20).
pub(crate) fn word_value(word: &str) -> Option<f64> {
    // Behind a glued ו or ב ("וחמש", "בעשרים").
    let w = word
        .strip_prefix(['ו', 'ב'])
        .filter(|rest| rest.chars().count() >= 2)
        .unwrap_or(word);
    let v = match word {
        "zero" => 0,
        "one" | "a" | "an" | "single" => 1,
        "two" | "couple" | "pair" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" | "dozen" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => 100,
        _ => match w {
            "אחד" | "אחת" => 1,
            "שתיים" | "שניים" | "שני" | "שתי" | "שתים" => 2,
            "שלוש" | "שלושה" | "שלושת" => 3,
            "ארבע" | "ארבעה" | "ארבעת" => 4,
            "חמש" | "חמישה" | "חמשת" => 5,
            "שש" | "שישה" | "ששת" => 6,
            "שבע" | "שבעה" | "שבעת" => 7,
            "שמונה" | "שמונת" => 8,
            "תשע" | "תשעה" | "תשעת" => 9,
            "עשר" | "עשרה" | "עשרת" => 10,
            "עשרים" => 20,
            "שלושים" => 30,
            "ארבעים" => 40,
            "חמישים" => 50,
            "שישים" => 60,
            "שבעים" => 70,
            "שמונים" => 80,
            "תשעים" => 90,
            "מאה" => 100,
            _ => return None,
        },
    };
    Some(f64::from(v))
}

/// Reads number words from `words[at..]` into one value and how many words it took:
/// "twenty five" (25), "twenty-five", "חמש עשרה" (15), "עשרים וחמש" (25), "a hundred and
/// twenty" (120), "two and a half" (2.5), "חמישה וחצי" (5.5).
pub(super) fn read(words: &[String], at: usize) -> Option<(f64, usize)> {
    let first = words.get(at)?;
    if let Some((a, b)) = first.split_once('-')
        && let (Some(x), Some(y)) = (word_value(a), word_value(b))
    {
        return Some((x + y, 1));
    }
    // "a" and "an" count only before a counting word ("a dozen", "a hundred").
    if matches!(first.as_str(), "a" | "an")
        && !matches!(
            words.get(at + 1).map(String::as_str),
            Some("dozen" | "hundred")
        )
    {
        return None;
    }
    let mut value = word_value(first)?;
    let mut used = 1;
    loop {
        let next = words.get(at + used).map(String::as_str);
        match next {
            Some("hundred") => {
                value = value.max(1.0) * 100.0;
                used += 1;
            }
            Some("dozen") if value <= 1.0 => {
                value = 12.0;
                used += 1;
            }
            Some("עשר" | "עשרה") if value < 10.0 => {
                value += 10.0;
                used += 1;
            }
            Some("and")
                if matches!(words.get(at + used + 1).map(String::as_str), Some("a"))
                    && matches!(words.get(at + used + 2).map(String::as_str), Some("half")) =>
            {
                value += 0.5;
                used += 3;
            }
            Some("and") if value >= 100.0 => {
                match words.get(at + used + 1).and_then(|w| word_value(w)) {
                    Some(v) if v < 100.0 => {
                        value += v;
                        used += 2;
                    }
                    _ => break,
                }
            }
            Some("וחצי") => {
                value += 0.5;
                used += 1;
            }
            Some(w) if value >= 20.0 && value % 10.0 == 0.0 => {
                match word_value(w).filter(|v| *v < 10.0) {
                    // "twenty five", "עשרים וחמש"
                    Some(v) if w.starts_with('ו') || value < 100.0 => {
                        value += v;
                        used += 1;
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    Some((value, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn number_words_in_both_languages() {
        for (text, value, used) in [
            ("twelve pull-ups", 12.0, 1),
            ("twenty five reps", 25.0, 2),
            ("twenty-five reps", 25.0, 1),
            ("a dozen burpees", 12.0, 2),
            ("a hundred and twenty kilos", 120.0, 4),
            ("two and a half km", 2.5, 4),
            ("שלושה סטים", 3.0, 1),
            ("חמש עשרה חזרות", 15.0, 2),
            ("עשרים וחמש דקות", 25.0, 2),
            ("שתים עשרה", 12.0, 2),
            ("חמישה וחצי קילומטר", 5.5, 2),
            ("בעשרים וחמש דקות", 25.0, 2),
            ("מאה", 100.0, 1),
        ] {
            assert_eq!(read(&words(text), 0), Some((value, used)), "{text}");
        }
        assert_eq!(read(&words("a squat"), 0), None);
        assert_eq!(read(&words("bench"), 0), None);
    }
}
