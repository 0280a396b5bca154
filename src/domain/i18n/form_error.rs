//! Why a plain form was refused: the handlers in `server::site` redirect with `?error=code`
//! and the page shows [`FormError::message`]. One enum on both sides, so a code cannot be
//! misspelled, and an unknown code in a URL shows the generic message instead of echoing it.

use super::strings::Strings;
use crate::domain::text_enum::text_enum;

text_enum!(
    /// A form refusal, as carried in `?error=`.
    FormError {
        Generic => "generic",
        InvalidInput => "invalid_input",
        InvalidCredentials => "invalid_credentials",
        RateLimited => "rate_limited",
        EmailTaken => "email_taken",
        InvalidEmail => "invalid_email",
        PasswordShort => "password_short",
        InvalidTimezone => "invalid_timezone",
        TokenName => "token_name",
        DeleteConfirm => "delete_confirm",
        Forbidden => "forbidden",
        NotFound => "not_found",
        UnknownExercise => "unknown_exercise",
        EmptyWorkout => "empty_workout",
        GoalTarget => "goal_target",
        GoalEndDate => "goal_end_date",
        PlanTitle => "plan_title",
        PlanDue => "plan_due",
        ImportFile => "import_file",
        ImportTz => "import_tz",
        ImportExpired => "import_expired",
        ImportRows => "import_rows",
        Message => "message",
        TokenBudget => "token_budget",
        Fact => "fact"
    }
);

impl FormError {
    /// The code found in a page's query; anything unknown is [`FormError::Generic`].
    pub fn from_query(code: &str) -> FormError {
        code.parse().unwrap_or(FormError::Generic)
    }

    pub fn message(self, t: &Strings) -> &'static str {
        match self {
            FormError::Generic => t.err_generic,
            FormError::InvalidInput | FormError::TokenName => t.err_invalid_input,
            FormError::InvalidCredentials => t.err_invalid_credentials,
            FormError::RateLimited => t.err_rate_limited,
            FormError::EmailTaken => t.err_email_taken,
            FormError::InvalidEmail => t.err_invalid_email,
            FormError::PasswordShort => t.err_password_short,
            FormError::InvalidTimezone | FormError::ImportTz => t.err_invalid_timezone,
            FormError::DeleteConfirm => t.delete_confirm_mismatch,
            FormError::Forbidden => t.err_forbidden,
            FormError::NotFound => t.not_found_title,
            FormError::UnknownExercise => t.err_unknown_exercise,
            FormError::EmptyWorkout => t.err_empty_workout,
            FormError::GoalTarget => t.err_goal_target,
            FormError::GoalEndDate => t.err_goal_end_date,
            FormError::PlanTitle => t.err_plan_title,
            FormError::PlanDue => t.err_plan_due,
            FormError::ImportFile => t.err_import_file,
            FormError::ImportExpired => t.err_import_expired,
            FormError::ImportRows => t.err_import_rows,
            FormError::Message => t.err_message,
            FormError::TokenBudget => t.err_token_budget,
            FormError::Fact => t.err_fact,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::i18n::{EN, HE};

    #[test]
    fn codes_map_to_translated_messages_and_unknown_codes_do_not_echo() {
        assert_eq!(
            FormError::from_query("invalid_credentials").message(&HE),
            HE.err_invalid_credentials
        );
        assert_eq!(
            FormError::from_query("<script>alert(1)</script>").message(&EN),
            EN.err_generic
        );
        for e in FormError::ALL {
            assert_eq!(FormError::from_query(e.as_str()), *e, "{e} round-trips");
        }
    }
}
