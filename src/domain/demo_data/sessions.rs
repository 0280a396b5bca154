//! The session builders: one strength session from its template and the week, a Friday run,
//! a weekend ride or row, a mobility session, and the workout around a day's sets (its kind and
//! duration). Warm-ups, RPEs, heavy singles and notes are decided here.

use chrono::NaiveDateTime;

use super::calendar::{Week, WeekKind};
use super::history::{DemoSet, DemoWorkout};
use super::program::{DEADLIFT, ROW, Template};
use super::random::SplitMix64;
use super::sets::{Sets, round_to};
use crate::domain::training::{SetType, WorkoutKind};
use crate::domain::workout::workout_kind;

pub(super) fn strength_session(
    template: &Template,
    week: Week,
    rng: &mut SplitMix64,
) -> (Vec<DemoSet>, Option<String>) {
    let mut sets = Sets::default();
    let readiness = rng.noise(0.012);
    let deload = week.kind == WeekKind::Deload;
    let mut note = None;
    for lift in template.main {
        let work = round_to(
            lift.working_weight(week.trained)
                * week.load_factor()
                * (1.0 + readiness + rng.noise(0.005)),
            2.5,
        );
        // Warm-ups: the bar (or plates), then about 50 %, 70 % and 85 % of the working weight.
        let mut last = lift.first_warmup;
        sets.lift(
            lift.slug,
            SetType::Warmup,
            if lift.first_warmup <= 20.0 { 10 } else { 5 },
            lift.first_warmup,
        );
        for (share, reps) in [(0.5, 5), (0.7, 3), (0.85, 2)] {
            let kg = round_to(work * share, 2.5);
            if kg >= last + 10.0 && kg < work - 5.0 && (share < 0.8 || work >= 80.0) {
                sets.lift(lift.slug, SetType::Warmup, reps, kg);
                last = kg;
            }
        }
        let working_sets = if deload { 2 } else { lift.sets };
        for i in 0..working_sets {
            let last_set = i + 1 == working_sets;
            let missed_rep = last_set && !deload && rng.chance(0.05);
            sets.lift(
                lift.slug,
                SetType::Normal,
                if missed_rep { lift.reps - 1 } else { lift.reps },
                work,
            );
            if last_set {
                let rpe = if deload {
                    6.0
                } else if missed_rep {
                    10.0
                } else {
                    7.0 + 0.4 * f64::from(week.block_position) + rng.noise(0.3)
                };
                sets.last_rpe(rpe);
            }
        }
        // The deadlift: back-off sets at 90 %.
        if lift.slug == DEADLIFT.slug && !deload {
            for _ in 0..2 {
                sets.lift(
                    lift.slug,
                    SetType::Normal,
                    lift.reps,
                    round_to(work * 0.9, 2.5),
                );
            }
        }
        // Late in a block, now and then a heavy single (not on the row): a new weight PR.
        if week.block_position >= 4 && lift.slug != ROW.slug && rng.chance(0.6) {
            sets.lift(
                lift.slug,
                SetType::Normal,
                1,
                round_to(work * rng.uniform(1.08, 1.12), 2.5),
            );
            sets.last_rpe(9.0 + rng.uniform(0.0, 1.0));
            note = Some(format!("Heavy single on {}.", lift.slug.replace('-', " ")));
        }
    }
    if template.pull_ups {
        let reps = (6.0 + week.trained / 4.0).min(12.0) as u32;
        let n = if deload { 2 } else { 3 };
        for i in 0..n {
            let last = i + 1 == n;
            if last && !deload && rng.chance(0.3) {
                sets.reps("pull-up", SetType::Failure, reps.saturating_sub(1).max(3));
            } else {
                sets.reps(
                    "pull-up",
                    SetType::Normal,
                    if last { reps - 1 } else { reps },
                );
            }
        }
    }
    for a in template.accessories {
        let n = if deload { 2 } else { a.sets };
        for _ in 0..n {
            if a.seconds > 0 {
                let secs = a.seconds + 5 * (week.trained / a.every) as u32;
                sets.timed(a.slug, secs.min(a.seconds * 2));
            } else if a.start <= 0.0 {
                sets.reps(a.slug, SetType::Normal, a.reps + rng.range(0, 3));
            } else {
                let kg = a.start + a.step * (week.trained / a.every).floor();
                let kg = round_to(kg * week.load_factor(), a.step.min(2.5));
                sets.lift(a.slug, SetType::Normal, a.reps, kg);
            }
        }
    }
    let note = note.or_else(|| match week.kind {
        WeekKind::Deload => Some("Deload week: two sets, lighter.".to_owned()),
        WeekKind::Comeback => Some("First week back after a week off: kept it lighter.".to_owned()),
        _ => rng
            .chance(0.12)
            .then(|| {
                rng.pick(&[
                    "Felt strong today.",
                    "Slept badly, kept the accessories short.",
                    "Gym was packed, supersetted the accessories.",
                    "Lower back a bit tight, extra warm-up.",
                    "Great pump. Music was loud.",
                ])
            })
            .map(|s| (*s).to_owned()),
    });
    (sets.0, note)
}

/// A run as of `fitness` (0 → 1): paces improve by about half a minute per km.
pub(super) fn run(week_index: u32, fitness: f64, rng: &mut SplitMix64) -> (String, Vec<DemoSet>) {
    let (name, km, pace_min) = match (week_index % 2, rng.range(0, 9)) {
        (0, _) => (
            "Long run",
            8.0 + 2.0 * fitness + rng.uniform(-0.4, 0.0),
            6.25 - 0.4 * fitness,
        ),
        (_, 0..=1) => ("Recovery run", rng.uniform(3.0, 4.0), 6.3 - 0.3 * fitness),
        (_, 2..=4) => (
            "Tempo run",
            5.0 + rng.uniform(0.0, 0.2),
            5.25 - 0.4 * fitness,
        ),
        _ => ("Easy run", rng.uniform(5.0, 7.0), 6.0 - 0.45 * fitness),
    };
    let km = (km * 100.0).round() / 100.0;
    let pace_s = (pace_min * 60.0 + rng.noise(6.0)).max(240.0);
    let mut sets = Sets::default();
    sets.distance("running", km * 1000.0, (km * pace_s).round() as u32);
    (name.to_owned(), sets.0)
}

pub(super) fn weekend_cardio(rng: &mut SplitMix64) -> (String, Vec<DemoSet>) {
    let mut sets = Sets::default();
    if rng.chance(0.6) {
        let km = f64::from(rng.range(25, 45));
        let kmh = rng.uniform(24.0, 28.0);
        sets.distance("cycling", km * 1000.0, (km / kmh * 3600.0).round() as u32);
        ("Bike ride".to_owned(), sets.0)
    } else if rng.chance(0.5) {
        // 2:10–2:20 per 500 m.
        let split = rng.uniform(130.0, 140.0);
        sets.distance("rowing-machine", 5000.0, (10.0 * split).round() as u32);
        ("Rowing 5K".to_owned(), sets.0)
    } else {
        for _ in 0..4 {
            let split = rng.uniform(118.0, 124.0);
            sets.distance("rowing-machine", 1000.0, (2.0 * split).round() as u32);
        }
        ("Rowing intervals 4×1000 m".to_owned(), sets.0)
    }
}

pub(super) fn mobility(rng: &mut SplitMix64) -> Vec<DemoSet> {
    let mut sets = Sets::default();
    sets.timed("foam-rolling", 60 * rng.range(8, 12));
    sets.timed("yoga", 60 * rng.range(15, 25));
    for _ in 0..2 {
        sets.timed("hip-90-90", 60);
    }
    sets.timed("worlds-greatest-stretch", 90);
    for _ in 0..3 {
        sets.timed("plank", 5 * rng.range(10, 18));
    }
    sets.0
}

pub(super) fn workout(
    start: NaiveDateTime,
    name: String,
    sets: Vec<DemoSet>,
    notes: Option<String>,
    flexibility: bool,
) -> DemoWorkout {
    DemoWorkout {
        start,
        number: 1,
        name,
        kind: kind_of(&sets, flexibility),
        duration_s: session_seconds(&sets),
        notes,
        sets,
    }
}

fn session_seconds(sets: &[DemoSet]) -> u32 {
    let work: u32 = sets
        .iter()
        .map(|s| match (s.set.duration_s, s.set.set_type) {
            (Some(d), _) => d + 30,
            (None, SetType::Warmup) => 90,
            (None, _) => 150,
        })
        .sum();
    // Whole minutes, with a few minutes to change and get going.
    (work / 60 + 5) * 60
}

fn kind_of(sets: &[DemoSet], flexibility: bool) -> WorkoutKind {
    if flexibility {
        WorkoutKind::Flexibility
    } else {
        workout_kind(sets.iter().map(|s| &s.set))
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{default_history, now};
    use super::super::{DEFAULT_SEED, DEFAULT_WEEKS, DemoHistory, generate};
    use super::*;
    use crate::domain::catalog::catalog;

    /// The heaviest working set of each session that has the lift, oldest first.
    fn top_sets(h: &DemoHistory, slug: &str) -> Vec<f64> {
        h.workouts
            .iter()
            .filter_map(|w| {
                w.sets
                    .iter()
                    .filter(|s| s.exercise == slug && s.set.set_type != SetType::Warmup)
                    .filter(|s| s.set.reps.unwrap_or(0) >= 3)
                    .filter_map(|s| s.set.weight_kg)
                    .reduce(f64::max)
            })
            .collect()
    }

    fn best(xs: &[f64]) -> f64 {
        xs.iter().copied().fold(0.0, f64::max)
    }

    #[test]
    fn main_lifts_trend_upward_within_realistic_bounds() {
        for seed in [DEFAULT_SEED, 7, 99] {
            let h = generate(now(), DEFAULT_WEEKS, seed);
            for (slug, low, high, min_gain) in [
                ("back-squat", 80.0, 140.0, 8.0),
                ("bench-press", 65.0, 105.0, 5.0),
                ("deadlift", 105.0, 175.0, 10.0),
                ("overhead-press", 37.5, 65.0, 2.5),
                ("bent-over-row", 50.0, 90.0, 4.0),
            ] {
                let tops = top_sets(&h, slug);
                assert!(tops.len() >= 12, "{slug}: {} sessions", tops.len());
                let (early, late) = (best(&tops[..4]), best(&tops[tops.len() - 4..]));
                assert!(
                    late >= early + min_gain,
                    "seed {seed} {slug}: {early:.1} → {late:.1} kg ({tops:?})"
                );
                for t in &tops {
                    assert!((low..=high).contains(t), "{slug}: {t} kg");
                }
            }
            let pull_ups: Vec<u32> = h
                .workouts
                .iter()
                .filter_map(|w| w.sets.iter().find(|s| s.exercise == "pull-up"))
                .filter_map(|s| s.set.reps)
                .collect();
            assert!(pull_ups.last() > pull_ups.first(), "{pull_ups:?}");
        }
    }

    #[test]
    fn sets_are_valid_and_realistic() {
        let h = default_history();
        let mut kinds = std::collections::HashSet::new();
        let mut warmups = 0;
        let mut rpes = 0;
        for w in &h.workouts {
            kinds.insert(w.kind);
            assert!(!w.sets.is_empty());
            assert!((15 * 60..=3 * 3600).contains(&w.duration_s), "{w:?}");
            for s in &w.sets {
                let set = &s.set;
                assert!(
                    catalog().get(s.exercise).is_some(),
                    "{} is not a catalog slug",
                    s.exercise
                );
                if let Some(kg) = set.weight_kg {
                    assert!(kg > 0.0 && kg <= 250.0, "{s:?}");
                    assert_eq!((kg * 2.0).fract(), 0.0, "{s:?}");
                    assert!(set.reps.is_some_and(|r| (1..=20).contains(&r)));
                }
                if let Some(rpe) = set.rpe {
                    assert!((6.0..=10.0).contains(&rpe));
                    rpes += 1;
                }
                if let Some(m) = set.distance_m {
                    let secs = f64::from(set.duration_s.expect("distance has a time"));
                    let pace_per_km = secs / (m / 1000.0);
                    match s.exercise {
                        "running" => {
                            assert!((3000.0..=10_000.0).contains(&m), "{s:?}");
                            assert!((240.0..=420.0).contains(&pace_per_km), "{s:?}");
                        }
                        "cycling" => assert!((100.0..=180.0).contains(&pace_per_km), "{s:?}"),
                        "rowing-machine" => {
                            assert!((220.0..=300.0).contains(&pace_per_km), "{s:?}")
                        }
                        other => panic!("unexpected distance on {other}"),
                    }
                }
                warmups += usize::from(set.set_type == SetType::Warmup);
            }
        }
        assert!(
            warmups > 100 && rpes > 50,
            "{warmups} warm-ups, {rpes} RPEs"
        );
        let singles = h
            .workouts
            .iter()
            .flat_map(|w| &w.sets)
            .filter(|s| s.set.reps == Some(1) && s.set.weight_kg.is_some())
            .count();
        assert!((2..=25).contains(&singles), "{singles} heavy singles");
        for k in [
            WorkoutKind::Strength,
            WorkoutKind::Cardio,
            WorkoutKind::Flexibility,
        ] {
            assert!(kinds.contains(&k), "{kinds:?}");
        }
        for slug in ["cycling", "rowing-machine", "plank", "yoga"] {
            assert!(
                h.workouts
                    .iter()
                    .flat_map(|w| &w.sets)
                    .any(|s| s.exercise == slug),
                "{slug}"
            );
        }
    }
}
