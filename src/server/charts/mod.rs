//! The trainer's charts (`create_chart`, `/api/v1/visualizations`): a spec's SQL runs through
//! the sandbox, its rows become the chart's table (`domain::chart`), [`option`] builds the
//! ECharts option, and spec, option and SQL are stored in `message_visualizations`. The
//! browser receives the stored option as JSON (`public/charts.js` hands it to ECharts, served
//! from this site); charming never reaches the wasm.

pub mod figure;
pub mod option;

use serde_json::Value;

use crate::domain::chart::{ChartError, ChartMade, ChartSpec};
use crate::server::db::visualizations::{self, Visualization};
use crate::server::db::{Db, Id};
use crate::server::sandbox::{Sandbox, SandboxError};

/// Why no chart was made.
#[derive(Debug, thiserror::Error)]
pub enum ChartFailure {
    #[error("{0}")]
    Spec(#[from] ChartError),
    #[error("{0}")]
    Query(SandboxError),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
}

impl From<SandboxError> for ChartFailure {
    fn from(e: SandboxError) -> Self {
        match e {
            SandboxError::Database(e) => ChartFailure::Database(e),
            other => ChartFailure::Query(other),
        }
    }
}

/// The option for `spec` on today's data, and whether the rows were cut.
async fn build(
    sandbox: &Sandbox,
    user: &Id,
    spec: &ChartSpec,
) -> Result<(Value, usize, Vec<String>, bool), ChartFailure> {
    spec.validate()?;
    let result = sandbox.query(user, &spec.sql).await?;
    let table = crate::domain::chart::table(spec, &result.columns, &result.rows)?;
    let option = option::option(spec, &table);
    Ok((
        option,
        table.rows.len(),
        table.header[1..].to_vec(),
        result.truncated,
    ))
}

/// Makes and stores a chart for the coach's message `message_id`.
pub async fn create(
    db: &Db,
    sandbox: &Sandbox,
    user: &Id,
    message_id: &Id,
    spec: &ChartSpec,
) -> Result<ChartMade, ChartFailure> {
    let (option, points, series, truncated) = build(sandbox, user, spec).await?;
    let stored = visualizations::insert(db, user, message_id, spec, &option).await?;
    Ok(ChartMade {
        visualization_id: stored.id.to_string(),
        title: spec.title.trim().to_owned(),
        points,
        series,
        truncated,
    })
}

/// Re-runs a stored chart's query on today's data and stores the new option.
/// `None` when the chart is not the user's.
pub async fn refresh(
    db: &Db,
    sandbox: &Sandbox,
    user: &Id,
    id: &Id,
) -> Result<Option<Visualization>, ChartFailure> {
    let Some(stored) = visualizations::get(db, user, id).await? else {
        return Ok(None);
    };
    let spec: ChartSpec = serde_json::from_str(&stored.chart_spec)
        .map_err(|e| ChartFailure::Query(SandboxError::Engine(format!("stored spec: {e}"))))?;
    let (option, ..) = build(sandbox, user, &spec).await?;
    visualizations::set_option(db, user, id, &option).await?;
    Ok(visualizations::get(db, user, id).await?)
}
