//! The demo account's training plan: items around today, some done, one suggested by the coach.

use chrono::{Datelike, Duration, NaiveDate, NaiveTime};

use crate::domain::due_date::Due;
use crate::domain::plan::Priority;

/// A plan item of the demo account.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoPlanItem {
    pub title: &'static str,
    pub description: Option<&'static str>,
    pub due: Option<Due>,
    pub priority: Priority,
    pub done: bool,
    pub ai_generated: bool,
}

/// Five plan items around `today`: two done, three to do (one suggested by the coach).
pub fn plan_items(today: NaiveDate) -> Vec<DemoPlanItem> {
    let day = |days: i64| Due {
        date: today + Duration::days(days),
        time: None,
    };
    let days_to_next_friday = 1 + (7 + 3 - i64::from(today.weekday().num_days_from_monday())) % 7;
    vec![
        DemoPlanItem {
            title: "Swap Friday's easy run for intervals: 6 × 400 m",
            description: Some(
                "For the 10K: 6 × 400 m at about 4:30 per km with 90 s of walking between, \
                 and keep the long run every other week.",
            ),
            due: Some(day(days_to_next_friday)),
            priority: Priority::Medium,
            done: false,
            ai_generated: true,
        },
        DemoPlanItem {
            title: "Test bench press max",
            description: Some("Warm up well; singles up to a hard RPE 9, with a spotter."),
            due: Some(Due {
                date: today + Duration::weeks(6),
                time: NaiveTime::from_hms_opt(18, 30, 0),
            }),
            priority: Priority::High,
            done: false,
            ai_generated: false,
        },
        DemoPlanItem {
            title: "Buy new running shoes",
            description: Some("The current pair has about 700 km on it."),
            due: Some(day(10)),
            priority: Priority::Low,
            done: false,
            ai_generated: false,
        },
        DemoPlanItem {
            title: "Sign up for a 10K race",
            description: None,
            due: Some(day(-20)),
            priority: Priority::Medium,
            done: true,
            ai_generated: false,
        },
        DemoPlanItem {
            title: "Film a set of squats from the side for a form check",
            description: None,
            due: Some(day(-5)),
            priority: Priority::Medium,
            done: true,
            ai_generated: false,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::super::fixture::now;
    use super::*;

    #[test]
    fn plan_items_are_relative_to_today() {
        let today = now().date();
        let items = plan_items(today);
        assert_eq!(items.len(), 5);
        assert_eq!(items.iter().filter(|i| i.done).count(), 2);
        assert_eq!(items.iter().filter(|i| i.ai_generated).count(), 1);
        for i in &items {
            let due = i.due.unwrap().date;
            assert_eq!(i.done, due < today, "{i:?}");
        }
    }
}
