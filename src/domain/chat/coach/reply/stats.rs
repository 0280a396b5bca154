//! Answers from `get_stats`: the period's totals, the streak, the level, the points, the
//! exercise done most, this period against the one before — and, for a message the coach did
//! not understand, three things it can do picked from what this user has.

use super::Ctx;
use crate::domain::chat::coach::amounts;
use crate::domain::chat::tools::StatsResult;
use crate::domain::i18n::{fill, level_label};
use crate::domain::scoring::levels::Level;
use crate::domain::scoring::stats::Period;

/// "This week: 3 workouts, 45 sets, 5,200 kg lifted and 320 points." and the favourite
/// exercise; a period without workouts gets a nudge to log one.
pub(super) fn totals(c: &Ctx, r: &StatsResult) -> String {
    let period = period_words(c, r.period);
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
    format!("{streak} {}", level_line(c, r))
}

/// "Level: Intermediate, 320 points to the next level. You have 2,480 points in all."
pub(super) fn level(c: &Ctx, r: &StatsResult) -> String {
    format!("{} {}", level_line(c, r), points_line(c, r))
}

/// The points in all with the level; the points of a period with its totals.
pub(super) fn points(c: &Ctx, r: &StatsResult) -> String {
    if r.period == Period::All {
        format!("{} {}", points_line(c, r), level_line(c, r))
    } else {
        totals(c, r)
    }
}

fn level_line(c: &Ctx, r: &StatsResult) -> String {
    let name = level_label(c.t, r.level);
    if r.level == Level::Expert || r.points_to_next_level <= 0 {
        fill(c.p.level_top, &[("level", name)])
    } else {
        let to_next = c.t.to_next_level.count(r.points_to_next_level);
        fill(c.p.level, &[("level", name), ("to_next", &to_next)])
    }
}

fn points_line(c: &Ctx, r: &StatsResult) -> String {
    fill(c.p.points_total, &[("points", &c.t.points.count(r.points))])
}

fn period_words(c: &Ctx, period: Period) -> &'static str {
    match period {
        Period::Week => c.p.period_week,
        Period::Month => c.p.period_month,
        Period::Year => c.p.period_year,
        Period::All => c.p.period_all,
    }
}

/// The exercise done in the most workouts, then the next two.
pub(super) fn most_trained(c: &Ctx, r: &StatsResult) -> String {
    let Some((top, rest)) = r.most_trained.split_first() else {
        return fill(
            c.p.most_trained_none,
            &[("period", period_words(c, r.period))],
        );
    };
    let mut out = fill(
        c.p.most_trained,
        &[
            ("name", c.name(&top.exercise)),
            ("workouts", &c.t.workouts.count(top.workouts)),
            ("sets", &c.t.sets.count(top.sets)),
        ],
    );
    if !rest.is_empty() {
        let others: Vec<String> = rest
            .iter()
            .map(|e| {
                format!(
                    "{} ({})",
                    c.name(&e.exercise),
                    c.t.workouts.count(e.workouts)
                )
            })
            .collect();
        out.push(' ');
        out.push_str(&fill(
            c.p.most_trained_next,
            &[("others", &c.and_list(&others))],
        ));
    }
    out
}

/// "This week: 3 workouts. Last week: 2 workouts. That's 1 workout more — nice work!"
pub(super) fn compare(c: &Ctx, r: &StatsResult) -> String {
    let Some(before) = r.previous_workouts else {
        return totals(c, r);
    };
    let template = match r.period {
        Period::Month => c.p.compare_month,
        Period::Year => c.p.compare_year,
        _ => c.p.compare_week,
    };
    let counts = fill(
        template,
        &[
            ("now", &c.t.workouts.count(r.workouts)),
            ("before", &c.t.workouts.count(before)),
        ],
    );
    let verdict = match r.workouts.cmp(&before) {
        std::cmp::Ordering::Greater => fill(
            c.p.compare_more,
            &[("diff", &c.t.workouts.count(r.workouts - before))],
        ),
        std::cmp::Ordering::Less => fill(
            c.p.compare_fewer,
            &[("diff", &c.t.workouts.count(before - r.workouts))],
        ),
        std::cmp::Ordering::Equal => c.p.compare_same.to_owned(),
    };
    format!("{counts} {verdict}")
}

/// Not understood: say so, and offer three things this user can do with what they have.
pub(super) fn offers(c: &Ctx, r: &StatsResult) -> String {
    let mut offers: Vec<String> = Vec::new();
    let favourite = r
        .most_trained
        .first()
        .map(|e| e.exercise.clone())
        .or_else(|| r.favourite_exercise.clone());
    if let Some(names) = &favourite {
        let name = c.name(names);
        offers.push(fill(
            c.p.offer_records,
            &[("name", name), ("in_name", &c.in_name(name))],
        ));
    }
    if r.workouts > 0 {
        offers.push(c.p.offer_compare.to_owned());
    }
    offers.push(
        if r.active_goals > 0 {
            c.p.offer_goals
        } else {
            c.p.offer_set_goal
        }
        .to_owned(),
    );
    offers.push(
        if r.pending_plan_items > 0 {
            c.p.offer_plan
        } else {
            c.p.offer_add_plan
        }
        .to_owned(),
    );
    if r.workouts == 0 {
        offers.insert(0, c.p.offer_log.to_owned());
        offers.push(c.p.offer_import.to_owned());
    }
    offers.push(c.p.offer_streak.to_owned());
    offers.truncate(3);
    format!("{}\n{}", c.p.unknown_intro, offers.join("\n"))
}
