//! Answers from `get_records`: one exercise's records or everyone's, and nothing to show.

use crate::domain::account::Language::{self, En, He};
use crate::domain::account::Units::{self, Imperial, Metric};
use crate::domain::chat::coach::Intent;
use crate::domain::chat::coach::tests::{bench, check, day, reply};
use crate::domain::chat::tools::{Names, RecordFact, RecordsArgs, RecordsResult};
use crate::domain::scoring::records::RecordType;

fn record(exercise: Names, record_type: RecordType, value: f64, on: &str) -> RecordFact {
    RecordFact {
        exercise,
        record_type,
        value,
        on: day(on),
    }
}

#[test]
fn records_name_the_exercise_in_the_answers_language_with_values_in_the_users_units() {
    let asked = Intent::Records(RecordsArgs {
        exercise: Some("bench".into()),
    });
    let all = Intent::Records(RecordsArgs::default());
    let benched = RecordsResult {
        last_done: None,
        suggestions: Vec::new(),
        workouts: 0,
        exercise: Some(bench()),
        unknown_exercise: None,
        records: vec![
            record(bench(), RecordType::Reps, 12.0, "2026-11-23"),
            record(bench(), RecordType::Weight, 100.0, "2026-11-20"),
        ],
    };
    let many: Vec<RecordFact> = (1..=7)
        .map(|i| {
            let names = Names {
                en: format!("Lift {i}"),
                he: format!("תרגיל {i}"),
            };
            record(names, RecordType::Weight, 50.0 + f64::from(i), "2026-11-01")
        })
        .collect();
    let nothing = |exercise| RecordsResult {
        last_done: None,
        suggestions: Vec::new(),
        workouts: 0,
        exercise,
        unknown_exercise: None,
        records: vec![],
    };
    let cases: Vec<(&Intent, RecordsResult, Language, Units, Vec<&str>)> = vec![
        (
            &asked,
            benched.clone(),
            En,
            Metric,
            vec![
                "Your records for Bench Press (Barbell):\n- Heaviest weight: 100 kg (Fri 20 Nov)\n- Most reps: 12 (Today)",
            ],
        ),
        (&asked, benched.clone(), En, Imperial, vec!["220.5 lb"]),
        (
            &asked,
            benched.clone(),
            He,
            Metric,
            vec![
                "השיאים שלך בלחיצת חזה עם מוט:",
                "המשקל הכבד ביותר: 100 ק״ג (יום ו׳, 20 בנובמבר)",
                "הכי הרבה חזרות: 12 (היום)",
            ],
        ),
        (
            &asked,
            RecordsResult {
                last_done: None,
                suggestions: Vec::new(),
                workouts: 0,
                exercise: Some(Names {
                    en: "Bench Press (Barbell)".into(),
                    he: String::new(),
                }),
                ..benched.clone()
            },
            He,
            Metric,
            vec!["השיאים שלך ב-Bench Press (Barbell):"],
        ),
        (
            &asked,
            nothing(Some(bench())),
            En,
            Metric,
            vec!["No records for Bench Press (Barbell) yet — log a set"],
        ),
        (
            &asked,
            nothing(Some(bench())),
            He,
            Metric,
            vec!["עדיין אין שיאים בלחיצת חזה עם מוט"],
        ),
        (
            &all,
            nothing(None),
            En,
            Metric,
            vec!["No personal records yet. Log your first workout"],
        ),
        (
            &all,
            nothing(None),
            He,
            Metric,
            vec!["עדיין אין שיאים אישיים. תעד/י את האימון הראשון"],
        ),
        (
            &asked,
            RecordsResult {
                last_done: None,
                suggestions: Vec::new(),
                workouts: 0,
                exercise: None,
                unknown_exercise: Some("bench".into()),
                records: vec![],
            },
            He,
            Metric,
            vec!["לא מצאתי תרגיל בשם „bench”", "„מה השיאים שלי”"],
        ),
        (
            &all,
            RecordsResult {
                last_done: None,
                suggestions: Vec::new(),
                workouts: 0,
                exercise: None,
                unknown_exercise: None,
                records: many.clone(),
            },
            En,
            Metric,
            vec![
                "Your personal records:",
                "- Lift 1 — Heaviest weight: 51 kg",
                "…and 1 more exercise.",
            ],
        ),
        (
            &all,
            RecordsResult {
                last_done: None,
                suggestions: Vec::new(),
                workouts: 0,
                exercise: None,
                unknown_exercise: None,
                records: many,
            },
            He,
            Metric,
            vec!["- תרגיל 1 — המשקל הכבד ביותר: 51 ק״ג", "…ועוד תרגיל אחד."],
        ),
    ];
    for (intent, result, language, units, facts) in cases {
        check(&reply(intent, &result, language, units), language, &facts);
    }
}

/// A name several exercises fit is asked about, with the likeliest ones; an estimated 1RM and
/// the last time are told with the date in full.
#[test]
fn a_shared_name_is_asked_about_and_e1rm_and_last_time_carry_their_dates() {
    let curls = RecordsResult {
        exercise: None,
        unknown_exercise: Some("curls".into()),
        records: vec![],
        suggestions: vec![
            Names {
                en: "Bicep Curl (Dumbbell)".into(),
                he: "כפיפת מרפקים עם משקולות".into(),
            },
            Names {
                en: "Bicep Curl (Barbell)".into(),
                he: "כפיפת מרפקים עם מוט".into(),
            },
        ],
        last_done: None,
        workouts: 0,
    };
    let asked = Intent::Records(RecordsArgs {
        exercise: Some("curls".into()),
    });
    check(
        &reply(&asked, &curls, En, Metric),
        En,
        &[
            "“curls” fits more than one exercise — which one: Bicep Curl (Dumbbell) or Bicep Curl (Barbell)?",
        ],
    );
    let hebrew = RecordsResult {
        unknown_exercise: Some("כפיפות".into()),
        ..curls.clone()
    };
    check(
        &reply(&asked, &hebrew, He, Metric),
        He,
        &["כפיפת מרפקים עם משקולות או כפיפת מרפקים עם מוט"],
    );
    let benched = RecordsResult {
        exercise: Some(bench()),
        unknown_exercise: None,
        records: vec![record(bench(), RecordType::E1rm, 112.5, "2021-03-03")],
        suggestions: vec![],
        last_done: Some(day("2021-03-03")),
        workouts: 40,
    };
    let args = RecordsArgs {
        exercise: Some("bench".into()),
    };
    check(
        &reply(&Intent::E1rm(args.clone()), &benched, En, Metric),
        En,
        &[
            "Your estimated one-rep max on Bench Press (Barbell): 112.5 kg",
            "3 Mar 2021",
        ],
    );
    check(
        &reply(&Intent::E1rm(args.clone()), &benched, En, Imperial),
        En,
        &["248"],
    );
    check(
        &reply(&Intent::LastDone(args), &benched, He, Metric),
        He,
        &["לחיצת חזה עם מוט", "2021", "40 אימונים"],
    );
}
