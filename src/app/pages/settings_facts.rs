//! Settings: what the coach knows about the user (the facts the `remember` tool keeps) and
//! the training profile it plans with. Both are made on the server as HTML
//! (`server::services::coach_section`, plain forms that work without JavaScript), which keeps
//! them out of the wasm.

use leptos::prelude::*;

use crate::api::facts::settings_coach;
use crate::domain::i18n::FormError;

/// The errors these sections show next to their forms (not in the page's notice).
pub const FACT_ERRORS: &[FormError] = &[FormError::Fact];

#[component]
pub fn CoachSections() -> impl IntoView {
    let html = Resource::new(|| (), |_| settings_coach());
    view! {
        <Suspense fallback=|| ()>
            {move || html.get().map(|h| view! { <div inner_html=h.unwrap_or_default()></div> })}
        </Suspense>
    }
}
