//! Sets as a person checks them before they are stored: one line per run of identical sets,
//! in the user's units and language ("3 × 8 reps @ 80 kg", "5 km in 25:00", "2 × 5 reps @ 60
//! kg, warm-up"). The words box, the dry run of `POST /log` and the coach's card all show
//! these lines, so what a person confirms is what is stored.

use crate::domain::account::{Language, Units};
use crate::domain::display::{distance, duration, in_language, number, weight};
use crate::domain::training::SetType;
use crate::domain::workout::ValidSet;

/// One line of a set as stored (without the count).
fn one(set: &ValidSet, units: Units, language: Language) -> String {
    let he = language == Language::He;
    let mut parts: Vec<String> = Vec::new();
    if let Some(reps) = set.reps {
        parts.push(if he {
            format!("{reps} חזרות")
        } else if reps == 1 {
            "1 rep".to_owned()
        } else {
            format!("{reps} reps")
        });
    }
    if let Some(kg) = set.weight_kg {
        parts.push(format!("@ {}", in_language(weight(kg, units), language)));
    }
    if let Some(m) = set.distance_m {
        parts.push(in_language(distance(m, units), language));
    }
    if let Some(s) = set.duration_s {
        let time = duration(f64::from(s));
        parts.push(if set.distance_m.is_some() {
            if he {
                format!("ב-{time}")
            } else {
                format!("in {time}")
            }
        } else {
            time
        });
    }
    let mut line = parts.join(" ");
    if let Some(rpe) = set.rpe {
        line.push_str(&format!(", RPE {}", number(rpe)));
    }
    if set.set_type == SetType::Warmup {
        line.push_str(if he { ", חימום" } else { ", warm-up" });
    }
    line
}

/// The sets as lines, identical sets in a row counted once: `3 × 8 reps @ 80 kg`.
pub fn lines(sets: &[ValidSet], units: Units, language: Language) -> Vec<String> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut previous: Option<&ValidSet> = None;
    for set in sets {
        match (previous, out.last_mut()) {
            (Some(p), Some((count, _))) if p == set => *count += 1,
            _ => out.push((1, one(set, units, language))),
        }
        previous = Some(set);
    }
    out.into_iter()
        .map(|(count, line)| {
            if count > 1 {
                format!("{count} × {line}")
            } else {
                line
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(reps: Option<u32>, kg: Option<f64>) -> ValidSet {
        ValidSet {
            set_type: SetType::Normal,
            reps,
            weight_kg: kg,
            distance_m: None,
            duration_s: None,
            rpe: None,
            notes: None,
        }
    }

    #[test]
    fn identical_sets_in_a_row_are_one_line() {
        let mut warm = set(Some(5), Some(60.0));
        warm.set_type = SetType::Warmup;
        let sets = vec![
            warm.clone(),
            warm,
            set(Some(8), Some(80.0)),
            set(Some(8), Some(80.0)),
            set(Some(8), Some(80.0)),
            set(Some(6), Some(80.0)),
        ];
        assert_eq!(
            lines(&sets, Units::Metric, Language::En),
            [
                "2 × 5 reps @ 60 kg, warm-up",
                "3 × 8 reps @ 80 kg",
                "6 reps @ 80 kg"
            ]
        );
        assert_eq!(
            lines(&sets[2..3], Units::Metric, Language::He),
            ["8 חזרות @ 80 ק״ג"]
        );
    }

    #[test]
    fn cardio_and_pounds_in_the_users_units() {
        let mut run = set(None, None);
        run.distance_m = Some(5000.0);
        run.duration_s = Some(1500);
        assert_eq!(
            lines(&[run.clone()], Units::Metric, Language::En),
            ["5 km in 25:00"]
        );
        assert_eq!(
            lines(&[run], Units::Metric, Language::He),
            ["5 ק״מ ב-25:00"]
        );
        let mut heavy = set(Some(5), Some(crate::domain::training::lb_to_kg(225.0)));
        heavy.rpe = Some(8.5);
        assert_eq!(
            lines(&[heavy], Units::Imperial, Language::En),
            ["5 reps @ 225 lb, RPE 8.5"]
        );
    }
}
