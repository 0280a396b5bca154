//! Matcher tests: Hebrew and English spellings people type, the confidence ladder, ambiguity,
//! nonsense, and custom exercises next to the catalog.

use super::*;
use crate::domain::catalog::catalog;

fn targets() -> &'static [MatchTarget] {
    catalog().match_targets()
}

fn best(query: &str) -> Option<String> {
    best_match(query, targets()).map(|c| c.slug)
}

#[test]
fn hebrew_spellings_resolve() {
    let cases = [
        ("סקוואט", "back-squat"),
        ("סְקוָואט", "back-squat"),
        ("הסקוואט", "back-squat"),
        ("סקווט", "back-squat"),
        ("כפיפות ברכיים", "back-squat"),
        ("כפיפת ברכיים", "lying-leg-curl"),
        ("לחיצת חזה", "bench-press"),
        ("ולחיצת חזה", "bench-press"),
        ("לחיצות חזה", "bench-press"),
        ("בנץ' פרס", "bench-press"),
        ("בנץ פרס", "bench-press"),
        ("בנץ׳ פרס", "bench-press"),
        ("שכיבות סמיכה", "push-up"),
        ("שכיבת סמיכה", "push-up"),
        ("ושכיבות סמיכה", "push-up"),
        ("מתח", "pull-up"),
        ("מתחים", "pull-up"),
        ("המתח", "pull-up"),
        ("מקבילים", "dip"),
        ("ריצה", "running"),
        ("בריצה", "running"),
        ("פלאנק", "plank"),
        ("הפלאנק", "plank"),
        ("דדליפט", "deadlift"),
        ("דד ליפט", "deadlift"),
        ("פולי עליון", "lat-pulldown"),
        ("פשיטת ברכיים", "leg-extension"),
        ("פשיטות ברכיים", "leg-extension"),
        ("מכרעים", "lunge"),
        ("שחייה", "swimming"),
        ("שחיה", "swimming"),
        ("כפיפות בטן", "crunch"),
        ("כפיפת בטן", "crunch"),
        ("לחיצת רגליים", "leg-press"),
        ("הרמות אגן", "glute-bridge"),
        ("פרפר", "pec-deck"),
        ("אופניים", "cycling"),
        ("יוגה", "yoga"),
        ("פילאטיס", "pilates"),
    ];
    let mut wrong = Vec::new();
    for (query, slug) in cases {
        if best(query).as_deref() != Some(slug) {
            wrong.push(format!(
                "{query} → want {slug}, got {:?}",
                match_exercise(query, targets(), 3)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn english_spellings_resolve() {
    let cases = [
        ("squat", "back-squat"),
        ("back squat", "back-squat"),
        ("Squats", "back-squat"),
        ("Barbell Squat", "back-squat"),
        ("squat barbell", "back-squat"),
        ("sqaut", "back-squat"),
        ("bench", "bench-press"),
        ("benchpress", "bench-press"),
        ("bench pres", "bench-press"),
        ("Bench Presses", "bench-press"),
        ("dead lift", "deadlift"),
        ("deadlifts", "deadlift"),
        ("deadlfit", "deadlift"),
        ("pullups", "pull-up"),
        ("pull-ups", "pull-up"),
        ("Pull Ups", "pull-up"),
        ("chin-ups", "chin-up"),
        ("OHP", "overhead-press"),
        ("ohp", "overhead-press"),
        ("RDL", "romanian-deadlift"),
        ("lat pull down", "lat-pulldown"),
        ("lat pulldowns", "lat-pulldown"),
        ("push ups", "push-up"),
        ("pushups", "push-up"),
        ("Lunges", "lunge"),
        ("bicep curls", "dumbbell-curl"),
        ("biceps curl", "dumbbell-curl"),
        ("leg extensions", "leg-extension"),
        ("calf raises", "standing-calf-raise"),
        ("dumbbell flies", "dumbbell-fly"),
        ("running", "running"),
        ("Run", "running"),
        ("jogging", "running"),
        ("rowing", "rowing-machine"),
        ("jump rope", "jump-rope"),
        ("stairmaster", "stair-climber"),
        ("plank", "plank"),
        ("planks", "plank"),
        ("Pilátes", "pilates"),
        ("farmers walk", "farmers-carry"),
        ("Farmer’s Walk", "farmers-carry"),
        ("clean & jerk", "clean-and-jerk"),
        ("romanian deadlfit (barbell)", "romanian-deadlift"),
    ];
    let mut wrong = Vec::new();
    for (query, slug) in cases {
        if best(query).as_deref() != Some(slug) {
            wrong.push(format!(
                "{query} → want {slug}, got {:?}",
                match_exercise(query, targets(), 3)
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn confidence_follows_the_ladder() {
    let top = |query: &str| match_exercise(query, targets(), 1)[0].confidence;
    assert_eq!(top("Squat (Barbell)"), 1.0);
    assert_eq!(top("squat"), 1.0);
    assert_eq!(top("Squats"), 0.95);
    assert_eq!(top("הסקוואט"), 0.95);
    assert_eq!(top("Barbell Squat Back"), 0.9);
    assert_eq!(top("bench pres"), 0.86);
    assert!(top("Single Arm Lat Pulldown") < 1.0);
    let partial = match_exercise("press", targets(), MAX_CANDIDATES);
    assert!(
        partial
            .iter()
            .all(|c| c.confidence <= 0.8 && c.confidence >= MIN_CONFIDENCE)
    );
    let found = match_exercise("הסקוואט", targets(), 1);
    assert_eq!(found[0].matched, "סקוואט", "matched is the name as written");
    assert_eq!(found[0].name_en, "Squat (Barbell)");
    assert_eq!(found[0].name_he, "סקוואט עם מוט");
}

#[test]
fn ambiguous_queries_list_several_candidates_and_accept_none() {
    for query in [
        "press",
        "curl",
        "row",
        "raise",
        "fly",
        "לחיצה",
        "כפיפת",
        "extension",
        // Lying or seated: the user's history decides, or they are asked.
        "leg curls",
        // Barbell, dumbbells, machine or Smith.
        "shoulder press",
        "לחיצת כתפיים",
    ] {
        let found = match_exercise(query, targets(), MAX_CANDIDATES);
        assert!(found.len() >= 2, "{query}: {found:?}");
        assert!(
            found.windows(2).all(|w| w[0].confidence >= w[1].confidence),
            "{query}: ranked"
        );
        assert_eq!(best_match(query, targets()), None, "{query}: {found:?}");
    }
}

#[test]
fn nonsense_and_empty_queries_match_nothing() {
    for query in [
        "",
        "   ",
        "xyzzy",
        "!!!",
        "qwertyuiop",
        "זזזזז",
        "Développé couché",
    ] {
        assert_eq!(
            match_exercise(query, targets(), MAX_CANDIDATES),
            [],
            "{query:?}"
        );
    }
    assert_eq!(match_exercise("squat", targets(), 0), []);
}

#[test]
fn custom_exercises_match_alongside_the_catalog() {
    let custom = [
        MatchTarget::new("custom:7", "Leg Press Keller", "", Vec::<String>::new()),
        MatchTarget::new("custom:9", "", "סקוואט על בוסו", ["bosu squat"]),
    ];
    let all = || targets().iter().chain(&custom);
    assert_eq!(
        best_match("Leg Press Keller", all()).map(|c| c.slug),
        Some("custom:7".into())
    );
    assert_eq!(
        best_match("leg press", all()).map(|c| c.slug),
        Some("leg-press".into())
    );
    let bosu = best_match("סקוואט על הבוסו", all()).expect("prefixed custom name");
    assert_eq!(
        (bosu.slug.as_str(), bosu.name_he.as_str()),
        ("custom:9", "סקוואט על בוסו")
    );
    assert_eq!(
        best_match("bosu squats", all()).map(|c| c.slug),
        Some("custom:9".into())
    );
}

#[test]
fn a_custom_exercise_with_a_catalog_name_makes_the_name_ambiguous() {
    let custom = [MatchTarget::new(
        "custom:1",
        "Squat",
        "",
        Vec::<String>::new(),
    )];
    let found = match_exercise("squat", targets().iter().chain(&custom), MAX_CANDIDATES);
    assert_eq!(found[0].confidence, found[1].confidence);
    assert_eq!(best_match("squat", targets().iter().chain(&custom)), None);
}

#[test]
fn the_bag_distance_never_exceeds_the_edit_distance() {
    use crate::domain::catalog::forms::Bag;
    for (a, b) in [
        ("squat", "sqaut"),
        ("benchpress", "bnechpres"),
        ("deadlift", "curl"),
        ("סקוואט", "סקואט"),
        ("", "abc"),
    ] {
        assert!(
            Bag::of(a).distance(&Bag::of(b)) <= strsim::osa_distance(a, b),
            "{a} {b}"
        );
    }
    assert_eq!(Bag::of("squat").distance(&Bag::of("sqaut")), 0);
    // "deadlift" has 7 characters "curl" lacks (a folded bucket may only lower it).
    assert!(Bag::of("deadlift").distance(&Bag::of("curl")) <= 7);
    assert!(Bag::of("deadlift").distance(&Bag::of("curl")) >= 4);
}

/// What `best_match` answered before its cheap first pass: the full ranking's top two.
fn ranked_decision(query: &str) -> Option<Candidate> {
    let mut top = match_exercise(query, targets(), 2).into_iter();
    let best = top.next()?;
    let clear = top
        .next()
        .is_none_or(|second| best.confidence - second.confidence >= AMBIGUITY_MARGIN);
    (best.confidence >= AUTO_ACCEPT && clear).then_some(best)
}

#[test]
fn the_cheap_first_pass_answers_as_the_full_ranking_does() {
    let mut queries: Vec<String> = Vec::new();
    for e in catalog().exercises() {
        let alias = e.aliases_en.first().into_iter().chain(e.aliases_he.first());
        for name in [&e.name_en, &e.name_he].into_iter().chain(alias) {
            queries.push(name.clone());
            queries.push(format!("ה{name}"));
            // One typo, and the words reversed.
            let mut chars: Vec<char> = name.chars().collect();
            if chars.len() > 3 {
                chars.swap(1, 2);
            }
            queries.push(chars.into_iter().collect());
            queries.push(name.split(' ').rev().collect::<Vec<_>>().join(" "));
        }
    }
    queries.extend(
        [
            "press",
            "curl",
            "row",
            "",
            "   ",
            "underwater basket weaving",
            "ab",
        ]
        .map(String::from),
    );
    assert!(queries.len() > 1500, "{}", queries.len());
    for q in &queries {
        assert_eq!(best_match(q, targets()), ranked_decision(q), "{q}");
    }
}
