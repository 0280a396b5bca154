//! The `/progress` page's charts, made on the server as HTML (like the coach's charts in a
//! thread, which keeps them out of the wasm): each chart's SQL (`domain::progress_charts`)
//! runs through the trainer's sandbox, its rows are shaped where the chart needs it, and the
//! coach's chart builder turns them into an ECharts option and a `<figure>` with the data as a
//! table (what a reader without JavaScript sees) and the SQL behind it. A chart with nothing
//! to draw yet is left out; one that fails is logged and left out, never the whole page.

use leptos::prelude::*;
use serde_json::{Value, json};

use super::goals_page::goals_page;
use crate::domain::chart::{self, ChartSpec};
use crate::domain::i18n::{goal_type_label, record_label, strings};
use crate::domain::progress_charts::{self as charts, Frame, columns, labels};
use crate::domain::scoring::records::RecordType;
use crate::server::charts::figure::{Figure, figure_view};
use crate::server::charts::option::option;
use crate::server::db::records::RecordRow;
use crate::server::db::users::User;
use crate::server::db::{Db, Id};
use crate::server::html_labels::html_labels;
use crate::server::markup;
use crate::server::sandbox::Sandbox;

/// The exercises an estimated-1RM trend can be drawn for (those with an e1RM record), as
/// (id, name), and the one drawn: `asked` when it is one of them, else `favourite`, else the
/// strongest.
fn e1rm_choice(
    records: &[RecordRow],
    user: &User,
    asked: Option<&str>,
    favourite: Option<&Id>,
) -> (Vec<(String, String)>, Option<usize>) {
    let with_e1rm: Vec<&RecordRow> = records
        .iter()
        .filter(|r| r.record_type == RecordType::E1rm)
        .collect();
    let strongest = with_e1rm
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.value.total_cmp(&b.1.value))
        .map(|(i, _)| i);
    let find = |id: &str| {
        with_e1rm
            .iter()
            .position(|r| r.exercise_id.to_string() == id)
    };
    let chosen = asked
        .and_then(find)
        .or_else(|| favourite.and_then(|f| find(&f.to_string())))
        .or(strongest);
    let options = with_e1rm
        .iter()
        .map(|r| {
            (
                r.exercise_id.to_string(),
                user.language
                    .pick(&r.exercise_name_en, &r.exercise_name_he)
                    .clone(),
            )
        })
        .collect();
    (options, chosen)
}

/// One chart's option from its SQL's rows, shaped by `shape`; `None` when there is nothing to
/// draw (or the query failed, which is logged).
async fn draw(
    sandbox: &Sandbox,
    user: &Id,
    spec: &ChartSpec,
    shape: impl FnOnce(Vec<Vec<Value>>) -> Vec<Vec<Value>>,
) -> Option<Value> {
    let rows = match sandbox.query(user, &spec.sql).await {
        Ok(result) => result.rows,
        Err(e) => {
            tracing::warn!(error = %e, chart = spec.title, "a progress chart's query failed");
            return None;
        }
    };
    from_rows(spec, shape(rows))
}

fn from_rows(spec: &ChartSpec, rows: Vec<Vec<Value>>) -> Option<Value> {
    match chart::table(spec, &columns(spec), &rows) {
        Ok(table) => Some(option(spec, &table)),
        Err(chart::ChartError::NoRows) => None,
        Err(e) => {
            tracing::warn!(error = %e, chart = spec.title, "a progress chart could not be shaped");
            None
        }
    }
}

/// The charts section of `/progress`: the exercise picker (a plain GET form) and the charts.
pub async fn charts_html(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    records: &[RecordRow],
    asked: Option<&str>,
    favourite: Option<&Id>,
) -> Result<String, sqlx::Error> {
    let l = labels(user.language);
    let t = strings(user.language);
    let frame = Frame {
        dialect: sandbox.dialect(),
        language: user.language,
        units: user.units,
        today: chrono::Utc::now().with_timezone(&user.zone()).date_naive(),
    };
    let mut figures: Vec<(&str, ChartSpec, Value)> = Vec::new();
    let (exercises, chosen) = e1rm_choice(records, user, asked, favourite);
    if let Some(i) = chosen {
        let (id, name) = &exercises[i];
        let spec = charts::e1rm_trend(&frame, id, name);
        if let Some(o) = draw(sandbox, &user.id, &spec, charts::oldest_first).await {
            figures.push(("progress-e1rm", spec, o));
        }
    }
    let spec = charts::weekly_volume(&frame);
    if let Some(o) = draw(sandbox, &user.id, &spec, |rows| rows).await {
        figures.push(("progress-volume", spec, o));
    }
    let spec = charts::hard_sets(&frame);
    let language = user.language;
    if let Some(o) = draw(sandbox, &user.id, &spec, |rows| {
        charts::split_muscles(&rows, language)
    })
    .await
    {
        figures.push(("progress-hard-sets", spec, o));
    }
    // Where each muscle stands against its weekly range (the coach's balance, not SQL).
    let balance = super::coach_plan::Planner::load(db, user).await?.balance();
    let spec = charts::muscle_balance(&frame);
    if let Some(o) = from_rows(&spec, charts::balance_rows(&balance, user.language)) {
        figures.push(("progress-balance", spec, o));
    }
    let spec = charts::training_days(&frame);
    if let Some(o) = draw(sandbox, &user.id, &spec, |rows| {
        charts::calendar(&frame, &rows)
    })
    .await
    {
        figures.push(("progress-calendar", spec, o));
    }
    let goals: Vec<Vec<Value>> = goals_page(db, user)
        .await?
        .goals
        .into_iter()
        .filter(|g| g.is_active)
        .map(|g| {
            let kind = goal_type_label(t, g.goal_type);
            let name = match g.exercise {
                Some(e) => format!("{e}: {kind}"),
                None => kind.to_owned(),
            };
            vec![json!(name), json!(g.percent)]
        })
        .collect();
    let spec = charts::goal_progress(&frame);
    if let Some(o) = from_rows(&spec, goals) {
        figures.push(("progress-goals", spec, o));
    }
    let spec = charts::records_timeline(&frame);
    if let Some(o) = draw(sandbox, &user.id, &spec, |rows| {
        rows.into_iter()
            .map(|mut row| {
                if let Some(kind) = row.get(1).and_then(Value::as_str)
                    && let Ok(kind) = kind.parse::<RecordType>()
                {
                    row[1] = json!(record_label(t, kind));
                }
                row
            })
            .collect()
    })
    .await
    {
        figures.push(("progress-records", spec, o));
    }

    let t = html_labels(user.language);
    let picker = (exercises.len() > 1).then(|| {
        let options = exercises
            .iter()
            .enumerate()
            .map(|(i, (id, name))| {
                view! { <option value=id.clone() selected=Some(i) == chosen>{name.clone()}</option> }
            })
            .collect_view();
        view! {
            <form method="get" action="/progress" class="chart-picker">
                <label for="chart-exercise">{l.exercise}</label>" "
                <select id="chart-exercise" name="exercise" dir="auto">{options}</select>" "
                <button type="submit" class="btn">{l.show}</button>
            </form>
        }
    });
    let nothing = figures
        .is_empty()
        .then(|| view! { <p class="hint">{l.nothing_yet}</p> });
    let figures = figures
        .iter()
        .map(|(id, spec, option)| {
            let json = option.to_string();
            let figure = Figure {
                id,
                title: &spec.title,
                option,
                option_json: &json,
                sql: &spec.sql,
            };
            figure_view(&figure, t)
        })
        .collect_view();
    Ok(markup::html(view! {
        <section class="card progress-charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading">{l.heading}</h2>
            {picker}
            {nothing}
            {figures}
        </section>
    }))
}
