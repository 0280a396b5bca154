//! The vocabulary of the training log shared by the catalog, logging, scoring and import:
//! set types, exercise kinds, how an exercise is measured, and unit conversions. Canonical
//! storage units are kilograms, metres and seconds; display converts.

use crate::domain::text_enum::text_enum;

text_enum!(
    /// The role of a set in a workout (Strong/Hevy's set types).
    SetType { Normal => "normal", Warmup => "warmup", Failure => "failure", Dropset => "dropset" }
);
text_enum!(
    /// What kind of exercise this is.
    ExerciseKind { Strength => "strength", Cardio => "cardio", Flexibility => "flexibility", Bodyweight => "bodyweight" }
);
text_enum!(
    /// Which numbers a set of this exercise records.
    MeasuredBy { RepsWeight => "reps_weight", Reps => "reps", Time => "time", DistanceTime => "distance_time" }
);

text_enum!(
    /// What a workout was mostly: strength, cardio, both, or mobility work.
    WorkoutKind { Strength => "strength", Cardio => "cardio", Mixed => "mixed", Flexibility => "flexibility" }
);
text_enum!(
    /// Where a workout came from.
    WorkoutSource {
        Form => "form", Chat => "chat", ImportStrong => "import:strong", ImportHevy => "import:hevy",
        ImportFitNotes => "import:fitnotes", Demo => "demo"
    }
);

/// Exactly 0.45359237 kg per international avoirdupois pound.
pub const KG_PER_LB: f64 = 0.453_592_37;
/// Exactly 1609.344 m per international mile.
pub const M_PER_MILE: f64 = 1_609.344;

pub fn lb_to_kg(lb: f64) -> f64 {
    lb * KG_PER_LB
}
pub fn kg_to_lb(kg: f64) -> f64 {
    kg / KG_PER_LB
}
pub fn miles_to_m(mi: f64) -> f64 {
    mi * M_PER_MILE
}
pub fn m_to_miles(m: f64) -> f64 {
    m / M_PER_MILE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_are_exact_inverses() {
        assert!((lb_to_kg(225.0) - 102.058_283_25).abs() < 1e-9);
        assert!((kg_to_lb(lb_to_kg(135.0)) - 135.0).abs() < 1e-9);
        assert!((miles_to_m(1.0) - 1609.344).abs() < 1e-9);
        assert!((m_to_miles(5_000.0) - 3.106_855_961).abs() < 1e-6);
    }

    #[test]
    fn set_types_parse_from_their_stored_text() {
        assert_eq!("warmup".parse::<SetType>().unwrap(), SetType::Warmup);
        assert!(
            "WARM_UP".parse::<SetType>().is_err(),
            "import parsers map vendor spellings themselves"
        );
    }
}
