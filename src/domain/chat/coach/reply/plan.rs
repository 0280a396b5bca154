//! Answers from the plan tools: what is still to do (soonest first, overdue items marked), and
//! what an add or a completion changed, or why nothing did.

use super::Ctx;
use crate::domain::account::Language;
use crate::domain::chat::tools::{PlanChangeResult, PlanFact, PlanListResult};
use crate::domain::i18n::fill;

pub(super) fn list(c: &Ctx, r: &PlanListResult) -> String {
    if r.items.is_empty() && r.total == 0 {
        return c.p.plan_none.to_owned();
    }
    let total = r.total.max(r.items.len() as u64);
    let mut lines = vec![c.p.plan_count.count(total)];
    lines.extend(r.items.iter().map(|item| line(c, item)));
    let rest = total - r.items.len() as u64;
    if rest > 0 {
        lines.push(c.p.plan_more.count(rest));
    }
    lines.join("\n")
}

/// "- Leg day — Tomorrow at 19:00", with "(Overdue)" once its day has passed.
fn line(c: &Ctx, item: &PlanFact) -> String {
    let mut line = format!("- {} — {}", item.title, c.when(item.due, item.all_day));
    if is_past(c, item) {
        line.push_str(&format!(" ({})", c.t.plan_overdue));
    }
    line
}

fn is_past(c: &Ctx, item: &PlanFact) -> bool {
    item.due.is_some_and(|due| due.date() < c.today)
}

pub(super) fn change(c: &Ctx, r: &PlanChangeResult) -> String {
    match r {
        PlanChangeResult::Added { item } => {
            let title = c.quote(&item.title);
            if item.due.is_none() {
                return fill(c.p.plan_added_undated, &[("title", &title)]);
            }
            let when = c.when(item.due, item.all_day);
            let added = fill(c.p.plan_added, &[("title", &title), ("when", &when)]);
            if is_past(c, item) {
                format!("{added} {}", c.p.plan_added_past)
            } else {
                added
            }
        }
        PlanChangeResult::Completed { item } => {
            fill(c.p.plan_completed, &[("title", &c.quote(&item.title))])
        }
        PlanChangeResult::NotFound { title } => {
            fill(c.p.plan_not_found, &[("title", &c.quote(title))])
        }
        PlanChangeResult::Refused { field, message } => {
            let reason = match (field.as_str(), c.language) {
                ("title", _) => c.t.err_plan_title,
                ("due", _) => c.t.err_plan_due,
                // The server's own message is English; a Hebrew answer says it in general.
                (_, Language::En) => message.as_str(),
                (_, Language::He) => c.t.err_invalid_input,
            };
            fill(c.p.plan_refused, &[("reason", reason)])
        }
    }
}
