//! `/login`: email and password. Posts to `/login` (a plain form handler); a failure comes
//! back as `?error=…&email=…` so the error shows and the email stays filled in.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::app::components::notice::{ErrorNotice, SuccessNotice};
use crate::app::use_strings;

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let email = move || query.read().get("email").unwrap_or_default();
    let next = move || query.read().get("next").unwrap_or_default();
    view! {
        <Title text=format!("{} · {}", t.nav_login, t.app_name)/>
        <section class="card auth">
            <h1>{t.login_title}</h1>
            <ErrorNotice/>
            <SuccessNotice key="deleted" message=t.account_deleted/>
            <form class="stack" method="post" action="/login">
                <label for="email">{t.email}</label>
                <input id="email" name="email" type="email" autocomplete="email" required value=email/>
                <label for="password">{t.password}</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required/>
                <input type="hidden" name="next" value=next/>
                <button type="submit" class="btn btn-primary">{t.login_submit}</button>
            </form>
            <p class="muted">{t.login_no_account}" "<a href="/register">{t.login_create_account}</a></p>
        </section>
    }
}
