//! `/progress`: not built yet; shows an honest empty state.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::components::coming_soon::ComingSoon;
use crate::app::use_strings;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let t = use_strings();
    view! {
        <Title text=format!("{} · {}", t.nav_progress, t.app_name)/>
        <ComingSoon title=t.nav_progress body=t.progress_soon/>
    }
}
