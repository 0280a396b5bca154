//! The import section of `/settings`: choose a Strong, Hevy or FitNotes CSV or a Spotter export
//! to restore (the format told by the file unless chosen), see the preview (made on the server as HTML:
//! `server::services::import_preview`), then import, import without the bad lines, or cancel.
//! Plain multipart and button forms posting to `server::site::import_forms`.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::api::import::import_preview;
use crate::app::components::notice::ErrorNotice;
use crate::app::use_strings;
use crate::domain::i18n::{FormError, fill};

/// The error codes this section shows (the page's top notice skips them).
pub const IMPORT_ERRORS: &[FormError] = &[
    FormError::ImportFile,
    FormError::ImportTz,
    FormError::ImportExpired,
    FormError::ImportRows,
];

#[component]
pub fn ImportSection(timezone: String) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let token = move || query.read().get("import");
    let preview = Resource::new(token, |token| async move {
        match token {
            Some(token) => import_preview(token).await,
            None => Ok(None),
        }
    });
    // Counts come back as numbers only, so nothing from the URL is echoed as text.
    let done = move || {
        let q = query.read();
        let n = |k: &str| q.get(k).and_then(|v| v.parse::<u64>().ok());
        n("imported").map(|w| (w, n("sets").unwrap_or(0)))
    };
    view! {
        <section class="card" id="import" aria-labelledby="import-heading">
            <h2 id="import-heading">{t.import_title}</h2>
            <p class="hint">{t.import_intro}</p>
            <ErrorNotice only=IMPORT_ERRORS/>
            {move || done().map(|(w, s)| view! {
                <p class="notice notice-ok" role="status">
                    {if w == 0 {
                        t.import_nothing_new.to_owned()
                    } else {
                        fill(t.import_done, &[("workouts", &t.workouts.count(w)), ("sets", &t.sets.count(s))])
                    }}
                </p>
            })}
            <Suspense fallback=|| ()>
                {move || preview.get().map(|result| match result {
                    Ok(Some(html)) => view! { <div inner_html=html></div> }.into_any(),
                    Ok(None) if token().is_some() => view! {
                        <p class="notice notice-error" role="alert">{t.err_import_expired}</p>
                    }.into_any(),
                    Ok(None) => ().into_any(),
                    Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                })}
            </Suspense>
            <form class="stack" method="post" action="/settings/import" enctype="multipart/form-data">
                <div class="row2">
                    <div class="stack">
                        <label for="import_format">{t.import_format}</label>
                        <select id="import_format" name="format">
                            <option value="auto">{t.import_format_auto}</option>
                            <option value="strong">"Strong"</option>
                            <option value="hevy">"Hevy"</option>
                            <option value="fitnotes">"FitNotes"</option>
                            <option value="spotter">"Spotter (JSON)"</option>
                        </select>
                    </div>
                    <div class="stack">
                        <label for="import_tz">{t.import_tz}</label>
                        <input id="import_tz" name="tz" type="text" dir="ltr" placeholder=timezone/>
                    </div>
                </div>
                <label for="import_file">{t.import_file}</label>
                <input id="import_file" name="file" type="file" accept=".csv,text/csv,.json,application/json" required/>
                <button type="submit" class="btn">{t.import_preview_button}</button>
            </form>
        </section>
    }
}
