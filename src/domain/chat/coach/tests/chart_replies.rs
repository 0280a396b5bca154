//! Charts asked for in words: the spec the offline coach sends is one the chart layer accepts
//! and whose SQL the sandbox lets through on both engines, with the period's first day; and
//! the answer says what was drawn, or why nothing was.

use chrono::NaiveDate;
use serde_json::json;

use crate::domain::account::{Language, Units};
use crate::domain::chart::ChartError;
use crate::domain::chat::coach::{ChartRequest, Intent, Measure, reply_with_result, understand};
use crate::domain::sandbox::prepare;
use crate::domain::scoring::stats::Period;
use crate::domain::sql::Dialect;

const TODAY: (i32, u32, u32) = (2026, 11, 30);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("a date")
}

#[test]
fn every_chart_the_coach_asks_for_passes_the_sandbox_on_both_engines() {
    let asks = [
        "show my squat progress",
        "chart my runs this month",
        "weekly volume this year",
        "plot my workouts per week",
        "גרף של הריצות שלי בחודש האחרון",
        "ההתקדמות שלי בדדליפט השבוע",
        "how did my bench press progress over the last 3 months?",
    ];
    for text in asks {
        let Intent::Chart(request) = understand(text) else {
            panic!("{text:?} is not a chart request");
        };
        for dialect in [Dialect::Sqlite, Dialect::Postgres] {
            for language in [Language::En, Language::He] {
                let spec = request.spec(today(), dialect, language, Units::Metric);
                assert_eq!(spec.validate(), Ok(()), "{text:?}");
                prepare(&spec.sql, dialect)
                    .unwrap_or_else(|e| panic!("{text:?} {dialect:?}: {e}\n{}", spec.sql));
            }
        }
    }
}

#[test]
fn the_last_few_months_weeks_or_days_count_back_from_today() {
    use crate::domain::chat::coach::Span;
    let cases = [
        (
            "how did my bench press progress over the last 3 months?",
            Some(Span::Months(3)),
            "2026-08-30",
        ),
        (
            "chart my squat over the past two weeks",
            Some(Span::Weeks(2)),
            "2026-11-16",
        ),
        (
            "graph my runs for the last 10 days",
            Some(Span::Days(10)),
            "2026-11-20",
        ),
        (
            "גרף של הסקוואט בשלושת החודשים האחרונים",
            Some(Span::Months(3)),
            "2026-08-30",
        ),
        (
            "גרף ריצות 2 שבועות אחרונים",
            Some(Span::Weeks(2)),
            "2026-11-16",
        ),
        ("show my squat progress", None, ""),
        ("graph my 3 months of squats", None, ""),
    ];
    for (text, span, from) in cases {
        let Intent::Chart(request) = understand(text) else {
            panic!("{text:?} is not a chart request");
        };
        assert_eq!(request.span, span, "{text:?}");
        let sql = request
            .spec(today(), Dialect::Sqlite, Language::En, Units::Metric)
            .sql;
        if span.is_some() {
            assert!(sql.contains(&format!(">= '{from}'")), "{text:?}: {sql}");
        }
    }
}

#[test]
fn imperial_users_get_pounds_and_miles() {
    for (text, unit, column) in [
        ("show my squat progress", "lb", "best_lb"),
        ("weekly volume this year", "lb", "volume_lb"),
        ("chart my runs this month", "mi", "mi"),
    ] {
        let Intent::Chart(request) = understand(text) else {
            panic!("{text:?} is not a chart request");
        };
        for dialect in [Dialect::Sqlite, Dialect::Postgres] {
            let spec = request.spec(today(), dialect, Language::En, Units::Imperial);
            assert_eq!(spec.y_unit.as_deref(), Some(unit), "{text:?}");
            assert_eq!(spec.y, [column], "{text:?}");
            assert!(
                spec.sql.contains("/ 0.45359237") || spec.sql.contains("/ 1609.344"),
                "{}",
                spec.sql
            );
            prepare(&spec.sql, dialect).unwrap_or_else(|e| panic!("{text:?}: {e}\n{}", spec.sql));
        }
    }
}

#[test]
fn a_period_starts_on_its_first_day_and_weeks_are_the_engines_weeks() {
    let chart = |measure, period, weekly| ChartRequest {
        measure,
        period,
        span: None,
        weekly,
    };
    let month = chart(Measure::Distance, Period::Month, false).spec(
        today(),
        Dialect::Sqlite,
        Language::En,
        Units::Metric,
    );
    assert!(
        month.sql.contains("s.performed_at >= '2026-11-01'"),
        "{}",
        month.sql
    );
    assert_eq!(
        (month.x.as_str(), month.y_unit.as_deref()),
        ("day", Some("km"))
    );
    let year = chart(Measure::Volume, Period::Year, true).spec(
        today(),
        Dialect::Postgres,
        Language::He,
        Units::Metric,
    );
    assert!(
        year.sql.contains("'2026-01-01'")
            && year
                .sql
                .contains("to_char(date_trunc('week', s.performed_at), 'YYYY-MM-DD')"),
        "{}",
        year.sql
    );
    assert_eq!(year.title, "נפח אימון");
    let week = chart(Measure::Workouts, Period::Week, true).spec(
        today(),
        Dialect::Sqlite,
        Language::En,
        Units::Metric,
    );
    assert!(
        week.sql.contains("'2026-11-30'"),
        "Monday 30 November starts the week: {}",
        week.sql
    );
    let all = chart(Measure::Volume, Period::All, false).spec(
        today(),
        Dialect::Sqlite,
        Language::En,
        Units::Metric,
    );
    assert!(!all.sql.contains("WHERE"), "{}", all.sql);
}

#[test]
fn the_answer_points_at_the_chart_or_says_why_there_is_none() {
    let intent = understand("show my squat progress");
    let reply =
        |result, language| reply_with_result(&intent, &result, language, Units::Metric, today());
    let made = json!({"visualization_id": "v1", "title": "Squat (Barbell) — heaviest set", "points": 12, "series": ["best_kg"], "truncated": false});
    let en = reply(made.clone(), Language::En);
    assert!(
        en.contains("“Squat (Barbell) — heaviest set”") && en.contains("12 points"),
        "{en}"
    );
    let he = reply(made, Language::He);
    assert!(he.contains("12 נקודות"), "{he}");
    let empty = reply(
        json!({"error": ChartError::NoRows.to_string()}),
        Language::En,
    );
    assert!(
        empty.contains("nothing to draw") && empty.contains("log"),
        "{empty}"
    );
    let failed = reply(
        json!({"error": "the query ran longer than 1000 ms"}),
        Language::En,
    );
    assert!(
        failed.contains("couldn't draw that: the query ran longer"),
        "{failed}"
    );
    let unreadable = reply(json!([1, 2]), Language::En);
    assert!(unreadable.contains("couldn't read"), "{unreadable}");
}
