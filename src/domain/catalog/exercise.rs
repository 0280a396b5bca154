//! One catalog entry and its fixed vocabularies: the muscles an exercise works and the equipment it
//! needs. These are the shapes of `exercises.json`; unknown fields or values fail to parse.

use crate::domain::text_enum::text_enum;
use crate::domain::training::{ExerciseKind, MeasuredBy};
use serde::{Deserialize, Serialize};

text_enum!(
    /// A muscle group, coarse enough for a body map and a "what did I train this week" chart.
    /// `cardiovascular` is the heart and lungs of endurance work; `full_body` is for lifts and
    /// classes that no short list describes (cleans, burpees, yoga).
    Muscle {
        Chest => "chest", Back => "back", Lats => "lats", Traps => "traps", Shoulders => "shoulders",
        Biceps => "biceps", Triceps => "triceps", Forearms => "forearms", Abs => "abs",
        Obliques => "obliques", LowerBack => "lower_back", Glutes => "glutes", Quads => "quads",
        Hamstrings => "hamstrings", Calves => "calves", Adductors => "adductors",
        Abductors => "abductors", HipFlexors => "hip_flexors", Neck => "neck",
        FullBody => "full_body", Cardiovascular => "cardiovascular"
    }
);

text_enum!(
    /// What an exercise is done with. `bodyweight` means the body is the load (push-ups, pull-ups);
    /// `none` means no equipment and no load to speak of (running, stretching); `other` covers
    /// boxes, ropes, rollers and wheels.
    Equipment {
        Barbell => "barbell", Dumbbell => "dumbbell", Machine => "machine", Cable => "cable",
        Bodyweight => "bodyweight", Kettlebell => "kettlebell", Band => "band",
        SmithMachine => "smith_machine", EzBar => "ez_bar", TrapBar => "trap_bar",
        CardioMachine => "cardio_machine", None => "none", Other => "other"
    }
);

impl Muscle {
    /// Its name in `language` ("Quads", "ארבע ראשי").
    pub fn label(self, language: crate::domain::account::Language) -> &'static str {
        let (en, he) = match self {
            Muscle::Chest => ("Chest", "חזה"),
            Muscle::Back => ("Back", "גב"),
            Muscle::Lats => ("Lats", "רחב גבי"),
            Muscle::Traps => ("Traps", "טרפזים"),
            Muscle::Shoulders => ("Shoulders", "כתפיים"),
            Muscle::Biceps => ("Biceps", "יד קדמית"),
            Muscle::Triceps => ("Triceps", "יד אחורית"),
            Muscle::Forearms => ("Forearms", "אמות"),
            Muscle::Abs => ("Abs", "בטן"),
            Muscle::Obliques => ("Obliques", "אלכסונים"),
            Muscle::LowerBack => ("Lower back", "גב תחתון"),
            Muscle::Glutes => ("Glutes", "ישבן"),
            Muscle::Quads => ("Quads", "ארבע ראשי"),
            Muscle::Hamstrings => ("Hamstrings", "ירך אחורית"),
            Muscle::Calves => ("Calves", "תאומים"),
            Muscle::Adductors => ("Adductors", "מקרבים"),
            Muscle::Abductors => ("Abductors", "מרחיקים"),
            Muscle::HipFlexors => ("Hip flexors", "מכופפי ירך"),
            Muscle::Neck => ("Neck", "צוואר"),
            Muscle::FullBody => ("Full body", "כל הגוף"),
            Muscle::Cardiovascular => ("Cardio", "לב-ריאה"),
        };
        match language {
            crate::domain::account::Language::En => en,
            crate::domain::account::Language::He => he,
        }
    }
}

/// One exercise of the built-in catalog. `slug` is its identity forever: the server upserts by it,
/// logged sets point at it, and renaming an exercise only changes its names.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CatalogExercise {
    pub slug: String,
    pub name_en: String,
    pub name_he: String,
    /// Other English names, including the exact titles Strong and Hevy export.
    pub aliases_en: Vec<String>,
    /// Other Hebrew names: gym slang, spelling variants and transliterations.
    pub aliases_he: Vec<String>,
    pub kind: ExerciseKind,
    pub primary_muscles: Vec<Muscle>,
    pub secondary_muscles: Vec<Muscle>,
    pub equipment: Equipment,
    pub measured_by: MeasuredBy,
}

impl CatalogExercise {
    /// Every name the exercise answers to: English name, Hebrew name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        [self.name_en.as_str(), self.name_he.as_str()]
            .into_iter()
            .chain(self.aliases_en.iter().map(String::as_str))
            .chain(self.aliases_he.iter().map(String::as_str))
    }
}
