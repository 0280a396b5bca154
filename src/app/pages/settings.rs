//! `/settings`: profile and coach preferences, API tokens, data export and account deletion.
//! Every section is a plain form posting to a `server::site::account_forms` handler.

use leptos::prelude::*;
use leptos_meta::Title;

use super::settings_facts::CoachSections;
use super::settings_import::ImportSection;
use crate::api::tokens::settings_tokens;
use crate::app::components::notice::{ErrorNotice, SuccessNotice};
use crate::app::{use_strings, use_viewer};
use crate::domain::account::{CoachStyle, Language, ResponseLength, Units};
use crate::domain::i18n::{FormError, Strings};

/// Errors of the tokens and data forms, shown next to those forms (the redirect scrolls there).
const TOKEN_ERRORS: &[FormError] = &[FormError::TokenName];
const DATA_ERRORS: &[FormError] = &[FormError::DeleteConfirm];
/// Every code a section shows itself (tokens, data, and the import section's `IMPORT_ERRORS`).
const SECTION_ERRORS: &[FormError] = &[
    FormError::TokenName,
    FormError::DeleteConfirm,
    FormError::Fact,
    FormError::ImportFile,
    FormError::ImportTz,
    FormError::ImportExpired,
    FormError::ImportRows,
];

#[component]
pub fn SettingsPage() -> impl IntoView {
    let t = use_strings();
    let Some(user) = use_viewer().user else {
        return view! { <p><a href="/login">{t.nav_login}</a></p> }.into_any();
    };
    let prefs = user.preferences.clone();
    view! {
        <Title text=format!("{} · {}", t.settings_title, t.app_name)/>
        <h1>{t.settings_title}</h1>
        <ErrorNotice except=SECTION_ERRORS/>
        <SuccessNotice key="saved" message=t.saved/>

        <section class="card" aria-labelledby="profile-heading">
            <h2 id="profile-heading">{t.settings_profile}</h2>
            <form class="stack" method="post" action="/settings">
                <label for="display_name">{t.display_name}</label>
                <input id="display_name" name="display_name" type="text" required maxlength="80" value=user.display_name.clone()/>

                <label for="language">{t.settings_language}</label>
                <select id="language" name="language">
                    <option value="en" selected=user.language == Language::En>{t.language_name_en}</option>
                    <option value="he" selected=user.language == Language::He>{t.language_name_he}</option>
                </select>

                <label for="units">{t.settings_units}</label>
                <select id="units" name="units">
                    <option value="metric" selected=user.units == Units::Metric>{t.units_metric}</option>
                    <option value="imperial" selected=user.units == Units::Imperial>{t.units_imperial}</option>
                </select>

                <label for="timezone">{t.settings_timezone}</label>
                <input id="timezone" name="timezone" type="text" required dir="ltr" value=user.timezone.clone()
                    aria-describedby="timezone-hint"/>
                <small id="timezone-hint" class="hint">{t.settings_timezone_hint}</small>

                <h3>{t.settings_coach}</h3>
                <label for="coach_style">{t.coach_style}</label>
                <select id="coach_style" name="coach_style">
                    {CoachStyle::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=*s == prefs.coach_style>{coach_label(t, *s)}</option>
                    }).collect_view()}
                </select>
                <label for="response_length">{t.response_length}</label>
                <select id="response_length" name="response_length">
                    {ResponseLength::ALL.iter().map(|l| view! {
                        <option value=l.as_str() selected=*l == prefs.response_length>{length_label(t, *l)}</option>
                    }).collect_view()}
                </select>
                <button type="submit" class="btn btn-primary">{t.save}</button>
            </form>
        </section>

        <CoachSections/>

        <Tokens/>

        <ImportSection timezone=user.timezone.clone()/>

        <section class="card" id="data" aria-labelledby="data-heading">
            <h2 id="data-heading">{t.data_title}</h2>
            <ErrorNotice only=DATA_ERRORS/>
            <p><a class="btn" href="/api/v1/me/export" download>{t.data_export}</a></p>
            <p class="hint">{t.data_export_hint}</p>
            <form class="stack danger-zone" method="post" action="/settings/delete">
                <h3>{t.delete_account}</h3>
                <p class="hint">{t.delete_account_hint}</p>
                <label for="confirm_email">{t.delete_confirm_label}</label>
                <input id="confirm_email" name="confirm_email" type="email" required autocomplete="off" dir="ltr"/>
                <button type="submit" class="btn btn-danger">{t.delete_account}</button>
            </form>
        </section>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_page_notice_skips_every_import_error() {
        for code in super::super::settings_facts::FACT_ERRORS {
            assert!(super::SECTION_ERRORS.contains(code), "{code}");
        }
        for code in super::super::settings_import::IMPORT_ERRORS {
            assert!(super::SECTION_ERRORS.contains(code), "{code}");
        }
    }
}

#[component]
fn Tokens() -> impl IntoView {
    let t = use_strings();
    let tokens = Resource::new(|| (), |_| settings_tokens());
    view! {
        <section class="card" id="tokens" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading">{t.tokens_title}</h2>
            <p class="hint">{t.tokens_intro}" "<code dir="ltr">"Authorization: Bearer …"</code></p>
            <ErrorNotice only=TOKEN_ERRORS/>
            <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
                {move || tokens.get().map(|result| match result {
                    Err(_) => view! { <p class="notice notice-error">{t.err_generic}</p> }.into_any(),
                    Ok(view) => view! {
                        {view.new_token.map(|secret| view! {
                            <div class="notice notice-ok" role="status">
                                <p>{t.token_created}</p>
                                <code class="secret" dir="ltr">{secret}</code>
                            </div>
                        })}
                        {if view.tokens.is_empty() {
                            view! { <p class="muted">{t.tokens_none}</p> }.into_any()
                        } else {
                            view! {
                                <ul class="token-list">
                                    {view.tokens.into_iter().map(|token| view! {
                                        <li>
                                            <div>
                                                <strong dir="auto">{token.name}</strong>
                                                <small class="hint">
                                                    {t.token_created_at}": "{token.created_at}" · "{t.token_last_used}": "
                                                    {token.last_used_at.unwrap_or_else(|| t.token_never_used.to_owned())}
                                                </small>
                                            </div>
                                            <form method="post" action=format!("/settings/tokens/{}/revoke", token.id)>
                                                <button type="submit" class="btn btn-quiet">{t.token_revoke}</button>
                                            </form>
                                        </li>
                                    }).collect_view()}
                                </ul>
                            }.into_any()
                        }}
                    }.into_any(),
                })}
            </Suspense>
            <form class="inline-form" method="post" action="/settings/tokens">
                <label for="token_name">{t.token_name}</label>
                <input id="token_name" name="name" type="text" required maxlength="100" dir="auto"/>
                <button type="submit" class="btn">{t.token_create}</button>
            </form>
        </section>
    }
}

fn coach_label(t: &Strings, style: CoachStyle) -> &'static str {
    match style {
        CoachStyle::Balanced => t.coach_balanced,
        CoachStyle::Encouraging => t.coach_encouraging,
        CoachStyle::Tough => t.coach_tough,
    }
}

fn length_label(t: &Strings, length: ResponseLength) -> &'static str {
    match length {
        ResponseLength::Short => t.length_short,
        ResponseLength::Medium => t.length_medium,
        ResponseLength::Detailed => t.length_detailed,
    }
}
