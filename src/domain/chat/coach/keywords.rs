//! The words the coach listens for, English and Hebrew side by side, as written (they are
//! folded when compared, and Hebrew ones match behind glued prefixes: "שיא" is also "השיא").
//! Several words make a phrase, matched word by word.

use crate::domain::scoring::stats::Period;

/// Personal records: "what's my bench PR", "השיא שלי בסקוואט", "how much do I bench".
#[rustfmt::skip]
pub(super) const RECORDS: &[&str] = &[
    "pr", "prs", "pb", "pbs", "record", "records", "personal best", "personal bests", "1rm",
    "one rep max", "heaviest", "my best", "my max", "how much do i", "how much can i", "how heavy",
    "most weight", "max weight", "all-time best", "all time best", "best on", "best for",
    "המשקל המקסימלי", "מקסימלי", "שיא", "שיאים", "מקסימום", "הכי כבד", "כמה אני מרים", "כמה אני מרימה",
    "הכי הרבה הרמתי", "המשקל הכי כבד",
];

/// An estimated one-rep max: "e1rm ohp", "1RM משוער".
#[rustfmt::skip]
pub(super) const E1RM: &[&str] = &[
    "e1rm", "estimated", "estimate", "projected", "calculated", "calculate", "single rep",
    "theoretical", "1 rep max",
    "for 1 rep", "for one rep", "max for 1 rep", "1rm", "one rep max", "one-rep max", "משוער",
    "משוערת", "בהערכה", "תעריך", "תעריכי", "בחזרה אחת", "חזרה אחת", "החזרה המקסימלית",
];

/// When an exercise was last done.
#[rustfmt::skip]
pub(super) const LAST_TIME: &[&str] = &[
    "last time", "when did i last", "did i last", "when was the last", "when was my last",
    "לאחרונה", "הפעם האחרונה", "פעם אחרונה", "בפעם האחרונה",
];
/// Words of a "when did I last …" question around the exercise.
#[rustfmt::skip]
pub(super) const LAST_FILLER: &[&str] = &[
    "when", "whn", "whens", "when's", "did", "do", "i", "last", "go", "for", "train", "session", "workout", "was",
    "the", "a", "my", "time", "מתי", "עשיתי", "היה", "האימון", "האחרון", "שלי", "עם", "שעשיתי",
    "התאמנתי", "ב", "את",
];

/// The exercise done most: "which exercise do I do most?", "מה התרגיל שהכי עשיתי".
#[rustfmt::skip]
pub(super) const MOST: &[&str] = &[
    "most", "most often", "most trained", "most frequent", "the most", "הכי הרבה", "הכי נפוץ",
    "שהכי", "הכי",
];
#[rustfmt::skip]
pub(super) const EXERCISE_WORDS: &[&str] = &[
    "exercise", "exercises", "lift", "lifts", "movement", "תרגיל", "תרגילים",
];

/// This period against the one before.
#[rustfmt::skip]
pub(super) const COMPARE: &[&str] = &[
    "compare", "compared", "comparison", "vs", "versus", "last week", "previous week",
    "previous one", "week before", "לעומת", "השוואה", "תשווה", "תשווי", "מול", "שבוע שעבר",
    "הקודם", "מאשר",
];

/// The level.
#[rustfmt::skip]
pub(super) const LEVEL: &[&str] = &["level", "lvl", "rank", "רמה", "לבל", "דרגה"];

/// Points.
#[rustfmt::skip]
pub(super) const POINTS: &[&str] = &[
    "points", "point", "pts", "נקודות", "נקודת", "ניקוד", "פוינטס", "פוינטים", "נק",
];

/// Goals.
#[rustfmt::skip]
pub(super) const GOALS: &[&str] = &[
    "goal", "goals", "target", "targets", "objective", "objectives", "יעד", "יעדים", "מטרה",
    "מטרות",
];

/// The plan, asked about rather than changed.
#[rustfmt::skip]
pub(super) const PLAN: &[&str] = &[
    "plan", "plans", "planned", "schedule", "upcoming", "agenda", "to do", "todo", "reminders",
    "whats next", "what is next", "to-do list", "to do list", "todo list", "my list", "on my list",
    "tasks", "my tasks", "תוכנית", "תכנית", "תוכניות", "מתוכנן", "מתוכננים", "תזכורות",
    "רשימה שלי", "רשימת המשימות", "משימות",
    "לוז", "מה הלאה", "מה הבא",
];

/// Streaks and levels: answered from the stats tool, but about keeping at it.
#[rustfmt::skip]
pub(super) const STREAK: &[&str] = &[
    "streak", "streaks", "in a row", "consecutive", "רצף", "רצפים", "ברצף", "סטריק", "רצוף",
    "ברציפות",
];

/// Totals: "my stats", "how many workouts", "כמה התאמנתי".
#[rustfmt::skip]
pub(super) const STATS: &[&str] = &[
    "stats", "stat", "statistics", "numbers", "summary", "totals", "total", "overview", "progress",
    "volume", "points", "workouts", "sets", "how many", "how much", "how am i doing",
    "how did i do", "what did i do", "what have i done", "how have i been doing", "sessions",
    "workout count", "count",
    "how is my training", "favourite exercise", "favorite exercise", "סטטיסטיקה", "סטטיסטיקות",
    "נתונים", "סיכום", "התקדמות", "נפח", "נקודות", "אימונים", "סטים", "כמה", "התאמנתי", "מתקדם",
    "מתקדמת", "איך הלך", "מה עשיתי", "תרגיל אהוב",
];

/// Stats words that ask about anything ("how much is bitcoin?"): a stats question only with a
/// word of [`TRAINING`].
#[rustfmt::skip]
pub(super) const GENERIC_STATS: &[&str] = &["how many", "how much", "כמה", "total", "numbers"];
/// Words about training that make a generic question a stats one.
#[rustfmt::skip]
pub(super) const TRAINING: &[&str] = &[
    "workout", "workouts", "session", "sessions", "sets", "trained", "train", "training", "lifted",
    "work out", "worked out", "times did i",
    "volume", "points", "exercise", "exercises", "gym", "logged", "אימון", "אימונים", "התאמנתי",
    "מתאמן", "מתאמנת", "סטים", "נפח", "נקודות", "תרגילים", "הרמתי",
];

/// "What can you do?"
#[rustfmt::skip]
pub(super) const HELP: &[&str] = &[
    "help", "what can you do", "what can i ask", "what do you do", "what do you know",
    "how does this work", "how do i use", "commands", "who are you", "עזרה", "תעזור", "תעזרי",
    "יודע לעשות", "יודעת לעשות", "אפשר לעשות", "אפשר לשאול", "איך זה עובד", "מי אתה", "מי את",
];

/// Greetings, alone or with [`GREETING_COMPANY`].
#[rustfmt::skip]
pub(super) const GREETINGS: &[&str] = &[
    "hi", "hello", "hey", "hiya", "howdy", "yo", "good morning", "good afternoon", "good evening",
    "whats up", "שלום", "היי", "הי", "אהלן", "הלו", "בוקר טוב", "ערב טוב", "צהריים טובים",
    "מה נשמע", "מה המצב", "מה קורה",
];

/// Words that may keep a greeting company without making it a request.
#[rustfmt::skip]
pub(super) const GREETING_COMPANY: &[&str] = &[
    "coach", "there", "spotter", "how are you", "all", "מאמן", "ספוטר", "מה שלומך", "לך",
];

/// Period words, in the order they are looked for; the first found wins.
#[rustfmt::skip]
pub(super) const PERIODS: &[(Period, &[&str])] = &[
    (Period::Week, &["week", "weekly", "wk", "שבוע", "שבועי"]),
    (Period::Month, &["month", "monthly", "חודש", "חודשי"]),
    (Period::Year, &["year", "yearly", "annual", "שנה", "שנתי"]),
    (Period::All, &[
        "all time", "ever", "overall", "lifetime", "so far", "מאז ומעולם", "בסך הכל", "סה״כ",
        "מתמיד", "אי פעם",
    ]),
];

/// Words around an exercise in a records request that are not part of its name.
#[rustfmt::skip]
pub(super) const RECORD_FILLER: &[&str] = &[
    "what", "whats", "what's", "is", "are", "was", "my", "me", "show", "tell", "give", "list",
    "all", "the", "a", "for", "in", "on", "of", "at", "about", "with", "current", "personal",
    "best", "bests", "max", "please", "so", "far", "do", "i", "have", "can", "you", "see", "new",
    "any", "this", "time", "ever", "now", "right", "how", "much", "many", "one", "rep", "these",
    "days", "lately", "recently", "currently", "today", "heavy", "lift", "מה", "חדש", "חדשים",
    "אני", "מרים", "מרימה", "שלי", "אישי", "אישיים", "את", "של", "תראה", "תראי", "הראה", "לי", "כל",
    "הם", "הוא", "יש", "אפשר", "בבקשה", "הכי", "כבד", "עכשיו", "עד", "כה", "ב", "ל", "ה",
    "i've", "ive", "done", "gone", "lifted", "weight", "most", "could", "based", "sets", "pls",
    "estimate", "estimated", "calculate", "for", "single", "max", "my", "עשיתי", "שעשיתי", "המשקל",
    "הרמתי", "יכול", "יכולה", "להרים", "לפי", "האימונים", "תחשב", "תחשבי", "כמה", "הרבה", "משוער",
];

/// Asking for a picture: "chart", "graph", "גרף".
#[rustfmt::skip]
pub(super) const CHART: &[&str] = &[
    "chart", "charts", "graph", "graphs", "plot", "diagram", "visualize", "visualise", "draw",
    "גרף", "גרפים", "תרשים", "דיאגרמה", "תצייר", "תציירי",
];

/// Change over time: with an exercise, a chart of it ("show my squat progress").
#[rustfmt::skip]
pub(super) const PROGRESS: &[&str] = &[
    "progress", "progression", "trend", "over time", "improved", "improving", "moved",
    "התקדמות", "התקדמתי", "מגמה", "השתפרתי",
];

/// One point per week.
#[rustfmt::skip]
pub(super) const WEEKLY: &[&str] = &[
    "weekly", "per week", "each week", "by week", "a week", "every week", "שבועי", "שבועית",
    "לפי שבוע", "בכל שבוע", "לשבוע",
];

/// Running and distance.
#[rustfmt::skip]
pub(super) const DISTANCE: &[&str] = &[
    "run", "runs", "running", "ran", "jog", "jogging", "distance", "km", "kilometers",
    "kilometres", "miles", "ריצה", "ריצות", "רצתי", "ריצת", "מרחק", "קילומטר", "קילומטרים", "קמ",
];

/// Training volume (weight × reps).
#[rustfmt::skip]
pub(super) const VOLUME: &[&str] = &["volume", "tonnage", "נפח"];

/// Counting workouts.
#[rustfmt::skip]
pub(super) const WORKOUT_COUNT: &[&str] = &[
    "workouts", "sessions", "training days", "how often", "אימונים", "אימון",
];

/// Words of a chart request that are not an exercise's name.
#[rustfmt::skip]
pub(super) const CHART_FILLER: &[&str] = &[
    "last", "past", "recent", "since", "over", "the", "my", "me", "show", "a", "an", "of", "for",
    "in", "on", "this", "please", "can", "you", "i", "see", "how", "has", "have", "my", "with",
    "make", "give", "want", "to", "it", "been", "is", "was", "like", "what", "does", "look",
    "האחרון", "האחרונה", "האחרונים", "של", "שלי", "לי", "תראה", "תראי", "הראה", "תן", "תני",
    "אפשר", "בבקשה", "ב", "ה", "את", "על", "איך", "רוצה", "מאז", "עם",
];

/// Today's session: "what should I do today?", "מה לעשות היום?".
#[rustfmt::skip]
pub(super) const TODAY_SESSION: &[&str] = &[
    "what should i do today", "what should i train today", "what should i train",
    "what should i do at the gym", "what should i lift today", "what do i do today",
    "what to do today", "what to train today", "what's my workout", "whats my workout",
    "what is my workout", "today's workout", "todays workout", "workout for today",
    "workout today", "next workout", "my next workout", "next session", "my next session",
    "suggest a workout", "suggest a session", "suggest me a workout", "plan my session",
    "plan my workout", "plan today's session", "plan todays session", "give me a workout",
    "make me a workout", "what should i do in the gym",
    "מה לעשות היום", "מה לעשות באימון", "מה להתאמן היום", "מה אני עושה היום", "אימון להיום",
    "האימון של היום", "האימון הבא", "מה האימון הבא", "תציע אימון", "תציעי אימון",
    "תן לי אימון", "תני לי אימון", "תכנן לי אימון", "תכנני לי אימון", "מה כדאי לעשות היום",
    "מה כדאי לי לעשות היום", "מה לעשות בחדר כושר", "מה לעשות בחדר הכושר", "מה להרים היום",
];

/// One exercise's next session: "how much should I squat next time?", "כמה להרים בסקוואט
/// בפעם הבאה?".
#[rustfmt::skip]
pub(super) const NEXT_TIME: &[&str] = &[
    "next time", "next session of", "how much should i", "what weight should i",
    "what weight for", "how heavy should i", "should i go up", "should i add weight",
    "progress my", "בפעם הבאה", "באימון הבא", "כמה להרים", "כמה כדאי להרים", "כמה כדאי לי להרים",
    "איזה משקל", "להעלות משקל",
];
/// Words around the exercise of a "next time" question.
#[rustfmt::skip]
pub(super) const NEXT_FILLER: &[&str] = &[
    "should", "i", "do", "on", "for", "my", "the", "put", "use", "with", "go", "up", "add",
    "weight", "load", "bar", "in", "at", "what", "how", "much", "heavy", "lift", "next", "time",
    "session", "כדאי", "לי", "על", "ב", "את", "של", "בפעם", "הבאה", "באימון", "הבא", "כמה",
    "להרים", "משקל", "איזה", "להעלות", "אני", "צריך", "צריכה", "לשים",
];

/// The balance of muscle groups: "am I neglecting any muscles?", "האימונים שלי מאוזנים?".
#[rustfmt::skip]
pub(super) const BALANCE: &[&str] = &[
    "balance", "balanced", "imbalance", "imbalanced", "unbalanced", "neglect", "neglecting",
    "neglected", "undertrained", "under-trained", "undertraining", "muscle groups",
    "which muscles", "what muscles", "muscle balance", "sets per muscle",
    "איזון", "מאוזן", "מאוזנת", "מאוזנים", "לא מאוזן", "קבוצות שרירים", "קבוצות השרירים",
    "אילו שרירים", "איזה שרירים", "מזניח", "מזניחה", "מוזנחים", "סטים לשריר",
];
