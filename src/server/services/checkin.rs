//! The Monday check-in (`domain::checkin`): once a week, in the user's time zone, the coach
//! opens a conversation about the week that ended, with the numbers from the log and a chart
//! of weekly volume over 8 weeks. [`Checkins::due`] sends it when it is due and the weekly-report switch
//! is on; [`Checkins::send`] sends it now (`spotter checkin --now`). With a model configured, the
//! model writes a sentence or two above the numbers (`domain::checkin::opening`). A week is claimed in
//! `weekly_checkins` before anything is written, so two instances never both send it.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use super::coach_plan::Planner;
use super::log::start_of_day;
use crate::domain::catalog::catalog;
use crate::domain::chart::ChartSpec;
use crate::domain::chat::conversation::{MessageStatus, Role};
use crate::domain::chat::tools::{Names, ToolName};
use crate::domain::checkin::opening::{self, with_opening};
use crate::domain::checkin::{NextUp, WeekFacts, WeekRecord, due_week, text, title};
use crate::domain::progress_charts::{Frame, volume_over};
use crate::domain::progression::balance::Level;
use crate::server::db::messages::{self, NewMessage};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, checkins, conversations, on_db, records, training_profile};
use crate::server::llm::{
    CoachContext, LlmMessage, LlmProvider, LlmRequest, ToolCall, Usage, estimate_tokens,
};
use crate::server::sandbox::Sandbox;
use crate::server::services::chat::send::{ChatError, Limits};

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

/// What [`Checkins::send`] did.
#[derive(Clone, Debug, PartialEq)]
pub enum Sent {
    /// A new conversation holds the check-in.
    New(Id),
    /// This week's check-in was sent already (here or by another instance).
    Already,
}

/// Who sends check-ins: the database and sandbox, and the configured model that writes each
/// one's opening (none with the offline coach: the template speaks alone).
#[derive(Clone, Copy)]
pub struct Checkins<'a> {
    pub db: &'a Db,
    pub sandbox: &'a Sandbox,
    pub model: Option<&'a dyn LlmProvider>,
    /// The user's coach limits, which the model's opening counts against.
    pub limits: Limits,
}

/// The longest a model may take to write an opening before the check-in goes without one.
pub const MODEL_WAIT: std::time::Duration = std::time::Duration::from_secs(90);

impl<'a> Checkins<'a> {
    /// The server's: its model when one is configured (`LLM_BASE_URL`).
    pub fn of(state: &'a crate::server::AppState) -> Self {
        Checkins {
            db: &state.db,
            sandbox: &state.sandbox,
            model: state
                .config
                .llm
                .base_url
                .is_some()
                .then_some(state.llm.as_ref()),
            limits: Limits::of(&state.config),
        }
    }

    /// Sends the check-in about `week` (its Monday) now, unless it was sent already.
    pub async fn send(&self, user: &User, week: NaiveDate) -> Result<Sent, sqlx::Error> {
        if !checkins::claim(self.db, &user.id, week).await? {
            return Ok(Sent::Already);
        }
        match self.write(user, week).await {
            Ok(conversation) => {
                checkins::sent(self.db, &user.id, week, &conversation).await?;
                Ok(Sent::New(conversation))
            }
            Err(e) => {
                checkins::release(self.db, &user.id, week).await?;
                Err(e)
            }
        }
    }

    async fn write(&self, user: &User, week: NaiveDate) -> Result<Id, sqlx::Error> {
        let db = self.db;
        let facts = facts(db, user, week).await?;
        let conversation =
            conversations::create(db, &user.id, Some(&title(week, user.language))).await?;
        // The chart, as the coach draws one: a step that calls create_chart, and its result;
        // none when nothing was lifted in those weeks (an empty chart says nothing).
        let chart_from = start_of_day(user, week - Duration::weeks(CHART_WEEKS - 1));
        let (lifted, _) = totals(
            db,
            user,
            chart_from,
            start_of_day(user, week + Duration::weeks(1)),
        )
        .await?;
        if lifted > 0 {
            chart(db, self.sandbox, user, &conversation.id, week).await?;
        }
        let written = self.opening(user, &facts).await?;
        let (opening, model, usage, estimated) = match written {
            Some(w) => (w.opening, w.model, Some(w.usage), w.estimated),
            None => (None, MODEL.to_owned(), None, false),
        };
        messages::insert(
            db,
            &user.id,
            &conversation.id,
            &NewMessage {
                role: Role::Assistant,
                content: with_opening(opening.as_deref(), text(&facts, user.language, user.units)),
                status: MessageStatus::Complete,
                model: Some(model),
                prompt_tokens: usage.map(|u| u.prompt_tokens),
                completion_tokens: usage.map(|u| u.completion_tokens),
                tokens_estimated: estimated,
                ..NewMessage::default()
            },
        )
        .await?;
        Ok(conversation.id)
    }

    /// Asks the model for the opening, when there is one and the user's limits allow it. A
    /// model that fails, is slow, or answers with numbers leaves the check-in to the template
    /// (logged); the tokens it used are still counted.
    async fn opening(
        &self,
        user: &User,
        facts: &WeekFacts,
    ) -> Result<Option<Written>, sqlx::Error> {
        let Some(model) = self.model else {
            return Ok(None);
        };
        match self.limits.check(self.db, user).await {
            Ok(()) => {}
            Err(ChatError::Db(e)) => return Err(e),
            Err(e) => {
                tracing::info!(user_id = %user.id, reason = %e, "check-in written without the model");
                return Ok(None);
            }
        }
        let request = LlmRequest {
            system: opening::prompt(user.language),
            messages: vec![LlmMessage {
                role: Role::User,
                content: opening::request(facts, user.language, user.units),
                tool_calls: Vec::new(),
                tool_call_id: None,
            }],
            tools: std::sync::Arc::from([]),
            context: CoachContext {
                language: user.language,
                units: user.units,
                today: facts.week + Duration::weeks(1),
                dialect: self.sandbox.dialect(),
                notices: Default::default(),
            },
        };
        // Nobody reads the pieces as they come; the whole answer is judged at the end.
        let (sink, _pieces) = tokio::sync::mpsc::unbounded_channel();
        let reply = match tokio::time::timeout(MODEL_WAIT, model.complete(&request, sink)).await {
            Ok(Ok(reply)) => reply,
            Ok(Err(e)) => {
                tracing::warn!(user_id = %user.id, error = %e, "check-in opening: the model failed");
                return Ok(None);
            }
            Err(_) => {
                tracing::warn!(user_id = %user.id, "check-in opening: the model took too long");
                return Ok(None);
            }
        };
        let opening = opening::opening(&reply.content, user.language)
            .inspect_err(|why| {
                tracing::info!(user_id = %user.id, ?why, answer = %reply.content, "check-in opening dropped");
            })
            .ok();
        // Counted against the daily budget like any reply: as the server said, else estimated.
        let usage = reply.usage.unwrap_or(Usage {
            prompt_tokens: request.estimated_tokens(),
            completion_tokens: estimate_tokens(&reply.content),
        });
        Ok(Some(Written {
            model: if opening.is_some() {
                reply.model
            } else {
                MODEL.to_owned()
            },
            opening,
            usage,
            estimated: reply.usage.is_none(),
        }))
    }

    /// Sends this week's check-in when it is due for the user (Monday from 07:00 in their
    /// zone, for the week before, if their account is older than that week's end) and their
    /// weekly-report switch is on.
    pub async fn due(&self, user: &User, now: DateTime<Utc>) -> Result<Option<Sent>, sqlx::Error> {
        // The day first (no query for it): the scheduler asks for every account every 10
        // minutes.
        let local = now.with_timezone(&user.zone()).naive_local();
        let Some(week) = due_week(local) else {
            return Ok(None);
        };
        // Not about a week that ended before the account existed.
        if start_of_day(user, week + Duration::weeks(1)) <= user.created_at
            || !training_profile::get(self.db, &user.id)
                .await?
                .weekly_reports
        {
            return Ok(None);
        }
        self.send(user, week).await.map(Some)
    }
}

/// What the model gave for a check-in: its opening if kept, whose words they are, the tokens.
struct Written {
    opening: Option<String>,
    model: String,
    usage: Usage,
    estimated: bool,
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
            match Checkins::of(&state).due(user, Utc::now()).await {
                Ok(Some(Sent::New(conversation))) => {
                    tracing::info!(user_id = %user.id, %conversation, "weekly check-in sent");
                }
                Ok(_) => {}
                Err(e) => tracing::warn!(user_id = %user.id, error = %e, "weekly check-in failed"),
            }
        }
    }
}
