//! FitNotes' export (Android): `Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,
//! Distance Unit,Time,Comment`, the `Comment` column missing in some. One row per set, no
//! workout name or time: every row of one `Date` is one workout, started at noon (local time;
//! the server puts it in the user's zone). `Weight Unit` is `lbs` or `kgs` per row, `Distance
//! Unit` `km`, `mi`, `m`…, `Time` `H:MM:SS`. `Category` is the app's muscle group; the
//! exercise name is matched to the catalog like any other export's.
//!
//! Some exports leave a comma inside an exercise name unquoted, which gives the row one field
//! too many. [`Columns::repair`] joins the name back when the extra field can only belong to it
//! (read that way the row's numbers and units are valid; read as a comma in the comment they
//! are not); otherwise the line stays an error.

use chrono::{NaiveDate, NaiveTime};

use super::cell::{self, Problems};
use super::table::{Repair, Row};
use super::workouts::WorkoutHead;
use super::{ExportColumns, ParseOptions, ParsedRow, ParsedSet};
use crate::domain::training::SetType;

const REQUIRED: &[&str] = &["Date", "Exercise", "Category", "Weight", "Reps"];
const OPTIONAL: &[&str] = &[
    "Weight Unit",
    "Distance",
    "Distance Unit",
    "Time",
    "Comment",
];

/// When a FitNotes workout starts: the file has dates only.
pub const WORKOUT_TIME: NaiveTime = NaiveTime::from_hms_opt(12, 0, 0).expect("noon");

#[derive(Clone, Copy)]
pub(super) struct Columns {
    date: usize,
    exercise: usize,
    weight: usize,
    reps: usize,
    weight_unit: Option<usize>,
    distance: Option<usize>,
    distance_unit: Option<usize>,
    time: Option<usize>,
    comment: Option<usize>,
}

impl ExportColumns for Columns {
    fn from_header(header: &[String]) -> Result<Self, String> {
        let find = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
        let required: Vec<Option<usize>> = REQUIRED.iter().map(|name| find(name)).collect();
        let [
            Some(date),
            Some(exercise),
            Some(_),
            Some(weight),
            Some(reps),
        ] = required[..]
        else {
            let missing: Vec<&str> = REQUIRED
                .iter()
                .zip(&required)
                .filter(|(_, index)| index.is_none())
                .map(|(name, _)| *name)
                .collect();
            return Err(format!(
                "this is not a FitNotes export: expected the columns {} (and optionally {}), but {} missing",
                REQUIRED.join(", "),
                OPTIONAL.join(", "),
                missing.join(", ") + if missing.len() == 1 { " is" } else { " are" },
            ));
        };
        Ok(Columns {
            date,
            exercise,
            weight,
            reps,
            weight_unit: find("Weight Unit"),
            distance: find("Distance"),
            distance_unit: find("Distance Unit"),
            time: find("Time"),
            comment: find("Comment"),
        })
    }

    fn repair(&self) -> Option<Repair> {
        let columns = *self;
        Some(Box::new(move |cells: &[String]| columns.mend(cells)))
    }

    fn read_row(&self, row: &Row, options: ParseOptions) -> Result<Option<ParsedRow>, Vec<String>> {
        let comma = row.decimal_comma;
        let mut problems = Problems::default();
        let date_text = row.get(Some(self.date));
        let date = NaiveDate::parse_from_str(date_text, "%Y-%m-%d")
            .map_err(|_| format!("Date: \"{date_text}\" is not a date like 2022-09-14"));
        let date = problems.take(date.map(Some));
        let exercise_name = row.get(Some(self.exercise)).to_owned();
        if exercise_name.is_empty() {
            problems.push("Exercise is empty".to_owned());
        }
        let unit = cell::weight_unit(
            "Weight Unit",
            row.get(self.weight_unit),
            options.assumed_units,
        );
        let weight_kg = match unit {
            Ok(unit) => problems.take(cell::weight_kg(
                "Weight",
                row.get(Some(self.weight)),
                comma,
                unit,
            )),
            Err(message) => {
                problems.push(message);
                None
            }
        };
        let reps = problems.take(cell::reps("Reps", row.get(Some(self.reps)), comma));
        let metres = cell::distance_unit(
            "Distance Unit",
            row.get(self.distance_unit),
            options.assumed_units,
        );
        let distance_m = match metres {
            Ok(metres) => problems.take(cell::distance_m(
                "Distance",
                row.get(self.distance),
                comma,
                metres,
            )),
            Err(message) => {
                problems.push(message);
                None
            }
        };
        let duration_s = problems.take(cell::seconds("Time", row.get(self.time), comma));
        let Some(date) = date else {
            return problems.into_result(None);
        };
        let mut warnings = Vec::new();
        if row.repaired {
            warnings.push(format!(
                "the exercise name \"{exercise_name}\" held an unquoted comma; read as one name"
            ));
        }
        let workout = WorkoutHead {
            started_at: date.and_time(WORKOUT_TIME),
            name: None,
            ended_at: None,
            duration_s: None,
            notes: None,
        };
        let set = ParsedSet {
            exercise_name,
            set_index: 0,
            set_type: SetType::Normal,
            reps,
            weight_kg,
            distance_m,
            duration_s,
            rpe: None,
            notes: cell::text(row.get(self.comment)),
        };
        problems.into_result(Some(ParsedRow {
            workout,
            set,
            warnings,
        }))
    }
}

impl Columns {
    /// The row's cells with the exercise name's two halves joined, when that is the only
    /// reading under which its numbers and units are valid.
    fn mend(&self, cells: &[String]) -> Option<Vec<String>> {
        let joined = |at: usize| -> Vec<String> {
            let mut out = cells.to_vec();
            let tail = out.remove(at + 1);
            out[at] = format!("{}, {tail}", out[at]);
            out
        };
        let in_name = joined(self.exercise);
        let in_comment = self.comment.map(joined);
        let valid = |cells: &Vec<String>| self.plausible(cells);
        match (valid(&in_name), in_comment.as_ref().is_some_and(valid)) {
            (true, false) => Some(in_name),
            _ => None,
        }
    }

    /// Whether a row reads as a FitNotes set: a weight and reps that are numbers (or empty), a
    /// known unit (or none).
    fn plausible(&self, cells: &[String]) -> bool {
        let get = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", String::as_str);
        let number = |text: &str| text.is_empty() || text.parse::<f64>().is_ok();
        number(get(Some(self.weight)))
            && number(get(Some(self.reps)))
            && number(get(self.distance))
            && matches!(get(self.weight_unit), "" | "kgs" | "lbs" | "kg" | "lb")
    }
}
