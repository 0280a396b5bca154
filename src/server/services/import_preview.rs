//! The settings page's import preview, made on the server as HTML ([`markup`], like the charts,
//! which keeps it out of the wasm): what the kept upload would import, its warnings (lines imported with
//! something dropped) and its bad lines apart, each grouped by cause ("3 lines (2, 3, 4):
//! workout duration 105h 45m ignored"), and the choices: import, or with bad lines "Import N
//! sets, skip M lines", or cancel. Plain forms to `server::site::import_forms`.

use leptos::prelude::*;

use crate::domain::account::Language;
use crate::domain::i18n::{Plural, Strings, fill, strings};
use crate::domain::import::{LineGroup, grouped};
use crate::server::markup;
use crate::server::services::import::ImportReport;

struct Labels {
    title: &'static str,
    /// `{workouts}, {sets}, from {from} to {to}.`
    summary: &'static str,
    duplicates: Plural,
    new_exercises: &'static str,
    warnings: Plural,
    bad_lines: Plural,
    lines: Plural,
    line: &'static str,
    confirm: Plural,
    /// `Import {sets}, skip {lines}`.
    skip: &'static str,
    cancel: &'static str,
    /// A Spotter export: `Also {goals} and {plan_items}.`
    also: &'static str,
    goals: Plural,
    plan_items: Plural,
}

const EN: Labels = Labels {
    title: "Preview: nothing is imported yet",
    summary: "{workouts}, {sets}, from {from} to {to}.",
    duplicates: Plural {
        one: "1 workout was imported before and will be skipped.",
        two: "2 workouts were imported before and will be skipped.",
        many: "{n} workouts were imported before and will be skipped.",
    },
    new_exercises: "New custom exercises (no match in the catalog):",
    warnings: Plural {
        one: "1 line is imported with a correction:",
        two: "2 lines are imported with a correction:",
        many: "{n} lines are imported with a correction:",
    },
    bad_lines: Plural {
        one: "1 bad line: its set cannot be read. Fix the file, or import the rest without it:",
        two: "2 bad lines: their sets cannot be read. Fix the file, or import the rest without them:",
        many: "{n} bad lines: their sets cannot be read. Fix the file, or import the rest without them:",
    },
    lines: Plural {
        one: "1 line",
        two: "2 lines",
        many: "{n} lines",
    },
    line: "Line {line}",
    confirm: Plural {
        one: "Import 1 workout",
        two: "Import 2 workouts",
        many: "Import {n} workouts",
    },
    skip: "Import {sets}, skip {lines}",
    cancel: "Cancel",
    also: "Also {goals} and {plan_items}.",
    goals: Plural {
        one: "1 goal",
        two: "2 goals",
        many: "{n} goals",
    },
    plan_items: Plural {
        one: "1 plan item",
        two: "2 plan items",
        many: "{n} plan items",
    },
};

const HE: Labels = Labels {
    title: "תצוגה מקדימה: עוד לא יובא דבר",
    summary: "{workouts}, {sets}, מ-{from} עד {to}.",
    duplicates: Plural {
        one: "אימון אחד כבר יובא בעבר וידולג.",
        two: "שני אימונים כבר יובאו בעבר וידולגו.",
        many: "{n} אימונים כבר יובאו בעבר וידולגו.",
    },
    new_exercises: "תרגילים חדשים מותאמים אישית (ללא התאמה בקטלוג):",
    warnings: Plural {
        one: "שורה אחת מיובאת עם תיקון:",
        two: "שתי שורות מיובאות עם תיקון:",
        many: "{n} שורות מיובאות עם תיקון:",
    },
    bad_lines: Plural {
        one: "שורה שגויה אחת: אי אפשר לקרוא את הסט שבה. תקנו את הקובץ, או ייבאו את השאר בלעדיה:",
        two: "שתי שורות שגויות: אי אפשר לקרוא את הסטים שבהן. תקנו את הקובץ, או ייבאו את השאר בלעדיהן:",
        many: "{n} שורות שגויות: אי אפשר לקרוא את הסטים שבהן. תקנו את הקובץ, או ייבאו את השאר בלעדיהן:",
    },
    lines: Plural {
        one: "שורה אחת",
        two: "שתי שורות",
        many: "{n} שורות",
    },
    line: "שורה {line}",
    confirm: Plural {
        one: "ייבוא אימון אחד",
        two: "ייבוא שני אימונים",
        many: "ייבוא {n} אימונים",
    },
    skip: "ייבוא {sets}, בלי {lines}",
    cancel: "ביטול",
    also: "וגם {goals} ו{plan_items}.",
    goals: Plural {
        one: "יעד אחד",
        two: "שני יעדים",
        many: "{n} יעדים",
    },
    plan_items: Plural {
        one: "פריט תוכנית אחד",
        two: "שני פריטי תוכנית",
        many: "{n} פריטי תוכנית",
    },
};

fn labels(language: Language) -> &'static Labels {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}

/// "Line 6" or "3 lines (2, 3, 4)": where a group's message applies.
fn place(l: &Labels, g: &LineGroup) -> String {
    if g.count == 1 {
        return fill(l.line, &[("line", &g.lines[0].to_string())]);
    }
    let mut listed: Vec<String> = g.lines.iter().map(ToString::to_string).collect();
    if g.count > g.lines.len() {
        listed.push("…".into());
    }
    format!("{} ({})", l.lines.count(g.count as i64), listed.join(", "))
}

/// A notice headed by `count` lines, one item per cause.
fn notice(
    l: &Labels,
    groups: &[LineGroup],
    count: usize,
    heading: &Plural,
    class: &'static str,
) -> Option<impl IntoView + use<>> {
    (count > 0).then(|| {
        let items = groups
            .iter()
            .map(|g| {
                view! { <li><strong>{place(l, g)}</strong>": "<bdi>{g.message.clone()}</bdi></li> }
            })
            .collect_view();
        view! {
            <div class=format!("notice {class}")>
                <p>{heading.count(count as i64)}</p>
                <ul class="line-errors">{items}</ul>
            </div>
        }
    })
}

/// The preview of the upload kept under `token`.
pub fn html(report: &ImportReport, token: &str, language: Language) -> String {
    let l = labels(language);
    let t: &Strings = strings(language);
    let summary = fill(
        l.summary,
        &[
            ("workouts", &t.workouts.count(report.workouts as i64)),
            ("sets", &t.sets.count(report.sets as i64)),
            ("from", &report.from.map_or("–".into(), |d| d.to_string())),
            ("to", &report.to.map_or("–".into(), |d| d.to_string())),
        ],
    );
    let restores_more = report.goals + report.plan_items > 0;
    let also = restores_more.then(|| {
        fill(
            l.also,
            &[
                ("goals", &l.goals.count(report.goals as i64)),
                ("plan_items", &l.plan_items.count(report.plan_items as i64)),
            ],
        )
    });
    let duplicates = (report.duplicates > 0).then(|| l.duplicates.count(report.duplicates as i64));
    let new_exercises = (!report.new_exercises.is_empty()).then(|| {
        let names = report
            .new_exercises
            .iter()
            .map(|name| view! { <li><bdi>{name.clone()}</bdi></li> })
            .collect_view();
        view! {
            <p>{l.new_exercises}</p>
            <ul class="suggestions">{names}</ul>
        }
    });
    let action = format!("/settings/import/{token}");
    let choice = if report.error_count > 0 {
        if report.sets > 0 {
            let skip = fill(
                l.skip,
                &[
                    ("sets", &t.sets.count(report.sets as i64)),
                    ("lines", &l.lines.count(report.error_count as i64)),
                ],
            );
            view! {
                <form method="post" action=action.clone() class="row-actions">
                    <input type="hidden" name="skip_invalid" value="true"/>
                    <button type="submit" class="btn">{skip}</button>
                </form>
            }
            .into_any()
        } else {
            ().into_any()
        }
    } else if report.workouts == 0 && !restores_more {
        view! { <p class="notice notice-ok">{t.import_nothing_new}</p> }.into_any()
    } else {
        view! {
            <form method="post" action=action.clone() class="row-actions">
                <button type="submit" class="btn btn-primary">{l.confirm.count(report.workouts as i64)}</button>
            </form>
        }
        .into_any()
    };
    markup::html(view! {
        <div class="import-preview" role="status">
            <h3>{l.title}</h3>
            <p><bdi>{summary}</bdi></p>
            {also.map(|also| view! { <p>{also}</p> })}
            {duplicates.map(|d| view! { <p>{d}</p> })}
            {new_exercises}
            {notice(l, &report.warnings, report.warning_count, &l.warnings, "notice-warn")}
            {notice(l, &grouped(&report.errors), report.error_count, &l.bad_lines, "notice-error")}
            {choice}
            <form method="post" action=format!("{action}/cancel")>
                <button type="submit" class="btn btn-quiet">{l.cancel}</button>
            </form>
        </div>
    })
}
