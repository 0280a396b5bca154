//! The demo account's goals, set relative to its generated history: some in progress, one
//! already reached.

use chrono::{Duration, NaiveDate};

use super::history::DemoHistory;
use super::program::{BENCH, SQUAT};
use crate::domain::goals::{GoalType, Timeframe};

/// A goal of the demo account.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoGoal {
    pub goal_type: GoalType,
    /// A catalog slug.
    pub exercise: Option<&'static str>,
    /// In the goal type's canonical unit.
    pub target: f64,
    pub timeframe: Timeframe,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

/// Four goals: three workouts a week, a bench press target about six weeks ahead (a little
/// above the best so far), 30 km of running a month, and a squat target already reached.
pub fn goals(history: &DemoHistory) -> Vec<DemoGoal> {
    let today = history.today;
    let bench = history
        .heaviest(BENCH.slug, history.first_day)
        .unwrap_or(BENCH.base);
    let recent_squat = history
        .heaviest(SQUAT.slug, today - Duration::weeks(10))
        .unwrap_or(SQUAT.base);
    vec![
        DemoGoal {
            goal_type: GoalType::Workouts,
            exercise: None,
            target: 3.0,
            timeframe: Timeframe::Weekly,
            start_date: history.first_day,
            end_date: None,
        },
        DemoGoal {
            goal_type: GoalType::Weight,
            exercise: Some(BENCH.slug),
            target: ((bench / 5.0).floor() + 1.0) * 5.0,
            timeframe: Timeframe::ByDate,
            start_date: today - Duration::weeks(4),
            end_date: Some(today + Duration::weeks(6)),
        },
        DemoGoal {
            goal_type: GoalType::Distance,
            exercise: Some("running"),
            target: 30_000.0,
            timeframe: Timeframe::Monthly,
            start_date: history.first_day,
            end_date: None,
        },
        DemoGoal {
            goal_type: GoalType::Weight,
            exercise: Some(SQUAT.slug),
            target: (recent_squat / 5.0).floor() * 5.0,
            timeframe: Timeframe::ByDate,
            start_date: today - Duration::weeks(10),
            end_date: Some(today + Duration::weeks(2)),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::super::fixture::default_history;
    use super::*;
    use crate::domain::catalog::catalog;

    #[test]
    fn goals_are_relative_to_the_history() {
        let h = default_history();
        let g = goals(&h);
        assert_eq!(g.len(), 4);
        let bench = &g[1];
        let best = h.heaviest("bench-press", h.first_day).unwrap();
        assert!(
            bench.target > best && bench.target <= best + 5.0,
            "{bench:?} vs {best}"
        );
        assert_eq!(bench.end_date, Some(h.today + Duration::weeks(6)));
        let squat = &g[3];
        assert!(h.heaviest("back-squat", squat.start_date).unwrap() >= squat.target);
        for goal in &g {
            if let Some(slug) = goal.exercise {
                assert!(catalog().get(slug).is_some(), "{slug}");
            }
        }
    }
}
