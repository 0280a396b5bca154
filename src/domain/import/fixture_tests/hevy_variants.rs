//! Hand-written Hevy files, unrecognisable headers, and format names.

use super::*;

#[test]
fn hevy_imperial_export_with_us_dates() {
    let parsed = clean(
        Format::Hevy,
        &fixture("hevy_unquoted_lbs_miles_us_dates.csv"),
    );
    let [lift, run] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(lift.name.as_deref(), Some("Push, Pull & Legs"));
    assert_eq!(
        (lift.started_at, lift.ended_at),
        (at("2026-06-11 13:01:00"), Some(at("2026-06-11 14:16:00")))
    );
    assert_eq!(lift.duration_s, Some(75 * 60));
    assert_sets(
        &lift.sets,
        &[
            "Bench Press (Barbell) #0 warmup 10 reps 43.091275 kg", // 95 lbs
            "Bench Press (Barbell) #1 normal 5 reps 102.058283 kg rpe 8.5",
            "Bench Press (Barbell) #2 failure 3 reps 102.058283 kg rpe 10",
            "Pull Up #0 normal 12 reps",
            "Lateral Raise (Dumbbell) #0 dropset 15 reps 9.071847 kg",
        ],
    );
    assert_eq!(lift.sets[4].notes.as_deref(), Some("Lean in, slow"));
    assert_eq!(
        (run.name.as_deref(), run.notes.as_deref()),
        (Some("Sam’s run ?"), Some("Ζεστό πρωινό"))
    );
    assert_eq!(
        (run.started_at, run.duration_s),
        (at("2026-06-12 07:30:00"), Some(35 * 60))
    );
    assert_sets(&run.sets, &["Running #0 normal 4988.9664 m 2100 s"]);
}

#[test]
fn hevy_quoted_export_with_km_supersets_and_a_repeated_exercise() {
    let parsed = clean(Format::Hevy, &fixture("hevy_quoted_kg_km_supersets.csv"));
    let [workout] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(workout.notes.as_deref(), Some("Deload week.\nKeep it easy"));
    assert_sets(
        &workout.sets,
        &[
            "Bench Press (Barbell) #0 normal 10 reps 60 kg rpe 7",
            "Seated Row (Cable) #0 normal 12 reps 55 kg rpe 7.5",
            "Bench Press (Barbell) #1 dropset 15 reps 40 kg", // Hevy restarts its set_index at 0 here
            "Rowing (Machine) #0 normal 2500 m 600 s",
        ],
    );
}

#[test]
fn hevy_bad_rows_are_all_reported_and_good_rows_still_parsed() {
    let parsed = parse(Format::Hevy, &fixture("hevy_three_bad_rows.csv"));
    assert_eq!(
        parsed.errors,
        [
            LineError::new(
                3,
                "set_type: \"superset\" is not a set type (a set number, W, F, D, normal, warmup, failure or dropset); rpe: 11 is outside 1–10"
            ),
            LineError::new(5, "exercise_title is empty"),
            LineError::new(
                6,
                "start_time: \"Someday\" is not a date and time like 2021-02-10 18:05:11 or 9 Apr 2026, 17:18"
            ),
        ]
    );
    assert_sets(
        &parsed.workouts[0].sets,
        &[
            "Squat (Barbell) #0 normal 5 reps 100 kg rpe 8",
            "Squat (Barbell) #1 normal 5 reps 100 kg rpe 9",
            "Leg Curl (Machine) #0 normal 12 reps 40 kg",
        ],
    );
}

#[test]
fn an_unrecognised_header_is_one_error_at_line_one_naming_the_columns() {
    for (format, file, expected) in [
        (
            Format::Hevy,
            "strong_comma_rest_timer.csv",
            "this is not a Hevy export: expected the columns title, start_time, exercise_title, set_type, weight_kg or weight_lbs, reps (and optionally end_time, description, exercise_notes, distance_km or distance_miles, duration_seconds, rpe), but title, start_time, exercise_title, set_type, weight_kg or weight_lbs are missing; it looks like a Strong export",
        ),
        (
            Format::Strong,
            "hevy_quoted_kg_km_supersets.csv",
            "this is not a Strong export: expected the columns Date, Workout Name, Exercise Name, Set Order, Weight, Reps (and optionally Duration, Weight Unit, Distance, Distance Unit, Seconds, RPE, Notes, Workout Notes), but Date, Workout Name, Exercise Name, Set Order, Weight are missing; it looks like a Hevy export",
        ),
    ] {
        let parsed = parse(format, &fixture(file));
        assert_eq!(
            (parsed.errors, parsed.workouts),
            (vec![LineError::new(1, expected)], vec![])
        );
    }
    let other = parse(Format::Strong, b"name,email\nAda,ada@example.com\n");
    assert_eq!(other.errors.len(), 1);
    assert!(
        other.errors[0]
            .message
            .contains("but Date, Workout Name, Exercise Name, Set Order, Weight, Reps are missing")
    );
    let unknown_unit = parse(
        Format::Strong,
        b"Date,Workout Name,Exercise Name,Set Order,Weight (stone),Reps\n",
    );
    assert_eq!(
        unknown_unit.errors,
        [LineError::new(
            1,
            "\"Weight (stone)\" has an unknown unit (expected kg or lbs)"
        )]
    );
    assert_eq!(
        parse(Format::Hevy, b"").errors,
        [LineError::new(1, "the file is empty")]
    );
}

#[test]
fn formats_parse_from_their_names() {
    assert_eq!("strong".parse::<Format>(), Ok(Format::Strong));
    assert_eq!("hevy".parse::<Format>(), Ok(Format::Hevy));
    assert!("fitbod".parse::<Format>().is_err());
}

#[test]
fn a_hevy_workout_of_three_days_or_ending_before_it_starts_keeps_its_sets() {
    let parsed = clean(Format::Hevy, &fixture("hevy_timer_left_running.csv"));
    let [upper, lower] = &parsed.workouts[..] else {
        panic!("{:?}", parsed.workouts)
    };
    assert_eq!(
        (upper.sets.len(), upper.ended_at, upper.duration_s),
        (2, None, None)
    );
    assert_eq!(
        (lower.sets.len(), lower.ended_at, lower.duration_s),
        (1, None, None)
    );
    let groups = grouped(&parsed.warnings);
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert_eq!(
        (groups[0].message.as_str(), groups[0].count),
        ("workout duration 63h 15m ignored", 2)
    );
    assert_eq!(groups[1].lines, [4]);
    assert!(
        groups[1].message.contains("is before start_time"),
        "{groups:?}"
    );
}

#[test]
fn auto_detection_tells_every_fixture_by_its_header() {
    let strong = [
        "strong_breinsp_comma_kg_2021.csv",
        "strong_bom_crlf.csv",
        "strong_comma_no_duration_cyrillic_cardio.csv",
        "strong_comma_rest_timer.csv",
        "strong_quoted_comma_lbs_miles.csv",
        "strong_quoted_semicolon_kg_meters.csv",
        "strong_semicolon_units_decimal_comma.csv",
        "strong_three_bad_rows.csv",
        "strong_timer_left_running.csv",
        "strong_quoted_semicolon_timer_sec.csv",
    ];
    let hevy = [
        "hevy_StvrvDimitris_kg_rpe_2026.csv",
        "hevy_quoted_kg_km_supersets.csv",
        "hevy_three_bad_rows.csv",
        "hevy_unquoted_lbs_miles_us_dates.csv",
        "hevy_timer_left_running.csv",
    ];
    for file in strong {
        assert_eq!(detect(&fixture(file)), Ok(Format::Strong), "{file}");
        assert_eq!(
            FormatChoice::Auto.resolve(&fixture(file)),
            Ok(Format::Strong)
        );
    }
    for file in hevy {
        assert_eq!(detect(&fixture(file)), Ok(Format::Hevy), "{file}");
    }
    // A named format is taken as given.
    assert_eq!(
        FormatChoice::Hevy.resolve(&fixture(strong[0])),
        Ok(Format::Hevy)
    );
    let unknown = detect(b"Day,Lift,Kilos\n2022-09-14,Squat,100\n").unwrap_err();
    assert_eq!(unknown.line, 1);
    assert_eq!(
        unknown.message,
        "this is not an export Spotter reads (Strong, Hevy, FitNotes, and Spotter's own JSON export); its header is: Day, Lift, Kilos"
    );
    assert_eq!(detect(b"").unwrap_err().message, "the file is empty");
    assert_eq!("auto".parse::<FormatChoice>(), Ok(FormatChoice::Auto));
    assert_eq!(FormatChoice::default(), FormatChoice::Auto);
}
