//! Reading Strong, Hevy and FitNotes CSV exports into plain workouts and sets, with every bad
//! line listed.
//! Pure: bytes in, values out. No I/O, no database, no clock, no time zones (export timestamps
//! are zone-less local times; the server decides which zone they are in).
//!
//! - [`parse`] / [`parse_with`]: one call per uploaded file. It never stops at the first bad
//!   row: [`ParsedImport::errors`] has one [`LineError`] per bad physical line, and the good
//!   rows are still parsed so a dry run can preview both. The server rejects a file whose
//!   `errors` is non-empty unless told to skip them. [`ParsedImport::warnings`]: lines imported
//!   with something dropped (a workout timer left running for 105 hours); [`grouped`] gathers
//!   lines that share a message.
//! - [`ParsedImport::summary`]: the counts a preview shows, without a database.
//! - Canonical units: kilograms, metres, seconds (see [`crate::domain::training`]).
//! - [`ParsedWorkout::source_ref`]: the idempotency key (see `source_ref.rs` for why it is
//!   built the way it is).
//!
//! Inside: `table` reads the CSV (BOM, delimiter, line numbers), `cell` turns one cell into a
//! value, `strong`, `hevy` and [`fitnotes`] know their vendor's columns, `workouts` groups rows
//! into workouts. [`detect`] tells the format from the header (`format=auto`).

mod cell;
pub mod fitnotes;
mod hevy;
mod source_ref;
pub mod spotter;
mod strong;
mod table;
mod workouts;

#[doc(hidden)]
pub mod bench_support;

#[cfg(test)]
mod fixture_tests;

use crate::domain::account::Units;
use crate::domain::text_enum::text_enum;
use crate::domain::training::SetType;
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

text_enum!(
    /// Which app wrote the export.
    Format { Strong => "strong", Hevy => "hevy", FitNotes => "fitnotes", Spotter => "spotter" }
);

text_enum!(
    /// The format asked for: one app's, or `auto` (the default, as the first variant), which
    /// reads the header.
    FormatChoice {
        Auto => "auto", Strong => "strong", Hevy => "hevy", FitNotes => "fitnotes", Spotter => "spotter"
    }
);

/// The formats Spotter reads, as a refusal names them.
pub const FORMATS_READ: &str = "Strong, Hevy, FitNotes, and Spotter's own JSON export";

/// The app that wrote an export, told by its header (every Strong and Hevy variant of
/// `shared/fixtures/FORMATS.md`); `Err` names the formats read and the header seen.
pub fn detect(bytes: &[u8]) -> Result<Format, LineError> {
    if spotter::looks_like_json(bytes) {
        return Ok(Format::Spotter);
    }
    let table = table::Table::open(bytes)?;
    if <strong::Columns as ExportColumns>::from_header(&table.header).is_ok() {
        return Ok(Format::Strong);
    }
    if <hevy::Columns as ExportColumns>::from_header(&table.header).is_ok() {
        return Ok(Format::Hevy);
    }
    if <fitnotes::Columns as ExportColumns>::from_header(&table.header).is_ok() {
        return Ok(Format::FitNotes);
    }
    let mut seen = table.header.join(", ");
    if seen.chars().count() > 200 {
        seen = seen.chars().take(200).collect::<String>() + "…";
    }
    Err(LineError::new(
        table.header_line,
        format!("this is not an export Spotter reads ({FORMATS_READ}); its header is: {seen}"),
    ))
}

impl From<Format> for FormatChoice {
    fn from(format: Format) -> Self {
        match format {
            Format::Strong => FormatChoice::Strong,
            Format::Hevy => FormatChoice::Hevy,
            Format::FitNotes => FormatChoice::FitNotes,
            Format::Spotter => FormatChoice::Spotter,
        }
    }
}

impl FormatChoice {
    /// The format to read `bytes` as.
    pub fn resolve(self, bytes: &[u8]) -> Result<Format, LineError> {
        match self {
            FormatChoice::Auto => detect(bytes),
            FormatChoice::Strong => Ok(Format::Strong),
            FormatChoice::Hevy => Ok(Format::Hevy),
            FormatChoice::FitNotes => Ok(Format::FitNotes),
            FormatChoice::Spotter => Ok(Format::Spotter),
        }
    }
}

/// What the file itself does not say. Old Strong exports have bare "Weight" and "Distance"
/// columns in whatever units the app was set to; they are read in these units.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ParseOptions {
    pub assumed_units: Units,
}

/// Everything read from one file: the workouts from its good rows, one error per bad line (its
/// set cannot be read), and one warning per line imported with something dropped or corrected
/// (a workout duration of 105 hours).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ParsedImport {
    pub workouts: Vec<ParsedWorkout>,
    pub errors: Vec<LineError>,
    pub warnings: Vec<LineError>,
}

/// One workout, in file order. Times are local wall-clock times without a zone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParsedWorkout {
    /// Stable key for idempotent re-import: `strong:2021-02-10T16:46:13:0123456789abcdef`.
    pub source_ref: String,
    pub name: Option<String>,
    pub started_at: NaiveDateTime,
    pub ended_at: Option<NaiveDateTime>,
    pub duration_s: Option<u32>,
    pub notes: Option<String>,
    pub sets: Vec<ParsedSet>,
}

/// One set. A zero in a measurement cell means "not recorded" (exports write `0` for the
/// distance of a bench press), so zeros become `None` like empty cells do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ParsedSet {
    /// As written in the file; matching it to the catalog is the server's job.
    pub exercise_name: String,
    /// 0-based, per exercise within the workout, in file order (rest-timer rows not counted).
    pub set_index: u32,
    pub set_type: SetType,
    pub reps: Option<u32>,
    pub weight_kg: Option<f64>,
    pub distance_m: Option<f64>,
    pub duration_s: Option<u32>,
    pub rpe: Option<f32>,
    pub notes: Option<String>,
}

/// A bad line: `line` is the 1-based physical line where the row starts (the header is line 1).
/// Serialises as the `{line, message}` of a 422's `details`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LineError {
    pub line: usize,
    pub message: String,
}

impl LineError {
    pub fn new(line: usize, message: impl Into<String>) -> Self {
        LineError {
            line,
            message: message.into(),
        }
    }
}

/// Lines that share one message ("52 lines: workout duration 105h 45m ignored"), as a preview
/// shows many of them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LineGroup {
    pub message: String,
    /// How many lines say it.
    pub count: usize,
    /// The first [`GROUP_LINES`] of them.
    pub lines: Vec<usize>,
}

/// Line numbers listed per group.
pub const GROUP_LINES: usize = 20;

/// `lines` grouped by message, in the order each message first appears.
pub fn grouped(lines: &[LineError]) -> Vec<LineGroup> {
    let mut groups: Vec<LineGroup> = Vec::new();
    let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for l in lines {
        let i = *index.entry(l.message.as_str()).or_insert_with(|| {
            groups.push(LineGroup {
                message: l.message.clone(),
                count: 0,
                lines: Vec::new(),
            });
            groups.len() - 1
        });
        let group = &mut groups[i];
        group.count += 1;
        if group.lines.len() < GROUP_LINES {
            group.lines.push(l.line);
        }
    }
    groups
}

/// What a dry run shows before anything is written (duplicates need the database; the server
/// adds them).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ImportSummary {
    pub workouts: usize,
    pub sets: usize,
    /// Local date of the earliest and latest workout start.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Every exercise name as written in the file, once each, sorted case-insensitively.
    pub exercise_names: Vec<String>,
}

impl ParsedImport {
    fn rejected(error: LineError) -> Self {
        ParsedImport {
            workouts: Vec::new(),
            errors: vec![error],
            warnings: Vec::new(),
        }
    }

    pub fn sets(&self) -> impl Iterator<Item = &ParsedSet> {
        self.workouts.iter().flat_map(|w| w.sets.iter())
    }

    pub fn summary(&self) -> ImportSummary {
        let starts = self.workouts.iter().map(|w| w.started_at.date());
        let names: BTreeSet<(String, &str)> = self
            .sets()
            .map(|s| (s.exercise_name.to_lowercase(), s.exercise_name.as_str()))
            .collect();
        ImportSummary {
            workouts: self.workouts.len(),
            sets: self.sets().count(),
            from: starts.clone().min(),
            to: starts.max(),
            exercise_names: names.into_iter().map(|(_, name)| name.to_owned()).collect(),
        }
    }
}

/// Parses a whole export, reading unit-less weights and distances as metric.
pub fn parse(format: Format, bytes: &[u8]) -> ParsedImport {
    parse_with(format, bytes, ParseOptions::default())
}

/// Parses a whole export. Never panics on user input; problems end up in `errors`.
pub fn parse_with(format: Format, bytes: &[u8], options: ParseOptions) -> ParsedImport {
    match format {
        Format::Strong => read_rows::<strong::Columns>(format, bytes, options),
        Format::Hevy => read_rows::<hevy::Columns>(format, bytes, options),
        Format::FitNotes => read_rows::<fitnotes::Columns>(format, bytes, options),
        // Not rows of sets: `spotter::read` restores it.
        Format::Spotter => ParsedImport::rejected(LineError::new(
            1,
            "a Spotter export is restored with spotter::read, not parsed as CSV",
        )),
    }
}

/// One data row, read: the workout it belongs to and the set it records.
struct ParsedRow {
    workout: workouts::WorkoutHead,
    set: ParsedSet,
    /// What was dropped or corrected on this row, which is still imported.
    warnings: Vec<String>,
}

/// A vendor's columns, found in the header, and how to read one row with them.
trait ExportColumns: Sized {
    /// `Err` says which columns were expected.
    fn from_header(header: &[String]) -> Result<Self, String>;
    /// How to mend a row with one field too many, if this vendor's exports have such rows.
    fn repair(&self) -> Option<table::Repair> {
        None
    }
    /// `Ok(None)`: a row that is not a set (Strong's rest timers). `Err`: every problem found.
    fn read_row(
        &self,
        row: &table::Row,
        options: ParseOptions,
    ) -> Result<Option<ParsedRow>, Vec<String>>;
}

fn read_rows<C: ExportColumns>(
    format: Format,
    bytes: &[u8],
    options: ParseOptions,
) -> ParsedImport {
    let mut table = match table::Table::open(bytes) {
        Ok(table) => table,
        Err(error) => return ParsedImport::rejected(error),
    };
    let columns = match C::from_header(&table.header) {
        Ok(columns) => columns,
        Err(message) => return ParsedImport::rejected(LineError::new(table.header_line, message)),
    };
    table.repair = columns.repair();
    let mut builder = workouts::Builder::default();
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    while let Some(row) = table.next_row() {
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        match columns.read_row(&row, options) {
            Ok(Some(parsed)) => {
                warnings.extend(
                    parsed
                        .warnings
                        .into_iter()
                        .map(|w| LineError::new(row.line, w)),
                );
                builder.add(parsed.workout, parsed.set);
            }
            Ok(None) => {}
            Err(problems) => errors.push(LineError::new(row.line, problems.join("; "))),
        }
    }
    ParsedImport {
        workouts: builder.finish(format),
        errors,
        warnings,
    }
}
