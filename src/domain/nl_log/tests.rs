//! Phrases in English and Hebrew, each with what it must log: the exercise as written, the
//! number of sets, and each set's reps, weight (in kg), distance (m), duration (s) and RPE.

use super::*;
use crate::domain::workout::WeightUnit::{self, Kg, Lb};

/// What one exercise of a phrase must become.
#[derive(Debug, PartialEq)]
struct Want {
    exercise: &'static str,
    sets: usize,
    reps: Option<i64>,
    weight: Option<(f64, WeightUnit)>,
    distance_m: Option<f64>,
    duration_s: Option<i64>,
}

const fn w(exercise: &'static str, sets: usize, reps: Option<i64>) -> Want {
    Want {
        exercise,
        sets,
        reps,
        weight: None,
        distance_m: None,
        duration_s: None,
    }
}

impl Want {
    const fn kg(mut self, kg: f64) -> Want {
        self.weight = Some((kg, Kg));
        self
    }
    const fn lb(mut self, lb: f64) -> Want {
        self.weight = Some((lb, Lb));
        self
    }
    const fn m(mut self, m: f64) -> Want {
        self.distance_m = Some(m);
        self
    }
    const fn s(mut self, s: i64) -> Want {
        self.duration_s = Some(s);
        self
    }
}

fn got(entry: &Entry) -> Want {
    let first = entry.sets.first();
    Want {
        exercise: Box::leak(entry.exercise.clone().into_boxed_str()),
        sets: entry.sets.len(),
        reps: first.and_then(|s| s.reps),
        weight: first.and_then(|s| s.weight.zip(s.unit)),
        distance_m: first
            .and_then(|s| s.distance_m)
            .map(|m| (m * 1000.0).round() / 1000.0),
        duration_s: first.and_then(|s| s.duration_s),
    }
}

const MILE: f64 = 1609.344;

#[rustfmt::skip]
fn phrases() -> Vec<(&'static str, Vec<Want>)> {
    vec![
        // English: sets x reps and weights
        ("squat 3x5 @ 100kg", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("squat 3x5 @100kg", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("squat 3 x 5 at 100 kg", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("Squat 5x5 100kg", vec![w("squat", 5, Some(5)).kg(100.0)]),
        ("bench 3x8 at 80 kg", vec![w("bench", 3, Some(8)).kg(80.0)]),
        ("bench press 3x8 80kg", vec![w("bench press", 3, Some(8)).kg(80.0)]),
        ("3x8 bench press at 80", vec![w("bench press", 3, Some(8)).kg(80.0)]),
        ("deadlift 1x5 @ 140 kg", vec![w("deadlift", 1, Some(5)).kg(140.0)]),
        ("deadlift 5 reps at 140", vec![w("deadlift", 1, Some(5)).kg(140.0)]),
        ("deadlift 140kg 5 reps", vec![w("deadlift", 1, Some(5)).kg(140.0)]),
        ("squat 100kg 5 reps 3 sets", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("squat 100 kg for 3 sets of 5", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("bench 225 lbs for 5 reps", vec![w("bench", 1, Some(5)).lb(225.0)]),
        ("bench 225 for 5", vec![w("bench", 1, Some(5)).kg(225.0)]),
        ("bench 225x5", vec![w("bench", 1, Some(5)).kg(225.0)]),
        ("bench 185 lbs 3x10", vec![w("bench", 3, Some(10)).lb(185.0)]),
        ("overhead press 4x6 @ 50kg", vec![w("overhead press", 4, Some(6)).kg(50.0)]),
        ("OHP 3×5 at 45 kg", vec![w("ohp", 3, Some(5)).kg(45.0)]),
        ("barbell row 3*10 60kg", vec![w("barbell row", 3, Some(10)).kg(60.0)]),
        ("leg press 4 sets of 12 at 150kg", vec![w("leg press", 4, Some(12)).kg(150.0)]),
        ("lat pulldown 3 sets x 12 @ 55", vec![w("lat pulldown", 3, Some(12)).kg(55.0)]),
        ("curls 3x12 with 12.5 kg", vec![w("curls", 3, Some(12)).kg(12.5)]),
        ("dumbbell curl 3x10 with 15kg", vec![w("dumbbell curl", 3, Some(10)).kg(15.0)]),
        ("incline bench 3x8 at 60,5 kg", vec![w("incline bench", 3, Some(8)).kg(60.5)]),
        ("hip thrust 3x10 @ 100 kilos", vec![w("hip thrust", 3, Some(10)).kg(100.0)]),
        ("squat 3x5 @ 220 pounds", vec![w("squat", 3, Some(5)).lb(220.0)]),
        ("front squat 5x3 @ 80kg rpe 8", vec![w("front squat", 5, Some(3)).kg(80.0)]),
        ("squat 3x5 at 100 @ rpe 7", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("I did squats 3x5 at 100kg", vec![w("squats", 3, Some(5)).kg(100.0)]),
        ("just did bench 5x5 @ 90kg", vec![w("bench", 5, Some(5)).kg(90.0)]),
        ("did 3 sets of 8 bench at 80kg", vec![w("bench", 3, Some(8)).kg(80.0)]),
        ("today: squat 3x5 100kg", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("romanian deadlift 3 x 8 @ 90 kg", vec![w("romanian deadlift", 3, Some(8)).kg(90.0)]),
        ("t-bar row 3x10 40kg", vec![w("t-bar row", 3, Some(10)).kg(40.0)]),
        ("squat 5 sets of 5 at 100kg", vec![w("squat", 5, Some(5)).kg(100.0)]),
        ("bench: 3x8 @ 80", vec![w("bench", 3, Some(8)).kg(80.0)]),
        // English: bodyweight
        ("3 sets of 12 pull-ups", vec![w("pull-ups", 3, Some(12))]),
        ("3 sets of 12 pullups", vec![w("pullups", 3, Some(12))]),
        ("50 push-ups", vec![w("push-ups", 1, Some(50))]),
        ("50 pushups", vec![w("pushups", 1, Some(50))]),
        ("20 burpees", vec![w("burpees", 1, Some(20))]),
        ("pull ups 4x8", vec![w("pull ups", 4, Some(8))]),
        ("dips 3x15", vec![w("dips", 3, Some(15))]),
        ("100 sit-ups", vec![w("sit-ups", 1, Some(100))]),
        ("did 30 squats", vec![w("squats", 1, Some(30))]),
        ("chin-ups: 5 sets of 5", vec![w("chin-ups", 5, Some(5))]),
        ("lunges 3 sets of 10 reps", vec![w("lunges", 3, Some(10))]),
        ("3 rounds of 15 kettlebell swings", vec![w("kettlebell swings", 3, Some(15))]),
        ("push ups 3 x 20", vec![w("push ups", 3, Some(20))]),
        ("10 reps of pull-ups", vec![w("pull-ups", 1, Some(10))]),
        // English: numbers in words
        ("three sets of ten push-ups", vec![w("push-ups", 3, Some(10))]),
        ("five by five squats at 100 kg", vec![w("squats", 5, Some(5)).kg(100.0)]),
        ("twenty push ups", vec![w("push ups", 1, Some(20))]),
        ("twenty-five sit-ups", vec![w("sit-ups", 1, Some(25))]),
        ("a dozen burpees", vec![w("burpees", 1, Some(12))]),
        ("four sets of eight bench at eighty kilos", vec![w("bench", 4, Some(8)).kg(80.0)]),
        ("ran five kilometers in twenty five minutes", vec![w("running", 1, None).m(5000.0).s(1500)]),
        ("two sets of fifteen dips", vec![w("dips", 2, Some(15))]),
        ("one hundred push-ups", vec![w("push-ups", 1, Some(100))]),
        ("ran two and a half miles", vec![w("running", 1, None).m(2.5 * MILE)]),
        // English: cardio
        ("ran 5k in 25 min", vec![w("running", 1, None).m(5000.0).s(1500)]),
        ("ran 5 km in 25 minutes", vec![w("running", 1, None).m(5000.0).s(1500)]),
        ("ran 5km in 25:00", vec![w("running", 1, None).m(5000.0).s(1500)]),
        ("ran 10k in 52:30", vec![w("running", 1, None).m(10000.0).s(3150)]),
        ("ran 3 miles in 30 minutes", vec![w("running", 1, None).m(3.0 * MILE).s(1800)]),
        ("ran a half marathon in 1:55:00", vec![w("running", 1, None).m(21097.5).s(6900)]),
        ("jogged 4 km", vec![w("running", 1, None).m(4000.0)]),
        ("ran for 30 minutes", vec![w("running", 1, None).s(1800)]),
        ("run 8k 45 min", vec![w("running", 1, None).m(8000.0).s(2700)]),
        ("cycled 20 km in 1 hour", vec![w("cycling", 1, None).m(20000.0).s(3600)]),
        ("biked 15 miles", vec![w("cycling", 1, None).m(15.0 * MILE)]),
        ("swam 1000m in 25 min", vec![w("swimming", 1, None).m(1000.0).s(1500)]),
        ("swam 1500 meters", vec![w("swimming", 1, None).m(1500.0)]),
        ("walked 6 km", vec![w("walking", 1, None).m(6000.0)]),
        ("rowed 2000m in 8:00", vec![w("rowing", 1, None).m(2000.0).s(480)]),
        ("plank 3 x 60 sec", vec![w("plank", 3, None).s(60)]),
        ("plank for 2 minutes", vec![w("plank", 1, None).s(120)]),
        ("treadmill 30 min", vec![w("treadmill", 1, None).s(1800)]),
        ("rowing machine 20 minutes 5000 m", vec![w("rowing machine", 1, None).m(5000.0).s(1200)]),
        ("cycling 1 hour 10 minutes", vec![w("cycling", 1, None).s(4200)]),
        ("elliptical 25 mins", vec![w("elliptical", 1, None).s(1500)]),
        ("jump rope 10 min", vec![w("jump rope", 1, None).s(600)]),
        ("ran 400m", vec![w("running", 1, None).m(400.0)]),
        ("ran 5.5 km", vec![w("running", 1, None).m(5500.0)]),
        // English: several exercises, days
        ("squat 3x5 100kg, bench 3x8 80kg", vec![w("squat", 3, Some(5)).kg(100.0), w("bench", 3, Some(8)).kg(80.0)]),
        ("squat 3x5 at 100 and bench 3x8 at 80", vec![w("squat", 3, Some(5)).kg(100.0), w("bench", 3, Some(8)).kg(80.0)]),
        ("3 sets of 10 squats and 20 push-ups", vec![w("squats", 3, Some(10)), w("push-ups", 1, Some(20))]),
        ("ran 5k then 50 push-ups", vec![w("running", 1, None).m(5000.0), w("push-ups", 1, Some(50))]),
        ("deadlift 3x5 140kg; pull-ups 3x8", vec![w("deadlift", 3, Some(5)).kg(140.0), w("pull-ups", 3, Some(8))]),
        ("bench 3x8 80kg\nrows 3x10 60kg\ncurls 3x12 12kg", vec![w("bench", 3, Some(8)).kg(80.0), w("rows", 3, Some(10)).kg(60.0), w("curls", 3, Some(12)).kg(12.0)]),
        ("squat 5x5 100 + bench 5x5 80", vec![w("squat", 5, Some(5)).kg(100.0), w("bench", 5, Some(5)).kg(80.0)]),
        ("yesterday I ran 5k", vec![w("running", 1, None).m(5000.0)]),
        ("yesterday: deadlift 3x5 @ 140", vec![w("deadlift", 3, Some(5)).kg(140.0)]),
        ("squat 3x5 100kg yesterday", vec![w("squat", 3, Some(5)).kg(100.0)]),
        ("3 days ago I did 50 push-ups", vec![w("push-ups", 1, Some(50))]),
        ("this morning I ran 10k in 55 minutes", vec![w("running", 1, None).m(10000.0).s(3300)]),
        ("did squats", vec![w("squats", 0, None)]),
        // Hebrew: sets, reps, weights
        ("עשיתי 3 סטים של 10 סקוואטים עם 80 קילו", vec![w("סקוואטים", 3, Some(10)).kg(80.0)]),
        ("סקוואט 3x5 100 קילו", vec![w("סקוואט", 3, Some(5)).kg(100.0)]),
        ("סקוואט 3 סטים של 5 חזרות עם 100 ק\"ג", vec![w("סקוואט", 3, Some(5)).kg(100.0)]),
        ("סקוואט 3 סטים של 5 חזרות עם 100 ק״ג", vec![w("סקוואט", 3, Some(5)).kg(100.0)]),
        ("לחיצת חזה 3x8 80 קג", vec![w("לחיצת חזה", 3, Some(8)).kg(80.0)]),
        ("לחיצת חזה 4 סטים של 8 עם 70 קילו", vec![w("לחיצת חזה", 4, Some(8)).kg(70.0)]),
        ("דדליפט 5 חזרות עם 140 קילו", vec![w("דדליפט", 1, Some(5)).kg(140.0)]),
        ("דדליפט 1x5 140", vec![w("דדליפט", 1, Some(5)).kg(140.0)]),
        ("עשיתי דדליפט 3 סטים של 5 ב-140 קילו", vec![w("דדליפט", 3, Some(5)).kg(140.0)]),
        ("חתירה עם מוט 3x10 60 קילו", vec![w("חתירה מוט", 3, Some(10)).kg(60.0)]),
        ("כפיפות מרפקים 3 סדרות של 12 עם 12 קילו", vec![w("כפיפות מרפקים", 3, Some(12)).kg(12.0)]),
        ("לחיצת כתפיים 4x6 40 קילוגרם", vec![w("לחיצת כתפיים", 4, Some(6)).kg(40.0)]),
        ("סקוואט 5x5 עם 100", vec![w("סקוואט", 5, Some(5)).kg(100.0)]),
        ("עשיתי סקוואט 3 סטים של 8 עם 220 פאונד", vec![w("סקוואט", 3, Some(8)).lb(220.0)]),
        ("לחיצת רגליים 4 סטים של 12 עם 150 קילו", vec![w("לחיצת רגליים", 4, Some(12)).kg(150.0)]),
        ("מתח 3 סטים של 8", vec![w("מתח", 3, Some(8))]),
        ("מקבילים 3x15", vec![w("מקבילים", 3, Some(15))]),
        // Hebrew: bodyweight
        ("50 שכיבות סמיכה", vec![w("שכיבות סמיכה", 1, Some(50))]),
        ("עשיתי 50 שכיבות סמיכה", vec![w("שכיבות סמיכה", 1, Some(50))]),
        ("3 סטים של 12 עליות מתח", vec![w("עליות מתח", 3, Some(12))]),
        ("20 בטן", vec![w("בטן", 1, Some(20))]),
        ("100 כפיפות בטן", vec![w("כפיפות בטן", 1, Some(100))]),
        ("עשיתי 30 סקוואטים", vec![w("סקוואטים", 1, Some(30))]),
        ("שכיבות סמיכה 4 סטים של 20", vec![w("שכיבות סמיכה", 4, Some(20))]),
        ("פלאנק 3 סטים של 60 שניות", vec![w("פלאנק", 3, None).s(60)]),
        ("פלאנק 2 דקות", vec![w("פלאנק", 1, None).s(120)]),
        ("20 ברפיז", vec![w("ברפיז", 1, Some(20))]),
        // Hebrew: numbers in words
        ("עשיתי שלושה סטים של עשר שכיבות סמיכה", vec![w("שכיבות סמיכה", 3, Some(10))]),
        ("חמישים שכיבות סמיכה", vec![w("שכיבות סמיכה", 1, Some(50))]),
        ("עשרים וחמש כפיפות בטן", vec![w("כפיפות בטן", 1, Some(25))]),
        ("רצתי חמישה קילומטר בעשרים וחמש דקות", vec![w("ריצה", 1, None).m(5000.0).s(1500)]),
        ("ארבעה סטים של שמונה סקוואט עם שמונים קילו", vec![w("סקוואט", 4, Some(8)).kg(80.0)]),
        ("חמש עשרה עליות מתח", vec![w("עליות מתח", 1, Some(15))]),
        ("שני סטים של חמש עשרה מקבילים", vec![w("מקבילים", 2, Some(15))]),
        ("רצתי עשרה קילומטר", vec![w("ריצה", 1, None).m(10000.0)]),
        ("רצתי חמישה וחצי קילומטר", vec![w("ריצה", 1, None).m(5500.0)]),
        ("מאה שכיבות סמיכה", vec![w("שכיבות סמיכה", 1, Some(100))]),
        // Hebrew: cardio
        ("רצתי 5 קילומטר ב-25 דקות", vec![w("ריצה", 1, None).m(5000.0).s(1500)]),
        ("רצתי 5 ק\"מ ב-25 דקות", vec![w("ריצה", 1, None).m(5000.0).s(1500)]),
        ("רצתי 5 קמ ב25 דקות", vec![w("ריצה", 1, None).m(5000.0).s(1500)]),
        ("רצתי 10 קילומטר ב-52:30", vec![w("ריצה", 1, None).m(10000.0).s(3150)]),
        ("רצתי 30 דקות", vec![w("ריצה", 1, None).s(1800)]),
        ("ריצה 8 קילומטר 45 דקות", vec![w("ריצה", 1, None).m(8000.0).s(2700)]),
        ("שחיתי 1000 מטר", vec![w("שחייה", 1, None).m(1000.0)]),
        ("שחיתי 1500 מטר ב-30 דקות", vec![w("שחייה", 1, None).m(1500.0).s(1800)]),
        ("הלכתי 6 קילומטר", vec![w("הליכה", 1, None).m(6000.0)]),
        ("אופניים 40 דקות", vec![w("אופניים", 1, None).s(2400)]),
        ("הליכון 30 דקות", vec![w("הליכון", 1, None).s(1800)]),
        ("חתרתי 2000 מטר ב-8:00", vec![w("rowing", 1, None).m(2000.0).s(480)]),
        ("רצתי 3 מייל", vec![w("ריצה", 1, None).m(3.0 * MILE)]),
        // Hebrew: several exercises, days
        ("סקוואט 3x5 100 קילו, לחיצת חזה 3x8 80 קילו", vec![w("סקוואט", 3, Some(5)).kg(100.0), w("לחיצת חזה", 3, Some(8)).kg(80.0)]),
        ("רצתי 5 קילומטר ועשיתי 50 שכיבות סמיכה", vec![w("ריצה", 1, None).m(5000.0), w("שכיבות סמיכה", 1, Some(50))]),
        ("סקוואט 3x5 100 וגם דדליפט 1x5 140", vec![w("סקוואט", 3, Some(5)).kg(100.0), w("דדליפט", 1, Some(5)).kg(140.0)]),
        ("50 שכיבות סמיכה ו-50 כפיפות בטן", vec![w("שכיבות סמיכה", 1, Some(50)), w("כפיפות בטן", 1, Some(50))]),
        ("אתמול רצתי 5 קילומטר", vec![w("ריצה", 1, None).m(5000.0)]),
        ("אתמול עשיתי סקוואט 3x5 עם 100 קילו", vec![w("סקוואט", 3, Some(5)).kg(100.0)]),
        ("שלשום רצתי 10 קילומטר", vec![w("ריצה", 1, None).m(10000.0)]),
        ("לפני 3 ימים עשיתי 50 שכיבות סמיכה", vec![w("שכיבות סמיכה", 1, Some(50))]),
        ("הבוקר רצתי 5 קילומטר", vec![w("ריצה", 1, None).m(5000.0)]),
        ("רצתי 5k ב-25 min", vec![w("ריצה", 1, None).m(5000.0).s(1500)]),
        ("bench press 3x8 80 קילו", vec![w("bench press", 3, Some(8)).kg(80.0)]),
        ("סְקוֹוָאט 3x5 100 קילו", vec![w("סקוואט", 3, Some(5)).kg(100.0)]),
    ]
}

#[test]
fn phrases_log_what_they_say() {
    let phrases = phrases();
    assert!(phrases.len() >= 150, "{} phrases", phrases.len());
    let mut failed = Vec::new();
    for (text, want) in &phrases {
        let parsed = parse(text, Kg);
        let got: Vec<Want> = parsed.entries.iter().map(got).collect();
        if &got != want {
            failed.push(format!("{text:?}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failed.is_empty(),
        "{} of {} phrases:\n{}",
        failed.len(),
        phrases.len(),
        failed.join("\n")
    );
}

#[test]
fn days_back_and_the_default_unit() {
    assert_eq!(parse("yesterday I ran 5k", Kg).days_ago, 1);
    assert_eq!(parse("אתמול רצתי", Kg).days_ago, 1);
    assert_eq!(parse("שלשום רצתי 10 קילומטר", Kg).days_ago, 2);
    assert_eq!(parse("3 days ago I did 50 push-ups", Kg).days_ago, 3);
    assert_eq!(parse("לפני 3 ימים עשיתי 50 שכיבות סמיכה", Kg).days_ago, 3);
    assert_eq!(parse("squat 3x5 100", Kg).days_ago, 0);
    let imperial = parse("squat 3x5 at 225", Lb);
    assert_eq!(imperial.entries[0].sets[0].unit, Some(Lb));
    let rpe = parse("front squat 5x3 @ 80kg rpe 8", Kg);
    assert_eq!(rpe.entries[0].sets[0].rpe, Some(8.0));
}

#[test]
fn words_without_an_exercise_log_nothing() {
    for text in ["", "hello", "5x5", "thanks!", "100 kg", "שלום"] {
        let parsed = parse(text, Kg);
        assert!(
            parsed.entries.iter().all(|e| e.sets.is_empty())
                || parsed.doubts.iter().any(|d| d.about == About::NoExercise),
            "{text:?}: {:?}",
            parsed.entries
        );
    }
}

/// Phrases a person could read two ways: each must ask, and about the right thing.
#[test]
fn unsure_phrases_ask_instead_of_guessing() {
    type Asks = fn(&About) -> bool;
    let cases: &[(&str, Asks)] = &[
        ("squat 3x5 @ 8", |a| matches!(a, About::RpeOrWeight { .. })),
        ("swam 40 lengths", |a| matches!(a, About::PoolLength { .. })),
        ("שחיתי 30 בריכות", |a| {
            matches!(a, About::PoolLength { .. })
        }),
        ("squat 3x5 at 80%", |a| matches!(a, About::Percent)),
        ("ran a race today, 48 minutes", |a| {
            matches!(a, About::RaceDistance)
        }),
        ("רצתי 10 קילומטר בשעה", |a| {
            matches!(a, About::Speed)
        }),
        ("rode 20 km per hour", |a| matches!(a, About::Speed)),
        ("5x5", |a| matches!(a, About::NoExercise)),
        ("ran 1:30", |a| matches!(a, About::Clock { .. })),
    ];
    let mut wrong = Vec::new();
    for (text, want) in cases {
        let parsed = parse(text, Kg);
        if !parsed.doubts.iter().any(|d| want(&d.about)) {
            wrong.push(format!(
                "{text:?}: {:?} {:?}",
                parsed.doubts, parsed.entries
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // A lone number is marked; the server asks unless the exercise is counted in reps.
    assert!(parse("bench 80", Kg).entries[0].bare_reps);
    assert!(!parse("bench 3x8 80", Kg).entries[0].bare_reps);
    // An hour that is a time, not a pace, is read.
    for text in [
        "רכיבת אופניים 35 קילומטר בשעה וחצי",
        "walked five kilometres in an hour",
        "רצתי 12 קילומטרים בשעה ועשר דקות",
    ] {
        let parsed = parse(text, Kg);
        assert!(parsed.doubts.is_empty(), "{text:?}: {:?}", parsed.doubts);
        assert!(parsed.entries[0].sets[0].duration_s.is_some(), "{text:?}");
    }
}
