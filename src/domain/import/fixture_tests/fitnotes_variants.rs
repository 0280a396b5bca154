//! FitNotes: the real export (counts checked with awk: 750 data lines, 141 distinct dates, all
//! lbs, 6 non-empty comments) and two hand-written variants.

use super::*;
use crate::domain::import::fitnotes::WORKOUT_TIME;

#[test]
fn real_fitnotes_export_parses_completely() {
    let parsed = clean(
        Format::FitNotes,
        &fixture("fitnotes_kaiserlift_lbs_2025.csv"),
    );
    assert_eq!(parsed.warnings, []);
    let summary = parsed.summary();
    assert_eq!((summary.workouts, summary.sets), (141, 750));
    assert_eq!(
        (summary.from, summary.to),
        (day("2022-09-14"), day("2025-05-15"))
    );
    let first = &parsed.workouts[0];
    assert_eq!(
        first.started_at,
        day("2022-09-14").unwrap().and_time(WORKOUT_TIME)
    );
    assert_eq!((first.name.as_deref(), first.duration_s), (None, None));
    assert_eq!(
        describe(&first.sets[0]),
        "Flat Barbell Bench Press #0 normal 10 reps 20.411657 kg"
    );
    assert_eq!(parsed.sets().filter(|s| s.notes.is_some()).count(), 6);
    assert_eq!(
        detect(&fixture("fitnotes_kaiserlift_lbs_2025.csv")),
        Ok(Format::FitNotes)
    );
}

#[test]
fn fitnotes_units_times_and_a_comma_in_a_name() {
    let parsed = parse(
        Format::FitNotes,
        &fixture("fitnotes_kgs_cardio_comma_name.csv"),
    );
    // The comma in line 8's comment cannot belong to the name: an error, with its line.
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.errors[0].line, 8);
    assert!(
        parsed.errors[0]
            .message
            .contains("has 11 fields, expected 10"),
        "{:?}",
        parsed.errors
    );
    let [monday, wednesday, friday] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_sets(
        &monday.sets,
        &[
            "Squat #0 normal 5 reps 100 kg",
            "Squat #1 normal 5 reps 100 kg",
            "Curl, EZ Bar #0 normal 10 reps 30 kg",
        ],
    );
    assert_eq!(monday.sets[1].notes.as_deref(), Some("felt good"));
    assert_sets(
        &wednesday.sets,
        &[
            "Running #0 normal 5000 m 1530 s",
            "Cycling #0 normal 4988.9664 m 600 s",
        ],
    );
    assert_sets(&friday.sets, &["Bench Press #0 normal 5 reps 80 kg"]);
    assert_eq!(friday.sets[0].notes.as_deref(), Some("slow, paused"));
    assert_eq!(
        grouped(&parsed.warnings),
        [LineGroup {
            message: "the exercise name \"Curl, EZ Bar\" held an unquoted comma; read as one name"
                .into(),
            count: 1,
            lines: vec![4],
        }]
    );

    let parsed = clean(Format::FitNotes, &fixture("fitnotes_no_comment_lbs.csv"));
    let [first, second] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_sets(
        &first.sets,
        &[
            "Deadlift #0 normal 5 reps 102.058283 kg",
            "Row, Barbell #0 normal 8 reps 61.23497 kg",
        ],
    );
    assert_sets(&second.sets, &["Plank #0 normal 90 s"]);
    assert_eq!(parsed.warnings.len(), 1);
    assert_eq!(
        detect(&fixture("fitnotes_no_comment_lbs.csv")),
        Ok(Format::FitNotes)
    );
}
