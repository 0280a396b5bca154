//! Words of the HTML the server makes for pages (a thread's tool lines, log cards and charts,
//! `/progress`'s charts), in English and Hebrew. They live here, server side, rather than in
//! `domain::i18n::Strings`, whose every string the browser's wasm carries (its budget is spent).

use crate::domain::account::Language;

pub struct HtmlLabels {
    /// "Looked up your data: {tool}".
    pub tool_used: &'static str,
    /// The folded SQL under a `query_workouts` call or a chart.
    pub show_sql: &'static str,
    /// The table of a chart's data.
    pub show_data: &'static str,
    /// A workout the coach logged: its card, and Undo.
    pub logged: &'static str,
    pub undo: &'static str,
    pub undone: &'static str,
    pub new_record: &'static str,
}

const EN: HtmlLabels = HtmlLabels {
    tool_used: "Looked up your data: {tool}",
    show_sql: "Show SQL",
    show_data: "Show data",
    logged: "Logged",
    undo: "Undo",
    undone: "Undone — removed from your log",
    new_record: "New personal record",
};

const HE: HtmlLabels = HtmlLabels {
    tool_used: "בדיקת הנתונים שלך: {tool}",
    show_sql: "הצגת ה-SQL",
    show_data: "הצגת הנתונים",
    logged: "נרשם",
    undo: "ביטול",
    undone: "בוטל — הוסר מהיומן",
    new_record: "שיא אישי חדש",
};

pub fn html_labels(language: Language) -> &'static HtmlLabels {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}
