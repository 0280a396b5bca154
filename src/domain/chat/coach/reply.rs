//! The coach's answers: to a greeting, a request for help or one it did not understand (no tool
//! needed), and to each tool's result (`stats`, `records`, `goals`, `plan`), in the language
//! asked for. A result that is not the JSON the intent's tool returns gets an honest "could not
//! read that", never a guess and never a panic.

mod chart;
mod goal_change;
mod goals;
mod log;
mod plan;
mod records;
mod session;
mod stats;

use chrono::{NaiveDate, NaiveDateTime};
use serde::de::DeserializeOwned;

use super::phrases::{Phrases, phrases};
use super::{Intent, StatsFocus};
use crate::domain::account::{Language, Units};
use crate::domain::chat::facts::RememberResult;
use crate::domain::chat::tools::Names;
use crate::domain::i18n::{self, Strings, day_label, fill};

/// The answer to an intent that needs no tool (greeting, help = "what can you do", unknown = a
/// helpful answer saying what it can do, with two or three example requests). An intent that
/// needs a tool gets the help text: without its result there is nothing else to say.
pub fn reply_without_tool(intent: &Intent, language: Language) -> String {
    let p = phrases(language);
    match intent {
        Intent::Greeting => p.greeting,
        Intent::Unknown => p.unknown,
        _ => p.help,
    }
    .to_owned()
}

/// The answer once the intent's tool ran: `result` is the tool's result as JSON (one of
/// StatsResult, RecordsResult, GoalsResult, PlanListResult, PlanChangeResult from tools.rs). A
/// result that does not parse as the expected type gets an honest "I could not read that"
/// answer, never a panic.
pub fn reply_with_result(
    intent: &Intent,
    result: &serde_json::Value,
    language: Language,
    units: Units,
    today: NaiveDate,
) -> String {
    let c = Ctx {
        p: phrases(language),
        t: i18n::strings(language),
        language,
        units,
        today,
    };
    let reply = match intent {
        Intent::Stats { focus, .. } => read(result).map(|r| match focus {
            StatsFocus::Totals => stats::totals(&c, &r),
            StatsFocus::Streak => stats::streak(&c, &r),
            StatsFocus::Level => stats::level(&c, &r),
            StatsFocus::Points => stats::points(&c, &r),
            StatsFocus::MostTrained => stats::most_trained(&c, &r),
            StatsFocus::Compare => stats::compare(&c, &r),
        }),
        Intent::Unknown => read(result).map(|r| stats::offers(&c, &r)),
        Intent::Records(_) => read(result).map(|r| records::reply(&c, &r)),
        Intent::E1rm(_) => read(result).map(|r| records::e1rm(&c, &r)),
        Intent::LastDone(_) => read(result).map(|r| records::last_done(&c, &r)),
        Intent::Goals => read(result).map(|r| goals::reply(&c, &r)),
        Intent::GoalSet(_) | Intent::GoalDelete(_) => {
            read(result).map(|r| goal_change::reply(&c, &r))
        }
        Intent::PlanList => read(result).map(|r| plan::list(&c, &r)),
        Intent::PlanAdd(_) | Intent::PlanComplete(_) => read(result).map(|r| plan::change(&c, &r)),
        Intent::Remember(_) => read(result).map(|r| remembered(&c, &r)),
        Intent::Chart(_) => chart::reply(&c, result),
        Intent::Log { .. } | Intent::LogSuggested(_) => read(result).map(|r| log::reply(&c, &r)),
        Intent::Today | Intent::Next(_) => read(result).map(|r| session::suggestion(&c, &r)),
        Intent::Balance => read(result).map(|r| session::balance(&c, &r)),
        Intent::Greeting | Intent::Help => Some(reply_without_tool(intent, language)),
    };
    reply.unwrap_or_else(|| c.p.unreadable.to_owned())
}

fn remembered(c: &Ctx, r: &RememberResult) -> String {
    match r {
        RememberResult::Remembered { text, .. } => {
            fill(c.p.remembered, &[("fact", &c.quote(text))])
        }
        RememberResult::Refused { message } => fill(c.p.not_remembered, &[("reason", message)]),
    }
}

use records::told as told_record;

fn read<T: DeserializeOwned>(result: &serde_json::Value) -> Option<T> {
    T::deserialize(result).ok()
}

/// What every answer is written with.
struct Ctx {
    p: &'static Phrases,
    t: &'static Strings,
    language: Language,
    units: Units,
    today: NaiveDate,
}

impl Ctx {
    /// Text the user wrote, in the language's quotation marks.
    fn quote(&self, text: &str) -> String {
        format!("{}{text}{}", self.p.quotes.0, self.p.quotes.1)
    }

    /// An exercise's name in the answer's language, or the other one when that is missing
    /// (a custom exercise may have only one).
    fn name<'a>(&self, names: &'a Names) -> &'a str {
        names.in_language(self.language)
    }

    /// A name after a glued Hebrew preposition: "בסקוואט", but "ב-Bench Press" before a
    /// name that does not start with a Hebrew letter. English names stand alone.
    fn in_name(&self, name: &str) -> String {
        match self.language {
            Language::En => name.to_owned(),
            Language::He => i18n::glued("ב", name),
        }
    }

    fn day(&self, date: NaiveDate) -> String {
        day_label(self.t, date, self.today)
    }

    /// A date in full, year included: "3 Mar 2021".
    fn date(&self, date: NaiveDate) -> String {
        use chrono::Datelike;
        format!(
            "{} {} {}",
            date.day(),
            self.t.months[date.month0() as usize],
            date.year()
        )
    }

    /// When a plan item is due: "Tomorrow at 19:00", "Mon 30 Nov", "No date".
    fn when(&self, due: Option<NaiveDateTime>, all_day: bool) -> String {
        match due {
            None => self.t.plan_no_date.to_owned(),
            Some(due) if all_day => self.day(due.date()),
            Some(due) => fill(
                self.p.at_time,
                &[
                    ("day", &self.day(due.date())),
                    ("time", &due.format("%H:%M").to_string()),
                ],
            ),
        }
    }

    /// "a, b or c" / "א, ב או ג".
    fn or_list(&self, parts: &[String]) -> String {
        match parts.split_last() {
            None => String::new(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{}{}{last}", rest.join(", "), self.p.or),
        }
    }

    /// "a, b and c" / "א, ב ו-ג": Hebrew glues its "and" to the word, with a hyphen before a
    /// digit.
    fn and_list(&self, parts: &[String]) -> String {
        let Some((last, rest)) = parts.split_last() else {
            return String::new();
        };
        if rest.is_empty() {
            return last.clone();
        }
        let and = match self.language {
            Language::En => format!(" and {last}"),
            Language::He if last.starts_with(|c: char| c.is_ascii_digit()) => format!(" ו-{last}"),
            Language::He => format!(" ו{last}"),
        };
        format!("{}{and}", rest.join(", "))
    }
}
