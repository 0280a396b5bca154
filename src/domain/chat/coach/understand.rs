//! What a message asks for, in English or Hebrew, from the words in it. Commands that change the
//! plan are recognised first (their titles may hold any word: "add to my plan: beat my squat
//! PR"), then the topics most specific first (records, goals, the plan, streaks and levels,
//! totals), then help, then greetings. Anything else is [`Intent::Unknown`]: a wrong guess would
//! answer a question nobody asked.

use super::Intent;
use super::keywords::{
    GOALS, GREETING_COMPANY, GREETINGS, HELP, PERIODS, PLAN, RECORD_FILLER, RECORDS, STATS, STREAK,
};
use super::plan_request;
use super::words::Words;
use crate::domain::catalog::catalog;
use crate::domain::chat::tools::{RecordsArgs, StatsArgs};
use crate::domain::scoring::stats::Period;

/// Hebrew prepositions glued to an exercise name after "שיא" ("השיא שלי בסקוואט").
const EXERCISE_PREFIXES: [char; 3] = ['ב', 'ל', 'ה'];

/// What the user's message asks for.
pub fn understand(text: &str) -> Intent {
    let words = Words::of(text);
    if words.is_empty() {
        return Intent::Unknown;
    }
    if let Some(intent) = super::remember::remember(text) {
        return intent;
    }
    if let Some(intent) = plan_request::add(&words).or_else(|| plan_request::complete(&words)) {
        return intent;
    }
    if let Some(request) = super::chart_request::chart(&words) {
        return Intent::Chart(request);
    }
    if super::log_request::is_log(text, &words) {
        return Intent::Log {
            text: text.trim().to_owned(),
            learn: None,
        };
    }
    let stats = |streak| Intent::Stats {
        args: StatsArgs {
            period: period(&words),
        },
        streak,
    };
    if words.has_any(RECORDS) {
        Intent::Records(RecordsArgs {
            exercise: exercise(&words),
        })
    } else if words.has_any(GOALS) {
        Intent::Goals
    } else if words.has_any(PLAN) {
        Intent::PlanList
    } else if words.has_any(STREAK) {
        stats(true)
    } else if words.has_any(STATS) {
        stats(false)
    } else if words.has_any(HELP) {
        Intent::Help
    } else if is_greeting(&words) {
        Intent::Greeting
    } else {
        Intent::Unknown
    }
}

fn period(words: &Words) -> Period {
    PERIODS
        .iter()
        .filter_map(|(period, keys)| words.find_any(keys).map(|at| (at.start, *period)))
        .min_by_key(|(at, _)| *at)
        .map_or(Period::All, |(_, period)| period)
}

/// A greeting and nothing but greeting words ("hey coach!", "היי, מה נשמע?").
fn is_greeting(words: &Words) -> bool {
    let mut covered = vec![false; words.len()];
    let greeted = words.cover(GREETINGS, &mut covered);
    words.cover(GREETING_COMPANY, &mut covered);
    greeted && covered.iter().all(|&c| c)
}

/// The exercise a records request names, as the user wrote it ("bench", "סקוואט"), or `None`
/// for all of them: the words left between the first and last that are neither record words,
/// period words nor filler.
fn exercise(words: &Words) -> Option<String> {
    let mut spent = vec![false; words.len()];
    words.cover(RECORDS, &mut spent);
    for (_, keys) in PERIODS {
        words.cover(keys, &mut spent);
    }
    let kept: Vec<usize> = (0..words.len())
        .filter(|&i| !spent[i] && !words.list[i].is_any(RECORD_FILLER))
        .collect();
    let (first, last) = (*kept.first()?, *kept.last()?);
    let name = trim_name(&words.text[words.bytes(first..last + 1)]);
    let hebrew_first = words.list[first].is_hebrew();
    Some(if hebrew_first {
        without_preposition(name)
    } else {
        name.to_owned()
    })
    .filter(|n| !n.is_empty())
}

fn trim_name(raw: &str) -> &str {
    raw.trim_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '\'' | '\u{05F3}'))
}

/// "בסקוואט" → "סקוואט": cuts a glued preposition unless the catalog knows the name better
/// with it ("בנץ' פרס" keeps its ב). Names the catalog does not know lose it: after a record
/// word a Hebrew exercise is nearly always introduced by one.
fn without_preposition(name: &str) -> String {
    let Some(first) = name
        .chars()
        .next()
        .filter(|c| EXERCISE_PREFIXES.contains(c))
    else {
        return name.to_owned();
    };
    let rest = name[first.len_utf8()..]
        .trim_start_matches(|c: char| ('\u{0591}'..='\u{05C7}').contains(&c) || c == '-');
    if rest.chars().count() < 2 {
        return name.to_owned();
    }
    let score = |q: &str| catalog().find(q, 1).first().map_or(0.0, |c| c.confidence);
    if score(rest) >= score(name) {
        rest.to_owned()
    } else {
        name.to_owned()
    }
}
