//! The trainer's charts as data: the declarative spec a model (or the offline coach) sends to
//! `create_chart`, its validation, and the table a query's rows make for it. The server turns
//! the table into an ECharts option (`server::charts`, with charming); the same table is what
//! a reader without JavaScript sees. Nothing here runs SQL or knows ECharts.

use serde::{Deserialize, Serialize};

use crate::domain::text_enum::text_enum;

text_enum!(
    /// How the rows are drawn.
    ChartType { Line => "line", Bar => "bar", Scatter => "scatter", Pie => "pie", Heatmap => "heatmap" }
);

pub const MAX_TITLE_CHARS: usize = 200;
/// Series a chart may draw (columns of `y`, or values of the `series` column).
pub const MAX_SERIES: usize = 12;

/// `create_chart` arguments: what to draw from which query.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ChartSpec {
    /// line, bar, scatter, pie or heatmap.
    #[cfg_attr(feature = "ssr", schema(inline))]
    pub chart_type: ChartType,
    pub title: String,
    /// One SELECT over the user's data (the rules of `query_workouts`), one row per point.
    pub sql: String,
    /// The column along the x axis (a pie's slice names; a heatmap's columns).
    pub x: String,
    /// The value columns, one series each (a pie: one; a heatmap: the row column, then the
    /// value column).
    pub y: Vec<String>,
    /// A column whose values split the rows into series (e.g. the exercise name), with one
    /// column in `y`.
    #[serde(default)]
    pub series: Option<String>,
    /// Unit of the x axis ("day", "week").
    #[serde(default)]
    pub x_unit: Option<String>,
    /// Unit of the values ("kg", "km", "min").
    #[serde(default)]
    pub y_unit: Option<String>,
    /// What the x axis shows, in the user's language (else the column's name).
    #[serde(default)]
    pub x_label: Option<String>,
    /// What the values are, in the user's language (else the columns' names).
    #[serde(default)]
    pub y_label: Option<String>,
}

/// What `create_chart` tells the model (or the offline coach) about the chart it made.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartMade {
    pub visualization_id: String,
    pub title: String,
    pub points: usize,
    pub series: Vec<String>,
    /// The rows were cut at the sandbox's limit.
    pub truncated: bool,
}

/// What is wrong with a spec or with the rows it got, in words a model can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ChartError {
    #[error("give the chart a title of at most {MAX_TITLE_CHARS} characters")]
    Title,
    #[error("name at least one value column in `y`")]
    NoValues,
    #[error("a {0} chart takes {1}")]
    Shape(&'static str, &'static str),
    #[error("at most {MAX_SERIES} series fit on one chart; filter or group the rows")]
    TooManySeries,
    #[error("the query has no column {missing:?}; its columns are {columns}")]
    MissingColumn { missing: String, columns: String },
    #[error("the query returned no rows to draw")]
    NoRows,
}

impl ChartSpec {
    pub fn validate(&self) -> Result<(), ChartError> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            return Err(ChartError::Title);
        }
        if self.y.is_empty() {
            return Err(ChartError::NoValues);
        }
        if self.y.len() > MAX_SERIES {
            return Err(ChartError::TooManySeries);
        }
        match self.chart_type {
            ChartType::Pie if self.y.len() != 1 || self.series.is_some() => Err(ChartError::Shape(
                "pie",
                "one value column in `y` and no `series`",
            )),
            ChartType::Heatmap if self.y.len() != 2 || self.series.is_some() => {
                Err(ChartError::Shape(
                    "heatmap",
                    "`y` = [the row column, the value column] and no `series`",
                ))
            }
            _ if self.series.is_some() && self.y.len() != 1 => Err(ChartError::Shape(
                "split",
                "one value column in `y` when `series` is set",
            )),
            _ => Ok(()),
        }
    }
}

/// A cell of a chart's table: text for names and dates, a number for values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Number(f64),
    Text(String),
    Empty,
}

impl Cell {
    fn of(value: &serde_json::Value) -> Cell {
        match value {
            serde_json::Value::Number(n) => n.as_f64().map_or(Cell::Empty, Cell::Number),
            serde_json::Value::String(s) => Cell::Text(s.clone()),
            serde_json::Value::Bool(b) => Cell::Text(b.to_string()),
            serde_json::Value::Null => Cell::Empty,
            other => Cell::Text(other.to_string()),
        }
    }

    /// A value to plot: numbers, and text that reads as one ("82.5").
    fn number(value: &serde_json::Value) -> Cell {
        match Cell::of(value) {
            Cell::Text(t) => t.trim().parse().map_or(Cell::Empty, Cell::Number),
            other => other,
        }
    }

    fn label(&self) -> String {
        match self {
            Cell::Number(n) => n.to_string(),
            Cell::Text(t) => t.clone(),
            Cell::Empty => String::new(),
        }
    }
}

/// What a chart draws: a header (the x column, then one column per series) and its rows.
/// For a heatmap the columns are x, row and value. The ECharts option carries it as its
/// `dataset` and the page shows it as a table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ChartTable {
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// Shapes a query's result for `spec` (validated): the named columns in order, or, with a
/// `series` column, one column per value of it (rows in long form become wide).
pub fn table(
    spec: &ChartSpec,
    columns: &[String],
    rows: &[Vec<serde_json::Value>],
) -> Result<ChartTable, ChartError> {
    let index = |name: &str| {
        columns
            .iter()
            .position(|c| c.eq_ignore_ascii_case(name.trim()))
            .ok_or_else(|| ChartError::MissingColumn {
                missing: name.to_owned(),
                columns: columns.join(", "),
            })
    };
    if rows.is_empty() {
        return Err(ChartError::NoRows);
    }
    let x = index(&spec.x)?;
    let values: Vec<usize> = spec.y.iter().map(|y| index(y)).collect::<Result<_, _>>()?;
    let Some(split) = spec.series.as_deref() else {
        let header = std::iter::once(&spec.x)
            .chain(&spec.y)
            .map(|c| c.trim().to_owned())
            .collect();
        let rows = rows
            .iter()
            .map(|row| {
                let cell = |i: usize| row.get(i).unwrap_or(&serde_json::Value::Null);
                let mut out = vec![Cell::of(cell(x))];
                for (n, &i) in values.iter().enumerate() {
                    // A heatmap's row column is a name, not a value.
                    let is_name = spec.chart_type == ChartType::Heatmap && n == 0;
                    out.push(if is_name {
                        Cell::of(cell(i))
                    } else {
                        Cell::number(cell(i))
                    });
                }
                out
            })
            .collect();
        return Ok(ChartTable { header, rows });
    };
    let split = index(split)?;
    let value = values[0];
    let mut names: Vec<String> = Vec::new();
    let mut xs: Vec<Cell> = Vec::new();
    let mut cells: Vec<(usize, usize, Cell)> = Vec::new();
    for row in rows {
        let get = |i: usize| row.get(i).unwrap_or(&serde_json::Value::Null);
        let name = Cell::of(get(split)).label();
        let s = names.iter().position(|n| *n == name).unwrap_or_else(|| {
            names.push(name);
            names.len() - 1
        });
        if names.len() > MAX_SERIES {
            return Err(ChartError::TooManySeries);
        }
        let at = Cell::of(get(x));
        let r = xs.iter().position(|c| *c == at).unwrap_or_else(|| {
            xs.push(at);
            xs.len() - 1
        });
        cells.push((r, s, Cell::number(get(value))));
    }
    let mut table: Vec<Vec<Cell>> = xs
        .into_iter()
        .map(|x| {
            let mut row = vec![x];
            row.resize(names.len() + 1, Cell::Empty);
            row
        })
        .collect();
    for (r, s, cell) in cells {
        table[r][s + 1] = cell;
    }
    let header = std::iter::once(spec.x.trim().to_owned())
        .chain(names)
        .collect();
    Ok(ChartTable {
        header,
        rows: table,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn spec(chart_type: ChartType, y: &[&str]) -> ChartSpec {
        ChartSpec {
            chart_type,
            title: "Squat".into(),
            sql: "SELECT 1".into(),
            x: "day".into(),
            y: y.iter().map(|s| (*s).to_owned()).collect(),
            ..ChartSpec::default()
        }
    }

    fn cols(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn a_spec_is_checked_before_any_query_runs() {
        assert_eq!(spec(ChartType::Line, &["kg"]).validate(), Ok(()));
        let mut untitled = spec(ChartType::Line, &["kg"]);
        untitled.title = "  ".into();
        assert_eq!(untitled.validate(), Err(ChartError::Title));
        assert_eq!(
            spec(ChartType::Bar, &[]).validate(),
            Err(ChartError::NoValues)
        );
        assert!(matches!(
            spec(ChartType::Pie, &["a", "b"]).validate(),
            Err(ChartError::Shape("pie", _))
        ));
        assert!(matches!(
            spec(ChartType::Heatmap, &["a"]).validate(),
            Err(ChartError::Shape("heatmap", _))
        ));
        let mut split = spec(ChartType::Line, &["a", "b"]);
        split.series = Some("exercise".into());
        assert!(matches!(
            split.validate(),
            Err(ChartError::Shape("split", _))
        ));
        let many: Vec<String> = (0..13).map(|i| format!("c{i}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        assert_eq!(
            spec(ChartType::Line, &refs).validate(),
            Err(ChartError::TooManySeries)
        );
    }

    #[test]
    fn the_table_keeps_the_named_columns_in_order_and_reads_numbers() {
        let rows = vec![
            vec![json!("2026-03-01"), json!(100), json!("extra"), json!(5)],
            vec![
                json!("2026-03-08"),
                json!("102.5"),
                json!("extra"),
                json!(null),
            ],
        ];
        let t = table(
            &spec(ChartType::Line, &["best_kg", "reps"]),
            &cols(&["DAY", "best_kg", "note", "reps"]),
            &rows,
        )
        .unwrap();
        assert_eq!(t.header, ["day", "best_kg", "reps"]);
        assert_eq!(
            t.rows[0],
            [
                Cell::Text("2026-03-01".into()),
                Cell::Number(100.0),
                Cell::Number(5.0)
            ]
        );
        assert_eq!(
            t.rows[1],
            [
                Cell::Text("2026-03-08".into()),
                Cell::Number(102.5),
                Cell::Empty
            ]
        );
    }

    #[test]
    fn a_series_column_turns_long_rows_into_one_column_per_series() {
        let mut s = spec(ChartType::Line, &["kg"]);
        s.series = Some("exercise".into());
        let rows = vec![
            vec![json!("w1"), json!("Squat"), json!(100)],
            vec![json!("w1"), json!("Bench"), json!(80)],
            vec![json!("w2"), json!("Squat"), json!(105)],
        ];
        let t = table(&s, &cols(&["day", "exercise", "kg"]), &rows).unwrap();
        assert_eq!(t.header, ["day", "Squat", "Bench"]);
        assert_eq!(
            t.rows,
            vec![
                vec![
                    Cell::Text("w1".into()),
                    Cell::Number(100.0),
                    Cell::Number(80.0)
                ],
                vec![Cell::Text("w2".into()), Cell::Number(105.0), Cell::Empty],
            ]
        );
    }

    #[test]
    fn a_heatmap_keeps_its_row_names_as_text() {
        let rows = vec![vec![json!("Mon"), json!(7), json!(3)]];
        let t = table(
            &spec(ChartType::Heatmap, &["hour", "sets"]),
            &cols(&["day", "hour", "sets"]),
            &rows,
        )
        .unwrap();
        assert_eq!(
            t.rows[0],
            [
                Cell::Text("Mon".into()),
                Cell::Number(7.0),
                Cell::Number(3.0)
            ]
        );
        let rows = vec![vec![json!("Mon"), json!("legs"), json!("3")]];
        let t = table(
            &spec(ChartType::Heatmap, &["part", "sets"]),
            &cols(&["day", "part", "sets"]),
            &rows,
        )
        .unwrap();
        assert_eq!(
            t.rows[0],
            [
                Cell::Text("Mon".into()),
                Cell::Text("legs".into()),
                Cell::Number(3.0)
            ]
        );
    }

    #[test]
    fn missing_columns_and_empty_results_say_what_to_fix() {
        let err = table(
            &spec(ChartType::Bar, &["volume"]),
            &cols(&["day", "kg"]),
            &[vec![json!(1), json!(2)]],
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "the query has no column \"volume\"; its columns are day, kg"
        );
        assert_eq!(
            table(&spec(ChartType::Bar, &["kg"]), &cols(&["day", "kg"]), &[]),
            Err(ChartError::NoRows)
        );
    }
}
