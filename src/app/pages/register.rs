//! `/register`: create an account. Posts to `/register`; errors come back as `?error=…`
//! with what was typed (except the password). When hydrated, the browser's time zone is sent
//! along so streaks count days where the user lives.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::components::notice::ErrorNotice;
use crate::app::{use_strings, use_viewer};

#[component]
pub fn RegisterPage() -> impl IntoView {
    let t = use_strings();
    let language = use_viewer().language;
    let query = use_query_map();
    let email = move || query.read().get("email").unwrap_or_default();
    let display_name = move || query.read().get("display_name").unwrap_or_default();
    let timezone = RwSignal::new(String::new());
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let options =
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
                .resolved_options();
        if let Some(zone) = js_sys::Reflect::get(&options, &"timeZone".into())
            .ok()
            .and_then(|z| z.as_string())
        {
            timezone.set(zone);
        }
    });
    view! {
        <Title text=format!("{} · {}", t.nav_register, t.app_name)/>
        <section class="card auth">
            <h1>{t.register_title}</h1>
            <p class="muted">{t.register_intro}</p>
            <ErrorNotice/>
            <form class="stack" method="post" action="/register">
                <label for="email">{t.email}</label>
                <input id="email" name="email" type="email" autocomplete="email" required value=email/>
                <label for="password">{t.password}</label>
                <input id="password" name="password" type="password" autocomplete="new-password" required minlength="8"
                    aria-describedby="password-hint"/>
                <small id="password-hint" class="hint">{t.password_hint}</small>
                <label for="display_name">{t.display_name}</label>
                <input id="display_name" name="display_name" type="text" autocomplete="nickname" maxlength="80"
                    value=display_name aria-describedby="display-name-hint"/>
                <small id="display-name-hint" class="hint">{t.display_name_hint}</small>
                <input type="hidden" name="language" value=language.as_str()/>
                <input type="hidden" name="timezone" prop:value=move || timezone.get()/>
                <button type="submit" class="btn btn-primary">{t.register_submit}</button>
            </form>
            <p class="muted">{t.register_have_account}" "<a href="/login">{t.nav_login}</a></p>
        </section>
    }
}
