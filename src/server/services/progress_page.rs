//! The `/progress` page's data: totals, streaks and level from [`stats`], this month against
//! last, records and achievements, in the user's language, units and time zone, and the
//! charts ([`super::progress_charts`]).

use super::log_page::record_line;
use super::progress_charts::charts_html;
use super::stats::stats;
use crate::domain::display;
use crate::domain::scoring::stats::{Period, Totals};
use crate::domain::views::progress::{MonthTotals, ProgressData};
use crate::server::db::users::User;
use crate::server::db::{Db, achievements, records};
use crate::server::sandbox::Sandbox;

/// `exercise`: the exercise whose estimated-1RM trend is drawn (else the favourite).
pub async fn progress_page(
    db: &Db,
    sandbox: &Sandbox,
    user: &User,
    exercise: Option<&str>,
) -> Result<ProgressData, sqlx::Error> {
    let s = stats(db, user, Period::All).await?;
    let units = user.units;
    let month = |t: &Totals| MonthTotals {
        workouts: t.workouts,
        points: t.points,
        volume: display::weight(t.volume_kg, units),
    };
    let records = records::list(db, &user.id, None).await?;
    let tz = user.zone();
    let earned = achievements::list(db, &user.id).await?;
    let charts = if s.workouts == 0 {
        String::new()
    } else {
        let favourite = s.favourite_exercise.as_ref().map(|e| &e.id);
        charts_html(db, sandbox, user, &records, exercise, favourite).await?
    };
    Ok(ProgressData {
        workouts: s.workouts,
        points: s.points,
        volume: display::weight(s.volume_kg, units),
        current_streak_days: s.current_streak_days,
        longest_streak_days: s.longest_streak_days,
        level: s.level,
        level_progress: s.level_progress,
        points_to_next_level: s.points_to_next_level,
        this_month: month(&s.this_month),
        last_month: month(&s.last_month),
        favourite_exercise: s
            .favourite_exercise
            .map(|e| user.language.pick(e.name_en, e.name_he)),
        records: records.iter().map(|r| record_line(r, user)).collect(),
        achievements: earned
            .into_iter()
            .map(|a| {
                (
                    user.language.pick(a.name_en, a.name_he),
                    a.earned_at.with_timezone(&tz).date_naive().to_string(),
                )
            })
            .collect(),
        charts,
    })
}
