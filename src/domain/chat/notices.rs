//! What the coach tells a user before answering, once: the plan items due today (in the first
//! reply of the day, with the reminders switch on) and achievements earned since its last reply
//! (with the achievements switch on). The server works out which; the offline coach puts them
//! around its answer, and a model is told to mention them.

use serde::{Deserialize, Serialize};

use super::tools::Names;
use crate::domain::account::Language;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Notices {
    /// Titles of the plan items due today.
    pub due_today: Vec<String>,
    /// Achievements earned since the coach's last reply.
    pub new_achievements: Vec<Names>,
}

impl Notices {
    pub fn is_empty(&self) -> bool {
        self.due_today.is_empty() && self.new_achievements.is_empty()
    }

    /// The answer with the reminder before it and the achievements after it.
    pub fn around(&self, answer: &str, language: Language) -> String {
        let mut out = String::new();
        if !self.due_today.is_empty() {
            let titles = self
                .due_today
                .iter()
                .map(|t| format!("„{t}”"))
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&match language {
                Language::En => format!("📅 Due today from your plan: {titles}.\n\n"),
                Language::He => format!("📅 להיום בתוכנית שלך: {titles}.\n\n"),
            });
        }
        out.push_str(answer);
        if !self.new_achievements.is_empty() {
            let names = self
                .new_achievements
                .iter()
                .map(|n| n.in_language(language).to_owned())
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&match language {
                Language::En => format!("\n\n🏅 New since we last talked: {names}. Well done!"),
                Language::He => format!("\n\n🏅 חדש מאז שדיברנו: {names}. כל הכבוד!"),
            });
        }
        out
    }

    /// The line of the system prompt that asks a model to mention them.
    pub fn prompt_line(&self) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut parts = Vec::new();
        if !self.due_today.is_empty() {
            parts.push(format!(
                "plan items due today: {}",
                self.due_today.join("; ")
            ));
        }
        if !self.new_achievements.is_empty() {
            let names: Vec<&str> = self
                .new_achievements
                .iter()
                .map(|n| n.en.as_str())
                .collect();
            parts.push(format!(
                "achievements earned since your last reply: {}",
                names.join("; ")
            ));
        }
        Some(format!(
            "Mention these once, briefly, before your answer ({}).",
            parts.join("; ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_go_around_the_answer_in_its_language() {
        let none = Notices::default();
        assert_eq!(none.around("Hi.", Language::En), "Hi.");
        assert!(none.prompt_line().is_none());
        let n = Notices {
            due_today: vec!["Leg day".into()],
            new_achievements: vec![Names {
                en: "First workout".into(),
                he: "אימון ראשון".into(),
            }],
        };
        let en = n.around("Your stats.", Language::En);
        assert!(
            en.starts_with("📅 Due today from your plan: „Leg day”."),
            "{en}"
        );
        assert!(
            en.contains("Your stats.")
                && en.ends_with("🏅 New since we last talked: First workout. Well done!"),
            "{en}"
        );
        let he = n.around("הסטטיסטיקה.", Language::He);
        assert!(
            he.contains("להיום בתוכנית שלך") && he.contains("אימון ראשון"),
            "{he}"
        );
        assert!(n.prompt_line().unwrap().contains("Leg day"));
    }
}
