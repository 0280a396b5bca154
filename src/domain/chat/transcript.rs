//! A conversation as a Markdown document (`GET /conversations/{id}/export?format=md`): the
//! title, then each message the user and the coach wrote, with its time. Tool calls and their
//! raw results are left out: they are in the JSON export.

use chrono::{DateTime, Utc};

use super::conversation::Role;

/// One message of the transcript.
pub struct Line<'a> {
    pub role: Role,
    pub content: &'a str,
    pub at: DateTime<Utc>,
    /// Why a reply failed, if it did.
    pub error: Option<&'a str>,
}

pub fn to_markdown<'a>(title: Option<&str>, lines: impl IntoIterator<Item = Line<'a>>) -> String {
    let mut out = format!("# {}\n", title.unwrap_or("Conversation"));
    for line in lines {
        let who = match line.role {
            Role::User => "You",
            Role::Assistant => "Coach",
            Role::Tool | Role::System => continue,
        };
        if line.content.trim().is_empty() && line.error.is_none() {
            continue;
        }
        out.push_str(&format!(
            "\n**{who}** · {}\n\n",
            line.at.format("%Y-%m-%d %H:%M UTC")
        ));
        if !line.content.trim().is_empty() {
            out.push_str(line.content.trim_end());
            out.push('\n');
        }
        if let Some(error) = line.error {
            out.push_str(&format!("\n> The coach could not answer: {error}\n"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_transcript_has_the_words_not_the_plumbing() {
        let at = "2026-11-30T10:00:00Z".parse().unwrap();
        let line = |role, content, error| Line {
            role,
            content,
            at,
            error,
        };
        let md = to_markdown(
            Some("Squat"),
            [
                line(Role::User, "my squat PR?", None),
                line(Role::Assistant, "", None),
                line(Role::Tool, "{\"records\":[]}", None),
                line(Role::Assistant, "- Heaviest: 140 kg", None),
                line(Role::Assistant, "", Some("timed out")),
            ],
        );
        assert_eq!(
            md,
            "# Squat\n\n**You** · 2026-11-30 10:00 UTC\n\nmy squat PR?\n\n**Coach** · 2026-11-30 10:00 UTC\n\n\
             - Heaviest: 140 kg\n\n**Coach** · 2026-11-30 10:00 UTC\n\n\n> The coach could not answer: timed out\n"
        );
        assert_eq!(to_markdown(None, []), "# Conversation\n");
    }
}
