//! The Monday check-in (`domain::checkin`): once a week, in the user's time zone, the coach
//! opens a conversation about the week that ended, with the numbers from the log and a chart
//! of weekly volume over 8 weeks. [`due`] sends it when it is due and the weekly-report switch
//! is on; [`send`] sends it now (`spotter checkin --now`). A week is claimed in
//! `weekly_checkins` before anything is written, so two instances never both send it.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::coach_plan::Planner;
use super::log::start_of_day;
use crate::domain::catalog::catalog;
use crate::domain::chart::ChartSpec;
use crate::domain::chat::conversation::{MessageStatus, Role};
use crate::domain::chat::tools::{Names, ToolName};
use crate::domain::checkin::{NextUp, WeekFacts, WeekRecord, due_week, text, title};
use crate::domain::progress_charts::{Frame, volume_over};
use crate::domain::progression::balance::Level;
use crate::server::db::messages::{self, NewMessage};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, checkins, conversations, on_db, records, training_profile};
use crate::server::llm::ToolCall;
use crate::server::sandbox::Sandbox;

/// The model name stored on the check-in's messages.
pub const MODEL: &str = "spotter-checkin";
/// Weeks of volume in the check-in's chart.
pub const CHART_WEEKS: i64 = 8;

/// Workouts and volume (working sets) between two instants.
async fn totals(
    db: &Db,
    user: &User,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<(u64, f64), sqlx::Error> {
    let (workouts, volume): (i64, Option<f64>) = on_db!(db, pool => sqlx::query_as(
        "SELECT COUNT(DISTINCT session_id), SUM(CASE WHEN set_type <> 'warmup' THEN weight_kg * reps END) \
         FROM exercise_sets WHERE user_id = $1 AND performed_at >= $2 AND performed_at < $3")
        .bind(&user.id).bind(from).bind(to).fetch_one(pool).await)?;
    Ok((workouts.max(0) as u64, volume.unwrap_or(0.0)))
}

/// The week's numbers, all from the log.
pub async fn facts(db: &Db, user: &User, week: NaiveDate) -> Result<WeekFacts, sqlx::Error> {
    let (from, to) = (
        start_of_day(user, week),
        start_of_day(user, week + Duration::weeks(1)),
    );
    let before = start_of_day(user, week - Duration::weeks(1));
    let (workouts, volume_kg) = totals(db, user, from, to).await?;
    let (workouts_before, volume_kg_before) = totals(db, user, before, from).await?;
    let records = records::list(db, &user.id, None)
        .await?
        .into_iter()
        .filter(|r| r.achieved_at >= from && r.achieved_at < to)
        .map(|r| WeekRecord {
            exercise: Names {
                en: r.exercise_name_en,
                he: r.exercise_name_he,
            },
            record_type: r.record_type,
            value: r.value,
        })
        .collect();
    let stats = super::stats::stats(db, user, crate::domain::scoring::stats::Period::Week).await?;
    let goals = super::goals_page::goals_page(db, user)
        .await?
        .goals
        .into_iter()
        .filter(|g| g.is_active)
        .map(|g| {
            let kind = crate::domain::i18n::goal_type_label(
                crate::domain::i18n::strings(user.language),
                g.goal_type,
            );
            let name = match g.exercise {
                Some(e) => format!("{e}: {kind}"),
                None => kind.to_owned(),
            };
            (name, g.percent)
        })
        .collect();
    let planner = Planner::load(db, user).await?;
    let low_muscles = planner
        .balance()
        .into_iter()
        .filter(|b| b.level == Level::Low)
        .map(|b| b.muscle)
        .collect();
    let next = planner
        .today()
        .exercises
        .into_iter()
        .filter(|p| !p.sets.is_empty())
        .filter_map(|p| {
            let e = catalog().get(&p.slug)?;
            Some(NextUp {
                exercise: Names {
                    en: e.name_en.clone(),
                    he: e.name_he.clone(),
                },
                sets: p.sets,
            })
        })
        .collect();
    Ok(WeekFacts {
        week,
        workouts,
        volume_kg,
        workouts_before,
        volume_kg_before,
        records,
        streak_days: stats.current_streak_days,
        goals,
        low_muscles,
        next,
    })
}

/// What [`send`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent {
    /// A new conversation holds the check-in.
    New(Id),
    /// This week's check-in was sent already (here or by another instance).
    Already,
}

/// Sends the check-in about `week` (its Monday) now, unless it was sent already.
pub async fn send(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    week: NaiveDate,
) -> Result<Sent, sqlx::Error> {
    if !checkins::claim(db, &user.id, week).await? {
        return Ok(Sent::Already);
    }
    match write(db, sandbox, user, week).await {
        Ok(conversation) => {
            checkins::sent(db, &user.id, week, &conversation).await?;
            Ok(Sent::New(conversation))
        }
        Err(e) => {
            checkins::release(db, &user.id, week).await?;
            Err(e)
        }
    }
}

async fn write(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    week: NaiveDate,
) -> Result<Id, sqlx::Error> {
    let facts = facts(db, user, week).await?;
    let conversation =
        conversations::create(db, &user.id, Some(&title(week, user.language))).await?;
    // The chart, as the coach draws one: a step that calls create_chart, and its result; none
    // when nothing was lifted in those weeks (an empty chart says nothing).
    let chart_from = start_of_day(user, week - Duration::weeks(CHART_WEEKS - 1));
    let (lifted, _) = totals(
        db,
        user,
        chart_from,
        start_of_day(user, week + Duration::weeks(1)),
    )
    .await?;
    if lifted > 0 {
        chart(db, sandbox, user, &conversation.id, week).await?;
    }
    messages::insert(
        db,
        &user.id,
        &conversation.id,
        &NewMessage {
            role: Role::Assistant,
            content: text(&facts, user.language, user.units),
            status: MessageStatus::Complete,
            model: Some(MODEL.to_owned()),
            ..NewMessage::default()
        },
    )
    .await?;
    Ok(conversation.id)
}

/// The weekly-volume chart of the check-in, stored as a create_chart step and its result.
async fn chart(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    conversation: &Id,
    week: NaiveDate,
) -> Result<(), sqlx::Error> {
    let frame = Frame {
        dialect: sandbox.dialect(),
        language: user.language,
        units: user.units,
        today: week + Duration::weeks(1),
    };
    // The chart tool finds its columns by the SQL's names; the axes keep their words.
    let spec = ChartSpec {
        x: "week".into(),
        y: vec!["volume".into()],
        ..volume_over(&frame, CHART_WEEKS)
    };
    let call = ToolCall {
        id: format!("call_checkin_{week}"),
        name: ToolName::CreateChart.as_str().to_owned(),
        arguments: serde_json::to_string(&spec).unwrap_or_default(),
    };
    let step = messages::insert(
        db,
        &user.id,
        conversation,
        &NewMessage {
            role: Role::Assistant,
            status: MessageStatus::Complete,
            tool_calls: Some(serde_json::to_string(&[&call]).unwrap_or_default()),
            model: Some(MODEL.to_owned()),
            ..NewMessage::default()
        },
    )
    .await?;
    let answer = super::chat::tools::answer(db, sandbox, user, &step.id, None, &call).await?;
    messages::insert(
        db,
        &user.id,
        conversation,
        &NewMessage {
            role: Role::Tool,
            content: answer.json.to_string(),
            status: MessageStatus::Complete,
            tool_call_id: Some(call.id.clone()),
            query_executed: answer.query,
            ..NewMessage::default()
        },
    )
    .await?;
    Ok(())
}

/// Sends this week's check-in when it is due for the user (Monday from 07:00 in their zone,
/// for the week before, if their account is older than that week's end) and their
/// weekly-report switch is on.
pub async fn due(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    now: DateTime<Utc>,
) -> Result<Option<Sent>, sqlx::Error> {
    // The day first (no query for it): the scheduler asks for every account every 10 minutes.
    let local = now.with_timezone(&user.zone()).naive_local();
    let Some(week) = due_week(local) else {
        return Ok(None);
    };
    // Not about a week that ended before the account existed.
    if start_of_day(user, week + Duration::weeks(1)) <= user.created_at
        || !training_profile::get(db, &user.id).await?.weekly_reports
    {
        return Ok(None);
    }
    send(db, sandbox, user, week).await.map(Some)
}

/// How often the server looks for check-ins that fell due.
pub const EVERY: std::time::Duration = std::time::Duration::from_secs(10 * 60);

/// The server's check-in loop: every [`EVERY`], each account's check-in that is due is sent
/// (once per week across instances: the claim in `weekly_checkins`). Errors are logged and the
/// loop goes on.
pub async fn scheduler(state: crate::server::AppState) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        let users = match crate::server::db::users::all(&state.db).await {
            Ok(users) => users,
            Err(e) => {
                tracing::warn!(error = %e, "check-ins: listing accounts failed");
                continue;
            }
        };
        for user in &users {
            match due(&state.db, &state.sandbox, user, Utc::now()).await {
                Ok(Some(Sent::New(conversation))) => {
                    tracing::info!(user_id = %user.id, %conversation, "weekly check-in sent");
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(user_id = %user.id, error = %e, "weekly check-in failed"),
            }
        }
    }
}
