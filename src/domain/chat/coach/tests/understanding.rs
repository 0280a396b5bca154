//! Requests in English and Hebrew, each with the intent (and so the tool call) it must become.

use chrono::NaiveDate;
use serde_json::json;

use crate::domain::account::Language;
use crate::domain::chat::coach::phrases::{EN, HE};
use crate::domain::chat::coach::{
    CallContext, ChartRequest, Intent, Measure, StatsFocus, understand,
};
use crate::domain::chat::tools::{AddPlanArgs, CompletePlanArgs, RecordsArgs, StatsArgs, ToolName};
use crate::domain::due_date::parse_due;
use crate::domain::scoring::stats::Period;
use crate::domain::sql::Dialect;

fn stats(period: Period) -> Intent {
    Intent::Stats {
        args: StatsArgs { period },
        focus: StatsFocus::Totals,
    }
}

fn streak(period: Period) -> Intent {
    Intent::Stats {
        args: StatsArgs { period },
        focus: StatsFocus::Streak,
    }
}

fn focus(period: Period, focus: StatsFocus) -> Intent {
    Intent::Stats {
        args: StatsArgs { period },
        focus,
    }
}

fn e1rm(exercise: &str) -> Intent {
    Intent::E1rm(RecordsArgs {
        exercise: Some(exercise.to_owned()),
    })
}

fn records(exercise: Option<&str>) -> Intent {
    Intent::Records(RecordsArgs {
        exercise: exercise.map(str::to_owned),
    })
}

fn add(title: &str, due: Option<&str>) -> Intent {
    Intent::PlanAdd(AddPlanArgs {
        title: title.to_owned(),
        due: due.map(str::to_owned),
    })
}

fn complete(title: &str) -> Intent {
    Intent::PlanComplete(CompletePlanArgs {
        title: title.to_owned(),
    })
}

fn chart(measure: Measure, period: Period, weekly: bool) -> Intent {
    Intent::Chart(ChartRequest {
        measure,
        period,
        span: None,
        weekly,
    })
}

/// A catalog exercise as a chart's measure (names from the catalog file).
fn lift(slug: &str, en: &str, he: &str) -> Measure {
    Measure::Exercise {
        slug: slug.into(),
        en: en.into(),
        he: he.into(),
    }
}

fn squat() -> Measure {
    lift("back-squat", "Squat (Barbell)", "סקוואט עם מוט")
}

fn at() -> CallContext {
    CallContext {
        today: NaiveDate::from_ymd_opt(2026, 11, 30).expect("a date"),
        dialect: Dialect::Sqlite,
        language: Language::En,
        units: crate::domain::account::Units::Metric,
    }
}

fn log(text: &str) -> Intent {
    Intent::Log {
        text: text.to_owned(),
        learn: None,
    }
}

fn cases() -> Vec<(&'static str, Intent)> {
    use Intent::{Goals, Greeting, Help, PlanList, Unknown};
    use Period::{All, Month, Week, Year};
    vec![
        // English
        ("hi", Greeting),
        ("Hello coach!", Greeting),
        ("good morning", Greeting),
        ("hey, how are you?", Greeting),
        ("what can you do?", Help),
        ("HELP", Help),
        ("my stats", stats(All)),
        ("How many workouts did I do this week?", stats(Week)),
        ("stats for this month", stats(Month)),
        ("How am I doing this year?", stats(Year)),
        ("total volume of all time", stats(All)),
        ("what's my streak?", streak(All)),
        ("What level am I?", focus(All, StatsFocus::Level)),
        ("what's my bench PR", records(Some("bench"))),
        ("records for squat", records(Some("squat"))),
        ("my records", records(None)),
        ("Show me my personal bests this year", records(None)),
        ("What's my best deadlift?", records(Some("deadlift"))),
        ("bench press 1RM?", e1rm("bench press")),
        (
            "what's my PR on the bench press these days?",
            records(Some("bench press")),
        ),
        ("how much do I bench?", records(Some("bench"))),
        ("what did I do this week", stats(Week)),
        ("how are my goals going?", Goals),
        ("show my goals", Goals),
        ("what's on my plan?", PlanList),
        ("What's next?", PlanList),
        (
            "add to my plan: deload week next Monday",
            add("deload week", Some("next Monday")),
        ),
        (
            "remind me to buy new shoes tomorrow",
            add("buy new shoes", Some("tomorrow")),
        ),
        (
            "Please add leg day to my plan on Friday at 6pm",
            add("leg day", Some("on Friday at 6pm")),
        ),
        (
            "schedule a 5k run in 3 days",
            add("a 5k run", Some("in 3 days")),
        ),
        ("add to my plan: stretch", add("stretch", None)),
        (
            "schedule leg day on my plan for Friday",
            add("leg day", Some("Friday")),
        ),
        (
            "add to my plan: beat my bench PR by Dec 5",
            add("beat my bench PR", Some("by Dec 5")),
        ),
        (
            "Remind me on Monday to stretch",
            add("stretch", Some("on Monday")),
        ),
        ("mark 'squat heavy' as done", complete("squat heavy")),
        ("mark leg day done", complete("leg day")),
        ("I finished the deload week", complete("deload week")),
        ("leg day is done!", complete("leg day")),
        ("show my squat progress", chart(squat(), All, false)),
        (
            "How has my squat moved since March?",
            chart(squat(), All, false),
        ),
        (
            "graph my bench press this year",
            chart(
                lift("bench-press", "Bench Press (Barbell)", "לחיצת חזה עם מוט"),
                Year,
                false,
            ),
        ),
        (
            "chart my runs this month",
            chart(Measure::Distance, Month, false),
        ),
        (
            "weekly volume this year",
            chart(Measure::Volume, Year, true),
        ),
        (
            "plot my workouts per week",
            chart(Measure::Workouts, All, true),
        ),
        (
            "draw a chart of my training volume",
            chart(Measure::Volume, All, false),
        ),
        (
            "deadlift progress over the last month",
            chart(
                lift("deadlift", "Deadlift (Barbell)", "דדליפט"),
                Month,
                false,
            ),
        ),
        ("squat 3x5 @ 100kg", log("squat 3x5 @ 100kg")),
        ("I ran 5k in 25 min", log("I ran 5k in 25 min")),
        ("did 50 push-ups", log("did 50 push-ups")),
        (
            "bench 225 lbs for 5 reps, then 3 sets of 12 pull-ups",
            log("bench 225 lbs for 5 reps, then 3 sets of 12 pull-ups"),
        ),
        (
            "yesterday: deadlift 3x5 @ 140",
            log("yesterday: deadlift 3x5 @ 140"),
        ),
        ("hello 3", Unknown),
        ("hello number 25", Unknown),
        ("book me a massage", Unknown),
        ("hey, can you order pizza?", Unknown),
        ("", Unknown),
        ("?!", Unknown),
        // Hebrew
        ("שלום", Greeting),
        ("שָׁלוֹם!", Greeting),
        ("היי, מה נשמע?", Greeting),
        ("בוקר טוב מאמן", Greeting),
        ("מה אתה יודע לעשות?", Help),
        ("עזרה", Help),
        ("הסטטיסטיקות שלי", stats(All)),
        ("כמה אימונים עשיתי השבוע?", stats(Week)),
        ("סיכום החודש", stats(Month)),
        ("כמה נקודות צברתי השנה", focus(Year, StatsFocus::Points)),
        ("כמה התאמנתי מאז ומעולם?", stats(All)),
        ("מה הרצף שלי?", streak(All)),
        ("באיזו רמה אני?", focus(All, StatsFocus::Level)),
        ("השיא שלי בסקוואט", records(Some("סקוואט"))),
        ("מה השיא שלי בלחיצת חזה?", records(Some("לחיצת חזה"))),
        ("מָה הַשִּׂיא שֶׁלִּי בְּדֶּדְלִיפְט", records(Some("דֶּדְלִיפְט"))),
        ("שיא אישי בבנץ' פרס", records(Some("בנץ' פרס"))),
        ("מה השיא שלי ב-bench press", records(Some("bench press"))),
        ("השיאים שלי", records(None)),
        ("יש לי שיא חדש בדדליפט?", records(Some("דדליפט"))),
        ("כמה ימים ברצף התאמנתי?", streak(All)),
        ("אילו יעדים יש לי?", Goals),
        ("איך מתקדמים היעדים שלי?", Goals),
        ("מה בתוכנית שלי?", PlanList),
        (
            "תוסיף לתוכנית ריצה קלה מחר בשבע",
            add("ריצה קלה", Some("מחר בשבע")),
        ),
        (
            "תזכיר לי לקנות נעליים חדשות ביום שני הבא",
            add("לקנות נעליים חדשות", Some("ביום שני הבא")),
        ),
        (
            "הוסף לתוכנית: אימון רגליים בעוד יומיים",
            add("אימון רגליים", Some("בעוד יומיים")),
        ),
        (
            "תוסיף לי לתוכנית האימונים שלי אימון גב ביום חמישי בשמונה בערב",
            add("אימון גב", Some("ביום חמישי בשמונה בערב")),
        ),
        ("תקבע לי ריצה מחרתיים", add("ריצה", Some("מחרתיים"))),
        ("סיימתי את ריצה קלה", complete("ריצה קלה")),
        ("תסמן את „אימון גב” כבוצע", complete("אימון גב")),
        ("אימון רגליים בוצע", complete("אימון רגליים")),
        (
            "גרף של הריצות שלי בחודש האחרון",
            chart(Measure::Distance, Month, false),
        ),
        ("תראה לי גרף של הסקוואט", chart(squat(), All, false)),
        (
            "ההתקדמות שלי בדדליפט",
            chart(lift("deadlift", "Deadlift (Barbell)", "דדליפט"), All, false),
        ),
        ("נפח שבועי השנה", chart(Measure::Volume, Year, true)),
        ("גרף אימונים לפי שבוע", chart(Measure::Workouts, All, true)),
        (
            "תרשים של הנפח שלי החודש",
            chart(Measure::Volume, Month, false),
        ),
        ("רצתי 5 קילומטר ב-25 דקות", log("רצתי 5 קילומטר ב-25 דקות")),
        (
            "עשיתי 3 סטים של 10 סקוואטים עם 80 קילו",
            log("עשיתי 3 סטים של 10 סקוואטים עם 80 קילו"),
        ),
        ("50 שכיבות סמיכה", log("50 שכיבות סמיכה")),
        ("אתמול רצתי 10 קילומטר", log("אתמול רצתי 10 קילומטר")),
        ("תזמין לי פיצה", Unknown),
        ("הי מאמן", Greeting),
        ("מה השיא שלי בריצה?", records(Some("ריצה"))),
        ("כמה אני מרים בסקוואט?", records(Some("סקוואט"))),
        ("מה היה הנפח שלי השנה?", stats(Year)),
        ("סיכום שבועי", stats(Week)),
        ("מה מתוכנן לי?", PlanList),
        ("מה הלאה?", PlanList),
        ("תסמני את קניית נעליים כבוצע", complete("קניית נעליים")),
        ("ריצה קלה הושלמה", complete("ריצה קלה")),
    ]
}

#[test]
fn requests_become_intents() {
    let cases = cases();
    assert!(cases.len() >= 40, "{} cases", cases.len());
    let mut failed = Vec::new();
    for (text, want) in &cases {
        let got = understand(text);
        if got != *want {
            failed.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
}

#[test]
fn due_words_are_words_the_server_can_read() {
    let now = NaiveDate::from_ymd_opt(2026, 11, 23)
        .and_then(|d| d.and_hms_opt(9, 0, 0))
        .expect("a date");
    for (text, intent) in cases() {
        if let Intent::PlanAdd(AddPlanArgs { due: Some(due), .. }) = intent {
            assert!(parse_due(&due, now).is_ok(), "{due:?} from {text:?}");
        }
    }
}

#[test]
fn intents_call_their_tool_with_its_arguments() {
    let cases = [
        (Intent::Greeting, None),
        (Intent::Help, None),
        // Not understood: the stats tell which offers fit this user.
        (
            Intent::Unknown,
            Some((ToolName::GetStats, json!({"period": "all"}))),
        ),
        (
            stats(Period::Week),
            Some((ToolName::GetStats, json!({"period": "week"}))),
        ),
        (
            streak(Period::All),
            Some((ToolName::GetStats, json!({"period": "all"}))),
        ),
        (
            records(Some("bench")),
            Some((ToolName::GetRecords, json!({"exercise": "bench"}))),
        ),
        (
            records(None),
            Some((ToolName::GetRecords, json!({"exercise": null}))),
        ),
        (Intent::Goals, Some((ToolName::ListGoals, json!({})))),
        (Intent::PlanList, Some((ToolName::ListPlanItems, json!({})))),
        (
            add("leg day", Some("tomorrow at 7pm")),
            Some((
                ToolName::AddPlanItem,
                json!({"title": "leg day", "due": "tomorrow at 7pm"}),
            )),
        ),
        (
            complete("leg day"),
            Some((ToolName::CompletePlanItem, json!({"title": "leg day"}))),
        ),
    ];
    for (intent, want) in cases {
        assert_eq!(intent.tool_call(&at()), want, "{intent:?}");
    }
}

#[test]
fn the_examples_the_coach_gives_are_requests_it_understands() {
    for (p, (open, close)) in [(&EN, ("“", "”")), (&HE, ("„", "”"))] {
        let texts = [
            p.greeting,
            p.help,
            p.unknown,
            p.records_unknown,
            p.plan_none,
            p.plan_not_found,
        ];
        let mut examples = 0;
        for text in texts {
            for piece in text.split(open).skip(1) {
                let example = piece.split(close).next().unwrap_or_default();
                let intent = understand(example);
                assert!(
                    intent.tool_call(&at()).is_some(),
                    "{example:?} is offered as an example but reads as {intent:?}"
                );
                examples += 1;
            }
        }
        assert!(examples >= 10, "{examples} examples");
    }
}
