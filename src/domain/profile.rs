//! The training profile (seed 002's user context, typed): fitness level, exercises the user
//! prefers or avoids (catalog slugs), injuries, the switches for reminders, achievement news
//! and the weekly report, rep ranges the user set per exercise, and the bar and plates they
//! load. The coach reads it when it plans a session; "remember that my knee hurts" fills it in
//! ([`injuries_in`], [`level_in`]). Stored as JSON beside the account (`users.training_profile`),
//! apart from `Preferences`, which the browser also reads.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::account::{FieldError, Units};
use crate::domain::catalog::{catalog, normalize};
use crate::domain::progression::balance::Injury;
use crate::domain::progression::loading::Loading;
use crate::domain::progression::next_session::RepRange;
use crate::domain::text_enum::text_enum;

/// Exercises a user may list as preferred or avoided.
pub const MAX_LISTED: usize = 30;

text_enum!(
    /// How long and how seriously the user has trained.
    FitnessLevel { Beginner => "beginner", Intermediate => "intermediate", Advanced => "advanced" }
);

fn yes() -> bool {
    true
}

/// What the coach knows to plan with. Every field has a default, so a stored profile missing
/// a newer key still reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct TrainingProfile {
    pub fitness_level: Option<FitnessLevel>,
    /// Catalog slugs.
    pub preferred_exercises: Vec<String>,
    /// Catalog slugs.
    pub avoided_exercises: Vec<String>,
    pub injuries: Vec<Injury>,
    /// Plan items due today in a banner and in the coach's first reply of the day.
    #[serde(default = "yes")]
    pub reminders: bool,
    /// New achievements announced in the next reply.
    #[serde(default = "yes")]
    pub achievements: bool,
    /// The Monday check-in.
    #[serde(default = "yes")]
    pub weekly_reports: bool,
    /// Rep ranges the user chose, by catalog slug (others use the defaults).
    pub rep_ranges: BTreeMap<String, RepRange>,
    /// The user's bar and plates, in their unit; `None`: a commercial gym's.
    pub loading: Option<Loading>,
}

impl Default for TrainingProfile {
    fn default() -> Self {
        TrainingProfile {
            fitness_level: None,
            preferred_exercises: Vec::new(),
            avoided_exercises: Vec::new(),
            injuries: Vec::new(),
            reminders: true,
            achievements: true,
            weekly_reports: true,
            rep_ranges: BTreeMap::new(),
            loading: None,
        }
    }
}

impl TrainingProfile {
    /// The bar and plates to round to, in `units`.
    pub fn loading(&self, units: Units) -> Loading {
        self.loading
            .clone()
            .unwrap_or_else(|| Loading::default_for(units))
    }
}

/// A change to the profile: absent fields keep their value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct TrainingProfilePatch {
    /// `null` clears it.
    #[serde(default, deserialize_with = "present")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<FitnessLevel>))]
    pub fitness_level: Option<Option<FitnessLevel>>,
    pub preferred_exercises: Option<Vec<String>>,
    pub avoided_exercises: Option<Vec<String>>,
    pub injuries: Option<Vec<Injury>>,
    pub reminders: Option<bool>,
    pub achievements: Option<bool>,
    pub weekly_reports: Option<bool>,
    pub rep_ranges: Option<BTreeMap<String, RepRange>>,
    /// `null` goes back to the defaults.
    #[serde(default, deserialize_with = "present")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<Loading>))]
    pub loading: Option<Option<Loading>>,
}

/// A field that is there, `null` or not: `Some(None)` for `null`, `None` when it is absent.
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

impl TrainingProfile {
    /// `patch` applied, after checking it: listed exercises are catalog slugs, rep ranges are
    /// ranges a person could mean, the bar and plates are weights a gym has.
    pub fn apply(&self, patch: &TrainingProfilePatch) -> Result<TrainingProfile, FieldError> {
        for (field, list) in [
            ("preferred_exercises", &patch.preferred_exercises),
            ("avoided_exercises", &patch.avoided_exercises),
        ] {
            if let Some(list) = list {
                check_slugs(field, list)?;
            }
        }
        if let Some(ranges) = &patch.rep_ranges {
            check_slugs("rep_ranges", &ranges.keys().cloned().collect::<Vec<_>>())?;
            if ranges.values().any(|r| !r.is_valid()) {
                return Err(FieldError::new(
                    "rep_ranges",
                    "invalid",
                    "A rep range goes from 1 to 50 reps, its low end not above its high end.",
                ));
            }
        }
        if let Some(Some(loading)) = &patch.loading {
            check_loading(loading)?;
        }
        let mut next = self.clone();
        if let Some(level) = patch.fitness_level {
            next.fitness_level = level;
        }
        if let Some(list) = &patch.preferred_exercises {
            next.preferred_exercises = dedup(list);
        }
        if let Some(list) = &patch.avoided_exercises {
            next.avoided_exercises = dedup(list);
        }
        if let Some(injuries) = &patch.injuries {
            let mut injuries = injuries.clone();
            injuries.sort_by_key(|i| i.as_str());
            injuries.dedup();
            next.injuries = injuries;
        }
        next.reminders = patch.reminders.unwrap_or(next.reminders);
        next.achievements = patch.achievements.unwrap_or(next.achievements);
        next.weekly_reports = patch.weekly_reports.unwrap_or(next.weekly_reports);
        if let Some(ranges) = &patch.rep_ranges {
            next.rep_ranges = ranges.clone();
        }
        if let Some(loading) = &patch.loading {
            next.loading = loading.clone();
        }
        // One list or the other: an exercise just preferred is no longer avoided.
        if patch.preferred_exercises.is_some() && patch.avoided_exercises.is_none() {
            let preferred = next.preferred_exercises.clone();
            next.avoided_exercises.retain(|s| !preferred.contains(s));
        } else if patch.avoided_exercises.is_some() {
            let avoided = next.avoided_exercises.clone();
            next.preferred_exercises.retain(|s| !avoided.contains(s));
        }
        Ok(next)
    }
}

fn dedup(list: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for slug in list {
        if !out.contains(slug) {
            out.push(slug.clone());
        }
    }
    out
}

fn check_slugs(field: &str, list: &[String]) -> Result<(), FieldError> {
    if list.len() > MAX_LISTED {
        return Err(FieldError::new(
            field,
            "too_many",
            format!("At most {MAX_LISTED} exercises."),
        ));
    }
    match list.iter().find(|s| catalog().get(s).is_none()) {
        Some(unknown) => Err(FieldError::new(
            field,
            "unknown_exercise",
            format!("\"{unknown}\" is not an exercise of the catalog."),
        )),
        None => Ok(()),
    }
}

fn check_loading(l: &Loading) -> Result<(), FieldError> {
    let weight = |x: f64| x.is_finite() && x > 0.0 && x <= 500.0;
    let ok = (l.bar == 0.0 || weight(l.bar))
        && !l.plates.is_empty()
        && l.plates.len() <= 20
        && l.plates.iter().all(|p| weight(*p))
        && weight(l.dumbbell_step)
        && weight(l.machine_step);
    if ok {
        Ok(())
    } else {
        Err(FieldError::new(
            "loading",
            "invalid",
            "The bar weighs 0 to 500, and there is at least one plate size; plates and steps are above 0 and at most 500.",
        ))
    }
}

/// Words for each injury, English and Hebrew, as people write them ("my knee", "הברך
/// השמאלית", "גב תחתון").
const INJURY_WORDS: &[(Injury, &[&str])] = &[
    (
        Injury::LowerBack,
        &[
            "lower back",
            "low back",
            "lumbar",
            "back pain",
            "גב תחתון",
            "הגב התחתון",
            "גב",
            "הגב",
        ],
    ),
    (
        Injury::Knee,
        &[
            "knee",
            "knees",
            "acl",
            "meniscus",
            "ברך",
            "הברך",
            "ברכיים",
            "הברכיים",
            "מניסקוס",
        ],
    ),
    (
        Injury::Shoulder,
        &[
            "shoulder",
            "shoulders",
            "rotator cuff",
            "כתף",
            "הכתף",
            "כתפיים",
            "הכתפיים",
        ],
    ),
    (
        Injury::Elbow,
        &[
            "elbow",
            "elbows",
            "tennis elbow",
            "golfer's elbow",
            "מרפק",
            "המרפק",
            "מרפקים",
        ],
    ),
    (
        Injury::Wrist,
        &[
            "wrist",
            "wrists",
            "שורש כף היד",
            "שורש היד",
            "פרק כף היד",
            "פרק היד",
        ],
    ),
    (
        Injury::Hip,
        &["hip", "hips", "groin", "מפרק הירך", "אגן", "מפשעה"],
    ),
    (
        Injury::Ankle,
        &["ankle", "ankles", "achilles", "קרסול", "הקרסול", "אכילס"],
    ),
    (Injury::Neck, &["neck", "צוואר", "הצוואר"]),
];

/// The injuries a sentence names, in [`Injury::ALL`] order ("my left knee hurts on deep
/// squats" → knee; "כואב לי בגב התחתון" → lower back). Whole words only, after the catalog's
/// normalizing (case, Hebrew prefixes are left to the word lists).
pub fn injuries_in(text: &str) -> Vec<Injury> {
    let words: Vec<String> = normalize(text)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(|w| strip_prefix_letters(w).to_owned())
        .collect();
    let joined = format!(" {} ", words.join(" "));
    let mut found: Vec<Injury> = INJURY_WORDS
        .iter()
        .filter(|(_, names)| {
            names
                .iter()
                .any(|n| joined.contains(&format!(" {} ", normalize(n))))
        })
        .map(|(injury, _)| *injury)
        .collect();
    // "Lower back" also says "back": one injury.
    found.dedup();
    found.sort_by_key(|i| Injury::ALL.iter().position(|a| a == i));
    found
}

/// Hebrew one-letter prefixes (ב, ל, מ, ו, ה, ש) before a word the lists know: "בברך",
/// "לכתף", "ובגב".
fn strip_prefix_letters(word: &str) -> &str {
    let mut w = word;
    for _ in 0..2 {
        let known = INJURY_WORDS
            .iter()
            .flat_map(|(_, names)| names.iter())
            .any(|n| normalize(n) == w);
        if known {
            return w;
        }
        match w.chars().next() {
            Some(c) if "בלמוהש".contains(c) && w.chars().count() > 2 => {
                w = &w[c.len_utf8()..];
            }
            _ => return word,
        }
    }
    let known = INJURY_WORDS
        .iter()
        .flat_map(|(_, names)| names.iter())
        .any(|n| normalize(n) == w);
    if known { w } else { word }
}

/// The catalog exercise a sentence names ("I hate lunges", "אני אוהב סקוואט"): the longest
/// run of up to four words that the catalog clearly knows.
pub fn exercise_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '!' | '?' | ';' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    for len in (1..=4.min(words.len())).rev() {
        for start in 0..=words.len() - len {
            let said = words[start..start + len].join(" ");
            if let Some(c) = crate::domain::catalog::best_match(&said, catalog().match_targets()) {
                return Some(c.slug);
            }
        }
    }
    None
}

/// What a remembered fact adds to the profile: an injury it names, the level it states, the
/// exercise liked or avoided. `None` when it adds nothing new.
pub fn learn(
    profile: &TrainingProfile,
    kind: crate::domain::chat::facts::FactKind,
    text: &str,
) -> Option<TrainingProfile> {
    use crate::domain::chat::facts::FactKind;
    let mut next = profile.clone();
    let hurts = {
        let t = normalize(text);
        [
            "hurt", "pain", "injur", "sore", "tweak", "strain", "כואב", "כאב", "פציע", "נפצע",
            "נקע",
        ]
        .iter()
        .any(|w| t.contains(w))
    };
    match kind {
        FactKind::Injury => add_injuries(&mut next, text),
        FactKind::Other if hurts => add_injuries(&mut next, text),
        FactKind::FitnessLevel => {
            if let Some(level) = level_in(text) {
                next.fitness_level = Some(level);
            }
        }
        FactKind::PreferredExercise | FactKind::AvoidedExercise => {
            if let Some(slug) = exercise_in(text) {
                let (to, from) = if kind == FactKind::PreferredExercise {
                    (&mut next.preferred_exercises, &mut next.avoided_exercises)
                } else {
                    (&mut next.avoided_exercises, &mut next.preferred_exercises)
                };
                from.retain(|s| *s != slug);
                if !to.contains(&slug) && to.len() < MAX_LISTED {
                    to.push(slug);
                }
            }
        }
        FactKind::Other | FactKind::Equipment => {}
    }
    (next != *profile).then_some(next)
}

fn add_injuries(profile: &mut TrainingProfile, text: &str) {
    for injury in injuries_in(text) {
        if !profile.injuries.contains(&injury) {
            profile.injuries.push(injury);
        }
    }
}

/// The fitness level a sentence states ("I'm a beginner", "אני מתאמן מתקדם").
pub fn level_in(text: &str) -> Option<FitnessLevel> {
    let t = normalize(text);
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    if has(&["advanced", "experienced", "מתקדם", "מתקדמת", "מנוסה"]) {
        Some(FitnessLevel::Advanced)
    } else if has(&["intermediate", "בינוני", "בינונית", "ביניים"]) {
        Some(FitnessLevel::Intermediate)
    } else if has(&[
        "beginner",
        "novice",
        "just started",
        "new to",
        "מתחיל",
        "מתחילה",
        "חדש באימונים",
        "חדשה באימונים",
    ]) {
        Some(FitnessLevel::Beginner)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn injuries_are_read_from_the_words_people_use() {
        let cases: &[(&str, &[Injury])] = &[
            ("remember that my knee hurts", &[Injury::Knee]),
            ("my left knee hurts on deep squats", &[Injury::Knee]),
            ("Lower back pain after deadlifts", &[Injury::LowerBack]),
            (
                "tweaked my shoulder and my wrist",
                &[Injury::Shoulder, Injury::Wrist],
            ),
            ("Tennis elbow again", &[Injury::Elbow]),
            ("תזכור שכואבת לי הברך", &[Injury::Knee]),
            ("כואב לי בגב התחתון", &[Injury::LowerBack]),
            ("יש לי פציעה בכתף ימין", &[Injury::Shoulder]),
            ("נקע בקרסול", &[Injury::Ankle]),
            ("I like squats", &[]),
            ("kneeling cable crunch is fine", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(injuries_in(text), *expected, "{text}");
        }
    }

    #[test]
    fn remembered_facts_fill_the_profile() {
        use crate::domain::chat::facts::FactKind;
        let empty = TrainingProfile::default();
        let knee = learn(
            &empty,
            FactKind::Injury,
            "my left knee hurts on deep squats",
        )
        .unwrap();
        assert_eq!(knee.injuries, vec![Injury::Knee]);
        let back = learn(&knee, FactKind::Other, "כואב לי בגב התחתון").unwrap();
        assert_eq!(back.injuries, vec![Injury::Knee, Injury::LowerBack]);
        assert!(
            learn(&back, FactKind::Injury, "the knee again").is_none(),
            "nothing new"
        );
        let avoid = learn(&empty, FactKind::AvoidedExercise, "I hate lunges").unwrap();
        assert_eq!(avoid.avoided_exercises.len(), 1);
        let like = learn(&empty, FactKind::PreferredExercise, "אני אוהב סקוואט").unwrap();
        assert_eq!(like.preferred_exercises, vec!["back-squat"]);
        let level = learn(&empty, FactKind::FitnessLevel, "I'm a beginner").unwrap();
        assert_eq!(level.fitness_level, Some(FitnessLevel::Beginner));
        assert!(learn(&empty, FactKind::Equipment, "dumbbells to 30 kg at home").is_none());
    }

    #[test]
    fn levels_are_read_in_both_languages() {
        assert_eq!(level_in("I'm a beginner"), Some(FitnessLevel::Beginner));
        assert_eq!(
            level_in("intermediate lifter, 3 years"),
            Some(FitnessLevel::Intermediate)
        );
        assert_eq!(level_in("אני מתאמנת מתקדמת"), Some(FitnessLevel::Advanced));
        assert_eq!(level_in("אני מתחיל"), Some(FitnessLevel::Beginner));
        assert_eq!(level_in("my knee hurts"), None);
    }

    #[test]
    fn a_patch_is_checked_then_applied() {
        let profile = TrainingProfile::default();
        assert!(profile.reminders && profile.achievements && profile.weekly_reports);
        // An old stored profile with fewer keys reads with the defaults.
        let old: TrainingProfile = serde_json::from_str(r#"{"injuries": ["knee"]}"#).unwrap();
        assert_eq!(old.injuries, vec![Injury::Knee]);
        assert!(old.weekly_reports);
        let patch: TrainingProfilePatch = serde_json::from_str(
            r#"{"fitness_level": "intermediate", "preferred_exercises": ["back-squat", "back-squat"], "weekly_reports": false,
                "rep_ranges": {"bench-press": {"low": 3, "high": 5}}}"#,
        )
        .unwrap();
        let next = profile.apply(&patch).unwrap();
        assert_eq!(next.fitness_level, Some(FitnessLevel::Intermediate));
        assert_eq!(next.preferred_exercises, vec!["back-squat"]);
        assert!(!next.weekly_reports && next.reminders);
        assert_eq!(next.rep_ranges["bench-press"], RepRange { low: 3, high: 5 });
        // Avoiding it takes it off the preferred list; null clears the level.
        let patch: TrainingProfilePatch =
            serde_json::from_str(r#"{"avoided_exercises": ["back-squat"], "fitness_level": null}"#)
                .unwrap();
        let next = next.apply(&patch).unwrap();
        assert!(next.preferred_exercises.is_empty());
        assert_eq!(next.fitness_level, None);
        // Refused: unknown slugs, impossible ranges, plates of nothing, unknown keys.
        for bad in [
            r#"{"avoided_exercises": ["squaats"]}"#,
            r#"{"rep_ranges": {"bench-press": {"low": 8, "high": 5}}}"#,
            r#"{"loading": {"bar": 20, "plates": [], "dumbbell_step": 2.5, "machine_step": 5}}"#,
        ] {
            let patch: TrainingProfilePatch = serde_json::from_str(bad).unwrap();
            assert!(next.apply(&patch).is_err(), "{bad}");
        }
        assert!(serde_json::from_str::<TrainingProfilePatch>(r#"{"colour": "red"}"#).is_err());
    }
}
