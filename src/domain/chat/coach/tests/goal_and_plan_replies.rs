//! Answers from `list_goals` and the plan tools.

use crate::domain::account::Language::{self, En, He};
use crate::domain::account::Units::{self, Imperial, Metric};
use crate::domain::chat::coach::Intent;
use crate::domain::chat::coach::tests::{bench, check, reply};
use crate::domain::chat::tools::{
    AddPlanArgs, CompletePlanArgs, GoalFact, GoalsResult, PlanChangeResult, PlanFact,
    PlanListResult,
};
use crate::domain::goals::{GoalType, Timeframe};

fn goal(goal_type: GoalType, timeframe: Timeframe, current: f64, target: f64) -> GoalFact {
    GoalFact {
        goal_type,
        timeframe,
        exercise: None,
        current,
        target,
        percent: ((current / target * 100.0).min(100.0)) as u8,
        completed: current >= target,
        is_active: true,
    }
}

#[test]
fn goals_show_progress_in_the_users_units_and_an_empty_list_suggests_one() {
    let goals = GoalsResult {
        goals: vec![
            goal(GoalType::Workouts, Timeframe::Weekly, 2.0, 3.0),
            GoalFact {
                exercise: Some(bench()),
                ..goal(GoalType::Weight, Timeframe::ByDate, 90.0, 100.0)
            },
            goal(GoalType::Distance, Timeframe::Monthly, 12_000.0, 10_000.0),
            GoalFact {
                is_active: false,
                ..goal(GoalType::Streak, Timeframe::ByDate, 1.0, 7.0)
            },
        ],
    };
    let none = GoalsResult { goals: vec![] };
    let cases: &[(&GoalsResult, Language, Units, &[&str])] = &[
        (
            &goals,
            En,
            Metric,
            &[
                "- Workouts, this week: 2 of 3 (66%)",
                "- Heaviest weight · Bench Press (Barbell), by the end date: 90 kg of 100 kg (90%)",
                "- Distance, this month: 12 km of 10 km (100%) ✓ Achieved",
                "(Paused)",
                "1 of them is already achieved",
            ],
        ),
        (
            &goals,
            En,
            Imperial,
            &["198.4 lb of 220.5 lb", "7.5 mi of 6.2 mi"],
        ),
        (
            &goals,
            He,
            Metric,
            &[
                "- אימונים, השבוע: 2 מתוך 3 (66%)",
                "לחיצת חזה עם מוט, עד תאריך היעד: 90 ק״ג מתוך 100 ק״ג (90%)",
                "12 ק״מ מתוך 10 ק״מ (100%) ✓ הושג",
                "(מושהה)",
                "אחד מהם כבר הושג",
            ],
        ),
        (
            &none,
            En,
            Metric,
            &["You have no goals yet. Set one on the Goals page"],
        ),
        (&none, He, Metric, &["עדיין אין לך יעדים. הגדר/י יעד"]),
    ];
    for (result, language, units, facts) in cases {
        check(
            &reply(&Intent::Goals, *result, *language, *units),
            *language,
            facts,
        );
    }
}

fn item(title: &str, due: Option<&str>, all_day: bool) -> PlanFact {
    PlanFact {
        title: title.into(),
        due: due.map(|d| d.parse().expect("a date-time")),
        all_day,
        done: false,
    }
}

#[test]
fn the_plan_lists_what_is_due_with_day_labels_and_counts() {
    let items = vec![
        item("Old errand", Some("2026-11-20T00:00:00"), true),
        item("Leg day", Some("2026-11-24T19:00:00"), false),
        item("Deload week", Some("2026-11-30T00:00:00"), true),
        item("Buy shoes", None, false),
    ];
    let full = PlanListResult {
        items: items.clone(),
        total: 6,
    };
    let two = PlanListResult {
        items: items[1..3].to_vec(),
        total: 2,
    };
    let empty = PlanListResult {
        items: vec![],
        total: 0,
    };
    let cases: &[(&PlanListResult, Language, &[&str])] = &[
        (
            &full,
            En,
            &[
                "You have 6 items on your plan:",
                "- Old errand — Fri 20 Nov (Overdue)",
                "- Leg day — Tomorrow at 19:00",
                "- Deload week — Mon 30 Nov",
                "- Buy shoes — No date",
                "…and 2 more.",
            ],
        ),
        (
            &full,
            He,
            &[
                "יש לך 6 פריטים בתוכנית:",
                "(באיחור)",
                "מחר בשעה 19:00",
                "יום ב׳, 30 בנובמבר",
                "ללא תאריך",
                "…ועוד שניים.",
            ],
        ),
        (&two, He, &["יש לך שני פריטים בתוכנית:"]),
        (&empty, En, &["Your plan is empty. Try “add to my plan:"]),
        (&empty, He, &["התוכנית שלך ריקה. נסה/י „תוסיף לתוכנית"]),
    ];
    for (result, language, facts) in cases {
        check(
            &reply(&Intent::PlanList, *result, *language, Metric),
            *language,
            facts,
        );
    }
}

#[test]
fn plan_changes_say_what_changed_or_why_not() {
    let add = Intent::PlanAdd(AddPlanArgs {
        title: "ריצה קלה".into(),
        due: Some("מחר בשבע".into()),
    });
    let done = Intent::PlanComplete(CompletePlanArgs {
        title: "ריצה קלה".into(),
    });
    let added = |due: Option<&str>, all_day| PlanChangeResult::Added {
        item: item("ריצה קלה", due, all_day),
    };
    let cases: Vec<(&Intent, PlanChangeResult, Language, Vec<&str>)> = vec![
        (
            &add,
            added(Some("2026-11-24T07:00:00"), false),
            He,
            vec!["הוספתי לתוכנית את „ריצה קלה” — מחר בשעה 07:00."],
        ),
        (
            &add,
            added(Some("2026-11-24T07:00:00"), false),
            En,
            vec!["Added “ריצה קלה” to your plan — Tomorrow at 07:00."],
        ),
        (
            &add,
            added(None, false),
            En,
            vec!["Added “ריצה קלה” to your plan."],
        ),
        (
            &add,
            added(Some("2026-11-01T00:00:00"), true),
            En,
            vec!["Sun 1 Nov.", "already in the past"],
        ),
        (
            &add,
            added(Some("2026-11-01T00:00:00"), true),
            He,
            vec!["המועד הזה כבר עבר"],
        ),
        (
            &done,
            PlanChangeResult::Completed {
                item: item("ריצה קלה", None, false),
            },
            He,
            vec!["כל הכבוד! „ריצה קלה” סומן כבוצע."],
        ),
        (
            &done,
            PlanChangeResult::NotFound {
                title: "ריצה קלה".into(),
            },
            En,
            vec!["I couldn't find “ריצה קלה”", "“what's on my plan?”"],
        ),
        (
            &done,
            PlanChangeResult::NotFound {
                title: "ריצה קלה".into(),
            },
            He,
            vec!["לא מצאתי את „ריצה קלה”"],
        ),
        (
            &add,
            PlanChangeResult::Refused {
                field: "title".into(),
                message: "The title cannot be empty.".into(),
            },
            He,
            vec!["לא הצלחתי לעדכן את התוכנית: יש לתת לפריט כותרת"],
        ),
        (
            &add,
            PlanChangeResult::Refused {
                field: "priority".into(),
                message: "Unknown priority.".into(),
            },
            En,
            vec!["I couldn't change your plan: Unknown priority."],
        ),
        (
            &add,
            PlanChangeResult::Refused {
                field: "priority".into(),
                message: "Unknown priority.".into(),
            },
            He,
            vec!["לא הצלחתי לעדכן את התוכנית: חלק מהשדות אינם תקינים"],
        ),
    ];
    for (intent, result, language, facts) in cases {
        check(&reply(intent, &result, language, Metric), language, &facts);
    }
}
