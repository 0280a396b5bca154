//! The demo account's history (`spotter demo`): about six months of an intermediate lifter's
//! training, generated deterministically from a seed, so that every page and chart has
//! something real-looking to show. Pure: dates and times are the user's local calendar;
//! `server::demo` turns them into UTC and stores them.
//!
//! The program: three strength sessions a week (Sunday, Tuesday and Thursday evenings) rotating
//! Upper A → Lower A → Upper B → Lower B around the six main lifts (squat, bench press, deadlift,
//! overhead press, barbell row, pull-up) plus accessories. Main lifts get warm-up sets, an RPE on
//! the last working set, and loads that rise linearly at first and slow down over the months
//! (with a little day-to-day noise, rounded to the plates). Every seventh training week is a
//! deload; one week is missed for a vacation and one for an illness, and the week after each is
//! lighter. Around the lifting: a Friday morning run (easy, tempo or long, paces improving), now
//! and then a Saturday ride or row, a rowing finisher, and a few mobility sessions.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Weekday};

use crate::domain::due_date::Due;
use crate::domain::goals::{GoalType, Timeframe};
use crate::domain::plan::Priority;
use crate::domain::training::{SetType, WorkoutKind};
use crate::domain::workout::ValidSet;

/// The seed used when none is given: the same demo account everywhere.
pub const DEFAULT_SEED: u64 = 20_240_617;
/// Calendar weeks of history (the last one is the current, partial week).
pub const DEFAULT_WEEKS: u32 = 26;
pub const MIN_WEEKS: u32 = 1;
pub const MAX_WEEKS: u32 = 104;

/// Titles of the demo conversations (their messages come with the chat).
pub const CONVERSATION_TITLES: [&str; 2] = [
    "How is my bench press progressing?",
    "Getting ready for a 10K",
];

/// SplitMix64: a tiny, fast, well-mixed deterministic generator (not for secrets).
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform integer in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + (self.next_u64() % u64::from(hi - lo + 1)) as u32
    }

    pub fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    /// Roughly normal with mean 0 and standard deviation `sd`, bounded by ±3.5 `sd`
    /// (Irwin–Hall with four terms).
    pub fn noise(&mut self, sd: f64) -> f64 {
        let sum: f64 = (0..4).map(|_| self.unit()).sum();
        (sum - 2.0) * 3f64.sqrt() * sd
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next_u64() % items.len() as u64) as usize]
    }
}

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

/// What a week of the program was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeekKind {
    Normal,
    Deload,
    /// The first week back after a missed one: lighter.
    Comeback,
    Vacation,
    Illness,
}

impl WeekKind {
    pub fn is_missed(self) -> bool {
        matches!(self, WeekKind::Vacation | WeekKind::Illness)
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

/// A barbell lift with progression.
struct Lift {
    slug: &'static str,
    /// Working weight at the start, kg.
    base: f64,
    /// Initial gain per training week, kg (slows over time).
    rate: f64,
    reps: u32,
    sets: u32,
    /// First warm-up weight (the empty bar, or plates for the deadlift).
    first_warmup: f64,
}

const SQUAT: Lift = Lift {
    slug: "back-squat",
    base: 100.0,
    rate: 1.25,
    reps: 5,
    sets: 3,
    first_warmup: 20.0,
};
const BENCH: Lift = Lift {
    slug: "bench-press",
    base: 80.0,
    rate: 0.75,
    reps: 5,
    sets: 3,
    first_warmup: 20.0,
};
const DEADLIFT: Lift = Lift {
    slug: "deadlift",
    base: 130.0,
    rate: 1.5,
    reps: 5,
    sets: 1,
    first_warmup: 60.0,
};
const OVERHEAD_PRESS: Lift = Lift {
    slug: "overhead-press",
    base: 47.5,
    rate: 0.4,
    reps: 5,
    sets: 3,
    first_warmup: 20.0,
};
const ROW: Lift = Lift {
    slug: "bent-over-row",
    base: 65.0,
    rate: 0.6,
    reps: 8,
    sets: 3,
    first_warmup: 40.0,
};

/// The main lifts whose top sets progress (pull-ups progress in reps).
pub const MAIN_LIFTS: [&str; 5] = [
    SQUAT.slug,
    BENCH.slug,
    DEADLIFT.slug,
    OVERHEAD_PRESS.slug,
    ROW.slug,
];

/// An accessory: fixed reps, a load that steps up every few training weeks. `start` 0 means
/// bodyweight (reps only); `seconds` > 0 means a timed hold.
struct Accessory {
    slug: &'static str,
    start: f64,
    step: f64,
    every: f64,
    reps: u32,
    sets: u32,
    seconds: u32,
}

const fn acc(slug: &'static str, start: f64, step: f64, every: f64, reps: u32) -> Accessory {
    Accessory {
        slug,
        start,
        step,
        every,
        reps,
        sets: 3,
        seconds: 0,
    }
}

const fn hold(slug: &'static str, seconds: u32, sets: u32) -> Accessory {
    Accessory {
        slug,
        start: 0.0,
        step: 5.0,
        every: 2.0,
        reps: 0,
        sets,
        seconds,
    }
}

struct Template {
    name: &'static str,
    main: &'static [&'static Lift],
    pull_ups: bool,
    accessories: &'static [Accessory],
}

const TEMPLATES: [Template; 4] = [
    Template {
        name: "Upper A",
        main: &[&BENCH, &ROW],
        pull_ups: false,
        accessories: &[
            acc("incline-dumbbell-press", 24.0, 2.0, 6.0, 10),
            acc("triceps-pushdown", 25.0, 2.5, 5.0, 12),
            acc("dumbbell-curl", 12.0, 2.0, 8.0, 10),
        ],
    },
    Template {
        name: "Lower A",
        main: &[&SQUAT],
        pull_ups: false,
        accessories: &[
            acc("romanian-deadlift", 80.0, 5.0, 5.0, 8),
            acc("leg-press", 140.0, 10.0, 5.0, 10),
            acc("standing-calf-raise", 60.0, 5.0, 6.0, 12),
            hold("plank", 45, 2),
        ],
    },
    Template {
        name: "Upper B",
        main: &[&OVERHEAD_PRESS],
        pull_ups: true,
        accessories: &[
            acc("dip", 0.0, 0.0, 1.0, 10),
            acc("seated-cable-row", 55.0, 5.0, 6.0, 10),
            acc("lateral-raise", 8.0, 2.0, 9.0, 15),
            acc("face-pull", 20.0, 2.5, 6.0, 15),
        ],
    },
    Template {
        name: "Lower B",
        main: &[&DEADLIFT],
        pull_ups: false,
        accessories: &[
            acc("bulgarian-split-squat", 16.0, 2.0, 6.0, 8),
            acc("lying-leg-curl", 35.0, 5.0, 6.0, 12),
            acc("hanging-leg-raise", 0.0, 0.0, 1.0, 10),
            hold("side-plank", 30, 2),
        ],
    },
];

/// How the progression slows: gains follow `rate · τ · (1 − e^(−t/τ))` over training weeks `t`.
const TAU_WEEKS: f64 = 52.0;

fn round_to(x: f64, step: f64) -> f64 {
    (x / step).round() * step
}

fn monday_of(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// Which weeks were missed (vacation, illness): never the first week or the last three.
fn missed_weeks(weeks: u32, rng: &mut SplitMix64) -> Vec<(u32, WeekKind)> {
    let span = |lo: f64, hi: f64, rng: &mut SplitMix64| {
        let lo = ((f64::from(weeks) * lo) as u32).max(1);
        let hi = ((f64::from(weeks) * hi) as u32).clamp(lo, weeks.saturating_sub(4).max(lo));
        rng.range(lo, hi)
    };
    if weeks >= 12 {
        let vacation = span(0.30, 0.45, rng);
        let illness = span(0.60, 0.80, rng).max(vacation + 2);
        vec![(vacation, WeekKind::Vacation), (illness, WeekKind::Illness)]
    } else if weeks >= 6 {
        vec![(span(0.35, 0.5, rng), WeekKind::Vacation)]
    } else {
        Vec::new()
    }
}

/// The week plan: missed weeks, a deload after six training weeks, a comeback after a miss.
fn plan_weeks(first: NaiveDate, weeks: u32, rng: &mut SplitMix64) -> Vec<(NaiveDate, WeekKind)> {
    let missed = missed_weeks(weeks, rng);
    let mut out = Vec::with_capacity(weeks as usize);
    let mut since_break = 0;
    let mut after_miss = false;
    for w in 0..weeks {
        let monday = first + Duration::weeks(i64::from(w));
        let kind = if let Some((_, kind)) = missed.iter().find(|(m, _)| *m == w) {
            after_miss = true;
            since_break = 0;
            *kind
        } else if after_miss {
            after_miss = false;
            since_break = 1;
            WeekKind::Comeback
        } else if since_break == 6 {
            since_break = 0;
            WeekKind::Deload
        } else {
            since_break += 1;
            WeekKind::Normal
        };
        out.push((monday, kind));
    }
    out
}

/// Collects the sets of one workout, numbering each exercise's sets.
#[derive(Default)]
struct Sets(Vec<DemoSet>);

impl Sets {
    fn push(&mut self, exercise: &'static str, set: ValidSet) {
        let set_index = self.0.iter().filter(|s| s.exercise == exercise).count() as u32;
        self.0.push(DemoSet {
            exercise,
            set_index,
            set,
        });
    }

    fn add(
        &mut self,
        exercise: &'static str,
        set_type: SetType,
        reps: Option<u32>,
        weight_kg: Option<f64>,
        distance_m: Option<f64>,
        duration_s: Option<u32>,
    ) {
        self.push(
            exercise,
            ValidSet {
                set_type,
                reps,
                weight_kg,
                distance_m,
                duration_s,
                rpe: None,
                notes: None,
            },
        );
    }

    fn lift(&mut self, exercise: &'static str, set_type: SetType, reps: u32, kg: f64) {
        self.add(exercise, set_type, Some(reps), Some(kg), None, None);
    }

    fn reps(&mut self, exercise: &'static str, set_type: SetType, reps: u32) {
        self.add(exercise, set_type, Some(reps), None, None, None);
    }

    fn timed(&mut self, exercise: &'static str, seconds: u32) {
        self.add(exercise, SetType::Normal, None, None, None, Some(seconds));
    }

    fn distance(&mut self, exercise: &'static str, metres: f64, seconds: u32) {
        self.add(
            exercise,
            SetType::Normal,
            None,
            None,
            Some(metres),
            Some(seconds),
        );
    }

    fn last_rpe(&mut self, rpe: f64) {
        if let Some(last) = self.0.last_mut() {
            last.set.rpe = Some(round_to(rpe, 0.5).clamp(6.0, 10.0));
        }
    }
}

/// Where the lifter stands in a given week.
#[derive(Clone, Copy)]
struct Week {
    kind: WeekKind,
    /// Training weeks banked so far (a deload or comeback counts half, a missed week costs one).
    trained: f64,
    /// 0 at the start of a block, up to 5 just before a deload.
    block_position: u32,
    /// 0 at the start, 1 at the end of the history.
    fitness: f64,
}

impl Week {
    fn load_factor(self) -> f64 {
        match self.kind {
            WeekKind::Deload => 0.85,
            WeekKind::Comeback => 0.92,
            _ => 1.0,
        }
    }
}

fn working_weight(lift: &Lift, week: Week) -> f64 {
    lift.base + lift.rate * TAU_WEEKS * (1.0 - (-week.trained / TAU_WEEKS).exp())
}

fn strength_session(
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
            working_weight(lift, week) * week.load_factor() * (1.0 + readiness + rng.noise(0.005)),
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
fn run(week_index: u32, fitness: f64, rng: &mut SplitMix64) -> (String, Vec<DemoSet>) {
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

fn weekend_cardio(rng: &mut SplitMix64) -> (String, Vec<DemoSet>) {
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

fn mobility(rng: &mut SplitMix64) -> Vec<DemoSet> {
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

/// A local start time: `hour:minute` plus up to `steps` five-minute steps.
fn at(day: NaiveDate, hour: u32, minute: u32, steps: u32, rng: &mut SplitMix64) -> NaiveDateTime {
    let start = NaiveTime::from_hms_opt(hour, minute, 0).unwrap_or_default();
    day.and_time(start) + Duration::minutes(i64::from(5 * rng.range(0, steps)))
}

fn workout(
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
    let cardio = sets
        .iter()
        .filter(|s| s.set.distance_m.is_some() && s.set.weight_kg.is_none())
        .count();
    if flexibility {
        WorkoutKind::Flexibility
    } else if cardio == sets.len() {
        WorkoutKind::Cardio
    } else if cardio > 0 {
        WorkoutKind::Mixed
    } else {
        WorkoutKind::Strength
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

/// A goal of the demo account.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoGoal {
    pub goal_type: GoalType,
    /// A catalog slug.
    pub exercise: Option<&'static str>,
    /// In the goal type's canonical unit.
    pub target: f64,
    pub timeframe: Timeframe,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
}

/// Four goals: three workouts a week, a bench press target about six weeks ahead (a little
/// above the best so far), 30 km of running a month, and a squat target already reached.
pub fn goals(history: &DemoHistory) -> Vec<DemoGoal> {
    let today = history.today;
    let bench = history
        .heaviest(BENCH.slug, history.first_day)
        .unwrap_or(BENCH.base);
    let recent_squat = history
        .heaviest(SQUAT.slug, today - Duration::weeks(10))
        .unwrap_or(SQUAT.base);
    vec![
        DemoGoal {
            goal_type: GoalType::Workouts,
            exercise: None,
            target: 3.0,
            timeframe: Timeframe::Weekly,
            start_date: history.first_day,
            end_date: None,
        },
        DemoGoal {
            goal_type: GoalType::Weight,
            exercise: Some(BENCH.slug),
            target: ((bench / 5.0).floor() + 1.0) * 5.0,
            timeframe: Timeframe::ByDate,
            start_date: today - Duration::weeks(4),
            end_date: Some(today + Duration::weeks(6)),
        },
        DemoGoal {
            goal_type: GoalType::Distance,
            exercise: Some("running"),
            target: 30_000.0,
            timeframe: Timeframe::Monthly,
            start_date: history.first_day,
            end_date: None,
        },
        DemoGoal {
            goal_type: GoalType::Weight,
            exercise: Some(SQUAT.slug),
            target: (recent_squat / 5.0).floor() * 5.0,
            timeframe: Timeframe::ByDate,
            start_date: today - Duration::weeks(10),
            end_date: Some(today + Duration::weeks(2)),
        },
    ]
}

/// A plan item of the demo account.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoPlanItem {
    pub title: &'static str,
    pub description: Option<&'static str>,
    pub due: Option<Due>,
    pub priority: Priority,
    pub done: bool,
    pub ai_generated: bool,
}

/// Five plan items around `today`: two done, three to do (one suggested by the coach).
pub fn plan_items(today: NaiveDate) -> Vec<DemoPlanItem> {
    let day = |days: i64| Due {
        date: today + Duration::days(days),
        time: None,
    };
    let days_to_next_friday = 1 + (7 + 3 - i64::from(today.weekday().num_days_from_monday())) % 7;
    vec![
        DemoPlanItem {
            title: "Swap Friday's easy run for intervals: 6 × 400 m",
            description: Some(
                "For the 10K: 6 × 400 m at about 4:30 per km with 90 s of walking between, \
                 and keep the long run every other week.",
            ),
            due: Some(day(days_to_next_friday)),
            priority: Priority::Medium,
            done: false,
            ai_generated: true,
        },
        DemoPlanItem {
            title: "Test bench press max",
            description: Some("Warm up well; singles up to a hard RPE 9, with a spotter."),
            due: Some(Due {
                date: today + Duration::weeks(6),
                time: NaiveTime::from_hms_opt(18, 30, 0),
            }),
            priority: Priority::High,
            done: false,
            ai_generated: false,
        },
        DemoPlanItem {
            title: "Buy new running shoes",
            description: Some("The current pair has about 700 km on it."),
            due: Some(day(10)),
            priority: Priority::Low,
            done: false,
            ai_generated: false,
        },
        DemoPlanItem {
            title: "Sign up for a 10K race",
            description: None,
            due: Some(day(-20)),
            priority: Priority::Medium,
            done: true,
            ai_generated: false,
        },
        DemoPlanItem {
            title: "Film a set of squats from the side for a form check",
            description: None,
            due: Some(day(-5)),
            priority: Priority::Medium,
            done: true,
            ai_generated: false,
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::catalog;

    fn now() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 18)
            .unwrap()
            .and_hms_opt(21, 0, 0)
            .unwrap()
    }

    fn default_history() -> DemoHistory {
        generate(now(), DEFAULT_WEEKS, DEFAULT_SEED)
    }

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
    fn the_generator_is_deterministic_for_a_seed() {
        assert_eq!(default_history(), default_history());
        let other = generate(now(), DEFAULT_WEEKS, DEFAULT_SEED + 1);
        assert_ne!(default_history().workouts, other.workouts);
        let mut a = SplitMix64::new(1);
        let mut b = SplitMix64::new(1);
        assert_eq!(
            (0..10).map(|_| a.next_u64()).collect::<Vec<_>>(),
            (0..10).map(|_| b.next_u64()).collect::<Vec<_>>()
        );
        // The reference SplitMix64 output for seed 0.
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
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
    fn missed_weeks_have_no_workouts_and_deloads_exist() {
        let h = default_history();
        let missed: Vec<NaiveDate> = h
            .weeks
            .iter()
            .filter(|(_, k)| k.is_missed())
            .map(|(m, _)| *m)
            .collect();
        assert_eq!(missed.len(), 2, "{:?}", h.weeks);
        for monday in &missed {
            let sunday = *monday + Duration::days(6);
            assert!(
                !h.workouts
                    .iter()
                    .any(|w| w.date() >= *monday && w.date() <= sunday),
                "week of {monday} is missed"
            );
        }
        assert!(h.weeks.iter().any(|(_, k)| *k == WeekKind::Deload));
        assert!(h.weeks.iter().any(|(_, k)| *k == WeekKind::Comeback));
        // Every week that is not missed has training in it (the current one may have just begun).
        for (monday, kind) in &h.weeks[..h.weeks.len() - 1] {
            let sunday = *monday + Duration::days(6);
            let count = h
                .workouts
                .iter()
                .filter(|w| w.date() >= *monday && w.date() <= sunday)
                .count();
            assert_eq!(count == 0, kind.is_missed(), "week of {monday}: {count}");
        }
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

    #[test]
    fn goals_and_plan_items_are_relative_to_today() {
        let h = default_history();
        let g = goals(&h);
        assert_eq!(g.len(), 4);
        let bench = &g[1];
        let best = h.heaviest("bench-press", h.first_day).unwrap();
        assert!(
            bench.target > best && bench.target <= best + 5.0,
            "{bench:?} vs {best}"
        );
        assert_eq!(bench.end_date, Some(h.today + Duration::weeks(6)));
        let squat = &g[3];
        assert!(h.heaviest("back-squat", squat.start_date).unwrap() >= squat.target);
        for goal in &g {
            if let Some(slug) = goal.exercise {
                assert!(catalog().get(slug).is_some(), "{slug}");
            }
        }
        let items = plan_items(h.today);
        assert_eq!(items.len(), 5);
        assert_eq!(items.iter().filter(|i| i.done).count(), 2);
        assert_eq!(items.iter().filter(|i| i.ai_generated).count(), 1);
        for i in &items {
            let due = i.due.unwrap().date;
            assert_eq!(i.done, due < h.today, "{i:?}");
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
