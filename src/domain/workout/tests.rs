use super::*;

fn workout(sets: Vec<SetInput>) -> WorkoutInput {
    WorkoutInput {
        exercises: vec![ExerciseInput {
            exercise: "bench press".into(),
            sets,
        }],
        ..Default::default()
    }
}

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap()
}

#[test]
fn pounds_are_converted_to_kilograms() {
    let w = validate_workout(
        &workout(vec![SetInput {
            reps: Some(5),
            weight: Some(225.0),
            unit: Some(WeightUnit::Lb),
            ..Default::default()
        }]),
        now(),
    )
    .unwrap();
    let kg = w.exercises[0].sets[0].weight_kg.unwrap();
    assert!((kg - 102.058_283_25).abs() < 1e-6);
    assert_eq!(w.started_at, now());
}

#[test]
fn every_bad_field_is_reported_with_its_path() {
    let input = workout(vec![
        SetInput {
            reps: Some(-1),
            weight_kg: Some(80.0),
            ..Default::default()
        },
        SetInput {
            reps: Some(5),
            weight_kg: Some(1200.0),
            ..Default::default()
        },
        SetInput {
            reps: Some(1001),
            rpe: Some(11.0),
            ..Default::default()
        },
        SetInput {
            weight: Some(100.0),
            ..Default::default()
        },
        SetInput::default(),
        SetInput {
            reps: Some(5),
            weight_kg: Some(-5.0),
            ..Default::default()
        },
    ]);
    let errors = validate_workout(&input, now()).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "exercises[0].sets[0].reps",
            "exercises[0].sets[1].weight_kg",
            "exercises[0].sets[2].reps",
            "exercises[0].sets[2].rpe",
            "exercises[0].sets[3].unit",
            "exercises[0].sets[4]",
            "exercises[0].sets[5].weight_kg",
        ]
    );
}

#[test]
fn workout_level_rules() {
    let empty = WorkoutInput::default();
    assert_eq!(
        validate_workout(&empty, now()).unwrap_err()[0].field,
        "exercises"
    );
    let mut future = workout(vec![SetInput {
        reps: Some(5),
        ..Default::default()
    }]);
    future.started_at = Some(now() + Duration::days(2));
    assert_eq!(
        validate_workout(&future, now()).unwrap_err()[0].code,
        "future"
    );
    let mut named = workout(vec![SetInput {
        duration_s: Some(60),
        ..Default::default()
    }]);
    named.name = Some("  Push day ".into());
    assert_eq!(
        validate_workout(&named, now()).unwrap().name.as_deref(),
        Some("Push day")
    );
}

fn patch(json: &str) -> WorkoutPatch {
    serde_json::from_str(json).unwrap()
}

#[test]
fn a_patch_tells_absent_from_null() {
    let absent = patch("{}");
    assert_eq!((&absent.name, &absent.notes), (&None, &None));
    let cleared = patch(r#"{"name": null, "notes": null}"#);
    assert_eq!((&cleared.name, &cleared.notes), (&Some(None), &Some(None)));
    let set = patch(r#"{"name": "Legs", "started_at": null, "exercises": null}"#);
    assert_eq!(set.name, Some(Some("Legs".into())));
    assert_eq!((set.started_at, set.exercises.is_none()), (None, true));
    // Serialized back (e.g. as a server function argument), absent stays absent.
    let round: WorkoutPatch =
        serde_json::from_str(&serde_json::to_string(&cleared).unwrap()).unwrap();
    assert_eq!((round.name, round.notes), (Some(None), Some(None)));
    assert_eq!(serde_json::to_string(&absent).unwrap(), "{}");
}

#[test]
fn a_patch_validates_only_what_it_gives() {
    let empty = validate_patch(&WorkoutPatch::default(), now()).unwrap();
    assert_eq!(
        empty,
        ValidPatch {
            name: None,
            notes: None,
            started_at: None,
            exercises: None
        }
    );
    let v = validate_patch(
        &patch(r#"{"name": "  ", "notes": " sore ", "exercises": [{"exercise": "squat", "sets": [{"reps": 5}]}]}"#),
        now(),
    )
    .unwrap();
    assert_eq!(
        v.name,
        Some(None),
        "a blank name clears it, as when logging"
    );
    assert_eq!(v.notes, Some(Some("sore".into())));
    assert_eq!(v.exercises.unwrap()[0].sets[0].reps, Some(5));
}

#[test]
fn a_patch_is_refused_with_the_logging_rules() {
    for (json, fields) in [
        (r#"{"exercises": []}"#, vec!["exercises"]),
        (
            r#"{"exercises": [{"exercise": "squat", "sets": [{"reps": 5, "weight_kg": 1001}, {"reps": -1}]}]}"#,
            vec![
                "exercises[0].sets[0].weight_kg",
                "exercises[0].sets[1].reps",
            ],
        ),
        (
            r#"{"exercises": [{"exercise": " ", "sets": []}]}"#,
            vec!["exercises[0].exercise", "exercises[0].sets"],
        ),
        (
            r#"{"started_at": "2026-11-25T10:00:00Z"}"#,
            vec!["started_at"],
        ),
        (
            &format!(r#"{{"name": "{}"}}"#, "x".repeat(MAX_NAME_CHARS + 1)),
            vec!["name"],
        ),
    ] {
        let errors = validate_patch(&patch(json), now()).unwrap_err();
        let got: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(got, fields, "{json}");
    }
}
