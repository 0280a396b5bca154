//! The `/log` page's form fields turned into a [`WorkoutInput`]: `ex{i}` names an exercise,
//! `ex{i}_r{j}` / `_w{j}` / `_d{j}` / `_m{j}` are a set's reps, weight (user's units), distance
//! (km or mi) and minutes. Blank exercises and blank rows are ignored; a number that is not
//! a number is an error, never silently dropped.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;

use crate::domain::account::Units;
use crate::domain::display::{distance_input_m, parse_number, weight_input_kg};
use crate::domain::workout::{ExerciseInput, SetInput, WorkoutInput};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogFormError {
    /// Nothing to save.
    Empty,
    /// A field that should be a number is not (its name).
    NotANumber(String),
    /// `when` is not a date-time.
    BadDate,
}

impl LogFormError {
    pub fn code(&self) -> &'static str {
        match self {
            LogFormError::Empty => "empty_workout",
            LogFormError::NotANumber(_) | LogFormError::BadDate => "invalid_input",
        }
    }
}

/// The workout (without a start time) and the local time typed in `when`, if any.
pub fn parse_log_form(
    fields: &HashMap<String, String>,
    units: Units,
) -> Result<(WorkoutInput, Option<NaiveDateTime>), LogFormError> {
    let text = |k: &str| fields.get(k).map(|v| v.trim()).filter(|v| !v.is_empty());
    let number = |k: &str| -> Result<Option<f64>, LogFormError> {
        match fields.get(k).and_then(|v| parse_number(v)) {
            None => Ok(None),
            Some(Ok(v)) => Ok(Some(v)),
            Some(Err(())) => Err(LogFormError::NotANumber(k.to_owned())),
        }
    };
    let when = match text("when") {
        None => None,
        Some(w) => Some(
            NaiveDateTime::parse_from_str(w, "%Y-%m-%dT%H:%M")
                .or_else(|_| NaiveDateTime::parse_from_str(w, "%Y-%m-%dT%H:%M:%S"))
                .map_err(|_| LogFormError::BadDate)?,
        ),
    };
    // Exercise blocks by index, in order.
    let mut blocks: BTreeMap<usize, &str> = BTreeMap::new();
    for (k, v) in fields {
        if let Some(i) = k
            .strip_prefix("ex")
            .and_then(|rest| rest.parse::<usize>().ok())
            && !v.trim().is_empty()
        {
            blocks.insert(i, v.trim());
        }
    }
    let mut exercises = Vec::new();
    for (i, name) in blocks {
        let mut rows: Vec<usize> = fields
            .keys()
            .filter_map(|k| {
                k.strip_prefix(&format!("ex{i}_"))?
                    .get(1..)?
                    .parse::<usize>()
                    .ok()
            })
            .collect();
        rows.sort_unstable();
        rows.dedup();
        let mut sets = Vec::new();
        for j in rows {
            let reps = number(&format!("ex{i}_r{j}"))?;
            let weight = number(&format!("ex{i}_w{j}"))?;
            let distance = number(&format!("ex{i}_d{j}"))?;
            let minutes = number(&format!("ex{i}_m{j}"))?;
            if reps.is_none() && weight.is_none() && distance.is_none() && minutes.is_none() {
                continue;
            }
            let whole = |v: f64, key: &str| -> Result<i64, LogFormError> {
                if v.fract() == 0.0 {
                    Ok(v as i64)
                } else {
                    Err(LogFormError::NotANumber(key.to_owned()))
                }
            };
            sets.push(SetInput {
                reps: reps.map(|r| whole(r, &format!("ex{i}_r{j}"))).transpose()?,
                weight_kg: weight.map(|w| weight_input_kg(w, units)),
                distance_m: distance.map(|d| distance_input_m(d, units)),
                duration_s: minutes.map(|m| (m * 60.0).round() as i64),
                ..Default::default()
            });
        }
        if !sets.is_empty() {
            exercises.push(ExerciseInput {
                exercise: name.to_owned(),
                sets,
            });
        }
    }
    if exercises.is_empty() {
        return Err(LogFormError::Empty);
    }
    let name = text("name").map(str::to_owned);
    Ok((
        WorkoutInput {
            name,
            started_at: None,
            notes: None,
            exercises,
        },
        when,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn blocks_rows_units_and_blanks() {
        let f = form(&[
            ("name", " Legs "),
            ("ex0", "squat"),
            ("ex0_r0", "5"),
            ("ex0_w0", "225"),
            ("ex0_r1", ""),
            ("ex0_w1", ""),
            ("ex0_r2", "3"),
            ("ex0_w2", "245,5"),
            ("ex1", ""),
            ("ex1_r0", "10"),
            ("ex2", "ריצה"),
            ("ex2_d0", "5"),
            ("ex2_m0", "25.5"),
        ]);
        let (w, when) = parse_log_form(&f, Units::Imperial).unwrap();
        assert_eq!(when, None);
        assert_eq!(w.name.as_deref(), Some("Legs"));
        assert_eq!(
            w.exercises.len(),
            2,
            "a block without an exercise name is ignored"
        );
        let squat = &w.exercises[0];
        assert_eq!(squat.sets.len(), 2, "the blank row is ignored");
        assert!((squat.sets[0].weight_kg.unwrap() - 102.058_283_25).abs() < 1e-6);
        assert!((squat.sets[1].weight_kg.unwrap() - 111.356_926_835).abs() < 1e-6);
        let run = &w.exercises[1];
        assert!((run.sets[0].distance_m.unwrap() - 8046.72).abs() < 1e-6);
        assert_eq!(run.sets[0].duration_s, Some(1530));
    }

    #[test]
    fn errors() {
        assert_eq!(
            parse_log_form(&form(&[("ex0", "squat")]), Units::Metric).unwrap_err(),
            LogFormError::Empty
        );
        let bad = form(&[("ex0", "squat"), ("ex0_r0", "five")]);
        assert_eq!(
            parse_log_form(&bad, Units::Metric).unwrap_err(),
            LogFormError::NotANumber("ex0_r0".into())
        );
        let half = form(&[("ex0", "squat"), ("ex0_r0", "5.5")]);
        assert_eq!(
            parse_log_form(&half, Units::Metric).unwrap_err().code(),
            "invalid_input"
        );
        let when = form(&[("when", "yesterday"), ("ex0", "squat"), ("ex0_r0", "5")]);
        assert_eq!(
            parse_log_form(&when, Units::Metric).unwrap_err(),
            LogFormError::BadDate
        );
        let ok = form(&[
            ("when", "2026-11-20T07:30"),
            ("ex0", "squat"),
            ("ex0_r0", "5"),
        ]);
        assert_eq!(
            parse_log_form(&ok, Units::Metric)
                .unwrap()
                .1
                .unwrap()
                .to_string(),
            "2026-11-20 07:30:00"
        );
    }
}
