//! Goals set, changed and deleted in words: "set a goal of 3 workouts a week", "goal: squat
//! 140kg", "I want to run 20 km a week", "change my weekly workout goal to 5", "delete my
//! running goal", "אני רוצה להתאמן 4 פעמים בשבוע", "תעלה את היעד בסקוואט ל-150 קילו", "תמחק
//! את יעד הריצה". What is counted comes from the amount's unit and the words around it (a
//! weight with a lift, a distance or a time, workouts, points, sets, a streak); the timeframe
//! from "a week", "בחודש", "every day". Setting and changing are one tool (`set_goal` changes
//! the goal of the same kind when there is one), so "make my running goal 25 km" needs no
//! separate reading.

use super::Intent;
use super::exercise_name::named_exercise;
use super::words::Words;
use crate::domain::chat::tools::{DeleteGoalArgs, SetGoalArgs};
use crate::domain::goals::{GoalType, Timeframe};
use crate::domain::nl_log::{QuantityKind, quantities};

const LB_KG: f64 = 0.453_592_37;

/// The goal itself.
#[rustfmt::skip]
const GOAL: &[&str] = &[
    "goal", "goals", "target", "objective", "יעד", "יעדים", "מטרה", "מטרות",
];
/// Wanting something that is a goal when it has an amount and a period, a lift or a streak.
#[rustfmt::skip]
const WANT: &[&str] = &[
    "i want to", "i wanna", "i'd like to", "id like to", "i want", "want to", "wanna",
    "אני רוצה", "רוצה", "בא לי", "הייתי רוצה", "אני רוצה להגיע", "רוצה להגיע",
];
/// Taking a goal away.
#[rustfmt::skip]
const DELETE: &[&str] = &[
    "delete", "remove", "cancel", "scrap", "get rid of", "drop", "don't want", "dont want",
    "do not want", "no longer want", "תמחק", "תמחקי", "מחק", "מחקי", "למחוק", "תבטל", "תבטלי",
    "בטל", "בטלי", "לבטל", "תסיר", "תסירי", "הסר", "להסיר", "לא רוצה", "תעיף", "תעיפי", "העף",
];
/// Questions about goals ("how are my goals?") are not requests to set one.
#[rustfmt::skip]
const ASKING: &[&str] = &[
    "how", "what", "whats", "show", "list", "which", "איך", "מה", "אילו", "תראה", "תראי", "הראה",
];

#[rustfmt::skip]
const WEEK: &[&str] = &["week", "weekly", "wk", "a week", "per week", "שבוע", "שבועי", "לשבוע"];
#[rustfmt::skip]
const MONTH: &[&str] = &["month", "monthly", "חודש", "חודשי", "לחודש"];
#[rustfmt::skip]
const DAY: &[&str] = &[
    "every day", "a day", "per day", "daily", "each day", "כל יום", "ביום", "יומי", "ליום",
];
#[rustfmt::skip]
const STREAK: &[&str] = &["streak", "in a row", "straight days", "רצף", "ברציפות", "סטריק"];
#[rustfmt::skip]
const POINTS: &[&str] = &["points", "point", "pts", "נקודות", "נקודה", "פוינטס"];
#[rustfmt::skip]
const SETS: &[&str] = &["sets", "סטים", "סטי"];
#[rustfmt::skip]
const WORKOUTS: &[&str] = &[
    "workout", "workouts", "sessions", "session", "times", "x", "train", "training", "work out",
    "gym", "אימונים", "אימון", "פעמים", "להתאמן", "אתאמן", "התאמנות",
];
/// Cardio said with a verb or its activity's word: the exercise of a distance or time goal.
#[rustfmt::skip]
const CARDIO: &[(&str, &[&str])] = &[
    ("running", &["run", "running", "jog", "jogging", "לרוץ", "ריצה", "ריצות", "ארוץ"]),
    ("cycling", &["ride", "cycle", "cycling", "bike", "biking", "לרכוב", "רכיבה", "אופניים"]),
    ("swimming", &["swim", "swimming", "לשחות", "שחייה", "שחיה"]),
    ("walking", &["walk", "walking", "ללכת", "הליכה"]),
];

/// The activity that words `range` name by a verb alone ("run", "רצתי", "a swim").
pub(super) fn activity(words: &Words, range: std::ops::Range<usize>) -> Option<&'static str> {
    const VERBS: &[(&str, &[&str])] = &[
        ("running", &["ran", "run", "רצתי", "לרוץ"]),
        ("cycling", &["rode", "ride", "biked", "רכבתי"]),
        ("swimming", &["swam", "swim", "שחיתי"]),
        ("walking", &["walked", "walk", "הלכתי"]),
    ];
    let named: Vec<&super::words::Word> = words.list[range]
        .iter()
        .filter(|w| !w.is_any(&["go", "for", "a", "did", "i", "went", "have"]))
        .collect();
    match named[..] {
        [w] => VERBS
            .iter()
            .find(|(_, keys)| w.is_any(keys))
            .map(|(slug, _)| *slug),
        _ => None,
    }
}

/// A goal to set, change or delete, if the message asks for one.
pub(super) fn goal(text: &str, words: &Words) -> Option<Intent> {
    let named = words.has_any(GOAL);
    if named && words.has_any(DELETE) {
        return Some(Intent::GoalDelete(DeleteGoalArgs {
            goal_type: kind_named(words),
            exercise: exercise(words),
            timeframe: timeframe(words),
        }));
    }
    let amounts = quantities(text);
    if amounts.is_empty() {
        return None;
    }
    if !named {
        // "I want to run 20 km a week": a wish with an amount and a period, a lift's weight or
        // a streak. Questions ("how many …") are no wishes.
        let wish = words.has_any(WANT) && !words.list.first().is_some_and(|w| w.is_any(ASKING));
        let shaped = timeframe(words).is_some()
            || words.has_any(STREAK)
            || amounts
                .iter()
                .any(|q| matches!(q.kind, QuantityKind::Kg | QuantityKind::Lb));
        if !(wish && shaped) {
            return None;
        }
    }
    let streak = words.has_any(STREAK);
    // "from 5 km to 3 km", "מ-3 ל-4": the last amount; otherwise the first ("60 sets instead of
    // 50").
    let from_to = words.has_any(&["from"]) || text.contains("מ-");
    let first = |kinds: &[QuantityKind]| {
        let mut of_kind = amounts.iter().filter(|q| kinds.contains(&q.kind));
        if from_to {
            of_kind.next_back().copied()
        } else {
            of_kind.next().copied()
        }
    };
    let mut in_user_units = false;
    let (goal_type, target) = if streak {
        (GoalType::Streak, first(&[QuantityKind::Bare])?.value)
    } else if words.has_any(POINTS) {
        (GoalType::Points, first(&[QuantityKind::Bare])?.value)
    } else if let Some(w) = first(&[QuantityKind::Kg, QuantityKind::Lb]) {
        let kg = if w.kind == QuantityKind::Lb {
            w.value * LB_KG
        } else {
            w.value
        };
        (GoalType::Weight, kg)
    } else if let Some(m) = first(&[QuantityKind::Metres]) {
        (GoalType::Distance, m.value)
    } else if let Some(s) = first(&[QuantityKind::Seconds]) {
        (GoalType::Duration, s.value)
    } else if words.has_any(SETS) {
        (GoalType::Exercises, first(&[QuantityKind::Bare])?.value)
    } else if words.has_any(WORKOUTS) || kind_named(words) == Some(GoalType::Workouts) {
        (GoalType::Workouts, first(&[QuantityKind::Bare])?.value)
    } else if named && exercise(words).is_some() {
        // "lower my deadlift goal to 180": a lift's weight, in the user's units.
        in_user_units = true;
        (GoalType::Weight, first(&[QuantityKind::Bare])?.value)
    } else {
        return None;
    };
    let exercise = match goal_type {
        GoalType::Weight | GoalType::Distance | GoalType::Duration => exercise(words),
        _ => None,
    };
    let exercise = match goal_type {
        // A distance is run unless another activity is named.
        GoalType::Distance => exercise.or_else(|| Some("running".to_owned())),
        _ => exercise,
    };
    let timeframe = match goal_type {
        GoalType::Weight | GoalType::Streak => None,
        _ => timeframe(words),
    };
    Some(Intent::GoalSet(SetGoalArgs {
        goal_type,
        target,
        timeframe,
        exercise,
        end_date: None,
        in_user_units,
    }))
}

/// The kind of goal a message names without an amount ("my workout goal", "יעד הנקודות").
fn kind_named(words: &Words) -> Option<GoalType> {
    if words.has_any(STREAK) {
        Some(GoalType::Streak)
    } else if words.has_any(POINTS) {
        Some(GoalType::Points)
    } else if words.has_any(SETS) {
        Some(GoalType::Exercises)
    } else if words.has_any(&["workout", "workouts", "sessions", "אימונים", "אימון"]) {
        Some(GoalType::Workouts)
    } else {
        None
    }
}

fn timeframe(words: &Words) -> Option<Timeframe> {
    [
        (Timeframe::Daily, DAY),
        (Timeframe::Weekly, WEEK),
        (Timeframe::Monthly, MONTH),
    ]
    .into_iter()
    .filter_map(|(t, keys)| words.find_any(keys).map(|at| (at.start, t)))
    .min_by_key(|(at, _)| *at)
    .map(|(_, t)| t)
}

/// The exercise a goal is about: the one the catalog knows among its words ("squat",
/// "בלחיצת חזה"), else a cardio activity by its verb.
fn exercise(words: &Words) -> Option<String> {
    let skip = |i: usize| {
        let w = &words.list[i];
        w.folded.chars().any(|c| c.is_ascii_digit())
            || w.is_any(GOAL)
            || w.is_any(WORKOUTS)
            || w.is_any(POINTS)
            || w.is_any(SETS)
    };
    if let Some((_, slug)) = named_exercise(words, |i| !skip(i)) {
        return Some(slug);
    }
    CARDIO
        .iter()
        .find(|(_, keys)| words.has_any(keys))
        .map(|(slug, _)| (*slug).to_owned())
}
