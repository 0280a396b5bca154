//! Training-plan items (the task seeds applied to training): what a user may create or change,
//! validated, with due dates either exact or said in plain English or Hebrew.

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::domain::account::FieldError;
use crate::domain::due_date::{Due, parse_due};
use crate::domain::text_enum::text_enum;

pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_DESCRIPTION_CHARS: usize = 2000;

text_enum!(
    /// How important a plan item is.
    Priority { Medium => "medium", Low => "low", High => "high" }
);
text_enum!(
    /// Whether a plan item is still to do.
    Status { Pending => "pending", Done => "done" }
);

/// `POST /plan` and `PATCH /plan/{id}` bodies. For the due date give `due_at` (an exact
/// instant), `due_date` (a day, all-day) or `due` (words: "tomorrow at 7pm", "ביום שני הבא").
/// In a PATCH, an absent field keeps its value and `"due": ""` clears the due date.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PlanInput {
    pub title: Option<String>,
    pub description: Option<String>,
    pub due: Option<String>,
    pub due_at: Option<DateTime<Utc>>,
    pub due_date: Option<chrono::NaiveDate>,
    pub priority: Option<Priority>,
    pub status: Option<Status>,
}

/// The due date of an input, still in the user's local time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum DueChange {
    Keep,
    Clear,
    At(DateTime<Utc>),
    Local(Due),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ValidPlan {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub due: DueChange,
    pub priority: Option<Priority>,
    pub status: Option<Status>,
}

/// Validates an input; `creating` requires a title. `now_local` is the user's local time.
pub fn validate_plan(
    input: &PlanInput,
    creating: bool,
    now_local: NaiveDateTime,
) -> Result<ValidPlan, Vec<FieldError>> {
    let mut errors = Vec::new();
    let title = match input.title.as_deref().map(str::trim) {
        None | Some("") if creating => {
            errors.push(FieldError::new(
                "title",
                "required",
                "Give the plan item a title.",
            ));
            None
        }
        Some("") => {
            errors.push(FieldError::new(
                "title",
                "required",
                "The title cannot be empty.",
            ));
            None
        }
        Some(t) if t.chars().count() > MAX_TITLE_CHARS => {
            errors.push(FieldError::new(
                "title",
                "too_long",
                format!("At most {MAX_TITLE_CHARS} characters."),
            ));
            None
        }
        other => other.map(str::to_owned),
    };
    let description = input.description.as_deref().map(|d| {
        let d = d.trim();
        if d.chars().count() > MAX_DESCRIPTION_CHARS {
            errors.push(FieldError::new(
                "description",
                "too_long",
                format!("At most {MAX_DESCRIPTION_CHARS} characters."),
            ));
        }
        (!d.is_empty()).then(|| d.to_owned())
    });
    let given = [
        input.due.is_some(),
        input.due_at.is_some(),
        input.due_date.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    let due = if given > 1 {
        errors.push(FieldError::new(
            "due",
            "ambiguous",
            "Give one of due, due_at or due_date.",
        ));
        DueChange::Keep
    } else if let Some(at) = input.due_at {
        DueChange::At(at)
    } else if let Some(date) = input.due_date {
        DueChange::Local(Due { date, time: None })
    } else if let Some(text) = input.due.as_deref() {
        if text.trim().is_empty() {
            DueChange::Clear
        } else {
            match parse_due(text, now_local) {
                Ok(d) => DueChange::Local(d),
                Err(e) => {
                    errors.push(FieldError::new("due", "unrecognised", e.to_string()));
                    DueChange::Keep
                }
            }
        }
    } else {
        DueChange::Keep
    };
    if errors.is_empty() {
        Ok(ValidPlan {
            title,
            description,
            due,
            priority: input.priority,
            status: input.status,
        })
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 23)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap() // a Monday
    }

    #[test]
    fn due_dates_in_words_are_local_and_all_day_without_a_time() {
        let input = PlanInput {
            title: Some("Deload week".into()),
            due: Some("next Monday".into()),
            ..Default::default()
        };
        let v = validate_plan(&input, true, now()).unwrap();
        assert_eq!(
            v.due,
            DueChange::Local(Due {
                date: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap(),
                time: None
            })
        );
        let input = PlanInput {
            title: Some("ריצה".into()),
            due: Some("מחר בשעה 18:00".into()),
            ..Default::default()
        };
        let DueChange::Local(d) = validate_plan(&input, true, now()).unwrap().due else {
            panic!()
        };
        assert_eq!(
            (d.date.to_string(), d.time.map(|t| t.to_string())),
            ("2026-11-24".into(), Some("18:00:00".into()))
        );
    }

    #[test]
    fn errors() {
        let e = validate_plan(&PlanInput::default(), true, now()).unwrap_err();
        assert_eq!(e[0].field, "title");
        let input = PlanInput {
            title: Some("x".repeat(201)),
            due: Some("banana".into()),
            ..Default::default()
        };
        let fields: Vec<_> = validate_plan(&input, true, now())
            .unwrap_err()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, vec!["title", "due"]);
        let both = PlanInput {
            title: Some("a".into()),
            due: Some("tomorrow".into()),
            due_date: NaiveDate::from_ymd_opt(2026, 12, 1),
            ..Default::default()
        };
        assert_eq!(
            validate_plan(&both, true, now()).unwrap_err()[0].code,
            "ambiguous"
        );
        // A PATCH may omit the title but not blank it.
        assert!(validate_plan(&PlanInput::default(), false, now()).is_ok());
        assert!(
            validate_plan(
                &PlanInput {
                    title: Some(" ".into()),
                    ..Default::default()
                },
                false,
                now()
            )
            .is_err()
        );
        let clear = PlanInput {
            due: Some(String::new()),
            ..Default::default()
        };
        assert_eq!(
            validate_plan(&clear, false, now()).unwrap().due,
            DueChange::Clear
        );
    }
}
