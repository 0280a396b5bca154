//! The agent loop, run as a task of its own so that a reply is finished and stored even when
//! whoever asked has gone (a closed browser, a dropped connection).
//!
//! Each round stores a reply step as `streaming`, asks the provider, stores its text every
//! [`PROGRESS_EVERY`] as it streams (so a page opened meanwhile, on any instance, shows it),
//! and ends the step `complete`, `stopped` or `failed`. Tool calls run between rounds, each
//! result stored as a `tool` message, until the coach answers in words or
//! [`MAX_TOOL_ROUNDS`] is reached. Everything that happens is also sent as a [`ChatEvent`].

use crate::server::sandbox::Sandbox;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio_util::sync::CancellationToken;

use super::events::{ChatEvent, Ending};
use super::live::Running;
use super::pages;
use super::prompt::system_prompt;
use super::tools;
use crate::domain::chat::conversation::{MessageStatus, Role, summarize_earlier};
use crate::domain::chat::notices::Notices;
use crate::domain::chat::session_tools::SuggestResult;
use crate::server::charts::figure;
use crate::server::db::messages::{self, Message, NewMessage};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, facts, training_profile, visualizations};
use crate::server::html_labels::html_labels;
use crate::server::llm::{
    CoachContext, LlmError, LlmMessage, LlmProvider, LlmReply, LlmRequest, estimate_tokens,
};

/// Messages the model reads verbatim.
pub const CONTEXT_MESSAGES: u32 = 50;
/// Rounds of tool calls one reply may make before it is cut off.
pub const MAX_TOOL_ROUNDS: usize = 4;
/// How often a reply's text so far is written to its row while it streams (and at each
/// step's end). Live readers follow the hub, not the row: the row is the durable record, so a
/// reply cut off by a crash keeps its text up to the last write.
pub const PROGRESS_EVERY: Duration = Duration::from_secs(1);

/// Everything a reply task needs, owned.
pub struct ReplyTask {
    pub db: Db,
    /// Where `query_workouts` runs.
    pub sandbox: Sandbox,
    pub llm: Arc<dyn LlmProvider>,
    pub user: User,
    pub question: Message,
    /// The first step, already stored as `streaming` (so a page loaded right after the
    /// question was sent finds the reply it must follow).
    pub first_step: Message,
    /// Its place among the replies being written, with the hub its events go to.
    pub running: Running,
    /// Set when the whole process is shutting down (a stop is a cancel without it).
    pub shutting_down: CancellationToken,
}

impl ReplyTask {
    fn emit(&self, event: ChatEvent) {
        self.running.emit(event);
    }

    /// The reply's last event: its last step and the whole reply as the thread shows it.
    async fn end(&self, stored: &[Message]) -> Result<(), sqlx::Error> {
        let Some(step) = stored.last().cloned() else {
            return Ok(());
        };
        let items = pages::reply_items(&self.db, &self.user, stored).await?;
        let ending = Box::new(Ending { step, items });
        self.emit(if ending.step.status == MessageStatus::Failed {
            ChatEvent::Error(ending)
        } else {
            ChatEvent::Done(ending)
        });
        Ok(())
    }

    async fn store(&self, m: NewMessage) -> Result<Message, sqlx::Error> {
        store_step(&self.db, self.llm.as_ref(), &self.user, &self.question, m).await
    }

    /// Runs the loop; the stored steps, oldest first.
    pub async fn run(self) -> Result<Vec<Message>, sqlx::Error> {
        let mut request = self.request().await?;
        // The words a logged workout's numbers are checked against: the question, and after
        // a suggested session, the coach's own numbers ("log it, 5 kg less").
        let said = match crate::server::llm::answered_before::<SuggestResult>(&request.messages) {
            Some((_, suggestion)) => format!(
                "{}\n{}",
                self.question.content,
                suggestion.vouched(&self.question.content)
            ),
            None => self.question.content.clone(),
        };
        let mut stored = Vec::new();
        let mut next_step = Some(self.first_step.clone());
        let tools = std::mem::replace(&mut request.tools, std::sync::Arc::from([]));
        let mut tools_withdrawn = false;
        let mut round_no = 0;
        while round_no < MAX_TOOL_ROUNDS {
            let step = match next_step.take() {
                Some(step) => step,
                None => self.store(streaming_step()).await?,
            };
            self.emit(ChatEvent::Message(step.clone()));
            // The last round offers no tools, so the reply ends in words.
            let offer_tools = !tools_withdrawn && round_no + 1 < MAX_TOOL_ROUNDS;
            request.tools = if offer_tools {
                tools.clone()
            } else {
                std::sync::Arc::from([])
            };
            let mut round = self.round(&request, &step).await?;
            if let Outcome::Replied(reply) = &round.outcome
                && reply.content.trim().is_empty()
                && reply.tool_calls.is_empty()
            {
                if offer_tools {
                    // Small models served with a tool grammar (llama.cpp) answer nothing in
                    // words while tools are offered: ask once more without them.
                    tools_withdrawn = true;
                    next_step = Some(step);
                    continue;
                }
                round.outcome = Outcome::Failed(LlmError::Empty);
            }
            round_no += 1;
            let (status, error_message) = match &round.outcome {
                Outcome::Replied(_) => (MessageStatus::Complete, None),
                Outcome::Stopped => (MessageStatus::Stopped, None),
                Outcome::ShutDown => (
                    MessageStatus::Failed,
                    Some(
                        "Spotter was restarting and cut this reply off here; ask again.".to_owned(),
                    ),
                ),
                Outcome::Failed(e) => (MessageStatus::Failed, Some(e.to_string())),
            };
            let (content, calls, usage, model) = match round.outcome {
                Outcome::Replied(reply) => (
                    reply.content,
                    reply.tool_calls,
                    reply.usage,
                    Some(reply.model),
                ),
                _ => (round.text, Vec::new(), None, None),
            };
            let (prompt_tokens, completion_tokens, estimated) = match usage {
                Some(u) => (u.prompt_tokens, u.completion_tokens, false),
                None => (
                    request.estimated_tokens(),
                    estimate_tokens(&content)
                        + calls
                            .iter()
                            .map(|c| estimate_tokens(&c.arguments))
                            .sum::<u32>(),
                    true,
                ),
            };
            let step = messages::finish(
                &self.db,
                &self.user.id,
                &step.id,
                &NewMessage {
                    role: Role::Assistant,
                    content,
                    status,
                    prompt_tokens: Some(prompt_tokens),
                    completion_tokens: Some(completion_tokens),
                    tokens_estimated: estimated,
                    error_message,
                    execution_time_ms: Some(round.elapsed),
                    time_to_first_token_ms: round.first_text.or(Some(round.elapsed)),
                    tool_calls: (!calls.is_empty())
                        .then(|| serde_json::to_string(&calls).unwrap_or_default()),
                    model: model.or(step.model.clone()),
                    ..NewMessage::default()
                },
            )
            .await?;
            request.messages.push(llm_message(&step)?);
            stored.push(step.clone());
            if status != MessageStatus::Complete || calls.is_empty() {
                self.end(&stored).await?;
                return Ok(stored);
            }
            let labels = html_labels(self.user.language);
            for call in &calls {
                self.emit(ChatEvent::ToolCall {
                    message_id: step.id.clone(),
                    call: call.clone(),
                    html: pages::tool_line(labels, call),
                });
                let started = Instant::now();
                let answer = tools::answer(
                    &self.db,
                    &self.sandbox,
                    &self.user,
                    &step.id,
                    Some(&said),
                    call,
                )
                .await?;
                let chart = answer
                    .json
                    .get("visualization_id")
                    .and_then(|id| id.as_str())
                    .and_then(Id::parse);
                let tool = self
                    .store(NewMessage {
                        role: Role::Tool,
                        content: answer.json.to_string(),
                        query_executed: answer.query,
                        status: MessageStatus::Complete,
                        tool_call_id: Some(call.id.clone()),
                        execution_time_ms: Some(millis(started.elapsed())),
                        model: None,
                        ..NewMessage::default()
                    })
                    .await?;
                self.emit(ChatEvent::ToolResult(tool.clone()));
                if let Some(id) = chart
                    && let Some(chart) = visualizations::get(&self.db, &self.user.id, &id).await?
                {
                    self.emit(ChatEvent::Chart {
                        html: figure::html(&chart, labels),
                        chart: Box::new(chart.view()),
                    });
                }
                request.messages.push(llm_message(&tool)?);
                stored.push(tool);
            }
        }
        let step = self
            .store(NewMessage {
                role: Role::Assistant,
                status: MessageStatus::Failed,
                error_message: Some(format!(
                    "The coach called tools {MAX_TOOL_ROUNDS} times without answering; ask again, perhaps more simply."
                )),
                ..NewMessage::default()
            })
            .await?;
        stored.push(step);
        self.end(&stored).await?;
        Ok(stored)
    }

    /// The request for the first round: system prompt, summary, the conversation up to the
    /// question, the tools.
    async fn request(&self) -> Result<LlmRequest, sqlx::Error> {
        let (db, user, question) = (&self.db, &self.user, &self.question);
        let today = crate::server::services::stats::today(user);
        // Read twice the window: the steps of this reply (already stored) and of an earlier
        // answer to the same question (regenerate) are left out below.
        let window = CONTEXT_MESSAGES as usize;
        // Independent reads side by side (each is a round trip to the pool; on SQLite to a
        // connection's own thread): the time to the first token is their longest, not their sum.
        let (mut history, profile, facts, last_reply) = tokio::try_join!(
            messages::last(
                db,
                &user.id,
                &question.conversation_id,
                CONTEXT_MESSAGES * 2,
            ),
            training_profile::get(db, &user.id),
            facts::list(db, &user.id),
            messages::last_reply_before(db, &user.id, question.created_at),
        )?;
        let read = history.len();
        // The conversation up to the question: an answer given to it before (regenerate) or
        // anything said after it is not part of what is being answered.
        history.retain(|m| {
            m.created_at <= question.created_at && m.parent_id.as_ref() != Some(&question.id)
        });
        let more_before = history.len() > window || read == window * 2;
        history.drain(..history.len().saturating_sub(window));
        let notices = notices(db, user, last_reply, today, &profile).await?;
        let mut system = system_prompt(user, today, &facts, &profile, self.sandbox.dialect());
        if let Some(line) = notices.prompt_line() {
            system.push('\n');
            system.push_str(&line);
        }
        let window_start = history.first().map(|m| m.created_at);
        if more_before
            && let Some(start) = window_start
            && let Some(summary) = earlier_summary(db, user, question, start).await?
        {
            system.push('\n');
            system.push_str(&summary);
        }
        Ok(LlmRequest {
            system,
            messages: history.iter().map(llm_message).collect::<Result<_, _>>()?,
            tools: tools::specs(),
            context: CoachContext {
                language: user.language,
                units: user.units,
                today,
                dialect: self.sandbox.dialect(),
                notices,
            },
        })
    }

    /// Asks the provider once, passing its text on and storing it as it streams, until it
    /// answers, fails, or the reply is stopped (here, or on another instance).
    async fn round(&self, request: &LlmRequest, step: &Message) -> Result<Round, sqlx::Error> {
        let started = Instant::now();
        let (sink, mut pieces) = tokio::sync::mpsc::unbounded_channel();
        let reply = self.llm.complete(request, sink);
        tokio::pin!(reply);
        let mut text = String::new();
        let mut first_text = None;
        // The first piece is written at once (a follower elsewhere, or a crash, finds the
        // reply begun), then every PROGRESS_EVERY.
        let mut stored_at = Instant::now()
            .checked_sub(PROGRESS_EVERY)
            .unwrap_or_else(Instant::now);
        let mut stored_len = 0;
        let mut open = true;
        let outcome = loop {
            tokio::select! {
                biased;
                () = self.running.cancel.cancelled() => {
                    break if self.shutting_down.is_cancelled() { Outcome::ShutDown } else { Outcome::Stopped };
                }
                result = &mut reply => {
                    while let Ok(piece) = pieces.try_recv() {
                        self.piece(step, &mut text, &mut first_text, started, piece);
                    }
                    break match result {
                        Ok(reply) => Outcome::Replied(reply),
                        Err(e) => Outcome::Failed(e),
                    };
                }
                piece = pieces.recv(), if open => match piece {
                    Some(piece) => {
                        self.piece(step, &mut text, &mut first_text, started, piece);
                        if stored_at.elapsed() >= PROGRESS_EVERY && text.len() != stored_len {
                            stored_at = Instant::now();
                            stored_len = text.len();
                            if !messages::progress(&self.db, &self.user.id, &step.id, &text).await? {
                                break Outcome::Stopped;
                            }
                        }
                    }
                    None => open = false,
                },
            }
        };
        Ok(Round {
            outcome,
            text,
            first_text: first_text.map(millis),
            elapsed: millis(started.elapsed()),
        })
    }

    fn piece(
        &self,
        step: &Message,
        text: &mut String,
        first_text: &mut Option<Duration>,
        started: Instant,
        piece: String,
    ) {
        first_text.get_or_insert_with(|| started.elapsed());
        let at = text.len();
        text.push_str(&piece);
        self.emit(ChatEvent::Delta {
            message_id: step.id.clone(),
            text: piece,
            at,
        });
    }
}

/// A reply step as it starts: the coach's, `streaming`, empty.
pub fn streaming_step() -> NewMessage {
    NewMessage {
        role: Role::Assistant,
        status: MessageStatus::Streaming,
        ..NewMessage::default()
    }
}

/// Stores a step of the reply to `question` (it points at the question; the model is the
/// provider's unless the step names one).
pub async fn store_step(
    db: &Db,
    llm: &dyn LlmProvider,
    user: &User,
    question: &Message,
    m: NewMessage,
) -> Result<Message, sqlx::Error> {
    let model = match m.role {
        Role::Assistant => m
            .model
            .clone()
            .or_else(|| Some(llm.model().to_owned()).filter(|m| !m.is_empty())),
        _ => m.model.clone(),
    };
    let m = NewMessage {
        parent_id: Some(question.id.clone()),
        model,
        ..m
    };
    messages::insert(db, &user.id, &question.conversation_id, &m).await
}

/// How one request to the provider ended.
enum Outcome {
    Replied(LlmReply),
    Failed(LlmError),
    Stopped,
    ShutDown,
}

struct Round {
    outcome: Outcome,
    /// The text that streamed in (kept when the round does not end with a reply).
    text: String,
    first_text: Option<u64>,
    elapsed: u64,
}

fn millis(d: Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

/// When the conversation holds more than the model reads verbatim, what came before, summed
/// up (and kept in `conversations.context_summary`).
async fn earlier_summary(
    db: &Db,
    user: &User,
    question: &Message,
    window_start: chrono::DateTime<chrono::Utc>,
) -> Result<Option<String>, sqlx::Error> {
    // The summary keeps at most 2,000 characters of questions, newest last: the newest few
    // hundred questions before the window are all it can use.
    let questions = messages::questions_before(
        db,
        &user.id,
        &question.conversation_id,
        window_start,
        QUESTIONS_SUMMED_UP,
    )
    .await?;
    let summary = summarize_earlier(questions.iter().map(|q| (Role::User, q.as_str())));
    crate::server::db::conversations::set_summary(
        db,
        &user.id,
        &question.conversation_id,
        summary.as_deref(),
    )
    .await?;
    Ok(summary)
}

/// The most questions [`earlier_summary`] reads (each takes at least four of its 2,000
/// characters).
const QUESTIONS_SUMMED_UP: u32 = 500;

/// What to mention before this answer: plan items due today when it is the user's first reply
/// of the day, achievements earned since the coach's last reply; each only with its switch on.
/// `last_reply`: when the coach last answered before this question.
async fn notices(
    db: &Db,
    user: &User,
    last_reply: Option<chrono::DateTime<chrono::Utc>>,
    today: chrono::NaiveDate,
    profile: &crate::domain::profile::TrainingProfile,
) -> Result<Notices, sqlx::Error> {
    let day = crate::server::services::log::local_day_fn(user);
    let due = async {
        if profile.reminders && last_reply.is_none_or(|at| day(&at) < today) {
            crate::server::services::plan::due_today(db, user, today).await
        } else {
            Ok(Vec::new())
        }
    };
    let earned = async {
        match last_reply {
            Some(since) if profile.achievements => {
                Ok(crate::server::db::achievements::list(db, &user.id)
                    .await?
                    .into_iter()
                    .filter(|a| a.earned_at > since)
                    .map(|a| crate::domain::chat::tools::Names {
                        en: a.name_en,
                        he: a.name_he,
                    })
                    .collect())
            }
            _ => Ok(Vec::new()),
        }
    };
    let (due_today, new_achievements) = tokio::try_join!(due, earned)?;
    Ok(Notices {
        due_today,
        new_achievements,
    })
}

/// A stored message as the provider reads it.
fn llm_message(m: &Message) -> Result<LlmMessage, sqlx::Error> {
    Ok(LlmMessage {
        role: m.role,
        content: m.content.clone(),
        tool_calls: m.calls()?,
        tool_call_id: m.tool_call_id.clone(),
    })
}
