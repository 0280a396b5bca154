//! `/c/{id}`: one conversation, rendered whole on the server (it reads the same with
//! JavaScript off): the thread, oldest first, with the tools the coach used and each reply's
//! tokens and time; earlier messages on further pages; the composer posts to
//! `server::site::chat_forms::reply`.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::chat::conversation_page;
use crate::app::components::composer::Composer;
use crate::app::components::copy_button::CopyButton;
use crate::app::components::live_reply::{LiveFlag, LiveReply};
use crate::app::components::notice::SuccessNotice;
use crate::app::components::pager::Pager;
use crate::app::pages::not_found::NotFound;
use crate::app::{title_text, use_strings};
use crate::domain::chat::conversation::MessageStatus;
use crate::domain::display::count;
use crate::domain::i18n::fill;
use crate::domain::views::chat::{ConversationData, ThreadItem};

#[component]
pub fn ConversationPage() -> impl IntoView {
    let t = use_strings();
    let params = use_params_map();
    let query = use_query_map();
    let key = move || {
        let page = query
            .read()
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        (params.read().get("id").unwrap_or_default(), page)
    };
    let data = Resource::new(key, |(id, page)| conversation_page(id, page));
    // A reply followed live has ended: show the thread as stored (kept on screen meanwhile).
    let reload = Callback::new(move |()| data.refetch());
    view! {
        <Transition fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(None) => view! { <NotFound/> }.into_any(),
                Ok(Some(data)) => view! { <Thread data reload/> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Thread(data: ConversationData, reload: Callback<()>) -> impl IntoView {
    let t = use_strings();
    let title = data
        .title
        .clone()
        .unwrap_or_else(|| t.chat_untitled.to_owned());
    let (page, pages) = (data.items.page, data.items.page_count());
    // One value per state of the thread: the same form sent twice is one message.
    let client_id = format!("{}-{}", data.id, data.items.total);
    // A reply is on its way when a step is being written, or when the thread ends with the
    // tools it called (the answer comes next): follow the reply to the last question.
    let items = &data.items.items;
    let writing = items.iter().any(|i| {
        matches!(
            i,
            ThreadItem::Coach {
                status: MessageStatus::Streaming,
                ..
            }
        )
    }) || matches!(items.last(), Some(ThreadItem::Step { .. }));
    let question = items.iter().rev().find_map(|i| match i {
        ThreadItem::User { id, .. } => Some(id.clone()),
        _ => None,
    });
    let following = RwSignal::new(false);
    view! {
        <Title text=title_text(format!("{title} · {}", t.app_name))/>
        <SuccessNotice key="thanks" message=t.chat_thanks/>
        <h1 dir="auto">{title}</h1>
        // Page 1 is the newest; "earlier" goes to higher page numbers.
        <Pager page pages key="page"/>
        <ol class="thread" class:following=move || following.get() aria-label=t.nav_chat>
            {data.items.items.into_iter().map(|item| view! { <Item item conversation=data.id.clone()/> }).collect_view()}
            {writing.then(|| view! { <LiveReply conversation=data.id.clone() question following on_finished=reload/> })}
        </ol>
        <span id="latest"></span>
        <Composer action=format!("/c/{}", data.id) client_id/>
    }
}

#[component]
fn Item(item: ThreadItem, conversation: String) -> impl IntoView {
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
            view! { <li class="msg-step" inner_html=html></li> }.into_any()
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
                    format!("{:.1} s", ms as f64 / 1000.0)
                }
            });
            let details: Vec<String> = [Some(when), tokens, time, model]
                .into_iter()
                .flatten()
                .collect();
            let action = |what: &str| format!("/c/{conversation}/m/{id}/{what}");
            view! {
                <li class="msg msg-coach" class:msg-failed=failed class:msg-streaming=streaming id=format!("m-{id}")>
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
                            <LiveFlag/>
                            <button type="submit" class="btn btn-quiet">{t.chat_regenerate}</button>
                        </form>
                    </div>
                </li>
            }
            .into_any()
        }
    }
}
