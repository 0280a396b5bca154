//! The parser: a message is cut into tokens (numbers, clock times, words, `x`, `@`,
//! separators), number words become numbers, the message is split into one part per
//! exercise ("," ";" "and" "then" "וגם"…), and each part gives its quantities by pattern
//! (sets × reps, "3 sets of 10", weights, distances and durations with their units, RPE) and
//! its exercise from the words left (or from the verb: "ran" is running, "רצתי" is ריצה).

use super::lexicon::*;
use super::numbers;
use super::{Entry, ParsedLog};
use crate::domain::workout::{SetInput, WeightUnit};

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Num(f64),
    /// `25:00`, `1:05:30`: seconds.
    Clock(f64),
    Word(String),
    Times,
    At,
    Sep,
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

fn scan(text: &str) -> Vec<Tok> {
    let chars: Vec<char> = normalize(text).chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    while i < chars.len() {
        let c = chars[i];
        if c.is_ascii_digit() {
            let start = i;
            while digit(i) || (matches!(chars.get(i), Some('.' | ',' | ':')) && digit(i + 1)) {
                i += 1;
            }
            let raw: String = chars[start..i].iter().collect();
            if raw.contains(':') {
                let secs = raw
                    .split(':')
                    .fold(0.0, |acc, p| acc * 60.0 + p.parse::<f64>().unwrap_or(0.0));
                out.push(Tok::Clock(secs));
            } else if let Ok(n) = raw.replace(',', ".").parse::<f64>() {
                out.push(Tok::Num(n));
            }
            // "3x5": the x between two numbers.
            if matches!(chars.get(i), Some('x' | '×' | '*')) && digit(i + 1) {
                out.push(Tok::Times);
                i += 1;
            }
        } else if c.is_alphabetic() {
            let start = i;
            while chars.get(i).is_some_and(|c| c.is_alphabetic())
                || (matches!(chars.get(i), Some('-' | '\'' | '"'))
                    && chars.get(i + 1).is_some_and(|c| c.is_alphabetic()))
            {
                i += 1;
            }
            // A closing geresh or gershayim stays with the word ("דק'").
            if matches!(chars.get(i), Some('\'' | '"')) {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            match word.as_str() {
                "x" | "×" => out.push(Tok::Times),
                w if w.starts_with('x') && digit(i) && w.len() == 1 => out.push(Tok::Times),
                _ => out.push(Tok::Word(word)),
            }
        } else {
            match c {
                '@' => out.push(Tok::At),
                '×' | '*' => out.push(Tok::Times),
                ',' | ';' | '\n' | '+' | '!' | '?' | '.' => out.push(Tok::Sep),
                _ => {}
            }
            i += 1;
        }
    }
    words_to_numbers(out)
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

/// A word, or the same word behind a glued Hebrew preposition ("בדקות" → "דקות").
fn is_in(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
        || w.strip_prefix(['ב', 'ל', 'ו', 'ה'])
            .is_some_and(|rest| rest.chars().count() >= 2 && list.contains(&rest))
}

/// Splits at separators and at the words that join two exercises.
fn parts(toks: Vec<Tok>) -> Vec<Vec<Tok>> {
    let mut parts = vec![Vec::new()];
    for t in toks {
        let split = match &t {
            Tok::Sep => true,
            Tok::Word(w) => JOINERS.contains(&w.as_str()),
            _ => false,
        };
        if split {
            parts.push(Vec::new());
            continue;
        }
        // "ורצתי", "ו50": a glued "and" before a verb or a number starts a new part.
        if let Tok::Word(w) = &t
            && let Some(rest) = w.strip_prefix('ו')
            && (VERBS.iter().any(|(v, _)| *v == rest)
                || DOING.contains(&rest)
                || numbers::word_value(rest).is_some())
        {
            parts.push(vec![Tok::Word(rest.to_owned())]);
            continue;
        }
        if let Some(part) = parts.last_mut() {
            part.push(t);
        }
    }
    parts.retain(|p| !p.is_empty());
    parts
}

#[derive(Default)]
struct Amounts {
    /// Anything but the bare-number fallback gave an amount.
    explicit: bool,
    sets: Option<f64>,
    reps: Option<f64>,
    weight: Option<(f64, Option<WeightUnit>)>,
    distance_m: Option<f64>,
    duration_s: Option<f64>,
    rpe: Option<f64>,
}

fn weight_unit(w: &str) -> Option<WeightUnit> {
    if is_in(w, KG) {
        Some(WeightUnit::Kg)
    } else if is_in(w, LB) {
        Some(WeightUnit::Lb)
    } else {
        None
    }
}

fn distance_factor(w: &str) -> Option<f64> {
    DISTANCE
        .iter()
        .find(|(_, words)| is_in(w, words))
        .map(|(m, _)| *m)
}

fn time_factor(w: &str) -> Option<f64> {
    TIME.iter()
        .find(|(_, words)| is_in(w, words))
        .map(|(s, _)| *s)
}

/// Reads one part's quantities; `used` marks the tokens they took.
fn amounts(toks: &[Tok], used: &mut [bool]) -> Amounts {
    let mut a = Amounts::default();
    let num = |i: usize| match toks.get(i) {
        Some(Tok::Num(n)) => Some(*n),
        _ => None,
    };
    let mut i = 0;
    while i < toks.len() {
        if used[i] {
            i += 1;
            continue;
        }
        let next = word(toks.get(i + 1));
        match &toks[i] {
            Tok::Clock(secs) => {
                a.duration_s.get_or_insert(*secs);
                used[i] = true;
            }
            Tok::Num(n) => {
                let n = *n;
                if matches!(toks.get(i + 1), Some(Tok::Times))
                    && let Some(m) = num(i + 2)
                {
                    // "3x5" is sets × reps; "225x5" is weight × reps; "3 x 60 sec" is sets
                    // of a time (or a distance: "5 x 400m").
                    let unit = word(toks.get(i + 3));
                    if let Some(f) =
                        unit.and_then(|u| time_factor(u).or(distance_factor(u).map(|m| -m)))
                    {
                        a.sets.get_or_insert(n);
                        if f > 0.0 {
                            a.duration_s.get_or_insert(m * f);
                        } else {
                            a.distance_m.get_or_insert(m * -f);
                        }
                        used[i..i + 4].iter_mut().for_each(|u| *u = true);
                        i += 4;
                        continue;
                    }
                    if n > 20.0 && a.weight.is_none() {
                        a.weight = Some((n, None));
                        a.reps.get_or_insert(m);
                    } else {
                        a.sets.get_or_insert(n);
                        a.reps.get_or_insert(m);
                    }
                    used[i..i + 3].iter_mut().for_each(|u| *u = true);
                    i += 3;
                    continue;
                }
                if let Some(w) = next {
                    if is_in(w, SETS) {
                        a.sets.get_or_insert(n);
                        used[i] = true;
                        used[i + 1] = true;
                        // "3 sets of 10", "3 sets x 10", "3 סטים של 10"
                        let mut j = i + 2;
                        if word(toks.get(j)).is_some_and(|w| OF.contains(&w))
                            || matches!(toks.get(j), Some(Tok::Times))
                        {
                            j += 1;
                        }
                        if let Some(m) = num(j).filter(|_| j > i + 2 || a.reps.is_none()) {
                            let unit_after = word(toks.get(j + 1)).is_some_and(|w| {
                                weight_unit(w).is_some()
                                    || distance_factor(w).is_some()
                                    || time_factor(w).is_some()
                            });
                            if !unit_after {
                                a.reps.get_or_insert(m);
                                used[i + 2..=j].iter_mut().for_each(|u| *u = true);
                                i = j + 1;
                                continue;
                            }
                        }
                        i += 2;
                        continue;
                    }
                    if is_in(w, REPS) {
                        a.reps.get_or_insert(n);
                        used[i] = true;
                        used[i + 1] = true;
                        i += 2;
                        continue;
                    }
                    if let Some(unit) = weight_unit(w) {
                        a.weight.get_or_insert((n, Some(unit)));
                        used[i] = true;
                        used[i + 1] = true;
                        i += 2;
                        continue;
                    }
                    if let Some(m) = distance_factor(w) {
                        a.distance_m.get_or_insert(n * m);
                        used[i] = true;
                        used[i + 1] = true;
                        i += 2;
                        continue;
                    }
                    if let Some(s) = time_factor(w) {
                        // "1 hour 10 minutes": the parts add up.
                        *a.duration_s.get_or_insert(0.0) += n * s;
                        used[i] = true;
                        used[i + 1] = true;
                        i += 2;
                        continue;
                    }
                    if RPE.contains(&w) {
                        a.rpe.get_or_insert(n);
                        used[i] = true;
                        used[i + 1] = true;
                        i += 2;
                        continue;
                    }
                }
            }
            Tok::At => {
                // "@ 100", "@100kg", "@ rpe 8"
                if word(toks.get(i + 1)).is_some_and(|w| RPE.contains(&w))
                    && let Some(n) = num(i + 2)
                {
                    a.rpe.get_or_insert(n);
                    used[i..i + 3].iter_mut().for_each(|u| *u = true);
                    i += 3;
                    continue;
                }
                if let Some(n) = num(i + 1) {
                    let unit = word(toks.get(i + 2)).and_then(weight_unit);
                    a.weight.get_or_insert((n, unit));
                    let took = if unit.is_some() { 3 } else { 2 };
                    used[i..i + took].iter_mut().for_each(|u| *u = true);
                    i += took;
                    continue;
                }
                used[i] = true;
            }
            Tok::Word(w) if RPE.contains(&w.as_str()) => {
                if let Some(n) = num(i + 1) {
                    a.rpe.get_or_insert(n);
                    used[i] = true;
                    used[i + 1] = true;
                    i += 2;
                    continue;
                }
            }
            Tok::Word(w) if is_in(w, AT) => {
                // "at 100", "with 80 kilo", "עם 80 קילו", "ב-100": a weight (or a time after "in").
                if let Some(n) = num(i + 1) {
                    let after = word(toks.get(i + 2));
                    if after.is_some_and(|w| {
                        distance_factor(w).is_some()
                            || time_factor(w).is_some()
                            || is_in(w, REPS)
                            || is_in(w, SETS)
                    }) {
                        used[i] = true;
                        i += 1;
                        continue;
                    }
                    let unit = after.and_then(weight_unit);
                    a.weight.get_or_insert((n, unit));
                    let took = if unit.is_some() { 3 } else { 2 };
                    used[i..i + took].iter_mut().for_each(|u| *u = true);
                    i += took;
                    continue;
                }
            }
            Tok::Word(w) if FOR.contains(&w.as_str()) => {
                // "for 5 reps", "for 5", "for 30 minutes" ("for 3 sets of 5": the sets rule)
                if let Some(n) = num(i + 1) {
                    let after = word(toks.get(i + 2));
                    if after.is_some_and(|w| is_in(w, SETS)) {
                        used[i] = true;
                        i += 1;
                        continue;
                    }
                    if after.is_none_or(|w| {
                        is_in(w, REPS)
                            || (weight_unit(w).is_none()
                                && distance_factor(w).is_none()
                                && time_factor(w).is_none())
                    }) {
                        a.reps.get_or_insert(n);
                        let took = if after.is_some_and(|w| is_in(w, REPS)) {
                            3
                        } else {
                            2
                        };
                        used[i..i + took].iter_mut().for_each(|u| *u = true);
                        i += took;
                        continue;
                    }
                    used[i] = true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    a.explicit = a.sets.is_some()
        || a.reps.is_some()
        || a.weight.is_some()
        || a.distance_m.is_some()
        || a.duration_s.is_some();
    // Numbers left without a word: reps first ("50 push-ups"), then a weight ("bench 80 x").
    for (j, t) in toks.iter().enumerate() {
        if used[j] {
            continue;
        }
        if let Tok::Num(n) = t {
            used[j] = true;
            if a.reps.is_none() {
                a.reps = Some(*n);
            } else if a.weight.is_none() {
                a.weight = Some((*n, None));
            } else if a.sets.is_none() {
                a.sets = Some(*n);
            }
        }
    }
    a
}

/// How many days back the message is about ("yesterday", "אתמול", "3 days ago", "לפני 3
/// ימים"), with the words that said it taken out (their number is not a rep count).
fn days_ago(toks: &mut Vec<Tok>) -> u32 {
    let is = |t: Option<&Tok>, words: &[&str]| matches!(t, Some(Tok::Word(w)) if words.contains(&w.as_str()));
    for i in 0..toks.len() {
        let n = match &toks[i] {
            Tok::Num(n) => *n,
            Tok::Word(w) if matches!(w.as_str(), "yesterday" | "אתמול" | "yday") => return 1,
            Tok::Word(w) if w == "שלשום" => return 2,
            _ => continue,
        };
        let days = (n.max(0.0) as u32).min(365);
        // "3 days ago"
        if is(toks.get(i + 1), &["days", "day"]) && is(toks.get(i + 2), &["ago"]) {
            toks.drain(i..i + 3);
            return days;
        }
        // "לפני 3 ימים"
        if i > 0 && is(toks.get(i - 1), &["לפני"]) && is(toks.get(i + 1), &["ימים", "יום"])
        {
            toks.drain(i - 1..i + 2);
            return days;
        }
    }
    0
}

/// Reads a message into exercises with their sets; `default_unit` is the unit of a weight
/// written without one ("squat 5x5 at 100").
pub fn parse(text: &str, default_unit: WeightUnit) -> ParsedLog {
    let mut toks = scan(text);
    let days = days_ago(&mut toks);
    let mut entries = Vec::new();
    for part in parts(toks) {
        let mut used = vec![false; part.len()];
        // A verb names the exercise: "ran", "רצתי".
        let mut implied = None;
        for (i, t) in part.iter().enumerate() {
            if let Tok::Word(w) = t
                && let Some((_, name)) = VERBS.iter().find(|(v, _)| *v == w)
            {
                implied = Some(*name);
                used[i] = true;
            }
        }
        let a = amounts(&part, &mut used);
        let name: Vec<&str> = part
            .iter()
            .enumerate()
            .filter(|(i, _)| !used[*i])
            .filter_map(|(_, t)| match t {
                Tok::Word(w)
                    if !is_in(w, FILLER)
                        && !is_in(w, REPS)
                        && !is_in(w, SETS)
                        && weight_unit(w).is_none()
                        && distance_factor(w).is_none()
                        && time_factor(w).is_none() =>
                {
                    Some(w.as_str())
                }
                _ => None,
            })
            .collect();
        let exercise = if name.is_empty() {
            match implied {
                Some(n) => n.to_owned(),
                None => continue,
            }
        } else {
            name.join(" ")
        };
        let has_amount = a.reps.is_some()
            || a.weight.is_some()
            || a.distance_m.is_some()
            || a.duration_s.is_some();
        let sets = if has_amount {
            let count = a.sets.unwrap_or(1.0).clamp(1.0, 100.0) as usize;
            let set = SetInput {
                reps: a.reps.map(|r| r.round() as i64),
                weight: a.weight.map(|(w, _)| w),
                unit: a.weight.map(|(_, u)| u.unwrap_or(default_unit)),
                distance_m: a.distance_m,
                duration_s: a.duration_s.map(|d| d.round() as i64),
                rpe: a.rpe,
                ..SetInput::default()
            };
            vec![set; count]
        } else {
            Vec::new()
        };
        entries.push(Entry {
            exercise,
            sets,
            explicit: a.explicit || implied.is_some(),
        });
    }
    ParsedLog {
        entries,
        days_ago: days,
    }
}
