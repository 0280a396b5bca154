//! `/`: talk to the coach. A first message starts a conversation (`server::site::chat_forms`);
//! the newest conversations are listed below it.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::chat::chat_home;
use crate::app::components::composer::Composer;
use crate::app::{use_strings, use_viewer};
use crate::domain::views::chat::ChatHomeData;

#[component]
pub fn ChatPage() -> impl IntoView {
    let t = use_strings();
    let name = use_viewer()
        .user
        .map(|u| u.display_name)
        .unwrap_or_default();
    let data = Resource::new(|| (), |_| chat_home());
    let (before, after) = t
        .welcome_title
        .split_once("{name}")
        .unwrap_or((t.welcome_title, ""));
    view! {
        <Title text=format!("{} · {}", t.nav_chat, t.app_name)/>
        <section class="welcome">
            <h1>{before}<bdi>{name}</bdi>{after}</h1>
            <p>{t.welcome_body}</p>
        </section>
        <Composer action="/".to_owned() client_id=String::new()/>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(data) => view! { <div inner_html=data.banner.clone()></div><Recent data/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Recent(data: ChatHomeData) -> impl IntoView {
    let t = use_strings();
    view! {
        <section aria-labelledby="recent-chats">
            <h2 id="recent-chats">{t.chat_recent}</h2>
            {if data.recent.is_empty() {
                view! { <p class="empty-state">{t.chat_none_yet}</p> }.into_any()
            } else {
                view! {
                    <ul class="conversation-list">
                        {data.recent.into_iter().map(|c| view! {
                            <li>
                                <a href=format!("/c/{}", c.id) dir="auto">{c.title.unwrap_or_else(|| t.chat_untitled.to_owned())}</a>
                                " "<small class="hint"><bdi>{c.when}</bdi></small>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
