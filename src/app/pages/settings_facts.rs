//! Settings: what the coach knows about the user (the `user_facts` the `remember` tool keeps),
//! each editable and deletable with plain forms (`server::site::fact_forms`), and a form to add
//! one.

use leptos::prelude::*;

use crate::api::facts::settings_facts;
use crate::app::components::notice::ErrorNotice;
use crate::app::use_strings;
use crate::domain::chat::facts::{FactKind, FactSource};
use crate::domain::i18n::FormError;
use crate::domain::views::facts::FactLine;

/// The errors this section shows next to its forms.
pub const FACT_ERRORS: &[FormError] = &[FormError::Fact];

#[component]
pub fn FactsSection() -> impl IntoView {
    let t = use_strings();
    let facts = Resource::new(|| (), |_| settings_facts());
    view! {
        <section class="card" id="facts" aria-labelledby="facts-heading">
            <h2 id="facts-heading">{t.facts_title}</h2>
            <p class="hint">{t.facts_intro}</p>
            <ErrorNotice only=FACT_ERRORS/>
            <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
                {move || facts.get().map(|result| match result {
                    Err(_) => view! { <p class="notice notice-error">{t.err_generic}</p> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">{t.facts_none}</p> }.into_any(),
                    Ok(list) => view! {
                        <ul class="fact-list">
                            {list.into_iter().map(|fact| view! { <Fact fact/> }).collect_view()}
                        </ul>
                    }.into_any(),
                })}
            </Suspense>
            <form class="inline-form" method="post" action="/settings/facts">
                <KindSelect id="fact_kind_new".to_owned() chosen=FactKind::Other/>
                <label for="fact_text_new">{t.fact_text}</label>
                <input id="fact_text_new" name="text" type="text" required maxlength="500" dir="auto"/>
                <button type="submit" class="btn">{t.fact_add}</button>
            </form>
        </section>
    }
}

#[component]
fn Fact(fact: FactLine) -> impl IntoView {
    let t = use_strings();
    let id = fact.id.clone();
    view! {
        <li>
            <form class="inline-form" method="post" action=format!("/settings/facts/{id}")>
                <KindSelect id=format!("fact_kind_{id}") chosen=fact.kind/>
                <label class="sr-only" for=format!("fact_text_{id}")>{t.fact_text}</label>
                <input id=format!("fact_text_{id}") name="text" type="text" required maxlength="500" dir="auto"
                    value=fact.text/>
                {(fact.source == FactSource::Chat).then(|| view! { <small class="hint">{t.fact_from_chat}</small> })}
                <button type="submit" class="btn btn-quiet">{t.save}</button>
            </form>
            <form method="post" action=format!("/settings/facts/{id}/delete")>
                <button type="submit" class="btn btn-quiet">{t.delete}</button>
            </form>
        </li>
    }
}

#[component]
fn KindSelect(id: String, chosen: FactKind) -> impl IntoView {
    let t = use_strings();
    view! {
        <label class="sr-only" for=id.clone()>{t.fact_kind}</label>
        <select id=id name="kind">
            {FactKind::ALL.iter().map(|k| view! {
                <option value=k.as_str() selected=*k == chosen>{k.label(t)}</option>
            }).collect_view()}
        </select>
    }
}
