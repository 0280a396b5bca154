//! The settings form of the training profile, read into a [`TrainingProfilePatch`]: exercises
//! typed as names ("squat, bench press" or "סקוואט") found in the catalog, rep ranges one per
//! line ("bench press: 3-5"), bar and plates in the user's unit ("25, 20, 10, 5, 2.5").

use std::collections::BTreeMap;

use crate::domain::catalog::{best_match, catalog};
use crate::domain::profile::{FitnessLevel, TrainingProfilePatch};
use crate::domain::progression::balance::Injury;
use crate::domain::progression::loading::Loading;
use crate::domain::progression::next_session::RepRange;

/// What is wrong with the form, and the words that were not understood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileFormError {
    /// No catalog exercise is clearly this name.
    UnknownExercise(String),
    /// A rep-range line that is not "name: low-high".
    RepRange(String),
    /// A weight that is not a number above 0.
    Weight(String),
}

impl ProfileFormError {
    /// The code and the words, as the settings page's address carries them back.
    pub fn code(&self) -> (&'static str, &str) {
        match self {
            ProfileFormError::UnknownExercise(w) => ("unknown_exercise", w),
            ProfileFormError::RepRange(w) => ("rep_range", w),
            ProfileFormError::Weight(w) => ("weight", w),
        }
    }
}

/// The slug `name` clearly means.
fn slug(name: &str) -> Result<String, ProfileFormError> {
    best_match(name, catalog().match_targets())
        .map(|c| c.slug)
        .ok_or_else(|| ProfileFormError::UnknownExercise(name.trim().to_owned()))
}

/// Names separated by commas (or new lines, or the Hebrew "ו" list's commas).
fn slugs(text: &str) -> Result<Vec<String>, ProfileFormError> {
    text.split([',', '\n', '،', ';'])
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(slug)
        .collect()
}

/// "bench press: 3-5", "squat 5–8", "לחיצת חזה 6-10".
fn rep_range_line(line: &str) -> Result<(String, RepRange), ProfileFormError> {
    let bad = || ProfileFormError::RepRange(line.trim().to_owned());
    let line = line.trim();
    let split = line
        .rfind(|c: char| !(c.is_ascii_digit() || c == '-' || c == '–' || c.is_whitespace()))
        .map(|i| i + line[i..].chars().next().map_or(1, char::len_utf8))
        .ok_or_else(bad)?;
    let (name, range) = line.split_at(split);
    let name = name.trim().trim_end_matches(':').trim();
    let (low, high) = range.trim().split_once(['-', '–']).ok_or_else(bad)?;
    let low: u32 = low.trim().parse().map_err(|_| bad())?;
    let high: u32 = high.trim().parse().map_err(|_| bad())?;
    let range = RepRange { low, high };
    if name.is_empty() || !range.is_valid() {
        return Err(bad());
    }
    Ok((slug(name)?, range))
}

fn weight(text: &str) -> Result<f64, ProfileFormError> {
    let t = text.trim().replace(',', ".");
    t.parse::<f64>()
        .ok()
        .filter(|w| w.is_finite() && *w >= 0.0 && *w <= 500.0)
        .ok_or_else(|| ProfileFormError::Weight(text.trim().to_owned()))
}

/// The form's fields (`level`, `injury` repeated, `preferred`, `avoided`, `rep_ranges`,
/// `reminders`/`achievements`/`weekly_reports` present when ticked, `bar`, `plates`,
/// `dumbbell_step`, `machine_step`) as a patch of the whole profile.
pub fn read(fields: &[(String, String)]) -> Result<TrainingProfilePatch, ProfileFormError> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
            .unwrap_or_default()
    };
    let ticked = |name: &str| Some(fields.iter().any(|(k, _)| k == name));
    let level = get("level").parse::<FitnessLevel>().ok();
    let mut injuries: Vec<Injury> = fields
        .iter()
        .filter(|(k, _)| k == "injury")
        .filter_map(|(_, v)| v.parse().ok())
        .collect();
    injuries.sort_by_key(|i| i.as_str());
    injuries.dedup();
    let mut rep_ranges = BTreeMap::new();
    for line in get("rep_ranges").lines().filter(|l| !l.trim().is_empty()) {
        let (slug, range) = rep_range_line(line)?;
        rep_ranges.insert(slug, range);
    }
    // Plates: commas between sizes, so a decimal comma is not read here ("2,5" is two plates).
    let plates = get("plates")
        .split([',', ' ', ';'])
        .filter(|p| !p.trim().is_empty())
        .map(weight)
        .collect::<Result<Vec<f64>, _>>()?;
    let loading = Loading {
        bar: weight(get("bar"))?,
        plates,
        dumbbell_step: weight(get("dumbbell_step"))?,
        machine_step: weight(get("machine_step"))?,
    };
    Ok(TrainingProfilePatch {
        fitness_level: Some(level),
        preferred_exercises: Some(slugs(get("preferred"))?),
        avoided_exercises: Some(slugs(get("avoided"))?),
        injuries: Some(injuries),
        reminders: ticked("reminders"),
        achievements: ticked("achievements"),
        weekly_reports: ticked("weekly_reports"),
        rep_ranges: Some(rep_ranges),
        loading: Some(Some(loading)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    const GYM: [(&str, &str); 4] = [
        ("bar", "20"),
        ("plates", "25, 20, 10, 5, 2.5, 1.25"),
        ("dumbbell_step", "2"),
        ("machine_step", "5"),
    ];

    #[test]
    fn names_in_either_language_become_catalog_exercises() {
        let mut fields = form(&GYM);
        fields.extend(form(&[
            ("level", "intermediate"),
            ("injury", "knee"),
            ("injury", "shoulder"),
            ("preferred", "squat, Bench Press"),
            ("avoided", "דדליפט"),
            ("rep_ranges", "bench press: 3-5\nsquat 6–10\n"),
            ("weekly_reports", "on"),
        ]));
        let patch = read(&fields).unwrap();
        assert_eq!(patch.fitness_level, Some(Some(FitnessLevel::Intermediate)));
        assert_eq!(patch.injuries, Some(vec![Injury::Knee, Injury::Shoulder]));
        assert_eq!(
            patch.preferred_exercises.unwrap(),
            ["back-squat", "bench-press"]
        );
        assert_eq!(patch.avoided_exercises.unwrap(), ["deadlift"]);
        let ranges = patch.rep_ranges.unwrap();
        assert_eq!(ranges["bench-press"], RepRange { low: 3, high: 5 });
        assert_eq!(ranges["back-squat"], RepRange { low: 6, high: 10 });
        // Unticked boxes are switches turned off.
        assert_eq!(
            (patch.reminders, patch.weekly_reports),
            (Some(false), Some(true))
        );
        let loading = patch.loading.unwrap().unwrap();
        assert_eq!(loading.plates, [25.0, 20.0, 10.0, 5.0, 2.5, 1.25]);
        assert_eq!(loading.dumbbell_step, 2.0);
    }

    #[test]
    fn what_is_not_understood_is_named() {
        let with = |extra: (&str, &str)| {
            let mut fields = form(&GYM);
            fields.push((extra.0.into(), extra.1.into()));
            read(&fields)
        };
        assert_eq!(
            with(("preferred", "squat, zzzz")).unwrap_err(),
            ProfileFormError::UnknownExercise("zzzz".into())
        );
        assert_eq!(
            with(("rep_ranges", "bench press 8-5")).unwrap_err(),
            ProfileFormError::RepRange("bench press 8-5".into())
        );
        assert_eq!(
            with(("rep_ranges", "bench press")).unwrap_err(),
            ProfileFormError::RepRange("bench press".into())
        );
        let mut fields = form(&GYM);
        fields[0].1 = "heavy".into();
        assert_eq!(
            read(&fields).unwrap_err(),
            ProfileFormError::Weight("heavy".into())
        );
    }
}
