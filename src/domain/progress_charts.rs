//! The `/progress` page's charts as data: for each, the chart spec (the SQL the trainer's
//! sandbox runs, the chart type, localized title and axes, the user's weight unit) and, where
//! the rows need it, the shaping of the query's rows into the table the chart draws (a training
//! calendar with every day of the window, sets split over the muscles an exercise works).
//! The same chart builder as the coach's charts draws them (`server::charts`); the server runs
//! the SQL (`server::services::progress_charts`). Nothing here runs SQL.
//!
//! Days and weeks are the UTC days of the stored instants, as in the coach's charts.

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::{Value, json};

use crate::domain::account::{Language, Units};
use crate::domain::catalog::Muscle;
use crate::domain::chart::{ChartSpec, ChartType};
use crate::domain::sql::Dialect;
use crate::domain::training::KG_PER_LB;

/// Weeks the weekly charts look back.
pub const WEEKS: i64 = 26;
/// Weeks of the hard-sets chart (a training block is 4–12 weeks).
pub const MUSCLE_WEEKS: i64 = 12;
/// Weeks of the estimated-1RM trend: a year, as Strong and Hevy show by default (the coach
/// draws longer spans on request); it also keeps the page's cost from growing with the years
/// of training behind it.
pub const E1RM_WEEKS: i64 = 52;
/// Muscles the hard-sets chart draws (the most trained ones).
pub const MUSCLES_SHOWN: usize = 6;

/// What the charts say, in the page language (server side only: the wasm never needs them).
pub struct Labels {
    pub heading: &'static str,
    pub exercise: &'static str,
    pub show: &'static str,
    pub nothing_yet: &'static str,
    e1rm_title: &'static str,
    e1rm: &'static str,
    day: &'static str,
    week: &'static str,
    month: &'static str,
    volume_title: &'static str,
    volume: &'static str,
    hard_sets_title: &'static str,
    hard_sets: &'static str,
    muscle: &'static str,
    calendar_title: &'static str,
    weekday: &'static str,
    workouts: &'static str,
    weekdays: [&'static str; 7],
    goals_title: &'static str,
    goal: &'static str,
    done: &'static str,
    records_title: &'static str,
    records: &'static str,
    record_type: &'static str,
    /// `{low}`, `{high}`: the weekly range.
    balance_title: &'static str,
    per_week: &'static str,
    verdict: &'static str,
    /// Low, in range, high.
    levels: [&'static str; 3],
}

const EN: Labels = Labels {
    heading: "Charts",
    exercise: "Exercise",
    show: "Show",
    nothing_yet: "Charts appear here once there is training to draw.",
    e1rm_title: "Estimated 1RM, last 12 months",
    e1rm: "Estimated 1RM",
    day: "Day",
    week: "Week",
    month: "Month",
    volume_title: "Weekly volume",
    volume: "Volume",
    hard_sets_title: "Hard sets per muscle group, per week",
    hard_sets: "Hard sets",
    muscle: "Muscle group",
    calendar_title: "Training days",
    weekday: "Weekday",
    workouts: "Workouts",
    weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
    goals_title: "Goal progress",
    goal: "Goal",
    done: "Done",
    records_title: "Personal records by the month they were set",
    records: "Records",
    record_type: "Record",
    balance_title: "Hard sets a week per muscle, last 4 weeks (range {low}–{high})",
    per_week: "Sets a week",
    verdict: "Against the range",
    levels: ["Low", "In range", "High"],
};

const HE: Labels = Labels {
    heading: "גרפים",
    exercise: "תרגיל",
    show: "הצג",
    nothing_yet: "הגרפים יופיעו כאן כשיהיו אימונים לשרטט.",
    e1rm_title: "חזרה מקסימלית משוערת, 12 החודשים האחרונים",
    e1rm: "1RM משוער",
    day: "יום",
    week: "שבוע",
    month: "חודש",
    volume_title: "נפח שבועי",
    volume: "נפח",
    hard_sets_title: "סטים קשים לכל קבוצת שרירים, לפי שבוע",
    hard_sets: "סטים קשים",
    muscle: "קבוצת שרירים",
    calendar_title: "ימי אימון",
    weekday: "יום בשבוע",
    workouts: "אימונים",
    weekdays: ["ב׳", "ג׳", "ד׳", "ה׳", "ו׳", "ש׳", "א׳"],
    goals_title: "התקדמות ביעדים",
    goal: "יעד",
    done: "הושלם",
    records_title: "שיאים אישיים לפי החודש שבו נקבעו",
    records: "שיאים",
    record_type: "שיא",
    balance_title: "סטים קשים בשבוע לכל שריר, 4 שבועות אחרונים (טווח {low}–{high})",
    per_week: "סטים בשבוע",
    verdict: "מול הטווח",
    levels: ["נמוך", "בטווח", "גבוה"],
};

pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}

/// A muscle group's name in the page language.
pub fn muscle_label(muscle: Muscle, language: Language) -> &'static str {
    muscle.label(language)
}

/// What the charts are drawn for: the engine's SQL, the user's language and units, today.
#[derive(Clone, Copy, Debug)]
pub struct Frame {
    pub dialect: Dialect,
    pub language: Language,
    pub units: Units,
    pub today: NaiveDate,
}

impl Frame {
    fn labels(&self) -> &'static Labels {
        labels(self.language)
    }

    /// `kg` or `lb`, and the factor from kilograms to it (as SQL).
    fn weight(&self) -> (&'static str, String) {
        match self.units {
            Units::Metric => ("kg", String::new()),
            Units::Imperial => ("lb", format!(" / {KG_PER_LB}")),
        }
    }

    /// The Monday of the week `weeks - 1` weeks before this one: the first day a weekly chart
    /// of `weeks` weeks counts.
    fn since(&self, weeks: i64) -> NaiveDate {
        let monday =
            self.today - Duration::days(self.today.weekday().num_days_from_monday().into());
        monday - Duration::weeks(weeks - 1)
    }

    fn spec(&self, chart_type: ChartType, title: String, sql: String) -> ChartSpec {
        ChartSpec {
            chart_type,
            title,
            sql,
            ..ChartSpec::default()
        }
    }
}

/// The heaviest estimated one-rep max (Epley, as the records compute it: 1–12 reps, a single
/// is its own weight) of each day an exercise was trained in the last [`E1RM_WEEKS`], newest
/// first so that the sandbox's row limit keeps the latest days; [`oldest_first`] turns them
/// round for drawing.
pub fn e1rm_trend(f: &Frame, exercise_id: &str, exercise_name: &str) -> ChartSpec {
    let l = f.labels();
    let (unit, factor) = f.weight();
    let day = f.dialect.day("s.performed_at");
    let since = f.since(E1RM_WEEKS);
    let id = exercise_id.replace('\'', "''");
    let sql = format!(
        "SELECT {day} AS day, round(CAST(max(CASE WHEN s.reps = 1 THEN s.weight_kg \
         ELSE s.weight_kg * (1 + s.reps / 30.0) END){factor} AS NUMERIC), 1) AS e1rm \
         FROM exercise_sets s WHERE s.exercise_id = '{id}' AND s.weight_kg > 0 \
         AND s.reps BETWEEN 1 AND 12 AND s.set_type <> 'warmup' AND s.performed_at >= '{since}' \
         GROUP BY day ORDER BY day DESC"
    );
    ChartSpec {
        x: l.day.into(),
        y: vec![l.e1rm.into()],
        y_unit: Some(unit.into()),
        x_label: Some(l.day.into()),
        y_label: Some(l.e1rm.into()),
        ..f.spec(
            ChartType::Line,
            format!("{exercise_name} — {}", l.e1rm_title),
            sql,
        )
    }
}

/// Rows that came newest first, in time order.
pub fn oldest_first(mut rows: Vec<Vec<Value>>) -> Vec<Vec<Value>> {
    rows.reverse();
    rows
}

/// Weight × reps of the working sets of each of the last [`WEEKS`] weeks.
pub fn weekly_volume(f: &Frame) -> ChartSpec {
    volume_over(f, WEEKS)
}

/// Volume per week over the last `weeks` weeks (the weekly check-in draws 8).
pub fn volume_over(f: &Frame, weeks: i64) -> ChartSpec {
    let l = f.labels();
    let (unit, factor) = f.weight();
    let week = f.dialect.week("s.performed_at");
    let since = f.since(weeks);
    let sql = format!(
        "SELECT {week} AS week, round(CAST(sum(s.weight_kg * s.reps){factor} AS NUMERIC)) AS volume \
         FROM exercise_sets s WHERE s.weight_kg > 0 AND s.reps > 0 AND s.set_type <> 'warmup' \
         AND s.performed_at >= '{since}' GROUP BY week ORDER BY week"
    );
    ChartSpec {
        x: l.week.into(),
        y: vec![l.volume.into()],
        y_unit: Some(unit.into()),
        x_label: Some(l.week.into()),
        y_label: Some(l.volume.into()),
        ..f.spec(ChartType::Bar, l.volume_title.into(), sql)
    }
}

/// Hard sets (working sets with reps, RPE 7 or more when one was given) of the last
/// [`MUSCLE_WEEKS`] weeks by week and the muscles the exercise works first; the rows go
/// through [`split_muscles`] before they are drawn.
pub fn hard_sets(f: &Frame) -> ChartSpec {
    let l = f.labels();
    let week = f.dialect.week("s.performed_at");
    let since = f.since(MUSCLE_WEEKS);
    let sql = format!(
        "SELECT {week} AS week, e.primary_muscles AS muscles, count(*) AS sets \
         FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id \
         WHERE s.reps > 0 AND s.set_type <> 'warmup' AND (s.rpe IS NULL OR s.rpe >= 7) \
         AND s.performed_at >= '{since}' GROUP BY week, e.primary_muscles ORDER BY week"
    );
    ChartSpec {
        x: l.week.into(),
        y: vec![l.hard_sets.into()],
        series: Some(l.muscle.into()),
        x_label: Some(l.week.into()),
        y_label: Some(l.hard_sets.into()),
        ..f.spec(ChartType::Bar, l.hard_sets_title.into(), sql)
    }
}

/// The rows of [`hard_sets`] (week, the muscles as a JSON list, sets) as the chart's long
/// table (week, muscle, sets): a set counts for every muscle its exercise works first; only
/// the [`MUSCLES_SHOWN`] most trained muscles are kept.
pub fn split_muscles(rows: &[Vec<Value>], language: Language) -> Vec<Vec<Value>> {
    let mut weeks: Vec<(String, Vec<(Muscle, f64)>)> = Vec::new();
    let mut totals: Vec<(Muscle, f64)> = Vec::new();
    for row in rows {
        let (Some(week), Some(muscles), Some(sets)) = (
            row.first().and_then(Value::as_str),
            row.get(1).and_then(Value::as_str),
            row.get(2).and_then(Value::as_f64),
        ) else {
            continue;
        };
        let muscles: Vec<Muscle> = serde_json::from_str(muscles).unwrap_or_default();
        if weeks.last().is_none_or(|(w, _)| w != week) {
            weeks.push((week.to_owned(), Vec::new()));
        }
        let (_, counts) = weeks.last_mut().expect("a week was pushed");
        for m in muscles {
            add(counts, m, sets);
            add(&mut totals, m, sets);
        }
    }
    totals.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.as_str().cmp(b.0.as_str())));
    totals.truncate(MUSCLES_SHOWN);
    let mut out = Vec::new();
    for (week, counts) in &weeks {
        for (muscle, _) in &totals {
            let sets = counts
                .iter()
                .find(|(m, _)| m == muscle)
                .map_or(0.0, |(_, n)| *n);
            out.push(vec![
                json!(week),
                json!(muscle_label(*muscle, language)),
                json!(sets),
            ]);
        }
    }
    out
}

fn add(counts: &mut Vec<(Muscle, f64)>, muscle: Muscle, n: f64) {
    match counts.iter_mut().find(|(m, _)| *m == muscle) {
        Some((_, total)) => *total += n,
        None => counts.push((muscle, n)),
    }
}

/// Workouts per day of the last [`WEEKS`] weeks; the rows go through [`calendar`].
pub fn training_days(f: &Frame) -> ChartSpec {
    let l = f.labels();
    let day = f.dialect.day("started_at");
    let since = f.since(WEEKS);
    let sql = format!(
        "SELECT {day} AS day, count(*) AS workouts FROM workout_sessions \
         WHERE started_at >= '{since}' GROUP BY day ORDER BY day"
    );
    ChartSpec {
        x: l.week.into(),
        y: vec![l.weekday.into(), l.workouts.into()],
        x_label: Some(l.week.into()),
        ..f.spec(ChartType::Heatmap, l.calendar_title.into(), sql)
    }
}

/// The rows of [`training_days`] (day, workouts) as a calendar: one row per day of the
/// [`WEEKS`] weeks up to today's (week's Monday, weekday, workouts; 0 on rest days), weeks in
/// order and Monday first, which is the order the heatmap's axes take.
pub fn calendar(f: &Frame, rows: &[Vec<Value>]) -> Vec<Vec<Value>> {
    let l = f.labels();
    let counted: Vec<(NaiveDate, f64)> = rows
        .iter()
        .filter_map(|r| {
            let day = r.first()?.as_str()?.parse().ok()?;
            Some((day, r.get(1)?.as_f64()?))
        })
        .collect();
    let first = f.since(WEEKS);
    let mut out = Vec::new();
    for week in 0..WEEKS {
        let monday = first + Duration::weeks(week);
        for (n, weekday) in l.weekdays.iter().enumerate() {
            let day = monday + Duration::days(n as i64);
            if day > f.today {
                break;
            }
            let workouts = counted
                .iter()
                .find(|(d, _)| *d == day)
                .map_or(0.0, |(_, w)| *w);
            out.push(vec![
                json!(monday.format("%Y-%m-%d").to_string()),
                json!(weekday),
                json!(workouts),
            ]);
        }
    }
    out
}

/// Each active goal's progress in percent (rows: the goal's name, percent), from the goals
/// page's own computation; no SQL.
pub fn goal_progress(f: &Frame) -> ChartSpec {
    let l = f.labels();
    ChartSpec {
        x: l.goal.into(),
        y: vec![l.done.into()],
        y_unit: Some("%".into()),
        x_label: Some(l.goal.into()),
        y_label: Some(l.done.into()),
        ..f.spec(ChartType::Bar, l.goals_title.into(), String::new())
    }
}

/// Hard sets a week per muscle over the last four weeks, coloured by where they stand against
/// the range (`domain::progression::balance`); drawn from rows the server computes (no SQL).
pub fn muscle_balance(f: &Frame) -> ChartSpec {
    use crate::domain::progression::balance::{HIGH_ABOVE, LOW_BELOW};
    let l = f.labels();
    let title = crate::domain::i18n::fill(
        l.balance_title,
        &[
            ("low", &crate::domain::display::trim_number(LOW_BELOW)),
            ("high", &crate::domain::display::trim_number(HIGH_ABOVE)),
        ],
    );
    ChartSpec {
        x: l.muscle.into(),
        y: vec![l.per_week.into()],
        series: Some(l.verdict.into()),
        x_label: Some(l.muscle.into()),
        y_label: Some(l.per_week.into()),
        ..f.spec(ChartType::Bar, title, String::new())
    }
}

/// The rows of [`muscle_balance`]: (muscle, verdict, sets a week), in the page language.
pub fn balance_rows(
    balance: &[crate::domain::progression::balance::MuscleBalance],
    language: Language,
) -> Vec<Vec<Value>> {
    use crate::domain::progression::balance::Level;
    let l = labels(language);
    balance
        .iter()
        .map(|b| {
            let verdict = match b.level {
                Level::Low => l.levels[0],
                Level::Fine => l.levels[1],
                Level::High => l.levels[2],
            };
            vec![
                json!(b.muscle.label(language)),
                json!(verdict),
                json!(b.sets_per_week),
            ]
        })
        .collect()
}

/// How many of the current personal records were set in each month, by record type; the
/// record types are named through [`crate::domain::i18n::record_label`] before drawing.
pub fn records_timeline(f: &Frame) -> ChartSpec {
    let l = f.labels();
    let month = match f.dialect {
        Dialect::Sqlite => "strftime('%Y-%m', achieved_at)".to_owned(),
        Dialect::Postgres => "to_char(achieved_at, 'YYYY-MM')".to_owned(),
    };
    let sql = format!(
        "SELECT {month} AS month, record_type, count(*) AS records FROM personal_records \
         GROUP BY month, record_type ORDER BY month, record_type"
    );
    ChartSpec {
        x: l.month.into(),
        y: vec![l.records.into()],
        series: Some(l.record_type.into()),
        x_label: Some(l.month.into()),
        y_label: Some(l.records.into()),
        ..f.spec(ChartType::Bar, l.records_title.into(), sql)
    }
}

/// The names of a chart's columns, in the order its SQL (or [`split_muscles`], [`calendar`])
/// gives them: x, the series column (if any), the values. The page's charts read their
/// columns by position under these localized names, so the data table speaks the page's
/// language.
pub fn columns(spec: &ChartSpec) -> Vec<String> {
    std::iter::once(spec.x.clone())
        .chain(spec.series.clone())
        .chain(spec.y.iter().cloned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::chart::{Cell, table};

    fn frame(language: Language, units: Units) -> Frame {
        Frame {
            dialect: Dialect::Sqlite,
            language,
            units,
            // A Wednesday.
            today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        }
    }

    #[test]
    fn weekly_charts_start_on_a_monday_and_count_this_week() {
        let f = frame(Language::En, Units::Metric);
        assert_eq!(f.since(1), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
        assert_eq!(f.since(2), NaiveDate::from_ymd_opt(2026, 11, 16).unwrap());
        assert!(weekly_volume(&f).sql.contains(">= '2026-06-01'"));
    }

    #[test]
    fn imperial_users_get_pounds() {
        let metric = e1rm_trend(&frame(Language::En, Units::Metric), "abc", "Squat");
        let imperial = e1rm_trend(&frame(Language::En, Units::Imperial), "abc", "Squat");
        assert_eq!(metric.y_unit.as_deref(), Some("kg"));
        assert_eq!(imperial.y_unit.as_deref(), Some("lb"));
        assert!(!metric.sql.contains("0.4535"));
        assert!(
            imperial.sql.contains(") / 0.45359237 AS NUMERIC"),
            "{}",
            imperial.sql
        );
        assert_eq!(metric.title, "Squat — Estimated 1RM, last 12 months");
        // 52 weeks up to Wednesday, Nov 25, 2026, this week included: from Monday, Dec 1, 2025.
        assert!(
            metric.sql.contains("s.performed_at >= '2025-12-01'"),
            "{}",
            metric.sql
        );
    }

    #[test]
    fn an_exercise_id_cannot_close_the_string() {
        let spec = e1rm_trend(&frame(Language::En, Units::Metric), "x' OR '1'='1", "X");
        assert!(spec.sql.contains("'x'' OR ''1''=''1'"), "{}", spec.sql);
    }

    #[test]
    fn every_spec_is_valid_in_both_languages() {
        for language in [Language::En, Language::He] {
            let f = frame(language, Units::Metric);
            for spec in [
                e1rm_trend(&f, "id", "Squat"),
                weekly_volume(&f),
                hard_sets(&f),
                training_days(&f),
                goal_progress(&f),
                records_timeline(&f),
                muscle_balance(&f),
            ] {
                spec.validate()
                    .unwrap_or_else(|e| panic!("{}: {e}", spec.title));
            }
        }
    }

    #[test]
    fn a_set_counts_for_each_muscle_worked_first_and_the_top_muscles_stay() {
        let rows = vec![
            vec![
                json!("2026-11-09"),
                json!(r#"["quads","glutes"]"#),
                json!(6),
            ],
            vec![json!("2026-11-09"), json!(r#"["chest"]"#), json!(4)],
            vec![
                json!("2026-11-16"),
                json!(r#"["glutes","hamstrings"]"#),
                json!(3),
            ],
            vec![json!("2026-11-16"), json!("not json"), json!(9)],
        ];
        let out = split_muscles(&rows, Language::En);
        // Glutes 9, quads 6, chest 4, hamstrings 3: four muscles, two weeks.
        assert_eq!(out.len(), 8);
        assert_eq!(
            out[0],
            vec![json!("2026-11-09"), json!("Glutes"), json!(6.0)]
        );
        assert_eq!(
            out[1],
            vec![json!("2026-11-09"), json!("Quads"), json!(6.0)]
        );
        assert_eq!(
            out[3],
            vec![json!("2026-11-09"), json!("Hamstrings"), json!(0.0)]
        );
        assert_eq!(
            out[4],
            vec![json!("2026-11-16"), json!("Glutes"), json!(3.0)]
        );
        // Drawn as one series per muscle.
        let f = frame(Language::En, Units::Metric);
        let spec = hard_sets(&f);
        let t = table(&spec, &columns(&spec), &out).unwrap();
        assert_eq!(t.header, ["Week", "Glutes", "Quads", "Chest", "Hamstrings"]);
        assert_eq!(t.rows[1][1], Cell::Number(3.0));
    }

    #[test]
    fn more_muscles_than_fit_keep_the_most_trained() {
        let muscles = [
            "chest", "back", "quads", "glutes", "biceps", "triceps", "calves",
        ];
        let rows: Vec<_> = muscles
            .iter()
            .enumerate()
            .map(|(i, m)| vec![json!("W1"), json!(format!("[\"{m}\"]")), json!(10 - i)])
            .collect();
        let out = split_muscles(&rows, Language::He);
        assert_eq!(out.len(), MUSCLES_SHOWN);
        assert!(
            !out.iter().any(|r| r[1] == json!("תאומים")),
            "calves are the least trained"
        );
        assert_eq!(out[0][1], json!("חזה"));
    }

    #[test]
    fn the_calendar_has_every_day_up_to_today_and_rest_days_are_zero() {
        let f = frame(Language::En, Units::Metric);
        let rows = vec![
            vec![json!("2026-11-23"), json!(1)],
            vec![json!("2026-11-25"), json!(2)],
            vec![json!("2025-01-01"), json!(5)],
        ];
        let out = calendar(&f, &rows);
        // 25 full weeks and Monday–Wednesday of this one.
        assert_eq!(out.len(), 25 * 7 + 3);
        assert_eq!(out[0], vec![json!("2026-06-01"), json!("Mon"), json!(0.0)]);
        let last = &out[out.len() - 3..];
        assert_eq!(last[0], vec![json!("2026-11-23"), json!("Mon"), json!(1.0)]);
        assert_eq!(last[1][2], json!(0.0));
        assert_eq!(last[2], vec![json!("2026-11-23"), json!("Wed"), json!(2.0)]);
        let spec = training_days(&f);
        let t = table(&spec, &columns(&spec), &out).unwrap();
        assert_eq!(t.header, ["Week", "Weekday", "Workouts"]);
    }

    #[test]
    fn hebrew_weekdays_start_on_monday_too() {
        let f = frame(Language::He, Units::Metric);
        let out = calendar(&f, &[]);
        assert_eq!(out[0][1], json!("ב׳"));
        assert_eq!(out[6][1], json!("א׳"));
    }
}
