//! What the chat pages show: the conversations list (`/`), and one conversation (`/c/{id}`)
//! as a thread of bubbles with the coach's tool steps and reply details (tokens, time).

use serde::{Deserialize, Serialize};

use crate::domain::chat::conversation::MessageStatus;
use crate::domain::pagination::Paginated;

/// A conversation in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationLine {
    pub id: String,
    /// `None` until the first exchange names it.
    pub title: Option<String>,
    /// "Today · 18:30", "Tue 17 Nov · 07:05".
    pub when: String,
}

/// `/history`: a page of conversations, most recent first, optionally those matching `q`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryData {
    pub q: Option<String>,
    pub conversations: Paginated<HistoryLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryLine {
    pub id: String,
    pub title: Option<String>,
    pub when: String,
    pub messages: i64,
}

/// `/`: the newest conversations.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChatHomeData {
    pub recent: Vec<ConversationLine>,
    /// Plan items due today (with the reminders switch on), as HTML made on the server
    /// (`server::markup`); empty when there are none.
    pub banner: String,
}

/// One step of the thread.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ThreadItem {
    /// The user's words.
    User {
        id: String,
        text: String,
        when: String,
    },
    /// The coach used a tool (`get_stats`…) on the way to its answer.
    /// A step on the way to the answer, as HTML the server made (every text escaped): a tool
    /// the coach used (with the SQL of `query_workouts`, folded), or a chart it drew
    /// (`server::charts::figure`: the option for ECharts, the data as a table, the SQL).
    /// Made on the server, it costs the wasm nothing.
    Step { html: String },
    /// The coach's answer (or why there is none).
    Coach {
        id: String,
        /// The reply rendered from its Markdown on the server (`server::markdown`: no raw
        /// HTML, safe links, no images); empty when it has no text. Only the HTML travels to
        /// the page (the Markdown would double the hydration data).
        html: String,
        status: MessageStatus,
        error: Option<String>,
        when: String,
        /// Prompt + completion tokens; `estimated` when the model sent no counts.
        tokens: Option<i64>,
        estimated: bool,
        time_ms: Option<i64>,
        model: Option<String>,
    },
}

impl ThreadItem {
    /// Replaces the item's HTML by a one-character stand-in (kept non-empty: whether a reply
    /// has text decides its markup), for a copy whose HTML is already on the page.
    pub fn drop_html(&mut self) {
        if let ThreadItem::Step { html } | ThreadItem::Coach { html, .. } = self
            && !html.is_empty()
        {
            *html = "-".to_owned();
        }
    }
}

/// `/c/{id}`: a page of the thread (page 1 = the newest messages), oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ConversationData {
    pub id: String,
    pub title: Option<String>,
    /// The page's messages as thread items, with the page numbers of the stored messages.
    pub items: Paginated<ThreadItem>,
}
