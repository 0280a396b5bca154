//! Whether a reply is over, read from its stored steps: the one rule shared by the thread page
//! (does it follow a reply?) and the event stream that follows a reply from the database. The
//! reply task itself decides each step's status (`server::services::chat::reply`); this only
//! reads what it stored.

use super::conversation::{MessageStatus, Role};

/// What the rule needs of a stored step of a reply.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    pub role: Role,
    pub status: MessageStatus,
    /// The step asked for tools (their results and the next step come after it).
    pub calls_tools: bool,
}

/// The reply made of `steps` (oldest first) has ended: its last step is the coach's, finished,
/// and not a call for tools whose answer is still to come; and nothing of it is being
/// written. No steps yet: not over.
pub fn is_over(steps: &[Step]) -> bool {
    let Some(last) = steps.last() else {
        return false;
    };
    let finished = last.role == Role::Assistant
        && last.status != MessageStatus::Streaming
        && !(last.calls_tools && last.status == MessageStatus::Complete);
    finished && steps.iter().all(|s| s.status != MessageStatus::Streaming)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(role: Role, status: MessageStatus, calls_tools: bool) -> Step {
        Step {
            role,
            status,
            calls_tools,
        }
    }

    #[test]
    fn a_reply_is_over_only_once_its_last_word_is_stored() {
        use MessageStatus::*;
        use Role::*;
        assert!(!is_over(&[]));
        assert!(!is_over(&[step(Assistant, Streaming, false)]));
        assert!(is_over(&[step(Assistant, Complete, false)]));
        assert!(is_over(&[step(Assistant, Stopped, false)]));
        assert!(is_over(&[step(Assistant, Failed, false)]));
        // Tools asked for: their results and the answer are still to come.
        assert!(!is_over(&[step(Assistant, Complete, true)]));
        assert!(!is_over(&[
            step(Assistant, Complete, true),
            step(Tool, Complete, false)
        ]));
        assert!(is_over(&[
            step(Assistant, Complete, true),
            step(Tool, Complete, false),
            step(Assistant, Complete, false),
        ]));
        // Stopped while calling tools: over.
        assert!(is_over(&[step(Assistant, Stopped, true)]));
    }
}
