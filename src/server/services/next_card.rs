//! `/log`'s "Next time" card, made on the server as HTML ([`markup`]): for the exercise chosen
//! in its picker (a plain GET form, `?next=<slug>`; the most recently trained by default), the
//! next session's sets ("Next time: 3 × 8 @ 82.5 kg") and why, from [`Planner`].

use leptos::prelude::*;

use super::coach_plan::Planner;
use crate::domain::account::Language;
use crate::domain::catalog::catalog;
use crate::domain::progression::next_session::Advice;
use crate::domain::progression::words;
use crate::server::markup;

/// Exercises in the picker.
const PICKER: usize = 15;

struct Labels {
    title: &'static str,
    exercise: &'static str,
    show: &'static str,
    next_time: &'static str,
    deload: &'static str,
    last: &'static str,
}

const EN: Labels = Labels {
    title: "Next time",
    exercise: "Exercise",
    show: "Show",
    next_time: "Next time:",
    deload: "Deload week:",
    last: "From your session of",
};

const HE: Labels = Labels {
    title: "בפעם הבאה",
    exercise: "תרגיל",
    show: "הצג",
    next_time: "בפעם הבאה:",
    deload: "שבוע הורדת עומס:",
    last: "לפי האימון מ-",
};

/// The card, or nothing when no lifted exercise has been logged in the last months.
pub fn html(planner: &Planner, language: Language, chosen: Option<&str>) -> String {
    let l = match language {
        Language::En => &EN,
        Language::He => &HE,
    };
    let recent: Vec<&String> = planner
        .recent()
        .iter()
        .filter(|s| planner.next(s).is_some())
        .take(PICKER)
        .collect();
    let Some(first) = recent.first() else {
        return String::new();
    };
    let chosen = chosen
        .and_then(|c| recent.iter().find(|s| s.as_str() == c))
        .unwrap_or(first)
        .as_str();
    let name = |slug: &str| {
        catalog()
            .get(slug)
            .map(|e| language.pick(e.name_en.clone(), e.name_he.clone()))
            .unwrap_or_default()
    };
    let options = recent
        .iter()
        .map(|slug| {
            view! { <option value=slug.to_string() selected=slug.as_str() == chosen>{name(slug)}</option> }
        })
        .collect_view();
    let suggestion = planner.next(chosen).map(|next| {
        let head = if matches!(next.advice, Advice::Deload { .. }) {
            l.deload
        } else {
            l.next_time
        };
        let sets = words::sets(&next.sets(), planner.units, language);
        let why = words::reason(&next, planner.units, language);
        view! {
            <p class="next-time"><strong>{head}</strong>" "<bdi dir="ltr">{sets}</bdi></p>
            <p class="hint" dir="auto">{why}</p>
            <p class="hint">{l.last}" "<bdi>{next.last.to_string()}</bdi></p>
        }
    });
    markup::html(view! {
        <section class="card next-card" id="next" aria-labelledby="next-heading">
            <h2 id="next-heading">{l.title}</h2>
            <form method="get" action="/log#next" class="chart-picker">
                <label for="next-exercise">{l.exercise}</label>" "
                <select id="next-exercise" name="next" dir="auto">{options}</select>" "
                <button type="submit" class="btn">{l.show}</button>
            </form>
            {suggestion}
        </section>
    })
}
