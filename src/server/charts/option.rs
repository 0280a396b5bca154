//! A chart's ECharts option, built with charming from the spec and its table
//! (`domain::chart`). The option holds data only: the table as its `dataset` (which the page
//! also shows as a table), series that name their columns through `encode`, no functions and
//! no HTML (tooltips render as rich text, not HTML, so a name like `<img>` stays text).

use charming::Chart;
use charming::component::{Axis, DataZoom, Grid, Legend, LegendType, Title, VisualMap};
use charming::datatype::{CompositeValue, DataSource, Dataset};
use charming::element::{AxisType, NameLocation, Orient, Tooltip, Trigger};
use charming::series::{Bar, Heatmap, Line, Pie, Scatter};
use serde_json::{Value, json};

use crate::domain::chart::{Cell, ChartSpec, ChartTable, ChartType};

/// Points from which a chart gets a zoom slider.
const ZOOM_FROM: usize = 30;

fn cell(c: &Cell) -> CompositeValue {
    match c {
        Cell::Number(n) => CompositeValue::from(*n),
        Cell::Text(t) => CompositeValue::from(t.as_str()),
        Cell::Empty => CompositeValue::OptionalNumber(None),
    }
}

/// "name (unit)" for an axis.
fn axis_name(name: &str, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        Some(unit) => format!("{name} ({unit})"),
        None => name.to_owned(),
    }
}

/// Distinct values of a table column, in order of first appearance (a heatmap's axes).
fn distinct(table: &ChartTable, column: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for row in &table.rows {
        let label = match &row[column] {
            Cell::Number(n) => n.to_string(),
            Cell::Text(t) => t.clone(),
            Cell::Empty => continue,
        };
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out
}

pub fn option(spec: &ChartSpec, table: &ChartTable) -> Value {
    let mut source: Vec<Vec<CompositeValue>> = vec![
        table
            .header
            .iter()
            .map(|h| CompositeValue::from(h.as_str()))
            .collect(),
    ];
    source.extend(table.rows.iter().map(|r| r.iter().map(cell).collect()));
    let label = |l: &Option<String>| {
        l.as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
    };
    let x_name = axis_name(
        &label(&spec.x_label).unwrap_or_else(|| spec.x.clone()),
        spec.x_unit.as_deref(),
    );
    let y_label = label(&spec.y_label);
    let y_unit = spec.y_unit.as_deref();
    let mut chart = Chart::new()
        .title(Title::new().text(spec.title.trim()).left("center"))
        .dataset(Dataset::new().source(DataSource::from(source)))
        .background_color("transparent");
    let series_count = table.header.len().saturating_sub(1);
    let one_value_a_row = series_count > 1
        && table
            .rows
            .iter()
            .all(|r| r[1..].iter().filter(|c| !matches!(c, Cell::Empty)).count() <= 1);
    match spec.chart_type {
        ChartType::Line | ChartType::Bar | ChartType::Scatter => {
            let numeric_x = spec.chart_type == ChartType::Scatter
                && table.rows.iter().all(|r| matches!(r[0], Cell::Number(_)));
            let y_name = match (&y_label, series_count) {
                (Some(l), _) => axis_name(l, y_unit),
                (None, 1) => axis_name(&table.header[1], y_unit),
                (None, _) => axis_name("", y_unit).trim_start_matches(' ').to_owned(),
            };
            chart = chart
                .tooltip(
                    Tooltip::new().trigger(if spec.chart_type == ChartType::Scatter {
                        Trigger::Item
                    } else {
                        Trigger::Axis
                    }),
                )
                .legend(
                    Legend::new()
                        .type_(LegendType::Scroll)
                        .top("bottom")
                        .show(series_count > 1),
                )
                .grid(Grid::new().contain_label(true).bottom(
                    // Room for the axis name, then the zoom slider and the legend below it.
                    40 + if table.rows.len() > ZOOM_FROM { 40 } else { 0 }
                        + if series_count > 1 { 30 } else { 0 },
                ))
                .x_axis(
                    Axis::new()
                        .type_(if numeric_x {
                            AxisType::Value
                        } else {
                            AxisType::Category
                        })
                        .name(x_name)
                        .name_location(NameLocation::Middle)
                        .name_gap(28),
                )
                // A line is a trend: its axis fits the values rather than starting at zero.
                .y_axis(
                    Axis::new()
                        .type_(AxisType::Value)
                        .name(y_name)
                        .scale(spec.chart_type == ChartType::Line),
                );
            for column in &table.header[1..] {
                let name = match (&y_label, series_count) {
                    (Some(l), 1) => l,
                    _ => column,
                };
                chart = match spec.chart_type {
                    ChartType::Line => chart.series(
                        Line::new()
                            .name(name.as_str())
                            .show_symbol(table.rows.len() <= ZOOM_FROM),
                    ),
                    // Series that never share a bar (one verdict per muscle) share its slot,
                    // so each bar stands centred over its name instead of in a third of it.
                    ChartType::Bar if one_value_a_row => {
                        chart.series(Bar::new().name(name.as_str()).bar_gap("-100%"))
                    }
                    ChartType::Bar => chart.series(Bar::new().name(name.as_str())),
                    _ => chart.series(Scatter::new().name(name.as_str())),
                };
            }
            if table.rows.len() > ZOOM_FROM {
                chart = chart
                    .data_zoom(DataZoom::new().type_(charming::component::DataZoomType::Inside))
                    .data_zoom(
                        DataZoom::new()
                            .type_(charming::component::DataZoomType::Slider)
                            .bottom(if series_count > 1 { 60 } else { 30 }),
                    );
            }
        }
        ChartType::Pie => {
            chart = chart
                .tooltip(Tooltip::new().trigger(Trigger::Item))
                .legend(Legend::new().top("bottom"))
                .series(
                    Pie::new()
                        .name(axis_name(&table.header[1], y_unit))
                        .radius("60%"),
                );
        }
        ChartType::Heatmap => {
            let values: Vec<f64> = table
                .rows
                .iter()
                .filter_map(|r| match r.get(2) {
                    Some(Cell::Number(n)) => Some(*n),
                    _ => None,
                })
                .collect();
            let max = values.iter().copied().fold(0.0_f64, f64::max);
            chart = chart
                .tooltip(Tooltip::new().trigger(Trigger::Item))
                .grid(Grid::new().contain_label(true).bottom(70))
                .x_axis(
                    Axis::new()
                        .type_(AxisType::Category)
                        .name(x_name)
                        .data(distinct(table, 0)),
                )
                .y_axis(
                    Axis::new()
                        .type_(AxisType::Category)
                        .name(table.header[1].as_str())
                        .data(distinct(table, 1)),
                )
                .visual_map(
                    VisualMap::new()
                        .min(0)
                        .max(max)
                        .calculable(true)
                        .orient(Orient::Horizontal)
                        .left("center")
                        .bottom(0),
                )
                .series(Heatmap::new().name(axis_name(&table.header[2], y_unit)));
        }
    }
    let mut option = serde_json::to_value(&chart).unwrap_or_else(|_| json!({}));
    finish(&mut option, spec.chart_type, series_count);
    if spec.chart_type == ChartType::Bar {
        match table.rows.len() {
            0..=FEW_BARS => every_label(&mut option, LabelFit::Wrapped),
            n if n <= SOME_BARS => every_label(&mut option, LabelFit::Slanted),
            _ => {}
        }
    }
    option
}

/// Bars up to which every bar's name is shown, wrapped (a few long names, like goals), rather
/// than thinned out by ECharts.
const FEW_BARS: usize = 8;

/// Bars up to which every name is still shown, slanted (the muscles of the balance chart),
/// rather than every other one.
const SOME_BARS: usize = 16;

enum LabelFit {
    /// Wrapped onto lines no wider than a bar's slot.
    Wrapped,
    /// On a slant, one line each.
    Slanted,
}

/// Every x-axis label shown.
fn every_label(option: &mut Value, fit: LabelFit) {
    let axis = match option.get_mut("xAxis") {
        Some(Value::Array(axes)) => axes.first_mut(),
        other => other,
    };
    if let Some(axis) = axis.and_then(Value::as_object_mut) {
        let (label, gap) = match fit {
            // The axis name below up to three lines of labels.
            LabelFit::Wrapped => (
                json!({"interval": 0, "width": 90, "overflow": "break", "lineHeight": 14}),
                64,
            ),
            LabelFit::Slanted => (
                json!({"interval": 0, "rotate": 35, "width": 110, "overflow": "truncate"}),
                62,
            ),
        };
        axis.insert("axisLabel".into(), label);
        axis.insert("nameGap".into(), json!(gap));
    }
}

/// What charming has no setter for: each series' `encode` (the dataset columns it draws) and
/// tooltips rendered as rich text.
fn finish(option: &mut Value, chart_type: ChartType, series_count: usize) {
    if let Some(tooltip) = option.get_mut("tooltip").and_then(Value::as_object_mut) {
        tooltip.insert("renderMode".into(), json!("richText"));
        tooltip.insert("confine".into(), json!(true));
    }
    let Some(series) = option.get_mut("series").and_then(Value::as_array_mut) else {
        return;
    };
    for (i, s) in series.iter_mut().enumerate().take(series_count.max(1)) {
        let encode = match chart_type {
            ChartType::Pie => json!({"itemName": 0, "value": 1, "tooltip": [1]}),
            ChartType::Heatmap => json!({"x": 0, "y": 1, "value": 2, "tooltip": [2]}),
            _ => json!({"x": 0, "y": i + 1, "tooltip": [i + 1]}),
        };
        if let Some(s) = s.as_object_mut() {
            s.insert("encode".into(), encode);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::chart::table;

    fn spec(chart_type: ChartType, y: &[&str]) -> ChartSpec {
        ChartSpec {
            chart_type,
            title: "<img src=x onerror=alert(1)> Squat".into(),
            sql: "SELECT 1".into(),
            x: "day".into(),
            y: y.iter().map(|s| (*s).to_owned()).collect(),
            x_unit: None,
            y_unit: Some("kg".into()),
            series: None,
            x_label: None,
            y_label: None,
        }
    }

    fn rows(n: usize) -> Vec<Vec<Value>> {
        (0..n)
            .map(|i| {
                vec![
                    json!(format!("2026-03-{:02}", i % 28 + 1)),
                    json!(100 + i),
                    json!(5),
                ]
            })
            .collect()
    }

    fn cols() -> Vec<String> {
        ["day", "best", "reps"].map(String::from).to_vec()
    }

    /// Every string in the option, to look for code.
    fn strings(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|v| strings(v, out)),
            Value::Object(o) => o.iter().for_each(|(k, v)| {
                out.push(k.clone());
                strings(v, out);
            }),
            _ => {}
        }
    }

    #[test]
    fn a_line_chart_carries_its_table_as_the_dataset_and_names_its_axes_with_units() {
        let s = spec(ChartType::Line, &["best", "reps"]);
        let t = table(&s, &cols(), &rows(3)).unwrap();
        let o = option(&s, &t);
        assert_eq!(o["dataset"][0]["source"][0], json!(["day", "best", "reps"]));
        assert_eq!(
            o["dataset"][0]["source"][1],
            json!(["2026-03-01", 100.0, 5.0])
        );
        assert_eq!(o["series"][0]["type"], "line");
        assert_eq!(
            o["series"][1]["encode"],
            json!({"x": 0, "y": 2, "tooltip": [2]})
        );
        assert_eq!(o["xAxis"]["type"], "category");
        assert_eq!(o["yAxis"]["name"], "(kg)");
        assert_eq!(o["tooltip"]["renderMode"], "richText");
        assert!(o.get("dataZoom").is_none(), "three points need no zoom");
        // The title stays text: ECharts draws it on a canvas, and tooltips are not HTML.
        assert_eq!(o["title"][0]["text"], "<img src=x onerror=alert(1)> Squat");
    }

    #[test]
    fn a_few_bars_show_every_name_wrapped_some_slanted_and_many_let_echarts_thin_them() {
        let s = spec(ChartType::Bar, &["best"]);
        let few = option(&s, &table(&s, &cols(), &rows(4)).unwrap());
        assert_eq!(few["xAxis"]["axisLabel"]["interval"], 0);
        assert_eq!(few["xAxis"]["axisLabel"]["overflow"], "break");
        let some = option(&s, &table(&s, &cols(), &rows(10)).unwrap());
        assert_eq!(
            some["xAxis"]["axisLabel"]["interval"], 0,
            "ten muscles, all named"
        );
        assert_eq!(some["xAxis"]["axisLabel"]["rotate"], 35);
        let many = option(&s, &table(&s, &cols(), &rows(20)).unwrap());
        assert!(
            many["xAxis"].get("axisLabel").is_none(),
            "{}",
            many["xAxis"]
        );
        let line = spec(ChartType::Line, &["best"]);
        let line = option(&line, &table(&line, &cols(), &rows(4)).unwrap());
        assert!(line["xAxis"].get("axisLabel").is_none());
        assert_eq!(line["yAxis"]["scale"], true, "a trend fits its values");
    }

    #[test]
    fn series_that_never_share_a_bar_share_its_slot() {
        // One verdict per muscle (the balance chart): each bar centred over its name.
        let by_verdict = ChartSpec {
            x: "muscle".into(),
            series: Some("verdict".into()),
            ..spec(ChartType::Bar, &["sets"])
        };
        let columns = ["muscle", "verdict", "sets"].map(String::from).to_vec();
        let verdicts = vec![
            vec![json!("Chest"), json!("low"), json!(4)],
            vec![json!("Back"), json!("fine"), json!(12)],
            vec![json!("Quads"), json!("high"), json!(22)],
        ];
        let o = option(
            &by_verdict,
            &table(&by_verdict, &columns, &verdicts).unwrap(),
        );
        assert_eq!(o["series"].as_array().unwrap().len(), 3, "{o}");
        for series in o["series"].as_array().unwrap() {
            assert_eq!(series["barGap"], "-100%", "{series}");
        }
        // Two values a row: side by side, as ECharts places them.
        let two = spec(ChartType::Bar, &["best", "reps"]);
        let o = option(&two, &table(&two, &cols(), &rows(3)).unwrap());
        assert!(o["series"][0].get("barGap").is_none(), "{}", o["series"][0]);
    }

    #[test]
    fn long_series_get_a_zoom_and_no_option_holds_code() {
        for chart_type in ChartType::ALL {
            let y: &[&str] = match chart_type {
                ChartType::Heatmap => &["reps", "best"],
                ChartType::Pie => &["best"],
                _ => &["best"],
            };
            let s = spec(*chart_type, y);
            let t = table(&s, &cols(), &rows(40)).unwrap();
            let o = option(&s, &t);
            let mut all = Vec::new();
            strings(&o, &mut all);
            for text in &all {
                assert!(
                    !text.contains("function") && !text.contains("=>"),
                    "{chart_type:?}: {text}"
                );
            }
            assert_eq!(o["series"][0]["type"], chart_type.as_str());
            assert!(o["series"][0]["encode"].is_object(), "{chart_type:?}");
            if matches!(
                chart_type,
                ChartType::Line | ChartType::Bar | ChartType::Scatter
            ) {
                assert_eq!(
                    o["dataZoom"].as_array().map(Vec::len),
                    Some(2),
                    "{chart_type:?}"
                );
            }
        }
    }

    #[test]
    fn a_heatmap_lists_its_categories_and_a_scale() {
        let s = spec(ChartType::Heatmap, &["reps", "best"]);
        let t = table(&s, &cols(), &rows(2)).unwrap();
        let o = option(&s, &t);
        assert_eq!(o["xAxis"]["data"], json!(["2026-03-01", "2026-03-02"]));
        assert_eq!(o["yAxis"]["data"], json!(["5"]));
        assert_eq!(o["visualMap"][0]["max"], json!(101.0));
    }
}
