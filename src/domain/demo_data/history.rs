//! What a generated history is (workouts, their sets, the weeks) and [`generate`], which walks
//! the calendar week by week and fills each training day from the session builders.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};

use super::calendar::{Week, WeekKind, at, monday_of, plan_weeks};
use super::program::TEMPLATES;
use super::random::SplitMix64;
use super::sessions::{mobility, run, strength_session, weekend_cardio, workout};
use super::sets::Sets;
use super::{MAX_WEEKS, MIN_WEEKS};
use crate::domain::training::{SetType, WorkoutKind};
use crate::domain::workout::ValidSet;

/// One set of a demo workout, on a catalog exercise.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoSet {
    /// A slug of `domain::catalog::catalog()`.
    pub exercise: &'static str,
    /// Position among the sets of this exercise in the workout (warm-ups included).
    pub set_index: u32,
    pub set: ValidSet,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DemoWorkout {
    /// Local start (the user's wall clock).
    pub start: NaiveDateTime,
    /// 1 for the day's first workout, 2 for its second…
    pub number: u32,
    pub name: String,
    pub kind: WorkoutKind,
    pub duration_s: u32,
    pub notes: Option<String>,
    pub sets: Vec<DemoSet>,
}

impl DemoWorkout {
    pub fn date(&self) -> NaiveDate {
        self.start.date()
    }

    pub fn end(&self) -> NaiveDateTime {
        self.start + Duration::seconds(i64::from(self.duration_s))
    }

    /// `demo:<date>:<n>`: stable for a day, so storing the same history twice adds nothing.
    pub fn source_ref(&self) -> String {
        format!("demo:{}:{}", self.date(), self.number)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct DemoHistory {
    /// Monday of the first week.
    pub first_day: NaiveDate,
    pub today: NaiveDate,
    /// Each week's Monday and what it was, oldest first.
    pub weeks: Vec<(NaiveDate, WeekKind)>,
    /// Oldest first; none starts after `now`.
    pub workouts: Vec<DemoWorkout>,
}

impl DemoHistory {
    /// The heaviest non-warm-up set of an exercise on or after `from`.
    pub fn heaviest(&self, exercise: &str, from: NaiveDate) -> Option<f64> {
        self.workouts
            .iter()
            .filter(|w| w.date() >= from)
            .flat_map(|w| &w.sets)
            .filter(|s| s.exercise == exercise && s.set.set_type != SetType::Warmup)
            .filter_map(|s| s.set.weight_kg)
            .reduce(f64::max)
    }

    pub fn set_count(&self) -> usize {
        self.workouts.iter().map(|w| w.sets.len()).sum()
    }
}

/// Generates the history: `weeks` calendar weeks (Monday to Sunday) ending with the week of
/// `now` (the user's local time); nothing starts after `now`. The same arguments always give
/// the same history.
pub fn generate(now: NaiveDateTime, weeks: u32, seed: u64) -> DemoHistory {
    let weeks = weeks.clamp(MIN_WEEKS, MAX_WEEKS);
    let today = now.date();
    let first_day = monday_of(today) - Duration::weeks(i64::from(weeks - 1));
    let mut rng = SplitMix64::new(seed);
    let plan = plan_weeks(first_day, weeks, &mut rng);

    let mut workouts: Vec<DemoWorkout> = Vec::new();
    let mut trained = 0.0_f64;
    let mut block_position = 0;
    let mut rotation = 0;
    for (w, (monday, kind)) in plan.iter().enumerate() {
        let w = w as u32;
        if kind.is_missed() {
            trained = (trained - 1.0).max(0.0);
            block_position = 0;
            continue;
        }
        let week = Week {
            kind: *kind,
            trained,
            block_position: if *kind == WeekKind::Normal {
                block_position
            } else {
                0
            },
            fitness: f64::from(w) / f64::from(weeks.max(2) - 1),
        };
        for offset in 0..7 {
            let day = *monday + Duration::days(offset);
            match day.weekday() {
                Weekday::Sun | Weekday::Tue | Weekday::Thu => {
                    if rng.chance(0.07) {
                        continue; // a skipped session
                    }
                    let template = &TEMPLATES[rotation % TEMPLATES.len()];
                    rotation += 1;
                    let start = at(day, 18, 0, 18, &mut rng);
                    let (mut sets, notes) = strength_session(template, week, &mut rng);
                    if day.weekday() == Weekday::Thu && rng.chance(0.25) {
                        let mut with_finisher = Sets(sets);
                        let split = rng.uniform(118.0, 128.0);
                        with_finisher.distance(
                            "rowing-machine",
                            2000.0,
                            (4.0 * split).round() as u32,
                        );
                        sets = with_finisher.0;
                    }
                    workouts.push(workout(start, template.name.to_owned(), sets, notes, false));
                }
                Weekday::Fri => {
                    if rng.chance(0.72) {
                        let start = at(day, 6, 0, 12, &mut rng);
                        let (name, sets) = run(w, week.fitness, &mut rng);
                        let notes = rng
                            .chance(0.15)
                            .then(|| {
                                *rng.pick(&[
                                    "Along the beach.",
                                    "Hot and humid.",
                                    "Ran with a friend.",
                                    "Windy!",
                                ])
                            })
                            .map(str::to_owned);
                        workouts.push(workout(start, name, sets, notes, false));
                    }
                }
                Weekday::Sat => {
                    if rng.chance(0.2) {
                        let start = at(day, 7, 30, 12, &mut rng);
                        let (name, sets) = weekend_cardio(&mut rng);
                        workouts.push(workout(start, name, sets, None, false));
                    }
                }
                Weekday::Mon | Weekday::Wed => {
                    if rng.chance(0.06) {
                        let start = at(day, 20, 0, 6, &mut rng);
                        let sets = mobility(&mut rng);
                        workouts.push(workout(start, "Mobility".to_owned(), sets, None, true));
                    }
                }
            }
        }
        if *kind == WeekKind::Normal {
            trained += 1.0;
            block_position += 1;
        } else {
            trained += 0.5;
            block_position = 0;
        }
    }
    workouts.retain(|w| w.start <= now);
    workouts.sort_by_key(|w| w.start);
    for i in 1..workouts.len() {
        if workouts[i].date() == workouts[i - 1].date() {
            workouts[i].number = workouts[i - 1].number + 1;
        }
    }
    DemoHistory {
        first_day,
        today,
        weeks: plan,
        workouts,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{default_history, now};
    use super::super::{DEFAULT_SEED, DEFAULT_WEEKS};
    use super::*;

    #[test]
    fn the_generator_is_deterministic_for_a_seed() {
        assert_eq!(default_history(), default_history());
        let other = generate(now(), DEFAULT_WEEKS, DEFAULT_SEED + 1);
        assert_ne!(default_history().workouts, other.workouts);
    }

    #[test]
    fn about_six_months_ending_today_with_a_sensible_count() {
        for seed in [DEFAULT_SEED, 1, 2, 3, 42, 1234] {
            let h = generate(now(), DEFAULT_WEEKS, seed);
            let first = h.workouts.first().unwrap().date();
            let last = h.workouts.last().unwrap();
            assert!(last.start <= now(), "nothing in the future");
            assert!(
                (now().date() - last.date()).num_days() <= 7,
                "recent: {}",
                last.date()
            );
            let span = (last.date() - first).num_days();
            assert!((165..=182).contains(&span), "seed {seed}: span {span} days");
            let n = h.workouts.len();
            assert!((70..=105).contains(&n), "seed {seed}: {n} workouts");
            assert!(h.workouts.windows(2).all(|p| p[0].start < p[1].start));
            let mut refs: Vec<String> = h.workouts.iter().map(DemoWorkout::source_ref).collect();
            refs.dedup();
            assert_eq!(refs.len(), n, "source refs are unique");
        }
    }

    #[test]
    fn short_histories_work_too() {
        for weeks in [1, 2, 5, 8] {
            let h = generate(now(), weeks, 5);
            assert_eq!(h.weeks.len(), weeks as usize);
            assert!(
                h.workouts
                    .iter()
                    .all(|w| w.date() >= h.first_day && w.start <= now())
            );
        }
        assert_eq!(generate(now(), 0, 5).weeks.len(), 1, "clamped");
    }
}
