//! The `/log` page's form fields turned into a [`WorkoutInput`]: `ex{i}` names an exercise,
//! `ex{i}_r{j}` / `_w{j}` / `_d{j}` / `_m{j}` are a set's reps, weight (user's units), distance
//! (km or mi) and minutes. Blank exercises and blank rows are ignored; a number that is not
//! a number is an error, never silently dropped. Editing a workout fills the same form
//! ([`fields_for_workout`]); each prefilled row also carries its set type, RPE and notes in
//! hidden `_t{j}` / `_e{j}` / `_n{j}` fields so an edit keeps them.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDateTime;

use crate::domain::account::Units;
use crate::domain::display::{distance_input_m, parse_number, trim_number, weight_input_kg};
use crate::domain::i18n::FormError;
use crate::domain::training::{SetType, kg_to_lb, m_to_miles};
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
    /// What the page says about it.
    pub fn form_error(&self) -> FormError {
        match self {
            LogFormError::Empty => FormError::EmptyWorkout,
            LogFormError::NotANumber(_) | LogFormError::BadDate => FormError::InvalidInput,
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
                set_type: text(&format!("ex{i}_t{j}")).and_then(|t| t.parse().ok()),
                rpe: number(&format!("ex{i}_e{j}"))?,
                notes: text(&format!("ex{i}_n{j}")).map(str::to_owned),
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

/// One stored set as the edit form shows it (canonical units; the exercise in the page
/// language).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FormSet {
    pub exercise: String,
    pub set_type: SetType,
    pub reps: Option<i64>,
    pub weight_kg: Option<f64>,
    pub distance_m: Option<f64>,
    pub duration_s: Option<i64>,
    pub rpe: Option<f64>,
    pub notes: Option<String>,
}

/// The form fields that show a stored workout for editing, in the user's units: consecutive
/// sets of one exercise share a block. [`parse_log_form`] reads them back to the same sets
/// (weights to 0.1 of the user's unit).
pub fn fields_for_workout(
    name: Option<&str>,
    when: NaiveDateTime,
    sets: &[FormSet],
    units: Units,
) -> Vec<(String, String)> {
    let mut out = vec![("when".to_owned(), when.format("%Y-%m-%dT%H:%M").to_string())];
    if let Some(name) = name {
        out.push(("name".to_owned(), name.to_owned()));
    }
    let (mut block, mut row) = (0usize, 0usize);
    for (k, set) in sets.iter().enumerate() {
        if k > 0 && sets[k - 1].exercise != set.exercise {
            block += 1;
            row = 0;
        }
        if row == 0 {
            out.push((format!("ex{block}"), set.exercise.clone()));
        }
        let mut field = |c: char, v: String| out.push((format!("ex{block}_{c}{row}"), v));
        if let Some(r) = set.reps {
            field('r', r.to_string());
        }
        if let Some(w) = set.weight_kg {
            let shown = match units {
                Units::Metric => w,
                Units::Imperial => kg_to_lb(w),
            };
            field('w', format!("{}", (shown * 100.0).round() / 100.0));
        }
        if let Some(d) = set.distance_m {
            field(
                'd',
                match units {
                    Units::Metric => format!("{}", (d / 1000.0 * 1000.0).round() / 1000.0),
                    Units::Imperial => format!("{}", (m_to_miles(d) * 1000.0).round() / 1000.0),
                },
            );
        }
        if let Some(m) = set.duration_s {
            field(
                'm',
                format!("{}", (m as f64 / 60.0 * 100.0).round() / 100.0),
            );
        }
        if set.set_type != SetType::Normal {
            field('t', set.set_type.as_str().to_owned());
        }
        if let Some(rpe) = set.rpe {
            field('e', trim_number(rpe));
        }
        if let Some(notes) = &set.notes {
            field('n', notes.clone());
        }
        row += 1;
    }
    out
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
    fn a_stored_workout_fills_the_form_and_reads_back_the_same() {
        let bench = |set_type, reps, weight_kg| FormSet {
            exercise: "Bench Press".into(),
            set_type,
            reps: Some(reps),
            weight_kg: Some(weight_kg),
            ..FormSet::default()
        };
        let sets = vec![
            bench(SetType::Warmup, 10, 40.0),
            FormSet {
                rpe: Some(8.5),
                notes: Some("paused reps".into()),
                ..bench(SetType::Normal, 5, 102.058_283_25)
            },
            FormSet {
                exercise: "Running".into(),
                distance_m: Some(5000.0),
                duration_s: Some(1500),
                ..FormSet::default()
            },
            bench(SetType::Dropset, 12, 60.0),
        ];
        let when = NaiveDateTime::parse_from_str("2026-11-20T18:30", "%Y-%m-%dT%H:%M").unwrap();
        for units in [Units::Metric, Units::Imperial] {
            let fields = fields_for_workout(Some("Push"), when, &sets, units);
            let map: HashMap<String, String> = fields.iter().cloned().collect();
            assert_eq!(map.len(), fields.len(), "no key twice: {fields:?}");
            assert_eq!(map["ex0"], "Bench Press");
            assert_eq!(map["ex1"], "Running");
            assert_eq!(
                map["ex2"], "Bench Press",
                "a later block of the same exercise stays separate"
            );
            let (input, at) = parse_log_form(&map, units).unwrap();
            assert_eq!(at, Some(when));
            assert_eq!(input.name.as_deref(), Some("Push"));
            let back: Vec<&SetInput> = input.exercises.iter().flat_map(|e| &e.sets).collect();
            assert_eq!(back.len(), 4);
            assert_eq!(back[0].set_type, Some(SetType::Warmup));
            assert_eq!(back[1].set_type, None, "normal is the default");
            assert_eq!(back[1].rpe, Some(8.5));
            assert_eq!(back[1].notes.as_deref(), Some("paused reps"));
            assert_eq!(back[3].set_type, Some(SetType::Dropset));
            let kg = back[1].weight_kg.unwrap();
            // 225 lb shown as "225", or 102.06 kg: within a hundredth of the shown unit.
            assert!((kg - 102.058_283_25).abs() < 0.005, "{units:?}: {kg}");
            assert!(
                (back[2].distance_m.unwrap() - 5000.0).abs() < 1.0,
                "{units:?}"
            );
            assert_eq!(back[2].duration_s, Some(1500));
            assert_eq!(back[0].reps, Some(10));
        }
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
            parse_log_form(&half, Units::Metric)
                .unwrap_err()
                .form_error(),
            FormError::InvalidInput
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
