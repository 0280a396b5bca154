//! The exercise names in the real Strong and Hevy exports (`tests/fixtures/imports/`):
//! every one resolves to the exercise it means, or, for names a user made up, is not accepted.

use super::*;
use crate::domain::catalog::catalog;

/// Every distinct exercise name in the two real exports in `tests/fixtures/imports/` (72 in the
/// Strong export, 97 in the Hevy one, 142 together) and the catalog slug it must resolve to.
const FIXTURE_NAMES: [(&str, &str); 138] = [
    // Made up by the exporting user, but a person reads it at once.
    ("Overhead Smith Seated", "smith-machine-shoulder-press"),
    ("Behind the Back Curl (Cable)", "cable-curl"),
    ("Bench Press (Barbell)", "bench-press"),
    (
        "Bench Press - Close Grip (Barbell)",
        "close-grip-bench-press",
    ),
    ("Bent Over One Arm Row (Dumbbell)", "dumbbell-row"),
    ("Bent Over Row (Barbell)", "bent-over-row"),
    ("Bent Over Row Machine (Panatta)", "machine-row"),
    ("Bicep Curl (Barbell)", "barbell-curl"),
    ("Bicep Curl (Cable)", "cable-curl"),
    ("Bicep Curl (Dumbbell)", "dumbbell-curl"),
    ("Bicep Curl (Machine)", "machine-bicep-curl"),
    ("Bulgarian Split Squat", "bulgarian-split-squat"),
    ("Butterfly (Pec Deck)", "pec-deck"),
    ("Cable Crossover", "cable-crossover"),
    ("Cable Fly Crossovers", "cable-crossover"),
    ("Cable Row Wide Grip", "seated-cable-row"),
    ("Calf Press on Seated Leg Press", "calf-press"),
    ("Chest Dip (Assisted)", "assisted-dip"),
    ("Chest Fly", "pec-deck"),
    ("Chest Fly (Band)", "cable-crossover"),
    ("Chest Fly (Machine)", "pec-deck"),
    ("Chest Press (Machine)", "chest-press-machine"),
    ("Concentration Curl", "concentration-curl"),
    ("Concentration Curl (Dumbbell)", "concentration-curl"),
    ("Cross Body Hammer Curl", "hammer-curl"),
    ("Crunch", "crunch"),
    ("Deadlift (Barbell)", "deadlift"),
    ("Deadlift (Trap bar)", "trap-bar-deadlift"),
    ("Decline Bench Press (Barbell)", "decline-bench-press"),
    ("Decline Chest Press", "decline-bench-press"),
    ("Decline Push Up", "decline-push-up"),
    ("Diamond Push Up", "diamond-push-up"),
    ("Dip Machine", "seated-dip-machine"),
    ("Dragonfly", "dragon-flag"),
    ("Dumbbell Row", "dumbbell-row"),
    ("EZ Bar Biceps Curl", "ez-bar-curl"),
    ("Face Pull", "face-pull"),
    ("Face Pull (Cable)", "face-pull"),
    ("Flat Leg Raise", "lying-leg-raise"),
    ("Front Pulldown", "lat-pulldown"),
    ("Front Raise (Dumbbell)", "front-raise"),
    ("Hack Squat (Machine)", "hack-squat"),
    ("Hammer Curl (Dumbbell)", "hammer-curl"),
    ("Hanging Knee Raise", "hanging-knee-raise"),
    ("Hanging Leg Raise", "hanging-leg-raise"),
    ("High Row", "high-row"),
    ("Hip Thrust (Barbell)", "hip-thrust"),
    ("Hyperextensions", "back-extension"),
    ("Incline Bench Press (Barbell)", "incline-bench-press"),
    ("Incline Bench Press (Dumbbell)", "incline-dumbbell-press"),
    (
        "Incline Bench Press (Smith Machine)",
        "smith-machine-incline-bench-press",
    ),
    ("Incline Chest Fly (Dumbbell)", "incline-dumbbell-fly"),
    (
        "Incline Chest Press (Machine)",
        "incline-chest-press-machine",
    ),
    ("Inverted Row (Bodyweight)", "inverted-row"),
    ("Iso-Lateral Chest Press (Machine)", "chest-press-machine"),
    ("Iso-Lateral Row (Machine)", "machine-row"),
    ("JM Press (Barbell)", "jm-press"),
    ("Landmine Row", "t-bar-row"),
    ("Lat Pulldown (Cable)", "lat-pulldown"),
    ("Lat Pulldown (Machine)", "lat-pulldown-machine"),
    (
        "Lat Pulldown - Close Grip (Cable)",
        "close-grip-lat-pulldown",
    ),
    ("Lateral Raise (Cable)", "cable-lateral-raise"),
    ("Lateral Raise (Dumbbell)", "lateral-raise"),
    ("Lateral Raise (Machine)", "machine-lateral-raise"),
    ("Leg Extension (Machine)", "leg-extension"),
    ("Leg Press", "leg-press"),
    ("Leg Press (Machine)", "leg-press"),
    ("Leg Raise Parallel Bars", "captains-chair-leg-raise"),
    ("Low Cable Fly Crossovers", "low-cable-fly"),
    ("Low Row", "machine-row"),
    ("Lower Back", "back-extension-machine"),
    ("Lunge (Dumbbell)", "dumbbell-lunge"),
    ("Lying Leg Curl (Machine)", "lying-leg-curl"),
    ("Lying Leg Raise", "lying-leg-raise"),
    ("One Straight Arm Pulldown", "straight-arm-pulldown"),
    ("Overhead Press (Barbell)", "overhead-press"),
    ("Overhead Press (Dumbbell)", "dumbbell-shoulder-press"),
    (
        "Overhead Triceps Extension (Cable)",
        "overhead-cable-triceps-extension",
    ),
    ("Pendlay Row (Barbell)", "pendlay-row"),
    ("Plank", "plank"),
    ("Preacher Curl (Barbell)", "preacher-curl"),
    ("Preacher Curl (Dumbbell)", "dumbbell-preacher-curl"),
    ("Pull Up", "pull-up"),
    ("Pull Up (Assisted)", "assisted-pull-up"),
    ("Pull Up (Band)", "band-assisted-pull-up"),
    ("Pull Up (Weighted)", "weighted-pull-up"),
    ("Push Up", "push-up"),
    ("Rear Delt Reverse Fly (Machine)", "reverse-pec-deck"),
    ("Reverse Curl (Dumbbell)", "reverse-curl"),
    ("Reverse Grip Concentration Curl", "concentration-curl"),
    (
        "Reverse Grip Lat Pulldown (Cable)",
        "reverse-grip-lat-pulldown",
    ),
    ("Romanian Deadlift (Barbell)", "romanian-deadlift"),
    ("Romanian Deadlift (Dumbbell)", "dumbbell-romanian-deadlift"),
    ("Rope Straight Arm Pulldown", "straight-arm-pulldown"),
    ("Russian Twist", "russian-twist"),
    ("SINGLE ARM PULLOVER", "dumbbell-pullover"),
    ("Seated Cable Row - Bar Grip", "seated-cable-row"),
    ("Seated Cable Row - V Grip (Cable)", "seated-cable-row"),
    ("Seated Calf Raise (Plate Loaded)", "seated-calf-raise"),
    ("Seated Dip", "seated-dip-machine"),
    ("Seated Incline Curl (Dumbbell)", "incline-dumbbell-curl"),
    ("Seated Lateral Raise (Dumbbell)", "lateral-raise"),
    ("Seated Leg Curl (Machine)", "seated-leg-curl"),
    ("Seated Leg Press (Machine)", "seated-leg-press"),
    (
        "Seated Overhead Press (Dumbbell)",
        "dumbbell-shoulder-press",
    ),
    ("Seated Row (Cable)", "seated-cable-row"),
    ("Seated Row (Machine)", "machine-row"),
    ("Seated Shoulder Press (Machine)", "machine-shoulder-press"),
    ("Shoulder Press (Dumbbell)", "dumbbell-shoulder-press"),
    ("Shoulder Press (Machine Plates)", "machine-shoulder-press"),
    ("Shoulder Press (Plate Loaded)", "machine-shoulder-press"),
    ("Shrug (Dumbbell)", "dumbbell-shrug"),
    ("Single Arm Cable Crossover", "cable-crossover"),
    ("Single Arm Cable Row", "seated-cable-row"),
    ("Single Arm Curl (Cable)", "cable-curl"),
    ("Single Arm Lat Pulldown", "lat-pulldown"),
    ("Single Arm Lateral Raise (Cable)", "cable-lateral-raise"),
    ("Single Arm Triceps Pushdown (Cable)", "triceps-pushdown"),
    ("Single Leg Extensions", "leg-extension"),
    ("Single Leg Press (Machine)", "leg-press"),
    (
        "Single Leg Standing Calf Raise (Machine)",
        "standing-calf-raise",
    ),
    ("Sit Up", "sit-up"),
    ("Skullcrusher (Barbell)", "skullcrusher"),
    ("Skullcrusher (Dumbbell)", "dumbbell-skullcrusher"),
    ("Squat (Barbell)", "back-squat"),
    ("Sternum Pull up (Gironda)", "pull-up"),
    ("Straight Arm Lat Pulldown (Cable)", "straight-arm-pulldown"),
    ("T Bar Row", "t-bar-row"),
    ("Triceps Dip", "dip"),
    (
        "Triceps Extension (Cable)",
        "overhead-cable-triceps-extension",
    ),
    ("Triceps Extension (Dumbbell)", "dumbbell-triceps-extension"),
    ("Triceps Pressdown", "triceps-pushdown"),
    ("Triceps Pushdown", "triceps-pushdown"),
    (
        "Triceps Pushdown (Cable - Straight Bar)",
        "triceps-pushdown",
    ),
    ("Triceps Rope Pushdown", "triceps-pushdown"),
    ("Upright Row (Cable)", "upright-row"),
    ("Wide Grip Lat Pulldown", "lat-pulldown"),
    ("Wide Pull Up", "pull-up"),
];

/// Names the exporting user made up for one machine in one gym, or after a muscle: none is
/// accepted, so the importer asks (or keeps a custom exercise) rather than merging their history
/// silently. Where the exercise is recognisable it is the first suggestion.
const USER_MADE_NAMES: [(&str, Option<&str>); 4] = [
    // The same export also has "Triceps Extension (Dumbbell)" and "(Cable)": this one is
    // neither, and which it is only the user knows.
    ("Triceps Extension", None),
    ("Leg Press Keller", Some("leg-press")),
    ("Leg Press Technogym (Gelb)", Some("leg-press")),
    ("Back Deltoids", None),
];

fn targets() -> &'static [MatchTarget] {
    catalog().match_targets()
}

fn best(query: &str) -> Option<String> {
    best_match(query, targets()).map(|c| c.slug)
}

#[test]
fn every_strong_and_hevy_name_is_auto_accepted_as_the_right_exercise() {
    let mut wrong = Vec::new();
    for (name, slug) in FIXTURE_NAMES {
        assert!(
            catalog().get(slug).is_some(),
            "{slug} is not in the catalog"
        );
        let found = match_exercise(name, targets(), MAX_CANDIDATES);
        if best(name).as_deref() != Some(slug) {
            wrong.push(format!("{name:?} → want {slug}, got {found:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn user_made_names_are_suggested_but_not_accepted() {
    for (name, slug) in USER_MADE_NAMES {
        let found = match_exercise(name, targets(), MAX_CANDIDATES);
        if let Some(slug) = slug {
            assert_eq!(
                found.first().map(|c| c.slug.as_str()),
                Some(slug),
                "{name}: {found:?}"
            );
        }
        assert_eq!(best(name), None, "{name}: {found:?}");
    }
}

#[test]
fn the_fixture_table_lists_every_name_in_the_exports() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/imports");
    let files = [
        ("strong_breinsp_comma_kg_2021.csv", "Exercise Name"),
        ("hevy_StvrvDimitris_kg_rpe_2026.csv", "exercise_title"),
    ];
    let known: Vec<&str> = FIXTURE_NAMES
        .iter()
        .map(|(name, _)| *name)
        .chain(USER_MADE_NAMES.iter().map(|(name, _)| *name))
        .collect();
    for (file, column) in files {
        let path = dir.join(file);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut rows = text.lines().map(csv_fields);
        let header = rows.next().unwrap_or_default();
        let at = header
            .iter()
            .position(|h| h == column)
            .expect("exercise column");
        for row in rows.filter(|r| r.len() > at) {
            assert!(
                known.contains(&row[at].as_str()),
                "{file}: {:?} is not in the table",
                row[at]
            );
        }
    }
}

/// Splits one CSV line; enough for these exports (quoted fields, no line breaks inside).
fn csv_fields(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().expect("one field").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(String::new()),
            c => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}
