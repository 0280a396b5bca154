//! Goals and their live progress, computed from the log (never a stored counter).
//!
//! A goal has a type (what is counted), a target in canonical units (points, workouts, sets,
//! streak days, kg, seconds, metres), an optional exercise, and a timeframe: `daily` (today),
//! `weekly` (Monday–Sunday), `monthly` (the calendar month), or `by_date` (from its start date to
//! its end date). Weight goals look for the heaviest set in the window; streak goals look at the
//! current streak; the others add up what the window holds. When a goal was first met is
//! [`met_at`].

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::domain::account::{FieldError, Units};
use crate::domain::display;
use crate::domain::i18n::FormError;
use crate::domain::scoring::stats::Log;
use crate::domain::text_enum::text_enum;

mod completion;
pub use completion::met_at;

text_enum!(
    /// What a goal counts.
    GoalType {
        Workouts => "workouts", Points => "points", Exercises => "exercises", Streak => "streak",
        Weight => "weight", Duration => "duration", Distance => "distance"
    }
);
text_enum!(
    /// The window a goal's progress is counted in.
    Timeframe { Weekly => "weekly", Daily => "daily", Monthly => "monthly", ByDate => "by_date" }
);

impl GoalType {
    /// The canonical unit of targets of this type.
    pub fn unit(self) -> &'static str {
        match self {
            GoalType::Workouts => "workouts",
            GoalType::Points => "points",
            GoalType::Exercises => "sets",
            GoalType::Streak => "days",
            GoalType::Weight => "kg",
            GoalType::Duration => "s",
            GoalType::Distance => "m",
        }
    }
}

/// `POST /goals` body (and what the goals page's form becomes).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GoalInput {
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub goal_type: GoalType,
    /// In the goal type's canonical unit: workouts, points, sets, days, kg, seconds or metres.
    pub target_value: f64,
    #[cfg_attr(feature = "ssr", schema(value_type = String))]
    pub timeframe: Timeframe,
    /// Optional: slug, id or a name in English or Hebrew.
    pub exercise: Option<String>,
    /// Default: today in your time zone.
    pub start_date: Option<NaiveDate>,
    /// Required for `by_date`.
    pub end_date: Option<NaiveDate>,
}

/// `PATCH /goals/{id}` body: a new target or end date, or pausing (`is_active: false`).
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct GoalPatch {
    pub target_value: Option<f64>,
    pub end_date: Option<NaiveDate>,
    pub is_active: Option<bool>,
}

impl GoalType {
    /// A target typed in the user's units (kg or lb, km or miles, minutes) in canonical units.
    pub fn target_from_input(self, value: f64, units: Units) -> f64 {
        match self {
            GoalType::Weight => display::weight_input_kg(value, units),
            GoalType::Distance => display::distance_input_m(value, units),
            GoalType::Duration => value * 60.0,
            _ => value,
        }
    }

    /// A canonical amount of this type as the user reads it: `100 kg`, `5 km`, `30:00`, `12`.
    pub fn format_amount(self, value: f64, units: Units) -> String {
        match self {
            GoalType::Weight => display::weight(value, units),
            GoalType::Distance => display::distance(value, units),
            GoalType::Duration => display::duration(value),
            _ => display::number(value),
        }
    }
}

/// The goals page's form (everything a string, targets in the user's units) as a
/// [`GoalInput`]; `Err` is the error code the page shows.
pub fn parse_goal_form(
    field: impl Fn(&str) -> Option<String>,
    units: Units,
) -> Result<GoalInput, FormError> {
    let text = |k: &str| {
        field(k)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    };
    let goal_type: GoalType = text("goal_type")
        .and_then(|v| v.parse().ok())
        .ok_or(FormError::InvalidInput)?;
    let timeframe: Timeframe = text("timeframe")
        .and_then(|v| v.parse().ok())
        .ok_or(FormError::InvalidInput)?;
    let target = match display::parse_number(&text("target").unwrap_or_default()) {
        Some(Ok(v)) => goal_type.target_from_input(v, units),
        _ => return Err(FormError::GoalTarget),
    };
    let end_date = match text("end_date") {
        None => None,
        Some(d) => Some(d.parse::<NaiveDate>().map_err(|_| FormError::GoalEndDate)?),
    };
    Ok(GoalInput {
        goal_type,
        target_value: target,
        timeframe,
        exercise: text("exercise"),
        start_date: None,
        end_date,
    })
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalSpec<Id> {
    pub goal_type: GoalType,
    pub exercise_id: Option<Id>,
    pub target: f64,
    pub timeframe: Timeframe,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Progress {
    pub current: f64,
    pub target: f64,
    /// 0–100.
    pub percent: u8,
    pub completed: bool,
    /// The window counted, in the user's days.
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The window of a goal as of `today`.
pub fn window(
    timeframe: Timeframe,
    start: NaiveDate,
    end: Option<NaiveDate>,
    today: NaiveDate,
) -> (NaiveDate, NaiveDate) {
    match timeframe {
        Timeframe::Daily => (today, today),
        Timeframe::Weekly => {
            let monday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()));
            (monday, monday + Duration::days(6))
        }
        Timeframe::Monthly => {
            let first = today.with_day(1).unwrap_or(today);
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
            };
            (first, next.map(|n| n - Duration::days(1)).unwrap_or(today))
        }
        Timeframe::ByDate => (start, end.unwrap_or(today)),
    }
}

/// Progress of `goal` in its window as of the log's today (the log must start by the
/// window's first day).
pub fn progress<Id: PartialEq>(goal: &GoalSpec<Id>, log: &Log<Id>) -> Progress {
    let Log {
        workouts,
        sets,
        today,
        ..
    } = log;
    let today = *today;
    let (from, to) = window(goal.timeframe, goal.start_date, goal.end_date, today);
    let from = from.max(goal.start_date);
    let inside = |d: NaiveDate| d >= from && d <= to;
    let relevant = || {
        sets.iter()
            .filter(move |s| inside(s.day) && !s.facts.is_warmup())
            .filter(move |s| {
                goal.exercise_id
                    .as_ref()
                    .is_none_or(|e| *e == s.exercise_id)
            })
    };
    // Sums start from +0.0: `Iterator::sum` of no floats is -0.0, which reads "-0 m".
    let add = |a: f64, b: f64| a + b;
    let current = match goal.goal_type {
        GoalType::Workouts => workouts.iter().filter(|w| inside(w.day)).count() as f64,
        GoalType::Points => workouts
            .iter()
            .filter(|w| inside(w.day))
            .map(|w| w.points as f64)
            .fold(0.0, add),
        GoalType::Exercises => relevant().count() as f64,
        GoalType::Streak => f64::from(log.current_streak_days()),
        GoalType::Weight => relevant()
            .filter_map(|s| s.facts.weight_kg)
            .fold(0.0, f64::max),
        GoalType::Duration => relevant()
            .filter_map(|s| s.facts.duration_s)
            .map(f64::from)
            .fold(0.0, add),
        GoalType::Distance => relevant().filter_map(|s| s.facts.distance_m).fold(0.0, add),
    };
    let ratio = if goal.target > 0.0 {
        current / goal.target
    } else {
        0.0
    };
    Progress {
        current,
        target: goal.target,
        percent: (ratio * 100.0).clamp(0.0, 100.0).floor() as u8,
        completed: current >= goal.target,
        from,
        to,
    }
}

/// Checks a new goal's numbers: a positive, sane target and a by-date goal's end date.
pub fn validate_target(
    goal_type: GoalType,
    target: f64,
    timeframe: Timeframe,
    start: NaiveDate,
    end: Option<NaiveDate>,
) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let max = match goal_type {
        GoalType::Weight => 1000.0,
        GoalType::Streak => 3650.0,
        _ => 1e9,
    };
    if !target.is_finite() || target <= 0.0 || target > max {
        errors.push(FieldError::new(
            "target_value",
            "out_of_range",
            format!("The target must be more than 0 and at most {max}."),
        ));
    }
    match (timeframe, end) {
        (Timeframe::ByDate, None) => errors.push(FieldError::new(
            "end_date",
            "required",
            "A by-date goal needs an end date.",
        )),
        (_, Some(end)) if end < start => errors.push(FieldError::new(
            "end_date",
            "before_start",
            "The end date is before the start date.",
        )),
        _ => {}
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::scoring::stats::tests::{d, lift, workout};

    #[test]
    fn the_goal_form_reads_units_and_reports_one_code() {
        let form = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let g = parse_goal_form(
            form(&[
                ("goal_type", "weight"),
                ("target", "225"),
                ("timeframe", "by_date"),
                ("end_date", "2027-01-31"),
                ("exercise", " bench press "),
            ]),
            Units::Imperial,
        )
        .unwrap();
        assert!((g.target_value - 102.058_283_25).abs() < 1e-6);
        assert_eq!(g.end_date, Some(d("2027-01-31")));
        assert_eq!(g.exercise.as_deref(), Some("bench press"));
        let g = parse_goal_form(
            form(&[
                ("goal_type", "duration"),
                ("target", "90,5"),
                ("timeframe", "weekly"),
                ("exercise", ""),
            ]),
            Units::Metric,
        )
        .unwrap();
        assert_eq!(g.target_value, 5430.0);
        assert_eq!(g.exercise, None);
        let bad = |pairs| parse_goal_form(form(pairs), Units::Metric).unwrap_err();
        assert_eq!(
            bad(&[
                ("goal_type", "weight"),
                ("target", "lots"),
                ("timeframe", "weekly")
            ]),
            FormError::GoalTarget
        );
        assert_eq!(
            bad(&[("goal_type", "weight"), ("timeframe", "weekly")]),
            FormError::GoalTarget
        );
        assert_eq!(
            bad(&[
                ("goal_type", "naps"),
                ("target", "3"),
                ("timeframe", "weekly")
            ]),
            FormError::InvalidInput
        );
        assert_eq!(
            bad(&[
                ("goal_type", "points"),
                ("target", "3"),
                ("timeframe", "by_date"),
                ("end_date", "soon")
            ]),
            FormError::GoalEndDate
        );
    }

    #[test]
    fn targets_are_typed_and_shown_in_the_users_units() {
        let lb = GoalType::Weight.target_from_input(225.0, Units::Imperial);
        assert!((lb - 102.058_283_25).abs() < 1e-6, "{lb}");
        assert_eq!(
            GoalType::Weight.format_amount(lb, Units::Imperial),
            "225 lb"
        );
        assert_eq!(
            GoalType::Distance.target_from_input(5.0, Units::Metric),
            5000.0
        );
        assert_eq!(
            GoalType::Distance.format_amount(5000.0, Units::Metric),
            "5 km"
        );
        assert_eq!(
            GoalType::Duration.target_from_input(30.0, Units::Metric),
            1800.0
        );
        assert_eq!(
            GoalType::Duration.format_amount(1800.0, Units::Metric),
            "30:00"
        );
        assert_eq!(
            GoalType::Workouts.target_from_input(3.0, Units::Imperial),
            3.0
        );
        assert_eq!(GoalType::Points.format_amount(250.0, Units::Metric), "250");
    }

    fn spec(
        goal_type: GoalType,
        target: f64,
        timeframe: Timeframe,
        exercise: Option<&str>,
    ) -> GoalSpec<String> {
        GoalSpec {
            goal_type,
            exercise_id: exercise.map(str::to_owned),
            target,
            timeframe,
            start_date: d("2026-01-01"),
            end_date: None,
        }
    }

    #[test]
    fn windows() {
        let today = d("2026-12-16"); // a Wednesday
        assert_eq!(window(Timeframe::Daily, today, None, today), (today, today));
        assert_eq!(
            window(Timeframe::Weekly, today, None, today),
            (d("2026-12-14"), d("2026-12-20"))
        );
        assert_eq!(
            window(Timeframe::Monthly, today, None, today),
            (d("2026-12-01"), d("2026-12-31"))
        );
        assert_eq!(
            window(Timeframe::Monthly, today, None, d("2028-02-10")),
            (d("2028-02-01"), d("2028-02-29"))
        );
        assert_eq!(
            window(
                Timeframe::ByDate,
                d("2026-11-01"),
                Some(d("2027-01-01")),
                today
            ),
            (d("2026-11-01"), d("2027-01-01"))
        );
    }

    #[test]
    fn progress_by_type() {
        let today = d("2026-12-16");
        let workouts = [
            workout("2026-12-07", 100),
            workout("2026-12-14", 60),
            workout("2026-12-15", 40),
        ];
        let sets = vec![
            lift("bench", "2026-12-07", 5, 100.0),
            lift("bench", "2026-12-14", 5, 90.0),
            lift("squat", "2026-12-15", 5, 140.0),
        ];
        let weekly_workouts = progress(
            &spec(GoalType::Workouts, 3.0, Timeframe::Weekly, None),
            &Log::whole(&workouts, &sets, today),
        );
        assert_eq!(
            (
                weekly_workouts.current,
                weekly_workouts.percent,
                weekly_workouts.completed
            ),
            (2.0, 66, false)
        );
        let points = progress(
            &spec(GoalType::Points, 200.0, Timeframe::Monthly, None),
            &Log::whole(&workouts, &sets, today),
        );
        assert_eq!(
            (points.current, points.percent, points.completed),
            (200.0, 100, true)
        );
        let bench_this_week = progress(
            &spec(GoalType::Weight, 100.0, Timeframe::Weekly, Some("bench")),
            &Log::whole(&workouts, &sets, today),
        );
        assert_eq!(
            bench_this_week.current, 90.0,
            "the 100 kg set was last week"
        );
        let streak = progress(
            &spec(GoalType::Streak, 7.0, Timeframe::Daily, None),
            &Log::whole(&workouts, &sets, today),
        );
        assert_eq!(streak.current, 2.0, "Dec 14 and 15, alive through today");
        // Nothing run this month: zero, shown as "0 m" (an empty float sum is -0.0).
        let distance = progress(
            &spec(GoalType::Distance, 5000.0, Timeframe::Monthly, None),
            &Log::whole(&workouts, &sets, today),
        );
        assert!(
            distance.current == 0.0 && distance.current.is_sign_positive(),
            "{}",
            distance.current
        );
        assert_eq!(
            GoalType::Distance.format_amount(distance.current, Units::Metric),
            "0 m"
        );
        let mut started_late = spec(GoalType::Exercises, 10.0, Timeframe::Monthly, None);
        started_late.start_date = d("2026-12-10");
        assert_eq!(
            progress(&started_late, &Log::whole(&workouts, &sets, today)).current,
            2.0,
            "nothing before the goal existed"
        );
    }

    #[test]
    fn target_validation() {
        let day = d("2026-12-01");
        assert!(validate_target(GoalType::Workouts, 3.0, Timeframe::Weekly, day, None).is_empty());
        assert_eq!(
            validate_target(GoalType::Weight, 0.0, Timeframe::Weekly, day, None)[0].field,
            "target_value"
        );
        assert_eq!(
            validate_target(GoalType::Weight, 1500.0, Timeframe::Weekly, day, None)[0].field,
            "target_value"
        );
        assert_eq!(
            validate_target(GoalType::Distance, 5000.0, Timeframe::ByDate, day, None)[0].field,
            "end_date"
        );
        assert_eq!(
            validate_target(
                GoalType::Distance,
                5000.0,
                Timeframe::ByDate,
                day,
                Some(d("2026-11-01"))
            )[0]
            .code,
            "before_start"
        );
    }
}
