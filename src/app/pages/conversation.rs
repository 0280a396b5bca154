//! `/c/{id}`: one conversation, rendered whole on the server (it reads the same with
//! JavaScript off): the thread, oldest first, with the tools the coach used and each reply's
//! tokens and time; earlier messages on further pages; the composer posts to
//! `server::site::chat_forms::reply`. Once hydrated, sending, Stop and "answer again" stay on
//! the page and the reply grows in place (`components::live_reply`).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use leptos::server::codee::{Decoder, Encoder};

use crate::api::AppError;
use crate::api::chat::conversation_page;
use crate::app::components::composer::Composer;
use crate::app::components::live_reply::{LiveThread, LiveTurns};
use crate::app::components::notice::SuccessNotice;
use crate::app::components::pager::Pager;
use crate::app::components::thread_item::Item;
use crate::app::pages::not_found::NotFound;
use crate::app::{raw_text, use_strings};
use crate::domain::chat::conversation::MessageStatus;
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
    let data: Resource<PageData, ThreadCodec> =
        Resource::new_with_options(key, |(id, page)| conversation_page(id, page), false);
    view! {
        <Transition fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(None) => view! { <NotFound/> }.into_any(),
                Ok(Some(data)) => view! { <Thread data/> }.into_any(),
            })}
        </Transition>
    }
}

type PageData = Result<Option<ConversationData>, AppError>;

/// The thread's data as the page's hydration payload. Every item's HTML is already in the page
/// and the client keeps the DOM it hydrates (`inner_html` is not set again), so the payload
/// carries a one-character stand-in for it instead of the thread a second time. Client-side
/// navigation gets the data whole, from the server function.
struct ThreadCodec;

impl Encoder<PageData> for ThreadCodec {
    type Error = serde_json::Error;
    type Encoded = String;

    fn encode(val: &PageData) -> Result<String, serde_json::Error> {
        #[cfg(feature = "ssr")]
        if let Ok(Some(data)) = val {
            let mut thin = data.clone();
            thin.items.items.iter_mut().for_each(ThreadItem::drop_html);
            return serde_json::to_string(&Ok::<_, AppError>(Some(thin)));
        }
        serde_json::to_string(val)
    }
}

impl Decoder<PageData> for ThreadCodec {
    type Error = serde_json::Error;
    type Encoded = str;

    fn decode(val: &str) -> Result<PageData, serde_json::Error> {
        serde_json::from_str(val)
    }
}

#[component]
fn Thread(data: ConversationData) -> impl IntoView {
    let t = use_strings();
    let title = data
        .title
        .clone()
        .unwrap_or_else(|| t.chat_untitled.to_owned());
    let (page, pages) = (data.items.page, data.items.page_count());
    // One value per state of the thread: the same form sent twice (JavaScript off) is one
    // message. The hydrated composer picks its own per message.
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
    let last_question = items
        .iter()
        .rposition(|i| matches!(i, ThreadItem::User { .. }));
    let question = last_question.and_then(|at| match &items[at] {
        ThreadItem::User { id, .. } => Some(id.clone()),
        _ => None,
    });
    // What comes after the last question is the reply being written: the live copy replaces it.
    let pending_from = match (writing, last_question) {
        (true, Some(at)) => at + 1,
        _ => usize::MAX,
    };
    let live = LiveThread::new(data.id.clone());
    if writing && let Some(question) = question {
        live.resume(question);
    }
    let conversation = data.id.clone();
    view! {
        <Title text=raw_text(format!("{title} · {}", t.app_name))/>
        <SuccessNotice key="thanks" message=t.chat_thanks/>
        <h1 dir="auto">{title}</h1>
        // Page 1 is the newest; "earlier" goes to higher page numbers.
        <Pager page pages key="page"/>
        <ol class="thread" aria-label=t.nav_chat on:submit=move |ev| live.on_submit(ev)>
            // The reply being written is `msg-pending` as the server found it: once hydrated,
            // the page follows it live in its place.
            {data.items.items.into_iter().enumerate().map(|(i, item)| {
                view! { <Item item conversation=conversation.clone() pending={i >= pending_from}/> }
            }).collect_view()}
            <LiveTurns live/>
        </ol>
        <span id="latest"></span>
        <Composer action=format!("/c/{}", data.id) client_id on_send=Callback::new(move |text| live.send(text))/>
    }
}
