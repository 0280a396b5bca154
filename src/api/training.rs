//! The log and progress pages' data: server functions over `server::training`.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::AppError;
use crate::domain::account::Units;

/// A personal record as the pages show it (value already in the user's units).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordLine {
    pub exercise: String,
    /// weight, reps, e1rm, volume, duration or distance.
    pub record_type: String,
    pub value: String,
    /// Local date, YYYY-MM-DD.
    pub date: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LoggedSummary {
    pub points: i64,
    pub new_records: Vec<RecordLine>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LogPageData {
    pub units: Units,
    /// Every exercise name (EN and HE) for the search list.
    pub exercise_names: Vec<String>,
    /// The workout just saved (`?logged=id`), with its new records.
    pub logged: Option<LoggedSummary>,
    /// The workout being edited (`?edit=id`) as the form's fields, in the user's units.
    pub editing: Option<Vec<(String, String)>>,
    /// The latest workouts, most recent first.
    pub recent: Vec<WorkoutLine>,
}

/// A workout in the log page's "recent workouts" list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkoutLine {
    pub id: String,
    /// "Today · 18:30", "Tue 17 Nov · 07:05".
    pub when: String,
    pub name: Option<String>,
    pub sets: i64,
    pub points: i64,
    /// The exercises, in the page language, in the order done.
    pub exercises: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MonthTotals {
    pub workouts: u64,
    pub points: i64,
    pub volume: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgressData {
    pub workouts: u64,
    pub points: i64,
    pub volume: String,
    pub current_streak_days: u32,
    pub longest_streak_days: u32,
    /// beginner, intermediate, advanced or expert.
    pub level: String,
    pub level_progress: u8,
    pub points_to_next_level: i64,
    pub this_month: MonthTotals,
    pub last_month: MonthTotals,
    pub favourite_exercise: Option<String>,
    pub records: Vec<RecordLine>,
    /// (name, local date) in the page language.
    pub achievements: Vec<(String, String)>,
}

#[cfg(feature = "ssr")]
pub(crate) mod adapters {
    use super::*;
    use crate::server::db::exercises::ExerciseRow;

    /// Every name of these exercises (EN and HE), sorted and unique, for the pages' search
    /// lists.
    pub fn exercise_names(exercises: &[ExerciseRow]) -> Vec<String> {
        let mut names: Vec<String> = exercises
            .iter()
            .flat_map(|e| [e.name_en.clone(), e.name_he.clone()])
            .collect();
        names.sort();
        names.dedup();
        names
    }
    use crate::domain::account::Language;
    use crate::domain::display;
    use crate::server::db::users::User;
    use crate::server::training::stats::RecordRow;

    pub fn record_line(r: &RecordRow, user: &User) -> RecordLine {
        let units = user.units();
        let tz = user.zone();
        let value = match r.record_type.as_str() {
            "weight" | "e1rm" | "volume" => display::weight(r.value, units),
            "reps" => display::trim_number(r.value),
            "duration" => display::duration(r.value),
            "distance" => display::distance(r.value, units),
            _ => display::trim_number(r.value),
        };
        let exercise = match user.language() {
            Language::He => r.exercise_name_he.clone(),
            Language::En => r.exercise_name_en.clone(),
        };
        RecordLine {
            exercise,
            record_type: r.record_type.clone(),
            value,
            date: r.achieved_at.with_timezone(&tz).date_naive().to_string(),
        }
    }
}

#[server(prefix = "/fn", endpoint = "log_page")]
pub async fn log_page(
    logged: Option<String>,
    edit: Option<String>,
) -> Result<LogPageData, AppError> {
    use crate::domain::account::Language;
    use crate::domain::i18n::{day_label, strings};
    use crate::domain::log_form::{FormSet, fields_for_workout};
    use crate::domain::pagination::PageRequest;
    use crate::server::db::{Id, workouts};
    use crate::server::training::log::detail;
    use crate::server::training::stats::records;

    let principal = super::principal().await?;
    let state = super::state()?;
    let user = &principal.user;
    let internal = |e: sqlx::Error| {
        tracing::error!(error = %e, "log page data");
        AppError::Internal
    };
    let exercise_names = adapters::exercise_names(
        &crate::server::db::exercises::all_for_user(&state.db, &user.id)
            .await
            .map_err(internal)?,
    );
    let db = &state.db;
    let detail_of = |id: Option<String>| async move {
        match id.as_deref().and_then(Id::parse) {
            None => Ok(None),
            Some(id) => detail(db, &user.id, &id).await,
        }
    };
    let logged = match detail_of(logged).await.map_err(internal)? {
        None => None,
        Some(d) => {
            let new_records = records(&state.db, &user.id, None)
                .await
                .map_err(internal)?
                .iter()
                .filter(|r| {
                    r.set_id
                        .as_ref()
                        .is_some_and(|s| d.sets.iter().any(|set| &set.id == s))
                })
                .map(|r| adapters::record_line(r, user))
                .collect();
            Some(LoggedSummary {
                points: d.workout.points,
                new_records,
            })
        }
    };
    let tz = user.zone();
    let he = user.language() == Language::He;
    let exercise_name =
        |en: &String, he_name: &String| if he { he_name.clone() } else { en.clone() };
    let editing = detail_of(edit).await.map_err(internal)?.map(|d| {
        let sets: Vec<FormSet> = d
            .sets
            .into_iter()
            .map(|s| FormSet {
                exercise: exercise_name(&s.exercise_name_en, &s.exercise_name_he),
                set_type: s.set_type.parse().unwrap_or_default(),
                reps: s.reps,
                weight_kg: s.weight_kg,
                distance_m: s.distance_m,
                duration_s: s.duration_s,
                rpe: s.rpe,
                notes: s.notes,
            })
            .collect();
        let when = d.workout.started_at.with_timezone(&tz).naive_local();
        fields_for_workout(d.workout.name.as_deref(), when, &sets, user.units())
    });
    let t = strings(user.language());
    let today = chrono::Utc::now().with_timezone(&tz).date_naive();
    let page = PageRequest {
        page: Some(1),
        per_page: Some(10),
    }
    .normalized();
    let (latest, _) = workouts::list(&state.db, &user.id, page)
        .await
        .map_err(internal)?;
    let mut recent = Vec::with_capacity(latest.len());
    for w in latest {
        let mut exercises: Vec<String> = Vec::new();
        for s in workouts::sets(&state.db, &user.id, &w.id)
            .await
            .map_err(internal)?
        {
            let name = exercise_name(&s.exercise_name_en, &s.exercise_name_he);
            if !exercises.contains(&name) {
                exercises.push(name);
            }
        }
        let local = w.started_at.with_timezone(&tz);
        recent.push(WorkoutLine {
            id: w.id.to_string(),
            when: format!(
                "{} · {}",
                day_label(t, local.date_naive(), today),
                local.format("%H:%M")
            ),
            name: w.name,
            sets: w.set_count,
            points: w.points,
            exercises,
        });
    }
    Ok(LogPageData {
        units: user.units(),
        exercise_names,
        logged,
        editing,
        recent,
    })
}

#[server(prefix = "/fn", endpoint = "progress_page")]
pub async fn progress_page() -> Result<ProgressData, AppError> {
    use crate::domain::account::Language;
    use crate::domain::display;
    use crate::domain::scoring::stats::Period;
    use crate::server::db::on_db;
    use crate::server::training::stats::{records, stats};

    let principal = super::principal().await?;
    let state = super::state()?;
    let user = &principal.user;
    let internal = |e: sqlx::Error| {
        tracing::error!(error = %e, "progress page data");
        AppError::Internal
    };
    let s = stats(&state.db, user, Period::All)
        .await
        .map_err(internal)?;
    let units = user.units();
    let he = user.language() == Language::He;
    let month = |t: &crate::domain::scoring::stats::Totals| MonthTotals {
        workouts: t.workouts,
        points: t.points,
        volume: display::weight(t.volume_kg, units),
    };
    let recs = records(&state.db, &user.id, None).await.map_err(internal)?;
    let tz = user.zone();
    let earned: Vec<(String, String, chrono::DateTime<chrono::Utc>)> = on_db!(&state.db, pool => sqlx::query_as(
        "SELECT name_en, name_he, earned_at FROM achievements WHERE user_id = $1 ORDER BY earned_at DESC, code")
        .bind(&user.id).fetch_all(pool).await)
    .map_err(internal)?;
    Ok(ProgressData {
        workouts: s.workouts,
        points: s.points,
        volume: display::weight(s.volume_kg, units),
        current_streak_days: s.current_streak_days,
        longest_streak_days: s.longest_streak_days,
        level: s.level.as_str().to_owned(),
        level_progress: s.level_progress,
        points_to_next_level: s.points_to_next_level,
        this_month: month(&s.this_month),
        last_month: month(&s.last_month),
        favourite_exercise: s
            .favourite_exercise
            .map(|e| if he { e.name_he } else { e.name_en }),
        records: recs
            .iter()
            .map(|r| adapters::record_line(r, user))
            .collect(),
        achievements: earned
            .into_iter()
            .map(|(en, he_name, at)| {
                (
                    if he { he_name } else { en },
                    at.with_timezone(&tz).date_naive().to_string(),
                )
            })
            .collect(),
    })
}
