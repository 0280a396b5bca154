//! Personal records per exercise, detected from the log.
//!
//! Record types: heaviest weight (any reps ≥ 1), most reps in one set, best estimated 1RM,
//! best single-set volume (weight × reps), longest duration, longest distance. Warm-up sets
//! never count. A record belongs to the first set that reached it: a later tie is not a new
//! record.
//!
//! Estimated 1RM uses Epley: `e1RM = w × (1 + r / 30)` for 2 ≤ r ≤ 12, and `e1RM = w` for a
//! single. Sets above 12 reps are skipped because rep-max formulas lose accuracy there.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::SetFacts;
use crate::domain::text_enum::text_enum;

/// Highest rep count whose e1RM is trusted.
pub const E1RM_MAX_REPS: u32 = 12;

text_enum!(
    /// What a personal record measures.
    #[derive(PartialOrd, Ord)]
    RecordType {
        Weight => "weight", Reps => "reps", E1rm => "e1rm", Volume => "volume",
        Duration => "duration", Distance => "distance"
    }
);

impl RecordType {
    /// The canonical unit of the value.
    pub fn unit(self) -> &'static str {
        match self {
            RecordType::Weight | RecordType::E1rm | RecordType::Volume => "kg",
            RecordType::Reps => "reps",
            RecordType::Duration => "s",
            RecordType::Distance => "m",
        }
    }

    fn value(self, set: &SetFacts) -> Option<f64> {
        if set.is_warmup() {
            return None;
        }
        let positive = |v: f64| (v > 0.0).then_some(v);
        match self {
            RecordType::Weight => set
                .reps
                .filter(|r| *r >= 1)
                .and(set.weight_kg)
                .and_then(positive),
            RecordType::Reps => set.reps.map(f64::from).and_then(positive),
            RecordType::E1rm => epley(set.weight_kg?, set.reps?),
            RecordType::Volume => set.volume_kg(),
            RecordType::Duration => set.duration_s.map(f64::from).and_then(positive),
            RecordType::Distance => set.distance_m.and_then(positive),
        }
    }
}

/// Epley's estimated one-rep max, or `None` outside 1..=12 reps or without weight.
pub fn epley(weight_kg: f64, reps: u32) -> Option<f64> {
    match reps {
        _ if weight_kg <= 0.0 => None,
        1 => Some(weight_kg),
        2..=E1RM_MAX_REPS => Some(weight_kg * (1.0 + f64::from(reps) / 30.0)),
        _ => None,
    }
}

/// One logged set, as record detection needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct LoggedSet<Id> {
    pub set_id: Id,
    pub exercise_id: Id,
    pub performed_at: DateTime<Utc>,
    /// Order within the same instant (set_index), so ties break deterministically.
    pub order: u32,
    pub facts: SetFacts,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record<Id> {
    pub exercise_id: Id,
    pub record_type: RecordType,
    pub value: f64,
    pub set_id: Id,
    pub achieved_at: DateTime<Utc>,
}

/// The current record of every (exercise, type) in `sets`, each pointing at the first set
/// that reached it. Output is sorted by exercise then type.
pub fn current_records<Id: Clone + Eq + std::hash::Hash + Ord>(
    sets: &[LoggedSet<Id>],
) -> Vec<Record<Id>> {
    let mut ordered: Vec<&LoggedSet<Id>> = sets.iter().collect();
    ordered.sort_by(|a, b| {
        a.performed_at
            .cmp(&b.performed_at)
            .then(a.order.cmp(&b.order))
            .then(a.set_id.cmp(&b.set_id))
    });
    let mut best: HashMap<(Id, RecordType), Record<Id>> = HashMap::new();
    for set in ordered {
        for &record_type in RecordType::ALL {
            let Some(value) = record_type.value(&set.facts) else {
                continue;
            };
            let key = (set.exercise_id.clone(), record_type);
            let beats = best.get(&key).is_none_or(|r| value > r.value + 1e-9);
            if beats {
                best.insert(
                    key,
                    Record {
                        exercise_id: set.exercise_id.clone(),
                        record_type,
                        value,
                        set_id: set.set_id.clone(),
                        achieved_at: set.performed_at,
                    },
                );
            }
        }
    }
    let mut out: Vec<Record<Id>> = best.into_values().collect();
    out.sort_by(|a, b| {
        a.exercise_id
            .cmp(&b.exercise_id)
            .then(a.record_type.cmp(&b.record_type))
    });
    out
}

/// When each (exercise, record type) got its first record: the earliest set with a value for
/// it, in chronological order. A pair never loses its record once it has one (a later set can
/// only beat it), so the n-th instant here is when the user first held n of the records that
/// [`current_records`] lists: what the personal-record achievements count.
pub fn first_record_times<Id: Clone + Eq + std::hash::Hash>(
    sets: &[LoggedSet<Id>],
) -> Vec<DateTime<Utc>> {
    let mut first: HashMap<(Id, RecordType), DateTime<Utc>> = HashMap::new();
    for set in sets {
        for &record_type in RecordType::ALL {
            if record_type.value(&set.facts).is_some() {
                first
                    .entry((set.exercise_id.clone(), record_type))
                    .and_modify(|t| *t = (*t).min(set.performed_at))
                    .or_insert(set.performed_at);
            }
        }
    }
    let mut times: Vec<DateTime<Utc>> = first.into_values().collect();
    times.sort_unstable();
    times
}

/// Records that are new or improved in `after` compared with `before` (e.g. before and after
/// saving a workout): what the user is told "new PR!" about. A record that passed to another set
/// without a better value (an edited or deleted workout, an earlier tie) is not news.
pub fn new_records<Id: Clone + Eq + std::hash::Hash>(
    before: &[Record<Id>],
    after: &[Record<Id>],
) -> Vec<Record<Id>> {
    let old: HashMap<(&Id, RecordType), &Record<Id>> = before
        .iter()
        .map(|r| ((&r.exercise_id, r.record_type), r))
        .collect();
    after
        .iter()
        .filter(|r| {
            old.get(&(&r.exercise_id, r.record_type))
                .is_none_or(|o| r.value > o.value + 1e-9)
        })
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::training::SetType;
    use chrono::TimeZone;

    fn at(day: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, 18, 0, 0).unwrap()
    }

    fn set(id: &str, ex: &str, day: u32, reps: u32, kg: f64) -> LoggedSet<String> {
        LoggedSet {
            set_id: id.into(),
            exercise_id: ex.into(),
            performed_at: at(day),
            order: 0,
            facts: SetFacts {
                reps: Some(reps),
                weight_kg: Some(kg),
                ..Default::default()
            },
        }
    }

    fn find<'a>(records: &'a [Record<String>], ex: &str, t: RecordType) -> &'a Record<String> {
        records
            .iter()
            .find(|r| r.exercise_id == ex && r.record_type == t)
            .unwrap()
    }

    #[test]
    fn epley_matches_the_published_formula() {
        assert_eq!(epley(100.0, 1), Some(100.0));
        assert!((epley(100.0, 5).unwrap() - 116.666_666_7).abs() < 1e-6);
        assert!((epley(80.0, 12).unwrap() - 112.0).abs() < 1e-9);
        assert_eq!(epley(80.0, 13), None);
        assert_eq!(epley(0.0, 5), None);
    }

    #[test]
    fn each_record_points_at_the_first_set_that_reached_it() {
        let sets = vec![
            set("a", "squat", 1, 5, 100.0),
            set("b", "squat", 2, 3, 110.0), // heaviest and best e1RM (121)
            set("c", "squat", 3, 5, 100.0), // tie with a: not a record
            set("d", "squat", 4, 15, 80.0), // most reps, most volume, no e1RM (> 12 reps)
            set("e", "bench", 1, 8, 80.0),
        ];
        let r = current_records(&sets);
        assert_eq!(find(&r, "squat", RecordType::Weight).set_id, "b");
        assert_eq!(find(&r, "squat", RecordType::Reps).set_id, "d");
        assert_eq!(find(&r, "squat", RecordType::Volume).set_id, "d");
        let e1rm = find(&r, "squat", RecordType::E1rm);
        assert_eq!(e1rm.set_id, "b"); // 110 × 1.1 = 121 > 100 × 1.1667 = 116.7
        assert!((e1rm.value - 121.0).abs() < 1e-9);
        assert_eq!(find(&r, "bench", RecordType::Weight).value, 80.0);
        assert!(r.iter().all(|x| x.record_type != RecordType::Distance));
    }

    #[test]
    fn first_record_times_follow_the_first_set_of_each_record() {
        let mut warm = set("w", "squat", 1, 5, 60.0);
        warm.facts.set_type = SetType::Warmup;
        let sets = vec![
            set("b", "squat", 3, 5, 110.0), // listed first, performed later
            warm,                           // a warm-up on day 1 opens nothing
            set("a", "squat", 2, 5, 100.0), // squat weight, reps, e1RM, volume on day 2
            set("c", "bench", 4, 15, 60.0), // bench weight, reps, volume (no e1RM above 12 reps)
            set("d", "bench", 5, 5, 70.0),  // bench e1RM, first possible on day 5
        ];
        let expected: Vec<DateTime<Utc>> = [2, 2, 2, 2, 4, 4, 4, 5].into_iter().map(at).collect();
        assert_eq!(first_record_times(&sets), expected);
        assert_eq!(current_records(&sets).len(), expected.len());
    }

    #[test]
    fn warmups_never_set_records_and_new_records_are_diffed() {
        let mut warm = set("w", "squat", 5, 5, 200.0);
        warm.facts.set_type = SetType::Warmup;
        let before = current_records(&[set("a", "squat", 1, 5, 100.0)]);
        let after = current_records(&[
            set("a", "squat", 1, 5, 100.0),
            warm.clone(),
            set("n", "squat", 6, 5, 102.5),
        ]);
        let fresh = new_records(&before, &after);
        let types: Vec<RecordType> = fresh.iter().map(|r| r.record_type).collect();
        assert_eq!(
            types,
            vec![RecordType::Weight, RecordType::E1rm, RecordType::Volume]
        );
        assert!(fresh.iter().all(|r| r.set_id == "n"));
        // The 102.5 kg set edited down or deleted: the record falls back, which is not news.
        let fallen = current_records(&[
            set("a", "squat", 1, 5, 100.0),
            set("m", "squat", 6, 5, 90.0),
        ]);
        assert_eq!(new_records(&after, &fallen), vec![]);
        // The same weight again in a moved (earlier) workout holds the record, without news.
        let moved = current_records(&[
            set("a", "squat", 2, 5, 100.0),
            set("e", "squat", 1, 5, 100.0),
        ]);
        assert_eq!(find(&moved, "squat", RecordType::Weight).set_id, "e");
        assert_eq!(new_records(&before, &moved), vec![]);
    }
}
