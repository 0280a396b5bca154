//! Every string a user can see, in English and Hebrew.
//!
//! One struct, one constant per language: adding a field without translating it fails to
//! compile, so no page can show a missing translation. Placeholders such as `{name}` are
//! filled by [`fill`].

use crate::domain::account::Language;

pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub skip_to_content: &'static str,
    pub nav_label: &'static str,
    pub nav_chat: &'static str,
    pub nav_history: &'static str,
    pub nav_progress: &'static str,
    pub nav_log: &'static str,
    pub nav_goals: &'static str,
    pub nav_plan: &'static str,
    pub nav_settings: &'static str,
    pub nav_login: &'static str,
    pub nav_register: &'static str,
    pub nav_logout: &'static str,
    pub signed_in_as: &'static str,

    pub email: &'static str,
    pub password: &'static str,
    pub display_name: &'static str,
    pub login_title: &'static str,
    pub login_submit: &'static str,
    pub login_no_account: &'static str,
    pub login_create_account: &'static str,
    pub register_title: &'static str,
    pub register_intro: &'static str,
    pub register_submit: &'static str,
    pub register_have_account: &'static str,
    pub password_hint: &'static str,
    pub display_name_hint: &'static str,

    pub err_invalid_credentials: &'static str,
    pub err_rate_limited: &'static str,
    pub err_email_taken: &'static str,
    pub err_invalid_email: &'static str,
    pub err_password_short: &'static str,
    pub err_invalid_input: &'static str,
    pub err_generic: &'static str,
    pub err_forbidden: &'static str,

    pub welcome_title: &'static str,
    pub welcome_body: &'static str,

    pub coming_soon: &'static str,
    pub chat_soon: &'static str,
    pub conversation_soon: &'static str,
    pub history_soon: &'static str,
    pub progress_soon: &'static str,
    pub log_soon: &'static str,
    pub goals_soon: &'static str,
    pub plan_soon: &'static str,

    pub settings_title: &'static str,
    pub settings_profile: &'static str,
    pub settings_language: &'static str,
    pub settings_units: &'static str,
    pub units_metric: &'static str,
    pub units_imperial: &'static str,
    pub settings_timezone: &'static str,
    pub settings_timezone_hint: &'static str,
    pub settings_coach: &'static str,
    pub coach_style: &'static str,
    pub coach_balanced: &'static str,
    pub coach_encouraging: &'static str,
    pub coach_tough: &'static str,
    pub response_length: &'static str,
    pub length_short: &'static str,
    pub length_medium: &'static str,
    pub length_detailed: &'static str,
    pub notifications: &'static str,
    pub save: &'static str,
    pub saved: &'static str,
    pub err_invalid_timezone: &'static str,

    pub tokens_title: &'static str,
    pub tokens_intro: &'static str,
    pub token_name: &'static str,
    pub token_create: &'static str,
    pub token_created: &'static str,
    pub tokens_none: &'static str,
    pub token_revoke: &'static str,
    pub token_last_used: &'static str,
    pub token_never_used: &'static str,
    pub token_created_at: &'static str,

    pub data_title: &'static str,
    pub data_export: &'static str,
    pub data_export_hint: &'static str,
    pub delete_account: &'static str,
    pub delete_account_hint: &'static str,
    pub delete_confirm_label: &'static str,
    pub delete_confirm_mismatch: &'static str,
    pub account_deleted: &'static str,

    pub not_found_title: &'static str,
    pub not_found_body: &'static str,
    pub back_home: &'static str,
    pub language_name_en: &'static str,
    pub language_name_he: &'static str,
}

pub static EN: Strings = Strings {
    app_name: "Spotter",
    tagline: "Your self-hosted AI personal trainer",
    skip_to_content: "Skip to content",
    nav_label: "Main",
    nav_chat: "Chat",
    nav_history: "History",
    nav_progress: "Progress",
    nav_log: "Log",
    nav_goals: "Goals",
    nav_plan: "Plan",
    nav_settings: "Settings",
    nav_login: "Log in",
    nav_register: "Create account",
    nav_logout: "Log out",
    signed_in_as: "Signed in as {name}",

    email: "Email",
    password: "Password",
    display_name: "Display name",
    login_title: "Log in to Spotter",
    login_submit: "Log in",
    login_no_account: "New here?",
    login_create_account: "Create an account",
    register_title: "Create your account",
    register_intro: "Log workouts in plain words, ask about your progress, and see it charted.",
    register_submit: "Create account",
    register_have_account: "Already have an account?",
    password_hint: "At least 8 characters.",
    display_name_hint: "Optional. How the coach addresses you.",

    err_invalid_credentials: "Wrong email or password.",
    err_rate_limited: "Too many attempts. Wait a minute and try again.",
    err_email_taken: "An account with this email already exists.",
    err_invalid_email: "This is not a valid email address.",
    err_password_short: "The password must be at least 8 characters.",
    err_invalid_input: "Some fields are not valid. Check them and try again.",
    err_generic: "Something went wrong. Please try again.",
    err_forbidden: "This request was refused.",

    welcome_title: "Hi {name}, ready to train?",
    welcome_body: "Soon you will chat with your coach here: log sets in plain words and ask about your progress.",

    coming_soon: "Coming soon",
    chat_soon: "The coach chat is being built. Your account and settings already work.",
    conversation_soon: "Conversation pages arrive with the coach chat.",
    history_soon: "Your past conversations will be listed here, searchable.",
    progress_soon: "Your stats, records, streaks and charts will live here.",
    log_soon: "Logging workouts with a form and in plain words arrives next.",
    goals_soon: "Set goals and watch your progress towards them.",
    plan_soon: "Your training plan, with due dates in plain words.",

    settings_title: "Settings",
    settings_profile: "Profile",
    settings_language: "Language",
    settings_units: "Units",
    units_metric: "Metric (kg, km)",
    units_imperial: "Imperial (lb, mi)",
    settings_timezone: "Time zone",
    settings_timezone_hint: "IANA name, for example Asia/Jerusalem or America/New_York. Streaks and \"today\" use it.",
    settings_coach: "Coach",
    coach_style: "Coaching style",
    coach_balanced: "Balanced",
    coach_encouraging: "Encouraging",
    coach_tough: "Tough love",
    response_length: "Answer length",
    length_short: "Short",
    length_medium: "Medium",
    length_detailed: "Detailed",
    notifications: "Reminders and notifications",
    save: "Save",
    saved: "Settings saved.",
    err_invalid_timezone: "Unknown time zone. Use an IANA name such as Europe/London.",

    tokens_title: "API tokens",
    tokens_intro: "Tokens let scripts and apps use the REST API as you, sent as the header",
    token_name: "Token name",
    token_create: "Create token",
    token_created: "Copy this token now. It will not be shown again:",
    tokens_none: "No tokens yet.",
    token_revoke: "Revoke",
    token_last_used: "Last used",
    token_never_used: "Never used",
    token_created_at: "Created",

    data_title: "Your data",
    data_export: "Download all my data (JSON)",
    data_export_hint: "Everything Spotter stores about you, in one file.",
    delete_account: "Delete my account",
    delete_account_hint: "Deletes your account and everything in it, at once and for good. Type your email to confirm.",
    delete_confirm_label: "Your email",
    delete_confirm_mismatch: "The email does not match your account. Nothing was deleted.",
    account_deleted: "Your account and all its data were deleted.",

    not_found_title: "Page not found",
    not_found_body: "There is nothing at this address.",
    back_home: "Back to Spotter",
    language_name_en: "English",
    language_name_he: "עברית (Hebrew)",
};

pub static HE: Strings = Strings {
    app_name: "ספוטר",
    tagline: "המאמן האישי החכם שלך, באירוח עצמי",
    skip_to_content: "דלג לתוכן",
    nav_label: "ראשי",
    nav_chat: "צ'אט",
    nav_history: "היסטוריה",
    nav_progress: "התקדמות",
    nav_log: "תיעוד",
    nav_goals: "יעדים",
    nav_plan: "תוכנית",
    nav_settings: "הגדרות",
    nav_login: "התחברות",
    nav_register: "יצירת חשבון",
    nav_logout: "התנתקות",
    signed_in_as: "מחובר/ת בתור {name}",

    email: "אימייל",
    password: "סיסמה",
    display_name: "שם תצוגה",
    login_title: "התחברות לספוטר",
    login_submit: "התחברות",
    login_no_account: "חדש/ה כאן?",
    login_create_account: "יצירת חשבון",
    register_title: "יצירת חשבון",
    register_intro: "תעד/י אימונים במילים פשוטות, שאל/י על ההתקדמות וראה/י אותה בגרפים.",
    register_submit: "יצירת חשבון",
    register_have_account: "כבר יש לך חשבון?",
    password_hint: "לפחות 8 תווים.",
    display_name_hint: "לא חובה. כך המאמן יפנה אליך.",

    err_invalid_credentials: "אימייל או סיסמה שגויים.",
    err_rate_limited: "יותר מדי ניסיונות. המתן/י דקה ונסה/י שוב.",
    err_email_taken: "כבר קיים חשבון עם האימייל הזה.",
    err_invalid_email: "כתובת האימייל אינה תקינה.",
    err_password_short: "הסיסמה חייבת להכיל לפחות 8 תווים.",
    err_invalid_input: "חלק מהשדות אינם תקינים. בדוק/י ונסה/י שוב.",
    err_generic: "משהו השתבש. נסה/י שוב.",
    err_forbidden: "הבקשה נדחתה.",

    welcome_title: "היי {name}, מוכנים להתאמן?",
    welcome_body: "בקרוב תוכל/י לשוחח כאן עם המאמן: לתעד סטים במילים פשוטות ולשאול על ההתקדמות.",

    coming_soon: "בקרוב",
    chat_soon: "הצ'אט עם המאמן בבנייה. החשבון וההגדרות כבר עובדים.",
    conversation_soon: "דפי שיחה יגיעו יחד עם הצ'אט.",
    history_soon: "כאן יופיעו השיחות הקודמות שלך, עם חיפוש.",
    progress_soon: "כאן יופיעו הסטטיסטיקות, השיאים, הרצפים והגרפים שלך.",
    log_soon: "תיעוד אימונים בטופס ובמילים פשוטות מגיע בקרוב.",
    goals_soon: "הגדר/י יעדים ועקוב/י אחרי ההתקדמות אליהם.",
    plan_soon: "תוכנית האימונים שלך, עם תאריכי יעד במילים פשוטות.",

    settings_title: "הגדרות",
    settings_profile: "פרופיל",
    settings_language: "שפה",
    settings_units: "יחידות",
    units_metric: "מטרי (ק\"ג, ק\"מ)",
    units_imperial: "אימפריאלי (ליברות, מיילים)",
    settings_timezone: "אזור זמן",
    settings_timezone_hint: "שם IANA, למשל Asia/Jerusalem. רצפים ו\"היום\" מחושבים לפיו.",
    settings_coach: "מאמן",
    coach_style: "סגנון אימון",
    coach_balanced: "מאוזן",
    coach_encouraging: "מעודד",
    coach_tough: "קשוח",
    response_length: "אורך תשובה",
    length_short: "קצר",
    length_medium: "בינוני",
    length_detailed: "מפורט",
    notifications: "תזכורות והתראות",
    save: "שמירה",
    saved: "ההגדרות נשמרו.",
    err_invalid_timezone: "אזור זמן לא מוכר. השתמש/י בשם IANA כמו Asia/Jerusalem.",

    tokens_title: "אסימוני API",
    tokens_intro: "אסימונים מאפשרים לסקריפטים ולאפליקציות להשתמש ב-REST API בשמך, בכותרת",
    token_name: "שם האסימון",
    token_create: "יצירת אסימון",
    token_created: "העתק/י את האסימון עכשיו. הוא לא יוצג שוב:",
    tokens_none: "אין עדיין אסימונים.",
    token_revoke: "ביטול",
    token_last_used: "שימוש אחרון",
    token_never_used: "לא נעשה שימוש",
    token_created_at: "נוצר",

    data_title: "המידע שלך",
    data_export: "הורדת כל המידע שלי (JSON)",
    data_export_hint: "כל מה שספוטר שומר עליך, בקובץ אחד.",
    delete_account: "מחיקת החשבון שלי",
    delete_account_hint: "מוחק את החשבון ואת כל המידע שבו, מיד ולתמיד. הקלד/י את האימייל שלך לאישור.",
    delete_confirm_label: "האימייל שלך",
    delete_confirm_mismatch: "האימייל אינו תואם את החשבון. דבר לא נמחק.",
    account_deleted: "החשבון וכל המידע שבו נמחקו.",

    not_found_title: "הדף לא נמצא",
    not_found_body: "אין כלום בכתובת הזו.",
    back_home: "חזרה לספוטר",
    language_name_en: "English (אנגלית)",
    language_name_he: "עברית",
};

pub fn strings(language: Language) -> &'static Strings {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}

/// The message for an error code carried back to a page (`?error=code`); unknown codes get
/// the generic message rather than echoing what the URL says.
pub fn error_message(t: &Strings, code: &str) -> &'static str {
    match code {
        "invalid_credentials" => t.err_invalid_credentials,
        "rate_limited" => t.err_rate_limited,
        "email_taken" => t.err_email_taken,
        "invalid_email" => t.err_invalid_email,
        "password_short" => t.err_password_short,
        "invalid_input" | "token_name" => t.err_invalid_input,
        "invalid_timezone" => t.err_invalid_timezone,
        "delete_confirm" => t.delete_confirm_mismatch,
        "forbidden" => t.err_forbidden,
        _ => t.err_generic,
    }
}

/// Replaces `{key}` placeholders with values.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(EN.signed_in_as, &[("name", "Dana")]),
            "Signed in as Dana"
        );
        assert_eq!(
            fill(HE.welcome_title, &[("name", "דנה")]),
            "היי דנה, מוכנים להתאמן?"
        );
    }

    #[test]
    fn error_codes_map_to_translated_messages_and_unknown_codes_do_not_echo() {
        assert_eq!(
            error_message(&HE, "invalid_credentials"),
            HE.err_invalid_credentials
        );
        assert_eq!(
            error_message(&EN, "<script>alert(1)</script>"),
            EN.err_generic
        );
    }

    #[test]
    fn hebrew_strings_are_hebrew() {
        // A Hebrew string that is a copy of the English one would be a missed translation.
        let he_letter = |s: &str| s.chars().any(|c| ('\u{05D0}'..='\u{05EA}').contains(&c));
        for (en, he) in [
            (EN.nav_settings, HE.nav_settings),
            (EN.login_submit, HE.login_submit),
            (EN.err_invalid_credentials, HE.err_invalid_credentials),
            (EN.coming_soon, HE.coming_soon),
        ] {
            assert_ne!(en, he);
            assert!(he_letter(he), "{he:?} has no Hebrew letters");
        }
    }
}
