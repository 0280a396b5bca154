//! Goals: creating one (validated, its exercise resolved by name) and reading goals with their
//! live progress, which is computed from the log each time (from the goal's window on, never
//! the whole log: [`log_since`]). The first completion is recorded when a goal is read, dated
//! when the log first met it ([`met_at`]), not when it was read; a change to the log before a
//! stored completion can move it back ([`recheck`], after every write). Used by the REST
//! routes and the goals page.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::log::resolve_exercise;
use super::stats::{lifetime, log_since, today};
use crate::domain::account::FieldError;
use crate::domain::goals::{
    GoalInput, GoalPatch, GoalSpec, Progress, met_at, progress, validate_target, window,
};
use crate::server::db::goals::{self, GoalRow, NewGoal};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, now};

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct GoalView {
    #[serde(flatten)]
    pub goal: GoalRow,
    pub progress: Progress,
}

#[derive(Debug, thiserror::Error)]
pub enum GoalError {
    #[error("invalid goal")]
    Invalid(Vec<FieldError>),
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

pub fn spec(g: &GoalRow) -> GoalSpec<Id> {
    GoalSpec {
        goal_type: g.goal_type,
        exercise_id: g.exercise_id.clone(),
        target: g.target_value,
        timeframe: g.timeframe,
        start_date: g.start_date,
        end_date: g.end_date,
    }
}

/// Progress of each goal, recording first completions: a goal the log has met (in any of its
/// windows so far) gets `completed_at`, the moment it was met. Now stands in when the log
/// cannot say, which is when a streak was already long enough on the start date
/// ([`met_at`]).
pub async fn views(db: &Db, user: &User, rows: Vec<GoalRow>) -> Result<Vec<GoalView>, sqlx::Error> {
    lifetime(db, user).await?; // the aggregates, current
    settle(db, user, rows, false).await
}

/// After a change to the log at `after` (or anywhere, when `None`): goals completed later
/// than that are met again from the log, and a completion the log now dates earlier (older
/// workouts logged) is moved back. Dates never move forward.
pub async fn recheck(
    db: &Db,
    user: &User,
    after: Option<DateTime<Utc>>,
) -> Result<(), sqlx::Error> {
    let rows = goals::completed_after(db, &user.id, after).await?;
    if !rows.is_empty() {
        settle(db, user, rows, true).await?;
    }
    Ok(())
}

/// Whether a goal's completion is (re)computed from the log: when it has none yet, or when
/// `recheck` asks for it.
fn meets_again(goal: &GoalRow, recheck: bool) -> bool {
    recheck || goal.completed_at.is_none()
}

async fn settle(
    db: &Db,
    user: &User,
    rows: Vec<GoalRow>,
    recheck: bool,
) -> Result<Vec<GoalView>, sqlx::Error> {
    let today = today(user);
    // Progress reads the goal's current window; a completion, every window since its start.
    let from = rows
        .iter()
        .map(|g| {
            if meets_again(g, recheck) {
                g.start_date
            } else {
                window(g.timeframe, g.start_date, g.end_date, today)
                    .0
                    .max(g.start_date)
            }
        })
        .min()
        .unwrap_or(today);
    let log = log_since(db, user, from).await?;
    let at = now();
    let mut out = Vec::with_capacity(rows.len());
    for mut goal in rows {
        let s = spec(&goal);
        let p = progress(&s, &log);
        if meets_again(&goal, recheck) {
            let met = met_at(&s, &log)
                .map(|t| t.min(at))
                .or(p.completed.then_some(at));
            if let Some(met) = met
                && goal.completed_at.is_none_or(|stored| met < stored)
            {
                goal.completed_at = goals::mark_completed(db, &user.id, &goal.id, met).await?;
            }
        }
        out.push(GoalView { goal, progress: p });
    }
    Ok(out)
}

/// One goal with its progress, if it is the user's.
pub async fn view(db: &Db, user: &User, id: &Id) -> Result<Option<GoalView>, sqlx::Error> {
    let Some(row) = goals::get(db, &user.id, id).await? else {
        return Ok(None);
    };
    Ok(views(db, user, vec![row]).await?.pop())
}

/// Validates and stores a new goal; every problem is reported at once and nothing is written.
pub async fn create_goal(db: &Db, user: &User, input: &GoalInput) -> Result<GoalView, GoalError> {
    let today = today(user);
    let start = input.start_date.unwrap_or(today);
    let mut errors = validate_target(
        input.goal_type,
        input.target_value,
        input.timeframe,
        start,
        input.end_date,
    );
    let exercise = match input
        .exercise
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        None => None,
        Some(name) => match resolve_exercise(db, &user.id, name).await? {
            Ok(row) => Some(row.id),
            Err(_) => {
                errors.push(FieldError::new(
                    "exercise",
                    "unknown_exercise",
                    format!("No exercise called \"{name}\"."),
                ));
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(GoalError::Invalid(errors));
    }
    let row = goals::create(
        db,
        &user.id,
        NewGoal {
            goal_type: input.goal_type,
            exercise_id: exercise.as_ref(),
            target_value: input.target_value,
            unit: input.goal_type.unit(),
            timeframe: input.timeframe,
            start_date: start,
            end_date: input.end_date,
        },
    )
    .await?;
    views(db, user, vec![row])
        .await?
        .pop()
        .ok_or(sqlx::Error::RowNotFound.into())
}

/// Changes a goal's target or end date, or pauses/resumes it. `None` when it is not the user's.
pub async fn update_goal(
    db: &Db,
    user: &User,
    id: &Id,
    change: &GoalPatch,
) -> Result<Option<GoalView>, GoalError> {
    let Some(current) = goals::get(db, &user.id, id).await? else {
        return Ok(None);
    };
    let s = spec(&current);
    let errors = validate_target(
        s.goal_type,
        change.target_value.unwrap_or(s.target),
        s.timeframe,
        s.start_date,
        change.end_date.or(s.end_date),
    );
    if !errors.is_empty() {
        return Err(GoalError::Invalid(errors));
    }
    let Some(row) = goals::update(
        db,
        &user.id,
        id,
        change.target_value,
        change.end_date,
        change.is_active,
    )
    .await?
    else {
        return Ok(None);
    };
    Ok(views(db, user, vec![row]).await?.pop())
}
