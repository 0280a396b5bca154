//! Talking to the coach, behind `POST /conversations/{id}/messages`, `POST /chat`, the
//! `/messages/{id}/…` actions, the chat page's forms and its server functions: [`Coach`]
//! checks and stores the user's message, then starts the reply as a task of its own
//! (`reply.rs`) and hands back its events; [`LiveReply::finish`] waits for it.

use crate::server::sandbox::Sandbox;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;
use tokio::task::JoinHandle;

use super::events::ChatEvent;
use super::hub::Hub;
use super::live::Live;
use super::reply::{ReplyTask, store_step, streaming_step};
use crate::domain::account::FieldError;
use crate::domain::chat::conversation::{Role, title_from, validate_message};
use crate::server::db::messages::{self, Inserted, Message, NewMessage};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, conversations};
use crate::server::llm::LlmProvider;
use crate::server::state::AppState;

/// One exchange: the user's message and everything stored in answer, oldest first (the
/// coach's tool calls, their results, and its final text).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Exchange {
    pub user_message: Message,
    pub reply: Vec<Message>,
    /// The exchange had already happened (same `client_id`): nothing new was stored.
    pub repeated: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ChatError {
    #[error("invalid message")]
    Invalid(FieldError),
    /// More than the per-minute limit of messages; try again after `retry_after_s`.
    #[error("more than {limit} messages a minute")]
    TooFast { limit: u32, retry_after_s: u64 },
    /// Today's token budget is spent; it renews at midnight UTC, `retry_after_s` from now.
    #[error("today's budget of {budget} tokens is used up")]
    OverBudget { budget: u64, retry_after_s: u64 },
    #[error(transparent)]
    Db(#[from] sqlx::Error),
}

/// The coach as the app holds it: the database, the model, the limits and the replies being
/// written. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Coach {
    pub db: Db,
    pub sandbox: Sandbox,
    pub llm: Arc<dyn LlmProvider>,
    pub limits: Limits,
    pub live: Arc<Live>,
}

/// A sent message: either the exchange it already had (same `client_id`) or a reply on its way.
pub enum Started {
    Repeated(Exchange),
    Live(LiveReply),
}

/// A reply being written by its task: its events (the question first), and the task to
/// wait for.
pub struct LiveReply {
    pub user_message: Message,
    pub hub: Arc<Hub>,
    task: JoinHandle<Result<Vec<Message>, sqlx::Error>>,
}

impl LiveReply {
    /// Waits until the reply is stored; the whole exchange.
    pub async fn finish(self) -> Result<Exchange, ChatError> {
        let reply = self.task.await.map_err(|_| sqlx::Error::WorkerCrashed)??;
        Ok(Exchange {
            user_message: self.user_message,
            reply,
            repeated: false,
        })
    }
}

/// What `stop` found.
pub enum Stopped {
    /// The reply was being written; here it is as stored once stopped.
    Now(Box<Exchange>),
    /// Nothing of that exchange was being written.
    NotStreaming,
}

impl Coach {
    pub fn of(state: &AppState) -> Coach {
        Coach {
            db: state.db.clone(),
            sandbox: state.sandbox.clone(),
            llm: state.llm.clone(),
            limits: Limits::of(&state.config),
            live: state.live.clone(),
        }
    }

    /// Sends `content` to the coach in one of the user's conversations and waits for the
    /// whole reply. `None` when the conversation is not theirs.
    pub async fn send(
        &self,
        user: &User,
        conversation_id: &Id,
        content: &str,
        client_id: Option<String>,
    ) -> Result<Option<Exchange>, ChatError> {
        match self
            .start(user, conversation_id, content, client_id)
            .await?
        {
            None => Ok(None),
            Some(Started::Repeated(exchange)) => Ok(Some(exchange)),
            Some(Started::Live(live)) => live.finish().await.map(Some),
        }
    }

    /// Stores the user's message (committed before the model is asked) and starts the reply.
    /// `None` when the conversation is not theirs.
    pub async fn start(
        &self,
        user: &User,
        conversation_id: &Id,
        content: &str,
        client_id: Option<String>,
    ) -> Result<Option<Started>, ChatError> {
        let db = &self.db;
        // The conversation and the user's limits are read side by side (the time to the first
        // token is their longer, not their sum); a missing conversation still answers first.
        let (conversation, limits) = tokio::join!(
            conversations::get(db, &user.id, conversation_id),
            self.limits.check(db, user),
        );
        let Some(conversation) = conversation? else {
            return Ok(None);
        };
        let content = validate_message(content).map_err(ChatError::Invalid)?;
        let client_id = client_id
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        // A retry of a message already sent costs nothing and is never refused.
        if let Some(id) = &client_id
            && let Some(first) = messages::by_client_id(db, &user.id, conversation_id, id).await?
        {
            return Ok(Some(Started::Repeated(repeated(db, user, first).await?)));
        }
        limits?;
        let new = NewMessage {
            role: Role::User,
            content,
            client_id,
            ..NewMessage::default()
        };
        let user_message =
            match messages::insert_user_message(db, &user.id, conversation_id, &new).await? {
                Inserted::Repeat(first) => {
                    return Ok(Some(Started::Repeated(repeated(db, user, first).await?)));
                }
                Inserted::New(message) => message,
            };
        if conversation.title.is_none()
            && let Some(title) = title_from(&user_message.content)
        {
            conversations::rename(db, &user.id, conversation_id, Some(&title)).await?;
        }
        Ok(Some(Started::Live(self.reply(user, user_message).await?)))
    }

    /// Answers a question again (give the question or any message of its reply), waiting
    /// for the whole reply. `None` when the message is not the user's or not part of an
    /// exchange.
    pub async fn regenerate(
        &self,
        user: &User,
        message_id: &Id,
    ) -> Result<Option<Exchange>, ChatError> {
        match self.start_regenerate(user, message_id).await? {
            Some(live) => live.finish().await.map(Some),
            None => Ok(None),
        }
    }

    /// Starts answering a question again: the new steps point at the same question
    /// (`parent_id`); the earlier reply stays.
    pub async fn start_regenerate(
        &self,
        user: &User,
        message_id: &Id,
    ) -> Result<Option<LiveReply>, ChatError> {
        let Some(question) = self.question_of(user, message_id).await? else {
            return Ok(None);
        };
        self.limits.check(&self.db, user).await?;
        Ok(Some(self.reply(user, question).await?))
    }

    /// Stops the reply being written to the exchange of `message_id` (the question or any
    /// step of its reply), on this instance or any other; its text so far is kept as
    /// `stopped`. `None` when the message is not the user's.
    pub async fn stop(&self, user: &User, message_id: &Id) -> Result<Option<Stopped>, ChatError> {
        let Some(question) = self.question_of(user, message_id).await? else {
            return Ok(None);
        };
        let here = self
            .live
            .stop_and_wait(&question.id, Duration::from_secs(3))
            .await;
        let marked = messages::stop_streaming(&self.db, &user.id, &question.id).await?;
        if !here
            && marked > 0
            && let Some(relay) = self.live.relay()
        {
            // Written on another instance: it stops the reply when it hears this (else at
            // its next progress write, which finds the row stopped).
            relay.stop(&question.id);
        }
        if !here && marked == 0 {
            return Ok(Some(Stopped::NotStreaming));
        }
        let reply = messages::replies_to(&self.db, &user.id, &question.id).await?;
        Ok(Some(Stopped::Now(Box::new(Exchange {
            user_message: question,
            reply,
            repeated: false,
        }))))
    }

    /// The user's question a message belongs to (itself, or the parent of a reply step).
    async fn question_of(
        &self,
        user: &User,
        message_id: &Id,
    ) -> Result<Option<Message>, ChatError> {
        let db = &self.db;
        let Some(message) = messages::get(db, &user.id, message_id).await? else {
            return Ok(None);
        };
        let question = match (message.role, &message.parent_id) {
            (Role::User, _) => message,
            (_, Some(parent)) => match messages::get(db, &user.id, parent).await? {
                Some(q) if q.role == Role::User => q,
                _ => return Ok(None),
            },
            _ => return Ok(None),
        };
        if conversations::get(db, &user.id, &question.conversation_id)
            .await?
            .is_none()
        {
            return Ok(None);
        }
        Ok(Some(question))
    }

    /// Stores the reply's first step (`streaming`) and starts the reply task for `question`.
    async fn reply(&self, user: &User, question: Message) -> Result<LiveReply, sqlx::Error> {
        let first_step = store_step(
            &self.db,
            self.llm.as_ref(),
            user,
            &question,
            streaming_step(),
        )
        .await?;
        let running = self.live.begin(&question.id, &question.conversation_id);
        let hub = running.hub.clone();
        hub.push(ChatEvent::Message(question.clone()));
        let task = ReplyTask {
            first_step,
            db: self.db.clone(),
            sandbox: self.sandbox.clone(),
            llm: self.llm.clone(),
            user: user.clone(),
            question: question.clone(),
            running,
            shutting_down: self.live.shutdown_token(),
        };
        Ok(LiveReply {
            user_message: question,
            hub,
            task: tokio::spawn(task.run()),
        })
    }
}

/// The first exchange of a message sent again (same `client_id`): nothing new is stored.
async fn repeated(db: &Db, user: &User, first: Message) -> Result<Exchange, ChatError> {
    let reply = messages::replies_to(db, &user.id, &first.id).await?;
    Ok(Exchange {
        user_message: first,
        reply,
        repeated: true,
    })
}

/// Starts a conversation for a first message, refusing a bad message before anything is
/// created (`POST /chat` and the home page's form); then [`Coach::send`] it there.
pub async fn start_conversation(db: &Db, user: &User, content: &str) -> Result<Id, ChatError> {
    validate_message(content).map_err(ChatError::Invalid)?;
    Ok(conversations::create(db, &user.id, None).await?.id)
}

/// The per-user limits of the coach, read from the stored messages so they hold across
/// instances.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub per_minute: u32,
    pub daily_tokens: u64,
}

impl Limits {
    pub fn of(config: &crate::server::config::Config) -> Limits {
        Limits {
            per_minute: config.chat_limit_per_minute,
            daily_tokens: config.daily_token_budget,
        }
    }

    pub async fn check(self, db: &Db, user: &User) -> Result<(), ChatError> {
        let now = crate::server::db::now();
        let midnight = now.date_naive().and_time(chrono::NaiveTime::MIN).and_utc();
        // Both counts at once: each is a round trip, and this is before the first token.
        let (sent, used) = tokio::try_join!(
            messages::sent_since(db, &user.id, now - chrono::Duration::minutes(1)),
            messages::tokens_since(db, &user.id, midnight),
        )?;
        if sent >= i64::from(self.per_minute) {
            return Err(ChatError::TooFast {
                limit: self.per_minute,
                retry_after_s: 60,
            });
        }
        if u64::try_from(used).unwrap_or(0) >= self.daily_tokens {
            let next = midnight + chrono::Duration::days(1);
            return Err(ChatError::OverBudget {
                budget: self.daily_tokens,
                retry_after_s: u64::try_from((next - now).num_seconds())
                    .unwrap_or(0)
                    .max(1),
            });
        }
        Ok(())
    }
}
