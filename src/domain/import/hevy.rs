//! Hevy's export: one row per set, units in the column names (`weight_kg` or `weight_lbs`,
//! `distance_km` or `distance_miles`), day-first (`9 Apr 2026, 17:18`) or US-locale
//! (`Jun 11, 2026, 1:01 PM`) times. Hevy's own `set_index` and `superset_id` are not read: the
//! set index is recounted in file order like Strong's, and supersets are not modelled yet.

use super::cell::{self, Problems, WeightUnit};
use super::table::Row;
use super::workouts::WorkoutHead;
use super::{ExportColumns, ParseOptions, ParsedRow, ParsedSet};

const REQUIRED: &[&str] = &[
    "title",
    "start_time",
    "exercise_title",
    "set_type",
    "weight_kg or weight_lbs",
    "reps",
];
const OPTIONAL: &[&str] = &[
    "end_time",
    "description",
    "exercise_notes",
    "distance_km or distance_miles",
    "duration_seconds",
    "rpe",
];

pub(super) struct Columns {
    names: Vec<String>,
    title: usize,
    start_time: usize,
    exercise_title: usize,
    set_type: usize,
    weight: (usize, WeightUnit),
    reps: usize,
    end_time: Option<usize>,
    description: Option<usize>,
    exercise_notes: Option<usize>,
    distance: Option<(usize, f64)>,
    duration_seconds: Option<usize>,
    rpe: Option<usize>,
}

impl ExportColumns for Columns {
    fn from_header(header: &[String]) -> Result<Self, String> {
        let find = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
        let with_unit = |prefix: &str| {
            header.iter().enumerate().find_map(|(index, h)| {
                let unit = h.to_lowercase().strip_prefix(prefix)?.to_owned();
                Some((index, unit))
            })
        };
        let weight =
            with_unit("weight_").and_then(|(i, unit)| Some((i, WeightUnit::from_word(&unit)?)));
        let distance =
            with_unit("distance_").and_then(|(i, unit)| Some((i, cell::metres_per(&unit)?)));
        let required = [
            find("title"),
            find("start_time"),
            find("exercise_title"),
            find("set_type"),
            weight.map(|w| w.0),
            find("reps"),
        ];
        let missing: Vec<&str> = REQUIRED
            .iter()
            .zip(&required)
            .filter(|(_, index)| index.is_none())
            .map(|(name, _)| *name)
            .collect();
        let (
            [
                Some(title),
                Some(start_time),
                Some(exercise_title),
                Some(set_type),
                Some(_),
                Some(reps),
            ],
            Some(weight),
        ) = (required, weight)
        else {
            let strong = header
                .iter()
                .any(|h| h.eq_ignore_ascii_case("exercise name"));
            return Err(format!(
                "this is not a Hevy export: expected the columns {} (and optionally {}), but {} missing{}",
                REQUIRED.join(", "),
                OPTIONAL.join(", "),
                missing.join(", ") + if missing.len() == 1 { " is" } else { " are" },
                if strong {
                    "; it looks like a Strong export"
                } else {
                    ""
                },
            ));
        };
        Ok(Columns {
            names: header.to_vec(),
            title,
            start_time,
            exercise_title,
            set_type,
            weight,
            reps,
            end_time: find("end_time"),
            description: find("description"),
            exercise_notes: find("exercise_notes"),
            distance,
            duration_seconds: find("duration_seconds"),
            rpe: find("rpe"),
        })
    }

    fn read_row(
        &self,
        row: &Row,
        _options: ParseOptions,
    ) -> Result<Option<ParsedRow>, Vec<String>> {
        let comma = row.decimal_comma;
        let name = |index: usize| self.names[index].as_str();
        let named = |index: Option<usize>| index.map_or("", |i| self.names[i].as_str());
        let mut problems = Problems::default();

        let started_at = problems
            .take(cell::datetime(name(self.start_time), row.get(Some(self.start_time))).map(Some));
        let ended_at = match row.get(self.end_time) {
            "" => None,
            text => problems.take(cell::datetime(named(self.end_time), text).map(Some)),
        };
        let exercise_name = row.get(Some(self.exercise_title)).to_owned();
        if exercise_name.is_empty() {
            problems.push(format!("{} is empty", name(self.exercise_title)));
        }
        let set_type = problems.take(cell::set_type(
            name(self.set_type),
            row.get(Some(self.set_type)),
        ));
        let (weight_column, unit) = self.weight;
        let weight_kg = problems.take(cell::weight_kg(
            name(weight_column),
            row.get(Some(weight_column)),
            comma,
            unit,
        ));
        let reps = problems.take(cell::reps(name(self.reps), row.get(Some(self.reps)), comma));
        let distance_m = match self.distance {
            Some((index, metres)) => problems.take(cell::distance_m(
                name(index),
                row.get(Some(index)),
                comma,
                metres,
            )),
            None => None,
        };
        let duration_s = problems.take(cell::seconds(
            named(self.duration_seconds),
            row.get(self.duration_seconds),
            comma,
        ));
        let rpe = problems.take(cell::rpe(named(self.rpe), row.get(self.rpe), comma));

        // A bad date has already been noted, so this returns the row's problems.
        let Some(started_at) = started_at else {
            return problems.into_result(None);
        };
        // A workout that ends before it starts or lasts more than a day (a timer never
        // stopped) keeps its sets; only its end is dropped, with a warning.
        let mut warnings = Vec::new();
        let (ended_at, workout_duration) = match ended_at {
            Some(ended_at) if ended_at < started_at => {
                warnings.push(format!(
                    "{} {} is before {}: the workout's end ignored",
                    named(self.end_time),
                    row.get(self.end_time),
                    name(self.start_time)
                ));
                (None, None)
            }
            Some(ended_at) if (ended_at - started_at).num_seconds() > cell::MAX_WORKOUT_SECONDS => {
                let minutes = (ended_at - started_at).num_minutes();
                warnings.push(format!(
                    "workout duration {}h {}m ignored",
                    minutes / 60,
                    minutes % 60
                ));
                (None, None)
            }
            Some(ended_at) => (
                Some(ended_at),
                u32::try_from((ended_at - started_at).num_seconds()).ok(),
            ),
            None => (None, None),
        };
        let workout = WorkoutHead {
            started_at,
            name: cell::text(row.get(Some(self.title))),
            ended_at,
            duration_s: workout_duration,
            notes: cell::text(row.get(self.description)),
        };
        let set = ParsedSet {
            exercise_name,
            set_index: 0,
            set_type,
            reps,
            weight_kg,
            distance_m,
            duration_s,
            rpe,
            notes: cell::text(row.get(self.exercise_notes)),
        };
        problems.into_result(Some(ParsedRow {
            workout,
            set,
            warnings,
        }))
    }
}
