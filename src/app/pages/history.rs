//! `/history`: every conversation, most recent first, searchable (titles and messages), 20 a
//! page by links; rename and delete with plain forms (`server::site::chat_forms`). Whole
//! without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::chat::history_page;
use crate::app::components::notice::{ErrorNotice, SuccessNotice};
use crate::app::components::pager::Pager;
use crate::app::use_strings;
use crate::domain::views::chat::{HistoryData, HistoryLine};

#[component]
pub fn HistoryPage() -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let key = move || {
        let q = query.read();
        (
            q.get("q"),
            q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1),
        )
    };
    let data = Resource::new(key, |(q, page)| history_page(q, page));
    view! {
        <Title text=format!("{} · {}", t.nav_history, t.app_name)/>
        <h1>{t.nav_history}</h1>
        <p class="hint">{t.history_intro}</p>
        <ErrorNotice/>
        <SuccessNotice key="deleted" message=t.history_deleted/>
        <SuccessNotice key="renamed" message=t.history_renamed/>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(data) => view! { <History data/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn History(data: HistoryData) -> impl IntoView {
    let t = use_strings();
    let (page, pages) = (data.conversations.page, data.conversations.page_count());
    let empty = if data.q.is_some() {
        t.history_no_match
    } else {
        t.history_none
    };
    view! {
        <form class="inline-form" method="get" action="/history" role="search">
            <label for="q">{t.history_search}</label>
            <input id="q" name="q" type="search" dir="auto" value=data.q.clone().unwrap_or_default()/>
            <button type="submit" class="btn">{t.history_search_button}</button>
        </form>
        {if data.conversations.items.is_empty() {
            view! { <p class="empty-state">{empty}</p> }.into_any()
        } else {
            view! {
                <ul class="history-list">
                    {data.conversations.items.into_iter().map(|c| view! { <Line c/> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <Pager page pages key="page"/>
    }
}

#[component]
fn Line(c: HistoryLine) -> impl IntoView {
    let t = use_strings();
    let title = c
        .title
        .clone()
        .unwrap_or_else(|| t.chat_untitled.to_owned());
    view! {
        <li class="card history-line">
            <a href=format!("/c/{}", c.id) dir="auto"><strong>{title}</strong></a>
            <small class="hint"><bdi>{c.when}</bdi>" · "{t.history_messages.count(c.messages)}</small>
            <div class="row-actions">
                <details class="confirm">
                    <summary class="btn btn-quiet">{t.rename}</summary>
                    <form class="inline-form" method="post" action=format!("/c/{}/rename", c.id)>
                        <label class="sr-only" for=format!("title-{}", c.id)>{t.rename}</label>
                        <input id=format!("title-{}", c.id) name="title" type="text" maxlength="200" dir="auto"
                            value=c.title.unwrap_or_default()/>
                        <button type="submit" class="btn">{t.save}</button>
                    </form>
                </details>
                <details class="confirm">
                    <summary class="btn btn-quiet">{t.delete}</summary>
                    <form method="post" action=format!("/c/{}/delete", c.id)>
                        <p class="hint">{t.delete_conversation_confirm}</p>
                        <button type="submit" class="btn btn-danger">{t.delete}</button>
                    </form>
                </details>
            </div>
        </li>
    }
}
