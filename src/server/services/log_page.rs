//! The `/log` page's data: the exercise names for the form's search list, the workout just
//! saved with the records it set, the workout being edited as the form's fields, and the
//! latest workouts, all in the user's language, units and time zone.

use chrono::Utc;

use super::log::detail;
use crate::domain::display;
use crate::domain::i18n::{moment_label, strings};
use crate::domain::log_form::{FormSet, fields_for_workout};
use crate::domain::views::log::{LogPageData, LoggedSummary, WorkoutLine};
use crate::domain::views::records::RecordLine;
use crate::server::db::exercises::{self, ExerciseRow};
use crate::server::db::records::{self, RecordRow};
use crate::server::db::users::User;
use crate::server::db::{Db, Id, workouts};

/// How many recent workouts the page lists.
pub const RECENT_WORKOUTS: u32 = 10;

/// `logged` and `edit` are the page's `?logged=` and `?edit=` ids; another user's (or a
/// malformed) id shows nothing rather than an error. `words`: a text the words box could not
/// log, typed in again with its question ([`super::log_words`]).
pub async fn log_page(
    db: &Db,
    user: &User,
    logged: Option<&str>,
    edit: Option<&str>,
    words: Option<&str>,
    next: Option<&str>,
) -> Result<LogPageData, sqlx::Error> {
    let exercise_names = exercise_names(&exercises::all_for_user(db, &user.id).await?);
    let logged = match owned_detail(db, user, logged).await? {
        None => None,
        Some(d) => {
            let set_ids: Vec<Id> = d.sets.iter().map(|s| s.id.clone()).collect();
            let new_records = records::for_sets(db, &user.id, &set_ids)
                .await?
                .iter()
                .map(|r| record_line(r, user))
                .collect();
            Some(LoggedSummary {
                points: d.workout.points,
                new_records,
            })
        }
    };
    let tz = user.zone();
    let editing = owned_detail(db, user, edit).await?.map(|d| {
        let sets: Vec<FormSet> = d
            .sets
            .into_iter()
            .map(|s| FormSet {
                exercise: user.language.pick(s.exercise_name_en, s.exercise_name_he),
                set_type: s.numbers.set_type,
                reps: s.numbers.reps,
                weight_kg: s.numbers.weight_kg,
                distance_m: s.numbers.distance_m,
                duration_s: s.numbers.duration_s,
                rpe: s.rpe,
                notes: s.notes,
            })
            .collect();
        let when = d.workout.started_at.with_timezone(&tz).naive_local();
        fields_for_workout(d.workout.name.as_deref(), when, &sets, user.units)
    });
    let t = strings(user.language);
    let today = Utc::now().with_timezone(&tz).date_naive();
    let recent = workouts::recent(db, &user.id, RECENT_WORKOUTS)
        .await?
        .into_iter()
        .map(|w| {
            let local = w.started_at.with_timezone(&tz);
            WorkoutLine {
                id: w.id.to_string(),
                when: moment_label(t, local.naive_local(), today),
                name: w.name,
                sets: w.set_count,
                points: w.points,
                exercises: w
                    .exercises
                    .into_iter()
                    .map(|(en, he)| user.language.pick(en, he))
                    .collect(),
            }
        })
        .collect();
    Ok(LogPageData {
        units: user.units,
        exercise_names,
        logged,
        editing,
        recent,
        made_on_server: format!(
            "{}{}",
            super::log_words::box_html(db, user, words).await?,
            super::next_card::html(
                &super::coach_plan::Planner::load(db, user).await?,
                user.language,
                next
            )
        ),
    })
}

async fn owned_detail(
    db: &Db,
    user: &User,
    id: Option<&str>,
) -> Result<Option<super::log::WorkoutDetail>, sqlx::Error> {
    match id.and_then(Id::parse) {
        None => Ok(None),
        Some(id) => detail(db, &user.id, &id).await,
    }
}

/// Every name of these exercises (EN and HE), sorted and unique, for the pages' search lists.
pub fn exercise_names(exercises: &[ExerciseRow]) -> Vec<String> {
    let mut names: Vec<String> = exercises
        .iter()
        .flat_map(|e| [e.name_en.clone(), e.name_he.clone()])
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A record as the pages show it: its value in the user's units, its date in their zone.
pub fn record_line(r: &RecordRow, user: &User) -> RecordLine {
    RecordLine {
        exercise: user
            .language
            .pick(&r.exercise_name_en, &r.exercise_name_he)
            .clone(),
        record_type: r.record_type,
        value: display::record_value(r.record_type, r.value, user.units),
        date: r
            .achieved_at
            .with_timezone(&user.zone())
            .date_naive()
            .to_string(),
    }
}
