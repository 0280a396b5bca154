//! Numbers written in words, English and Hebrew, read into values: "twelve", "twenty-five",
//! "a dozen", "a hundred and twenty", "fifteen hundred", "two thousand five hundred",
//! "שלושה", "עשרים וחמש", "חמש עשרה", "מאה ועשרים", "מאתיים", "שלוש מאות", "אלפיים",
//! "שלושת אלפים", with halves ("two and a half", "חמישה וחצי"). The parser turns them into
//! number tokens before it looks for sets, reps and weights.

/// What a number word contributes to the number it is part of.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Part {
    /// 0–19 and the tens: added.
    Small(f64),
    /// "hundred", "מאות": multiplies what came before it (1 when nothing did).
    Hundreds,
    /// "thousand", "אלף", "אלפים": closes what came before it, times 1000.
    Thousands,
    /// A word that is a whole hundreds or thousands value on its own: "מאה", "מאתיים",
    /// "אלפיים".
    Round(f64),
}

fn english(word: &str) -> Option<Part> {
    let v = match word {
        "zero" => 0,
        "one" => 1,
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
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        "hundred" => return Some(Part::Hundreds),
        "thousand" => return Some(Part::Thousands),
        _ => return None,
    };
    Some(Part::Small(f64::from(v)))
}

fn hebrew(word: &str) -> Option<Part> {
    let v = match word {
        "אפס" => 0,
        "אחד" | "אחת" => 1,
        "שתיים" | "שניים" | "שני" | "שתי" | "שתים" | "שנים" => 2,
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
        "מאה" => return Some(Part::Round(100.0)),
        "מאתיים" => return Some(Part::Round(200.0)),
        "מאות" => return Some(Part::Hundreds),
        "אלף" | "אלפים" | "אלפי" => return Some(Part::Thousands),
        "אלפיים" => return Some(Part::Round(2000.0)),
        _ => return None,
    };
    Some(Part::Small(f64::from(v)))
}

/// A word's part, also behind a glued Hebrew ו ("and"), ב ("at", "in") or ל ("for": "לחמש
/// חזרות"); `joined` says a
/// ו was there (it may only continue a number, never start one).
fn part_of(word: &str) -> Option<(Part, bool)> {
    if let Some(p) = english(word).or_else(|| hebrew(word)) {
        return Some((p, false));
    }
    let rest = word.strip_prefix(['ו', 'ב', 'ל'])?;
    if rest.chars().count() < 2 {
        return None;
    }
    hebrew(rest).map(|p| (p, word.starts_with('ו')))
}

/// One word's value, if it is a number word on its own ("ten" → 10, "שתיים" → 2, "עשרים" →
/// 20, "מאתיים" → 200).
pub(crate) fn word_value(word: &str) -> Option<f64> {
    match part_of(word)?.0 {
        Part::Small(v) | Part::Round(v) => Some(v),
        Part::Hundreds => Some(100.0),
        Part::Thousands => Some(1000.0),
    }
}

/// Is `word` a half ("וחצי")? The English "and a half" is three words, read by [`read`].
fn is_glued_half(word: &str) -> bool {
    word == "וחצי"
}

/// Reads number words from `words[at..]` into one value and how many words it took: "twenty
/// five" (25), "twenty-five", "חמש עשרה" (15), "עשרים וחמש" (25), "a hundred and twenty"
/// (120), "מאה ועשרים" (120), "two and a half" (2.5), "חמישה וחצי" (5.5), "three thousand"
/// (3000), and weights as lifters say them ("one eighty": 180).
pub(super) fn read(words: &[String], at: usize) -> Option<(f64, usize)> {
    let first = words.get(at)?;
    if let Some((a, b)) = first.split_once('-')
        && let (Some(Part::Small(x)), Some(Part::Small(y))) = (english(a), english(b))
        && x >= 20.0
        && x % 10.0 == 0.0
        && y < 10.0
    {
        return Some((x + y, 1));
    }
    // "a" and "an" count only before a counting word ("a dozen", "a hundred", "a thousand").
    let mut used = 0;
    if matches!(first.as_str(), "a" | "an") {
        match words.get(at + 1).map(String::as_str) {
            Some("dozen") => return Some((12.0, 2)),
            Some("hundred" | "thousand") => used = 1,
            _ => return None,
        }
    }
    let mut total = 0.0; // thousands closed so far
    let mut current = 0.0; // below the next thousand
    let mut any = false;
    while let Some(word) = words.get(at + used).map(String::as_str) {
        // "and" between parts: "a hundred and twenty", "two and a half".
        if word == "and" && any {
            let next = words.get(at + used + 1).map(String::as_str);
            if next == Some("a") && words.get(at + used + 2).map(String::as_str) == Some("half") {
                current += 0.5;
                used += 3;
                break;
            }
            match next.and_then(english) {
                Some(Part::Small(_)) if current % 100.0 == 0.0 && (current + total) >= 100.0 => {
                    used += 1;
                    continue;
                }
                _ => break,
            }
        }
        if is_glued_half(word) {
            if !any {
                return None;
            }
            current += 0.5;
            used += 1;
            break;
        }
        let Some((part, _)) = part_of(word) else {
            break;
        };
        // "לחמש": "for five" starts a number of its own.
        if any && word.starts_with('ל') && hebrew(word).is_none() {
            break;
        }
        match part {
            Part::Small(v) => {
                let units = current % 10.0;
                let tens = current % 100.0 - units;
                if !any || current % 100.0 == 0.0 {
                    current += v;
                } else if v < 10.0 && units == 0.0 && tens >= 20.0 {
                    // "twenty five", "עשרים וחמש", "מאה עשרים וחמש"
                    current += v;
                } else if v >= 20.0
                    && v % 10.0 == 0.0
                    && total == 0.0
                    && (1.0..10.0).contains(&current)
                    && english(word).is_some()
                {
                    // "one eighty", "two twenty five": hundreds, as lifters say weights.
                    current = current * 100.0 + v;
                } else if matches!(word, "עשר" | "עשרה")
                    && (1.0..10.0).contains(&units)
                    && tens == 0.0
                {
                    // "חמש עשרה": fifteen
                    current += 10.0;
                } else {
                    break;
                }
            }
            Part::Hundreds => {
                // "two hundred", "fifteen hundred", "שלוש מאות"
                if current % 100.0 == 0.0 && current >= 100.0 {
                    break;
                }
                current = if any { current * 100.0 } else { 100.0 };
            }
            Part::Thousands => {
                total += if any && current > 0.0 { current } else { 1.0 } * 1000.0;
                current = 0.0;
            }
            Part::Round(v) => {
                if any && current != 0.0 {
                    break;
                }
                if v >= 1000.0 {
                    total += v;
                } else {
                    current += v;
                }
            }
        }
        any = true;
        used += 1;
    }
    if !any {
        return None;
    }
    Some((total + current, used))
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
            ("one hundred twenty five", 125.0, 4),
            ("fifteen hundred meters", 1500.0, 2),
            ("two thousand five hundred", 2500.0, 4),
            ("a thousand meters", 1000.0, 2),
            ("two and a half km", 2.5, 4),
            ("שלושה סטים", 3.0, 1),
            ("חמש עשרה חזרות", 15.0, 2),
            ("עשרים וחמש דקות", 25.0, 2),
            ("שתים עשרה", 12.0, 2),
            ("חמישה וחצי קילומטר", 5.5, 2),
            ("בעשרים וחמש דקות", 25.0, 2),
            ("מאה", 100.0, 1),
            ("במאה ועשרים קילו", 120.0, 2),
            ("מאה עשרים וחמש", 125.0, 3),
            ("מאתיים", 200.0, 1),
            ("שלוש מאות מטר", 300.0, 2),
            ("חמש מאות", 500.0, 2),
            ("אלף מטר", 1000.0, 1),
            ("אלפיים מטר", 2000.0, 1),
            ("שלושת אלפים מטר", 3000.0, 2),
            ("אלף וחמש מאות", 1500.0, 3),
        ] {
            assert_eq!(read(&words(text), 0), Some((value, used)), "{text}");
        }
        assert_eq!(read(&words("a squat"), 0), None);
        assert_eq!(read(&words("bench"), 0), None);
        assert_eq!(read(&words("one eighty kilos"), 0), Some((180.0, 2)));
        assert_eq!(read(&words("שנים עשר"), 0), Some((12.0, 2)));
        // Two numbers side by side stay two: "five ten" is not 15.
        assert_eq!(read(&words("five ten"), 0), Some((5.0, 1)));
        assert_eq!(read(&words("שלושה עשרים"), 0), Some((3.0, 1)));
    }
}
