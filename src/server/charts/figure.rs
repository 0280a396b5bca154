//! A stored chart as the thread shows it, made on the server as HTML: a `<figure>` holding the
//! ECharts option in a `data-option` attribute (`public/charts.js` draws it with ECharts from
//! this site), the same data as a table (open while nothing is drawn: that is what a reader
//! without JavaScript sees) and the SQL behind it, folded. Every text is escaped here; the
//! page inserts the HTML as is, which keeps the chart out of the wasm (its budget is spent).

use serde_json::Value;

use crate::domain::chart::Cell;
use crate::server::db::visualizations::Visualization;
use crate::server::html_labels::HtmlLabels;
use crate::server::markdown::escape;

/// The table in an option's `dataset` (a header row, then the rows).
fn dataset(option: &Value) -> Vec<Vec<Cell>> {
    let source = option
        .get("dataset")
        .map(|d| d.get(0).unwrap_or(d))
        .and_then(|d| d.get("source"))
        .cloned()
        .unwrap_or(Value::Null);
    serde_json::from_value(source).unwrap_or_default()
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Number(n) => {
            let rounded = (n * 100.0).round() / 100.0;
            rounded.to_string()
        }
        Cell::Text(t) => escape(t),
        Cell::Empty => String::new(),
    }
}

/// What a figure shows: where it links to (`id`), its title, the option and the SQL behind it
/// (none for a chart computed without a query).
pub struct Figure<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub option: &'a Value,
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
        sql: &chart.data_query,
    };
    format!("<div class=\"msg-chart\">{}</div>", figure_html(&figure, t))
}

/// The `<figure>` of any chart: the thread's and the `/progress` page's.
pub fn figure_html(f: &Figure, t: &HtmlLabels) -> String {
    let title = escape(f.title);
    let mut rows = dataset(f.option).into_iter();
    let mut table = String::from("<table><thead><tr>");
    for h in rows.next().unwrap_or_default() {
        table.push_str(&format!("<th scope=\"col\" dir=\"auto\">{}</th>", cell(&h)));
    }
    table.push_str("</tr></thead><tbody>");
    for row in rows {
        table.push_str("<tr>");
        for c in &row {
            // Numbers read left to right on a Hebrew page too.
            let attributes = if matches!(c, Cell::Number(_)) {
                " class=\"num\" dir=\"ltr\""
            } else {
                " dir=\"auto\""
            };
            table.push_str(&format!("<td{attributes}>{}</td>", cell(c)));
        }
        table.push_str("</tr>");
    }
    table.push_str("</tbody></table>");
    let sql = if f.sql.trim().is_empty() {
        String::new()
    } else {
        format!(
            "<details class=\"chart-sql\"><summary>{}</summary><pre dir=\"ltr\"><code>{}</code></pre></details>",
            escape(t.show_sql),
            escape(f.sql)
        )
    };
    format!(
        "<figure class=\"chart\" id=\"{id}\" data-option=\"{option}\">\
         <figcaption dir=\"auto\">{title}</figcaption>\
         <div class=\"chart-canvas\" dir=\"ltr\" role=\"img\" aria-label=\"{title}\" hidden></div>\
         <details class=\"chart-data\" open><summary>{show_data}</summary>\
         <div class=\"table-scroll\">{table}</div></details>{sql}</figure>",
        id = escape(f.id),
        option = escape(&f.option.to_string()),
        show_data = escape(t.show_data),
    )
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
            html.contains("<td class=\"num\" dir=\"ltr\">100.46</td>"),
            "{html}"
        );
        assert!(html.contains("<th scope=\"col\" dir=\"auto\">kg</th>"));
        assert!(html.contains("<details class=\"chart-data\" open>"));
        // The option travels in an attribute a browser reads back as the same JSON.
        assert!(
            html.contains("data-option=\"{&quot;dataset&quot;"),
            "{html}"
        );
    }
}
