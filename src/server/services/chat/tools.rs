//! Runs the coach's tool calls for one user through the same services as REST and the pages,
//! and answers each with the JSON of its result type (`domain::chat::tools`). A call the model
//! got wrong (unknown tool, arguments that do not parse) answers `{"error": "…"}` in words the
//! model can act on; only a database failure is an error.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use utoipa::PartialSchema;

use crate::domain::chart::ChartSpec;
use crate::domain::chat::facts::{
    FactSource, MAX_FACTS, RememberArgs, RememberResult, validate_fact,
};
use crate::domain::chat::session_tools::SuggestArgs;
use crate::domain::chat::tools::{
    AddPlanArgs, CompletePlanArgs, DeleteGoalArgs, LogArgs, LogResult, LoggedExercise, Names,
    NoArgs, PlanChangeResult, PlanFact, PlanListResult, QueryArgs, RecordFact, RecordsArgs,
    RecordsResult, SetGoalArgs, StatsArgs, StatsResult, ToolName,
};
use crate::domain::pagination::PageRequest;
use crate::domain::plan::{PlanInput, Status};
use crate::domain::training::WorkoutSource;
use crate::domain::workout::WorkoutInput;
use crate::server::charts::{self, ChartFailure};
use crate::server::db::Id;
use crate::server::db::plan::PlanItem;
use crate::server::db::users::User;
use crate::server::db::{Db, aliases, exercises, facts, plan, records, training_profile};
use crate::server::llm::{ToolCall, ToolSpec};
use crate::server::sandbox::{Sandbox, SandboxError};
use crate::server::services::chat::goal_tools::{delete_goal, goal_facts, set_goal};
use crate::server::services::chat::plan_tools;
use crate::server::services::chat::training_facts;
use crate::server::services::log::resolve_exercise;
use crate::server::services::log::{self, LogError, LoggedWorkout};
use crate::server::services::log_text::{self, TextLogError};
use crate::server::services::plan::{PlanError, create_item, update_item};
use crate::server::services::stats::{stats, today};

/// Every tool, with its arguments' JSON schema generated from the Rust type.
pub fn specs() -> std::sync::Arc<[ToolSpec]> {
    // Generated once: the schemas never change while the process runs.
    static SPECS: std::sync::LazyLock<std::sync::Arc<[ToolSpec]>> =
        std::sync::LazyLock::new(|| {
            ToolName::ALL
                .iter()
                .map(|&name| ToolSpec {
                    name: name.as_str(),
                    description: name.description(),
                    parameters: schema_of(name),
                })
                .collect()
        });
    SPECS.clone()
}

fn schema_of(name: ToolName) -> Value {
    let schema = match name {
        ToolName::GetStats => StatsArgs::schema(),
        ToolName::GetRecords => RecordsArgs::schema(),
        ToolName::ListGoals | ToolName::ListPlanItems => NoArgs::schema(),
        ToolName::SetGoal => SetGoalArgs::schema(),
        ToolName::DeleteGoal => DeleteGoalArgs::schema(),
        ToolName::AddPlanItem => AddPlanArgs::schema(),
        ToolName::CompletePlanItem => CompletePlanArgs::schema(),
        ToolName::Remember => RememberArgs::schema(),
        ToolName::QueryWorkouts => QueryArgs::schema(),
        ToolName::CreateChart => ChartSpec::schema(),
        ToolName::LogWorkout => LogArgs::schema(),
        ToolName::SuggestSession => SuggestArgs::schema(),
        ToolName::TrainingBalance => NoArgs::schema(),
    };
    serde_json::to_value(schema).unwrap_or_else(|_| json!({"type": "object"}))
}

/// What one call answered.
pub struct Answer {
    /// The result as JSON (or `{"error": …}` for the model to act on).
    pub json: Value,
    /// The SQL it ran (`query_workouts`), stored as the tool message's `query_executed`.
    pub query: Option<String>,
}

/// Runs one call of the reply step `step` (a chart belongs to the step that asked for it);
/// `said` is the user's message the reply answers (a workout a model logs from structured
/// sets is checked against it).
pub async fn answer(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    step: &Id,
    said: Option<&str>,
    call: &ToolCall,
) -> Result<Answer, sqlx::Error> {
    let Ok(name) = call.name.parse::<ToolName>() else {
        let json = error(format!(
            "There is no tool called `{}`. The tools are: {}.",
            call.name,
            ToolName::ALL
                .iter()
                .map(|t| t.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
        return Ok(Answer { json, query: None });
    };
    let mut query = None;
    let json = match name {
        ToolName::GetStats => with_args(call, |a: StatsArgs| get_stats(db, user, a)).await,
        ToolName::GetRecords => with_args(call, |a: RecordsArgs| get_records(db, user, a)).await,
        ToolName::ListGoals => with_args(call, |_: NoArgs| goal_facts(db, user)).await,
        ToolName::SetGoal => with_args(call, |a: SetGoalArgs| set_goal(db, user, a)).await,
        ToolName::DeleteGoal => with_args(call, |a: DeleteGoalArgs| delete_goal(db, user, a)).await,
        ToolName::ListPlanItems => with_args(call, |_: NoArgs| list_plan(db, user)).await,
        ToolName::AddPlanItem => with_args(call, |a: AddPlanArgs| add_plan(db, user, a)).await,
        ToolName::CompletePlanItem => {
            with_args(call, |a: CompletePlanArgs| complete_plan(db, user, a)).await
        }
        ToolName::Remember => with_args(call, |a: RememberArgs| remember(db, user, a)).await,
        ToolName::LogWorkout => with_args(call, |a: LogArgs| log_workout(db, user, said, a)).await,
        ToolName::SuggestSession => {
            with_args(call, |a: SuggestArgs| {
                plan_tools::suggest_session(db, user, a)
            })
            .await
        }
        ToolName::TrainingBalance => {
            with_args(call, |_: NoArgs| plan_tools::training_balance(db, user)).await
        }
        ToolName::QueryWorkouts => {
            with_args(call, |a: QueryArgs| {
                query = Some(a.sql.clone());
                query_workouts(sandbox, user, a)
            })
            .await
        }
        ToolName::CreateChart => {
            with_args(call, |spec: ChartSpec| {
                query = Some(spec.sql.clone());
                create_chart(db, sandbox, user, step, spec)
            })
            .await
        }
    }?;
    Ok(Answer { json, query })
}

/// `log_workout`: the words (or exercises) logged through the same service as the form, or
/// the question to ask (an unknown exercise with suggestions, a missing amount).
async fn log_workout(
    db: &Db,
    user: &User,
    said: Option<&str>,
    args: LogArgs,
) -> Result<LogResult, sqlx::Error> {
    // An answer to "did you mean …?": their words become theirs for that exercise first.
    let mut learned = None;
    if let Some(learn) = &args.learn
        && let Ok(row) = resolve_exercise(db, &user.id, &learn.meant).await?
    {
        aliases::learn(db, &user.id, &learn.said, &row.id).await?;
        learned = Some(learn.clone());
    }
    let input = match (&args.text, args.exercises.is_empty()) {
        (Some(text), true) => match log_text::read_text(db, user, text).await {
            Ok(read) => read.input,
            Err(TextLogError::HowMany(exercises)) => return Ok(LogResult::HowMany { exercises }),
            Err(TextLogError::Unsure(unsure)) => {
                return Ok(LogResult::Unsure {
                    doubts: unsure.doubts,
                    understood: unsure.parts,
                });
            }
            Err(TextLogError::Log(LogError::Db(e))) => return Err(e),
            Err(_) => return Ok(LogResult::Nothing),
        },
        (_, false) => {
            // A model's numbers must be the user's: one the words do not say is asked about.
            if let Some(said) = said
                && let Some(unsure) = log_text::check_against_words(user, said, &args.exercises)
            {
                return Ok(LogResult::Unsure {
                    doubts: unsure.doubts,
                    understood: unsure.parts,
                });
            }
            WorkoutInput {
                name: args
                    .name
                    .map(|n| n.trim().chars().take(100).collect::<String>())
                    .filter(|n| !n.is_empty()),
                exercises: args.exercises,
                ..WorkoutInput::default()
            }
        }
        (None, true) => return Ok(LogResult::Nothing),
    };
    match log::log_workout(db, user, &input, WorkoutSource::Chat).await {
        Ok(logged) => {
            let mut result = logged_result(user, &logged);
            if let LogResult::Logged { learned: slot, .. } = &mut result {
                *slot = learned;
            }
            Ok(result)
        }
        Err(LogError::Db(e)) => Err(e),
        Err(LogError::UnknownExercises(unknown)) => {
            let first = unknown.into_iter().next();
            Ok(LogResult::UnknownExercise {
                query: first.as_ref().map(|u| u.query.clone()).unwrap_or_default(),
                suggestions: first
                    .map(|u| u.suggestions)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| Names {
                        en: c.name_en,
                        he: c.name_he,
                    })
                    .collect(),
            })
        }
        Err(LogError::Invalid(errors)) => Ok(LogResult::Invalid {
            message: errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("; "),
        }),
    }
}

fn logged_result(user: &User, logged: &LoggedWorkout) -> LogResult {
    let tz = user.zone();
    let sets = &logged.detail.sets;
    let mut exercises: Vec<LoggedExercise> = Vec::new();
    for s in sets {
        let names = Names {
            en: s.exercise_name_en.clone(),
            he: s.exercise_name_he.clone(),
        };
        match exercises.iter_mut().find(|e| e.exercise == names) {
            Some(e) => e.sets += 1,
            None => exercises.push(LoggedExercise {
                exercise: names,
                sets: 1,
            }),
        }
    }
    let name_of = |id: &Id| {
        sets.iter().find(|s| &s.exercise_id == id).map(|s| Names {
            en: s.exercise_name_en.clone(),
            he: s.exercise_name_he.clone(),
        })
    };
    LogResult::Logged {
        learned: None,
        workout_id: logged.detail.workout.id.to_string(),
        exercises,
        points: logged.detail.workout.points,
        new_records: logged
            .new_records
            .iter()
            .filter_map(|r| {
                Some(RecordFact {
                    exercise: name_of(&r.exercise_id)?,
                    record_type: r.record_type,
                    value: r.value,
                    on: r.achieved_at.with_timezone(&tz).date_naive(),
                })
            })
            .collect(),
        new_achievements: logged
            .new_achievements
            .iter()
            .map(|a| Names {
                en: a.name_en.to_owned(),
                he: a.name_he.to_owned(),
            })
            .collect(),
    }
}

/// `create_chart`: the chart made and stored, or what to fix.
async fn create_chart(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    step: &Id,
    spec: ChartSpec,
) -> Result<Value, sqlx::Error> {
    match charts::create(db, sandbox, &user.id, step, &spec).await {
        Ok(made) => Ok(serde_json::to_value(made).unwrap_or(Value::Null)),
        Err(ChartFailure::Database(e)) => Err(e),
        Err(failure) => Ok(error(failure.to_string())),
    }
}

/// `query_workouts`: the sandbox's answer, or its refusal as an error the model can fix.
async fn query_workouts(
    sandbox: &Sandbox,
    user: &User,
    args: QueryArgs,
) -> Result<Value, sqlx::Error> {
    match sandbox.query(&user.id, &args.sql).await {
        Ok(result) => Ok(serde_json::to_value(result).unwrap_or(Value::Null)),
        Err(SandboxError::Database(e)) => Err(e),
        Err(refused) => Ok(error(refused.to_string())),
    }
}

fn error(message: String) -> Value {
    json!({ "error": message })
}

async fn with_args<A, R, F>(call: &ToolCall, run: impl FnOnce(A) -> F) -> Result<Value, sqlx::Error>
where
    A: DeserializeOwned,
    R: Serialize,
    F: std::future::Future<Output = Result<R, sqlx::Error>>,
{
    let text = if call.arguments.trim().is_empty() {
        "{}"
    } else {
        &call.arguments
    };
    match serde_json::from_str::<A>(text) {
        Ok(args) => Ok(serde_json::to_value(run(args).await?).unwrap_or(Value::Null)),
        Err(e) => Ok(error(format!(
            "The arguments of `{}` could not be read ({e}). Send a JSON object that matches its schema.",
            call.name
        ))),
    }
}

async fn get_stats(db: &Db, user: &User, args: StatsArgs) -> Result<StatsResult, sqlx::Error> {
    let s = stats(db, user, args.period).await?;
    let start = args.period.start(today(user));
    let previous_workouts = match start {
        Some(start) => training_facts::previous_workouts(db, user, args.period, start).await?,
        None => None,
    };
    let most_trained = training_facts::most_trained(db, user, start).await?;
    let (active_goals, pending_plan_items) = training_facts::open_counts(db, user).await?;
    Ok(StatsResult {
        period: s.period,
        workouts: s.workouts,
        sets: s.sets,
        volume_kg: s.volume_kg,
        points: s.points,
        current_streak_days: s.current_streak_days,
        longest_streak_days: s.longest_streak_days,
        level: s.level,
        points_to_next_level: s.points_to_next_level,
        favourite_exercise: s.favourite_exercise.map(|e| Names {
            en: e.name_en,
            he: e.name_he,
        }),
        previous_workouts,
        most_trained,
        active_goals,
        pending_plan_items,
    })
}

async fn get_records(
    db: &Db,
    user: &User,
    args: RecordsArgs,
) -> Result<RecordsResult, sqlx::Error> {
    let wanted = args
        .exercise
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty());
    let exercise = match wanted {
        None => None,
        // The user's history settles a name several exercises share ("curls").
        Some(name) => match log_text::resolve_words(db, &user.id, name).await? {
            Ok(row) => Some(row),
            Err(candidates) => {
                // The ones this user logs first: those are the ones they can mean.
                let logged = exercises::logged_ids(db, &user.id).await?;
                let mut ranked = Vec::new();
                for c in candidates {
                    let theirs = match exercises::find(db, &user.id, &c.slug).await? {
                        Some(row) => logged.contains(&row.id.to_string()),
                        None => false,
                    };
                    ranked.push((
                        !theirs,
                        Names {
                            en: c.name_en,
                            he: c.name_he,
                        },
                    ));
                }
                ranked.sort_by_key(|(not_theirs, _)| *not_theirs);
                return Ok(RecordsResult {
                    exercise: None,
                    unknown_exercise: Some(name.to_owned()),
                    records: Vec::new(),
                    suggestions: ranked.into_iter().take(3).map(|(_, n)| n).collect(),
                    last_done: None,
                    workouts: 0,
                });
            }
        },
    };
    let tz = user.zone();
    let rows = records::list(db, &user.id, exercise.as_ref().map(|e| &e.id)).await?;
    let (last_done, workouts) = match &exercise {
        Some(e) => training_facts::last_done(db, user, &e.id).await?,
        None => (None, 0),
    };
    Ok(RecordsResult {
        last_done,
        workouts,
        suggestions: Vec::new(),
        exercise: exercise.map(|e| Names {
            en: e.name_en,
            he: e.name_he,
        }),
        unknown_exercise: None,
        records: rows
            .into_iter()
            .map(|r| RecordFact {
                exercise: Names {
                    en: r.exercise_name_en,
                    he: r.exercise_name_he,
                },
                record_type: r.record_type,
                value: r.value,
                on: r.achieved_at.with_timezone(&tz).date_naive(),
            })
            .collect(),
    })
}

fn plan_fact(item: &PlanItem, user: &User) -> PlanFact {
    PlanFact {
        title: item.title.clone(),
        due: item
            .due_at
            .map(|d| d.with_timezone(&user.zone()).naive_local()),
        all_day: item.all_day,
        done: item.status == Status::Done,
    }
}

/// Pending items the coach sees at once.
const PLAN_ITEMS: u32 = 20;

async fn list_plan(db: &Db, user: &User) -> Result<PlanListResult, sqlx::Error> {
    let page = PageRequest {
        page: Some(1),
        per_page: Some(PLAN_ITEMS),
    }
    .normalized();
    let (items, total) = plan::list(db, &user.id, Some(Status::Pending), page).await?;
    Ok(PlanListResult {
        items: items.iter().map(|i| plan_fact(i, user)).collect(),
        total,
    })
}

async fn add_plan(
    db: &Db,
    user: &User,
    args: AddPlanArgs,
) -> Result<PlanChangeResult, sqlx::Error> {
    let input = PlanInput {
        title: Some(args.title),
        due: args.due.filter(|d| !d.trim().is_empty()),
        ..PlanInput::default()
    };
    match create_item(db, user, &input).await {
        Ok(item) => Ok(PlanChangeResult::Added {
            item: plan_fact(&item, user),
        }),
        Err(PlanError::Invalid(errors)) => {
            let first = errors.into_iter().next();
            Ok(PlanChangeResult::Refused {
                field: first.as_ref().map(|e| e.field.clone()).unwrap_or_default(),
                message: first.map(|e| e.message).unwrap_or_default(),
            })
        }
        Err(PlanError::Db(e)) => Err(e),
    }
}

async fn complete_plan(
    db: &Db,
    user: &User,
    args: CompletePlanArgs,
) -> Result<PlanChangeResult, sqlx::Error> {
    let page = PageRequest {
        page: Some(1),
        per_page: Some(100),
    }
    .normalized();
    let (pending, _) = plan::list(db, &user.id, Some(Status::Pending), page).await?;
    let Some(item) = best_title(&pending, &args.title) else {
        return Ok(PlanChangeResult::NotFound { title: args.title });
    };
    let input = PlanInput {
        status: Some(Status::Done),
        ..PlanInput::default()
    };
    match update_item(db, user, &item.id, &input).await {
        Ok(Some(done)) => Ok(PlanChangeResult::Completed {
            item: plan_fact(&done, user),
        }),
        Ok(None) => Ok(PlanChangeResult::NotFound { title: args.title }),
        Err(PlanError::Invalid(_)) => Ok(PlanChangeResult::NotFound { title: args.title }),
        Err(PlanError::Db(e)) => Err(e),
    }
}

/// The pending item whose title is the one the user meant ([`crate::domain::plan_title`]).
fn best_title<'a>(items: &'a [PlanItem], asked: &str) -> Option<&'a PlanItem> {
    let titles: Vec<&str> = items.iter().map(|i| i.title.as_str()).collect();
    crate::domain::plan_title::best_title(&titles, asked).map(|i| &items[i])
}

async fn remember(db: &Db, user: &User, args: RememberArgs) -> Result<RememberResult, sqlx::Error> {
    let text = match validate_fact(&args.text) {
        Ok(text) => text,
        Err(e) => return Ok(RememberResult::Refused { message: e.message }),
    };
    if facts::count(db, &user.id).await? >= MAX_FACTS as i64 {
        return Ok(RememberResult::Refused {
            message: format!(
                "the coach already keeps {MAX_FACTS} facts; delete some in Settings first"
            ),
        });
    }
    let fact = facts::create(db, &user.id, args.kind, &text, FactSource::Chat, None).await?;
    // The typed profile learns from the same words: an injury, a level, an exercise.
    let profile = training_profile::get(db, &user.id).await?;
    if let Some(learned) = crate::domain::profile::learn(&profile, fact.kind, &fact.text) {
        training_profile::set(db, &user.id, &learned).await?;
    }
    Ok(RememberResult::Remembered {
        kind: fact.kind,
        text: fact.text,
    })
}
