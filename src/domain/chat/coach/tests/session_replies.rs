//! "What should I do today?", "how much should I bench next time?" and "am I balanced?": read
//! into the planning tools, and answered from their results with the numbers in the user's
//! units and the words in the language asked.

use super::{bench, check, reply};
use crate::domain::account::Language::{En, He};
use crate::domain::account::Units;
use crate::domain::catalog::Muscle;
use crate::domain::chat::coach::{Intent, understand};
use crate::domain::chat::session_tools::{
    BalanceResult, MuscleLine, SuggestArgs, SuggestResult, SuggestedExercise, SuggestedSet,
};
use crate::domain::chat::tools::Names;
use crate::domain::progression::balance::Level;
use crate::domain::progression::next_session::{Advice, NextSession, RepRange};

#[test]
fn requests_for_a_session_a_next_time_and_the_balance_are_understood() {
    for text in [
        "What should I do today?",
        "what should i train today",
        "what's my workout?",
        "give me a workout",
        "plan my session",
        "מה לעשות היום?",
        "מה האימון הבא שלי?",
        "תן לי אימון להיום",
        "what should I do at the gym",
    ] {
        assert_eq!(understand(text), Intent::Today, "{text}");
    }
    for (text, exercise) in [
        ("how much should I bench next time?", "bench"),
        ("what weight should I squat next time", "squat"),
        ("next time deadlift?", "deadlift"),
        ("כמה להרים בסקוואט בפעם הבאה?", "סקוואט"),
        ("איזה משקל לשים בלחיצת חזה באימון הבא", "לחיצת חזה"),
    ] {
        assert_eq!(
            understand(text),
            Intent::Next(SuggestArgs {
                exercise: Some(exercise.to_owned())
            }),
            "{text}"
        );
    }
    for text in [
        "am I neglecting any muscles?",
        "is my training balanced?",
        "which muscle groups need more work",
        "האימונים שלי מאוזנים?",
        "אילו שרירים אני מזניח?",
    ] {
        assert_eq!(understand(text), Intent::Balance, "{text}");
    }
    // Still what they were.
    assert!(matches!(
        understand("when did I last bench?"),
        Intent::LastDone(_)
    ));
    assert!(matches!(
        understand("what's my bench PR?"),
        Intent::Records(_)
    ));
    assert!(matches!(understand("bench 3x8 at 80"), Intent::Log { .. }));
}

fn exercise(
    names: Names,
    next: Option<NextSession>,
    sets: &[(u32, f64)],
    for_muscle: Option<Muscle>,
) -> SuggestedExercise {
    SuggestedExercise {
        exercise: names,
        slug: "x".into(),
        next,
        range: RepRange { low: 5, high: 8 },
        sets: sets
            .iter()
            .map(|&(reps, weight)| SuggestedSet { reps, weight })
            .collect(),
        unit: "kg".into(),
        text: String::new(),
        reason: String::new(),
        for_muscle,
    }
}

fn squat() -> Names {
    Names {
        en: "Squat (Barbell)".into(),
        he: "סקוואט עם מוט".into(),
    }
}

#[test]
fn today_is_answered_with_sets_loads_and_why() {
    let add = NextSession {
        advice: Advice::AddWeight {
            sets: 3,
            reps: 5,
            weight: 82.5,
            from: 80.0,
        },
        range: RepRange { low: 5, high: 8 },
        last: super::day("2026-11-19"),
    };
    let session = SuggestResult::Session {
        plan_item: Some("Leg day".into()),
        repeats: Some(super::day("2026-11-19")),
        name: None,
        exercises: vec![
            exercise(bench(), Some(add.clone()), &[(5, 82.5); 3], None),
            exercise(squat(), None, &[], Some(Muscle::Quads)),
        ],
    };
    let en = reply(&Intent::Today, &session, En, Units::Metric);
    check(
        &en,
        En,
        &[
            "Leg day",
            "**Bench Press (Barbell)**: 3 × 5 @ 82.5 kg",
            "**Squat (Barbell)**",
            "quads",
            "3 sets of 5–8",
        ],
    );
    let he = reply(&Intent::Today, &session, He, Units::Metric);
    check(
        &he,
        He,
        &[
            "Leg day",
            "3 × 5 @ 82.5 ק״ג",
            "**סקוואט עם מוט**",
            "ארבע ראשי",
        ],
    );
    // One exercise, and why.
    let next = SuggestResult::Exercise {
        next: exercise(bench(), Some(add), &[(5, 82.5); 3], None),
    };
    let en = reply(
        &Intent::Next(SuggestArgs::default()),
        &next,
        En,
        Units::Metric,
    );
    check(
        &en,
        En,
        &[
            "Bench Press (Barbell)",
            "3 × 5 @ 82.5 kg",
            "Every set reached 8 reps at 80 kg: 2.5 kg more",
        ],
    );
    let he = reply(
        &Intent::Next(SuggestArgs::default()),
        &next,
        He,
        Units::Metric,
    );
    check(&he, He, &["3 × 5 @ 82.5 ק״ג", "עוד 2.5 ק״ג"]);
    // Nothing to build on: said so, with what to do.
    let nothing = reply(
        &Intent::Today,
        &SuggestResult::NothingLogged,
        En,
        Units::Metric,
    );
    check(&nothing, En, &["squat 3x5 @ 60kg"]);
}

#[test]
fn the_balance_names_low_muscles_with_exercises_for_them() {
    let result = BalanceResult {
        weeks: 4,
        low_below: 10.0,
        high_above: 20.0,
        muscles: vec![
            MuscleLine {
                muscle: Muscle::Chest,
                sets_per_week: 12.0,
                level: Level::Fine,
                picks: vec![],
            },
            MuscleLine {
                muscle: Muscle::Biceps,
                sets_per_week: 2.5,
                level: Level::Low,
                picks: vec![bench()],
            },
            MuscleLine {
                muscle: Muscle::Back,
                sets_per_week: 22.5,
                level: Level::High,
                picks: vec![],
            },
        ],
    };
    let en = reply(&Intent::Balance, &result, En, Units::Metric);
    check(
        &en,
        En,
        &[
            "last 4 weeks",
            "10–20",
            "**Low**: Biceps 2.5 (try Bench Press (Barbell))",
            "**High**: Back 22.5",
            "Chest 12",
        ],
    );
    let he = reply(&Intent::Balance, &result, He, Units::Metric);
    check(&he, He, &["יד קדמית 2.5", "גב 22.5"]);
    let none = BalanceResult {
        muscles: vec![],
        ..result
    };
    check(
        &reply(&Intent::Balance, &none, En, Units::Metric),
        En,
        &["no hard sets"],
    );
}
