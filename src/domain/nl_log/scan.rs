//! From text to tokens: numbers (with decimal commas, thousands, clock times and lists such as
//! "10, 9, 8" or "8/8/7"), words, `x`, `@` and separators; then number words become numbers
//! and the phrases that stand for an amount are rewritten into plain ones ("דקה וחצי" → 1.5
//! minutes, "half marathon" → 21,097.5 m, "30 lengths of a 25 m pool" → 750 m, "4 על 6" →
//! 4 × 6, "a double" → one set of 2).

use super::lexicon::*;
use super::numbers;

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Tok {
    Num(f64),
    /// `25:00`, `1:05:30`: seconds.
    Clock(f64),
    /// `1:30`: an hour and a half, or a minute and a half? (the first part under 10)
    ShortClock(f64, f64),
    /// Numbers one after the other: "10, 9, 8", "8/8/7", "60, 65, 70".
    List(Vec<f64>),
    Word(String),
    /// `x`, `×`, `*`, "by", "על" between two counts.
    Times,
    At,
    /// Ends a clause: `;`, a line break, `!`, `?`, `.`, and commas that are not in a list.
    Sep,
    /// A comma, until lists are formed.
    Comma,
    /// `:` after a set count announces the sets ("3 sets: 160 x 12, 180 x 10, 200 x 8").
    Colon,
    /// A single, double or triple: one set of this many reps.
    Singles(f64),
    /// The sets from here on are warm-ups.
    Warmup,
    /// `%`: a share of something ("at 90%"), which a log cannot store.
    Percent,
    /// Pool lengths or laps whose pool length was never said.
    Lengths(f64),
    /// A race by name ("marathon", "parkrun"): running, this far.
    Race(f64),
    /// "10 km בשעה", "20 km per hour": a speed, or "in an hour"?
    PerHour,
    /// "with 40 a side": the load on each side of the bar, or all of it?
    PerSide,
    /// `)`: a number before it does not take a unit after it. Gone once amounts are read.
    Close,
}

/// Lower case, without Hebrew points, with Hebrew quote marks as ASCII (ק״ג → ק"ג).
fn normalize(text: &str) -> String {
    text.chars()
        .filter(|c| !('\u{0591}'..='\u{05C7}').contains(c) || *c == '\u{05BE}')
        .map(|c| match c {
            '\u{05F4}' | '“' | '”' | '„' => '"',
            '\u{05F3}' | '’' | '‘' | '`' => '\'',
            '\u{05BE}' | '–' | '—' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A unit word: a decimal comma is read before one ("82,5 kg", "1,5 ק"מ").
fn is_unit(word: &str) -> bool {
    is_in(word, KG)
        || is_in(word, LB)
        || DISTANCE.iter().any(|(_, w)| is_in(word, w))
        || TIME.iter().any(|(_, w)| is_in(word, w))
}

/// A word, or the same word behind a glued Hebrew preposition ("בדקות" → "דקות").
pub(super) fn is_in(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
        || w.strip_prefix(['ב', 'ל', 'ו', 'ה', 'ש'])
            .is_some_and(|rest| rest.chars().count() >= 2 && list.contains(&rest))
}

/// Larger than any number a set holds (a million metres is the longest distance): digits past
/// it are a typo or a test of the reader, never an amount, and stay a word.
const LARGEST: f64 = 1_000_000.0;

/// The number written with digits in `raw` (digits with `.`, `,`, `:` or `/` between them).
fn digits(raw: &str, next_word: &str, after_weight_word: bool) -> Tok {
    let tok = digits_read(raw, next_word, after_weight_word);
    let too_large = match &tok {
        Tok::Num(n) | Tok::Clock(n) => *n > LARGEST,
        Tok::ShortClock(a, b) => *a > LARGEST || *b > LARGEST,
        Tok::List(ns) => ns.iter().any(|n| *n > LARGEST),
        _ => false,
    };
    if too_large {
        Tok::Word(raw.to_owned())
    } else {
        tok
    }
}

fn digits_read(raw: &str, next_word: &str, after_weight_word: bool) -> Tok {
    let num = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    if raw.contains(':') {
        let parts: Vec<f64> = raw.split(':').map(num).collect();
        if let [a, b] = parts[..]
            && a < 10.0
        {
            return Tok::ShortClock(a, b);
        }
        return Tok::Clock(parts.iter().fold(0.0, |acc, p| acc * 60.0 + p));
    }
    if raw.contains('/') {
        return Tok::List(raw.split('/').map(|p| num(&p.replace(',', "."))).collect());
    }
    let commas = raw.matches(',').count();
    match commas {
        0 => Tok::Num(num(raw)),
        1 => {
            let (int, frac) = raw.split_once(',').unwrap_or((raw, ""));
            if frac.len() == 3 && !frac.contains('.') {
                // "1,500 m": thousands.
                Tok::Num(num(&format!("{int}{frac}")))
            } else if is_unit(next_word)
                || after_weight_word
                || (matches!(frac, "5" | "25" | "75") && int.len() <= 3)
            {
                // "82,5 kg", "RPE 7,5", "עם 7,5", "22,5": a decimal comma.
                Tok::Num(num(&format!("{int}.{frac}")))
            } else {
                Tok::List(vec![num(int), num(frac)])
            }
        }
        _ => Tok::List(raw.split(',').map(num).collect()),
    }
}

/// The text as tokens, before number words are read.
fn raw_tokens(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = normalize(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut dumbbell_pairs = false;
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    let letter = |i: usize| chars.get(i).is_some_and(|c| c.is_alphabetic());
    // The word after position `i`, past spaces.
    let word_after = |mut i: usize| {
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        let start = i;
        while letter(i) || matches!(chars.get(i), Some('"' | '\'')) {
            i += 1;
        }
        chars[start..i].iter().collect::<String>()
    };
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while digit(i) || (matches!(chars.get(i), Some('.' | ',' | ':' | '/')) && digit(i + 1))
            {
                i += 1;
            }
            let raw: String = chars[start..i].iter().collect();
            let after_weight_word = matches!(out.last(), Some(Tok::At))
                || matches!(out.last(), Some(Tok::Word(w)) if RPE.contains(&w.as_str()) || AT.contains(&w.as_str()));
            // "1. 100 kg × 5", "Set 2: 80 kg x 8": a list's numbering, not an amount.
            let at_line_start = matches!(out.last(), None | Some(Tok::Sep))
                || (matches!(out.last(), Some(Tok::Word(w)) if is_in(w, SETS))
                    && matches!(out.get(out.len().wrapping_sub(2)), None | Some(Tok::Sep)));
            if at_line_start
                && matches!(chars.get(i), Some('.' | ')' | ':'))
                && chars.get(i + 1).is_none_or(|c| c.is_whitespace())
                && !raw.contains([':', ',', '/', '.'])
                && raw.len() <= 2
            {
                if matches!(out.last(), Some(Tok::Word(_))) {
                    out.pop();
                }
                i += 1;
                continue;
            }
            // "with 20s, 22s, 24s", "with the 70s": dumbbells by their number, not seconds.
            let pairs_before = match out.last() {
                Some(Tok::Word(w)) => matches!(w.as_str(), "with" | "the" | "using" | "w"),
                Some(Tok::Comma) => dumbbell_pairs,
                _ => false,
            };
            dumbbell_pairs = pairs_before
                && chars.get(i) == Some(&'s')
                && !raw.contains([':', '.', ','])
                && !chars.get(i + 1).is_some_and(|c| c.is_alphabetic());
            out.push(digits(&raw, &word_after(i), after_weight_word));
            if dumbbell_pairs {
                i += 1;
                continue;
            }
            // "3x5": the x between two numbers.
            if matches!(chars.get(i), Some('x' | '×' | '*'))
                && (digit(i + 1) || (chars.get(i + 1) == Some(&' ') && digit(i + 2)))
            {
                out.push(Tok::Times);
                i += 1;
            }
        } else if c.is_alphabetic() {
            let start = i;
            while letter(i)
                || (matches!(chars.get(i), Some('-' | '\'' | '"' | '/')) && letter(i + 1))
            {
                i += 1;
            }
            // A closing geresh or gershayim stays with the word ("דק'", "מ'").
            if matches!(chars.get(i), Some('\'' | '"')) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            match word.as_str() {
                "x" | "×" => out.push(Tok::Times),
                _ => out.push(Tok::Word(word)),
            }
        } else {
            match c {
                '@' => out.push(Tok::At),
                '×' | '*' => out.push(Tok::Times),
                '#' if matches!(out.last(), Some(Tok::Num(_))) => out.push(Tok::Word("lb".into())),
                '%' => out.push(Tok::Percent),
                ',' => out.push(Tok::Comma),
                // "12 / 10 / 10": a list.
                '/' if matches!(out.last(), Some(Tok::Num(_))) => out.push(Tok::Comma),
                ':' => out.push(Tok::Colon),
                ';' | '\n' | '!' | '?' | '.' => out.push(Tok::Sep),
                '+' => out.push(Tok::Word("and".into())),
                ')' => out.push(Tok::Close),
                _ => {}
            }
            i += 1;
        }
    }
    out
}

/// Number words become numbers ("three sets of ten" → 3 sets of 10).
fn words_to_numbers(toks: Vec<Tok>) -> Vec<Tok> {
    let words: Vec<String> = toks
        .iter()
        .map(|t| match t {
            Tok::Word(w) => w.clone(),
            _ => String::new(),
        })
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // "one arm row", "single leg": part of a name.
        if matches!(words.get(i + 1).map(String::as_str), Some(w) if NOT_REPS_AFTER.contains(&w)) {
            out.push(toks[i].clone());
            i += 1;
            continue;
        }
        if matches!(toks[i], Tok::Word(_)) {
            // Only a run of words counts: stop at the next non-word token.
            let end = (i..toks.len())
                .find(|&j| !matches!(toks[j], Tok::Word(_)))
                .unwrap_or(toks.len());
            if let Some((value, used)) = numbers::read(&words[..end], i) {
                out.push(Tok::Num(value));
                i += used;
                continue;
            }
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

pub(super) fn time_factor(w: &str) -> Option<f64> {
    TIME.iter()
        .find(|(_, words)| is_in(w, words))
        .map(|(s, _)| *s)
}

pub(super) fn distance_factor(w: &str) -> Option<f64> {
    DISTANCE
        .iter()
        .find(|(_, words)| is_in(w, words))
        .map(|(m, _)| *m)
}

fn is_amount_unit(w: &str) -> bool {
    time_factor(w).is_some() || distance_factor(w).is_some()
}

/// The phrases that stand for an amount, rewritten as plain numbers and units.
fn amounts_in_words(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        let next = word(toks.get(i + 1));
        let prev_num = match out.last() {
            Some(Tok::Num(n)) => Some(*n),
            _ => None,
        };
        // "@ 1 RIR": the reserve, not RPE 1.
        if matches!(t, Tok::At)
            && matches!(toks.get(i + 1), Some(Tok::Num(_)))
            && word(toks.get(i + 2)).is_some_and(|w| RIR.contains(&w))
        {
            i += 1;
            continue;
        }
        if let Tok::Word(w) = t {
            let w = w.as_str();
            // "4 על 6", "5 by 5", "3 על דקה": like x.
            let after_weight = matches!(out.last(), Some(Tok::Word(u)) if is_in(u, KG) || is_in(u, LB))
                && matches!(
                    out.get(out.len().wrapping_sub(2)),
                    Some(Tok::Num(_) | Tok::List(_))
                );
            if BY.contains(&w)
                && (prev_num.is_some() || after_weight)
                && (matches!(toks.get(i + 1), Some(Tok::Num(_) | Tok::List(_)))
                    || next.is_some_and(|n| hebrew_singular(n) && time_factor(n).is_some()))
            {
                out.push(Tok::Times);
                i += 1;
                continue;
            }
            // "שעתיים": two hours.
            if w == "שעתיים" || w.strip_prefix(['ב', 'ו']) == Some("שעתיים") {
                out.push(Tok::Num(2.0));
                out.push(Tok::Word("שעות".into()));
                i += 1;
                continue;
            }
            // Races by name; "half marathon", "חצי מרתון".
            if let Some((m, _)) = RACES.iter().find(|(_, names)| is_in(w, names)) {
                let half = matches!(out.last(), Some(Tok::Word(h)) if is_in(h, HALF));
                if half {
                    out.pop();
                }
                out.push(Tok::Race(if half { m / 2.0 } else { *m }));
                i += 1;
                continue;
            }
            if w == "half-marathon" || w == "חצי-מרתון" {
                out.push(Tok::Race(42_195.0 / 2.0));
                i += 1;
                continue;
            }
            // "half an hour", "חצי שעה", "רבע שעה", "three quarters of an hour",
            // "שלושת רבעי שעה".
            let share = if is_in(w, HALF) {
                Some(0.5)
            } else if is_in(w, QUARTER) || matches!(w, "quarters" | "רבעי") {
                Some(0.25 * prev_num.unwrap_or(1.0))
            } else {
                None
            };
            if let Some(share) = share {
                let mut j = i + 1;
                while matches!(word(toks.get(j)), Some("a" | "an" | "of")) {
                    j += 1;
                }
                if word(toks.get(j)).is_some_and(is_amount_unit) {
                    if matches!(w, "quarters" | "רבעי") && prev_num.is_some() {
                        out.pop();
                    }
                    out.push(Tok::Num(share));
                    i = j;
                    continue;
                }
            }
            // "a double", "3 doubles", "single at 190" (but "single arm row").
            if let Some((reps, _)) = SINGLES.iter().find(|(_, words)| is_in(w, words))
                && !next.is_some_and(|n| NOT_REPS_AFTER.contains(&n))
            {
                out.push(Tok::Singles(*reps));
                i += 1;
                continue;
            }
            // "after warm-ups", "אחרי חימום": what follows is the work.
            if (is_in(w, WARMUP) || (w == "warm" && next == Some("up")))
                && matches!(out.last(), Some(Tok::Word(a)) if matches!(a.as_str(), "after" | "post" | "אחרי" | "לאחר"))
            {
                out.pop();
                i += if w == "warm" { 2 } else { 1 };
                if word(toks.get(i)).is_some_and(|w| is_in(w, SETS)) {
                    i += 1;
                }
                continue;
            }
            if is_in(w, WARMUP) || (w == "warm" && next == Some("up")) || w == "warmed" {
                if w == "warm" || (w == "warmed" && next == Some("up")) {
                    i += 1;
                }
                // "2 warm-up sets of 5": the marker goes before the count.
                let at = match out.last() {
                    Some(Tok::Num(_)) => out.len() - 1,
                    Some(Tok::Word(s)) if is_in(s, SETS) => {
                        if matches!(out.get(out.len().wrapping_sub(2)), Some(Tok::Num(_))) {
                            out.len() - 2
                        } else {
                            out.len() - 1
                        }
                    }
                    _ => out.len(),
                };
                out.insert(at, Tok::Warmup);
                i += 1;
                continue;
            }
            // After a distance, "בשעה" / "per hour" / "an hour" with nothing after it
            // reads as a speed as often as "in an hour".
            let after_distance =
                matches!(out.last(), Some(Tok::Word(u)) if distance_factor(u).is_some());
            let bare_hour = matches!(w, "בשעה" | "לשעה")
                || (matches!(w, "per" | "an" | "a")
                    && next.is_some_and(|n| matches!(n, "hour" | "hr" | "h")));
            if after_distance && bare_hour {
                // Not "בשעה וחצי", "an hour and a half", "בשעה ועשר דקות".
                let ends = |t: Option<&Tok>| match t {
                    None | Some(Tok::Sep | Tok::Comma) => true,
                    Some(Tok::Word(n)) => n != "and" && !n.starts_with('ו'),
                    _ => false,
                };
                let skip = usize::from(!w.starts_with(['ב', 'ל']));
                if ends(toks.get(i + 1 + skip)) {
                    out.push(Tok::PerHour);
                    i += 1 + skip;
                    continue;
                }
            }
            // "an hour", "a minute", "a mile": one.
            if matches!(w, "a" | "an") && next.is_some_and(is_amount_unit) {
                out.push(Tok::Num(1.0));
                i += 1;
                continue;
            }
            // "1h35m": minutes after hours.
            let w = if w == "m"
                && prev_num.is_some()
                && matches!(out.get(out.len().wrapping_sub(2)), Some(Tok::Word(h)) if matches!(h.as_str(), "h" | "hr" | "hrs"))
            {
                "min"
            } else {
                w
            };
            if is_amount_unit(w) {
                // "דקה וחצי", "שעה ורבע", "an hour and a half", "5 km and a half".
                let mut half = 0.0;
                let mut skip = 0;
                if next == Some("וחצי") {
                    half = 0.5;
                    skip = 1;
                } else if next == Some("ורבע") {
                    half = 0.25;
                    skip = 1;
                } else if next == Some("and")
                    && word(toks.get(i + 2)) == Some("a")
                    && word(toks.get(i + 3)) == Some("half")
                {
                    half = 0.5;
                    skip = 3;
                }
                match out.last_mut() {
                    Some(Tok::Num(n)) => *n += half,
                    // "שעה", "דקה", "קילומטר", "בשעה": one, said without a number, in
                    // Hebrew; in English only with "a"/"an" (read above) or a half.
                    _ if half > 0.0 || hebrew_singular(w) => out.push(Tok::Num(1.0 + half)),
                    _ => {}
                }
                out.push(Tok::Word(w.to_owned()));
                i += 1 + skip;
                // "1h10", "an hour twenty", "בשעה עשרים": the minutes after an hour.
                if time_factor(w) == Some(3600.0)
                    && half == 0.0
                    && let Some(Tok::Num(m)) = toks.get(i)
                    && *m < 60.0
                    && m.fract() == 0.0
                    && matches!(
                        toks.get(i + 1),
                        None | Some(Tok::Sep | Tok::Comma | Tok::Close)
                    )
                {
                    out.push(Tok::Num(*m));
                    out.push(Tok::Word("min".into()));
                    i += 1;
                }
                continue;
            }
        }
        out.push(t.clone());
        i += 1;
    }
    out
}

/// A Hebrew unit in the singular, which says "one" by itself: "שעה", "דקה", "קילומטר".
fn hebrew_singular(w: &str) -> bool {
    const ONE: &[&str] = &["שעה", "דקה", "קילומטר", "מייל"];
    is_in(w, ONE)
}

/// Words around a name that are not part of it, taken out before numbers are read ("quick
/// one" is not 1): "per leg", "each side", "לכל רגל", "with the bar", "מוט ריק", "worked up
/// to", "leg day", "יום רגליים", "בחדר כושר".
fn remarks(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if let Some(w) = word(toks.get(i)) {
            let next = word(toks.get(i + 1));
            // Words around a name that are not part of it: "per leg", "each side", "לכל
            // רגל", "with the bar", "מוט ריק", "worked up to", "quick one", "leg day",
            // "יום רגליים", "בחדר כושר".
            let pair = next.map(|n| (w, n));
            // "with 40 a side", "20 kg per side": the load on each side of the bar?
            let load_before = match out.last() {
                Some(Tok::Word(u)) => is_in(u, KG) || is_in(u, LB),
                Some(Tok::Num(_)) => {
                    matches!(out.get(out.len().wrapping_sub(2)), Some(Tok::At))
                        || word(out.get(out.len().wrapping_sub(2))).is_some_and(|a| AT.contains(&a))
                }
                _ => false,
            };
            if load_before && matches!(pair, Some(("per" | "each" | "a" | "לכל", "side" | "צד")))
            {
                out.push(Tok::PerSide);
                i += 2;
                continue;
            }
            if matches!(
                pair,
                Some((
                    "per" | "each" | "a" | "לכל",
                    "leg" | "side" | "arm" | "hand" | "רגל" | "צד" | "יד"
                )) | Some(("the" | "empty", "bar"))
                    | Some(("מוט", "ריק"))
                    | Some(("up", "to"))
                    | Some(("quick", "one"))
                    | Some(("חדר" | "בחדר", "כושר"))
                    | Some((
                        "leg"
                            | "legs"
                            | "push"
                            | "pull"
                            | "chest"
                            | "back"
                            | "arm"
                            | "arms"
                            | "shoulder"
                            | "upper"
                            | "lower"
                            | "full",
                        "day"
                    ))
                    | Some((
                        "יום" | "אימון",
                        "רגליים" | "חזה" | "גב" | "כתפיים" | "ידיים" | "בטן" | "רגל"
                    ))
            ) {
                i += 2;
                continue;
            }
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

/// Pool lengths: "30 lengths of a 25 m pool", "20 laps in a 50m pool", "30 בריכות של 25
/// מטר", "40 אורכים, בריכה של 25". The pool's length may be said anywhere in the message; the
/// lengths become metres, or [`Tok::Lengths`] when it never is.
fn pool_lengths(mut toks: Vec<Tok>) -> Vec<Tok> {
    let lengths = (1..toks.len()).any(|i| {
        matches!(toks[i - 1], Tok::Num(_)) && word(toks.get(i)).is_some_and(|w| is_in(w, LENGTHS))
    });
    if !lengths {
        return toks;
    }
    // The pool's length, and the tokens that said it.
    let mut pool: Option<(f64, std::ops::Range<usize>)> = None;
    for i in 0..toks.len() {
        // "25 m pool", "25m pool", "a 25 yard pool"
        if let Some(Tok::Num(p)) = toks.get(i)
            && let Some(f) = word(toks.get(i + 1)).and_then(distance_factor)
            && word(toks.get(i + 2)).is_some_and(|w| is_in(w, POOL))
        {
            pool = Some((p * f, i..i + 3));
            break;
        }
        // "pool of 25", "בריכה של 25 מטר", "בבריכה של 50 מטר", and after a number of
        // lengths: "30 בריכות של 25 מטר".
        if word(toks.get(i)).is_some_and(|w| is_in(w, POOL) || is_in(w, LENGTHS))
            && word(toks.get(i + 1)).is_some_and(|w| matches!(w, "של" | "of"))
            && let Some(Tok::Num(p)) = toks.get(i + 2)
        {
            let unit = word(toks.get(i + 3)).and_then(distance_factor);
            let end = if unit.is_some() { i + 4 } else { i + 3 };
            // "30 lengths of 25m" keeps its lengths word; "pool of 25" goes.
            let start = if word(toks.get(i)).is_some_and(|w| is_in(w, LENGTHS))
                && matches!(toks.get(i.wrapping_sub(1)), Some(Tok::Num(_)))
            {
                i + 1
            } else {
                i
            };
            pool = Some((p * unit.unwrap_or(1.0), start..end));
            break;
        }
        // "בבריכה אולימפית", "an olympic pool": 50 m.
        if word(toks.get(i)).is_some_and(|w| matches!(w, "olympic" | "אולימפית" | "אולימפי"))
        {
            pool = Some((50.0, i..i + 1));
            break;
        }
        // "(25m pool)" handled by the first form; "of a 25 m pool" too (the "of a" stays as
        // filler).
    }
    if let Some((_, range)) = &pool {
        toks.drain(range.clone());
    }
    let mut out = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if let Some(Tok::Num(n)) = toks.get(i)
            && word(toks.get(i + 1)).is_some_and(|w| is_in(w, LENGTHS))
        {
            match &pool {
                Some((p, _)) => {
                    out.push(Tok::Num(n * p));
                    out.push(Tok::Word("m".into()));
                    out.push(Tok::Word("swimming".into()));
                }
                None => out.push(Tok::Lengths(*n)),
            }
            i += 2;
            continue;
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

/// Numbers in a row joined by commas become a list ("x 10, 9, 8", "60, 65, 70 kg"), except
/// a number that starts the next "weight x reps" ("100x5, 110x3") or the next exercise
/// ("3x8, 60 push-ups"); the commas left end clauses.
fn lists(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        if let Tok::Num(first) = toks[i] {
            let mut items = vec![first];
            let mut j = i + 1;
            // A number followed by a pairing word starts the next pair ("80 for 8, 85 for
            // 6", "60 ל-10, 70 ל-8").
            let pairs = |t: Option<&Tok>| match t {
                Some(Tok::Times | Tok::At) => true,
                Some(Tok::Word(w)) => {
                    FOR.contains(&w.as_str())
                        || w == "ל"
                        || BY.contains(&w.as_str())
                        || AT.contains(&w.as_str())
                }
                _ => false,
            };
            if !pairs(toks.get(i + 1)) {
                while matches!(toks.get(j), Some(Tok::Comma))
                    && let Some(Tok::Num(n)) = toks.get(j + 1)
                    && !pairs(toks.get(j + 2))
                {
                    items.push(*n);
                    j += 2;
                }
            }
            // The last number belongs to the next exercise when a name follows it ("10, 9,
            // 60 push-ups"), not when the name is joined by a glued ו ("10, 9, 8 וסקוואט").
            if items.len() > 1
                && let Some(w) = word(toks.get(j))
                && !(w.starts_with('ו') && w.chars().count() > 2)
                && !is_unit(w)
                && !is_in(w, REPS)
                && !is_in(w, SETS)
                && !RPE.contains(&w)
                && !RIR.contains(&w)
                && !JOINERS.contains(&w)
            {
                items.pop();
                j -= 2;
            }
            // After a weight and before one, the last number is the next pair's weight
            // ("16 kg 10, 18 kg 8").
            let is_weight = |t: Option<&Tok>| word(t).is_some_and(|w| is_in(w, KG) || is_in(w, LB));
            if items.len() > 1 && i > 0 && is_weight(toks.get(i - 1)) && is_weight(toks.get(j)) {
                items.pop();
                j -= 2;
            }
            // Before a weight unit, a list is of weights of one size ("60, 65, 70 kg"), not
            // reps then a weight ("sets of 8, 70 kg").
            if items.len() > 1 && word(toks.get(j)).is_some_and(|w| is_in(w, KG) || is_in(w, LB)) {
                let (lo, hi) = items
                    .iter()
                    .fold((f64::MAX, 0.0_f64), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
                if hi > lo * 2.0 {
                    items.truncate(1);
                    j = i + 1;
                }
            }
            if items.len() > 1 {
                out.push(Tok::List(items));
                i = j;
                continue;
            }
        }
        out.push(match &toks[i] {
            Tok::Comma => Tok::Sep,
            t => t.clone(),
        });
        i += 1;
    }
    out
}

/// Three or more bare numbers after a weight ("55 kg 12 12 10 9"): reps, one set each.
/// After "doubles:" or "singles", numbers joined by commas are the weights
/// ("squat doubles: 150, 155, 160").
fn spaced_lists(toks: Vec<Tok>) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let after_weight = word(out.last()).is_some_and(|w| is_in(w, KG) || is_in(w, LB));
        if after_weight {
            let run: Vec<f64> = toks[i..]
                .iter()
                .map_while(|t| match t {
                    Tok::Num(n) if n.fract() == 0.0 && (1.0..=50.0).contains(n) => Some(*n),
                    _ => None,
                })
                .collect();
            let end = i + run.len();
            let ends = matches!(toks.get(end), None | Some(Tok::Sep | Tok::Comma))
                || word(toks.get(end)).is_some_and(|w| is_in(w, REPS));
            if run.len() >= 3 && ends {
                out.push(Tok::List(run));
                i = end;
                continue;
            }
        }
        out.push(toks[i].clone());
        i += 1;
    }
    out
}

/// The message as tokens, amounts in words read.
pub(super) fn scan(text: &str) -> Vec<Tok> {
    let mut toks = amounts_in_words(words_to_numbers(remarks(raw_tokens(text))));
    toks.retain(|t| *t != Tok::Close);
    lists(spaced_lists(pool_lengths(toks)))
}
