//! Numbers as a user reads them: weights, distances and durations in their units, rounded the
//! way a training log shows them, thousands grouped (`382,116.5 kg`). Input in the user's units
//! goes the other way, and form fields get [`trim_number`] (never grouped: `1,000` would read
//! back as one). English and Hebrew both group with `,` and use `.` for decimals (CLDR `en`
//! and `he`), so the grouping does not depend on the page language.

use crate::domain::account::Units;
use crate::domain::scoring::records::RecordType;
use crate::domain::training::{kg_to_lb, lb_to_kg, m_to_miles, miles_to_m};

/// One decimal at most, no trailing `.0`: `80`, `82.5`, `102.1`. Written with whole numbers
/// (tenths), which keeps the float printing machinery out of the client bundle.
pub fn trim_number(v: f64) -> String {
    tenths((v * 10.0).round() as i64)
}

/// Up to three decimals, none trailing: `1.25`, `20`, `0.625`. For settings the user typed
/// and reads back to save again (a plate of 1.25 kg must not come back as 1.3).
pub fn exact_number(v: f64) -> String {
    let t = (v * 1000.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    let (whole, part) = (t.unsigned_abs() / 1000, t.unsigned_abs() % 1000);
    if part == 0 {
        format!("{sign}{whole}")
    } else {
        format!(
            "{sign}{whole}.{}",
            format!("{part:03}").trim_end_matches('0')
        )
    }
}

/// A count of tenths as a number with one decimal at most: `825` → `82.5`, `800` → `80`.
pub fn tenths(t: i64) -> String {
    let sign = if t < 0 { "-" } else { "" };
    let (whole, tenth) = (t.unsigned_abs() / 10, t.unsigned_abs() % 10);
    if tenth == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{tenth}")
    }
}

/// [`trim_number`] with thousands grouped, for reading: `382,116.5`, `-1,200`, `80`.
pub fn number(v: f64) -> String {
    let plain = trim_number(v);
    let (sign, rest) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::from(sign);
    out.push_str(&group(int));
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A whole count with thousands grouped: `12,400`.
pub fn count(n: impl TryInto<i64>) -> String {
    let n: i64 = n.try_into().unwrap_or(i64::MAX);
    let digits = n.unsigned_abs().to_string();
    format!("{}{}", if n < 0 { "-" } else { "" }, group(&digits))
}

fn group(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn weight(kg: f64, units: Units) -> String {
    match units {
        Units::Metric => format!("{} kg", number(kg)),
        Units::Imperial => format!("{} lb", number(kg_to_lb(kg))),
    }
}

pub fn distance(m: f64, units: Units) -> String {
    match units {
        Units::Metric if m < 1000.0 => format!("{} m", number(m)),
        Units::Metric => format!("{} km", number(m / 1000.0)),
        Units::Imperial => format!("{} mi", number(m_to_miles(m))),
    }
}

/// A personal record's value in the user's units: `140 kg`, `12`, `3:05`, `5 km`.
pub fn record_value(record_type: RecordType, value: f64, units: Units) -> String {
    match record_type {
        RecordType::Weight | RecordType::E1rm | RecordType::Volume => weight(value, units),
        RecordType::Reps => number(value),
        RecordType::Duration => duration(value),
        RecordType::Distance => distance(value, units),
    }
}

/// `45 s`, `3:05`, `1:02:03`.
pub fn duration(seconds: f64) -> String {
    let s = seconds.round().max(0.0) as u64;
    match (s / 3600, (s % 3600) / 60, s % 60) {
        (0, 0, sec) => format!("{sec} s"),
        (0, min, sec) => format!("{min}:{sec:02}"),
        (h, min, sec) => format!("{h}:{min:02}:{sec:02}"),
    }
}

/// A weight typed in the user's units, as kilograms.
pub fn weight_input_kg(value: f64, units: Units) -> f64 {
    match units {
        Units::Metric => value,
        Units::Imperial => lb_to_kg(value),
    }
}

/// A distance typed in km (metric) or miles (imperial), as metres.
pub fn distance_input_m(value: f64, units: Units) -> f64 {
    match units {
        Units::Metric => value * 1000.0,
        Units::Imperial => miles_to_m(value),
    }
}

/// A number as people type it: `82.5` or `82,5`; blank is `None`.
pub fn parse_number(raw: &str) -> Option<Result<f64, ()>> {
    let t = raw.trim();
    if t.is_empty() {
        return None;
    }
    Some(
        t.replace(',', ".")
            .parse::<f64>()
            .map_err(|_| ())
            .and_then(|v| if v.is_finite() { Ok(v) } else { Err(()) }),
    )
}

pub fn weight_unit_label(units: Units) -> &'static str {
    match units {
        Units::Metric => "kg",
        Units::Imperial => "lb",
    }
}

pub fn distance_unit_label(units: Units) -> &'static str {
    match units {
        Units::Metric => "km",
        Units::Imperial => "mi",
    }
}

/// `display`'s unit abbreviations and their Hebrew forms.
const HEBREW_UNITS: [(&str, &str); 6] = [
    ("kg", "ק״ג"),
    ("lb", "ליב׳"),
    ("km", "ק״מ"),
    ("m", "מ׳"),
    ("mi", "מייל"),
    ("s", "שנ׳"),
];

/// A "number unit" of this module with the unit written in `language` ("100 kg", "100 ק״ג"):
/// a Hebrew sentence carries no English but the names the user wrote.
pub fn in_language(shown: String, language: crate::domain::account::Language) -> String {
    if language == crate::domain::account::Language::En {
        return shown;
    }
    match shown.rsplit_once(' ') {
        Some((number, unit)) => match HEBREW_UNITS.iter().find(|(en, _)| *en == unit) {
            Some((_, he)) => format!("{number} {he}"),
            None => shown,
        },
        None => shown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_numbers_read_back_as_typed() {
        for (v, shown) in [
            (1.25, "1.25"),
            (20.0, "20"),
            (0.625, "0.625"),
            (2.5, "2.5"),
            (-1.5, "-1.5"),
        ] {
            assert_eq!(exact_number(v), shown);
            assert_eq!(shown.parse::<f64>().unwrap(), v);
        }
    }

    #[test]
    fn numbers_keep_one_decimal_at_most() {
        assert_eq!(trim_number(82.5), "82.5");
        assert_eq!(trim_number(80.0), "80");
        assert_eq!(trim_number(102.058), "102.1");
        assert_eq!(trim_number(-1.25), "-1.3");
        assert_eq!(trim_number(-0.04), "0");
        assert_eq!(trim_number(0.96), "1");
        assert_eq!(number(382_116.46), "382,116.5");
    }

    #[test]
    fn display() {
        assert_eq!(weight(80.0, Units::Metric), "80 kg");
        assert_eq!(weight(102.058_283_25, Units::Metric), "102.1 kg");
        assert_eq!(weight(102.058_283_25, Units::Imperial), "225 lb");
        assert_eq!(distance(5000.0, Units::Metric), "5 km");
        assert_eq!(distance(400.0, Units::Metric), "400 m");
        assert_eq!(distance(5000.0, Units::Imperial), "3.1 mi");
        assert_eq!(duration(45.0), "45 s");
        assert_eq!(duration(185.0), "3:05");
        assert_eq!(duration(3723.0), "1:02:03");
    }

    #[test]
    fn large_numbers_are_grouped_for_reading_but_not_for_typing() {
        assert_eq!(weight(382_116.5, Units::Metric), "382,116.5 kg");
        assert_eq!(weight(1_000.0, Units::Metric), "1,000 kg");
        assert_eq!(weight(999.96, Units::Metric), "1,000 kg");
        assert_eq!(distance(42_195_000.0, Units::Metric), "42,195 km");
        assert_eq!(number(-1_234_567.25), "-1,234,567.3");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(count(12_400), "12,400");
        assert_eq!(count(-5), "-5");
        assert_eq!(count(100), "100");
        assert_eq!(
            trim_number(382_116.5),
            "382116.5",
            "form fields stay parseable"
        );
        assert_eq!(
            record_value(RecordType::Volume, 12_000.0, Units::Metric),
            "12,000 kg"
        );
        assert_eq!(
            record_value(RecordType::Reps, 1_200.0, Units::Metric),
            "1,200"
        );
    }

    #[test]
    fn input() {
        assert!((weight_input_kg(225.0, Units::Imperial) - 102.058_283_25).abs() < 1e-9);
        assert_eq!(distance_input_m(5.0, Units::Metric), 5000.0);
        assert_eq!(parse_number(" 82,5 "), Some(Ok(82.5)));
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("abc"), Some(Err(())));
        assert_eq!(parse_number("inf"), Some(Err(())));
    }
}
