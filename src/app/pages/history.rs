//! `/history`: not built yet; shows an honest empty state.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::components::coming_soon::ComingSoon;
use crate::app::use_strings;

#[component]
pub fn HistoryPage() -> impl IntoView {
    let t = use_strings();
    view! {
        <Title text=format!("{} · {}", t.nav_history, t.app_name)/>
        <ComingSoon title=t.nav_history body=t.history_soon/>
    }
}
