//! A stored chart as the thread shows it, made on the server as HTML: a `<figure>` holding the
//! ECharts option in a `data-option` attribute (`public/charts.js` draws it with ECharts from
//! this site), the same data as a table (open while nothing is drawn: that is what a reader
//! without JavaScript sees) and the SQL behind it, folded. A view made into HTML by
//! [`markup`]; the page inserts it as is, which keeps the chart out of the wasm.

use leptos::either::Either;
use leptos::prelude::*;
use serde::Deserialize;
use serde_json::Value;

use crate::domain::chart::Cell;
use crate::server::db::visualizations::Visualization;
use crate::server::html_labels::HtmlLabels;
use crate::server::markup;

/// The table in an option's `dataset` (a header row, then the rows).
fn dataset(option: &Value) -> Vec<Vec<Cell>> {
    option
        .get("dataset")
        .map(|d| d.get(0).unwrap_or(d))
        .and_then(|d| d.get("source"))
        .and_then(|source| Vec::<Vec<Cell>>::deserialize(source).ok())
        .unwrap_or_default()
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Number(n) => {
            let rounded = (n * 100.0).round() / 100.0;
            rounded.to_string()
        }
        Cell::Text(t) => t.clone(),
        Cell::Empty => String::new(),
    }
}

/// What a figure shows: where it links to (`id`), its title, the option (as a value, and as the
/// JSON text `public/charts.js` reads) and the SQL behind it (none for a chart computed
/// without a query).
pub struct Figure<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub option: &'a Value,
    pub option_json: &'a str,
    pub sql: &'a str,
}

/// A stored chart of the thread.
pub fn html(chart: &Visualization, t: &HtmlLabels) -> String {
    let option: Value = serde_json::from_str(&chart.chart_config).unwrap_or(Value::Null);
    let id = format!("chart-{}", chart.id);
    let figure = Figure {
        id: &id,
        title: chart.title.as_deref().unwrap_or_default(),
        option: &option,
        option_json: &chart.chart_config,
        sql: &chart.data_query,
    };
    markup::html(view! { <div class="msg-chart">{figure_view(&figure, t)}</div> })
}

/// The `<figure>` of any chart: the thread's and the `/progress` page's.
pub fn figure_view(f: &Figure, t: &HtmlLabels) -> impl IntoView + use<> {
    let mut rows = dataset(f.option).into_iter();
    let head = rows
        .next()
        .unwrap_or_default()
        .iter()
        .map(|h| view! { <th scope="col" dir="auto">{cell(h)}</th> })
        .collect_view();
    let body = rows
        .map(|row| {
            let cells = row
                .iter()
                .map(|c| {
                    // Numbers read left to right on a Hebrew page too.
                    if matches!(c, Cell::Number(_)) {
                        Either::Left(view! { <td class="num" dir="ltr">{cell(c)}</td> })
                    } else {
                        Either::Right(view! { <td dir="auto">{cell(c)}</td> })
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    let sql = (!f.sql.trim().is_empty()).then(|| {
        view! {
            <details class="chart-sql">
                <summary>{t.show_sql}</summary>
                <pre dir="ltr"><code>{f.sql.to_owned()}</code></pre>
            </details>
        }
    });
    let title = f.title.to_owned();
    let caption = format!("{}-caption", f.id);
    view! {
        <figure class="chart" id=f.id.to_owned() data-option=f.option_json.to_owned()>
            <figcaption dir="auto" id=caption.clone()>{title.clone()}</figcaption>
            <div class="chart-canvas" dir="ltr" role="img" aria-label=title hidden></div>
            <details class="chart-data" open>
                <summary>{t.show_data}</summary>
                // It scrolls (tall, or wide on a phone): a keyboard user must be able to reach
                // it to scroll it, and a screen reader hears what it holds.
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby=caption>
                    <table>
                        <thead><tr>{head}</tr></thead>
                        <tbody>{body}</tbody>
                    </table>
                </div>
            </details>
            {sql}
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::account::Language;
    use crate::domain::chart::ChartType;
    use crate::server::db::Id;
    use crate::server::html_labels::html_labels;

    #[test]
    fn every_text_is_escaped_and_the_data_reads_as_a_table() {
        let option = serde_json::json!({"dataset": [{"source": [["day", "kg"], ["<b>Mon</b>", 100.456], ["Tue", null]]}]});
        let chart = Visualization {
            id: Id::new(),
            message_id: Id::new(),
            chart_type: ChartType::Bar,
            chart_spec: "{}".into(),
            chart_config: option.to_string(),
            data_query: "SELECT '<script>' AS x".into(),
            title: Some("\"><script>alert(1)</script>".into()),
            created_at: chrono::Utc::now(),
        };
        let html = html(&chart, html_labels(Language::En));
        assert!(!html.contains("<script>"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(html.contains("&lt;b&gt;Mon&lt;/b&gt;"));
        assert!(
            html.contains("<td class=\"num\" dir=\"ltr\">100.46</td>")
                || html.contains("<td dir=\"ltr\" class=\"num\">100.46</td>"),
            "{html}"
        );
        assert!(html.contains("<th scope=\"col\" dir=\"auto\">kg</th>"));
        assert!(html.contains("<td dir=\"auto\">Tue</td>"), "{html}");
        assert!(
            html.contains("<details open class=\"chart-data\">"),
            "{html}"
        );
        // The option travels in an attribute a browser reads back as the same JSON.
        assert!(
            html.contains("data-option=\"{&quot;dataset&quot;"),
            "{html}"
        );
    }
}
