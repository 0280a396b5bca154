//! `/log`: log a workout with a plain form (works with JavaScript off). Exercises are typed in
//! English or Hebrew with a search list; each block has rows of sets; empty rows are ignored.
//! The form posts to `/log` (`server::site::workout_forms::log_workout`); a refusal comes back with
//! everything typed still filled in, and a success shows the points and any new records.
//! Below it, the latest workouts with edit (`/log?edit=id` fills the same form, which then
//! saves over that workout) and delete.

use std::collections::HashMap;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::log::log_page;
use crate::app::components::notice::{ErrorNotice, SuccessNotice};
use crate::app::use_strings;
use crate::domain::display::{distance_unit_label, weight_unit_label};
use crate::domain::i18n::{fill, record_label};
use crate::domain::views::log::{LogPageData, WorkoutLine};

/// Exercise blocks and set rows shown by default; links (or buttons, when hydrated) add more.
pub const DEFAULT_BLOCKS: usize = 3;
pub const DEFAULT_ROWS: usize = 4;
pub const MAX_BLOCKS: usize = 10;
pub const MAX_ROWS: usize = 20;

#[component]
pub fn LogPage() -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    let keys = move || {
        let q = query.read();
        (q.get("logged"), q.get("edit"))
    };
    let data = Resource::new(keys, |(logged, edit)| log_page(logged, edit));
    view! {
        <Title text=format!("{} · {}", t.log_title, t.app_name)/>
        <h1>{t.log_title}</h1>
        <Suspense fallback=|| view! { <p class="muted">"…"</p> }>
            {move || data.get().map(|result| match result {
                Err(_) => view! { <p class="notice notice-error" role="alert">{t.err_generic}</p> }.into_any(),
                Ok(data) => view! { <div inner_html=data.made_on_server.clone()></div><LogForm data/> }.into_any(),
            })}
        </Suspense>
    }
}

#[component]
fn LogForm(data: LogPageData) -> impl IntoView {
    let t = use_strings();
    let query = use_query_map();
    // What the form starts with: a refusal's query carries everything typed; an edit starts
    // from the stored workout (the query may add to it).
    let q = query.read_untracked();
    let edit_id = q.get("edit");
    let mut initial: HashMap<String, String> = match (&data.editing, q.get("error")) {
        (Some(fields), None) => fields.iter().cloned().collect(),
        _ => HashMap::new(),
    };
    initial.extend(
        q.clone()
            .into_iter()
            .filter(|(k, _)| k != "edit")
            .map(|(k, v)| (k.into_owned(), v)),
    );
    drop(q);
    let unknown_names = initial
        .get("error")
        .is_some_and(|e| e == "unknown_exercise");
    let editing = edit_id.is_some() && (data.editing.is_some() || initial.contains_key("error"));
    let init = StoredValue::new(initial.clone());
    let value = move |key: String| init.with_value(|m| m.get(&key).cloned().unwrap_or_default());
    // Blocks and rows: enough for what the form starts with, at least the defaults.
    let highest = |prefix: &str| {
        initial
            .keys()
            .filter_map(|k| {
                k.strip_prefix(prefix)
                    .and_then(|rest| rest.split('_').next()?.parse::<usize>().ok())
            })
            .max()
    };
    let blocks_from_query = highest("ex").map_or(0, |h| h + 1);
    let wanted_blocks = initial
        .get("blocks")
        .and_then(|b| b.parse().ok())
        .unwrap_or(0);
    let blocks = RwSignal::new(
        blocks_from_query
            .max(wanted_blocks)
            .clamp(DEFAULT_BLOCKS, MAX_BLOCKS),
    );
    let rows: Vec<RwSignal<usize>> = (0..MAX_BLOCKS)
        .map(|i| {
            let from_query = initial
                .keys()
                .filter_map(|k| {
                    let rest = k.strip_prefix(&format!("ex{i}_"))?;
                    rest.get(1..)?.parse::<usize>().ok()
                })
                .max()
                .map_or(0, |h| h + 1);
            RwSignal::new(from_query.clamp(DEFAULT_ROWS, MAX_ROWS))
        })
        .collect();
    let suggestions = move || {
        query
            .read()
            .get("suggest")
            .map(|s| s.split('|').map(str::to_owned).collect::<Vec<_>>())
    };
    let wu = weight_unit_label(data.units);
    let du = distance_unit_label(data.units);
    let rows_for_view = rows.clone();
    view! {
        {data.logged.map(|l| view! {
            <div class="notice notice-ok" role="status">
                <p>{t.workout_saved.count(l.points)}</p>
                {(!l.new_records.is_empty()).then(|| view! {
                    <p>{t.new_prs}</p>
                    <ul class="pr-list">
                        {l.new_records.into_iter().map(|r| view! {
                            <li><strong dir="auto">{r.exercise}</strong>" · "{record_label(t, r.record_type)}": "<bdi>{r.value}</bdi></li>
                        }).collect_view()}
                    </ul>
                })}
                <p><a href="/progress">{t.see_progress}</a></p>
            </div>
        })}
        <ErrorNotice/>
        {move || suggestions().map(|s| view! {
            <ul class="suggestions">{s.into_iter().map(|name| view! { <li>{name}</li> }).collect_view()}</ul>
        })}
        <p class="hint">{t.log_intro}</p>
        <datalist id="exercise-names">
            {data.exercise_names.into_iter().map(|n| view! { <option value=n></option> }).collect_view()}
        </datalist>
        {editing.then(|| view! { <h2 class="editing">{t.editing_workout}</h2> })}
        <form class="card log-form" method="post" action="/log">
            {edit_id.clone().filter(|_| editing).map(|id| view! { <input type="hidden" name="edit" value=id/> })}
            <div class="row2">
                <div class="stack">
                    <label for="name">{t.workout_name}</label>
                    <input id="name" name="name" type="text" maxlength="100" dir="auto" value=value("name".into())/>
                </div>
                <div class="stack">
                    <label for="when">{t.workout_when}</label>
                    <input id="when" name="when" type="datetime-local" value=value("when".into()) aria-describedby="when-hint"/>
                    <small id="when-hint" class="hint">{t.workout_when_hint}</small>
                </div>
            </div>
            {move || (0..blocks.get()).map(|i| {
                let row_count = rows_for_view[i];
                let ex_key = format!("ex{i}");
                view! {
                    <fieldset class="exercise-block">
                        <legend>{format!("{} {}", t.exercise, i + 1)}</legend>
                        <label class="sr-only" for=ex_key.clone()>{t.exercise}</label>
                        <input id=ex_key.clone() name=ex_key.clone() type="text" list="exercise-names" autocomplete="off" dir="auto"
                            placeholder=t.exercise_placeholder value=value(ex_key.clone())/>
                        <table class="sets">
                            <thead><tr>
                                <th scope="col">{t.set}</th>
                                <th scope="col">{t.reps}</th>
                                <th scope="col">{format!("{} ({wu})", t.weight)}</th>
                                <th scope="col">{format!("{} ({du})", t.distance)}</th>
                                <th scope="col">{t.minutes}</th>
                            </tr></thead>
                            <tbody>
                                {move || (0..row_count.get()).map(|j| {
                                    let field = |c: &str| format!("ex{i}_{c}{j}");
                                    let cell = move |c: &'static str, label: &'static str, mode: &'static str| {
                                        let name = field(c);
                                        view! {
                                            <td>
                                                <label class="sr-only" for=name.clone()>{format!("{label} {}", j + 1)}</label>
                                                <input id=name.clone() name=name.clone() type="text" inputmode=mode size="4" dir="ltr" value=value(name)/>
                                            </td>
                                        }
                                    };
                                    // Set type, RPE and notes of an edited set ride along unseen.
                                    let hidden = ["t", "e", "n"].into_iter().filter_map(|c| {
                                        let name = field(c);
                                        let v = value(name.clone());
                                        (!v.is_empty()).then(|| view! { <input type="hidden" name=name value=v/> })
                                    }).collect_view();
                                    view! {
                                        <tr>
                                            <th scope="row">{j + 1}{hidden}</th>
                                            {cell("r", t.reps, "numeric")}
                                            {cell("w", t.weight, "decimal")}
                                            {cell("d", t.distance, "decimal")}
                                            {cell("m", t.minutes, "decimal")}
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="row-actions">
                            <a href=format!("?blocks={}", blocks.get_untracked()) class="btn btn-quiet"
                                on:click=move |ev| { ev.prevent_default(); row_count.update(|n| *n = (*n + 1).min(MAX_ROWS)); }>
                                "+ "{t.add_set}
                            </a>
                            <a href="#" class="btn btn-quiet"
                                on:click=move |ev| { ev.prevent_default(); row_count.update(|n| *n = n.saturating_sub(1).max(1)); }>
                                "− "{t.remove_set}
                            </a>
                        </p>
                    </fieldset>
                }
            }).collect_view()}
            <p class="row-actions">
                <a href=move || format!("?blocks={}", (blocks.get() + 1).min(MAX_BLOCKS)) class="btn"
                    on:click=move |ev| { ev.prevent_default(); blocks.update(|n| *n = (*n + 1).min(MAX_BLOCKS)); }>
                    "+ "{t.add_exercise}
                </a>
            </p>
            {unknown_names.then(|| view! {
                <div class="notice add-missing">
                    <p>{t.add_missing_hint}</p>
                    <button type="submit" name="add_missing" value="1" class="btn">{t.add_missing_button}</button>
                </div>
            })}
            <p class="row-actions">
                <button type="submit" class="btn btn-primary">{if editing { t.save_changes } else { t.save_workout }}</button>
                {editing.then(|| view! { <a class="btn btn-quiet" href="/log">{t.cancel}</a> })}
            </p>
        </form>
        <RecentWorkouts recent=data.recent/>
    }
}

#[component]
fn RecentWorkouts(recent: Vec<WorkoutLine>) -> impl IntoView {
    let t = use_strings();
    view! {
        <section aria-labelledby="recent-heading" id="recent">
            <h2 id="recent-heading">{t.recent_workouts}</h2>
            <SuccessNotice key="deleted" message=t.workout_deleted/>
            {if recent.is_empty() {
                view! { <p class="muted">{t.no_recent_workouts}</p> }.into_any()
            } else {
                view! {
                    <ul class="workout-list">
                        {recent.into_iter().map(|w| {
                            let summary = fill(t.workout_summary, &[("sets", &t.sets.count(w.sets)), ("points", &t.points.count(w.points))]);
                            view! {
                                <li class="card workout-line">
                                    <div class="workout-head">
                                        <strong dir="auto">{w.name.unwrap_or_else(|| w.when.clone())}</strong>
                                        <small class="hint"><bdi>{w.when}</bdi>" · "{summary}</small>
                                    </div>
                                    <p class="workout-exercises">{w.exercises.into_iter().enumerate().map(|(i, e)| view! { {(i > 0).then_some(" · ")}<bdi class="exercise-name">{e}</bdi> }).collect_view()}</p>
                                    <div class="row-actions">
                                        <a class="btn btn-quiet" href=format!("/log?edit={}", w.id)>{t.edit}</a>
                                        <details class="confirm">
                                            <summary class="btn btn-quiet">{t.delete}</summary>
                                            <form method="post" action=format!("/log/{}/delete", w.id)>
                                                <p class="hint">{t.delete_workout_confirm}</p>
                                                <button type="submit" class="btn btn-danger">{t.delete}</button>
                                            </form>
                                        </details>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
