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
pub(super) const OF: &[&str] = &["of", "with", "של", "x"];
/// Before a weight: "at 100", "with 80 kg", "עם 80 קילו".
pub(super) const AT: &[&str] = &["at", "with", "using", "עם", "על"];
/// Before reps: "225 for 5".
pub(super) const FOR: &[&str] = &["for"];
pub(super) const RPE: &[&str] = &["rpe"];

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
pub(super) const LB: &[&str] = &["lb", "lbs", "pound", "pounds", "פאונד", "ליברות"];

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
            "קמ",
        ],
    ),
    (1609.344, &["mi", "mile", "miles", "מייל", "מיילים"]),
    (
        1.0,
        &["m", "meter", "meters", "metre", "metres", "מטר", "מטרים"],
    ),
];

/// Time words with their seconds.
pub(super) const TIME: &[(f64, &[&str])] = &[
    (
        60.0,
        &[
            "min", "mins", "minute", "minutes", "דקה", "דקות", "דק'", "דק",
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
    (3600.0, &["h", "hr", "hrs", "hour", "hours", "שעה", "שעות"]),
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
    ("חתרתי", "חתירה"),
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
    "קל", "כבד", "כבדה", "בערך", "כל", "אחד", "אחת", "על", "ו", "ה", "ל", "בחדר", "כושר",
];
