//! Strong's exports: the old comma files (with or without Duration), the semicolon files with
//! per-row Weight Unit / Distance Unit, and the newer quoted ones with `Workout #` and units in
//! the headers (`Weight (kg)`, `Distance (meters)`, `Duration (sec)`). Columns are found by name,
//! so their order and unknown extra columns do not matter. Rest-timer rows are skipped.

use super::cell::{self, Problems, WeightUnit};
use super::table::Row;
use super::workouts::WorkoutHead;
use super::{ExportColumns, ParseOptions, ParsedRow, ParsedSet};
use crate::domain::account::Units;

/// The columns read, matched case-insensitively without their unit; the first six are required.
const KNOWN: [&str; 14] = [
    "Date",
    "Workout Name",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Duration",
    "Weight Unit",
    "Distance",
    "Distance Unit",
    "Seconds",
    "RPE",
    "Notes",
    "Workout Notes",
];
const REQUIRED: usize = 6;
const WEIGHT: usize = 4;
const DISTANCE: usize = 8;

/// Where a unit comes from: a per-row column, the header (`Weight (lbs)`), or the user's setting.
enum UnitSource<U> {
    Column(usize),
    Header(U),
    Assumed,
}

pub(super) struct Columns {
    names: Vec<String>,
    date: usize,
    workout_name: usize,
    exercise: usize,
    set_order: usize,
    weight: usize,
    reps: usize,
    duration: Option<usize>,
    weight_unit: UnitSource<WeightUnit>,
    distance: Option<usize>,
    distance_unit: UnitSource<f64>,
    seconds: Option<usize>,
    rpe: Option<usize>,
    notes: Option<usize>,
    workout_notes: Option<usize>,
}

/// `Weight (kg)` → (`weight`, `Some("kg")`).
fn split_unit(cell: &str) -> (String, Option<&str>) {
    match cell
        .trim()
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
    {
        Some((name, unit)) => (name.trim().to_lowercase(), Some(unit.trim())),
        None => (cell.trim().to_lowercase(), None),
    }
}

impl ExportColumns for Columns {
    fn from_header(header: &[String]) -> Result<Self, String> {
        let mut found: [Option<usize>; KNOWN.len()] = [None; KNOWN.len()];
        let mut weight_header_unit = None;
        let mut distance_header_unit = None;
        let mut problems = Vec::new();
        for (index, cell) in header.iter().enumerate() {
            let (name, unit) = split_unit(cell);
            let Some(slot) = KNOWN
                .iter()
                .position(|known| known.eq_ignore_ascii_case(&name))
            else {
                continue;
            };
            found[slot].get_or_insert(index);
            match (slot, unit) {
                (WEIGHT, Some(unit)) => match WeightUnit::from_word(unit) {
                    Some(u) => weight_header_unit = Some(u),
                    None => problems.push(format!(
                        "\"{cell}\" has an unknown unit (expected kg or lbs)"
                    )),
                },
                (DISTANCE, Some(unit)) => match cell::metres_per(unit) {
                    Some(m) => distance_header_unit = Some(m),
                    None => problems.push(format!(
                        "\"{cell}\" has an unknown unit (expected meters, km or miles)"
                    )),
                },
                _ => {}
            }
        }
        let [
            Some(date),
            Some(workout_name),
            Some(exercise),
            Some(set_order),
            Some(weight),
            Some(reps),
            duration,
            weight_unit,
            distance,
            distance_unit,
            seconds,
            rpe,
            notes,
            workout_notes,
        ] = found
        else {
            let missing: Vec<&str> = KNOWN
                .iter()
                .zip(&found)
                .take(REQUIRED)
                .filter(|(_, i)| i.is_none())
                .map(|(name, _)| *name)
                .collect();
            let hevy = header
                .iter()
                .any(|h| h.eq_ignore_ascii_case("exercise_title"));
            problems.insert(0, format!(
                "this is not a Strong export: expected the columns {} (and optionally {}), but {} missing{}",
                KNOWN[..REQUIRED].join(", "),
                KNOWN[REQUIRED..].join(", "),
                missing.join(", ") + if missing.len() == 1 { " is" } else { " are" },
                if hevy { "; it looks like a Hevy export" } else { "" },
            ));
            return Err(problems.join("; "));
        };
        if !problems.is_empty() {
            return Err(problems.join("; "));
        }
        Ok(Columns {
            names: header.to_vec(),
            date,
            workout_name,
            exercise,
            set_order,
            weight,
            reps,
            duration,
            weight_unit: unit_source(weight_unit, weight_header_unit),
            distance,
            distance_unit: unit_source(distance_unit, distance_header_unit),
            seconds,
            rpe,
            notes,
            workout_notes,
        })
    }

    fn read_row(&self, row: &Row, options: ParseOptions) -> Result<Option<ParsedRow>, Vec<String>> {
        let set_order = row.get(Some(self.set_order));
        if cell::is_rest_timer(set_order) {
            return Ok(None);
        }
        let comma = row.decimal_comma;
        let name = |index: usize| self.names[index].as_str();
        let named = |index: Option<usize>| index.map_or("", |i| self.names[i].as_str());
        let mut problems = Problems::default();

        let started_at =
            problems.take(cell::datetime(name(self.date), row.get(Some(self.date))).map(Some));
        let (duration_s, duration_warning) = problems.take(cell::workout_seconds(
            named(self.duration),
            row.get(self.duration),
            comma,
        ));
        let exercise_name = row.get(Some(self.exercise)).to_owned();
        if exercise_name.is_empty() {
            problems.push(format!("{} is empty", name(self.exercise)));
        }
        let set_type = problems.take(cell::set_type(name(self.set_order), set_order));
        let weight_kg = match self.weight_unit(row, options.assumed_units) {
            Ok(unit) => problems.take(cell::weight_kg(
                name(self.weight),
                row.get(Some(self.weight)),
                comma,
                unit,
            )),
            Err(message) => {
                problems.push(message);
                None
            }
        };
        let reps = problems.take(cell::reps(name(self.reps), row.get(Some(self.reps)), comma));
        let distance_m = match self.metres_per_distance_unit(row, options.assumed_units) {
            Ok(metres) => problems.take(cell::distance_m(
                named(self.distance),
                row.get(self.distance),
                comma,
                metres,
            )),
            Err(message) => {
                problems.push(message);
                None
            }
        };
        let seconds = problems.take(cell::seconds(
            named(self.seconds),
            row.get(self.seconds),
            comma,
        ));
        let rpe = problems.take(cell::rpe(named(self.rpe), row.get(self.rpe), comma));

        // A bad date has already been noted, so this returns the row's problems.
        let Some(started_at) = started_at else {
            return problems.into_result(None);
        };
        let workout = WorkoutHead {
            started_at,
            name: cell::text(row.get(Some(self.workout_name))),
            ended_at: duration_s.map(|s| started_at + chrono::Duration::seconds(i64::from(s))),
            duration_s,
            notes: cell::text(row.get(self.workout_notes)),
        };
        let set = ParsedSet {
            exercise_name,
            set_index: 0,
            set_type,
            reps,
            weight_kg,
            distance_m,
            duration_s: seconds,
            rpe,
            notes: cell::text(row.get(self.notes)),
        };
        problems.into_result(Some(ParsedRow {
            workout,
            set,
            warnings: duration_warning.into_iter().collect(),
        }))
    }
}

/// A per-row unit column wins over a unit in the header.
fn unit_source<U>(column: Option<usize>, header: Option<U>) -> UnitSource<U> {
    match (column, header) {
        (Some(index), _) => UnitSource::Column(index),
        (None, Some(unit)) => UnitSource::Header(unit),
        (None, None) => UnitSource::Assumed,
    }
}

impl Columns {
    fn weight_unit(&self, row: &Row, assumed: Units) -> Result<WeightUnit, String> {
        match self.weight_unit {
            UnitSource::Header(unit) => Ok(unit),
            UnitSource::Assumed => Ok(cell::assumed_weight_unit(assumed)),
            UnitSource::Column(index) => {
                cell::weight_unit(&self.names[index], row.get(Some(index)), assumed)
            }
        }
    }

    fn metres_per_distance_unit(&self, row: &Row, assumed: Units) -> Result<f64, String> {
        match self.distance_unit {
            UnitSource::Header(metres) => Ok(metres),
            UnitSource::Assumed => Ok(cell::assumed_metres(assumed)),
            UnitSource::Column(index) => {
                cell::distance_unit(&self.names[index], row.get(Some(index)), assumed)
            }
        }
    }
}
