//! Reading a Spotter account export (the JSON of `GET /me/export`) back for a restore: its
//! workouts and sets, custom exercises, goals, plan items and exercise words, validated as
//! the API validates them. Pure: bytes in, values out.
//!
//! What ties the file together is kept as references the server resolves: a set's exercise is
//! either one of the file's custom exercises (by the id it had there) or a catalog lift (by
//! slug; catalog ids differ between instances). Times are UTC instants already, truncated to
//! the microseconds both engines store. Everything derived (points, records, achievements)
//! is left out: the server recomputes it. Conversations, charts and coach facts are not
//! restored.
//!
//! A bad set, goal or plan item is a [`LineError`] whose `line` is the position (1-based) of
//! its workout, goal or plan item in the file's list, and whose message names the list.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use serde::Deserialize;

use super::LineError;
use crate::domain::custom_exercise::{CustomExerciseInput, ValidCustomExercise, validate_custom};
use crate::domain::goals::{GoalType, Timeframe, validate_target};
use crate::domain::plan::{MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS, Priority, Status};
use crate::domain::training::{ExerciseKind, MeasuredBy, SetType, WorkoutSource};
use crate::domain::workout::{
    MAX_DURATION_S, MAX_NAME_CHARS, MAX_NOTES_CHARS, SetInput, ValidSet, validate_set,
};

/// Whether `bytes` look like a JSON document rather than a CSV export.
pub fn looks_like_json(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|b| *b == b'{')
}

/// Which exercise a set, goal or word names.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum ExerciseRef {
    /// One of the file's custom exercises, by its id in the file.
    Custom(String),
    /// A catalog lift, by slug.
    Catalog(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredExercise {
    /// Its id in the file (sets point at it).
    pub file_id: String,
    pub exercise: ValidCustomExercise,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredSet {
    pub exercise: ExerciseRef,
    pub set_index: u32,
    pub set: ValidSet,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredWorkout {
    pub source: WorkoutSource,
    pub source_ref: Option<String>,
    pub name: Option<String>,
    pub started_at: DateTime<Utc>,
    pub ended_at: Option<DateTime<Utc>>,
    pub duration_s: Option<i64>,
    pub notes: Option<String>,
    pub sets: Vec<RestoredSet>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredGoal {
    pub goal_type: GoalType,
    pub exercise: Option<ExerciseRef>,
    pub target_value: f64,
    pub unit: Option<String>,
    pub timeframe: Timeframe,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub is_active: bool,
    pub completed_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredPlanItem {
    pub title: String,
    pub description: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub all_day: bool,
    pub priority: Priority,
    pub status: Status,
    pub ai_generated: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RestoredAlias {
    pub alias: String,
    pub exercise: ExerciseRef,
}

/// What a restore would write, plus the problems found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Restore {
    pub workouts: Vec<RestoredWorkout>,
    pub custom_exercises: Vec<RestoredExercise>,
    pub goals: Vec<RestoredGoal>,
    pub plan_items: Vec<RestoredPlanItem>,
    pub aliases: Vec<RestoredAlias>,
    /// A workout with a bad set is left out whole (its line is the workout's position).
    pub errors: Vec<LineError>,
    /// Kept, with something dropped (a workout duration longer than a day).
    pub warnings: Vec<LineError>,
}

impl Restore {
    pub fn sets(&self) -> usize {
        self.workouts.iter().map(|w| w.sets.len()).sum()
    }
}

// The file as `GET /me/export` writes it; fields the restore does not need are ignored.

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    workouts: Vec<FileWorkout>,
    #[serde(default)]
    custom_exercises: Vec<FileExercise>,
    #[serde(default)]
    goals: Vec<FileGoal>,
    #[serde(default)]
    plan_items: Vec<FilePlanItem>,
    #[serde(default)]
    exercise_aliases: Vec<FileAlias>,
}

#[derive(Deserialize)]
struct FileWorkout {
    name: Option<String>,
    started_at: DateTime<Utc>,
    ended_at: Option<DateTime<Utc>>,
    duration_s: Option<i64>,
    notes: Option<String>,
    source: WorkoutSource,
    #[serde(default)]
    source_ref: Option<String>,
    #[serde(default)]
    sets: Vec<FileSet>,
}

#[derive(Deserialize)]
struct FileSet {
    exercise_id: String,
    exercise_slug: String,
    set_index: i64,
    #[serde(default)]
    set_type: SetType,
    reps: Option<i64>,
    weight_kg: Option<f64>,
    distance_m: Option<f64>,
    duration_s: Option<i64>,
    rpe: Option<f64>,
    notes: Option<String>,
}

#[derive(Deserialize)]
struct FileExercise {
    id: String,
    #[serde(default)]
    slug: Option<String>,
    name_en: String,
    name_he: Option<String>,
    kind: Option<ExerciseKind>,
    measured_by: Option<MeasuredBy>,
}

#[derive(Deserialize)]
struct FileGoal {
    goal_type: GoalType,
    exercise_id: Option<String>,
    #[serde(default)]
    exercise_slug: Option<String>,
    target_value: f64,
    unit: Option<String>,
    timeframe: Timeframe,
    start_date: NaiveDate,
    end_date: Option<NaiveDate>,
    #[serde(default = "yes")]
    is_active: bool,
    completed_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct FilePlanItem {
    title: String,
    description: Option<String>,
    due_at: Option<DateTime<Utc>>,
    #[serde(default)]
    all_day: bool,
    #[serde(default)]
    priority: Priority,
    #[serde(default)]
    status: Status,
    #[serde(default)]
    ai_generated: bool,
    created_at: DateTime<Utc>,
    updated_at: Option<DateTime<Utc>>,
}

#[derive(Deserialize)]
struct FileAlias {
    alias: String,
    exercise_slug: String,
}

fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    t.trunc_subsecs(6)
}

/// Trimmed text, `None` when empty; `Err` when longer than `max` characters.
fn text(raw: Option<String>, max: usize, what: &str) -> Result<Option<String>, String> {
    let Some(t) = raw.map(|t| t.trim().to_owned()).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.chars().count() > max {
        return Err(format!("{what} is longer than {max} characters"));
    }
    Ok(Some(t))
}

/// Reads an export. `Err`: the bytes are not a Spotter export at all (not JSON, or a JSON
/// document of another shape), with serde's line of the problem.
pub fn read(bytes: &[u8]) -> Result<Restore, LineError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let file: File = serde_json::from_slice(bytes).map_err(|e| {
        LineError::new(
            e.line().max(1),
            format!("this is not a Spotter export (the JSON of GET /api/v1/me/export): {e}"),
        )
    })?;
    Ok(validate(file))
}

fn validate(file: File) -> Restore {
    let mut out = Restore::default();
    let mut custom_ids: HashSet<String> = HashSet::new();
    let mut custom_slugs: HashMap<String, String> = HashMap::new();
    for (i, e) in file.custom_exercises.into_iter().enumerate() {
        let input = CustomExerciseInput {
            name: e.name_en,
            name_he: e.name_he,
            kind: e.kind,
            measured_by: e.measured_by,
        };
        match validate_custom(&input) {
            Ok(exercise) => {
                custom_ids.insert(e.id.clone());
                if let Some(slug) = e.slug {
                    custom_slugs.insert(slug, e.id.clone());
                }
                out.custom_exercises.push(RestoredExercise {
                    file_id: e.id,
                    exercise,
                });
            }
            Err(errors) => out.errors.push(LineError::new(
                i + 1,
                format!(
                    "custom exercise {}: {}",
                    i + 1,
                    errors
                        .iter()
                        .map(|f| format!("{}: {}", f.field, f.message))
                        .collect::<Vec<_>>()
                        .join("; ")
                ),
            )),
        }
    }
    let exercise_ref = |id: &str, slug: &str| {
        if custom_ids.contains(id) {
            ExerciseRef::Custom(id.to_owned())
        } else {
            ExerciseRef::Catalog(slug.to_owned())
        }
    };
    // The slug each exercise id of the file has, for goals written before goals carried one.
    let mut slug_of: HashMap<String, String> = HashMap::new();

    for (i, w) in file.workouts.into_iter().enumerate() {
        let line = i + 1;
        let label = format!(
            "workout {line} ({})",
            w.started_at.format("%Y-%m-%d %H:%M UTC")
        );
        let mut problems: Vec<String> = Vec::new();
        let name = text(w.name, MAX_NAME_CHARS, "the name").unwrap_or_else(|m| {
            problems.push(m);
            None
        });
        let notes = text(w.notes, MAX_NOTES_CHARS, "the notes").unwrap_or_else(|m| {
            problems.push(m);
            None
        });
        let mut sets = Vec::with_capacity(w.sets.len());
        for (j, s) in w.sets.into_iter().enumerate() {
            slug_of.insert(s.exercise_id.clone(), s.exercise_slug.clone());
            let input = SetInput {
                reps: s.reps,
                weight_kg: s.weight_kg,
                weight: None,
                unit: None,
                distance_m: s.distance_m,
                duration_s: s.duration_s,
                rpe: s.rpe,
                set_type: Some(s.set_type),
                notes: s.notes,
            };
            let mut errors = Vec::new();
            let valid = validate_set(&input, &format!("sets[{j}]"), &mut errors);
            problems.extend(errors.iter().map(|f| format!("{}: {}", f.field, f.message)));
            let Some(set) = valid else { continue };
            let Ok(set_index) = u32::try_from(s.set_index) else {
                problems.push(format!("sets[{j}].set_index: must be zero or more"));
                continue;
            };
            sets.push(RestoredSet {
                exercise: exercise_ref(&s.exercise_id, &s.exercise_slug),
                set_index,
                set,
            });
        }
        if !problems.is_empty() {
            out.errors.push(LineError::new(
                line,
                format!("{label}: {}", problems.join("; ")),
            ));
            continue;
        }
        let duration_s = match w.duration_s {
            Some(d) if !(0..=MAX_DURATION_S).contains(&d) => {
                out.warnings.push(LineError::new(
                    line,
                    format!("{label}: workout duration of {d} s ignored"),
                ));
                None
            }
            d => d,
        };
        out.workouts.push(RestoredWorkout {
            source: w.source,
            source_ref: w.source_ref.filter(|r| !r.trim().is_empty()),
            name,
            started_at: micros(w.started_at),
            ended_at: w.ended_at.map(micros),
            duration_s,
            notes,
            sets,
        });
    }

    for (i, g) in file.goals.into_iter().enumerate() {
        let line = i + 1;
        let mut problems: Vec<String> = validate_target(
            g.goal_type,
            g.target_value,
            g.timeframe,
            g.start_date,
            g.end_date,
        )
        .iter()
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect();
        let exercise = match g.exercise_id {
            None => None,
            Some(id) => match g.exercise_slug.or_else(|| slug_of.get(&id).cloned()) {
                Some(slug) => Some(exercise_ref(&id, &slug)),
                None if custom_ids.contains(&id) => Some(ExerciseRef::Custom(id)),
                None => {
                    problems.push("its exercise is not named in the export".into());
                    None
                }
            },
        };
        if !problems.is_empty() {
            out.errors.push(LineError::new(
                line,
                format!("goal {line}: {}", problems.join("; ")),
            ));
            continue;
        }
        out.goals.push(RestoredGoal {
            goal_type: g.goal_type,
            exercise,
            target_value: g.target_value,
            unit: g.unit,
            timeframe: g.timeframe,
            start_date: g.start_date,
            end_date: g.end_date,
            is_active: g.is_active,
            completed_at: g.completed_at.map(micros),
            created_at: micros(g.created_at),
        });
    }

    for (i, p) in file.plan_items.into_iter().enumerate() {
        let line = i + 1;
        let title = text(Some(p.title), MAX_TITLE_CHARS, "the title");
        let description = text(p.description, MAX_DESCRIPTION_CHARS, "the description");
        match (title, description) {
            (Ok(Some(title)), Ok(description)) => out.plan_items.push(RestoredPlanItem {
                title,
                description,
                due_at: p.due_at.map(micros),
                all_day: p.all_day,
                priority: p.priority,
                status: p.status,
                ai_generated: p.ai_generated,
                created_at: micros(p.created_at),
                updated_at: micros(p.updated_at.unwrap_or(p.created_at)),
            }),
            (title, description) => {
                let problem = match (title, description) {
                    (Err(m), _) | (_, Err(m)) => m,
                    _ => "the title is empty".to_owned(),
                };
                out.errors
                    .push(LineError::new(line, format!("plan item {line}: {problem}")));
            }
        }
    }

    for a in file.exercise_aliases {
        let alias = a.alias.trim().to_owned();
        if alias.is_empty() || alias.chars().count() > 100 {
            continue;
        }
        let exercise = match custom_slugs.get(&a.exercise_slug) {
            Some(id) => ExerciseRef::Custom(id.clone()),
            None => ExerciseRef::Catalog(a.exercise_slug),
        };
        out.aliases.push(RestoredAlias { alias, exercise });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::import::{Format, detect};

    const FILE: &str = r#"{
      "exported_at": "2026-11-30T10:00:00Z",
      "custom_exercises": [{"id": "c1", "slug": "custom-zercher", "name_en": "Zercher squat", "name_he": "צרכר", "kind": "strength", "measured_by": "reps_weight"}],
      "workouts": [{
        "id": "w1", "name": "Legs", "kind": "strength", "started_at": "2026-03-02T07:30:00.123456789Z",
        "ended_at": null, "duration_s": 100000, "points": 50, "notes": "  ", "source": "import:strong",
        "source_ref": "strong:x", "set_count": 2,
        "sets": [
          {"id": "s1", "exercise_id": "e-squat", "exercise_slug": "back-squat", "set_index": 0, "set_type": "warmup", "reps": 5, "weight_kg": 60.0, "distance_m": null, "duration_s": null, "rpe": null, "notes": null, "points": 3},
          {"id": "s2", "exercise_id": "c1", "exercise_slug": "custom-zercher", "set_index": 0, "reps": 8, "weight_kg": 40.0}
        ]}],
      "goals": [{"id": "g1", "goal_type": "weight", "exercise_id": "e-squat", "target_value": 110, "unit": "kg", "timeframe": "monthly",
                 "start_date": "2026-03-01", "end_date": null, "is_active": false, "completed_at": null, "created_at": "2026-03-01T00:00:00Z"}],
      "plan_items": [{"id": "p1", "title": " Deload ", "description": null, "due_at": null, "all_day": false, "priority": "high",
                      "status": "done", "ai_generated": true, "created_at": "2026-03-01T00:00:00Z", "updated_at": "2026-03-02T00:00:00Z"}],
      "exercise_aliases": [{"alias": "zerch", "exercise_slug": "custom-zercher", "created_at": "2026-03-01T00:00:00Z"},
                           {"alias": "skwoot", "exercise_slug": "back-squat", "created_at": "2026-03-01T00:00:00Z"}]
    }"#;

    #[test]
    fn an_export_is_told_from_a_csv_by_its_first_character() {
        assert_eq!(detect(FILE.as_bytes()), Ok(Format::Spotter));
        assert_eq!(detect(b"\xEF\xBB\xBF\n  {}"), Ok(Format::Spotter));
        assert!(!looks_like_json(b"Date,Workout Name\n"));
        assert!(!looks_like_json(b""));
    }

    #[test]
    fn reads_every_section_with_references_to_resolve() {
        let r = read(FILE.as_bytes()).unwrap();
        assert_eq!(r.errors, []);
        let w = &r.workouts[0];
        assert_eq!(
            (w.source, w.source_ref.as_deref()),
            (WorkoutSource::ImportStrong, Some("strong:x"))
        );
        assert_eq!(
            w.started_at.to_rfc3339(),
            "2026-03-02T07:30:00.123456+00:00",
            "microseconds, as stored"
        );
        assert_eq!((w.duration_s, w.notes.as_deref()), (None, None));
        assert_eq!(
            r.warnings,
            [LineError::new(
                1,
                "workout 1 (2026-03-02 07:30 UTC): workout duration of 100000 s ignored"
            )]
        );
        assert_eq!(
            w.sets[0].exercise,
            ExerciseRef::Catalog("back-squat".into())
        );
        assert_eq!(w.sets[0].set.set_type, SetType::Warmup);
        assert_eq!(w.sets[1].exercise, ExerciseRef::Custom("c1".into()));
        assert_eq!(r.custom_exercises[0].exercise.name_he, "צרכר");
        // A goal names its exercise by the slug its sets carry.
        assert_eq!(
            r.goals[0].exercise,
            Some(ExerciseRef::Catalog("back-squat".into()))
        );
        assert!(!r.goals[0].is_active);
        let p = &r.plan_items[0];
        assert_eq!(
            (p.title.as_str(), p.status, p.priority, p.ai_generated),
            ("Deload", Status::Done, Priority::High, true)
        );
        assert_eq!(r.aliases[0].exercise, ExerciseRef::Custom("c1".into()));
        assert_eq!(
            r.aliases[1].exercise,
            ExerciseRef::Catalog("back-squat".into())
        );
    }

    #[test]
    fn bad_entries_are_listed_by_position_and_left_out() {
        let file = FILE
            .replace("\"reps\": 8", "\"reps\": -1")
            .replace("\"target_value\": 110", "\"target_value\": -5")
            .replace("\" Deload \"", "\"\"");
        let r = read(file.as_bytes()).unwrap();
        assert!(r.workouts.is_empty() && r.goals.is_empty() && r.plan_items.is_empty());
        let messages: Vec<&str> = r.errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(
            messages[0].starts_with(
                "workout 1 (2026-03-02 07:30 UTC): sets[1].reps: Must be between 0 and 1000"
            ),
            "{messages:?}"
        );
        assert!(
            messages[1].starts_with("goal 1: target_value"),
            "{messages:?}"
        );
        assert_eq!(messages[2], "plan item 1: the title is empty");
    }

    #[test]
    fn a_document_of_another_shape_is_not_an_export() {
        let e = read(b"{\n  \"workouts\": 5\n}").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(
            e.message.starts_with("this is not a Spotter export"),
            "{}",
            e.message
        );
        assert!(read(b"{ not json").is_err());
        assert_eq!(read(b"{}").unwrap(), Restore::default());
    }
}
