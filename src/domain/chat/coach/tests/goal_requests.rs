//! Goals in words: what is counted, the target in canonical units, the timeframe, the exercise;
//! changing is setting the same kind again; deleting names the goal by what it counts.

use crate::domain::chat::coach::{Intent, understand};
use crate::domain::chat::tools::{DeleteGoalArgs, SetGoalArgs};
use crate::domain::goals::{GoalType, Timeframe};

fn set(
    goal_type: GoalType,
    target: f64,
    timeframe: Option<Timeframe>,
    exercise: Option<&str>,
) -> Intent {
    Intent::GoalSet(SetGoalArgs {
        goal_type,
        target,
        timeframe,
        exercise: exercise.map(str::to_owned),
        end_date: None,
        in_user_units: false,
    })
}

#[test]
fn goals_are_set_and_changed_from_words() {
    use GoalType::*;
    use Timeframe::*;
    let cases = [
        (
            "set a goal of 4 workouts a week",
            set(Workouts, 4.0, Some(Weekly), None),
        ),
        (
            "I want to train five times a week",
            set(Workouts, 5.0, Some(Weekly), None),
        ),
        (
            "goal: deadlift 180 kg",
            set(Weight, 180.0, None, Some("deadlift")),
        ),
        (
            "I want to bench 225 lb",
            set(Weight, 225.0 * 0.453_592_37, None, Some("bench-press")),
        ),
        (
            "new goal: run 30 km a month",
            set(Distance, 30_000.0, Some(Monthly), Some("running")),
        ),
        (
            "I'd like to earn 2000 points this month",
            set(Points, 2000.0, Some(Monthly), None),
        ),
        (
            "make me a goal of 40 sets per week",
            set(Exercises, 40.0, Some(Weekly), None),
        ),
        (
            "I want to get to a 14 day streak",
            set(Streak, 14.0, None, None),
        ),
        (
            "change my weekly workout goal to 6",
            set(Workouts, 6.0, Some(Weekly), None),
        ),
        (
            "אני רוצה להתאמן חמש פעמים בשבוע",
            set(Workouts, 5.0, Some(Weekly), None),
        ),
        (
            "יעד: סקוואט 150 קילו",
            set(Weight, 150.0, None, Some("back-squat")),
        ),
        (
            "המטרה שלי היא לרוץ שעה ביום",
            set(Duration, 3600.0, Some(Daily), Some("running")),
        ),
        (
            "תעלה את היעד בלחיצת חזה ל-110 קילו",
            set(Weight, 110.0, None, Some("bench-press")),
        ),
    ];
    for (text, want) in cases {
        let got = understand(text);
        match (&got, &want) {
            (Intent::GoalSet(g), Intent::GoalSet(w)) => {
                assert!((g.target - w.target).abs() < 0.01, "{text:?}: {got:?}");
                assert_eq!(
                    (g.goal_type, g.timeframe, &g.exercise),
                    (w.goal_type, w.timeframe, &w.exercise),
                    "{text:?}"
                );
            }
            _ => panic!("{text:?}: {got:?}"),
        }
    }
}

#[test]
fn goals_are_deleted_by_what_they_count() {
    let cases = [
        (
            "delete my running goal",
            DeleteGoalArgs {
                exercise: Some("running".into()),
                ..Default::default()
            },
        ),
        (
            "remove the points goal",
            DeleteGoalArgs {
                goal_type: Some(GoalType::Points),
                ..Default::default()
            },
        ),
        (
            "scrap my monthly goal",
            DeleteGoalArgs {
                timeframe: Some(Timeframe::Monthly),
                ..Default::default()
            },
        ),
        (
            "תמחק את היעד בסקוואט",
            DeleteGoalArgs {
                exercise: Some("back-squat".into()),
                ..Default::default()
            },
        ),
    ];
    for (text, want) in cases {
        assert_eq!(understand(text), Intent::GoalDelete(want), "{text:?}");
    }
}

#[test]
fn questions_about_goals_and_plain_wishes_are_not_goals_to_set() {
    for text in [
        "how are my goals going?",
        "what are my goals",
        "I want to get stronger",
        "אני רוצה להתחזק",
    ] {
        assert!(
            !matches!(understand(text), Intent::GoalSet(_) | Intent::GoalDelete(_)),
            "{text:?}: {:?}",
            understand(text)
        );
    }
}
