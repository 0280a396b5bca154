//! `set_goal` and `delete_goal`: goals set, changed and deleted from the chat, through the same
//! goal service as `POST /goals` and the goals page. Setting a goal of a kind the user already
//! has (same type, and the same exercise and timeframe when given) changes that goal's target.

use chrono::Duration;

use crate::domain::chat::tools::{
    DeleteGoalArgs, GoalChangeResult, GoalFact, GoalsResult, Names, SetGoalArgs,
};
use crate::domain::goals::{GoalInput, GoalPatch, GoalType, Timeframe};
use crate::server::db::Db;
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::goals::{self, GoalRow};
use crate::server::db::users::User;
use crate::server::services::goals::{GoalError, GoalView, create_goal, update_goal, views};
use crate::server::services::log_text::resolve_words;
use crate::server::services::stats::today;

/// A goal with no end said runs this long.
const DEFAULT_WEEKS: i64 = 12;

/// The user's goals as the coach sees them.
pub async fn goal_facts(db: &Db, user: &User) -> Result<GoalsResult, sqlx::Error> {
    let rows = goals::list(db, &user.id).await?;
    let all = exercises::all_for_user(db, &user.id).await?;
    let goals = views(db, user, rows)
        .await?
        .iter()
        .map(|v| fact(v, &all))
        .collect();
    Ok(GoalsResult { goals })
}

fn fact(v: &GoalView, all: &[ExerciseRow]) -> GoalFact {
    GoalFact {
        goal_type: v.goal.goal_type,
        timeframe: v.goal.timeframe,
        exercise: v.goal.exercise_id.as_ref().and_then(|id| {
            all.iter().find(|e| &e.id == id).map(|e| Names {
                en: e.name_en.clone(),
                he: e.name_he.clone(),
            })
        }),
        current: v.progress.current,
        target: v.progress.target,
        percent: v.progress.percent,
        completed: v.progress.completed,
        is_active: v.goal.is_active,
    }
}

/// The exercise a goal request names, as this user means it (their history settles
/// "curls"): `None` when it names none, `Err` with the words when they fit no one exercise.
async fn named_exercise(
    db: &Db,
    user: &User,
    exercise: Option<&str>,
) -> Result<Option<Result<ExerciseRow, String>>, sqlx::Error> {
    Ok(match exercise.map(str::trim).filter(|e| !e.is_empty()) {
        None => None,
        Some(name) => Some(
            resolve_words(db, &user.id, name)
                .await?
                .map_err(|_| name.to_owned()),
        ),
    })
}

/// The user's goals that fit what was said; an exercise that names nothing fits nothing.
async fn matching(
    db: &Db,
    user: &User,
    goal_type: Option<GoalType>,
    exercise: Option<&Result<ExerciseRow, String>>,
    timeframe: Option<Timeframe>,
) -> Result<Vec<GoalRow>, sqlx::Error> {
    let exercise_id = match exercise {
        None => None,
        Some(Ok(row)) => Some(row.id.clone()),
        Some(Err(_)) => return Ok(Vec::new()),
    };
    Ok(goals::list(db, &user.id)
        .await?
        .into_iter()
        .filter(|g| goal_type.is_none_or(|t| t == g.goal_type))
        .filter(|g| exercise_id.is_none() || g.exercise_id == exercise_id)
        .filter(|g| timeframe.is_none_or(|t| t == g.timeframe))
        .collect())
}

async fn one_fact(db: &Db, user: &User, view: GoalView) -> Result<GoalFact, sqlx::Error> {
    let all = exercises::all_for_user(db, &user.id).await?;
    Ok(fact(&view, &all))
}

fn refused(e: GoalError) -> Result<GoalChangeResult, sqlx::Error> {
    match e {
        GoalError::Db(e) => Err(e),
        GoalError::Invalid(errors) => Ok(GoalChangeResult::Refused {
            message: errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join(" "),
        }),
    }
}

pub async fn set_goal(
    db: &Db,
    user: &User,
    args: SetGoalArgs,
) -> Result<GoalChangeResult, sqlx::Error> {
    let target = if args.in_user_units {
        args.goal_type.target_from_input(args.target, user.units)
    } else {
        args.target
    };
    let named = named_exercise(db, user, args.exercise.as_deref()).await?;
    let same = matching(
        db,
        user,
        Some(args.goal_type),
        named.as_ref(),
        args.timeframe,
    )
    .await?;
    if let [existing] = &same[..] {
        let previous = existing.target_value;
        let patch = GoalPatch {
            target_value: Some(target),
            end_date: args.end_date,
            is_active: Some(true),
        };
        return match update_goal(db, user, &existing.id, &patch).await {
            Ok(Some(view)) => Ok(GoalChangeResult::Changed {
                goal: one_fact(db, user, view).await?,
                previous,
            }),
            Ok(None) => Err(sqlx::Error::RowNotFound),
            Err(e) => refused(e),
        };
    }
    let timeframe = args.timeframe.unwrap_or(match args.goal_type {
        GoalType::Weight | GoalType::Streak => Timeframe::ByDate,
        _ => Timeframe::Weekly,
    });
    let end_date = match timeframe {
        Timeframe::ByDate => Some(
            args.end_date
                .unwrap_or(today(user) + Duration::weeks(DEFAULT_WEEKS)),
        ),
        _ => args.end_date,
    };
    let input = GoalInput {
        goal_type: args.goal_type,
        target_value: target,
        timeframe,
        // The slug of the exercise meant, so the goal service finds the same one (words that
        // fit none come back from it as an error).
        exercise: named.map(|n| n.map_or_else(|words| words, |row| row.slug)),
        start_date: None,
        end_date,
    };
    match create_goal(db, user, &input).await {
        Ok(view) => Ok(GoalChangeResult::Set {
            goal: one_fact(db, user, view).await?,
        }),
        Err(e) => refused(e),
    }
}

pub async fn delete_goal(
    db: &Db,
    user: &User,
    args: DeleteGoalArgs,
) -> Result<GoalChangeResult, sqlx::Error> {
    let named = named_exercise(db, user, args.exercise.as_deref()).await?;
    let found = matching(db, user, args.goal_type, named.as_ref(), args.timeframe).await?;
    match &found[..] {
        [] => Ok(GoalChangeResult::NotFound {
            goals: goal_facts(db, user).await?.goals,
        }),
        [goal] => {
            let view = views(db, user, vec![goal.clone()])
                .await?
                .pop()
                .ok_or(sqlx::Error::RowNotFound)?;
            let fact = one_fact(db, user, view).await?;
            goals::delete(db, &user.id, &goal.id).await?;
            Ok(GoalChangeResult::Deleted { goal: fact })
        }
        several => {
            let views = views(db, user, several.to_vec()).await?;
            let all = exercises::all_for_user(db, &user.id).await?;
            Ok(GoalChangeResult::Several {
                goals: views.iter().map(|v| fact(v, &all)).collect(),
            })
        }
    }
}
