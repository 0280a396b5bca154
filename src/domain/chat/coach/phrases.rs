//! What the offline coach says, one table per language. `{key}` placeholders are filled with
//! [`fill`](crate::domain::i18n::fill); counted phrases are [`Plural`]s, so Hebrew gets its
//! forms for one and two ("פריט אחד", "שני פריטים"). Words the app already shows elsewhere
//! (day names, record and level names, "overdue") come from [`crate::domain::i18n`] instead.
//! The examples quoted in the greeting, help and unknown answers are requests the coach
//! understands; a test holds them to that.

use crate::domain::account::Language;
use crate::domain::i18n::Plural;

pub(super) struct Phrases {
    pub greeting: &'static str,
    pub help: &'static str,
    pub unknown: &'static str,
    pub unreadable: &'static str,
    /// `{fact}`: what the user asked to remember.
    pub remembered: &'static str,
    /// `{reason}`: why it was not stored.
    pub not_remembered: &'static str,
    /// Around a title or a name the user wrote.
    pub quotes: (&'static str, &'static str),

    pub period_week: &'static str,
    pub period_month: &'static str,
    pub period_year: &'static str,
    pub period_all: &'static str,
    pub stats_totals: &'static str,
    pub stats_volume: &'static str,
    pub stats_none: &'static str,
    pub stats_favourite: &'static str,
    pub streak_current: &'static str,
    pub streak_at_best: &'static str,
    pub streak_broken: &'static str,
    pub streak_never: &'static str,
    pub level: &'static str,
    pub level_top: &'static str,

    pub records_for: &'static str,
    pub records_all: &'static str,
    pub records_none_for: &'static str,
    pub records_none: &'static str,
    pub records_unknown: &'static str,
    pub more_exercises: Plural,

    pub goals_intro: &'static str,
    pub goals_none: &'static str,
    pub goal_progress: &'static str,
    pub goals_achieved: Plural,
    pub goals_keep_going: &'static str,
    pub goal_workouts: &'static str,
    pub goal_points: &'static str,
    pub goal_sets: &'static str,
    pub goal_streak: &'static str,
    pub goal_weight: &'static str,
    pub goal_duration: &'static str,
    pub goal_distance: &'static str,
    pub tf_daily: &'static str,
    pub tf_weekly: &'static str,
    pub tf_monthly: &'static str,
    pub tf_by_date: &'static str,

    pub plan_count: Plural,
    pub plan_more: Plural,
    pub plan_none: &'static str,
    pub at_time: &'static str,
    pub plan_added: &'static str,
    pub plan_added_undated: &'static str,
    pub plan_added_past: &'static str,
    pub plan_completed: &'static str,
    pub plan_not_found: &'static str,
    pub plan_refused: &'static str,

    /// `{title}`, `{points}`: the chart drawn above the answer.
    pub chart_made: &'static str,
    pub chart_truncated: &'static str,
    pub chart_empty: &'static str,
    /// `{reason}`: why no chart was drawn.
    pub chart_failed: &'static str,

    /// `{what}`: the exercises with their sets; `{points}`.
    pub logged: &'static str,
    pub logged_sets: Plural,
    /// `{exercise}`, `{record}` ("Heaviest weight: 100 kg").
    pub logged_record: &'static str,
    /// `{name}`: an achievement earned.
    pub logged_achievement: &'static str,
    /// `{query}`, `{suggestions}`: which exercise was meant.
    pub log_unknown: &'static str,
    pub log_unknown_none: &'static str,
    /// Between suggestions: " or ".
    pub or: &'static str,
    /// `{exercises}` named without an amount.
    pub log_how_many: &'static str,
    /// Something could not be read for sure; then what was understood and the questions.
    pub log_unsure: &'static str,
    pub log_nothing: &'static str,
    /// `{reason}`: out-of-range values.
    pub log_invalid: &'static str,
    /// `{said}`: the user's words, now known.
    pub learned: &'static str,
}

pub(super) fn phrases(language: Language) -> &'static Phrases {
    language.pick(&EN, &HE)
}

pub(super) static EN: Phrases = Phrases {
    greeting: "Hi! I'm Spotter, your coach. Ask me how your training is going, about your personal records, goals or plan — for example “what's my bench PR?” or “my stats this week”.",
    help: "Here's what I can do:\n- Totals for a period: “my stats this month”\n- Streak and level: “what's my streak?”\n- Personal records: “what's my bench PR?”\n- Log a workout in words: “squat 3x5 @ 100kg”, “ran 5k in 25 min”\n- Charts of your training: “show my squat progress”, “weekly volume this year”\n- Goals and how they're going: “how are my goals going?”\n- Your plan: “what's on my plan?”, “add to my plan: leg day tomorrow at 7pm”, “mark 'leg day' as done”",
    unknown: "I didn't catch that — without an AI model connected I understand a handful of requests. Try “my stats this week”, “what's my squat PR?” or “add to my plan: deload week next Monday”.",
    unreadable: "Sorry — I couldn't read what came back from your data, so I won't guess. Please try again in a moment.",
    remembered: "Noted — I'll keep {fact} in mind from now on. You can see and change what I know about you in Settings.",
    not_remembered: "I couldn't note that: {reason}",
    quotes: ("“", "”"),

    period_week: "This week",
    period_month: "This month",
    period_year: "This year",
    period_all: "All time",
    stats_totals: "{period}: {totals}.",
    stats_volume: "{volume} lifted",
    stats_none: "{period}: no workouts logged yet. Log one and I'll start counting!",
    stats_favourite: "Your favourite exercise: {name}.",
    streak_current: "Your current streak: {days} (longest: {longest}).",
    streak_at_best: "Your current streak of {days} is your longest yet — keep it going!",
    streak_broken: "No streak running right now — a workout today starts a new one. Your longest so far: {longest}.",
    streak_never: "No streak yet — log a workout today to start one.",
    level: "Level: {level}, {to_next}.",
    level_top: "Level: {level} — the top one. Impressive!",

    records_for: "Your records for {name}:",
    records_all: "Your personal records:",
    records_none_for: "No records for {name} yet — log a set and I'll keep track.",
    records_none: "No personal records yet. Log your first workout and they'll start showing up here.",
    records_unknown: "I don't know an exercise called {name}. Check the spelling, or ask “my records” to see them all.",
    more_exercises: Plural {
        one: "…and 1 more exercise.",
        two: "…and 2 more exercises.",
        many: "…and {n} more exercises.",
    },

    goals_intro: "Your goals:",
    goals_none: "You have no goals yet. Set one on the Goals page — 3 workouts a week is a good start — and I'll keep track of it for you.",
    goal_progress: "{current} of {target} ({percent}%)",
    goals_achieved: Plural {
        one: "1 of them is already achieved — nice!",
        two: "2 of them are already achieved — nice!",
        many: "{n} of them are already achieved — nice!",
    },
    goals_keep_going: "Keep going!",
    goal_workouts: "Workouts",
    goal_points: "Points",
    goal_sets: "Sets",
    goal_streak: "Streak in days",
    goal_weight: "Heaviest weight",
    goal_duration: "Training time",
    goal_distance: "Distance",
    tf_daily: "today",
    tf_weekly: "this week",
    tf_monthly: "this month",
    tf_by_date: "by the end date",

    plan_count: Plural {
        one: "You have 1 item on your plan:",
        two: "You have 2 items on your plan:",
        many: "You have {n} items on your plan:",
    },
    plan_more: Plural {
        one: "…and 1 more.",
        two: "…and 2 more.",
        many: "…and {n} more.",
    },
    plan_none: "Your plan is empty. Try “add to my plan: leg day tomorrow at 7pm”.",
    at_time: "{day} at {time}",
    plan_added: "Added {title} to your plan — {when}.",
    plan_added_undated: "Added {title} to your plan.",
    plan_added_past: "That's already in the past — change the date on the Plan page if you meant another day.",
    plan_completed: "Nice work! {title} is marked as done.",
    plan_not_found: "I couldn't find {title} among the items still on your plan. Ask “what's on my plan?” to see them.",
    plan_refused: "I couldn't change your plan: {reason}",
    chart_made: "Here's {title} — {points} points, drawn from your log above. Hover or tap a point for its value; “Show data” lists them all.",
    chart_truncated: "It shows the first 500; ask for a shorter period to see the rest.",
    chart_empty: "There's nothing to draw for that yet — log a few workouts and ask again.",
    chart_failed: "I couldn't draw that: {reason}",
    logged: "Logged: {what} — {points} points. Nice work!",
    logged_sets: Plural {
        one: "1 set",
        two: "2 sets",
        many: "{n} sets",
    },
    logged_record: "New personal record on {exercise}: {record}!",
    logged_achievement: "Achievement unlocked: {name}.",
    log_unknown: "I don't know {query} — did you mean {suggestions}? Say it again with that name and I'll log it.",
    log_unknown_none: "I don't know {query}. Say it again with the exercise's name (or add it as a custom exercise on the Log page).",
    or: " or ",
    log_how_many: "How many? Tell me the sets and reps (or the distance or time) of {exercises} and I'll log it.",
    log_unsure: "I'm not sure I read that right, so I haven't logged anything yet.",
    log_nothing: "I couldn't find anything to log in that. Try “squat 3x5 @ 100kg” or “ran 5k in 25 min”.",
    log_invalid: "I didn't log that: {reason}",
    learned: "Got it — I'll know what you mean by {said} from now on.",
};

pub(super) static HE: Phrases = Phrases {
    greeting: "היי! אני ספוטר, המאמן שלך. אפשר לשאול אותי איך הולכים האימונים, על השיאים, היעדים או התוכנית — למשל „מה השיא שלי בסקוואט?” או „הסטטיסטיקות שלי השבוע”.",
    help: "הנה מה שאני יודע לעשות:\n- סיכום לתקופה: „הסטטיסטיקות שלי החודש”\n- רצף ורמה: „מה הרצף שלי?”\n- שיאים אישיים: „מה השיא שלי בסקוואט?”\n- רישום אימון במילים: „רצתי 5 קילומטר ב-25 דקות”, „50 שכיבות סמיכה”\n- גרפים של האימונים: „גרף של הריצות שלי בחודש האחרון”, „נפח שבועי השנה”\n- יעדים וההתקדמות אליהם: „איך מתקדמים היעדים שלי?”\n- התוכנית שלך: „מה בתוכנית שלי?”, „תוסיף לתוכנית אימון רגליים מחר בשבע בערב”, „סיימתי את אימון רגליים”",
    unknown: "לא הבנתי את זה — בלי מודל בינה מלאכותית מחובר אני מבין רק כמה סוגים של בקשות. נסה/י „הסטטיסטיקות שלי השבוע”, „מה השיא שלי בסקוואט?” או „תוסיף לתוכנית שבוע קל ביום שני הבא”.",
    unreadable: "סליחה — לא הצלחתי לקרוא את מה שחזר מהנתונים שלך, אז אני לא אנחש. נסה/י שוב בעוד רגע.",
    remembered: "רשמתי — אזכור ש{fact} מעכשיו. אפשר לראות ולשנות את מה שאני יודע עליך בהגדרות.",
    not_remembered: "לא הצלחתי לרשום את זה: {reason}",
    quotes: ("„", "”"),

    period_week: "השבוע",
    period_month: "החודש",
    period_year: "השנה",
    period_all: "מאז ומעולם",
    stats_totals: "{period}: {totals}.",
    stats_volume: "נפח של {volume}",
    stats_none: "{period}: עוד אין אימונים ביומן. תעד/י אימון ואתחיל לספור!",
    stats_favourite: "התרגיל האהוב עליך: {name}.",
    streak_current: "הרצף הנוכחי שלך: {days} (הארוך ביותר: {longest}).",
    streak_at_best: "הרצף הנוכחי שלך, {days}, הוא הארוך ביותר עד היום — תמשיך/י כך!",
    streak_broken: "אין כרגע רצף פעיל — אימון היום יתחיל רצף חדש. הרצף הארוך ביותר שלך: {longest}.",
    streak_never: "עדיין אין רצף — תעד/י אימון היום כדי להתחיל אחד.",
    level: "רמה: {level}, {to_next}.",
    level_top: "רמה: {level} — הרמה הגבוהה ביותר. מרשים!",

    records_for: "השיאים שלך {in_name}:",
    records_all: "השיאים האישיים שלך:",
    records_none_for: "עדיין אין שיאים {in_name} — תעד/י סט ואעקוב אחריהם.",
    records_none: "עדיין אין שיאים אישיים. תעד/י את האימון הראשון שלך והם יתחילו להופיע כאן.",
    records_unknown: "לא מצאתי תרגיל בשם {name}. בדוק/י את האיות, או שאל/י „מה השיאים שלי” כדי לראות את כולם.",
    more_exercises: Plural {
        one: "…ועוד תרגיל אחד.",
        two: "…ועוד שני תרגילים.",
        many: "…ועוד {n} תרגילים.",
    },

    goals_intro: "היעדים שלך:",
    goals_none: "עדיין אין לך יעדים. הגדר/י יעד בדף היעדים — 3 אימונים בשבוע זו התחלה טובה — ואעקוב אחריו בשבילך.",
    goal_progress: "{current} מתוך {target} ({percent}%)",
    goals_achieved: Plural {
        one: "אחד מהם כבר הושג — כל הכבוד!",
        two: "שניים מהם כבר הושגו — כל הכבוד!",
        many: "{n} מהם כבר הושגו — כל הכבוד!",
    },
    goals_keep_going: "ממשיכים ככה!",
    goal_workouts: "אימונים",
    goal_points: "נקודות",
    goal_sets: "סטים",
    goal_streak: "רצף ימים",
    goal_weight: "משקל מרבי",
    goal_duration: "זמן אימון",
    goal_distance: "מרחק",
    tf_daily: "היום",
    tf_weekly: "השבוע",
    tf_monthly: "החודש",
    tf_by_date: "עד תאריך היעד",

    plan_count: Plural {
        one: "יש לך פריט אחד בתוכנית:",
        two: "יש לך שני פריטים בתוכנית:",
        many: "יש לך {n} פריטים בתוכנית:",
    },
    plan_more: Plural {
        one: "…ועוד אחד.",
        two: "…ועוד שניים.",
        many: "…ועוד {n}.",
    },
    plan_none: "התוכנית שלך ריקה. נסה/י „תוסיף לתוכנית אימון רגליים מחר בשבע בערב”.",
    at_time: "{day} בשעה {time}",
    plan_added: "הוספתי לתוכנית את {title} — {when}.",
    plan_added_undated: "הוספתי לתוכנית את {title}.",
    plan_added_past: "המועד הזה כבר עבר — אפשר לשנות אותו בדף התוכנית אם התכוונת ליום אחר.",
    plan_completed: "כל הכבוד! {title} סומן כבוצע.",
    plan_not_found: "לא מצאתי את {title} בין הפריטים שעוד פתוחים בתוכנית. שאל/י „מה בתוכנית שלי?” כדי לראות אותם.",
    plan_refused: "לא הצלחתי לעדכן את התוכנית: {reason}",
    chart_made: "הנה {title} — {points} נקודות מהיומן שלך, בגרף למעלה. רחף/י או הקש/י על נקודה לראות את הערך; „הצגת הנתונים” מציג את כולם.",
    chart_truncated: "מוצגות 500 הראשונות; בקש/י תקופה קצרה יותר כדי לראות את השאר.",
    chart_empty: "עוד אין מה לצייר לזה — תעד/י כמה אימונים ושאל/י שוב.",
    chart_failed: "לא הצלחתי לצייר את זה: {reason}",
    logged: "נרשם: {what} — {points} נקודות. כל הכבוד!",
    logged_sets: Plural {
        one: "סט אחד",
        two: "שני סטים",
        many: "{n} סטים",
    },
    logged_record: "שיא אישי חדש ב{exercise}: {record}!",
    logged_achievement: "הישג חדש: {name}.",
    log_unknown: "אני לא מכיר את {query} — התכוונת ל{suggestions}? כתוב/י שוב עם השם הזה ואני ארשום.",
    log_unknown_none: "אני לא מכיר את {query}. כתוב/י שוב עם שם התרגיל (או הוסף/י אותו כתרגיל משלך בעמוד היומן).",
    or: " או ",
    log_how_many: "כמה? ספר/י לי את הסטים והחזרות (או המרחק או הזמן) של {exercises} ואני ארשום.",
    log_unsure: "אני לא בטוח שהבנתי נכון, אז עוד לא רשמתי כלום.",
    log_nothing: "לא מצאתי מה לרשום בזה. נסה/י „סקוואט 3x5 עם 100 קילו” או „רצתי 5 קילומטר ב-25 דקות”.",
    log_invalid: "לא רשמתי את זה: {reason}",
    learned: "הבנתי — מעכשיו אדע למה את/ה מתכוון/ת ב{said}.",
};
