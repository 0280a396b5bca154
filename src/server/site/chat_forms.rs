//! The chat pages' forms, so the coach works with JavaScript off: `POST /` starts a
//! conversation with a first message, `POST /c/{id}` sends one; both wait for the coach's
//! reply and answer with a 303 to the thread. A refused message comes back with its text.
//! The hydrated page adds `live=1` to these forms (and to "answer again"): then the 303 comes
//! as soon as the question is stored and the page follows the reply as it is written.
//! `POST /c/{id}/m/{message}/stop` stops a reply being written, keeping its text.
//! `POST /c/{id}/rename` and `/delete` answer with a 303 to `/history`; a reply's thumbs
//! (`/c/{id}/m/{message}/feedback`) and "answer again" (`…/regenerate`) come back to the thread,
//! as does Undo on a workout the coach logged (`/c/{id}/w/{workout}/undo`).

use axum::extract::Path;
use axum::response::Response;

use super::redirects::{
    Fields, SeeOther, back_with, failed, field, fields, item_id, item_outcome, see_other,
};
use super::signed_in::SignedIn;
use crate::domain::chat::conversation::Role;
use crate::domain::chat::feedback::{FeedbackInput, validate_feedback};
use crate::domain::i18n::FormError;
use crate::server::db::conversations;
use crate::server::db::{feedback, messages};
use crate::server::services::chat::send::{self, ChatError, Coach, Started};
use crate::server::services::recompute::delete_workout;
use crate::server::state::AppState;

/// `POST /`: a new conversation with its first message.
pub async fn start(SignedIn(state, p): SignedIn, form: Fields) -> Response {
    let fields = fields(form);
    let content = field(&fields, "content").unwrap_or_default();
    let id = match send::start_conversation(&state.db, &p.user, &content).await {
        Ok(id) => id,
        Err(ChatError::Db(e)) => return failed("/", "#composer", "starting a conversation", e),
        Err(_) => return back_with("/", FormError::Message, &fields, "#composer"),
    };
    let page = format!("/c/{id}");
    deliver(&state, &p, &page, &id, content, &fields).await
}

/// `POST /c/{id}`: a message in a conversation.
pub async fn reply(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
    form: Fields,
) -> Result<Response, SeeOther> {
    let page = format!("/c/{id}");
    let id = item_id(&id, "/", "")?;
    let fields = fields(form);
    let content = field(&fields, "content").unwrap_or_default();
    Ok(deliver(&state, &p, &page, &id, content, &fields).await)
}

async fn deliver(
    state: &AppState,
    p: &crate::server::auth::Principal,
    page: &str,
    id: &crate::server::db::Id,
    content: String,
    fields: &[(String, String)],
) -> Response {
    let sent = async {
        match Coach::of(state)
            .start(&p.user, id, &content, field(fields, "client_id"))
            .await?
        {
            None => Ok(false),
            // Without JavaScript the thread is shown once the reply is stored; a hydrated
            // page follows the reply as it is written.
            Some(Started::Live(reply)) if !live(fields) => reply.finish().await.map(|_| true),
            Some(_) => Ok(true),
        }
    }
    .await;
    match sent {
        Ok(true) => see_other(&format!("{page}#latest")),
        Ok(false) => super::redirects::refused("/", FormError::NotFound, ""),
        Err(ChatError::Invalid(_)) => back_with(page, FormError::Message, fields, "#composer"),
        Err(ChatError::TooFast { .. }) => {
            back_with(page, FormError::RateLimited, fields, "#composer")
        }
        Err(ChatError::OverBudget { .. }) => {
            back_with(page, FormError::TokenBudget, fields, "#composer")
        }
        Err(ChatError::Db(e)) => failed(page, "#composer", "sending a message", e),
    }
}

/// The form came from a hydrated page, which follows replies itself (`live=1`).
fn live(fields: &[(String, String)]) -> bool {
    field(fields, "live").as_deref() == Some("1")
}

/// `POST /c/{id}/rename` with `title` (empty: untitled).
pub async fn rename(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
    form: Fields,
) -> Result<Response, SeeOther> {
    let id = item_id(&id, "/history", "")?;
    let fields = fields(form);
    let title =
        crate::domain::chat::conversation::normalize_title(field(&fields, "title").as_deref())
            .map_err(|_| SeeOther::refused("/history", FormError::InvalidInput, ""))?;
    let result = conversations::rename(&state.db, &p.user.id, &id, title.as_deref())
        .await
        .map(|c| c.is_some());
    Ok(item_outcome(
        "/history",
        "renamed=1",
        "",
        "renaming a conversation",
        result,
    ))
}

/// `POST /c/{id}/delete`.
pub async fn delete(
    SignedIn(state, p): SignedIn,
    Path(id): Path<String>,
) -> Result<Response, SeeOther> {
    let id = item_id(&id, "/history", "")?;
    let result = conversations::soft_delete(&state.db, &p.user.id, &id).await;
    Ok(item_outcome(
        "/history",
        "deleted=1",
        "",
        "deleting a conversation",
        result,
    ))
}

/// `POST /c/{id}/m/{message}/feedback` with `helpful=true|false`: thumbs on a reply.
pub async fn feedback(
    SignedIn(state, p): SignedIn,
    Path((conversation, message)): Path<(String, String)>,
    form: Fields,
) -> Result<Response, SeeOther> {
    let page = format!("/c/{conversation}");
    let id = item_id(&message, &page, "")?;
    let helpful = field(&fields(form), "helpful").and_then(|v| v.parse::<bool>().ok());
    let input = FeedbackInput {
        helpful,
        ..FeedbackInput::default()
    };
    let valid = validate_feedback(&input)
        .map_err(|_| SeeOther::refused(&page, FormError::InvalidInput, ""))?;
    let result = async {
        match thread_message(&state, &p, &id, &conversation).await? {
            Some(m) if m.role == Role::Assistant => {
                feedback::upsert(&state.db, &p.user.id, &id, &valid).await?;
                Ok::<_, sqlx::Error>(true)
            }
            _ => Ok(false),
        }
    }
    .await;
    Ok(item_outcome(
        &page,
        "thanks=1",
        &format!("#m-{id}"),
        "rating a reply",
        result,
    ))
}

/// `POST /c/{id}/m/{message}/regenerate`: answer the question again.
pub async fn regenerate(
    SignedIn(state, p): SignedIn,
    Path((conversation, message)): Path<(String, String)>,
    form: Fields,
) -> Result<Response, SeeOther> {
    let page = format!("/c/{conversation}");
    let id = item_id(&message, &page, "")?;
    let live = live(&fields(form));
    let result = async {
        if thread_message(&state, &p, &id, &conversation)
            .await?
            .is_none()
        {
            return Ok(false);
        }
        let Some(reply) = Coach::of(&state).start_regenerate(&p.user, &id).await? else {
            return Ok(false);
        };
        if !live {
            reply.finish().await?;
        }
        Ok::<bool, ChatError>(true)
    }
    .await;
    Ok(item_outcome(
        &page,
        "",
        "#latest",
        "regenerating a reply",
        result,
    ))
}

/// `POST /c/{id}/m/{message}/stop`: stop the reply being written (its text so far is kept).
/// A reply that has already ended is not an error: the thread shows it as it is.
pub async fn stop(
    SignedIn(state, p): SignedIn,
    Path((conversation, message)): Path<(String, String)>,
) -> Result<Response, SeeOther> {
    let page = format!("/c/{conversation}");
    let id = item_id(&message, &page, "")?;
    let result = async {
        if thread_message(&state, &p, &id, &conversation)
            .await?
            .is_none()
        {
            return Ok(false);
        }
        // Nothing left to stop is fine: the thread shows the reply as it ended.
        let stopped = Coach::of(&state).stop(&p.user, &id).await?;
        Ok::<bool, ChatError>(stopped.is_some())
    }
    .await;
    Ok(item_outcome(
        &page,
        "",
        "#latest",
        "stopping a reply",
        result,
    ))
}

/// `POST /c/{id}/w/{workout}/undo`: takes back a workout the coach logged (the same as
/// deleting it on `/log`: points, records and streaks are recomputed). Back to the thread,
/// whose card then says it was undone.
pub async fn undo_log(
    SignedIn(state, p): SignedIn,
    Path((conversation, workout)): Path<(String, String)>,
) -> Result<Response, SeeOther> {
    let page = format!("/c/{conversation}");
    let id = item_id(&workout, &page, "")?;
    let result = delete_workout(&state.db, &p.user, &id).await;
    Ok(item_outcome(
        &page,
        "",
        "#latest",
        "undoing a logged workout",
        result,
    ))
}

/// The user's message `id` if it is in `conversation`: a thread's forms act on its own
/// messages only (anything else is "not found").
async fn thread_message(
    state: &AppState,
    p: &crate::server::auth::Principal,
    id: &crate::server::db::Id,
    conversation: &str,
) -> Result<Option<messages::Message>, sqlx::Error> {
    Ok(messages::get(&state.db, &p.user.id, id)
        .await?
        .filter(|m| m.conversation_id.to_string() == conversation))
}
