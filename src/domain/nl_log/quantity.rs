//! The amounts in a message, whatever it is about ("set a goal of 20 km a week", "אני רוצה
//! להתאמן שעתיים בשבוע", "bench 100 kg"): the same reading of numbers, number words and units
//! as the log, for the coach's other requests.

use super::lexicon::{KG, LB};
use super::scan::{Tok, distance_factor, is_in, scan, time_factor};

/// One amount and what it measures.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    /// In metres for a distance, seconds for a time; as written for the rest.
    pub value: f64,
    pub kind: QuantityKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuantityKind {
    /// No unit: a count ("3 workouts", "4x").
    Bare,
    Kg,
    Lb,
    Metres,
    Seconds,
}

/// The amounts of `text`, in order. Times written in parts ("an hour and 20 minutes") add up.
pub fn quantities(text: &str) -> Vec<Quantity> {
    let toks = scan(text);
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let value = match &toks[i] {
            Tok::Num(n) => *n,
            Tok::Clock(s) => {
                out.push(Quantity {
                    value: *s,
                    kind: QuantityKind::Seconds,
                });
                i += 1;
                continue;
            }
            Tok::Race(m) => {
                out.push(Quantity {
                    value: *m,
                    kind: QuantityKind::Metres,
                });
                i += 1;
                continue;
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let unit = match &toks.get(i + 1) {
            Some(Tok::Word(w)) => Some(w.as_str()),
            _ => None,
        };
        let (quantity, took) = match unit {
            Some(w) if is_in(w, KG) => (
                Quantity {
                    value,
                    kind: QuantityKind::Kg,
                },
                2,
            ),
            Some(w) if is_in(w, LB) => (
                Quantity {
                    value,
                    kind: QuantityKind::Lb,
                },
                2,
            ),
            Some(w) if distance_factor(w).is_some() => (
                Quantity {
                    value: value * distance_factor(w).unwrap_or(1.0),
                    kind: QuantityKind::Metres,
                },
                2,
            ),
            Some(w) if time_factor(w).is_some() => (
                Quantity {
                    value: value * time_factor(w).unwrap_or(1.0),
                    kind: QuantityKind::Seconds,
                },
                2,
            ),
            _ => (
                Quantity {
                    value,
                    kind: QuantityKind::Bare,
                },
                1,
            ),
        };
        // "1 hour 20 min": one time.
        match out.last_mut() {
            Some(last)
                if quantity.kind == QuantityKind::Seconds
                    && last.kind == QuantityKind::Seconds
                    && last.value > quantity.value
                    && after_time(&toks, i) =>
            {
                last.value += quantity.value;
            }
            _ => out.push(quantity),
        }
        i += took;
    }
    out
}

/// Whether the number at `i` follows a time unit, maybe with "and" between ("an hour and 20
/// minutes", "שעה ו-20 דקות").
fn after_time(toks: &[Tok], i: usize) -> bool {
    let unit = |j: usize| matches!(toks.get(j), Some(Tok::Word(w)) if time_factor(w).is_some());
    let and = |j: usize| matches!(toks.get(j), Some(Tok::Word(w)) if w == "and" || w == "ו");
    (i >= 1 && unit(i - 1)) || (i >= 2 && and(i - 1) && unit(i - 2))
}

#[cfg(test)]
mod tests {
    use super::QuantityKind::*;
    use super::*;

    fn q(text: &str) -> Vec<(f64, QuantityKind)> {
        quantities(text)
            .into_iter()
            .map(|q| (q.value, q.kind))
            .collect()
    }

    #[test]
    fn amounts_in_any_message() {
        assert_eq!(q("set a goal of 3 workouts a week"), vec![(3.0, Bare)]);
        assert_eq!(q("new goal - run 20km per week"), vec![(20_000.0, Metres)]);
        assert_eq!(
            q("I want to train 3 hours a week"),
            vec![(10_800.0, Seconds)]
        );
        assert_eq!(
            q("המטרה שלי היא להתאמן שעתיים בשבוע"),
            vec![(7200.0, Seconds)]
        );
        assert_eq!(q("תקבע יעד לרוץ חצי שעה כל יום"), vec![(1800.0, Seconds)]);
        assert_eq!(q("goal: squat 140kg"), vec![(140.0, Kg)]);
        assert_eq!(q("אני רוצה להתאמן שלוש פעמים בשבוע"), vec![(3.0, Bare)]);
        assert_eq!(q("בא לי לרוץ 20 ק\"מ בשבוע"), vec![(20_000.0, Metres)]);
        assert_eq!(q("an hour and 20 minutes"), vec![(4800.0, Seconds)]);
        assert_eq!(q("bench 225 lb"), vec![(225.0, Lb)]);
    }
}
