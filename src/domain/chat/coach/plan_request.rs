//! Requests that change the plan, read into a title and due words: "add to my plan: deload week
//! next Monday", "remind me to buy new shoes tomorrow", "תוסיף לתוכנית ריצה קלה מחר בשבע",
//! "mark 'squat heavy' as done", "סיימתי את ריצה קלה". The command words are cut out and the
//! rest is the title, as the user wrote it; a title in quotes is taken as it stands. Due words
//! are found by [`find_due`] and passed on as words: the server reads them against the user's
//! real clock and time zone.

use chrono::{NaiveDate, NaiveDateTime};

use super::Intent;
use super::words::Words;
use crate::domain::catalog::normalize;
use crate::domain::chat::tools::{AddPlanArgs, CompletePlanArgs};
use crate::domain::due_date::find_due;

/// Phrases that ask for a reminder; what follows is the item.
#[rustfmt::skip]
const REMIND: &[&str] = &[
    "remind me to", "remind me", "set a reminder to", "set a reminder", "reminder to", "תזכיר לי",
    "תזכירי לי", "הזכר לי", "תזכורת",
];
/// Verbs that add something, when the plan is named too ("add … to my plan").
#[rustfmt::skip]
const ADD: &[&str] = &[
    "add", "put", "תוסיף", "תוסיפי", "הוסף", "הוסיפי", "להוסיף", "תכניס", "תכניסי", "הכנס", "תרשום",
    "תרשמי", "רשום",
];
/// Verbs that add something on their own, at the start of a message ("schedule leg day …").
#[rustfmt::skip]
const SCHEDULE: &[&str] = &[
    "schedule", "pencil in", "pencil", "book in", "slot in", "תקבע", "תקבעי", "קבע", "תתכנן", "תתכנני", "תכנן",
];
/// The plan itself, with the words that may come before or after it ("to my plan", "לתוכנית
/// האימונים שלי").
const PLAN: &[&str] = &[
    "plan",
    "schedule",
    "calendar",
    "to do list",
    "todo list",
    "list",
    "תוכנית",
    "תכנית",
    "לוז",
    "רשימה",
];
const BEFORE_PLAN: &[&str] = &["my", "the", "to", "on", "in", "into", "onto"];
const AFTER_PLAN: &[&str] = &["שלי", "האימונים", "אימונים"];
/// Words that start a completion: "mark …", "I finished …", "סיימתי את …".
#[rustfmt::skip]
const COMPLETE_START: &[&str] = &[
    "mark", "tick off", "check off", "cross off", "i have finished", "i've finished",
    "i just finished", "i finished", "finished", "i completed", "completed", "complete",
    "i'm done with", "im done with", "done with", "סיימתי", "ביצעתי", "השלמתי", "גמרתי", "סמן",
    "סמני", "תסמן", "תסמני",
];
/// Words that end a completion on their own: "leg day is done", "ריצה קלה בוצעה".
#[rustfmt::skip]
const COMPLETE_END: &[&str] = &[
    "is done", "are done", "is finished", "is complete", "בוצע", "בוצעה", "הושלם", "הושלמה",
    "mark it done", "mark it as done", "mark it complete", "mark it completed", "mark that done",
    "mark that as done", "tick that one off", "tick that off", "tick it off", "check it off",
    "check that off", "cross them off", "cross it off", "cross that off", "תסמן", "תסמני", "תסמן שבוצע", "תסמני שבוצע",
    "תסמן כבוצע", "תסמני כבוצע", "תסמן v", "תסמני v",
];
/// Words that end a completion after a start word: "mark leg day as done".
#[rustfmt::skip]
const DONE_AFTER_MARK: &[&str] = &[
    "as done", "as complete", "as completed", "as finished", "done", "complete", "completed",
    "כבוצע", "כבוצעה", "כהושלם", "כגמור",
];
/// Politeness and asides that are no part of a request ("please", "can you").
#[rustfmt::skip]
const ASIDES: &[&str] = &[
    "please", "pls", "can you", "could you", "would you", "ok", "okay", "בבקשה", "אפשר", "תוכל",
    "תוכלי", "יאללה",
];
/// Words left dangling at a title's edges once the rest is cut out ("deload week for").
#[rustfmt::skip]
const EDGE_WORDS: &[&str] = &[
    "to", "for", "on", "at", "by", "that", "and", "the", "my", "from", "in", "today", "just", "now",
    "please", "את", "של", "ש", "ל", "ב", "עד", "ו", "לי", "היום", "עכשיו", "בבקשה",
];
/// Where a plan is named after the title of a completed item ("… from my plan").
#[rustfmt::skip]
const FROM_PLAN: &[&str] = &[
    "from my plan", "in my plan", "on my plan", "from the plan", "מהתוכנית", "בתוכנית",
];
const QUOTES: &[(char, char)] = &[
    ('"', '"'),
    ('\'', '\''),
    ('“', '”'),
    ('‘', '’'),
    ('„', '”'),
    ('„', '“'),
    ('«', '»'),
];

/// Due words are only located here, so any moment will do: the server reads them again with
/// the user's real now. (A moment matters only for dates that do not exist, like 31/02.)
fn reference_now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2024, 1, 1)
        .and_then(|d| d.and_hms_opt(12, 0, 0))
        .unwrap_or_default()
}

/// "add … to my plan", "remind me to …", "schedule …": the item's title and due words.
pub(super) fn add(words: &Words) -> Option<Intent> {
    let mut cut = vec![false; words.len()];
    let start = first_content_word(words, &mut cut);
    let due_said = find_due(words.text, reference_now()).is_some();
    // "plan: upper body day after tomorrow"
    let headed = words.list.get(start).is_some_and(|w| w.is_any(PLAN))
        && words.text[words.list[start].span.end..]
            .trim_start()
            .starts_with(':');
    if headed {
        cut[start] = true;
    }
    let commanded = headed
        || words.cover(REMIND, &mut cut)
        || (words.has_any(ADD) && cover_plan(words, &mut cut) && words.cover(ADD, &mut cut))
        // "add swimming saturday", "תוסיף למחר אימון גב": an addition with a day.
        || (due_said && starts_with(words, start, ADD, &mut cut))
        || starts_with(words, start, SCHEDULE, &mut cut);
    if !commanded {
        return None;
    }
    cover_plan(words, &mut cut);
    let due = find_due(words.text, reference_now()).and_then(|(_, bytes)| {
        let inside: Vec<usize> = (0..words.len())
            .filter(|&i| {
                let span = &words.list[i].span;
                span.start < bytes.end && bytes.start < span.end
            })
            .collect();
        if inside.iter().any(|&i| cut[i]) {
            return None;
        }
        inside.iter().for_each(|&i| cut[i] = true);
        Some(words.text[bytes].trim().to_owned())
    });
    let title = quoted(words.text).unwrap_or_else(|| kept_text(words, &cut));
    (!title.is_empty()).then_some(Intent::PlanAdd(AddPlanArgs { title, due }))
}

/// "mark … as done", "I finished …", "סיימתי את …", "… בוצע": the item's title.
pub(super) fn complete(words: &Words) -> Option<Intent> {
    let mut cut = vec![false; words.len()];
    let start = first_content_word(words, &mut cut);
    let started = starts_with(words, start, COMPLETE_START, &mut cut);
    let ends = |phrases: &[&str], cut: &mut Vec<bool>| {
        let at = phrases
            .iter()
            .filter_map(|p| words.ends_with(p))
            .min_by_key(|at| at.start)?;
        cut[at.clone()].iter_mut().for_each(|c| *c = true);
        Some(())
    };
    let ended = if started {
        ends(DONE_AFTER_MARK, &mut cut).or_else(|| ends(COMPLETE_END, &mut cut))
    } else {
        ends(COMPLETE_END, &mut cut)
    };
    // "bike ride done!", "עשיתי את הפילאטיס ✅": done, of something without numbers (a
    // workout with numbers is a log: "squat 3x5 done").
    let ended = ended.or_else(|| {
        // Not "heaviest deadlift i've ever done".
        let no_numbers = !words.text.chars().any(|c| c.is_ascii_digit())
            && !words.has_any(&["i've", "ive", "have", "ever", "had", "was", "what", "how"]);
        let emoji = words
            .text
            .trim_end()
            .ends_with(['✅', '✔', '☑', '\u{fe0f}']);
        let done = words.ends_with("done");
        if !no_numbers || !(emoji || done.is_some()) {
            return None;
        }
        if let Some(at) = done {
            cut[at].iter_mut().for_each(|c| *c = true);
        }
        if let Some(at) = words.starts_at(&["עשיתי את", "עשיתי", "i did", "did"], start)
        {
            cut[at].iter_mut().for_each(|c| *c = true);
        }
        Some(())
    });
    if !started && ended.is_none() {
        return None;
    }
    words.cover(FROM_PLAN, &mut cut);
    let title = quoted(words.text).unwrap_or_else(|| kept_text(words, &cut));
    (!title.is_empty()).then_some(Intent::PlanComplete(CompletePlanArgs { title }))
}

/// Cuts leading asides; the index of the first word after them.
fn first_content_word(words: &Words, cut: &mut [bool]) -> usize {
    let mut i = 0;
    while let Some(at) = words.starts_at(ASIDES, i) {
        cut[at.clone()].iter_mut().for_each(|c| *c = true);
        i = at.end;
    }
    i
}

/// Whether one of `phrases` starts at word `at`; cuts the longest that does, and a "לי" (for
/// me) after it: "תקבע לי", "תוסיף לי".
fn starts_with(words: &Words, at: usize, phrases: &[&str], cut: &mut [bool]) -> bool {
    let found = words.starts_at(phrases, at);
    if let Some(r) = &found {
        cut[r.clone()].iter_mut().for_each(|c| *c = true);
        if words.list.get(r.end).is_some_and(|w| w.folded == "לי") {
            cut[r.end] = true;
        }
    }
    found.is_some()
}

/// Cuts every naming of the plan with its article and preposition ("to my plan", "לתוכנית
/// שלי"); whether there was one.
fn cover_plan(words: &Words, cut: &mut [bool]) -> bool {
    let mut named = vec![false; words.len()];
    if !words.cover(PLAN, &mut named) {
        return false;
    }
    for at in (0..words.len()).filter(|&i| named[i]) {
        let mut start = at;
        while start > 0 && words.list[start - 1].is_any(BEFORE_PLAN) {
            start -= 1;
        }
        let mut end = at + 1;
        while end < words.len() && words.list[end].is_any(AFTER_PLAN) {
            end += 1;
        }
        cut[start..end].iter_mut().for_each(|c| *c = true);
    }
    true
}

/// The words not cut, as written: runs of neighbouring words keep the text between them, runs
/// are joined by a space, and dangling little words and punctuation at the edges go.
fn kept_text(words: &Words, cut: &[bool]) -> String {
    let edge = |i: usize| {
        let folded = &words.list[i].folded;
        EDGE_WORDS.iter().any(|w| normalize(w) == *folded)
    };
    let mut kept: Vec<usize> = (0..words.len()).filter(|&i| !cut[i]).collect();
    while kept.first().is_some_and(|&i| edge(i)) {
        kept.remove(0);
    }
    while kept.last().is_some_and(|&i| edge(i)) {
        kept.pop();
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    for i in kept {
        match runs.last_mut() {
            Some((_, end)) if *end == i => *end = i + 1,
            _ => runs.push((i, i + 1)),
        }
    }
    let parts: Vec<&str> = runs
        .into_iter()
        .map(|(a, b)| trim_edges(&words.text[words.bytes(a..b)]))
        .filter(|p| !p.is_empty())
        .collect();
    parts.join(" ")
}

fn trim_edges(text: &str) -> &str {
    text.trim_matches(|c: char| !c.is_alphanumeric() && !('\u{0591}'..='\u{05C7}').contains(&c))
}

/// The text inside the first pair of quotes that opens at the start of a word and closes at
/// the end of one (so "what's" and "בנץ' פרס" hold no quotes).
fn quoted(text: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (n, &(i, open)) in chars.iter().enumerate() {
        let opens_word = n == 0 || !chars[n - 1].1.is_alphanumeric();
        if !opens_word {
            continue;
        }
        for &(_, close) in QUOTES.iter().filter(|(o, _)| *o == open) {
            let inner_start = i + open.len_utf8();
            let closing = chars[n + 1..].iter().enumerate().find(|&(k, &(_, c))| {
                let after = chars.get(n + 2 + k).map(|&(_, a)| a);
                c == close && !after.is_some_and(char::is_alphanumeric)
            });
            if let Some((_, &(j, _))) = closing {
                let inner = text[inner_start..j].trim();
                if !inner.is_empty() {
                    return Some(inner.to_owned());
                }
            }
        }
    }
    None
}
