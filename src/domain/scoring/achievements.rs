//! Achievements: milestones earned from lifetime totals, each with English and Hebrew names.
//! [`earned`] says which ones the totals qualify for; [`reached_at`] says when each was first
//! reached, which is the time the server stores with it.

use serde::Serialize;

mod reached;
pub use reached::{Timeline, reached_at};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Achievement {
    pub code: &'static str,
    pub name_en: &'static str,
    pub name_he: &'static str,
    pub description: &'static str,
    pub points_reward: i64,
}

/// Lifetime totals the achievements are judged on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    pub points: i64,
    pub workouts: u64,
    pub longest_streak_days: u32,
    pub personal_records: u64,
}

enum Rule {
    Points(i64),
    Workouts(u64),
    Streak(u32),
    Records(u64),
}

const fn a(
    code: &'static str,
    name_en: &'static str,
    name_he: &'static str,
    description: &'static str,
    points_reward: i64,
) -> Achievement {
    Achievement {
        code,
        name_en,
        name_he,
        description,
        points_reward,
    }
}

const CATALOG: &[(Rule, Achievement)] = &[
    (
        Rule::Workouts(1),
        a(
            "first_workout",
            "First workout",
            "אימון ראשון",
            "Logged your first workout.",
            10,
        ),
    ),
    (
        Rule::Workouts(10),
        a(
            "workouts_10",
            "10 workouts",
            "10 אימונים",
            "Logged 10 workouts.",
            25,
        ),
    ),
    (
        Rule::Workouts(50),
        a(
            "workouts_50",
            "50 workouts",
            "50 אימונים",
            "Logged 50 workouts.",
            50,
        ),
    ),
    (
        Rule::Workouts(100),
        a(
            "workouts_100",
            "100 workouts",
            "100 אימונים",
            "Logged 100 workouts.",
            100,
        ),
    ),
    (
        Rule::Points(100),
        a(
            "points_100",
            "100 points",
            "100 נקודות",
            "Earned 100 points.",
            0,
        ),
    ),
    (
        Rule::Points(500),
        a(
            "points_500",
            "500 points",
            "500 נקודות",
            "Earned 500 points.",
            0,
        ),
    ),
    (
        Rule::Points(1000),
        a(
            "points_1000",
            "1,000 points",
            "1,000 נקודות",
            "Earned 1,000 points.",
            0,
        ),
    ),
    (
        Rule::Points(5000),
        a(
            "points_5000",
            "5,000 points",
            "5,000 נקודות",
            "Earned 5,000 points.",
            0,
        ),
    ),
    (
        Rule::Streak(7),
        a(
            "streak_7",
            "7-day streak",
            "רצף של 7 ימים",
            "Trained 7 days in a row.",
            50,
        ),
    ),
    (
        Rule::Streak(30),
        a(
            "streak_30",
            "30-day streak",
            "רצף של 30 ימים",
            "Trained 30 days in a row.",
            200,
        ),
    ),
    (
        Rule::Streak(100),
        a(
            "streak_100",
            "100-day streak",
            "רצף של 100 ימים",
            "Trained 100 days in a row.",
            1000,
        ),
    ),
    (
        Rule::Records(1),
        a(
            "first_pr",
            "First personal record",
            "שיא אישי ראשון",
            "Set your first personal record.",
            20,
        ),
    ),
    (
        Rule::Records(25),
        a(
            "records_25",
            "25 personal records",
            "25 שיאים אישיים",
            "Set 25 personal records.",
            100,
        ),
    ),
];

/// Every achievement `totals` qualifies for, in catalog order.
pub fn earned(totals: &Totals) -> Vec<Achievement> {
    CATALOG
        .iter()
        .filter(|(rule, _)| match *rule {
            Rule::Points(n) => totals.points >= n,
            Rule::Workouts(n) => totals.workouts >= n,
            Rule::Streak(n) => totals.longest_streak_days >= n,
            Rule::Records(n) => totals.personal_records >= n,
        })
        .map(|(_, a)| *a)
        .collect()
}

pub fn all() -> impl Iterator<Item = &'static Achievement> {
    CATALOG.iter().map(|(_, a)| a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn milestones_are_earned_at_their_thresholds() {
        let codes = |t: Totals| earned(&t).into_iter().map(|a| a.code).collect::<Vec<_>>();
        assert!(codes(Totals::default()).is_empty());
        assert_eq!(
            codes(Totals {
                workouts: 1,
                points: 99,
                ..Default::default()
            }),
            vec!["first_workout"]
        );
        assert_eq!(
            codes(Totals {
                workouts: 10,
                points: 500,
                longest_streak_days: 7,
                personal_records: 1
            }),
            vec![
                "first_workout",
                "workouts_10",
                "points_100",
                "points_500",
                "streak_7",
                "first_pr"
            ]
        );
        assert!(
            codes(Totals {
                longest_streak_days: 100,
                ..Default::default()
            })
            .contains(&"streak_100")
        );
    }

    #[test]
    fn codes_are_unique_and_names_translated() {
        let mut codes: Vec<_> = all().map(|a| a.code).collect();
        codes.sort_unstable();
        let n = codes.len();
        codes.dedup();
        assert_eq!(codes.len(), n);
        assert!(all().all(|a| {
            a.name_he
                .chars()
                .any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c))
        }));
    }
}
