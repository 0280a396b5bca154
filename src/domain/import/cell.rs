//! One cell to one value: numbers (decimal commas too), durations, timestamps, set types and
//! units, with the range checks that catch typos. Every message starts with the column's name.
//! Empty cells and zeros are "not recorded" (`None`).

use crate::domain::account::Units;
use crate::domain::training::{M_PER_MILE, SetType, lb_to_kg};
use chrono::NaiveDateTime;

pub(super) const MAX_WEIGHT_KG: f64 = 1000.0;
pub(super) const MAX_REPS: f64 = 1000.0;
/// 1000 km: more is a unit mix-up, not a workout.
const MAX_DISTANCE_M: f64 = 1_000_000.0;
/// A day: longer is a unit mix-up or a timer left running for days.
const MAX_SECONDS: f64 = 86_400.0;
/// A workout longer than this is a timer left running: its duration is ignored.
pub(super) const MAX_WORKOUT_SECONDS: i64 = 86_400;

/// The problems found in one row.
#[derive(Default)]
pub(super) struct Problems(Vec<String>);

impl Problems {
    /// The value, or its default after noting the problem.
    pub fn take<T: Default>(&mut self, result: Result<T, String>) -> T {
        result.unwrap_or_else(|message| {
            self.0.push(message);
            T::default()
        })
    }

    pub fn push(&mut self, message: String) {
        self.0.push(message);
    }

    pub fn into_result<T>(self, value: T) -> Result<T, Vec<String>> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.0)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum WeightUnit {
    Kg,
    Lb,
}

impl WeightUnit {
    pub fn from_word(word: &str) -> Option<WeightUnit> {
        match word.trim().trim_end_matches('.').to_lowercase().as_str() {
            "kg" | "kgs" | "kilogram" | "kilograms" => Some(WeightUnit::Kg),
            "lb" | "lbs" | "pound" | "pounds" => Some(WeightUnit::Lb),
            _ => None,
        }
    }

    fn to_kg(self, value: f64) -> f64 {
        match self {
            WeightUnit::Kg => value,
            WeightUnit::Lb => lb_to_kg(value),
        }
    }
}

/// The weight unit of a file that does not say: the user's.
pub(super) fn assumed_weight_unit(units: Units) -> WeightUnit {
    match units {
        Units::Metric => WeightUnit::Kg,
        Units::Imperial => WeightUnit::Lb,
    }
}

/// Metres per distance unit of a file that does not say: the user's (km or mi).
pub(super) fn assumed_metres(units: Units) -> f64 {
    match units {
        Units::Metric => 1000.0,
        Units::Imperial => M_PER_MILE,
    }
}

/// A per-row weight-unit cell (`kg`, `lbs`…); empty means the user's units.
pub(super) fn weight_unit(column: &str, text: &str, assumed: Units) -> Result<WeightUnit, String> {
    match text {
        "" => Ok(assumed_weight_unit(assumed)),
        word => WeightUnit::from_word(word)
            .ok_or_else(|| format!("{column}: \"{word}\" is not kg or lbs")),
    }
}

/// A per-row distance-unit cell as metres per unit; empty means the user's units.
pub(super) fn distance_unit(column: &str, text: &str, assumed: Units) -> Result<f64, String> {
    match text {
        "" => Ok(assumed_metres(assumed)),
        word => {
            metres_per(word).ok_or_else(|| format!("{column}: \"{word}\" is not km, mi., m or ft"))
        }
    }
}

/// Metres in one of the distance units exports use (`mi.` is Strong's spelling).
pub(super) fn metres_per(word: &str) -> Option<f64> {
    match word.trim().trim_end_matches('.').to_lowercase().as_str() {
        "m" | "meter" | "meters" | "metre" | "metres" => Some(1.0),
        "km" | "kilometer" | "kilometers" | "kilometre" | "kilometres" => Some(1000.0),
        "mi" | "mile" | "miles" => Some(M_PER_MILE),
        "ft" | "foot" | "feet" => Some(0.3048),
        "yd" | "yard" | "yards" => Some(0.9144),
        _ => None,
    }
}

/// A plain decimal number; `82,5` too where the file uses `;` between cells.
pub(super) fn number(column: &str, text: &str, decimal_comma: bool) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let normalized = if decimal_comma && !text.contains('.') {
        text.replacen(',', ".", 1)
    } else {
        text.to_owned()
    };
    let plain = normalized
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+'));
    match normalized.parse::<f64>() {
        Ok(value) if plain && value.is_finite() => Ok(Some(value)),
        _ => Err(format!("{column}: \"{text}\" is not a number")),
    }
}

pub(super) fn reps(column: &str, text: &str, decimal_comma: bool) -> Result<Option<u32>, String> {
    match number(column, text, decimal_comma)? {
        None => Ok(None),
        Some(n) if n < 0.0 => Err(format!("{column}: {text} is negative")),
        Some(n) if n.fract() != 0.0 => Err(format!("{column}: {text} is not a whole number")),
        Some(n) if n > MAX_REPS => Err(format!("{column}: {text} is more than {MAX_REPS} reps")),
        Some(n) => Ok(Some(n as u32).filter(|&reps| reps > 0)),
    }
}

pub(super) fn weight_kg(
    column: &str,
    text: &str,
    decimal_comma: bool,
    unit: WeightUnit,
) -> Result<Option<f64>, String> {
    let Some(value) = number(column, text, decimal_comma)? else {
        return Ok(None);
    };
    let kg = unit.to_kg(value);
    if kg < 0.0 {
        Err(format!("{column}: {text} is negative"))
    } else if kg > MAX_WEIGHT_KG {
        Err(format!(
            "{column}: {text} is {kg:.1} kg, more than {MAX_WEIGHT_KG} kg"
        ))
    } else {
        Ok(Some(kg).filter(|&kg| kg > 0.0))
    }
}

pub(super) fn distance_m(
    column: &str,
    text: &str,
    decimal_comma: bool,
    metres_per_unit: f64,
) -> Result<Option<f64>, String> {
    let Some(value) = number(column, text, decimal_comma)? else {
        return Ok(None);
    };
    let metres = value * metres_per_unit;
    if metres < 0.0 {
        Err(format!("{column}: {text} is negative"))
    } else if metres > MAX_DISTANCE_M {
        Err(format!(
            "{column}: {text} is {:.0} km, more than {:.0} km",
            metres / 1000.0,
            MAX_DISTANCE_M / 1000.0
        ))
    } else {
        Ok(Some(metres).filter(|&m| m > 0.0))
    }
}

/// A duration as exports write it: seconds (`330`), a clock (`1:05:30`, `5:30`) or Strong's
/// words (`1h 5m`, `45m`, `50s`).
pub(super) fn seconds(
    column: &str,
    text: &str,
    decimal_comma: bool,
) -> Result<Option<u32>, String> {
    match seconds_value(column, text, decimal_comma)? {
        None => Ok(None),
        Some(s) if s < 0.0 => Err(format!("{column}: {text} is negative")),
        Some(s) if s > MAX_SECONDS => Err(format!("{column}: {text} is longer than a day")),
        Some(s) => Ok(Some(s.round() as u32).filter(|&s| s > 0)),
    }
}

/// A whole workout's duration, read like [`seconds`]; one longer than a day or below zero (a
/// timer never stopped, a clock changed) is no reason to lose the workout's sets: the duration
/// is dropped with a warning (`Ok((None, Some(warning)))`). Unreadable text is still an error.
pub(super) fn workout_seconds(
    column: &str,
    text: &str,
    decimal_comma: bool,
) -> Result<(Option<u32>, Option<String>), String> {
    match seconds_value(column, text, decimal_comma)? {
        Some(s) if !(0.0..=MAX_SECONDS).contains(&s) => {
            Ok((None, Some(format!("workout duration {text} ignored"))))
        }
        _ => seconds(column, text, decimal_comma).map(|s| (s, None)),
    }
}

/// The seconds a duration cell says, `None` when empty.
fn seconds_value(column: &str, text: &str, decimal_comma: bool) -> Result<Option<f64>, String> {
    if text.is_empty() {
        return Ok(None);
    }
    let value = if let Ok(Some(plain)) = number(column, text, decimal_comma) {
        Some(plain)
    } else if text.contains(':') {
        clock_seconds(text)
    } else {
        worded_seconds(text)
    };
    value
        .map(Some)
        .ok_or_else(|| format!("{column}: \"{text}\" is not a duration like 50, 1:05:30 or 1h 5m"))
}

fn clock_seconds(text: &str) -> Option<f64> {
    let parts: Vec<&str> = text.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
    {
        return None;
    }
    parts.iter().try_fold(0.0, |total, part| {
        Some(total * 60.0 + part.parse::<f64>().ok()?)
    })
}

fn worded_seconds(text: &str) -> Option<f64> {
    let mut rest = text.trim();
    let mut total = 0.0;
    let mut terms = 0;
    while !rest.is_empty() {
        let digits_end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        let amount: f64 = rest[..digits_end].parse().ok()?;
        rest = rest[digits_end..].trim_start();
        let word_end = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let scale = match rest[..word_end].to_lowercase().as_str() {
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            "m" | "min" | "mins" | "minute" | "minutes" => 60.0,
            "s" | "sec" | "secs" | "second" | "seconds" => 1.0,
            _ => return None,
        };
        total += amount * scale;
        terms += 1;
        rest = rest[word_end..].trim_start_matches([' ', ',']);
    }
    (terms > 0).then_some(total)
}

/// Rate of perceived exertion, 1–10 (Hevy uses 6–10 in halves).
pub(super) fn rpe(column: &str, text: &str, decimal_comma: bool) -> Result<Option<f32>, String> {
    match number(column, text, decimal_comma)? {
        None => Ok(None),
        Some(0.0) => Ok(None),
        Some(r) if (1.0..=10.0).contains(&r) => Ok(Some(r as f32)),
        Some(_) => Err(format!("{column}: {text} is outside 1–10")),
    }
}

/// Strong's rest-timer pseudo-rows carry the rest in Seconds; they are not sets.
pub(super) fn is_rest_timer(set_order: &str) -> bool {
    matches!(squash(set_order).as_str(), "RESTTIMER" | "REST")
}

/// Strong's set order (a number or a marker) or Hevy's set type, in any vendor spelling.
pub(super) fn set_type(column: &str, text: &str) -> Result<SetType, String> {
    let word = squash(text);
    match word.as_str() {
        "" | "NORMAL" | "N" => Ok(SetType::Normal),
        "W" | "WARMUP" => Ok(SetType::Warmup),
        "F" | "FAILURE" => Ok(SetType::Failure),
        "D" | "DROPSET" | "DROP" => Ok(SetType::Dropset),
        _ if word.bytes().all(|b| b.is_ascii_digit()) => Ok(SetType::Normal),
        _ => Err(format!(
            "{column}: \"{text}\" is not a set type (a set number, W, F, D, normal, warmup, failure or dropset)"
        )),
    }
}

/// Upper-case letters and digits only: `WARM_UP`, `warm-up` and `Warm up` all become `WARMUP`.
fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

const DATETIME_FORMATS: &[&str] = &[
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d %b %Y, %H:%M",
    "%d %b %Y, %H:%M:%S",
    "%d %b %Y, %I:%M %p",
    "%b %d, %Y, %I:%M %p",
    "%b %d, %Y, %I:%M:%S %p",
    "%b %d, %Y, %H:%M",
    "%d %B %Y, %H:%M",
    "%B %d, %Y, %I:%M %p",
];

/// A zone-less local timestamp: Strong's `2021-02-10 18:05:11`, Hevy's `9 Apr 2026, 17:18`
/// and US-locale `Jun 11, 2026, 1:01 PM` (iOS puts a narrow no-break space before `PM`).
pub(super) fn datetime(column: &str, text: &str) -> Result<NaiveDateTime, String> {
    let spaced: String = text.replace(['\u{202f}', '\u{a0}'], " ");
    let normalized = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    DATETIME_FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(&normalized, format).ok())
        .ok_or_else(|| {
            if text.is_empty() {
                format!("{column} is empty")
            } else {
                format!("{column}: \"{text}\" is not a date and time like 2021-02-10 18:05:11 or 9 Apr 2026, 17:18")
            }
        })
}

/// Free text, `None` when blank; line breaks inside quoted notes become `\n`.
pub(super) fn text(cell: &str) -> Option<String> {
    let trimmed = cell.trim();
    (!trimmed.is_empty()).then(|| trimmed.replace("\r\n", "\n"))
}

#[cfg(test)]
mod tests;
