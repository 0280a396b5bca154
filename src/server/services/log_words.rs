//! The `/log` page's quick box: a workout typed in plain words ("squat 3x5 @ 100kg", "רצתי 5
//! קילומטר ב-25 דקות") goes through the same parser and logging as `POST /api/v1/log` and the
//! coach ([`super::log_text`]). It is a plain form (`POST /log/words`, works without
//! JavaScript) made here as HTML, like the coach's charts, which keeps it out of the wasm.
//!
//! Logged: the page shows the workout's points and records (`/log?logged=<id>`). Not logged:
//! the page comes back as `/log?words=<text>`, and [`box_html`] reads the text again (a dry
//! run, nothing stored) to ask what is missing: an amount, or which exercise was meant, with
//! the suggestions as buttons that log it and remember the user's words for that exercise.

use leptos::prelude::*;

use super::log::{LogError, UnknownExercise, log_workout, preview_workout, resolve_exercise};
use super::log_text::{ReadText, TextLogError, Unsure, read_text};
use crate::domain::account::Language;
use crate::domain::training::WorkoutSource;
use crate::server::db::users::User;
use crate::server::db::{Db, Id, aliases};
use crate::server::markup;

/// The longest text the box takes (it travels back in the page's address when a question is
/// asked).
pub const MAX_WORDS_CHARS: usize = 500;

struct Labels {
    title: &'static str,
    placeholder: &'static str,
    button: &'static str,
    hint: &'static str,
    nothing: &'static str,
    how_many: &'static str,
    unknown: &'static str,
    did_you_mean: &'static str,
    no_match: &'static str,
    remembered: &'static str,
    invalid: &'static str,
    too_long: &'static str,
    unsure: &'static str,
    understood: &'static str,
    unsure_fix: &'static str,
}

const EN: Labels = Labels {
    title: "Log in words",
    placeholder: "squat 3x5 @ 100kg, bench 3x8 at 80, ran 5k in 25 min",
    button: "Log it",
    hint: "Sets × reps, weights, distances and times, in English or Hebrew; \"yesterday\" logs it yesterday.",
    nothing: "I couldn't find an exercise with sets, reps, a weight, a distance or a time in that.",
    how_many: "How many? Add the sets and reps (or the distance or time) of:",
    unknown: "Which exercise is",
    did_you_mean: "Did you mean:",
    no_match: "Nothing in the catalog is close. Check the spelling, or log it with the form below, which can add your own exercise.",
    remembered: "Your words will be remembered for the one you pick.",
    invalid: "Some of those numbers can't be right (a weight, a count or a time is out of range). Check them and try again.",
    too_long: "That is longer than 500 characters; log a long session with the form below.",
    unsure: "I'm not sure I read this right, so nothing is logged yet:",
    understood: "What I understood:",
    unsure_fix: "Write it again with the answer (for example “80 kg” or “8 reps”) and it will be logged.",
};

const HE: Labels = Labels {
    title: "רישום במילים",
    placeholder: "עשיתי 3 סטים של 10 סקוואטים עם 80 קילו, רצתי 5 קילומטר ב-25 דקות",
    button: "רשום",
    hint: "סטים × חזרות, משקלים, מרחקים וזמנים, בעברית או באנגלית; \"אתמול\" רושם את האימון לאתמול.",
    nothing: "לא מצאתי בזה תרגיל עם סטים, חזרות, משקל, מרחק או זמן.",
    how_many: "כמה? הוסיפו סטים וחזרות (או מרחק או זמן) של:",
    unknown: "איזה תרגיל זה",
    did_you_mean: "התכוונת ל:",
    no_match: "אין בקטלוג שום דבר קרוב. בדקו את האיות, או רשמו בטופס שלמטה, שיכול להוסיף תרגיל משלכם.",
    remembered: "המילים שלכם יישמרו לתרגיל שתבחרו.",
    invalid: "חלק מהמספרים לא נראים נכונים (משקל, כמות או זמן מחוץ לטווח). בדקו ונסו שוב.",
    too_long: "זה ארוך מ-500 תווים; אימון ארוך רושמים בטופס שלמטה.",
    unsure: "אני לא בטוח שהבנתי נכון, אז עוד לא נרשם כלום:",
    understood: "מה שהבנתי:",
    unsure_fix: "כתבו שוב עם התשובה (למשל „80 קילו” או „8 חזרות”) וזה יירשם.",
};

fn labels(language: Language) -> &'static Labels {
    match language {
        Language::En => &EN,
        Language::He => &HE,
    }
}

/// The user's answer to "which exercise is …?": their words, and the exercise they meant.
pub struct Learn<'a> {
    pub said: &'a str,
    pub meant: &'a str,
}

/// Logs `text` (first remembering `learn`'s words for the exercise meant); the new workout's
/// id, or `None` when nothing was stored and the box has a question to ask.
pub async fn submit(
    db: &Db,
    user: &User,
    text: &str,
    learn: Option<Learn<'_>>,
) -> Result<Option<Id>, sqlx::Error> {
    if text.trim().is_empty() || text.chars().count() > MAX_WORDS_CHARS {
        return Ok(None);
    }
    if let Some(Learn { said, meant }) = learn
        && let Ok(row) = resolve_exercise(db, &user.id, meant).await?
    {
        aliases::learn(db, &user.id, said, &row.id).await?;
    }
    let input = match read_text(db, user, text).await {
        Ok(ReadText { input, .. }) => input,
        Err(TextLogError::Log(LogError::Db(e))) => return Err(e),
        Err(_) => return Ok(None),
    };
    match log_workout(db, user, &input, WorkoutSource::Form).await {
        Ok(logged) => Ok(Some(logged.detail.workout.id)),
        Err(LogError::Db(e)) => Err(e),
        Err(_) => Ok(None),
    }
}

/// What the box says about `text`, which did not log: the question to answer.
async fn question(db: &Db, user: &User, text: &str) -> Result<AnyView, sqlx::Error> {
    let l = labels(user.language);
    let p =
        |s: &'static str| view! { <p class="notice notice-error" role="alert">{s}</p> }.into_any();
    if text.chars().count() > MAX_WORDS_CHARS {
        return Ok(p(l.too_long));
    }
    let input = match read_text(db, user, text).await {
        Ok(ReadText { input, .. }) => input,
        Err(TextLogError::Log(LogError::Db(e))) => return Err(e),
        Err(TextLogError::Unsure(unsure)) => return Ok(unsure_view(l, &unsure)),
        Err(TextLogError::HowMany(names)) => {
            return Ok(view! {
                <p class="notice notice-error" role="alert">{l.how_many}" "<bdi>{names.join(", ")}</bdi></p>
            }
            .into_any());
        }
        Err(_) => return Ok(p(l.nothing)),
    };
    Ok(match preview_workout(db, user, &input).await {
        Ok(_) => ().into_any(),
        Err(LogError::Db(e)) => return Err(e),
        Err(LogError::Invalid(_)) => p(l.invalid),
        Err(LogError::UnknownExercises(unknown)) => match unknown.into_iter().next() {
            Some(u) => which_exercise(l, user.language, text, u),
            None => p(l.nothing),
        },
    })
}

/// "Not sure, nothing logged yet", the questions, then what was understood, set by set.
fn unsure_view(l: &'static Labels, unsure: &Unsure) -> AnyView {
    let questions = unsure
        .questions
        .iter()
        .map(|q| view! { <li dir="auto">{q.clone()}</li> })
        .collect_view();
    let understood: Vec<_> = unsure
        .understood
        .iter()
        .filter(|u| !u.lines.is_empty())
        .map(|u| {
            let name = u.name.clone().unwrap_or_else(|| u.exercise.clone());
            view! { <li><bdi>{name}</bdi>": "<span dir="auto">{u.lines.join(", ")}</span></li> }
        })
        .collect();
    let understood = (!understood.is_empty()).then(|| {
        view! {
            <p class="hint">{l.understood}</p>
            <ul class="words-understood">{understood}</ul>
        }
    });
    view! {
        <div class="notice notice-error words-question words-unsure" role="alert">
            <p>{l.unsure}</p>
            <ul class="words-doubts">{questions}</ul>
            {understood}
            <p class="hint">{l.unsure_fix}</p>
        </div>
    }
    .into_any()
}

/// "Which exercise is “squaats”? Did you mean:" with one button per suggestion.
fn which_exercise(
    l: &'static Labels,
    language: Language,
    text: &str,
    u: UnknownExercise,
) -> AnyView {
    let asked = view! { {l.unknown}" “"<bdi>{u.query.clone()}</bdi>"”? " };
    if u.suggestions.is_empty() {
        return view! {
            <div class="notice notice-error words-question" role="alert"><p>{asked}{l.no_match}</p></div>
        }
        .into_any();
    }
    let buttons = u
        .suggestions
        .iter()
        .map(|c| {
            let name = language.pick(&c.name_en, &c.name_he).to_owned();
            view! {
                <li>
                    <form method="post" action="/log/words">
                        <input type="hidden" name="text" value=text.to_owned()/>
                        <input type="hidden" name="said" value=u.query.clone()/>
                        <input type="hidden" name="meant" value=c.slug.clone()/>
                        <button type="submit" class="btn" dir="auto">{name}</button>
                    </form>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="notice notice-error words-question" role="alert">
            <p>{asked}{l.did_you_mean}</p>
            <ul class="words-suggestions">{buttons}</ul>
            <p class="hint">{l.remembered}</p>
        </div>
    }
    .into_any()
}

/// The box, with `words` (the page's `?words=`: a text that did not log) typed in again and
/// the question it raises.
pub async fn box_html(db: &Db, user: &User, words: Option<&str>) -> Result<String, sqlx::Error> {
    let l = labels(user.language);
    let words = words.map(str::trim).filter(|w| !w.is_empty());
    let asked = match words {
        Some(text) => Some(question(db, user, text).await?),
        None => None,
    };
    Ok(markup::html(view! {
        <section class="card words-box" id="words" aria-labelledby="words-heading">
            <h2 id="words-heading">{l.title}</h2>
            {asked}
            <form method="post" action="/log/words" class="words-form">
                <label class="sr-only" for="words-text">{l.title}</label>
                <textarea id="words-text" name="text" rows="2" dir="auto" required
                    maxlength=MAX_WORDS_CHARS.to_string() placeholder=l.placeholder
                    aria-describedby="words-hint">{crate::app::raw_text(words.unwrap_or_default().to_owned())}</textarea>
                <button type="submit" class="btn btn-primary">{l.button}</button>
            </form>
            <p id="words-hint" class="hint">{l.hint}</p>
        </section>
    }))
}
