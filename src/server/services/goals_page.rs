//! The `/goals` page's data: every goal (active first) with its live progress in the user's
//! units, its window as day labels in their language, and the exercise names for the form.

use chrono::Utc;

use super::goals::views;
use super::log_page::exercise_names;
use crate::domain::i18n::{day_label, strings};
use crate::domain::views::goals::{GoalCard, GoalsPageData};
use crate::server::db::users::User;
use crate::server::db::{Db, exercises, goals};

pub async fn goals_page(db: &Db, user: &User) -> Result<GoalsPageData, sqlx::Error> {
    let rows = goals::list(db, &user.id).await?;
    let mut views = views(db, user, rows).await?;
    views.sort_by_key(|v| !v.goal.is_active);
    let units = user.units;
    let t = strings(user.language);
    let today = Utc::now().with_timezone(&user.zone()).date_naive();
    let all = exercises::all_for_user(db, &user.id).await?;
    let goals = views
        .into_iter()
        .map(|v| {
            let goal_type = v.goal.goal_type;
            let exercise = v.goal.exercise_id.as_ref().and_then(|id| {
                all.iter()
                    .find(|e| &e.id == id)
                    .map(|e| user.language.pick(&e.name_en, &e.name_he).clone())
            });
            GoalCard {
                id: v.goal.id.to_string(),
                goal_type,
                timeframe: v.goal.timeframe,
                exercise,
                current: goal_type.format_amount(v.progress.current, units),
                target: goal_type.format_amount(v.progress.target, units),
                percent: v.progress.percent,
                completed: v.progress.completed,
                is_active: v.goal.is_active,
                from: day_label(t, v.progress.from, today),
                to: day_label(t, v.progress.to, today),
                end: v.goal.end_date.map(|d| day_label(t, d, today)),
            }
        })
        .collect();
    Ok(GoalsPageData {
        units,
        exercise_names: exercise_names(&all),
        goals,
    })
}
