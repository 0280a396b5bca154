//! The two real exports in `tests/fixtures/imports/`: exact counts, first sets, stable keys.

use super::*;

// Counts derived independently of this code, with Python's csv module over the file:
// rows = len(list(csv.DictReader(f))) (also `wc -l` minus the header: no field spans lines);
// workouts = distinct (Date, Workout Name); exercises = distinct Exercise Name;
// volume = sum(float(Weight) * float(Reps)). They match the description in
// tests/fixtures/imports/README.md.
#[test]
fn real_strong_export_parses_completely() {
    let parsed = clean(Format::Strong, &fixture("strong_breinsp_comma_kg_2021.csv"));
    let summary = parsed.summary();
    assert_eq!(
        (summary.workouts, summary.sets, summary.exercise_names.len()),
        (129, 2078, 72)
    );
    assert_eq!(
        (summary.from, summary.to),
        (day("2021-02-10"), day("2021-12-22"))
    );
    let volume: f64 = parsed
        .sets()
        .map(|s| s.weight_kg.unwrap_or(0.0) * f64::from(s.reps.unwrap_or(0)))
        .sum();
    assert!((volume - 800_773.0).abs() < 1e-6, "{volume}");
    assert_eq!(parsed.sets().filter(|s| s.notes.is_some()).count(), 21);
    assert_eq!(parsed.sets().filter(|s| s.duration_s.is_some()).count(), 6);
    assert!(
        parsed
            .sets()
            .all(|s| s.set_type == SetType::Normal && s.rpe.is_none() && s.distance_m.is_none())
    );

    let first = &parsed.workouts[0];
    assert_eq!(first.name.as_deref(), Some("Mittwoch"));
    assert_eq!(
        (first.started_at, first.duration_s),
        (at("2021-02-10 16:46:13"), Some(2 * 3600 + 18 * 60))
    );
    assert_eq!(first.ended_at, Some(at("2021-02-10 19:04:13")));
    assert_sets(
        &first.sets[..2],
        &[
            "Bench Press (Barbell) #0 normal 8 reps 75 kg",
            "Bench Press (Barbell) #1 normal 8 reps 75 kg",
        ],
    );
    // "Wide Pull Up" is written with weight 0.0: bodyweight, so no weight.
    assert_sets(
        &first.sets[10..12],
        &[
            "Wide Pull Up #0 normal 6 reps",
            "Wide Pull Up #1 normal 6 reps",
        ],
    );
}

// Derived the same way with Python's csv module: rows, distinct (start_time, title), distinct
// exercise_title, set_type counts, rows with an rpe and their sum, sum(weight_kg * reps).
#[test]
fn real_hevy_export_parses_completely() {
    let parsed = clean(Format::Hevy, &fixture("hevy_StvrvDimitris_kg_rpe_2026.csv"));
    let summary = parsed.summary();
    assert_eq!(
        (summary.workouts, summary.sets, summary.exercise_names.len()),
        (232, 4063, 97)
    );
    assert_eq!(
        (summary.from, summary.to),
        (day("2022-02-04"), day("2026-04-09"))
    );
    let count = |t: SetType| parsed.sets().filter(|s| s.set_type == t).count();
    assert_eq!(
        SetType::ALL.iter().map(|&t| count(t)).collect::<Vec<_>>(),
        [3691, 186, 112, 74]
    );
    let rpes: Vec<f32> = parsed.sets().filter_map(|s| s.rpe).collect();
    assert_eq!((rpes.len(), rpes.iter().sum::<f32>()), (1596, 13_083.5));
    let volume: f64 = parsed
        .sets()
        .map(|s| s.weight_kg.unwrap_or(0.0) * f64::from(s.reps.unwrap_or(0)))
        .sum();
    assert!((volume - 1_609_855.52).abs() < 1e-6, "{volume}");
    assert_eq!(parsed.sets().filter(|s| s.weight_kg.is_none()).count(), 88);

    let first = &parsed.workouts[0];
    assert_eq!(first.name.as_deref(), Some("Lower"));
    assert_eq!(
        (first.started_at, first.ended_at),
        (at("2026-04-09 17:18:00"), Some(at("2026-04-09 18:05:00")))
    );
    assert_eq!(
        (first.duration_s, first.notes.as_deref()),
        (Some(47 * 60), None)
    );
    assert_sets(
        &first.sets[..2],
        &[
            "Hack Squat (Machine) #0 normal 6 reps 80 kg rpe 6",
            "Hack Squat (Machine) #1 normal 6 reps 100 kg rpe 7",
        ],
    );
    assert_eq!(
        parsed.workouts.last().unwrap().name.as_deref(),
        Some("Στήθος 1.0")
    );
}

#[test]
fn source_refs_survive_re_export_and_change_with_edits() {
    let bytes = fixture("strong_breinsp_comma_kg_2021.csv");
    let refs = |bytes: &[u8]| -> Vec<String> {
        clean(Format::Strong, bytes)
            .workouts
            .into_iter()
            .map(|w| w.source_ref)
            .collect()
    };
    let full = refs(&bytes);
    assert_eq!(full, refs(&bytes), "same bytes, same keys");
    assert_eq!(
        full.iter().collect::<BTreeSet<_>>().len(),
        full.len(),
        "one key per workout"
    );
    assert!(
        full[0].starts_with("strong:2021-02-10T16:46:13:") && full[0].len() == 27 + 16,
        "{}",
        full[0]
    );

    // An earlier export (the first 1000 lines, re-saved with CRLF; its last workout is cut short)
    // shares the keys of every complete workout with the full file; the cut one differs.
    let text = std::str::from_utf8(&bytes).unwrap();
    let earlier: String = text
        .lines()
        .take(1000)
        .map(|line| format!("{line}\r\n"))
        .collect();
    let earlier = refs(earlier.as_bytes());
    let n = earlier.len();
    assert_eq!(earlier[..n - 1], full[..n - 1]);
    assert_ne!(earlier[n - 1], full[n - 1]);

    // Editing one weight changes that workout's key only.
    let edited = text.replacen(
        "Bench Press (Barbell)\",1,75.0,8",
        "Bench Press (Barbell)\",1,77.5,8",
        1,
    );
    let edited = refs(edited.as_bytes());
    assert_ne!(edited[0], full[0]);
    assert_eq!(edited[1..], full[1..]);
}
