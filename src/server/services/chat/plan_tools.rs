//! The coach's planning tools, over [`Planner`]: `suggest_session` (one exercise's next
//! session, or today's) and `training_balance` (the last four weeks per muscle). Numbers come
//! from the log and the profile; the words around them are the model's (or the offline
//! coach's).

use crate::domain::account::Language;
use crate::domain::catalog::catalog;
use crate::domain::chat::session_tools::{
    BalanceResult, MuscleLine, SuggestArgs, SuggestResult, SuggestedExercise, SuggestedSet,
};
use crate::domain::chat::tools::Names;
use crate::domain::progression::balance::{self, Level, picks};
use crate::domain::progression::next_session::{NextSession, RepRange};
use crate::domain::progression::today::Planned;
use crate::domain::progression::words;
use crate::server::db::Db;
use crate::server::db::users::User;
use crate::server::services::coach_plan::Planner;
use crate::server::services::log::resolve_exercise;

fn names(slug: &str) -> Names {
    catalog()
        .get(slug)
        .map(|e| Names {
            en: e.name_en.clone(),
            he: e.name_he.clone(),
        })
        .unwrap_or_else(|| Names {
            en: slug.to_owned(),
            he: slug.to_owned(),
        })
}

fn suggested(planner: &Planner, slug: &str, next: Option<&NextSession>) -> SuggestedExercise {
    let range = planner.range(slug).unwrap_or(RepRange { low: 8, high: 12 });
    let sets: Vec<SuggestedSet> = next
        .map(|n| {
            n.sets()
                .iter()
                .map(|s| SuggestedSet {
                    reps: s.reps,
                    weight: s.weight,
                })
                .collect()
        })
        .unwrap_or_default();
    let (text, reason) = match next {
        Some(n) => (
            words::sets(&n.sets(), planner.units, Language::En),
            words::reason(n, planner.units, Language::En),
        ),
        None => (
            format!("3 × {}-{}", range.low, range.high),
            format!(
                "new: pick a weight you can lift {} times with good form",
                range.high
            ),
        ),
    };
    SuggestedExercise {
        exercise: names(slug),
        slug: slug.to_owned(),
        next: next.cloned(),
        range,
        sets,
        unit: crate::domain::display::weight_unit_label(planner.units).to_owned(),
        text,
        reason,
        for_muscle: None,
    }
}

pub async fn suggest_session(
    db: &Db,
    user: &User,
    args: SuggestArgs,
) -> Result<SuggestResult, sqlx::Error> {
    let planner = Planner::load(db, user).await?;
    if let Some(said) = args.exercise.filter(|s| !s.trim().is_empty()) {
        let row = match resolve_exercise(db, &user.id, &said).await? {
            Ok(row) => row,
            Err(_) => return Ok(SuggestResult::UnknownExercise { said }),
        };
        return Ok(match planner.next(&row.slug) {
            Some(next) if row.user_id.is_none() => SuggestResult::Exercise {
                next: suggested(&planner, &row.slug, Some(&next)),
            },
            _ => SuggestResult::NotLogged {
                exercise: Names {
                    en: row.name_en,
                    he: row.name_he,
                },
            },
        });
    }
    let plan = planner.today();
    if plan.exercises.is_empty() && plan.plan_item.is_none() {
        return Ok(SuggestResult::NothingLogged);
    }
    let exercises = plan
        .exercises
        .iter()
        .map(
            |Planned {
                 slug,
                 next,
                 for_muscle,
                 ..
             }| SuggestedExercise {
                for_muscle: *for_muscle,
                ..suggested(&planner, slug, next.as_ref())
            },
        )
        .collect();
    Ok(SuggestResult::Session {
        plan_item: plan.plan_item,
        repeats: plan.repeats,
        name: plan.name,
        exercises,
    })
}

pub async fn training_balance(db: &Db, user: &User) -> Result<BalanceResult, sqlx::Error> {
    let planner = Planner::load(db, user).await?;
    let choices = planner.choices();
    let muscles = planner
        .balance()
        .into_iter()
        .map(|b| MuscleLine {
            picks: if b.level == Level::Low {
                picks(b.muscle, catalog().exercises(), &choices)
                    .iter()
                    .map(|e| names(&e.slug))
                    .collect()
            } else {
                Vec::new()
            },
            muscle: b.muscle,
            sets_per_week: b.sets_per_week,
            level: b.level,
        })
        .collect();
    Ok(BalanceResult {
        weeks: balance::WEEKS as u32,
        low_below: balance::LOW_BELOW,
        high_above: balance::HIGH_ABOVE,
        muscles,
    })
}
