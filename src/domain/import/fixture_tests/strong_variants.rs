//! One hand-written file per Strong variant in `tests/fixtures/imports/`.

use super::*;

#[test]
fn strong_comma_export_without_duration_with_cardio() {
    let parsed = clean(
        Format::Strong,
        &fixture("strong_comma_no_duration_cyrillic_cardio.csv"),
    );
    let [a, b] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(
        (a.name.as_deref(), a.started_at),
        (Some("Тренировка А"), at("2019-03-04 19:02:45"))
    );
    assert_eq!((a.duration_s, a.ended_at), (None, None));
    assert_sets(
        &a.sets,
        &[
            "Squat (Barbell) #0 normal 8 reps 60 kg",
            "Squat (Barbell) #1 normal 6 reps 70 kg",
            "Pull Up #0 normal 10 reps",
            "Elliptical Machine #0 normal 2000 m 330 s",
        ],
    );
    assert_eq!(
        (b.name.as_deref(), b.notes.as_deref()),
        (Some("Тренировка Б"), Some("Хорошо"))
    );
    assert_sets(
        &b.sets,
        &["Bench Press (Barbell) #0 normal 10 reps 50 kg rpe 8"],
    );
    assert_eq!(b.sets[0].notes.as_deref(), Some("Медленно, с паузой"));
}

#[test]
fn strong_semicolon_export_with_per_row_units_and_decimal_commas() {
    let parsed = clean(
        Format::Strong,
        &fixture("strong_semicolon_units_decimal_comma.csv"),
    );
    let [morning, evening] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(morning.notes.as_deref(), Some("Erster Tag"));
    assert_sets(
        &morning.sets,
        &[
            "Bankdrücken (Langhantel) #0 normal 5 reps 82.5 kg rpe 8.5",
            "Bankdrücken (Langhantel) #1 normal 3 reps 83.914588 kg", // 185 lbs
            "Bankdrücken (Langhantel) #2 normal 5 reps 80 kg",        // empty unit: assumed kg
            "Plank #0 normal 60 s",
            "Yoga #0 normal 1800 s",
            "Running (Treadmill) #0 normal 4988.9664 m 1500 s", // 3,1 mi.
        ],
    );
    assert!((morning.sets[1].weight_kg.unwrap() - lb_to_kg(185.0)).abs() < 1e-9);
    assert_eq!(
        morning.sets[1].notes.as_deref(),
        Some("Notiz; mit Semikolon")
    );
    assert_sets(&evening.sets, &["Rowing (Machine) #0 normal 5000 m 1320 s"]);
}

#[test]
fn strong_newer_quoted_export_with_units_in_headers_and_set_markers() {
    let parsed = clean(
        Format::Strong,
        &fixture("strong_quoted_semicolon_kg_meters.csv"),
    );
    let [push, cardio] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(
        (push.duration_s, push.ended_at),
        (Some(3900), Some(at("2023-05-02 18:35:00")))
    );
    assert_sets(
        &push.sets,
        &[
            "Bench Press (Barbell) #0 warmup 10 reps 40 kg",
            "Bench Press (Barbell) #1 normal 8 reps 65.181224 kg rpe 8",
            "Bench Press (Barbell) #2 normal 6 reps 65.181224 kg rpe 9.5",
            "Bench Press (Barbell) #3 failure 4 reps 65.181224 kg rpe 10",
            "Triceps Pushdown (Cable) #0 warmup 12 reps 20 kg",
            "Triceps Pushdown (Cable) #1 normal 10 reps 30 kg",
            "Triceps Pushdown (Cable) #2 dropset 8 reps 20 kg",
            "Triceps Pushdown (Cable) #3 failure 6 reps 15 kg",
        ],
    );
    assert_eq!(push.sets[1].weight_kg, Some(65.181_223_569));
    assert_eq!(cardio.notes.as_deref(), Some("Easy pace"));
    assert_sets(&cardio.sets, &["Running #0 normal 5000 m 1500 s"]);
}

#[test]
fn strong_newer_export_in_pounds_and_miles() {
    let parsed = clean(
        Format::Strong,
        &fixture("strong_quoted_comma_lbs_miles.csv"),
    );
    assert_eq!(parsed.workouts.len(), 1);
    let sets = &parsed.workouts[0].sets;
    assert_sets(
        sets,
        &[
            "Squat (Barbell) #0 normal 5 reps 102.058283 kg",
            "Squat (Barbell) #1 normal 5 reps 102.058283 kg",
            "Squat (Barbell) #2 dropset 12 reps 61.23497 kg",
            "Running (Treadmill) #0 normal 4023.36 m 1200 s",
        ],
    );
    assert!(
        (sets[0].weight_kg.unwrap() - 102.058_283_25).abs() < 1e-6,
        "225 lb"
    );
    assert!(
        (sets[3].distance_m.unwrap() - 2.5 * M_PER_MILE).abs() < 1e-9,
        "2.5 mi"
    );
}

#[test]
fn strong_rest_timer_rows_are_not_sets() {
    let parsed = clean(Format::Strong, &fixture("strong_comma_rest_timer.csv"));
    let [upper, lower] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(
        (upper.duration_s, lower.duration_s),
        (Some(55 * 60), Some(65 * 60))
    );
    assert_sets(
        &upper.sets,
        &[
            "Bench Press (Barbell) #0 normal 5 reps 80 kg",
            "Bench Press (Barbell) #1 normal 5 reps 80 kg",
            "Bench Press (Barbell) #2 normal 4 reps 80 kg",
            "Row (Cable) #0 normal 10 reps 60 kg",
            "Row (Cable) #1 normal 10 reps 60 kg",
        ],
    );
    assert_sets(&lower.sets, &["Squat (Barbell) #0 normal 5 reps 100 kg"]);
}

#[test]
fn strong_bom_crlf_and_a_note_spanning_lines() {
    let bytes = fixture("strong_bom_crlf.csv");
    assert!(bytes.starts_with(b"\xEF\xBB\xBFDate,") && bytes.windows(2).any(|w| w == b"\r\n"));
    let parsed = clean(Format::Strong, &bytes);
    let workout = &parsed.workouts[0];
    assert_eq!(
        (workout.name.as_deref(), workout.duration_s),
        (Some("Montag"), Some(45 * 60))
    );
    assert_sets(
        &workout.sets,
        &[
            "Deadlift (Barbell) #0 normal 3 reps 140 kg",
            "Deadlift (Barbell) #1 normal 3 reps 140 kg rpe 9",
        ],
    );
    assert_eq!(
        workout.sets[0].notes.as_deref(),
        Some("Grip slipped, used straps\nnext time chalk")
    );
}

#[test]
fn strong_bad_rows_are_all_reported_and_good_rows_still_parsed() {
    let parsed = parse(Format::Strong, &fixture("strong_three_bad_rows.csv"));
    assert_eq!(
        parsed.errors,
        [
            LineError::new(
                4,
                "Date: \"2021-05-32 18:00:00\" is not a date and time like 2021-02-10 18:05:11 or 9 Apr 2026, 17:18"
            ),
            LineError::new(
                5,
                "Weight: 1200 is 1200.0 kg, more than 1000 kg; Reps: -2 is negative"
            ),
            LineError::new(7, "has 6 fields, expected 12 (one per header column)"),
        ]
    );
    let summary = parsed.summary();
    assert_eq!((summary.workouts, summary.sets), (2, 3));
    assert_sets(
        &parsed.workouts[0].sets,
        &[
            "Bench Press (Barbell) #0 normal 5 reps 80 kg",
            "Bench Press (Barbell) #1 normal 5 reps 80 kg",
        ],
    );
    assert_eq!(
        parsed.workouts[0].sets[0].notes.as_deref(),
        Some("Felt heavy,\nwill deload")
    );
}

#[test]
fn old_exports_without_units_follow_the_assumed_units() {
    let imperial = ParseOptions {
        assumed_units: Units::Imperial,
    };
    let parsed = parse_with(
        Format::Strong,
        &fixture("strong_comma_no_duration_cyrillic_cardio.csv"),
        imperial,
    );
    let sets: Vec<&ParsedSet> = parsed.sets().collect();
    assert!((sets[0].weight_kg.unwrap() - lb_to_kg(60.0)).abs() < 1e-9);
    assert!((sets[3].distance_m.unwrap() - 2.0 * M_PER_MILE).abs() < 1e-9);
    // Units written in the file win over the assumption.
    let parsed = parse_with(
        Format::Strong,
        &fixture("strong_quoted_semicolon_kg_meters.csv"),
        imperial,
    );
    assert_eq!(parsed.sets().next().unwrap().weight_kg, Some(40.0));
}

#[test]
fn summary_lists_each_exercise_once_in_alphabetical_order() {
    let parsed = clean(
        Format::Strong,
        &fixture("strong_semicolon_units_decimal_comma.csv"),
    );
    let names = [
        "Bankdrücken (Langhantel)",
        "Plank",
        "Rowing (Machine)",
        "Running (Treadmill)",
        "Yoga",
    ];
    let expected = ImportSummary {
        workouts: 2,
        sets: 7,
        from: day("2020-06-01"),
        to: day("2020-06-03"),
        exercise_names: names.map(String::from).to_vec(),
    };
    assert_eq!(parsed.summary(), expected);
}

#[test]
fn a_timer_left_running_is_a_warning_and_every_set_is_kept() {
    let parsed = parse(Format::Strong, &fixture("strong_timer_left_running.csv"));
    // The one impossible set is an error; the 105-hour duration is not.
    assert_eq!(parsed.errors.len(), 1, "{:?}", parsed.errors);
    assert_eq!(parsed.errors[0].line, 6);
    assert!(
        parsed.errors[0].message.contains("877777"),
        "{:?}",
        parsed.errors
    );
    let [push, pull] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(push.sets.len(), 3, "every set of the long workout is kept");
    assert_eq!((push.duration_s, push.ended_at), (None, None));
    assert_eq!(pull.duration_s, Some(62 * 60));
    assert_eq!(
        parsed.warnings,
        [2, 3, 4].map(|line| LineError::new(line, "workout duration 105h 45m ignored"))
    );
    assert_eq!(
        grouped(&parsed.warnings),
        [LineGroup {
            message: "workout duration 105h 45m ignored".into(),
            count: 3,
            lines: vec![2, 3, 4],
        }]
    );
    let quoted = clean(
        Format::Strong,
        &fixture("strong_quoted_semicolon_timer_sec.csv"),
    );
    assert_eq!(quoted.workouts[0].sets.len(), 2);
    assert_eq!(quoted.workouts[0].duration_s, None);
    assert_eq!(quoted.workouts[1].duration_s, Some(3600));
    assert_eq!(
        grouped(&quoted.warnings)[0],
        LineGroup {
            message: "workout duration 87188 ignored".into(),
            count: 2,
            lines: vec![2, 3],
        }
    );
}
