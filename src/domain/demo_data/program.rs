//! The demo lifter's program as tables: the five barbell lifts with their starting loads and
//! progression, the accessories, and the four rotating sessions (Upper A → Lower A → Upper B →
//! Lower B). Numbers only; the session builders turn them into sets.

/// A barbell lift with progression.
pub(super) struct Lift {
    pub slug: &'static str,
    /// Working weight at the start, kg.
    pub base: f64,
    /// Initial gain per training week, kg (slows over time).
    pub rate: f64,
    pub reps: u32,
    pub sets: u32,
    /// First warm-up weight (the empty bar, or plates for the deadlift).
    pub first_warmup: f64,
}

/// How the progression slows: gains follow `rate · τ · (1 − e^(−t/τ))` over training weeks `t`.
const TAU_WEEKS: f64 = 52.0;

impl Lift {
    /// The working weight after `trained` training weeks, before the week's load factor.
    pub fn working_weight(&self, trained: f64) -> f64 {
        self.base + self.rate * TAU_WEEKS * (1.0 - (-trained / TAU_WEEKS).exp())
    }
}

pub(super) const SQUAT: Lift = Lift {
    slug: "back-squat",
    base: 100.0,
    rate: 1.25,
    reps: 5,
    sets: 3,
    first_warmup: 20.0,
};
pub(super) const BENCH: Lift = Lift {
    slug: "bench-press",
    base: 80.0,
    rate: 0.75,
    reps: 5,
    sets: 3,
    first_warmup: 20.0,
};
pub(super) const DEADLIFT: Lift = Lift {
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
pub(super) const ROW: Lift = Lift {
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
pub(super) struct Accessory {
    pub slug: &'static str,
    pub start: f64,
    pub step: f64,
    pub every: f64,
    pub reps: u32,
    pub sets: u32,
    pub seconds: u32,
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

/// One of the rotating strength sessions.
pub(super) struct Template {
    pub name: &'static str,
    pub main: &'static [&'static Lift],
    pub pull_ups: bool,
    pub accessories: &'static [Accessory],
}

pub(super) const TEMPLATES: [Template; 4] = [
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
