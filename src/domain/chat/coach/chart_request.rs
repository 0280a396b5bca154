//! Chart requests: "show my squat progress", "graph my runs this month", "weekly volume this
//! year", "גרף של הריצות שלי בחודש האחרון". What to draw ([`ChartRequest`]) and the
//! `create_chart` spec that draws it, its SQL written for the sandbox in the database's
//! dialect.

use chrono::{Datelike, Duration, NaiveDate};

use super::keywords::{
    CHART, CHART_FILLER, DISTANCE, PERIODS, PROGRESS, RECORD_FILLER, VOLUME, WEEKLY, WORKOUT_COUNT,
};
use super::words::Words;
use crate::domain::account::{Language, Units};
use crate::domain::catalog::catalog;
use crate::domain::chart::{ChartSpec, ChartType};
use crate::domain::scoring::stats::Period;
use crate::domain::sql::Dialect;
use crate::domain::training::{KG_PER_LB, M_PER_MILE};

/// How sure the catalog must be that the words left are an exercise.
const EXERCISE_CONFIDENCE: f32 = 0.8;

/// What a chart shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    /// The heaviest set of an exercise (catalog slug and names) per day.
    Exercise {
        slug: String,
        en: String,
        he: String,
    },
    /// Weight × reps of every set.
    Volume,
    /// Kilometres run.
    Distance,
    /// Workouts.
    Workouts,
}

/// "The last 3 months": a span counted back from today, which wins over [`Period`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    Weeks(u32),
    Months(u32),
    Years(u32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartRequest {
    pub measure: Measure,
    pub period: Period,
    pub span: Option<Span>,
    /// One point per week instead of per day.
    pub weekly: bool,
}

/// The chart a message asks for, if it asks for one: chart words ("graph", "גרף"), or progress
/// words with an exercise ("how has my squat moved"), or a weekly measure ("weekly volume").
pub(super) fn chart(words: &Words) -> Option<ChartRequest> {
    let exercise = exercise(words);
    let weekly = words.has_any(WEEKLY);
    let asked = words.has_any(CHART)
        || (words.has_any(PROGRESS) && exercise.is_some())
        || (weekly && (words.has_any(VOLUME) || words.has_any(DISTANCE)));
    if !asked {
        return None;
    }
    let measure = if words.has_any(DISTANCE) {
        Measure::Distance
    } else if let Some(exercise) = exercise {
        exercise
    } else if words.has_any(VOLUME) {
        Measure::Volume
    } else if words.has_any(WORKOUT_COUNT) {
        Measure::Workouts
    } else {
        Measure::Volume
    };
    Some(ChartRequest {
        weekly: weekly || matches!(measure, Measure::Workouts),
        period: period(words),
        span: span(words.text),
        measure,
    })
}

/// "the last 3 months", "past two weeks", "בשלושת החודשים האחרונים", "3 שבועות אחרונים": a
/// number and a unit after "last"/"past", or before "האחרונים"/"אחרונים" in Hebrew.
fn span(text: &str) -> Option<Span> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',' || c == '?' || c == '.')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let number = |w: &str| -> Option<u32> {
        let w = w
            .strip_prefix(['ב', 'ה'])
            .filter(|r| !r.is_empty())
            .unwrap_or(w);
        w.parse::<u32>().ok().or_else(|| {
            let v = crate::domain::nl_log::numbers::word_value(w)
                .or_else(|| crate::domain::nl_log::numbers::word_value(w.strip_suffix('ת')?))?;
            (v >= 1.0 && v.fract() == 0.0).then_some(v as u32)
        })
    };
    let unit = |w: &str, n: u32| -> Option<Span> {
        let w = w
            .strip_prefix('ה')
            .filter(|r| r.chars().count() > 2)
            .unwrap_or(w);
        Some(match w {
            "day" | "days" | "יום" | "ימים" => Span::Days(n),
            "week" | "weeks" | "שבוע" | "שבועות" => Span::Weeks(n),
            "month" | "months" | "חודש" | "חודשים" => Span::Months(n),
            "year" | "years" | "שנה" | "שנים" => Span::Years(n),
            _ => return None,
        })
    };
    for i in 0..words.len() {
        let Some(n) = number(&words[i]) else { continue };
        let Some(found) = words.get(i + 1).and_then(|w| unit(w, n)) else {
            continue;
        };
        let after_last = i > 0 && matches!(words[i - 1].as_str(), "last" | "past");
        let before_last = words.get(i + 2).is_some_and(|w| {
            matches!(
                w.as_str(),
                "האחרונים" | "האחרונות" | "אחרונים" | "אחרונות" | "האחרון" | "האחרונה"
            )
        });
        if (after_last || before_last) && n <= 120 {
            return Some(found);
        }
    }
    None
}

/// The period the words name, not counting "weekly" ("weekly volume this year" is a year).
fn period(words: &Words) -> Period {
    let mut weekly = vec![false; words.len()];
    words.cover(WEEKLY, &mut weekly);
    let mut found: Option<(usize, Period)> = None;
    for (period, keys) in PERIODS {
        for key in *keys {
            let mut from = 0;
            while let Some(at) = words.find_from(key, from) {
                if !weekly[at.clone()].iter().any(|&w| w) {
                    if found.is_none_or(|(start, _)| at.start < start) {
                        found = Some((at.start, *period));
                    }
                    break;
                }
                from = at.end;
            }
        }
    }
    found.map_or(Period::All, |(_, period)| period)
}

/// A catalog exercise named by the words no other list claims.
fn exercise(words: &Words) -> Option<Measure> {
    let mut spent = vec![false; words.len()];
    for list in [
        CHART,
        PROGRESS,
        WEEKLY,
        VOLUME,
        WORKOUT_COUNT,
        CHART_FILLER,
        RECORD_FILLER,
    ] {
        words.cover(list, &mut spent);
    }
    for (_, keys) in PERIODS {
        words.cover(keys, &mut spent);
    }
    // Each run of words nobody claimed may be a name ("squat" in "how has my squat moved
    // since March"); the one the catalog knows best wins.
    let mut runs: Vec<std::ops::Range<usize>> = Vec::new();
    for i in (0..words.len()).filter(|&i| !spent[i]) {
        match runs.last_mut() {
            Some(run) if run.end == i => run.end = i + 1,
            _ => runs.push(i..i + 1),
        }
    }
    let best = runs
        .into_iter()
        .filter_map(|run| {
            let name = words.text[words.bytes(run)]
                .trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
            catalog().find(name, 1).into_iter().next()
        })
        .filter(|c| c.confidence >= EXERCISE_CONFIDENCE)
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence))?;
    Some(Measure::Exercise {
        slug: best.slug,
        en: best.name_en,
        he: best.name_he,
    })
}

impl Span {
    /// The first day the span covers: "the last 3 months" on 30 November is from 30 August.
    fn since(self, today: NaiveDate) -> Option<NaiveDate> {
        match self {
            Span::Days(n) => today.checked_sub_days(chrono::Days::new(u64::from(n))),
            Span::Weeks(n) => today.checked_sub_days(chrono::Days::new(7 * u64::from(n))),
            Span::Months(n) => today.checked_sub_months(chrono::Months::new(n)),
            Span::Years(n) => today.checked_sub_months(chrono::Months::new(12 * n)),
        }
    }
}

/// The first day a period covers, counted back from `today`.
fn since(period: Period, today: NaiveDate) -> Option<NaiveDate> {
    match period {
        Period::Week => {
            Some(today - Duration::days(i64::from(today.weekday().num_days_from_monday())))
        }
        Period::Month => today.with_day(1),
        Period::Year => today.with_ordinal(1),
        Period::All => None,
    }
}

impl ChartRequest {
    /// The `create_chart` arguments that draw it.
    pub fn spec(
        &self,
        today: NaiveDate,
        dialect: Dialect,
        language: Language,
        units: Units,
    ) -> ChartSpec {
        let he = language == Language::He;
        let imperial = units == Units::Imperial;
        let (weight_unit, to_weight) = if imperial {
            ("lb", format!(" / {KG_PER_LB}"))
        } else {
            ("kg", String::new())
        };
        let at = "s.performed_at";
        let bucket = if self.weekly {
            dialect.week(at)
        } else {
            dialect.day(at)
        };
        let x = if self.weekly { "week" } else { "day" };
        let first_day = match self.span {
            Some(span) => span.since(today),
            None => since(self.period, today),
        };
        let mut filters: Vec<String> = first_day
            .map(|d| format!("{at} >= '{}'", d.format("%Y-%m-%d")))
            .into_iter()
            .collect();
        let (value, unit, title, join) = match &self.measure {
            Measure::Exercise {
                slug,
                en,
                he: name_he,
            } => {
                filters.push(format!("e.slug = '{}'", slug.replace('\'', "''")));
                let name = if he { name_he } else { en };
                let title = if he {
                    format!("{name} — המשקל הכבד ביותר")
                } else {
                    format!("{name} — heaviest set")
                };
                let value = if imperial {
                    format!("round(CAST(max(s.weight_kg){to_weight} AS NUMERIC), 1)")
                } else {
                    "max(s.weight_kg)".to_owned()
                };
                (value, weight_unit, title, true)
            }
            Measure::Volume => (
                if imperial {
                    format!("round(CAST(sum(s.weight_kg * s.reps){to_weight} AS NUMERIC))")
                } else {
                    "sum(s.weight_kg * s.reps)".to_owned()
                },
                weight_unit,
                if he {
                    "נפח אימון"
                } else {
                    "Training volume"
                }
                .to_owned(),
                false,
            ),
            Measure::Distance => {
                filters.push("s.distance_m > 0".to_owned());
                (
                    if imperial {
                        format!("round(CAST(sum(s.distance_m) / {M_PER_MILE} AS NUMERIC), 2)")
                    } else {
                        "round(CAST(sum(s.distance_m) / 1000.0 AS NUMERIC), 2)".to_owned()
                    },
                    if imperial { "mi" } else { "km" },
                    if he {
                        "מרחק ריצה"
                    } else {
                        "Distance run"
                    }
                    .to_owned(),
                    false,
                )
            }
            Measure::Workouts => (
                "count(DISTINCT s.session_id)".to_owned(),
                "",
                if he { "אימונים" } else { "Workouts" }.to_owned(),
                false,
            ),
        };
        let y = match &self.measure {
            Measure::Exercise { .. } if imperial => "best_lb",
            Measure::Exercise { .. } => "best_kg",
            Measure::Volume if imperial => "volume_lb",
            Measure::Volume => "volume_kg",
            Measure::Distance if imperial => "mi",
            Measure::Distance => "km",
            Measure::Workouts => "workouts",
        };
        let join = if join {
            " JOIN exercises e ON e.id = s.exercise_id"
        } else {
            ""
        };
        let filter = if filters.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", filters.join(" AND "))
        };
        let sql = format!(
            "SELECT {bucket} AS {x}, {value} AS {y} FROM exercise_sets s{join}{filter} GROUP BY {x} ORDER BY {x}"
        );
        let chart_type = match self.measure {
            Measure::Exercise { .. } => ChartType::Line,
            _ => ChartType::Bar,
        };
        let x_label = match (self.weekly, he) {
            (true, true) => "שבוע",
            (true, false) => "Week",
            (false, true) => "יום",
            (false, false) => "Day",
        };
        let y_label = match (&self.measure, he) {
            (Measure::Exercise { .. }, true) => "הסט הכבד ביותר",
            (Measure::Exercise { .. }, false) => "Heaviest set",
            (Measure::Volume, true) => "נפח",
            (Measure::Volume, false) => "Volume",
            (Measure::Distance, true) => "מרחק",
            (Measure::Distance, false) => "Distance",
            (Measure::Workouts, true) => "אימונים",
            (Measure::Workouts, false) => "Workouts",
        };
        ChartSpec {
            chart_type,
            title,
            sql,
            x: x.to_owned(),
            y: vec![y.to_owned()],
            series: None,
            x_unit: None,
            y_unit: (!unit.is_empty()).then(|| unit.to_owned()),
            x_label: Some(x_label.to_owned()),
            y_label: Some(y_label.to_owned()),
        }
    }
}
