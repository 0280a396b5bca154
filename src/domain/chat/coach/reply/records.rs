//! Answers from `get_records`: one exercise's records with the day each was set, or the
//! latest-set records of every exercise, a few per exercise; an exercise's estimated one-rep
//! max; when it was last done.

use super::Ctx;
use crate::domain::chat::coach::amounts;
use crate::domain::chat::tools::{Names, RecordFact, RecordsResult};
use crate::domain::i18n::{fill, record_label};
use crate::domain::scoring::records::RecordType;

/// Exercises listed when no exercise was named; the rest are counted.
const MAX_EXERCISES: usize = 6;
/// Records shown per exercise in that list.
const RECORDS_PER_EXERCISE: usize = 3;
/// The order records are told in: what people ask about first.
const ORDER: [RecordType; 6] = [
    RecordType::Weight,
    RecordType::E1rm,
    RecordType::Reps,
    RecordType::Distance,
    RecordType::Duration,
    RecordType::Volume,
];

pub(super) fn reply(c: &Ctx, r: &RecordsResult) -> String {
    if let Some(asked) = &r.unknown_exercise {
        if !r.suggestions.is_empty() {
            let names: Vec<String> = r.suggestions.iter().map(|n| c.name(n).to_owned()).collect();
            return fill(
                c.p.records_which,
                &[
                    ("name", &c.quote(asked)),
                    ("suggestions", &c.or_list(&names)),
                ],
            );
        }
        return fill(c.p.records_unknown, &[("name", &c.quote(asked))]);
    }
    match &r.exercise {
        Some(names) => one_exercise(c, names, &r.records),
        None if r.records.is_empty() => c.p.records_none.to_owned(),
        None => every_exercise(c, &r.records),
    }
}

fn one_exercise(c: &Ctx, names: &Names, records: &[RecordFact]) -> String {
    let name = c.name(names);
    let placeholders = [("name", name), ("in_name", &c.in_name(name))];
    if records.is_empty() {
        return fill(c.p.records_none_for, &placeholders);
    }
    let mut lines = vec![fill(c.p.records_for, &placeholders)];
    for fact in in_order(records.iter()) {
        lines.push(format!("- {} ({})", told(c, fact), c.day(fact.on)));
    }
    lines.join("\n")
}

fn every_exercise(c: &Ctx, records: &[RecordFact]) -> String {
    let mut groups: Vec<(&Names, Vec<&RecordFact>)> = Vec::new();
    for fact in records {
        match groups
            .iter_mut()
            .find(|(names, _)| **names == fact.exercise)
        {
            Some((_, facts)) => facts.push(fact),
            None => groups.push((&fact.exercise, vec![fact])),
        }
    }
    let latest = |facts: &[&RecordFact]| facts.iter().map(|f| f.on).max();
    groups.sort_by_key(|(_, facts)| std::cmp::Reverse(latest(facts)));
    let mut lines = vec![c.p.records_all.to_owned()];
    for (names, facts) in groups.iter().take(MAX_EXERCISES) {
        let shown: Vec<String> = in_order(facts.iter().copied())
            .take(RECORDS_PER_EXERCISE)
            .map(|fact| told(c, fact))
            .collect();
        lines.push(format!("- {} — {}", c.name(names), shown.join(" · ")));
    }
    if groups.len() > MAX_EXERCISES {
        lines.push(c.p.more_exercises.count(groups.len() - MAX_EXERCISES));
    }
    lines.join("\n")
}

/// "Heaviest weight: 100 kg".
pub(in crate::domain::chat::coach::reply) fn told(c: &Ctx, fact: &RecordFact) -> String {
    let value = amounts::record(fact.record_type, fact.value, c.units, c.language);
    format!("{}: {value}", record_label(c.t, fact.record_type))
}

fn in_order<'a>(
    facts: impl Iterator<Item = &'a RecordFact>,
) -> impl Iterator<Item = &'a RecordFact> {
    let mut facts: Vec<&RecordFact> = facts.collect();
    facts.sort_by_key(|f| ORDER.iter().position(|t| *t == f.record_type));
    facts.into_iter()
}

/// "Your estimated one-rep max on Deadlift (Barbell): 180 kg (from your best set, 3 Mar 2021; …)".
pub(super) fn e1rm(c: &Ctx, r: &RecordsResult) -> String {
    let Some(names) = &r.exercise else {
        return reply(c, r);
    };
    let name = c.name(names);
    let in_name = c.in_name(name);
    match r.records.iter().find(|f| f.record_type == RecordType::E1rm) {
        Some(fact) => fill(
            c.p.e1rm,
            &[
                ("name", name),
                ("in_name", &in_name),
                (
                    "value",
                    &amounts::record(fact.record_type, fact.value, c.units, c.language),
                ),
                ("date", &c.date(fact.on)),
            ],
        ),
        None => fill(c.p.e1rm_none, &[("name", name), ("in_name", &in_name)]),
    }
}

/// "You last did Squat (Barbell) on 3 Mar 2021 (Wed 3 Mar 2021) — 40 workouts with it in all."
pub(super) fn last_done(c: &Ctx, r: &RecordsResult) -> String {
    let Some(names) = &r.exercise else {
        return reply(c, r);
    };
    let name = c.name(names);
    match r.last_done {
        Some(on) => fill(
            c.p.last_done,
            &[
                ("name", name),
                ("date", &c.date(on)),
                ("ago", &c.day(on)),
                ("workouts", &c.t.workouts.count(r.workouts)),
            ],
        ),
        None => fill(c.p.last_done_never, &[("name", name)]),
    }
}
