//! The log page's forms: log a workout (or save over one being edited), log one in words,
//! delete one. Success
//! goes to `/log?logged=<id>` (points and new records are shown there); a refusal comes back
//! with every typed field, plus `suggest=` names when an exercise was not recognised.

use std::collections::HashMap;

use axum::extract::Path;
use axum::response::Response;

use super::redirects::{
    Fields, SeeOther, back_with, field, fields, item_id, item_outcome, query_value, refused,
    see_other,
};
use super::signed_in::SignedIn;
use crate::domain::i18n::FormError;
use crate::domain::log_form::parse_log_form;
use crate::domain::training::WorkoutSource;
use crate::domain::workout::WorkoutPatch;
use crate::server::db::Id;
use crate::server::services::exercises::add_missing;
use crate::server::services::log::{LogError, edit_workout, log_workout as log};
use crate::server::services::log_words::{self as words, Learn};
use crate::server::services::recompute::delete_workout as delete;

/// `POST /log`.
pub async fn log_workout(SignedIn(state, p): SignedIn, form: Fields) -> Response {
    let fields = fields(form);
    let back = |error: FormError, extra: &str| back_with("/log", error, &fields, extra);
    let map: HashMap<String, String> = fields.iter().cloned().collect();
    let (mut input, when) = match parse_log_form(&map, p.user.units) {
        Ok(parsed) => parsed,
        Err(e) => return back(e.form_error(), ""),
    };
    if let Some(local) = when {
        input.started_at = Some(crate::server::local_time::to_utc(p.user.zone(), local));
    }
    // "Save and add new exercises": names that match nothing become the user's exercises.
    if field(&fields, "add_missing").as_deref() == Some("1")
        && let Err(e) = add_missing(&state.db, &p.user.id, &input).await
    {
        tracing::error!(error = %e, "adding custom exercises failed");
        return back(FormError::Generic, "");
    }
    // `edit=<id>`: the form saves over that workout (sets replaced, everything recomputed).
    let edit = field(&fields, "edit").and_then(|v| Id::parse(&v));
    let outcome = match &edit {
        None => log(&state.db, &p.user, &input, WorkoutSource::Form)
            .await
            .map(Some),
        Some(id) => {
            let patch = WorkoutPatch {
                name: Some(input.name.clone()),
                notes: None,
                started_at: input.started_at,
                exercises: Some(input.exercises.clone()),
            };
            edit_workout(&state.db, &p.user, id, &patch).await
        }
    };
    match outcome {
        Ok(Some(logged)) => see_other(&format!("/log?logged={}", logged.detail.workout.id)),
        Ok(None) => see_other(&format!("/log?error={}#recent", FormError::NotFound)),
        Err(LogError::UnknownExercises(unknown)) => {
            let names: Vec<String> = unknown
                .iter()
                .flat_map(|u| {
                    u.suggestions
                        .iter()
                        .map(|c| p.user.language.pick(&c.name_en, &c.name_he).clone())
                })
                .take(8)
                .collect();
            let extra = if names.is_empty() {
                String::new()
            } else {
                format!("&suggest={}", query_value(&names.join("|")))
            };
            back(FormError::UnknownExercise, &extra)
        }
        Err(LogError::Invalid(_)) => back(FormError::InvalidInput, ""),
        Err(LogError::Db(e)) => {
            tracing::error!(error = %e, "logging a workout failed");
            back(FormError::Generic, "")
        }
    }
}

/// `POST /log/words`: the words box (`services::log_words`). Logged: `/log?logged=<id>` shows
/// its points and records. Not: back to `/log?words=<text>`, which asks what is missing.
pub async fn log_words(SignedIn(state, p): SignedIn, form: Fields) -> Response {
    let fields = fields(form);
    let text = field(&fields, "text").unwrap_or_default();
    let (said, meant) = (field(&fields, "said"), field(&fields, "meant"));
    let learn = said
        .as_deref()
        .zip(meant.as_deref())
        .map(|(said, meant)| Learn { said, meant });
    match words::submit(&state.db, &p.user, &text, learn).await {
        Ok(Some(id)) => see_other(&format!("/log?logged={id}")),
        Ok(None) if text.is_empty() => see_other("/log#words"),
        Ok(None) => see_other(&format!("/log?words={}#words", query_value(&text))),
        Err(e) => {
            tracing::error!(error = %e, "logging a workout in words failed");
            refused("/log", FormError::Generic, "#words")
        }
    }
}

/// `POST /log/{id}/delete`: deletes a workout and recomputes what came from it, atomically.
pub async fn delete_workout(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, SeeOther> {
    let id = item_id(&id, "/log", "#recent")?;
    let result = delete(&state.db, &p.user, &id).await;
    Ok(item_outcome(
        "/log",
        "deleted=1",
        "#recent",
        "deleting a workout",
        result,
    ))
}
