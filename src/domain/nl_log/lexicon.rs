//! The words the plain-words log listens for, English and Hebrew side by side (compared
//! lower case, without Hebrew points; Hebrew ones also behind a glued ב/ל/ו/ה).

/// Sets: "3 sets", "3 סטים".
pub(super) const SETS: &[&str] = &[
    "set",
    "sets",
    "rounds",
    "round",
    "סט",
    "סטים",
    "סדרה",
    "סדרות",
    "סבבים",
    "סבב",
    "סטי",
];
/// Repetitions: "10 reps", "10 חזרות".
pub(super) const REPS: &[&str] = &[
    "rep",
    "reps",
    "repetitions",
    "repetition",
    "times",
    "חזרה",
    "חזרות",
    "פעמים",
];
/// Between sets and reps: "3 sets of 10".
pub(super) const OF: &[&str] = &["of", "with", "של", "x", "for"];
/// Before a weight: "at 100", "with 80 kg", "עם 80 קילו", "ב-100".
pub(super) const AT: &[&str] = &["at", "with", "using", "w", "w/", "עם", "על", "ב"];
/// Between two counts, like `x`: "5 by 5", "4 על 6".
pub(super) const BY: &[&str] = &["by", "על"];
/// Reps in reserve: "2 RIR", "RIR 1", "2 reps in reserve".
pub(super) const RIR: &[&str] = &["rir"];
/// Warm-up sets: "2 warm-up sets of 5", "סט חימום".
pub(super) const WARMUP: &[&str] = &[
    "warmup",
    "warm-up",
    "warmups",
    "warm-ups",
    "w/u",
    "wu",
    "חימום",
    "חימומים",
];
/// One set of one, two or three reps: "a 180 kg single", "3 doubles at 200".
pub(super) const SINGLES: &[(f64, &[&str])] = &[
    (1.0, &["single", "singles", "סינגל", "סינגלים"]),
    (2.0, &["double", "doubles", "דאבל", "דאבלים"]),
    (3.0, &["triple", "triples", "טריפל", "טריפלים"]),
];
/// After "single"/"double", a word that makes it part of an exercise's name ("single arm
/// row", "double unders").
pub(super) const NOT_REPS_AFTER: &[&str] = &[
    "arm",
    "arms",
    "leg",
    "legs",
    "under",
    "unders",
    "kettlebell",
    "kb",
    "db",
    "dumbbell",
    "dumbbells",
    "sided",
    "side",
    "hand",
    "handed",
    "crunch",
    "crunches",
];
/// Pool lengths and laps: "30 lengths of a 25 m pool".
pub(super) const LENGTHS: &[&str] = &[
    "length",
    "lengths",
    "lap",
    "laps",
    "בריכות",
    "בריכה",
    "אורכים",
    "אורך",
    "הקפות",
    "הקפה",
];
/// Words for a pool, after its length ("a 25 m pool").
pub(super) const POOL: &[&str] = &["pool", "בריכה", "בריכת"];
/// Races by name, with their metres.
pub(super) const RACES: &[(f64, &[&str])] = &[
    (42_195.0, &["marathon", "מרתון"]),
    (5000.0, &["parkrun", "פארקראן"]),
];
/// "half marathon", "חצי מרתון": a half of the race named next.
pub(super) const HALF: &[&str] = &["half", "חצי", "half-marathon"];
/// A quarter: "רבע שעה".
pub(super) const QUARTER: &[&str] = &["quarter", "רבע"];
/// Weights and distances said as "kilo" in Hebrew are kilometres after a cardio verb ("רצתי 5
/// קילו").
pub(super) const KILO: &[&str] = &["קילו", "kilo", "kilos"];
/// Before reps: "225 for 5".
pub(super) const FOR: &[&str] = &["for"];
pub(super) const RPE: &[&str] = &["rpe"];
/// "in reserve" after reps: "2 reps in reserve".
pub(super) const RESERVE: &[&str] = &["reserve", "רזרבה"];

pub(super) const KG: &[&str] = &[
    "kg",
    "kgs",
    "kilo",
    "kilos",
    "kilogram",
    "kilograms",
    "קילו",
    "ק\"ג",
    "קג",
    "קילוגרם",
];
pub(super) const LB: &[&str] = &["lb", "lbs", "pound", "pounds", "פאונד", "ליברות", "#"];

/// Distance words with their metres.
pub(super) const DISTANCE: &[(f64, &[&str])] = &[
    (
        1000.0,
        &[
            "km",
            "k",
            "kms",
            "kilometer",
            "kilometers",
            "kilometre",
            "kilometres",
            "קילומטר",
            "קילומטרים",
            "ק\"מ",
            "ק'מ",
            "קמ",
        ],
    ),
    (1609.344, &["mi", "mile", "miles", "מייל", "מיילים"]),
    (0.9144, &["yd", "yds", "yard", "yards"]),
    (
        1.0,
        &[
            "m",
            "meter",
            "meters",
            "metre",
            "metres",
            "מטר",
            "מטרים",
            "מ'",
        ],
    ),
];

/// Time words with their seconds.
pub(super) const TIME: &[(f64, &[&str])] = &[
    (
        60.0,
        &[
            "min", "mins", "minute", "minutes", "m\'", "דקה", "דקות", "דק'", "דק", "דקת",
        ],
    ),
    (
        1.0,
        &[
            "s",
            "sec",
            "secs",
            "second",
            "seconds",
            "שניות",
            "שנייה",
            "שניה",
        ],
    ),
    (
        3600.0,
        &["h", "hr", "hrs", "hour", "hours", "שעה", "שעות", "שעת"],
    ),
];

/// Verbs that name the exercise (the name goes to the catalog matcher).
pub(super) const VERBS: &[(&str, &str)] = &[
    ("ran", "running"),
    ("run", "running"),
    ("jogged", "running"),
    ("jog", "running"),
    ("רצתי", "ריצה"),
    ("רצה", "ריצה"),
    ("swam", "swimming"),
    ("swim", "swimming"),
    ("שחיתי", "שחייה"),
    ("walked", "walking"),
    ("הלכתי", "הליכה"),
    ("cycled", "cycling"),
    ("biked", "cycling"),
    ("rode", "cycling"),
    ("רכבתי", "רכיבה על אופניים"),
    ("rowed", "rowing"),
    ("חתרתי", "rowing"),
    ("hiked", "hiking"),
    ("hike", "hiking"),
    ("skipped", "jump rope"),
    ("deadlifted", "deadlift"),
    ("squatted", "squat"),
    ("benched", "bench press"),
    ("stretched", "stretching"),
];

/// "I did": glued to ו it starts a new exercise ("רצתי 5 קילומטר ועשיתי 50 שכיבות סמיכה").
pub(super) const DOING: &[&str] = &["עשיתי", "ביצעתי", "השלמתי", "סיימתי", "עשינו"];

/// Words that join two exercises in one message.
pub(super) const JOINERS: &[&str] = &[
    "and",
    "then",
    "plus",
    "also",
    "afterwards",
    "וגם",
    "ואז",
    "ואחר",
    "ו",
    "גם",
    "אח\"כ",
    "אחר",
    "afterward",
];

/// Joiners after which warm-ups are over: "2 warm-up sets, then 3x5".
pub(super) const THEN: &[&str] = &[
    "then",
    "afterwards",
    "afterward",
    "ואז",
    "ואחר",
    "אחר",
    "אח\"כ",
];

/// Words around the numbers that are not part of an exercise's name.
#[rustfmt::skip]
pub(super) const FILLER: &[&str] = &[
    "i", "i've", "ive", "did", "do", "done", "just", "today", "yesterday", "yday", "this",
    "morning", "evening", "afternoon", "tonight", "of", "at", "with", "for", "in", "the", "a",
    "an", "my", "some", "got", "completed", "finished", "logged", "log", "workout", "session",
    "on", "ago", "days", "day", "and", "then", "each", "per", "total", "easy", "hard", "heavy",
    "light", "about", "around", "like", "went", "go", "a", "x", "by", "me", "we", "had", "gym",
    "עשיתי", "עשינו", "היום", "אתמול", "שלשום", "הבוקר", "בבוקר", "בערב", "הערב", "של", "עם", "ב",
    "גם", "אז", "ביצעתי", "השלמתי", "סיימתי", "אימון", "לי", "את", "לפני", "ימים", "יום", "קלה",
    "קל", "כבד", "כבדה", "בערך", "כל", "אחד", "אחת", "על", "ו", "ה", "ל", "בחדר",
    "כך", "hit", "knocked", "out", "managed", "finally", "felt", "feeling", "strong", "only",
    "new", "pr", "pb", "prs", "ok", "so", "lol", "tbh", "ugh", "anyway", "quick", "pool", "race",
    "מרוץ", "תוך", "my", "first",
    "worked", "before", "after", "was", "were", "it", "that", "then", "also", "more", "on",
    "today's", "yesterday's", "forgot", "logging", "night", "last", "good", "great", "nice",
    "solid", "smashed", "crushed", "pulled", "did", "doing", "עוד", "שכחתי", "לרשום", "יאללה",
    "הרגשתי", "חזק", "שיא", "אישי", "סוף", "בבוקר", "בלילה", "אחרי", "לפני", "רק", "אז",
    "took", "taking", "בבריכה", "נשארו", "נשאר", "איזה", "כיף", "חדש", "וואו", "left", "tank",
];
