//! The answer once `create_chart` ran: the chart is in the thread above the answer, so the
//! words say what it covers, or why there is none (nothing logged yet, or the reason).

use super::Ctx;
use crate::domain::chart::{ChartError, ChartMade};
use crate::domain::i18n::fill;

/// `result` is a [`ChartMade`] or `{"error": …}`.
pub(super) fn reply(c: &Ctx, result: &serde_json::Value) -> Option<String> {
    if let Some(error) = result.get("error").and_then(|e| e.as_str()) {
        return Some(if error == ChartError::NoRows.to_string() {
            c.p.chart_empty.to_owned()
        } else {
            fill(c.p.chart_failed, &[("reason", error)])
        });
    }
    let made: ChartMade = super::read(result)?;
    let points = made.points.to_string();
    let mut text = fill(
        c.p.chart_made,
        &[("title", &c.quote(&made.title)), ("points", &points)],
    );
    if made.truncated {
        text.push(' ');
        text.push_str(c.p.chart_truncated);
    }
    Some(text)
}
