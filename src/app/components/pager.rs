//! Previous/next links for one list of a page (`?<key>=<page>`), plain links so they work
//! with JavaScript off. The page's other query values (another list's page) are kept;
//! one-time notices (`error`, `saved`, `deleted`) are not.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::app::use_strings;
use crate::domain::i18n::fill;
use crate::domain::url_query::query_value;

const ONE_TIME: &[&str] = &["error", "saved", "deleted"];

/// Nothing when everything fits on one page.
#[component]
pub fn Pager(
    /// The 1-based page shown.
    page: u32,
    /// How many pages there are.
    pages: u64,
    /// The query key of this list's page.
    key: &'static str,
    /// Where the links land (`#done`).
    #[prop(optional)]
    anchor: &'static str,
) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let href = move |n: u32| {
        let q = query.read_untracked();
        let mut parts: Vec<String> = q
            .clone()
            .into_iter()
            .filter(|(k, _)| k != key && !ONE_TIME.contains(&k.as_ref()))
            .map(|(k, v)| format!("{k}={}", query_value(&v)))
            .collect();
        parts.push(format!("{key}={n}"));
        format!("?{}{anchor}", parts.join("&"))
    };
    (pages > 1).then(|| {
        let label = fill(
            t.pager_page,
            &[("page", &page.to_string()), ("pages", &pages.to_string())],
        );
        view! {
            <nav class="pager" aria-label=t.pager_label>
                {(page > 1).then(|| view! { <a rel="prev" href=href(page - 1)>{t.pager_previous}</a> })}
                <span aria-current="page">{label}</span>
                {(u64::from(page) < pages).then(|| view! { <a rel="next" href=href(page + 1)>{t.pager_next}</a> })}
            </nav>
        }
    })
}
