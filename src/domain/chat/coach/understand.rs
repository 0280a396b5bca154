//! What a message asks for, in English or Hebrew, from the words in it. Commands that change the
//! plan are recognised first (their titles may hold any word: "add to my plan: beat my squat
//! PR"), then the topics most specific first (records, goals, the plan, streaks and levels,
//! totals), then help, then greetings. Anything else is [`Intent::Unknown`]: a wrong guess would
//! answer a question nobody asked.

use super::exercise_name::named_exercise;
use super::keywords::{
    BALANCE, COMPARE, E1RM, EXERCISE_WORDS, GENERIC_STATS, GOALS, GREETING_COMPANY, GREETINGS,
    HELP, LAST_FILLER, LAST_TIME, LEVEL, MOST, NEXT_FILLER, NEXT_TIME, PERIODS, PLAN, POINTS,
    RECORD_FILLER, RECORDS, STATS, STREAK, TODAY_SESSION, TRAINING,
};
use super::plan_request;
use super::words::Words;
use super::{Intent, StatsFocus};
use crate::domain::catalog::catalog;
use crate::domain::chat::session_tools::SuggestArgs;
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
    if let Some(intent) = super::goal_request::goal(text, &words) {
        return intent;
    }
    // Questions about one exercise, which may read like a log ("e1rm ohp") or a reminder
    // ("תזכיר לי מתי עשיתי מתח לאחרונה") ("e1rm ohp", "1 rep max deadlift").
    let about_exercise = |keys: &[&[&str]]| RecordsArgs {
        exercise: exercise(&words, keys),
    };
    if words.has_any(E1RM) {
        return Intent::E1rm(about_exercise(&[E1RM, RECORDS]));
    }
    if is_last_time(&words) {
        return Intent::LastDone(about_exercise(&[LAST_TIME, LAST_FILLER]));
    }
    // Planning the next session: the balance, one exercise's next time, or today's session.
    if words.has_any(BALANCE) {
        return Intent::Balance;
    }
    if words.has_any(NEXT_TIME) {
        return match exercise(&words, &[NEXT_TIME, NEXT_FILLER]) {
            Some(exercise) => Intent::Next(SuggestArgs {
                exercise: Some(exercise),
            }),
            None => Intent::Today,
        };
    }
    if words.has_any(TODAY_SESSION) {
        return Intent::Today;
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
    let stats = |focus| Intent::Stats {
        args: StatsArgs {
            period: period(&words),
        },
        focus,
    };
    if words.has_any(RECORDS) {
        Intent::Records(about_exercise(&[RECORDS]))
    } else if words.has_any(MOST) && words.has_any(EXERCISE_WORDS) {
        stats(StatsFocus::MostTrained)
    } else if words.has_any(COMPARE) {
        Intent::Stats {
            args: StatsArgs {
                period: match period(&words) {
                    Period::All => Period::Week,
                    p => p,
                },
            },
            focus: StatsFocus::Compare,
        }
    } else if words.has_any(GOALS) {
        Intent::Goals
    } else if words.has_any(PLAN) {
        Intent::PlanList
    } else if words.has_any(STREAK) {
        stats(StatsFocus::Streak)
    } else if words.has_any(LEVEL) {
        stats(StatsFocus::Level)
    } else if words.has_any(POINTS) && !words.has_any(&["workouts", "sets", "אימונים", "סטים"])
    {
        stats(StatsFocus::Points)
    } else if words.has_any(STATS) && (!words.has_any(GENERIC_STATS) || words.has_any(TRAINING)) {
        stats(StatsFocus::Totals)
    } else if words.has_any(HELP) {
        Intent::Help
    } else if is_greeting(&words) {
        Intent::Greeting
    } else {
        Intent::Unknown
    }
}

/// "when did I last bench?", "last squat session?", "מתי עשיתי דדליפט לאחרונה?".
fn is_last_time(words: &Words) -> bool {
    words.has_any(LAST_TIME)
        || (words.has_any(&["when", "whn", "מתי"])
            && words.has_any(&["last", "אחרון", "האחרונה", "אחרונה"]))
        || (words.list.first().is_some_and(|w| w.is("last"))
            && words.has_any(&["session", "workout", "time"]))
}

fn period(words: &Words) -> Period {
    // "so far this week": the week, not all time.
    PERIODS
        .iter()
        .filter_map(|(period, keys)| words.find_any(keys).map(|at| (at.start, *period)))
        .min_by_key(|(at, period)| (*period == Period::All, *at))
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
/// for all of them: the words left between the first and last that are neither the request's
/// words (`keys`), period words nor filler. A cardio verb names its activity ("when did I last
/// go for a run", "מתי רצתי").
fn exercise(words: &Words, keys: &[&[&str]]) -> Option<String> {
    let mut spent = vec![false; words.len()];
    for k in keys {
        words.cover(k, &mut spent);
    }
    for (_, keys) in PERIODS {
        words.cover(keys, &mut spent);
    }
    let kept: Vec<usize> = (0..words.len())
        .filter(|&i| !spent[i] && !words.list[i].is_any(RECORD_FILLER))
        .collect();
    let (first, last) = (*kept.first()?, *kept.last()?);
    if let Some(activity) = super::goal_request::activity(words, first..last + 1) {
        return Some(activity.to_owned());
    }
    // The exercise the catalog knows among the words left ("heaviest deadlift i've ever done").
    if let Some((said, _)) = named_exercise(words, |i| kept.contains(&i)) {
        return Some(said);
    }
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
