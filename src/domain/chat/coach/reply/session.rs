//! Answers from the planning tools: today's session (the workout it repeats, each exercise's
//! sets and why, a plan item due today first), one exercise's next session, and the balance of
//! the last four weeks. Sets are worded from the numbers (`domain::progression::words`) in the
//! answer's language, never from the tool's English text.

use super::Ctx;
use crate::domain::account::{Language, Units};
use crate::domain::chat::session_tools::{
    BalanceResult, MuscleLine, SuggestResult, SuggestedExercise,
};
use crate::domain::i18n::fill;
use crate::domain::progression::balance::Level;
use crate::domain::progression::next_session::Advice;
use crate::domain::progression::words;

struct SessionPhrases {
    /// `{day}`: the day of the workout it repeats.
    today: &'static str,
    today_fresh: &'static str,
    /// `{title}`.
    plan_first: &'static str,
    /// `{muscle}`.
    for_muscle: &'static str,
    /// `{low}`, `{high}`.
    new_exercise: &'static str,
    deload: &'static str,
    tell_me: &'static str,
    nothing: &'static str,
    /// `{name}`, `{sets}`.
    next_time: &'static str,
    /// `{name}`.
    not_logged: &'static str,
    /// `{name}`.
    unknown: &'static str,
    /// `{weeks}`, `{low}`, `{high}`.
    balance_intro: &'static str,
    low: &'static str,
    fine: &'static str,
    high: &'static str,
    /// `{names}`.
    try_these: &'static str,
    balance_none: &'static str,
    balance_all_fine: &'static str,
}

const EN: SessionPhrases = SessionPhrases {
    today: "Today: your workout of {day} is next.",
    today_fresh: "Today's session:",
    plan_first: "First, from your plan: {title}.",
    for_muscle: "for your {muscle}, low this month",
    new_exercise: "3 sets of {low}–{high}: pick a weight you can lift {high} times with good form",
    deload: "deload week",
    tell_me: "When you're done, say “log it” (or “log it, 5 kg less”), or tell me what you did instead.",
    nothing: "There's nothing lifted in your log from the last months to build a session on yet. Log a workout (e.g. “squat 3x5 @ 60kg”) and I'll plan the next one from it.",
    next_time: "Next time on {name}: {sets}.",
    not_logged: "You haven't logged {name} with reps in the last months, so I have nothing to build on. Log a session of it and I'll plan the next one.",
    unknown: "I don't know an exercise called {name}. Which one did you mean?",
    balance_intro: "Hard sets a week per muscle over the last {weeks} weeks ({low}–{high} is the range):",
    low: "Low",
    fine: "In range",
    high: "High",
    try_these: "try {names}",
    balance_none: "There are no hard sets in your log from the last 4 weeks, so there's no balance to judge yet.",
    balance_all_fine: "Every muscle group is in range. Nicely balanced.",
};

const HE: SessionPhrases = SessionPhrases {
    today: "היום: חוזרים על האימון של {day}.",
    today_fresh: "האימון של היום:",
    plan_first: "קודם, מהתוכנית שלך: {title}.",
    for_muscle: "ל{muscle}, שחסרים סטים החודש",
    new_exercise: "3 סטים של {low}–{high}: בחרו משקל שאפשר להרים {high} פעמים בטכניקה טובה",
    deload: "שבוע הורדת עומס",
    tell_me: "כשתסיימו, כתבו „עשיתי” (או „עשיתי, עם 5 קילו פחות”), או ספרו לי מה עשיתם במקום.",
    nothing: "אין ביומן שלך הרמות מהחודשים האחרונים לבנות עליהן אימון. רשמו אימון (למשל „סקוואט 3 סטים של 5 עם 60 קילו”) ואתכנן ממנו את הבא.",
    next_time: "בפעם הבאה ב{name}: {sets}.",
    not_logged: "לא רשמת {name} עם חזרות בחודשים האחרונים, אז אין על מה לבנות. רשמו אימון שלו ואתכנן את הבא.",
    unknown: "אני לא מכיר תרגיל בשם {name}. למה התכוונת?",
    balance_intro: "סטים קשים בשבוע לכל קבוצת שרירים ב-{weeks} השבועות האחרונים (הטווח: {low}–{high}):",
    low: "נמוך",
    fine: "בטווח",
    high: "גבוה",
    try_these: "נסו {names}",
    balance_none: "אין ביומן סטים קשים מ-4 השבועות האחרונים, אז עוד אין איזון לבדוק.",
    balance_all_fine: "כל קבוצות השרירים בטווח. איזון יפה.",
};

fn phrases(language: Language) -> &'static SessionPhrases {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}

fn is_deload(e: &SuggestedExercise) -> bool {
    matches!(
        e.next.as_ref().map(|n| &n.advice),
        Some(Advice::Deload { .. })
    )
}

/// "every set …" → "Every set …" (Hebrew has no capitals).
fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn units_of(unit: &str) -> Units {
    if unit == "lb" {
        Units::Imperial
    } else {
        Units::Metric
    }
}

/// "- **Deadlift (Barbell)**: 3 × 5 @ 105 kg (deload week)".
fn line(c: &Ctx, s: &SessionPhrases, e: &SuggestedExercise) -> String {
    let name = c.name(&e.exercise);
    let sets = e.work_sets();
    let mut text = match &e.next {
        None => fill(
            s.new_exercise,
            &[
                ("low", &e.range.low.to_string()),
                ("high", &e.range.high.to_string()),
            ],
        ),
        Some(_) => words::sets(&sets, units_of(&e.unit), c.language),
    };
    if is_deload(e) {
        text = format!("{text} ({})", s.deload);
    }
    let mut line = format!("- **{name}**: {text}");
    if let Some(muscle) = e.for_muscle {
        // "for your quads": a muscle's name inside an English sentence is lower case.
        let label = muscle.label(c.language).to_lowercase();
        line.push_str(&format!(" — {}", fill(s.for_muscle, &[("muscle", &label)])));
    }
    line
}

pub(super) fn suggestion(c: &Ctx, r: &SuggestResult) -> String {
    let s = phrases(c.language);
    match r {
        SuggestResult::Session {
            plan_item,
            repeats,
            exercises,
            ..
        } => {
            let mut out = Vec::new();
            if let Some(title) = plan_item {
                out.push(fill(s.plan_first, &[("title", &c.quote(title))]));
            }
            out.push(match repeats {
                Some(day) => fill(s.today, &[("day", &c.day(*day))]),
                None => s.today_fresh.to_owned(),
            });
            out.push(String::new());
            out.extend(exercises.iter().map(|e| line(c, s, e)));
            out.push(String::new());
            out.push(s.tell_me.to_owned());
            out.join("\n")
        }
        SuggestResult::Exercise { next } => {
            let name = c.quote(c.name(&next.exercise));
            let sets = next.work_sets();
            let units = units_of(&next.unit);
            let mut sets_text = words::sets(&sets, units, c.language);
            if is_deload(next) {
                sets_text = format!("{sets_text} ({})", s.deload);
            }
            let said = fill(s.next_time, &[("name", &name), ("sets", &sets_text)]);
            match &next.next {
                Some(n) => format!(
                    "{said} {}.",
                    capitalized(&words::reason(n, units, c.language))
                ),
                None => said,
            }
        }
        SuggestResult::NotLogged { exercise } => {
            fill(s.not_logged, &[("name", &c.quote(c.name(exercise)))])
        }
        SuggestResult::UnknownExercise { said } => fill(s.unknown, &[("name", &c.quote(said))]),
        SuggestResult::NothingLogged => s.nothing.to_owned(),
    }
}

pub(super) fn balance(c: &Ctx, r: &BalanceResult) -> String {
    let s = phrases(c.language);
    if r.muscles.is_empty() {
        return s.balance_none.to_owned();
    }
    let number = |x: f64| crate::domain::display::trim_number(x);
    let mut out = vec![fill(
        s.balance_intro,
        &[
            ("weeks", &r.weeks.to_string()),
            ("low", &number(r.low_below)),
            ("high", &number(r.high_above)),
        ],
    )];
    // Exercises are offered for the three muscles furthest below the range.
    let mut lowest: Vec<&MuscleLine> = r.muscles.iter().filter(|m| m.level == Level::Low).collect();
    lowest.sort_by(|a, b| a.sets_per_week.total_cmp(&b.sets_per_week));
    lowest.truncate(3);
    for (level, label) in [
        (Level::Low, s.low),
        (Level::High, s.high),
        (Level::Fine, s.fine),
    ] {
        let of_level: Vec<String> = r
            .muscles
            .iter()
            .filter(|m| m.level == level)
            .map(|m| {
                let mut part =
                    format!("{} {}", m.muscle.label(c.language), number(m.sets_per_week));
                if !m.picks.is_empty() && lowest.iter().any(|l| l.muscle == m.muscle) {
                    let names: Vec<String> = m.picks.iter().map(|n| c.name(n).to_owned()).collect();
                    part.push_str(&format!(
                        " ({})",
                        fill(s.try_these, &[("names", &c.or_list(&names))])
                    ));
                }
                part
            })
            .collect();
        if !of_level.is_empty() {
            out.push(format!("- **{label}**: {}", of_level.join("; ")));
        }
    }
    if r.muscles.iter().all(|m| m.level == Level::Fine) {
        out.push(s.balance_all_fine.to_owned());
    }
    out.join("\n")
}
