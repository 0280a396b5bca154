//! The chat pages' data: the newest conversations for `/`, and a page of one conversation for
//! `/c/{id}` as a thread (tool results are the coach's business; the page shows which tools it
//! used), times in the user's zone and language.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::chat::conversation::{MessageStatus, Role};
use crate::domain::chat::tools::{LogResult, QueryArgs, ToolName};
use crate::domain::i18n::{moment_label, strings};
use crate::domain::pagination::{Page, PageRequest, Paginated};
use crate::domain::views::chat::{
    ChatHomeData, ConversationData, ConversationLine, HistoryData, HistoryLine, ThreadItem,
};
use crate::server::charts::figure;
use crate::server::db::messages::Message;
use crate::server::db::users::User;
use crate::server::db::visualizations::{self, Visualization};
use crate::server::db::workouts;
use crate::server::db::{Db, Id, conversations, thread};
use crate::server::html_labels::{HtmlLabels, html_labels};
use crate::server::llm::ToolCall;
use crate::server::markup;
use crate::server::services::chat::log_card;

/// Conversations listed on `/`.
pub const RECENT_CONVERSATIONS: u32 = 20;
/// Messages on one page of `/c/{id}`.
pub const THREAD_PAGE: u32 = 50;

fn when(user: &User, at: DateTime<Utc>) -> String {
    let tz = user.zone();
    let local = at.with_timezone(&tz);
    let today = Utc::now().with_timezone(&tz).date_naive();
    moment_label(strings(user.language), local.naive_local(), today)
}

pub async fn chat_home(db: &Db, user: &User) -> Result<ChatHomeData, sqlx::Error> {
    let page = PageRequest {
        page: Some(1),
        per_page: Some(RECENT_CONVERSATIONS),
    }
    .normalized();
    let (rows, _) = conversations::list(db, &user.id, page, None).await?;
    Ok(ChatHomeData {
        banner: due_today_banner(db, user).await?,
        recent: rows
            .into_iter()
            .map(|c| ConversationLine {
                id: c.id.to_string(),
                title: c.title,
                when: when(user, c.updated_at),
            })
            .collect(),
    })
}

/// "Due today: Leg day, Deload week", linking to `/plan`, when the reminders switch is on.
async fn due_today_banner(db: &Db, user: &User) -> Result<String, sqlx::Error> {
    if !crate::server::db::training_profile::get(db, &user.id)
        .await?
        .reminders
    {
        return Ok(String::new());
    }
    let today = crate::server::services::log::local_day_fn(user)(&Utc::now());
    let due = crate::server::services::plan::due_today(db, user, today).await?;
    if due.is_empty() {
        return Ok(String::new());
    }
    let (head, link) = match user.language {
        crate::domain::account::Language::En => ("Due today from your plan:", "See the plan"),
        crate::domain::account::Language::He => ("להיום בתוכנית שלך:", "לתוכנית"),
    };
    let titles = due
        .into_iter()
        .map(|t| view! { " " <bdi>{t}</bdi> })
        .collect_view();
    Ok(markup::html(view! {
        <p class="notice notice-ok banner-due" role="status">
            "📅 "{head}{titles}" · "<a href="/plan">{link}</a>
        </p>
    }))
}

/// Conversations on one page of `/history`.
pub const HISTORY_PAGE: u32 = 20;

pub async fn history(
    db: &Db,
    user: &User,
    q: Option<String>,
    page: u32,
) -> Result<HistoryData, sqlx::Error> {
    let q = q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty());
    let page = Page {
        page: page.max(1),
        per_page: HISTORY_PAGE,
    };
    let (rows, total) = conversations::list(db, &user.id, page, q.as_deref()).await?;
    Ok(HistoryData {
        q,
        conversations: Paginated::new(
            rows.into_iter()
                .map(|c| HistoryLine {
                    id: c.id.to_string(),
                    title: c.title,
                    when: when(user, c.updated_at),
                    messages: c.message_count,
                })
                .collect(),
            page,
            total,
        ),
    })
}

/// `None` when the conversation is not the user's (or the id is not one).
pub async fn conversation_page(
    db: &Db,
    user: &User,
    id: &str,
    page: u32,
) -> Result<Option<ConversationData>, sqlx::Error> {
    let Some(id) = Id::parse(id) else {
        return Ok(None);
    };
    let page = Page {
        page: page.max(1),
        per_page: THREAD_PAGE,
    };
    let Some(thread) = thread::read(db, &user.id, &id, page, thread::Parts::Page).await? else {
        return Ok(None);
    };
    let total = u64::try_from(thread.total).unwrap_or(0);
    let logged = logged_workouts(log_results(&thread.messages), &thread.kept);
    let steps = Steps {
        conversation: id.to_string(),
        charts: thread.charts,
        logged,
    };
    let items = items_of(user, &thread.messages, &steps)?;
    Ok(Some(ConversationData {
        id: id.to_string(),
        title: thread.title,
        items: Paginated {
            items,
            page: page.page,
            per_page: page.per_page,
            total,
        },
    }))
}

/// The steps of one reply (the messages stored in answer to a question) as the thread shows
/// them: what the `done` and `error` events carry, so a page that followed the reply live
/// shows what a reload would.
pub async fn reply_items(
    db: &Db,
    user: &User,
    steps: &[Message],
) -> Result<Vec<ThreadItem>, sqlx::Error> {
    let Some(first) = steps.first() else {
        return Ok(Vec::new());
    };
    let mut callers: Vec<Id> = Vec::new();
    for m in steps {
        if m.calls()?
            .iter()
            .any(|c| c.name == ToolName::CreateChart.as_str())
        {
            callers.push(m.id.clone());
        }
    }
    let charts = visualizations::of_messages(db, &user.id, &callers).await?;
    let results: Vec<(String, LogResult)> = log_results(steps).collect();
    let logged_ids: Vec<Id> = results.iter().filter_map(|(_, r)| logged_id(r)).collect();
    let kept = workouts::existing(db, &user.id, &logged_ids).await?;
    let logged = logged_workouts(results, &kept);
    let with = Steps {
        conversation: first.conversation_id.to_string(),
        charts,
        logged,
    };
    items_of(user, steps, &with)
}

/// Stored messages of a conversation as thread items: their tool lines, charts, workout
/// cards and texts.
fn items_of(user: &User, rows: &[Message], steps: &Steps) -> Result<Vec<ThreadItem>, sqlx::Error> {
    let mut items = Vec::new();
    for m in rows {
        items.extend(thread_items(user, m, steps)?);
    }
    Ok(items)
}

/// What the steps of a page of the thread show beyond their tool lines.
struct Steps {
    conversation: String,
    /// The charts the page's replies drew.
    charts: Vec<Visualization>,
    /// `log_workout` results by their call's id, each with whether the workout is still logged.
    logged: Vec<(String, LogResult, bool)>,
}

/// The `log_workout` results among these `tool` messages, by their call's id.
fn log_results(rows: &[Message]) -> impl Iterator<Item = (String, LogResult)> + '_ {
    rows.iter()
        .filter(|m| m.role == Role::Tool)
        .filter_map(|m| {
            let call = m.tool_call_id.clone()?;
            let result = serde_json::from_str::<LogResult>(&m.content).ok()?;
            Some((call, result))
        })
}

fn logged_id(result: &LogResult) -> Option<Id> {
    match result {
        LogResult::Logged { workout_id, .. } => Id::parse(workout_id),
        _ => None,
    }
}

/// `log_workout` results (of [`log_results`]), each with whether its workout is among `kept`
/// (still logged).
fn logged_workouts(
    results: impl IntoIterator<Item = (String, LogResult)>,
    kept: &[Id],
) -> Vec<(String, LogResult, bool)> {
    results
        .into_iter()
        .map(|(call, result)| {
            let still = logged_id(&result).is_some_and(|id| kept.contains(&id));
            (call, result, still)
        })
        .collect()
}

fn thread_items(user: &User, m: &Message, steps: &Steps) -> Result<Vec<ThreadItem>, sqlx::Error> {
    let charts = &steps.charts;
    Ok(match m.role {
        Role::User => vec![ThreadItem::User {
            id: m.id.to_string(),
            text: m.content.clone(),
            when: when(user, m.created_at),
        }],
        Role::Tool | Role::System => Vec::new(),
        Role::Assistant => {
            let calls = m.calls()?;
            let t = strings(user.language);
            // A chart shows itself; the line naming `create_chart` stays only when none came.
            let drawn = charts.iter().any(|c| c.message_id == m.id);
            let mut items: Vec<ThreadItem> = calls
                .iter()
                .filter(|c| !(drawn && c.name == ToolName::CreateChart.as_str()))
                .map(|c| {
                    // A workout logged shows as its card (with Undo), not as a tool line.
                    let card = steps.logged.iter().find(|(id, ..)| *id == c.id).and_then(
                        |(_, result, kept)| {
                            log_card::html(t, user.language, &steps.conversation, result, *kept)
                        },
                    );
                    ThreadItem::Step {
                        html: card.unwrap_or_else(|| tool_line(html_labels(user.language), c)),
                    }
                })
                .collect();
            items.extend(charts.iter().filter(|c| c.message_id == m.id).map(|c| {
                ThreadItem::Step {
                    html: figure::html(c, html_labels(user.language)),
                }
            }));
            // A step that only called tools shows as those tools; one being written shows even
            // before its first word (with JavaScript off, as "writing…" and a Stop button).
            if !m.content.trim().is_empty()
                || m.error_message.is_some()
                || matches!(m.status, MessageStatus::Streaming | MessageStatus::Stopped)
            {
                items.push(ThreadItem::Coach {
                    id: m.id.to_string(),
                    html: crate::server::rendered::reply_html(
                        &m.id,
                        &m.content,
                        m.status != MessageStatus::Streaming,
                    ),
                    status: m.status,
                    error: m.error_message.clone(),
                    when: when(user, m.created_at),
                    tokens: m.token_count,
                    estimated: m.tokens_estimated,
                    time_ms: m.execution_time_ms,
                    model: m.model.clone(),
                });
            }
            items
        }
    })
}

/// "Looked up your data: `get_stats`", with the SQL of a `query_workouts` call folded under it.
pub fn tool_line(l: &HtmlLabels, call: &ToolCall) -> String {
    let (before, after) = l
        .tool_used
        .split_once("{tool}")
        .unwrap_or((l.tool_used, ""));
    let sql = (call.name == ToolName::QueryWorkouts.as_str())
        .then(|| serde_json::from_str::<QueryArgs>(&call.arguments).ok())
        .flatten()
        .map(|a| {
            view! {
                <details class="msg-sql">
                    <summary>{l.show_sql}</summary>
                    <pre dir="ltr"><code>{a.sql}</code></pre>
                </details>
            }
        });
    markup::html(view! {
        <div class="msg-tool hint">{before}<code dir="ltr">{call.name.clone()}</code>{after}{sql}</div>
    })
}
