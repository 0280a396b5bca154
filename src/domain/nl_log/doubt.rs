//! What the parser could not be sure of, and the question that settles it, in English and
//! Hebrew. A message with a doubt logs nothing: the words box, `POST /log` (422 `unsure`) and
//! the coach ask the question instead, showing what was understood.

use serde::{Deserialize, Serialize};

use crate::domain::account::Language;
use crate::domain::display::trim_number;

/// One thing to ask about; `exercise` is the name as written, when the doubt is about one.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Doubt {
    pub exercise: Option<String>,
    #[serde(flatten)]
    pub about: About,
}

/// What is unclear.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum About {
    /// "bench 80": the weight or the reps?
    WeightOrReps { value: f64 },
    /// A number no word explains ("squat 5 5 100").
    Number { value: f64 },
    /// "15x10": 15 kg, or 15 sets?
    WeightOrSets { first: f64, second: f64 },
    /// "squat 3x5 @ 8": RPE 8, or 8 kg?
    RpeOrWeight { value: f64 },
    /// Pool lengths or laps without the pool's length.
    PoolLength { lengths: f64 },
    /// The counts disagree: "3 sets" but 2 reps listed.
    Counts { sets: f64, listed: usize },
    /// Sets without a weight beside sets with one ("bench 3x8 at 80, then 2x6").
    MissingWeight,
    /// A set count without reps, a distance or a time, beside sets that have them.
    MissingReps,
    /// Amounts with no exercise named.
    NoExercise,
    /// "at 90%": of what? A log stores weights.
    Percent,
    /// Reps that are not a whole number, or too many sets.
    OutOfRange { value: f64 },
    /// A weight without a unit that reads like pounds on a metric account ("bench 3x8 185").
    KgOrLb { value: f64 },
    /// "1:30" on a run with no distance: an hour and a half, or a minute and a half?
    Clock { first: f64, second: f64 },
    /// "ran a race": how far?
    RaceDistance,
    /// "with 40 a side": per side of the bar, or the whole load?
    PerSide,
    /// "רצתי 10 קילומטר בשעה": ten kilometres in an hour, or at ten an hour for some time?
    Speed,
    /// Reps or a weight on an exercise measured by distance and time (or the other way).
    Mismatch { value: f64 },
    /// A number about to be logged (by a model, from structured sets) that the user's words
    /// do not say.
    NotSaid { value: f64, field: String },
    /// A weight said as "kilo" after a cardio verb with reps too, or a weight on a cardio
    /// exercise.
    WeightOnCardio { value: f64 },
}

impl Doubt {
    /// The question, in `language`.
    pub fn question(&self, language: Language) -> String {
        let he = language == Language::He;
        let name = self.exercise.as_deref().unwrap_or("");
        let of = |en: &str, he_text: &str| {
            if name.is_empty() {
                String::new()
            } else if he && matches!(he_text, "ב" | "ל") {
                format!(" {}", crate::domain::i18n::glued(he_text, name))
            } else if he {
                format!(" {he_text} {name}")
            } else {
                format!(" {en} {name}")
            }
        };
        let n = trim_number;
        match &self.about {
            About::WeightOrReps { value } => {
                if he {
                    format!("{}{}: זה המשקל או מספר החזרות?", n(*value), of("", "ב"))
                } else {
                    format!("Is {} the weight or the reps{}?", n(*value), of("of", ""))
                }
            }
            About::Number { value } => {
                if he {
                    format!(
                        "מה המספר {} אומר{}? משקל, חזרות או סטים?",
                        n(*value),
                        of("", "ב")
                    )
                } else {
                    format!(
                        "What is {}{}: a weight, reps or sets?",
                        n(*value),
                        of("in", "")
                    )
                }
            }
            About::WeightOrSets { first, second } => {
                if he {
                    format!(
                        "{}×{}{}: {} קילו ל-{} חזרות, או {} סטים של {}?",
                        n(*first),
                        n(*second),
                        of("", "ב"),
                        n(*first),
                        n(*second),
                        n(*first),
                        n(*second)
                    )
                } else {
                    format!(
                        "{}x{}{}: {} kg for {} reps, or {} sets of {}?",
                        n(*first),
                        n(*second),
                        of("of", ""),
                        n(*first),
                        n(*second),
                        n(*first),
                        n(*second)
                    )
                }
            }
            About::RpeOrWeight { value } => {
                if he {
                    format!("@{}{}: זה RPE או המשקל?", n(*value), of("", "ב"))
                } else {
                    format!("Is @{}{} an RPE or the weight?", n(*value), of("on", ""))
                }
            }
            About::PoolLength { lengths } => {
                if he {
                    format!("{} בריכות — באיזה אורך הבריכה (25 מטר? 50?)", n(*lengths))
                } else {
                    format!("{} lengths of how long a pool (25 m? 50 m?)", n(*lengths))
                }
            }
            About::Counts { sets, listed } => {
                if he {
                    format!(
                        "{} סטים{}, אבל כתובים {} — כמה היו?",
                        n(*sets),
                        of("", "ב"),
                        listed
                    )
                } else {
                    format!(
                        "{} sets{}, but {} listed: how many were there?",
                        n(*sets),
                        of("of", ""),
                        listed
                    )
                }
            }
            About::MissingWeight => {
                if he {
                    format!("באיזה משקל היו שאר הסטים{}?", of("", "של"))
                } else {
                    format!("What weight were the other sets{} at?", of("of", ""))
                }
            }
            About::MissingReps => {
                if he {
                    format!("כמה חזרות היו בכל סט{}?", of("", "של"))
                } else {
                    format!("How many reps were in each set{}?", of("of", ""))
                }
            }
            About::NoExercise => {
                if he {
                    "איזה תרגיל זה היה?".to_owned()
                } else {
                    "Which exercise was that?".to_owned()
                }
            }
            About::Percent => {
                if he {
                    format!(
                        "כמה קילו זה היה{}? אני רושם משקלים, לא אחוזים.",
                        of("", "ב")
                    )
                } else {
                    format!(
                        "How much weight was that{}? I log weights, not percentages.",
                        of("on", "")
                    )
                }
            }
            About::OutOfRange { value } => {
                if he {
                    format!(
                        "{}{}? זה לא נראה נכון — כמה זה היה?",
                        n(*value),
                        of("", "ב")
                    )
                } else {
                    format!(
                        "{}{}? That doesn't look right: how many was it?",
                        n(*value),
                        of("for", "")
                    )
                }
            }
            About::PerSide => {
                if he {
                    format!("מה היה המשקל הכולל{}, כולל המוט?", of("", "ב"))
                } else {
                    format!(
                        "What was the total weight{}, bar included? I log the whole load.",
                        of("on", "")
                    )
                }
            }
            About::Speed => {
                if he {
                    format!(
                        "כמה זמן זה לקח{}? \"בשעה\" יכול להיות קצב ולא משך.",
                        of("", "ב")
                    )
                } else {
                    format!(
                        "How long did it take{}? \"An hour\" after a distance can be a pace, not a time.",
                        of("for", "")
                    )
                }
            }
            About::RaceDistance => {
                if he {
                    "באיזה מרחק היה המרוץ?".to_owned()
                } else {
                    "How long was the race (5K, 10K, a half marathon…)?".to_owned()
                }
            }
            About::Mismatch { value } => {
                if he {
                    format!(
                        "לא ברור לי מה {} אומר{} — חזרות, משקל, מרחק או זמן?",
                        n(*value),
                        of("", "ב")
                    )
                } else {
                    format!(
                        "I'm not sure what {} means{}: reps, a weight, a distance or a time?",
                        n(*value),
                        of("for", "")
                    )
                }
            }
            About::KgOrLb { value } => {
                if he {
                    format!("{}{}: קילו או פאונד?", n(*value), of("", "ב"))
                } else {
                    format!("{}{}: kg or lb?", n(*value), of("on", ""))
                }
            }
            About::Clock { first, second } => {
                let t = format!("{}:{:02}", n(*first), *second as u32);
                if he {
                    format!("{t}{}: שעות ודקות, או דקות ושניות?", of("", "ב"))
                } else {
                    format!(
                        "{t}{}: hours and minutes, or minutes and seconds?",
                        of("for", "")
                    )
                }
            }
            About::NotSaid { value, field } => {
                if he {
                    format!(
                        "עמדתי לרשום {}{} ({field}), אבל לא כתבת את זה — מה היה המספר?",
                        n(*value),
                        of("", "ב")
                    )
                } else {
                    format!(
                        "I was about to log {} ({field}){}, but that isn't what you wrote: what was it?",
                        n(*value),
                        of("for", "")
                    )
                }
            }
            About::WeightOnCardio { value } => {
                if he {
                    format!("{}{}: קילומטרים או קילוגרמים?", n(*value), of("", "ב"))
                } else {
                    format!("{}{}: kilometres or kilograms?", n(*value), of("on", ""))
                }
            }
        }
    }
}
