//! `/progress`: totals, streaks, level, this month against last, the charts (made on the
//! server with the coach's chart builder, drawn by `public/charts.js`, tables without
//! JavaScript; `?exercise=` picks the estimated-1RM trend), personal records and achievements.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::progress::progress_page;
use crate::app::use_strings;
use crate::domain::display::count;
use crate::domain::i18n::{level_label, record_label};
use crate::domain::views::progress::ProgressData;

#[component]
pub fn ProgressPage() -> impl IntoView {
    let t = use_strings();
    let data = Resource::new(|| (), |_| progress_page());
    view! {
        <Title text=format!("{} · {}", t.progress_title, t.app_name)/>
        <h1>{t.progress_title}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(d) if d.workouts == 0 => view! {
                    <section class="empty-state">
                        <p>{t.no_workouts_yet}</p>
                        <p><a class="btn btn-primary" href="/log">{t.log_first_workout}</a></p>
                    </section>
                }.into_any(),
                Ok(d) => view! { <Dashboard d/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Dashboard(d: ProgressData) -> impl IntoView {
    let t = use_strings();
    view! {
        <section class="stat-grid" aria-label=t.progress_title>
            <div class="stat card"><span class="stat-label">{t.stat_workouts}</span><strong><bdi>{count(d.workouts)}</bdi></strong></div>
            <div class="stat card"><span class="stat-label">{t.stat_points}</span><strong><bdi>{count(d.points)}</bdi></strong></div>
            <div class="stat card"><span class="stat-label">{t.stat_streak}</span><strong>{t.days.count(d.current_streak_days)}</strong></div>
            <div class="stat card"><span class="stat-label">{t.stat_longest}</span><strong>{t.days.count(d.longest_streak_days)}</strong></div>
            <div class="stat card"><span class="stat-label">{t.stat_volume}</span><strong><bdi>{d.volume.clone()}</bdi></strong></div>
            {d.favourite_exercise.clone().map(|f| view! {
                <div class="stat card"><span class="stat-label">{t.favourite_exercise}</span><strong dir="auto">{f}</strong></div>
            })}
        </section>
        <section class="card" aria-labelledby="level-heading">
            <h2 id="level-heading">{t.level}": "{level_label(t, d.level)}</h2>
            <progress max="100" value=d.level_progress.to_string()>{format!("{}%", d.level_progress)}</progress>
            {(d.points_to_next_level > 0).then(|| view! {
                <p class="hint">{t.to_next_level.count(d.points_to_next_level)}</p>
            })}
        </section>
        <section class="card" aria-labelledby="months-heading">
            <h2 id="months-heading" class="sr-only">{t.this_month}</h2>
            <table class="data">
                <thead><tr><td></td><th scope="col">{t.stat_workouts}</th><th scope="col">{t.stat_points}</th><th scope="col">{t.stat_volume}</th></tr></thead>
                <tbody>
                    <tr><th scope="row">{t.this_month}</th><td><bdi>{count(d.this_month.workouts)}</bdi></td><td><bdi>{count(d.this_month.points)}</bdi></td><td><bdi>{d.this_month.volume.clone()}</bdi></td></tr>
                    <tr><th scope="row">{t.last_month}</th><td><bdi>{count(d.last_month.workouts)}</bdi></td><td><bdi>{count(d.last_month.points)}</bdi></td><td><bdi>{d.last_month.volume.clone()}</bdi></td></tr>
                </tbody>
            </table>
        </section>
        <div inner_html=d.charts></div>
        <section class="card" id="records" aria-labelledby="records-heading">
            <h2 id="records-heading">{t.records_title}</h2>
            <table class="data records">
                <thead><tr><th scope="col">{t.exercise}</th><th scope="col">{t.record_type}</th><th scope="col">{t.record_value}</th><th scope="col">{t.record_date}</th></tr></thead>
                <tbody>
                    {d.records.into_iter().map(|r| view! {
                        <tr>
                            <td dir="auto">{r.exercise}</td>
                            <td>{record_label(t, r.record_type)}</td>
                            <td><bdi>{r.value}</bdi></td>
                            <td><bdi>{r.date}</bdi></td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
        {(!d.achievements.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="achievements-heading">
                <h2 id="achievements-heading">{t.achievements_title}</h2>
                <ul class="achievements">
                    {d.achievements.into_iter().map(|(name, date)| view! {
                        <li><span class="badge">"★"</span>" "<bdi>{name}</bdi>" "<small class="hint"><bdi>{date}</bdi></small></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
