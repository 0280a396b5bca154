//! One item of a thread (`/c/{id}`): the user's words, a step on the way to the answer (a
//! tool the coach used, a chart, a workout card; HTML made on the server), or the coach's
//! answer with its details (tokens, time, model) and actions (copy, thumbs, answer again, and
//! Stop while it is written). The same component shows the thread as stored and a reply that
//! the page followed live (`live_reply`), so both read the same.

use leptos::prelude::*;

use crate::app::components::copy_button::CopyButton;
use crate::app::use_strings;
use crate::domain::chat::conversation::MessageStatus;
use crate::domain::display::count;
use crate::domain::i18n::fill;
use crate::domain::views::chat::ThreadItem;

#[component]
pub fn Item(
    item: ThreadItem,
    conversation: String,
    /// Part of the reply being written, which the page follows live in its place once hydrated.
    #[prop(optional)]
    pending: bool,
) -> impl IntoView {
    let t = use_strings();
    match item {
        ThreadItem::User { text, when, .. } => view! {
            <li class="msg msg-user">
                <p class="msg-text" dir="auto">{text}</p>
                <small class="hint"><bdi>{when}</bdi></small>
            </li>
        }
        .into_any(),
        ThreadItem::Step { html } => {
            view! { <li class="msg-step" class:msg-pending=pending inner_html=html></li> }
                .into_any()
        }
        ThreadItem::Coach {
            id,
            html,
            status,
            error,
            when,
            tokens,
            estimated,
            time_ms,
            model,
            ..
        } => {
            let failed = status == MessageStatus::Failed;
            let has_text = !html.is_empty();
            let streaming = status == MessageStatus::Streaming;
            let tokens = tokens.map(|n| {
                let n = fill(t.chat_tokens, &[("n", &count(n))]);
                if estimated {
                    format!("{} {n}", t.chat_estimated)
                } else {
                    n
                }
            });
            let time = time_ms.map(|ms| {
                if ms < 1000 {
                    format!("{ms} ms")
                } else {
                    // Tenths of a second, rounded: 1.3 s.
                    let tenths = (ms + 50) / 100;
                    format!("{}.{} s", tenths / 10, tenths % 10)
                }
            });
            let details: Vec<String> = [Some(when), tokens, time, model]
                .into_iter()
                .flatten()
                .collect();
            let action = |what: &str| format!("/c/{conversation}/m/{id}/{what}");
            view! {
                <li class="msg msg-coach" class:msg-pending=pending class:msg-failed=failed class:msg-streaming=streaming id=format!("m-{id}")>
                    {has_text.then(|| view! { <div class="msg-body" dir="auto" inner_html=html></div> })}
                    {(status == MessageStatus::Stopped).then(|| view! { <p class="hint">{t.chat_stopped}</p> })}
                    {error.map(|e| view! {
                        <p class="notice notice-error" role="alert">{t.chat_reply_failed}" "<bdi>{e}</bdi></p>
                    })}
                    <small class="hint msg-meta">
                        {details.into_iter().enumerate().map(|(i, d)| view! {
                            {(i > 0).then_some(" · ")}<bdi>{d}</bdi>
                        }).collect_view()}
                    </small>
                    {streaming.then(|| view! {
                        <div class="msg-actions">
                            <span class="hint writing">{t.chat_writing}</span>
                            <form method="post" action=action("stop")>
                                <button type="submit" class="btn btn-quiet">{t.chat_stop}</button>
                            </form>
                        </div>
                    })}
                    <div class="msg-actions" hidden=streaming>
                        {has_text.then(|| view! { <CopyButton/> })}
                        <form method="post" action=action("feedback")>
                            <input type="hidden" name="helpful" value="true"/>
                            <button type="submit" class="btn btn-quiet" aria-label=t.chat_helpful title=t.chat_helpful>"👍"</button>
                        </form>
                        <form method="post" action=action("feedback")>
                            <input type="hidden" name="helpful" value="false"/>
                            <button type="submit" class="btn btn-quiet" aria-label=t.chat_not_helpful title=t.chat_not_helpful>"👎"</button>
                        </form>
                        <form method="post" action=action("regenerate")>
                            <button type="submit" class="btn btn-quiet">{t.chat_regenerate}</button>
                        </form>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}

/// Thread items as the thread's HTML, in `language`: the server sends a finished reply this way
/// to a page that followed it live, which shows it in place of its live copy.
#[cfg(feature = "ssr")]
pub fn items_html(
    items: Vec<ThreadItem>,
    conversation: &str,
    language: crate::domain::account::Language,
) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(crate::domain::viewer::Viewer::anonymous(language));
        items
            .into_iter()
            .map(|item| view! { <Item item conversation=conversation.to_owned()/> })
            .collect_view()
            .to_html()
    })
}
