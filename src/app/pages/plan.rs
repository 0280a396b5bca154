//! `/plan`: the training plan. Pending items (overdue ones marked) with "done" and delete
//! buttons, a form to add one with the due date in plain words, and what is already done.
//! Plain forms posting to `server::site::plan_forms` (JavaScript optional).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::plan::plan_page;
use crate::app::components::notice::{ErrorNotice, SuccessNotice};
use crate::app::components::pager::Pager;
use crate::app::use_strings;
use crate::domain::i18n::Strings;
use crate::domain::plan::Priority;
use crate::domain::views::plan::{PlanCard, PlanPageData, PlanPages};

fn priority_label(t: &Strings, p: Priority) -> &'static str {
    match p {
        Priority::Low => t.prio_low,
        Priority::Medium => t.prio_medium,
        Priority::High => t.prio_high,
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let pages = move || {
        let q = query.read();
        let page = |key: &str| q.get(key).and_then(|v| v.parse().ok()).unwrap_or(1);
        PlanPages {
            pending: page("pending"),
            done: page("done"),
        }
    };
    let data = Resource::new(pages, plan_page);
    view! {
        <Title text=format!("{} · {}", t.plan_title, t.app_name)/>
        <h1>{t.plan_title}</h1>
        <p class="hint">{t.plan_intro}</p>
        <ErrorNotice/>
        <SuccessNotice key="saved" message=t.plan_saved/>
        <SuccessNotice key="deleted" message=t.deleted/>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(data) => view! { <Plan data/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Plan(data: PlanPageData) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let value = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let chosen_priority = value("priority");
    view! {
        {if data.pending.total == 0 {
            view! { <p class="empty-state">{t.plan_none}</p> }.into_any()
        } else {
            let (page, pages) = (data.pending.page, data.pending.page_count());
            view! {
                <ul class="plan-list" id="pending" aria-label=t.plan_title>
                    {data.pending.items.into_iter().map(|item| view! { <PlanItem item/> }).collect_view()}
                </ul>
                <Pager page pages key="pending" anchor="#pending"/>
            }.into_any()
        }}
        <section class="card" aria-labelledby="new-item">
            <h2 id="new-item">{t.plan_new}</h2>
            <form class="stack" method="post" action="/plan">
                <label for="title">{t.plan_item_title}</label>
                <input id="title" name="title" type="text" required maxlength="200" dir="auto" value=value("title")/>
                <div class="row2">
                    <div class="stack">
                        <label for="due">{t.plan_due}</label>
                        <input id="due" name="due" type="text" placeholder=t.plan_due_placeholder value=value("due")/>
                    </div>
                    <div class="stack">
                        <label for="priority">{t.plan_priority}</label>
                        <select id="priority" name="priority">
                            {Priority::ALL.iter().map(|p| view! {
                                <option value=p.as_str() selected=chosen_priority == p.as_str()>{priority_label(t, *p)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
                <label for="description">{t.plan_description}</label>
                <textarea id="description" name="description" rows="2" maxlength="2000" dir="auto">{crate::app::raw_text(value("description"))}</textarea>
                <button type="submit" class="btn btn-primary">{t.plan_add}</button>
            </form>
        </section>
        {(data.done.total > 0).then(|| {
            let (page, pages) = (data.done.page, data.done.page_count());
            view! {
                <section id="done" aria-labelledby="done-heading">
                    <h2 id="done-heading">{t.plan_done_heading}</h2>
                    <ul class="plan-list">
                        {data.done.items.into_iter().map(|item| view! { <PlanItem item/> }).collect_view()}
                    </ul>
                    <Pager page pages key="done" anchor="#done"/>
                </section>
            }
        })}
    }
}

#[component]
fn PlanItem(item: PlanCard) -> impl IntoView {
    let t = use_strings();
    let priority = item.priority;
    let id = item.id.clone();
    let (next_status, toggle_label) = if item.done {
        ("pending", t.plan_reopen)
    } else {
        ("done", t.plan_mark_done)
    };
    view! {
        <li class="card plan-item" class:plan-done=item.done class:plan-overdue=item.overdue>
            <div class="plan-head">
                <h2 class="plan-title" dir="auto">{item.title}</h2>
                {(priority != Priority::Medium).then(|| view! {
                    <span class=format!("badge prio-{}", priority.as_str())>{priority_label(t, priority)}</span>
                })}
                {item.ai_generated.then(|| view! { <span class="badge badge-muted" title=t.plan_ai>"AI"</span> })}
            </div>
            <p class="plan-due">
                {match item.due {
                    Some(due) => view! { <bdi>{due}</bdi> }.into_any(),
                    None => view! { <span class="muted">{t.plan_no_date}</span> }.into_any(),
                }}
                {item.overdue.then(|| view! { " · "<strong class="overdue">{t.plan_overdue}</strong> })}
            </p>
            {item.description.map(|d| view! { <p class="plan-description" dir="auto">{d}</p> })}
            <div class="row-actions">
                <form method="post" action=format!("/plan/{id}/status")>
                    <input type="hidden" name="status" value=next_status/>
                    <button type="submit" class="btn">{toggle_label}</button>
                </form>
                <form method="post" action=format!("/plan/{id}/delete")>
                    <button type="submit" class="btn btn-quiet">{t.delete}</button>
                </form>
            </div>
        </li>
    }
}
