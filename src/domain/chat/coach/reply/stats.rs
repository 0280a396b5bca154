//! Answers from `get_stats`: the period's totals, or the streak and level when those were
//! asked about.

use super::Ctx;
use crate::domain::chat::coach::amounts;
use crate::domain::chat::tools::StatsResult;
use crate::domain::i18n::{fill, level_label};
use crate::domain::scoring::levels::Level;
use crate::domain::scoring::stats::Period;

/// "This week: 3 workouts, 45 sets, 5,200 kg lifted and 320 points." and the favourite
/// exercise; a period without workouts gets a nudge to log one.
pub(super) fn totals(c: &Ctx, r: &StatsResult) -> String {
    let period = match r.period {
        Period::Week => c.p.period_week,
        Period::Month => c.p.period_month,
        Period::Year => c.p.period_year,
        Period::All => c.p.period_all,
    };
    if r.workouts == 0 {
        return fill(c.p.stats_none, &[("period", period)]);
    }
    let mut parts = vec![c.t.workouts.count(r.workouts), c.t.sets.count(r.sets)];
    if r.volume_kg > 0.0 {
        let volume = amounts::weight(r.volume_kg, c.units, c.language);
        parts.push(fill(c.p.stats_volume, &[("volume", &volume)]));
    }
    parts.push(c.t.points.count(r.points));
    let mut out = fill(
        c.p.stats_totals,
        &[("period", period), ("totals", &c.and_list(&parts))],
    );
    if let Some(favourite) = &r.favourite_exercise {
        out.push(' ');
        out.push_str(&fill(c.p.stats_favourite, &[("name", c.name(favourite))]));
    }
    out
}

/// The current and longest streak, then the level with the points still to go.
pub(super) fn streak(c: &Ctx, r: &StatsResult) -> String {
    let days = c.t.days.count(r.current_streak_days);
    let longest = c.t.days.count(r.longest_streak_days);
    let streak = match (r.current_streak_days, r.longest_streak_days) {
        (0, 0) => c.p.streak_never.to_owned(),
        (0, _) => fill(c.p.streak_broken, &[("longest", &longest)]),
        (now, best) if now >= best => fill(c.p.streak_at_best, &[("days", &days)]),
        _ => fill(
            c.p.streak_current,
            &[("days", &days), ("longest", &longest)],
        ),
    };
    let name = level_label(c.t, r.level);
    let level = if r.level == Level::Expert || r.points_to_next_level <= 0 {
        fill(c.p.level_top, &[("level", name)])
    } else {
        let to_next = c.t.to_next_level.count(r.points_to_next_level);
        fill(c.p.level, &[("level", name), ("to_next", &to_next)])
    };
    format!("{streak} {level}")
}
