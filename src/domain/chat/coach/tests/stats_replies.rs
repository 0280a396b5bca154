//! Answers from `get_stats` (totals, or streak and level), answers that need no tool, and
//! results that cannot be read.

use serde_json::json;

use crate::domain::account::Language::{self, En, He};
use crate::domain::account::Units::{self, Imperial, Metric};
use crate::domain::chat::coach::tests::{bench, check, reply, today};
use crate::domain::chat::coach::{Intent, StatsFocus, reply_with_result, reply_without_tool};
use crate::domain::chat::tools::{AddPlanArgs, RecordsArgs, StatsArgs, StatsResult};
use crate::domain::scoring::levels::Level;
use crate::domain::scoring::stats::Period;

fn stats_result(workouts: u64, current: u32, longest: u32) -> StatsResult {
    StatsResult {
        previous_workouts: None,
        most_trained: Vec::new(),
        active_goals: 0,
        pending_plan_items: 0,
        period: Period::Week,
        workouts,
        sets: 45,
        volume_kg: 5_200.0,
        points: 1_320,
        current_streak_days: current,
        longest_streak_days: longest,
        level: Level::Intermediate,
        points_to_next_level: 1_200,
        favourite_exercise: Some(bench()),
    }
}

#[test]
fn stats_tell_the_periods_totals_in_the_users_units() {
    let totals = Intent::Stats {
        args: StatsArgs {
            period: Period::Week,
        },
        focus: StatsFocus::Totals,
    };
    let one = StatsResult {
        workouts: 1,
        sets: 2,
        points: 1,
        ..stats_result(1, 0, 0)
    };
    let cases: &[(StatsResult, Language, Units, &[&str])] = &[
        (
            stats_result(3, 2, 9),
            En,
            Metric,
            &[
                "This week: 3 workouts, 45 sets, 5,200 kg lifted and 1,320 points.",
                "Bench Press (Barbell)",
            ],
        ),
        (stats_result(3, 2, 9), En, Imperial, &["11,464 lb lifted"]),
        (
            stats_result(3, 2, 9),
            He,
            Metric,
            &[
                "השבוע: 3 אימונים, 45 סטים, נפח של 5,200 ק״ג ו-1,320 נקודות.",
                "לחיצת חזה עם מוט",
            ],
        ),
        (
            one,
            He,
            Metric,
            &["אימון אחד, שני סטים, נפח של 5,200 ק״ג ונקודה אחת."],
        ),
        (
            stats_result(0, 0, 0),
            En,
            Metric,
            &["This week: no workouts logged yet. Log one"],
        ),
        (
            stats_result(0, 0, 0),
            He,
            Metric,
            &["השבוע: עוד אין אימונים ביומן. תעד/י אימון"],
        ),
    ];
    for (result, language, units, facts) in cases {
        check(&reply(&totals, result, *language, *units), *language, facts);
    }
}

#[test]
fn a_streak_question_gets_the_streak_and_the_level() {
    let streak = Intent::Stats {
        args: StatsArgs::default(),
        focus: StatsFocus::Streak,
    };
    let expert = StatsResult {
        level: Level::Expert,
        points_to_next_level: 0,
        ..stats_result(3, 2, 9)
    };
    let cases: &[(StatsResult, Language, &[&str])] = &[
        (
            stats_result(3, 2, 9),
            En,
            &[
                "Your current streak: 2 days (longest: 9 days).",
                "Level: Intermediate, 1,200 points to the next level.",
            ],
        ),
        (
            stats_result(3, 2, 9),
            He,
            &[
                "הרצף הנוכחי שלך: יומיים (הארוך ביותר: 9 ימים).",
                "רמה: בינוני/ת, עוד 1,200 נקודות לרמה הבאה.",
            ],
        ),
        (
            stats_result(3, 1, 1),
            He,
            &["יום אחד", "הארוך ביותר עד היום"],
        ),
        (
            stats_result(3, 0, 12),
            En,
            &[
                "a workout today starts a new one",
                "longest so far: 12 days",
            ],
        ),
        (stats_result(0, 0, 0), En, &["No streak yet"]),
        (expert, En, &["Level: Expert — the top one."]),
        (
            StatsResult {
                level: Level::Expert,
                points_to_next_level: 0,
                ..stats_result(3, 2, 9)
            },
            He,
            &["רמה: מומחה/ית — הרמה הגבוהה ביותר."],
        ),
    ];
    for (result, language, facts) in cases {
        check(&reply(&streak, result, *language, Metric), *language, facts);
    }
}

#[test]
fn a_result_that_cannot_be_read_gets_an_honest_answer() {
    let stats = Intent::Stats {
        args: StatsArgs::default(),
        focus: StatsFocus::Totals,
    };
    let records = Intent::Records(RecordsArgs::default());
    let add = Intent::PlanAdd(AddPlanArgs::default());
    let stats_json = serde_json::to_value(stats_result(3, 2, 9)).expect("serializes");
    let cases = [
        (
            &stats,
            json!({"error": {"code": "internal", "message": "boom"}}),
        ),
        (&stats, json!(null)),
        (&records, stats_json),
        (&Intent::Goals, json!({"goals": "none"})),
        (&Intent::PlanList, json!([])),
        (&add, json!({"outcome": "exploded"})),
    ];
    for (intent, result) in &cases {
        for (language, want) in [
            (En, "I couldn't read what came back"),
            (He, "לא הצלחתי לקרוא את מה שחזר"),
        ] {
            let reply = reply_with_result(intent, result, language, Metric, today());
            assert!(reply.contains(want), "{intent:?} {result}: {reply}");
        }
    }
}

#[test]
fn greetings_and_help_need_no_tool() {
    let cases = [
        (Intent::Greeting, En, "Hi! I'm Spotter"),
        (Intent::Greeting, He, "היי! אני ספוטר"),
        (Intent::Help, En, "Here's what I can do:"),
        (Intent::Help, He, "הנה מה שאני יודע לעשות:"),
    ];
    for (intent, language, want) in cases {
        let reply = reply_without_tool(&intent, language);
        check(&reply, language, &[want]);
        let with_result = reply_with_result(&intent, &json!({}), language, Metric, today());
        assert_eq!(with_result, reply, "{intent:?}");
    }
}

/// Not understood: said so in the user's language, with three offers that fit what this user
/// has (records on the exercise they do most, goals they have or could set).
#[test]
fn requests_not_understood_get_three_offers_from_the_users_data() {
    use crate::domain::chat::tools::ExerciseCount;
    let mut with_data = stats_result(3, 2, 5);
    with_data.most_trained = vec![ExerciseCount {
        exercise: bench(),
        workouts: 12,
        sets: 40,
    }];
    with_data.active_goals = 1;
    for (language, intro, name) in [
        (En, "I didn't catch that", "Bench Press (Barbell)"),
        (He, "לא הבנתי את זה", "לחיצת חזה עם מוט"),
    ] {
        let reply = reply_with_result(
            &Intent::Unknown,
            &json!(with_data),
            language,
            Metric,
            today(),
        );
        let offers: Vec<&str> = reply.lines().filter(|l| l.starts_with("- ")).collect();
        assert_eq!(offers.len(), 3, "{reply}");
        check(&reply, language, &[intro, name]);
    }
    // A newcomer is offered what gets them started.
    let mut newcomer = stats_result(0, 0, 0);
    newcomer.workouts = 0;
    newcomer.most_trained.clear();
    newcomer.favourite_exercise = None;
    let reply = reply_with_result(&Intent::Unknown, &json!(newcomer), En, Metric, today());
    assert!(reply.contains("squat 3x5 @ 100kg"), "{reply}");
    assert_eq!(
        reply.lines().filter(|l| l.starts_with("- ")).count(),
        3,
        "{reply}"
    );
}
