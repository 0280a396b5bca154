//! `/goals`: each goal with its live progress (from the log), pause/resume and delete, and a
//! form to set a new one. Plain forms posting to `server::site::goal_forms` (JavaScript optional);
//! a refusal comes back with what was typed still filled in.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::goals::goals_page;
use crate::app::components::notice::{ErrorNotice, SuccessNotice};
use crate::app::use_strings;
use crate::domain::display::{distance_unit_label, weight_unit_label};
use crate::domain::goals::{GoalType, Timeframe};
use crate::domain::i18n::{Strings, fill, goal_type_label};
use crate::domain::views::goals::{GoalCard, GoalsPageData};

fn timeframe_label(t: &Strings, timeframe: Timeframe) -> &'static str {
    match timeframe {
        Timeframe::Daily => t.tf_daily,
        Timeframe::Weekly => t.tf_weekly,
        Timeframe::Monthly => t.tf_monthly,
        Timeframe::ByDate => t.tf_by_date,
    }
}

#[component]
pub fn GoalsPage() -> impl IntoView {
    let t = use_strings();
    let data = Resource::new(|| (), |_| goals_page());
    view! {
        <Title text=format!("{} · {}", t.goals_title, t.app_name)/>
        <h1>{t.goals_title}</h1>
        <p class="hint">{t.goals_intro}</p>
        <ErrorNotice/>
        <SuccessNotice key="saved" message=t.goal_saved/>
        <SuccessNotice key="deleted" message=t.deleted/>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(data) => view! { <Goals data/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn Goals(data: GoalsPageData) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let value = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let chosen_type = value("goal_type");
    let chosen_timeframe = value("timeframe");
    let hint = fill(
        t.goal_target_hint,
        &[
            ("w", weight_unit_label(data.units)),
            ("d", distance_unit_label(data.units)),
        ],
    );
    view! {
        {if data.goals.is_empty() {
            view! { <p class="empty-state">{t.goals_none}</p> }.into_any()
        } else {
            view! {
                <ul class="goal-list">
                    {data.goals.into_iter().map(|g| view! { <GoalItem g/> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <section class="card" aria-labelledby="new-goal">
            <h2 id="new-goal">{t.goal_new}</h2>
            <datalist id="exercise-names">
                {data.exercise_names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
            </datalist>
            <form class="stack" method="post" action="/goals">
                <div class="row2">
                    <div class="stack">
                        <label for="goal_type">{t.goal_type}</label>
                        <select id="goal_type" name="goal_type">
                            {GoalType::ALL.iter().map(|g| view! {
                                <option value=g.as_str() selected=chosen_type == g.as_str()>{goal_type_label(t, *g)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="stack">
                        <label for="target">{t.goal_target}</label>
                        <input id="target" name="target" type="text" inputmode="decimal" required
                            value=value("target") aria-describedby="target-hint"/>
                    </div>
                </div>
                <small id="target-hint" class="hint">{hint}</small>
                <div class="row2">
                    <div class="stack">
                        <label for="timeframe">{t.goal_timeframe}</label>
                        <select id="timeframe" name="timeframe">
                            {Timeframe::ALL.iter().map(|tf| view! {
                                <option value=tf.as_str() selected=chosen_timeframe == tf.as_str()>{timeframe_label(t, *tf)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="stack">
                        <label for="end_date">{t.goal_end_date}</label>
                        <input id="end_date" name="end_date" type="date" value=value("end_date")/>
                    </div>
                </div>
                <label for="exercise">{t.goal_exercise_optional}</label>
                <input id="exercise" name="exercise" type="text" list="exercise-names" autocomplete="off" dir="auto"
                    placeholder=t.exercise_placeholder value=value("exercise")/>
                <button type="submit" class="btn btn-primary">{t.goal_create}</button>
            </form>
        </section>
    }
}

#[component]
fn GoalItem(g: GoalCard) -> impl IntoView {
    let t = use_strings();
    let timeframe = g.timeframe;
    let when = match (timeframe, &g.end) {
        (Timeframe::ByDate, Some(end)) => fill(t.goal_by, &[("date", end)]),
        _ => timeframe_label(t, timeframe).to_owned(),
    };
    // The exercise name may be the user's own, in either language: it keeps its direction.
    let exercise = g
        .exercise
        .clone()
        .map(|e| view! { " · "<bdi class="exercise-name">{e}</bdi> });
    let id = g.id.clone();
    view! {
        <li class="card goal" class:goal-paused=!g.is_active class:goal-done=g.completed>
            <div class="goal-head">
                <h2 class="goal-title">{goal_type_label(t, g.goal_type)}{exercise}</h2>
                {g.completed.then(|| view! { <span class="badge">"✓ "{t.goal_achieved}</span> })}
                {(!g.is_active).then(|| view! { <span class="badge badge-muted">{t.goal_paused}</span> })}
            </div>
            <p class="goal-amount">
                <strong><bdi>{g.current.clone()}</bdi></strong>" / "<bdi>{g.target.clone()}</bdi>
                " · "{when}
            </p>
            <progress max="100" value=g.percent.to_string() aria-label=format!("{}%", g.percent)>{format!("{}%", g.percent)}</progress>
            <p class="hint">{fill(t.goal_window, &[("from", &g.from), ("to", &g.to)])}</p>
            <div class="row-actions">
                <form method="post" action=format!("/goals/{id}/active")>
                    <input type="hidden" name="active" value=if g.is_active { "false" } else { "true" }/>
                    <button type="submit" class="btn btn-quiet">{if g.is_active { t.goal_pause } else { t.goal_resume }}</button>
                </form>
                <form method="post" action=format!("/goals/{id}/delete")>
                    <button type="submit" class="btn btn-quiet">{t.delete}</button>
                </form>
            </div>
        </li>
    }
}
