//! What a lifter can put on the bar or pick up: a bar and pairs of plates, dumbbells in steps,
//! a machine's stack in steps, all in the user's unit (kg or lb). The next session's weight is
//! always one of these, never a number no gym can load (82.3 kg).

use serde::{Deserialize, Serialize};

use crate::domain::account::Units;
use crate::domain::catalog::{CatalogExercise, Equipment, Muscle};

/// The user's bar, plates and steps, in their unit. Kept in the user's preferences; the
/// defaults are a commercial gym's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Loading {
    /// The barbell's own weight.
    pub bar: f64,
    /// Plate sizes, any number of each; they go on in pairs.
    pub plates: Vec<f64>,
    /// The difference between two neighbouring dumbbells.
    pub dumbbell_step: f64,
    /// The difference between two neighbouring pins of a machine's or a cable's stack.
    pub machine_step: f64,
}

impl Loading {
    /// A gym in this unit: 20 kg bar, plates 25 down to 1.25 kg, dumbbells every 2.5 kg, stacks
    /// every 5 kg; or 45 lb bar, plates 45 down to 2.5 lb, dumbbells every 5 lb, stacks every
    /// 10 lb.
    pub fn default_for(units: Units) -> Loading {
        match units {
            Units::Metric => Loading {
                bar: 20.0,
                plates: vec![25.0, 20.0, 15.0, 10.0, 5.0, 2.5, 1.25],
                dumbbell_step: 2.5,
                machine_step: 5.0,
            },
            Units::Imperial => Loading {
                bar: 45.0,
                plates: vec![45.0, 35.0, 25.0, 10.0, 5.0, 2.5],
                dumbbell_step: 5.0,
                machine_step: 10.0,
            },
        }
    }

    /// The loadable weight nearest to `target` for this equipment (a tie goes to the lighter
    /// one), and never below the empty bar on a barbell.
    pub fn round(&self, equipment: Equipment, target: f64) -> f64 {
        match Implement::of(equipment) {
            Implement::Barbell => self.barbell(target),
            Implement::PlateLoaded => nearest_multiple(target, 2.0 * self.smallest_plate()),
            Implement::Dumbbell => nearest_multiple(target, self.dumbbell_step),
            Implement::Stack => nearest_multiple(target, self.machine_step),
            Implement::Kettlebell | Implement::Body => {
                nearest_multiple(target, 2.0 * self.smallest_plate())
            }
        }
    }

    fn smallest_plate(&self) -> f64 {
        self.plates
            .iter()
            .copied()
            .filter(|p| *p > 0.0)
            .fold(f64::INFINITY, f64::min)
            .min(1000.0)
    }

    /// The bar plus pairs of plates nearest to `target`.
    fn barbell(&self, target: f64) -> f64 {
        // Per side, in hundredths: which amounts the plates make (any number of each).
        let per_side = ((target - self.bar) / 2.0).max(0.0);
        let plates: Vec<usize> = self
            .plates
            .iter()
            .map(|p| hundredths(*p))
            .filter(|p| *p > 0)
            .collect();
        let largest = plates.iter().copied().max().unwrap_or(0);
        let limit = hundredths(per_side) + largest;
        let mut made = vec![false; limit + 1];
        made[0] = true;
        for amount in 1..=limit {
            made[amount] = plates.iter().any(|p| *p <= amount && made[amount - p]);
        }
        let wanted = per_side * 100.0;
        let best = (0..=limit)
            .filter(|a| made[*a])
            .min_by(|a, b| {
                let da = (*a as f64 - wanted).abs();
                let db = (*b as f64 - wanted).abs();
                da.total_cmp(&db).then(a.cmp(b))
            })
            .unwrap_or(0);
        self.bar + 2.0 * best as f64 / 100.0
    }
}

fn hundredths(x: f64) -> usize {
    (x * 100.0).round().max(0.0) as usize
}

/// `target` to the nearest multiple of `step` (a tie goes down), at least one step.
fn nearest_multiple(target: f64, step: f64) -> f64 {
    if step <= 0.0 || !step.is_finite() {
        return target;
    }
    let below = (target / step + 1e-9).floor() * step;
    let above = below + step;
    let rounded = if target - below <= above - target + 1e-9 {
        below
    } else {
        above
    };
    // Whole hundredths: 3 × 2.5 is 7.5, not 7.500000000001.
    (rounded.max(step) * 100.0).round() / 100.0
}

/// How an exercise's weight goes up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Implement {
    /// The user's barbell with plates.
    Barbell,
    /// Another bar that takes plates (trap bar, EZ bar, Smith machine): its own weight unknown,
    /// so steps of a pair of the smallest plates.
    PlateLoaded,
    Dumbbell,
    /// A machine's or cable's stack.
    Stack,
    Kettlebell,
    /// Body weight, with a belt or vest when there is a load.
    Body,
}

impl Implement {
    pub fn of(equipment: Equipment) -> Implement {
        match equipment {
            Equipment::Barbell => Implement::Barbell,
            Equipment::TrapBar | Equipment::EzBar | Equipment::SmithMachine => {
                Implement::PlateLoaded
            }
            Equipment::Dumbbell => Implement::Dumbbell,
            Equipment::Machine | Equipment::Cable => Implement::Stack,
            Equipment::Kettlebell => Implement::Kettlebell,
            Equipment::Bodyweight
            | Equipment::Band
            | Equipment::CardioMachine
            | Equipment::None
            | Equipment::Other => Implement::Body,
        }
    }

    /// Loaded with plates on a bar (the double-progression defaults treat these as barbell
    /// lifts).
    pub fn is_bar(self) -> bool {
        matches!(self, Implement::Barbell | Implement::PlateLoaded)
    }
}

/// Muscles of the legs and hips: a lift that works one of them first is a lower-body lift.
const LOWER_BODY: [Muscle; 7] = [
    Muscle::Quads,
    Muscle::Glutes,
    Muscle::Hamstrings,
    Muscle::Calves,
    Muscle::Adductors,
    Muscle::Abductors,
    Muscle::HipFlexors,
];

/// A lower-body lift: one of its main muscles is a leg or hip muscle (a squat, a deadlift, a
/// hip thrust; not a bench press).
pub fn is_lower_body(exercise: &CatalogExercise) -> bool {
    exercise
        .primary_muscles
        .iter()
        .any(|m| LOWER_BODY.contains(m))
}

/// A compound lift works three muscle groups or more (a squat, a row, a bench press; not a
/// curl, a shrug or a skullcrusher).
pub fn is_compound(exercise: &CatalogExercise) -> bool {
    let mut muscles: Vec<Muscle> = exercise
        .primary_muscles
        .iter()
        .chain(&exercise.secondary_muscles)
        .copied()
        .filter(|m| *m != Muscle::FullBody)
        .collect();
    muscles.sort_by_key(|m| m.as_str());
    muscles.dedup();
    muscles.len() >= 3 || exercise.primary_muscles.contains(&Muscle::FullBody)
}

/// How much heavier the next step is, in the user's unit: 2.5 kg / 5 lb on a barbell for the
/// upper body, 5 kg / 10 lb for the lower body, one dumbbell step, 5 kg / 10 lb on a stack
/// (the user's stack step), 4 kg / 5 lb for a kettlebell, a pair of the smallest plates on a
/// belt.
pub fn increment(exercise: &CatalogExercise, loading: &Loading, units: Units) -> f64 {
    let metric = units == Units::Metric;
    match Implement::of(exercise.equipment) {
        Implement::Barbell | Implement::PlateLoaded => match (is_lower_body(exercise), metric) {
            (true, true) => 5.0,
            (true, false) => 10.0,
            (false, true) => 2.5,
            (false, false) => 5.0,
        },
        Implement::Dumbbell => loading.dumbbell_step,
        Implement::Stack => loading.machine_step,
        Implement::Kettlebell => {
            if metric {
                4.0
            } else {
                5.0
            }
        }
        Implement::Body => 2.0 * loading.smallest_plate(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::catalog;

    fn exercise(slug: &str) -> &'static CatalogExercise {
        catalog().get(slug).unwrap()
    }

    #[test]
    fn a_barbell_weight_is_the_bar_and_pairs_of_plates() {
        let kg = Loading::default_for(Units::Metric);
        // 82.3 kg: 20 + 2 × 31.15; the nearest pair sum is 31.25 (25 + 5 + 1.25) → 82.5.
        assert_eq!(kg.round(Equipment::Barbell, 82.3), 82.5);
        assert_eq!(kg.round(Equipment::Barbell, 101.0), 100.0);
        // A tie (83.75 lies between 82.5 and 85) goes to the lighter.
        assert_eq!(kg.round(Equipment::Barbell, 83.75), 82.5);
        // Never below the empty bar.
        assert_eq!(kg.round(Equipment::Barbell, 12.0), 20.0);
        let lb = Loading::default_for(Units::Imperial);
        // 45 + 2 × (45 + 25 + 2.5) = 190; 188 is nearer 190 than 185.
        assert_eq!(lb.round(Equipment::Barbell, 188.0), 190.0);
        // Plates without small ones: only 45s and 25s per side → 45, 95, 135, 145, 185 …
        let plain = Loading {
            bar: 45.0,
            plates: vec![45.0, 25.0],
            dumbbell_step: 5.0,
            machine_step: 10.0,
        };
        assert_eq!(plain.round(Equipment::Barbell, 140.0), 135.0);
        assert_eq!(plain.round(Equipment::Barbell, 141.0), 145.0);
        assert_eq!(plain.round(Equipment::Barbell, 60.0), 45.0);
    }

    #[test]
    fn dumbbells_stacks_and_other_bars_go_in_their_steps() {
        let kg = Loading::default_for(Units::Metric);
        assert_eq!(kg.round(Equipment::Dumbbell, 23.0), 22.5);
        assert_eq!(kg.round(Equipment::Dumbbell, 24.0), 25.0);
        assert_eq!(kg.round(Equipment::Machine, 57.0), 55.0);
        assert_eq!(kg.round(Equipment::Cable, 58.0), 60.0);
        // An EZ bar (its weight unknown) in pairs of 1.25 kg plates.
        assert_eq!(kg.round(Equipment::EzBar, 31.2), 30.0);
        assert_eq!(kg.round(Equipment::EzBar, 31.3), 32.5);
        // At least one step, never nothing.
        assert_eq!(kg.round(Equipment::Dumbbell, 0.5), 2.5);
    }

    #[test]
    fn steps_follow_the_lift() {
        let kg = Loading::default_for(Units::Metric);
        let lb = Loading::default_for(Units::Imperial);
        assert_eq!(increment(exercise("bench-press"), &kg, Units::Metric), 2.5);
        assert_eq!(
            increment(exercise("bench-press"), &lb, Units::Imperial),
            5.0
        );
        assert_eq!(increment(exercise("back-squat"), &kg, Units::Metric), 5.0);
        assert_eq!(increment(exercise("deadlift"), &lb, Units::Imperial), 10.0);
        assert_eq!(
            increment(exercise("overhead-press"), &kg, Units::Metric),
            2.5
        );
        let dumbbell = catalog()
            .exercises()
            .iter()
            .find(|e| e.equipment == Equipment::Dumbbell)
            .unwrap();
        assert_eq!(increment(dumbbell, &kg, Units::Metric), 2.5);
        let machine = catalog()
            .exercises()
            .iter()
            .find(|e| e.equipment == Equipment::Machine)
            .unwrap();
        assert_eq!(increment(machine, &lb, Units::Imperial), 10.0);
    }

    #[test]
    fn compound_and_lower_body_lifts_are_told_apart() {
        for slug in [
            "back-squat",
            "deadlift",
            "bench-press",
            "bent-over-row",
            "overhead-press",
            "power-clean",
        ] {
            assert!(is_compound(exercise(slug)), "{slug}");
        }
        for slug in [
            "barbell-curl",
            "skullcrusher",
            "barbell-shrug",
            "wrist-curl",
        ] {
            assert!(!is_compound(exercise(slug)), "{slug}");
        }
        assert!(is_lower_body(exercise("romanian-deadlift")));
        assert!(is_lower_body(exercise("hip-thrust")));
        assert!(!is_lower_body(exercise("bench-press")));
        assert!(!is_lower_body(exercise("overhead-press")));
    }
}
