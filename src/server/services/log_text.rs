//! Workouts logged in plain words (`POST /api/v1/log`, the /log words box, the coach): the
//! message is read by `domain::nl_log`, each name is resolved for this user (the whole name,
//! else the longest part of it that names one exercise once words no exercise uses are
//! dropped — "hit a 180 kg squat single" — else the one exercise of the candidates they have
//! logged before), a lone number is settled by what the exercise is measured by ("50
//! push-ups" are reps, "bench 80" is asked), and the result goes through the same logging as
//! a form (`services::log`). Whatever the parser is not sure of is asked, with what was
//! understood: nothing is stored on a guess.

use chrono::Duration;
use serde::Serialize;

use crate::domain::account::{Language, Units};
use crate::domain::catalog::{Candidate, Muscle, catalog, match_exercise};
use crate::domain::chat::tools::{Names, UnderstoodExercise};
use crate::domain::nl_log::{self, About, Doubt, Entry, ParsedLog};
use crate::domain::progress_charts::muscle_label;
use crate::domain::set_lines::lines;
use crate::domain::training::{MeasuredBy, WorkoutSource};
use crate::domain::workout::{ExerciseInput, WeightUnit, WorkoutInput, validate_workout};
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, now};
use crate::server::services::log::{
    self, LogError, LoggedWorkout, WorkoutPreview, resolve_exercise,
};

/// Why a message logged nothing.
#[derive(Debug, thiserror::Error)]
pub enum TextLogError {
    /// No exercise with an amount in it.
    #[error("I couldn't find an exercise with sets, reps, a weight, a distance or a time in that")]
    Nothing,
    /// Exercises named without an amount ("did squats"): how many?
    #[error("how many? Say the sets and reps (or the distance or time) of {}", .0.join(", "))]
    HowMany(Vec<String>),
    /// Something in the words could not be read for sure: the questions, and what was
    /// understood.
    #[error("{}", .0.questions.join(" "))]
    Unsure(Box<Unsure>),
    #[error(transparent)]
    Log(#[from] LogError),
}

/// What a message said that could not be read for sure.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Unsure {
    /// The questions to answer, in the user's language.
    pub questions: Vec<String>,
    /// Each doubt: its kind, the exercise as written and the numbers concerned.
    #[schema(value_type = Vec<Object>)]
    pub doubts: Vec<Doubt>,
    /// What was understood, exercise by exercise, as lines in the user's units.
    pub understood: Vec<Understood>,
    /// The same, with the sets in canonical units (the coach words its own answer).
    #[serde(skip)]
    pub parts: Vec<UnderstoodExercise>,
}

/// One exercise of an unsure message, as far as it was understood.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Understood {
    /// As written.
    pub exercise: String,
    /// The exercise it resolved to, in the user's language, when it did.
    pub name: Option<String>,
    pub lines: Vec<String>,
}

/// What a message logged (or would log, with `dry_run`).
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum TextLogged {
    Saved(Box<LoggedWorkout>),
    Preview(WorkoutPreview),
}

fn unit_of(units: Units) -> WeightUnit {
    match units {
        Units::Metric => WeightUnit::Kg,
        Units::Imperial => WeightUnit::Lb,
    }
}

/// Candidates this close share the words of the name ("curl" and "Hammer Curl (Dumbbell)"):
/// the user's history may choose among them.
const TIE_CONFIDENCE: f32 = 0.45;

/// The words no exercise's name uses, which may be dropped from around a name ("hit",
/// "felt", "anyway", "today's").
fn droppable(word: &str) -> bool {
    !catalog().knows_word(word)
}

/// What `name` (as written in a message) is for this user; `Err` carries the candidates to
/// ask about.
pub async fn resolve_words(
    db: &Db,
    user_id: &Id,
    name: &str,
) -> Result<Result<ExerciseRow, Vec<Candidate>>, sqlx::Error> {
    let whole = resolve_exercise(db, user_id, name).await?;
    let candidates = match whole {
        Ok(row) => return Ok(Ok(row)),
        Err(candidates) => candidates,
    };
    // Gym shorthand: "db bench", "bb row", "kb swings".
    let expanded: String = name
        .split_whitespace()
        .map(|w| match w {
            "db" | "dbs" => "dumbbell",
            "bb" => "barbell",
            "kb" | "kbs" => "kettlebell",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ");
    if expanded != name
        && let Ok(row) = resolve_exercise(db, user_id, &expanded).await?
    {
        return Ok(Ok(row));
    }
    let name = expanded.as_str();
    // The longest run of words that names one exercise, when every word left out is one no
    // exercise uses.
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 1 && words.len() <= 8 {
        for len in (1..words.len()).rev() {
            let mut found: Option<ExerciseRow> = None;
            let mut clash = false;
            for start in 0..=words.len() - len {
                let outside = words[..start].iter().chain(&words[start + len..]);
                if !outside.clone().all(|w| droppable(w)) {
                    continue;
                }
                if let Ok(row) =
                    resolve_exercise(db, user_id, &words[start..start + len].join(" ")).await?
                {
                    match &found {
                        Some(f) if f.id != row.id => clash = true,
                        Some(_) => {}
                        None => found = Some(row),
                    }
                }
            }
            if let (Some(row), false) = (found, clash) {
                return Ok(Ok(row));
            }
            if clash {
                break;
            }
        }
    }
    // The user's history breaks a tie: of the candidates that share the words, the one they
    // have logged.
    let logged = exercises::logged_ids(db, user_id).await?;
    Ok(
        match history_pick(db, user_id, &logged, name, |_| true).await? {
            Some(row) => Ok(row),
            None => Err(candidates),
        },
    )
}

/// Of the catalog and custom exercises close to `name` that pass `fits`, the one `user_id` has
/// logged (`logged`: their exercise ids), when exactly one is.
async fn history_pick(
    db: &Db,
    user_id: &Id,
    logged: &[String],
    name: &str,
    fits: impl Fn(&ExerciseRow) -> bool,
) -> Result<Option<ExerciseRow>, sqlx::Error> {
    let custom = exercises::custom_match_targets(&exercises::all_for_user(db, user_id).await?);
    let wide = match_exercise(name, custom.iter().chain(catalog().match_targets()), 60);
    let mut likely: Vec<&str> = wide
        .iter()
        .filter(|c| c.confidence >= TIE_CONFIDENCE)
        .map(|c| c.slug.as_str())
        .collect();
    // A muscle said for its exercise ("biceps 3x12", "יד קדמית 3 על 12"): the exercises
    // that work it first.
    likely.extend(
        catalog()
            .exercises()
            .iter()
            .filter(|x| {
                x.primary_muscles
                    .first()
                    .is_some_and(|m| names_muscle(name, *m))
            })
            .map(|x| x.slug.as_str()),
    );
    let mut theirs = Vec::new();
    for slug in likely {
        if let Some(row) = exercises::find(db, user_id, slug).await?
            && fits(&row)
            && logged.contains(&row.id.to_string())
            && !theirs.iter().any(|t: &ExerciseRow| t.id == row.id)
        {
            theirs.push(row);
        }
    }
    Ok((theirs.len() == 1).then(|| theirs.remove(0)))
}

/// Whether `name` is what people call `muscle` ("biceps", "bis", "יד קדמית").
fn names_muscle(name: &str, muscle: Muscle) -> bool {
    let name = name.trim().to_lowercase();
    let extra: &[&str] = match muscle {
        Muscle::Biceps => &["bicep", "bis", "בייספס", "ביספס"],
        Muscle::Triceps => &["tricep", "tris", "טרייספס", "טריספס"],
        Muscle::Calves => &["calf", "תאומים", "שוקיים"],
        _ => &[],
    };
    [Language::En, Language::He]
        .iter()
        .any(|l| muscle_label(muscle, *l).to_lowercase() == name)
        || extra.contains(&name.as_str())
}

const fn is_cardio(measured_by: MeasuredBy) -> bool {
    matches!(measured_by, MeasuredBy::DistanceTime | MeasuredBy::Time)
}

/// A message read for `user`: the workout to log, the names as written (by exercise, in
/// order), or why it cannot be logged as it is.
pub struct ReadText {
    pub input: WorkoutInput,
    pub written: Vec<String>,
}

/// Reads `text` into the workout it describes, with every name resolved for `user` (an
/// unclear name is left as written, and logging it answers with suggestions).
pub async fn read_text(db: &Db, user: &User, text: &str) -> Result<ReadText, TextLogError> {
    let ParsedLog {
        entries,
        days_ago,
        mut doubts,
    } = nl_log::parse(text, unit_of(user.units));
    let mut resolved: Vec<(Entry, Option<ExerciseRow>)> = Vec::new();
    let logged = if entries.is_empty() {
        Vec::new()
    } else {
        exercises::logged_ids(db, &user.id)
            .await
            .map_err(LogError::Db)?
    };
    for e in entries {
        let row = if e.exercise.is_empty() {
            None
        } else {
            let row = resolve_words(db, &user.id, &e.exercise)
                .await
                .map_err(LogError::Db)?
                .ok();
            // Reps and a weight on a name that also names a cardio machine ("חתירה 4 על 8 עם
            // 60", "row 3x10 @ 50"): the lift of that name this user logs, if there is one.
            match row {
                Some(r)
                    if is_cardio(r.measured_by)
                        && e.sets
                            .iter()
                            .any(|s| s.reps.is_some() && s.weight.is_some()) =>
                {
                    history_pick(db, &user.id, &logged, &e.exercise, |x| {
                        !is_cardio(x.measured_by)
                    })
                    .await
                    .map_err(LogError::Db)?
                    .or(Some(r))
                }
                // A name the catalog knows, for an exercise this user never logged, while
                // they log exactly one other of that name ("calf raises" for someone who only
                // does seated ones): theirs.
                Some(r) => {
                    if logged.contains(&r.id.to_string()) {
                        Some(r)
                    } else {
                        let kind = is_cardio(r.measured_by);
                        history_pick(db, &user.id, &logged, &e.exercise, |x| {
                            is_cardio(x.measured_by) == kind
                        })
                        .await
                        .map_err(LogError::Db)?
                        .or(Some(r))
                    }
                }
                None => None,
            }
        };
        resolved.push((e, row));
    }
    // An exercise named without an amount is asked about; other words without one ("felt
    // strong") are a remark.
    let vague: Vec<String> = resolved
        .iter()
        .filter(|(e, row)| e.sets.is_empty() && row.is_some())
        .map(|(e, _)| e.exercise.clone())
        .collect();
    resolved.retain(|(e, _)| {
        !e.sets.is_empty()
            || doubts
                .iter()
                .any(|d| d.exercise.as_deref() == Some(&e.exercise))
            || e.exercise.is_empty()
    });
    // A lone number: reps of an exercise counted in reps, a question for the others.
    for (e, row) in &resolved {
        if e.bare_reps {
            let counted_in_reps = match row {
                Some(r) => r.measured_by == MeasuredBy::Reps,
                // An unknown name gets its own question; its number is asked with it.
                None => false,
            };
            if !counted_in_reps {
                let value = e.sets.first().and_then(|s| s.reps).unwrap_or_default() as f64;
                doubts.push(Doubt {
                    exercise: Some(e.exercise.clone()),
                    about: match row.as_ref().map(|r| r.measured_by) {
                        Some(MeasuredBy::RepsWeight) | None => About::WeightOrReps { value },
                        _ => About::Number { value },
                    },
                });
            }
        }
    }
    // Numbers that do not fit what the exercise is measured by: reps on a run, 100 reps and
    // no weight on a bench press ("squat 10x100").
    for (e, row) in &resolved {
        let Some(row) = row else { continue };
        let said = |d: &Doubt| d.exercise.as_deref() == Some(e.exercise.as_str());
        if doubts.iter().any(said) {
            continue;
        }
        let cardio = is_cardio(row.measured_by);
        if let Some(s) = e
            .sets
            .iter()
            .find(|s| cardio && (s.reps.is_some() || s.weight.is_some()))
        {
            doubts.push(Doubt {
                exercise: Some(e.exercise.clone()),
                about: About::Mismatch {
                    value: s.weight.or(s.reps.map(|r| r as f64)).unwrap_or_default(),
                },
            });
        } else if let Some(s) = e.sets.iter().find(|s| {
            row.measured_by == MeasuredBy::RepsWeight
                && s.weight.is_none()
                && s.reps.is_some_and(|r| r >= 40)
        }) {
            doubts.push(Doubt {
                exercise: Some(e.exercise.clone()),
                about: About::WeightOrReps {
                    value: s.reps.unwrap_or_default() as f64,
                },
            });
        }
    }
    if !doubts.is_empty() {
        return Err(TextLogError::Unsure(Box::new(unsure(
            user, &resolved, doubts,
        ))));
    }
    if resolved.iter().all(|(e, _)| e.sets.is_empty()) {
        return Err(if vague.is_empty() {
            TextLogError::Nothing
        } else {
            TextLogError::HowMany(vague)
        });
    }
    if !vague.is_empty() {
        return Err(TextLogError::HowMany(vague));
    }
    let written = resolved.iter().map(|(e, _)| e.exercise.clone()).collect();
    Ok(ReadText {
        input: WorkoutInput {
            name: None,
            started_at: (days_ago > 0).then(|| now() - Duration::days(i64::from(days_ago))),
            notes: None,
            exercises: resolved
                .into_iter()
                .map(|(e, row)| ExerciseInput {
                    exercise: row.map(|r| r.id.to_string()).unwrap_or(e.exercise),
                    sets: e.sets,
                })
                .collect(),
        },
        written,
    })
}

/// The questions and what was understood.
fn unsure(user: &User, resolved: &[(Entry, Option<ExerciseRow>)], doubts: Vec<Doubt>) -> Unsure {
    let language = user.language;
    let mut parts = Vec::new();
    let understood = resolved
        .iter()
        .map(|(e, row)| {
            let valid = validate_workout(
                &WorkoutInput {
                    exercises: vec![ExerciseInput {
                        exercise: e.exercise.clone(),
                        sets: e.sets.clone(),
                    }],
                    ..WorkoutInput::default()
                },
                now(),
            );
            let sets = valid
                .ok()
                .and_then(|w| w.exercises.into_iter().next())
                .map(|x| x.sets)
                .unwrap_or_default();
            parts.push(UnderstoodExercise {
                said: e.exercise.clone(),
                exercise: row.as_ref().map(|r| Names {
                    en: r.name_en.clone(),
                    he: r.name_he.clone(),
                }),
                sets: sets.clone(),
            });
            Understood {
                exercise: e.exercise.clone(),
                name: row
                    .as_ref()
                    .map(|r| language.pick(&r.name_en, &r.name_he).clone()),
                lines: lines(&sets, user.units, language),
            }
        })
        .collect();
    Unsure {
        questions: doubts.iter().map(|d| d.question(language)).collect(),
        doubts,
        understood,
        parts,
    }
}

/// Every number in the user's words, read the ways a model could have used it: as written,
/// as reps, kilograms (from pounds too), metres (from km and miles) and seconds (from minutes
/// and hours), and whatever the parser itself read.
fn said_values(user: &User, said: &str) -> Vec<f64> {
    let mut values = Vec::new();
    let parsed = nl_log::parse(said, unit_of(user.units));
    for e in &parsed.entries {
        for s in &e.sets {
            values.extend(s.reps.map(|r| r as f64));
            if let Some(w) = s.weight {
                values.push(w);
                values.push(match s.unit {
                    Some(WeightUnit::Lb) => crate::domain::training::lb_to_kg(w),
                    _ => w,
                });
            }
            values.extend(s.distance_m);
            values.extend(s.duration_s.map(|d| d as f64));
            values.extend(s.rpe);
        }
    }
    let mut number = String::new();
    for c in said.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || (c == '.' && !number.is_empty()) {
            number.push(c);
        } else if c == ',' && !number.is_empty() && !number.contains('.') {
            number.push('.');
        } else {
            if let Ok(n) = number.trim_end_matches('.').parse::<f64>() {
                for f in [1.0, 60.0, 3600.0, 1000.0, 1609.344] {
                    values.push(n * f);
                }
                values.push(crate::domain::training::lb_to_kg(n));
            }
            number.clear();
        }
    }
    values
}

/// A model's structured sets checked against the user's words: any number the words do not
/// say becomes a question ("100 kg" in the call, "80 kg" in the message), `None` when all
/// agree.
pub fn check_against_words(user: &User, said: &str, exercises: &[ExerciseInput]) -> Option<Unsure> {
    let values = said_values(user, said);
    let found = |v: f64| {
        values
            .iter()
            .any(|s| (s - v).abs() <= 0.05 + v.abs() * 0.002)
    };
    let mut doubts = Vec::new();
    for e in exercises {
        for s in &e.sets {
            let weight = s.weight_kg.or(s.weight.map(|w| match s.unit {
                Some(WeightUnit::Lb) => crate::domain::training::lb_to_kg(w),
                _ => w,
            }));
            let checks = [
                ("reps", s.reps.map(|r| r as f64)),
                ("kg", weight),
                ("m", s.distance_m),
                ("s", s.duration_s.map(|d| d as f64)),
                ("RPE", s.rpe),
            ];
            for (field, value) in checks {
                if let Some(v) = value
                    && !found(v)
                    && !(field == "kg" && s.weight.is_some_and(found))
                {
                    let doubt = Doubt {
                        exercise: Some(e.exercise.clone()),
                        about: About::NotSaid {
                            value: if field == "kg" {
                                s.weight.unwrap_or(v)
                            } else {
                                v
                            },
                            field: field.to_owned(),
                        },
                    };
                    if !doubts.contains(&doubt) {
                        doubts.push(doubt);
                    }
                }
            }
        }
    }
    if doubts.is_empty() {
        return None;
    }
    let language = user.language;
    let parts: Vec<UnderstoodExercise> = exercises
        .iter()
        .map(|e| UnderstoodExercise {
            said: e.exercise.clone(),
            exercise: None,
            sets: validate_workout(
                &WorkoutInput {
                    exercises: vec![e.clone()],
                    ..WorkoutInput::default()
                },
                now(),
            )
            .ok()
            .and_then(|w| w.exercises.into_iter().next())
            .map(|x| x.sets)
            .unwrap_or_default(),
        })
        .collect();
    Some(Unsure {
        questions: doubts.iter().map(|d| d.question(language)).collect(),
        doubts,
        understood: parts
            .iter()
            .map(|p| Understood {
                exercise: p.said.clone(),
                name: None,
                lines: lines(&p.sets, user.units, language),
            })
            .collect(),
        parts,
    })
}

/// Reads and logs `text` (or previews it, with `dry_run`).
pub async fn log_text(
    db: &Db,
    user: &User,
    text: &str,
    dry_run: bool,
) -> Result<TextLogged, TextLogError> {
    let ReadText { input, written } = read_text(db, user, text).await?;
    Ok(if dry_run {
        let mut preview = log::preview_workout(db, user, &input).await?;
        for (e, said) in preview.exercises.iter_mut().zip(written) {
            e.query = said;
        }
        TextLogged::Preview(preview)
    } else {
        TextLogged::Saved(Box::new(
            log::log_workout(db, user, &input, WorkoutSource::Chat).await?,
        ))
    })
}
