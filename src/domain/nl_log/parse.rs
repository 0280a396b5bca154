//! The parser: the message's tokens ([`super::scan`]) are cut into clauses at separators and
//! at the words that join them ("and", "then", "ואז"…); each clause reads into groups of sets
//! by pattern (sets × reps, "3 sets of 10", weight × reps, lists, weights, distances and
//! durations with their units, RPE, RIR, warm-ups) and its exercise from the words left (or
//! from the verb: "ran" is running, "רצתי" is ריצה). A clause without a name continues the
//! exercise before it ("bench 3x8 at 80, then 2x6 at 85"). A number no pattern explains is a
//! [`Doubt`], never a guess.

use super::doubt::{About, Doubt};
use super::lexicon::*;
use super::scan::{Tok, distance_factor, is_in, scan, time_factor};
use super::{Entry, ParsedLog};
use crate::domain::catalog::catalog;
use crate::domain::training::SetType;
use crate::domain::workout::{MAX_REPS, MAX_SETS_PER_EXERCISE, SetInput, WeightUnit};

/// Sets that share their amounts: "3x5 @ 100" is one group of three sets.
#[derive(Clone, Debug, Default)]
struct Group {
    sets: Option<f64>,
    /// One value, or one per set.
    reps: Option<Vec<f64>>,
    weights: Option<Vec<f64>>,
    unit: Option<WeightUnit>,
    /// The weight was said as "kilo" (kilometres after a cardio verb, in Hebrew).
    kilo: bool,
    distance_m: Option<f64>,
    duration_s: Option<f64>,
    rpe: Option<f64>,
    warmup: bool,
}

impl Group {
    fn has_amount(&self) -> bool {
        self.reps.is_some()
            || self.weights.is_some()
            || self.distance_m.is_some()
            || self.duration_s.is_some()
    }
    fn is_empty(&self) -> bool {
        !self.has_amount() && self.sets.is_none() && self.rpe.is_none()
    }
    /// `other`'s fields fit into this group's empty ones ("squat 3 sets, 5 reps, 100kg").
    fn can_take(&self, other: &Group) -> bool {
        (other.sets.is_none() || self.sets.is_none())
            && (other.reps.is_none() || self.reps.is_none())
            && (other.weights.is_none() || self.weights.is_none())
            && (other.distance_m.is_none() || self.distance_m.is_none())
            && (other.duration_s.is_none() || self.duration_s.is_none())
            && (other.rpe.is_none() || self.rpe.is_none())
            && other.warmup == self.warmup
    }
    fn take(&mut self, other: Group) {
        self.sets = self.sets.or(other.sets);
        self.reps = self.reps.take().or(other.reps);
        if self.weights.is_none() {
            self.weights = other.weights;
            self.unit = other.unit;
            self.kilo = other.kilo;
        }
        self.distance_m = self.distance_m.or(other.distance_m);
        self.duration_s = self.duration_s.or(other.duration_s);
        self.rpe = self.rpe.or(other.rpe);
    }
}

/// One clause, read.
#[derive(Default)]
struct Clause {
    groups: Vec<Group>,
    /// Numbers that no pattern took, and lists likewise.
    bare: Vec<f64>,
    bare_lists: Vec<Vec<f64>>,
    /// "3 sets:": the sets announced for what follows.
    declared: Option<f64>,
    doubts: Vec<About>,
    name: Vec<String>,
    /// The exercise a verb, race or pool names ("ran" → running).
    implied: Option<&'static str>,
    /// "last set rpe 10": the clause is about the last set only.
    last_set: bool,
    /// Warm-up sets go on into the next clause unless it starts with "then" or names
    /// working sets.
    warmup_open: bool,
    /// "working sets", "work", "עבודה": warm-ups end.
    working: bool,
    /// "1:30": read once the clause's distance is known.
    short_clocks: Vec<(f64, f64)>,
    /// "a race": its distance must be said.
    race: bool,
}

fn word(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Word(w)) => Some(w.as_str()),
        _ => None,
    }
}

fn weight_unit(w: &str) -> Option<WeightUnit> {
    if is_in(w, KG) {
        Some(WeightUnit::Kg)
    } else if is_in(w, LB) {
        Some(WeightUnit::Lb)
    } else {
        None
    }
}

fn is_any_unit(w: &str) -> bool {
    weight_unit(w).is_some() || distance_factor(w).is_some() || time_factor(w).is_some()
}

/// Reads a clause's tokens into groups of sets.
struct Reader<'a> {
    toks: &'a [Tok],
    used: Vec<bool>,
    clause: Clause,
    /// Warm-up marker seen: groups made from here on are warm-ups.
    warmup: bool,
}

impl<'a> Reader<'a> {
    fn new(toks: &'a [Tok], warmup: bool) -> Self {
        Reader {
            toks,
            used: vec![false; toks.len()],
            clause: Clause::default(),
            warmup,
        }
    }

    fn num(&self, i: usize) -> Option<f64> {
        match self.toks.get(i) {
            Some(Tok::Num(n)) if !self.used[i] => Some(*n),
            _ => None,
        }
    }

    fn take(&mut self, from: usize, count: usize) {
        let end = (from + count).min(self.used.len());
        self.used[from..end].iter_mut().for_each(|u| *u = true);
    }

    /// The group a new field goes into: the current one, unless it already has that field.
    fn group(&mut self, has: impl Fn(&Group) -> bool) -> &mut Group {
        let warmup = self.warmup;
        let start_new = match self.clause.groups.last() {
            None => true,
            Some(g) => has(g) || (g.warmup != warmup && g.has_amount()),
        };
        if start_new {
            self.clause.groups.push(Group {
                warmup,
                ..Group::default()
            });
        }
        let g = self.clause.groups.last_mut().expect("pushed above");
        if !g.has_amount() {
            g.warmup = warmup;
        }
        g
    }

    fn set_sets_reps(&mut self, sets: f64, reps: Vec<f64>) {
        let g = self.group(|g| g.sets.is_some() || g.reps.is_some());
        g.sets = Some(sets);
        g.reps = Some(reps);
    }

    fn set_weight(&mut self, values: Vec<f64>, unit: Option<WeightUnit>, kilo: bool) {
        let g = self.group(|g| g.weights.is_some());
        g.weights = Some(values);
        g.unit = unit;
        g.kilo = kilo;
    }

    fn set_reps(&mut self, reps: Vec<f64>) {
        let g = self.group(|g| g.reps.is_some());
        g.reps = Some(reps);
    }

    fn set_sets(&mut self, sets: f64) {
        let g = self.group(|g| g.sets.is_some());
        g.sets = Some(sets);
    }

    fn set_distance(&mut self, m: f64) {
        let g = self.group(|g| g.distance_m.is_some());
        g.distance_m = Some(m);
    }

    fn add_duration(&mut self, s: f64, adds: bool) {
        let g = self.group(|g| g.duration_s.is_some() && !adds);
        *g.duration_s.get_or_insert(0.0) += s;
    }

    fn set_rpe(&mut self, rpe: f64) {
        // RPE belongs to the sets said before it ("100x5 rpe 9"), or the next ones when none.
        match self.clause.groups.last_mut() {
            Some(g) if g.rpe.is_none() => g.rpe = Some(rpe),
            _ => self.group(|g| g.rpe.is_some()).rpe = Some(rpe),
        }
    }

    /// Is a weight said anywhere in this clause (before or after `i`)?
    fn weight_said(&self) -> bool {
        self.clause.groups.iter().any(|g| g.weights.is_some())
            || self.toks.iter().enumerate().any(|(j, t)| {
                matches!(t, Tok::Num(_))
                    && word(self.toks.get(j + 1)).and_then(weight_unit).is_some()
            })
            || self.toks.iter().any(|t| matches!(t, Tok::At))
    }

    /// `a x b [x c]` at `i`; true when it took them.
    fn times(&mut self, i: usize, a: f64) -> bool {
        let toks = self.toks;
        if !matches!(toks.get(i + 1), Some(Tok::Times)) {
            return false;
        }
        // "3 x 10, 9, 8", "60 x 10, 9, 8"
        if let Some(Tok::List(list)) = toks.get(i + 2) {
            if a > 20.0 {
                self.set_weight(vec![a], None, false);
                self.set_reps(list.clone());
            } else {
                self.set_sets_reps(a, list.clone());
            }
            self.take(i, 3);
            return true;
        }
        let Some(b) = self.num(i + 2) else {
            return false;
        };
        // "3 x 60 sec", "5 x 400m", "3 x 100kg"
        if let Some(unit) = word(toks.get(i + 3)) {
            if let Some(f) = time_factor(unit) {
                self.set_sets(a);
                self.add_duration(b * f, false);
                self.take(i, 4);
                return true;
            }
            if let Some(f) = distance_factor(unit) {
                self.set_sets(a);
                self.set_distance(b * f);
                self.take(i, 4);
                return true;
            }
            if weight_unit(unit).is_some() {
                // "5 x 100kg": five reps or five sets? (unless more follows: "3 x 5 x 100kg")
                if !matches!(toks.get(i + 3), Some(Tok::Times)) {
                    self.clause.doubts.push(About::WeightOrSets {
                        first: b,
                        second: a,
                    });
                    self.take(i, 4);
                    return true;
                }
            }
        }
        // "3x5x100", "100x5x3"
        if matches!(toks.get(i + 3), Some(Tok::Times))
            && let Some(c) = self.num(i + 4)
        {
            let unit = word(toks.get(i + 5)).and_then(weight_unit);
            let took = if unit.is_some() { 6 } else { 5 };
            if a <= 10.0 && (c > 20.0 || unit.is_some()) {
                self.set_sets_reps(a, vec![b]);
                self.set_weight(vec![c], unit, false);
            } else if a > 20.0 && c <= 10.0 {
                self.set_weight(vec![a], None, false);
                self.set_sets_reps(c, vec![b]);
            } else {
                self.clause.doubts.push(About::Number { value: c });
            }
            self.take(i, took);
            return true;
        }
        if a <= 10.0 {
            self.set_sets_reps(a, vec![b]);
        } else if a >= 20.0 {
            if self
                .clause
                .groups
                .last()
                .is_some_and(|g| g.weights.is_some() && g.reps.is_none())
            {
                // "100kg 20x5"? a weight already: 20 sets is not likely either.
                self.clause.doubts.push(About::WeightOrSets {
                    first: a,
                    second: b,
                });
            } else {
                self.set_weight(vec![a], None, false);
                self.set_reps(vec![b]);
            }
        } else if self.weight_said() {
            self.set_sets_reps(a, vec![b]);
        } else {
            self.clause.doubts.push(About::WeightOrSets {
                first: a,
                second: b,
            });
        }
        self.take(i, 3);
        true
    }

    fn read(mut self) -> Clause {
        let toks = self.toks;
        let mut i = 0;
        while i < toks.len() {
            if self.used[i] {
                i += 1;
                continue;
            }
            let next = word(toks.get(i + 1));
            match &toks[i] {
                Tok::Warmup => {
                    self.warmup = true;
                    self.clause.warmup_open = true;
                    self.used[i] = true;
                }
                Tok::Percent => {
                    self.clause.doubts.push(About::Percent);
                    self.used[i] = true;
                }
                Tok::PerHour => {
                    self.clause.doubts.push(About::Speed);
                    self.used[i] = true;
                }
                Tok::PerSide => {
                    self.clause.doubts.push(About::PerSide);
                    self.used[i] = true;
                }
                Tok::Lengths(n) => {
                    self.clause.doubts.push(About::PoolLength { lengths: *n });
                    self.clause.implied.get_or_insert("swimming");
                    self.used[i] = true;
                }
                Tok::Race(m) => {
                    self.clause.race = false;
                    self.set_distance(*m);
                    self.clause.implied.get_or_insert("running");
                    self.used[i] = true;
                }
                Tok::Singles(reps)
                    if matches!(toks.get(i + 1), Some(Tok::Colon))
                        && matches!(toks.get(i + 2), Some(Tok::List(_)))
                        && !matches!(toks.get(i + 3), Some(Tok::Times))
                        && !word(toks.get(i + 3)).is_some_and(|w| is_in(w, REPS)) =>
                {
                    // "squat doubles: 150, 155, 160": a set of two at each weight.
                    if let Some(Tok::List(weights)) = toks.get(i + 2) {
                        self.set_weight(weights.clone(), None, false);
                        self.set_reps(vec![*reps]);
                    }
                    self.take(i, 3);
                }
                Tok::Singles(_) if matches!(toks.get(i + 1), Some(Tok::Colon)) => {
                    // "bench doubles: 3 x 2 @ 105": a heading.
                    self.take(i, 2);
                }
                Tok::Singles(reps) => {
                    // "3 doubles", "a double", "single"
                    let count = match i.checked_sub(1).and_then(|j| self.num(j)) {
                        Some(n) => {
                            self.used[i - 1] = true;
                            n
                        }
                        None => 1.0,
                    };
                    self.set_sets_reps(count, vec![*reps]);
                    self.used[i] = true;
                }
                Tok::Clock(secs) => {
                    self.add_duration(*secs, false);
                    self.used[i] = true;
                }
                Tok::ShortClock(a, b) => {
                    self.clause.short_clocks.push((*a, *b));
                    self.used[i] = true;
                }
                Tok::List(list) => {
                    let list = list.clone();
                    if let Some(u) = next.and_then(weight_unit) {
                        // "60, 65, 70 kg"
                        self.set_weight(list, Some(u), next.is_some_and(|w| is_in(w, KILO)));
                        self.take(i, 2);
                    } else if next.is_some_and(|w| is_in(w, REPS)) {
                        self.set_reps(list);
                        self.take(i, 2);
                    }
                }
                Tok::Times => {
                    // "100kg x 8", "60kg x 10, 9, 8", "x 5 x 3"
                    match toks.get(i + 1) {
                        Some(Tok::Num(b)) if !self.used[i + 1] => {
                            let b = *b;
                            if matches!(toks.get(i + 2), Some(Tok::Times))
                                && let Some(c) = self.num(i + 3)
                            {
                                self.set_sets_reps(c, vec![b]);
                                self.take(i, 4);
                            } else {
                                self.set_reps(vec![b]);
                                self.take(i, 2);
                            }
                            i += 2;
                            continue;
                        }
                        Some(Tok::List(list)) => {
                            self.set_reps(list.clone());
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                        _ => self.used[i] = true,
                    }
                }
                Tok::Num(n) => {
                    let n = *n;
                    if self.times(i, n) {
                        i += 1;
                        continue;
                    }
                    if let Some(w) = next {
                        if is_in(w, SETS) {
                            self.take(i, 2);
                            if matches!(toks.get(i + 2), Some(Tok::Colon)) {
                                // "3 sets: 160 x 12, 180 x 10, 200 x 8"
                                self.clause.declared = Some(n);
                                self.take(i + 2, 1);
                                i += 3;
                                continue;
                            }
                            // "3 sets of 10", "3 sets x 10", "3 סטים של 10", "3 sets: 10, 8, 6"
                            let mut j = i + 2;
                            if word(toks.get(j)).is_some_and(|w| OF.contains(&w))
                                || matches!(toks.get(j), Some(Tok::Times))
                            {
                                j += 1;
                            }
                            let unit_after = word(toks.get(j + 1)).is_some_and(is_any_unit)
                                || matches!(toks.get(j + 1), Some(Tok::Times));
                            match toks.get(j) {
                                Some(Tok::Num(m)) if !unit_after && !self.used[j] => {
                                    let m = *m;
                                    self.set_sets_reps(n, vec![m]);
                                    self.take(i + 2, j - i - 1);
                                    i = j + 1;
                                    continue;
                                }
                                Some(Tok::List(list)) if !unit_after => {
                                    let list = list.clone();
                                    self.set_sets_reps(n, list);
                                    self.take(i + 2, j - i - 1);
                                    i = j + 1;
                                    continue;
                                }
                                _ => {
                                    self.set_sets(n);
                                    i += 2;
                                    continue;
                                }
                            }
                        }
                        // "2 ברזרבה", "2 in reserve": reps in reserve.
                        if is_in(w, RESERVE)
                            || (w == "in"
                                && word(toks.get(i + 2)).is_some_and(|w| is_in(w, RESERVE)))
                        {
                            self.set_rpe(10.0 - n);
                            let took = if is_in(w, RESERVE) { 2 } else { 3 };
                            self.take(i, took);
                            i += took;
                            continue;
                        }
                        if is_in(w, REPS) {
                            // "2 reps in reserve", "2 חזרות ברזרבה"
                            let reserve =
                                |k: usize| word(toks.get(k)).is_some_and(|w| is_in(w, RESERVE));
                            if reserve(i + 2)
                                || (word(toks.get(i + 2)) == Some("in") && reserve(i + 3))
                            {
                                self.set_rpe(10.0 - n);
                                let took = if reserve(i + 2) { 3 } else { 4 };
                                self.take(i, took);
                                i += took;
                                continue;
                            }
                            self.set_reps(vec![n]);
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                        if let Some(unit) = weight_unit(w) {
                            self.set_weight(vec![n], Some(unit), is_in(w, KILO));
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                        if matches!(w, "plates" | "plate" | "פלטות" | "פלטה") {
                            // "two plates": which plates, on which bar?
                            self.clause.doubts.push(About::Number { value: n });
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                        if let Some(m) = distance_factor(w) {
                            if w == "k" {
                                // "a 10K": a race's distance, run.
                                self.clause.implied.get_or_insert("running");
                            }
                            self.set_distance(n * m);
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                        if let Some(s) = time_factor(w) {
                            // "1 hour 10 minutes": the parts add up.
                            let adds = i >= 2
                                && self.used[i - 1]
                                && word(toks.get(i - 1)).and_then(time_factor).is_some();
                            self.add_duration(n * s, adds);
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                        if RPE.contains(&w) {
                            self.set_rpe(n);
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                        if RIR.contains(&w) {
                            self.set_rpe(10.0 - n);
                            self.take(i, 2);
                            i += 2;
                            continue;
                        }
                    }
                }
                Tok::At => {
                    // "@ rpe 8", "@ rir 2", "@ 100kg", "@ 100", "@8" (after a weight: RPE)
                    if let Some(w) = next
                        && (RPE.contains(&w) || RIR.contains(&w))
                        && let Some(n) = self.num(i + 2)
                    {
                        self.set_rpe(if RPE.contains(&w) { n } else { 10.0 - n });
                        self.take(i, 3);
                        i += 3;
                        continue;
                    }
                    if let Some(n) = self.num(i + 1) {
                        let after = word(toks.get(i + 2));
                        // "@ 8.5 rpe" (but "@ 55 rpe 7" is a weight, then an RPE)
                        if after.is_some_and(|w| RPE.contains(&w)) && self.num(i + 3).is_none() {
                            self.set_rpe(n);
                            self.take(i, 3);
                            i += 3;
                            continue;
                        }
                        if let Some(unit) = after.and_then(weight_unit) {
                            self.set_weight(
                                vec![n],
                                Some(unit),
                                after.is_some_and(|w| is_in(w, KILO)),
                            );
                            self.take(i, 3);
                            i += 3;
                            continue;
                        }
                        if n < 10.0 {
                            let weighted = self
                                .clause
                                .groups
                                .last()
                                .is_some_and(|g| g.weights.is_some());
                            if weighted {
                                self.set_rpe(n);
                            } else {
                                self.clause.doubts.push(About::RpeOrWeight { value: n });
                            }
                        } else {
                            self.set_weight(vec![n], None, false);
                        }
                        self.take(i, 2);
                        i += 2;
                        continue;
                    }
                    self.used[i] = true;
                }
                Tok::Word(w) if RPE.contains(&w.as_str()) || RIR.contains(&w.as_str()) => {
                    if let Some(n) = self.num(i + 1) {
                        self.set_rpe(if RPE.contains(&w.as_str()) {
                            n
                        } else {
                            10.0 - n
                        });
                        self.take(i, 2);
                        i += 2;
                        continue;
                    }
                }
                Tok::Word(w) if is_in(w, AT) || w == "ב" => {
                    // "at 100", "with 80 kg", "עם 80 קילו", "ב-100"
                    if let Some(n) = self.num(i + 1) {
                        let after = word(toks.get(i + 2));
                        if after.is_some_and(|w| {
                            (distance_factor(w).is_some()
                                || time_factor(w).is_some()
                                || is_in(w, REPS)
                                || is_in(w, SETS))
                                && w != "s"
                        }) || matches!(toks.get(i + 2), Some(Tok::Times | Tok::Singles(_)))
                        {
                            self.used[i] = true;
                            i += 1;
                            continue;
                        }
                        let unit = after.and_then(weight_unit);
                        self.set_weight(vec![n], unit, after.is_some_and(|w| is_in(w, KILO)));
                        // "with 30s": a pair of 30s, not 30 seconds.
                        let took = if unit.is_some() || after == Some("s") {
                            3
                        } else {
                            2
                        };
                        self.take(i, took);
                        i += took;
                        continue;
                    }
                    if let Some(Tok::List(list)) = toks.get(i + 1) {
                        let list = list.clone();
                        let unit = word(toks.get(i + 2)).and_then(weight_unit);
                        self.set_weight(list, unit, false);
                        let took = if unit.is_some() { 3 } else { 2 };
                        self.take(i, took);
                        i += took;
                        continue;
                    }
                }
                Tok::Word(w) if FOR.contains(&w.as_str()) || w == "ל" => {
                    // "for 5 reps", "for 5", "ל-10", "for 30 minutes" (the unit rule reads it)
                    if let Some(n) = self.num(i + 1) {
                        let after = word(toks.get(i + 2));
                        if after.is_some_and(|w| is_in(w, SETS) || is_any_unit(w)) {
                            self.used[i] = true;
                            i += 1;
                            continue;
                        }
                        self.set_reps(vec![n]);
                        let took = if after.is_some_and(|w| is_in(w, REPS)) {
                            3
                        } else {
                            2
                        };
                        self.take(i, took);
                        i += took;
                        continue;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        self.leftovers();
        self.clause
    }

    /// Numbers and lists no pattern took, and the words left for the name.
    fn leftovers(&mut self) {
        let toks = self.toks;
        // "1:30": with a distance, the reading whose pace a person can run or ride; without
        // one, minutes and seconds, except on a run or ride, where it is asked.
        for (a, b) in std::mem::take(&mut self.clause.short_clocks) {
            let distance = self.clause.groups.iter().find_map(|g| g.distance_m);
            let cardio = self.clause.implied.is_some()
                || toks.iter().any(|t| matches!(t, Tok::Word(w) if VERBS.iter().any(|(v, n)| v == w && CARDIO.contains(n))));
            let short = a * 60.0 + b;
            match distance {
                Some(m) if short / (m / 1000.0) < 60.0 => {
                    self.add_duration(a * 3600.0 + b * 60.0, false)
                }
                Some(_) => self.add_duration(short, false),
                None if cardio => self.clause.doubts.push(About::Clock {
                    first: a,
                    second: b,
                }),
                None => self.add_duration(short, false),
            }
        }
        // "כתפיים: לחיצת כתפיים 4 על 10": a heading before the colon, when a name follows it.
        let colon = toks.iter().position(|t| matches!(t, Tok::Colon));
        let named = |range: std::ops::Range<usize>, used: &[bool]| {
            range.into_iter().any(|j| {
                !used[j]
                    && matches!(&toks[j], Tok::Word(w) if !is_in(w, FILLER) && !is_any_unit(w) && !is_in(w, SETS) && !is_in(w, REPS) && !VERBS.iter().any(|(v, _)| v == w))
            })
        };
        if let Some(c) = colon
            && named(0..c, &self.used)
            && named(c + 1..toks.len(), &self.used)
        {
            self.take(0, c);
        }
        for (j, t) in toks.iter().enumerate() {
            if self.used[j] {
                continue;
            }
            match t {
                Tok::Num(n) => self.clause.bare.push(*n),
                Tok::List(l) => self.clause.bare_lists.push(l.clone()),
                Tok::Word(w) => {
                    if let Some((_, name)) = VERBS.iter().find(|(v, _)| v == w) {
                        self.clause.implied = Some(name);
                    } else if matches!(w.as_str(), "last" | "אחרון" | "האחרון") {
                        self.clause.last_set = true;
                    } else if matches!(w.as_str(), "race" | "מרוץ" | "תחרות") {
                        self.clause.implied.get_or_insert("running");
                        self.clause.race = true;
                    } else if matches!(w.as_str(), "working" | "work" | "עבודה") {
                        self.clause.working = true;
                    } else if w == "swimming" && !self.clause.name.is_empty() {
                        // written by the pool rule after the name already said
                    } else if !is_in(w, FILLER)
                        && !is_in(w, REPS)
                        && !is_in(w, SETS)
                        && (!is_any_unit(w)
                            || (j > 0
                                && matches!(toks[j - 1], Tok::Word(_))
                                && !self.clause.name.is_empty()))
                        && !RPE.contains(&w.as_str())
                        && !RIR.contains(&w.as_str())
                        && !is_in(w, RESERVE)
                    {
                        self.clause.name.push(w.clone());
                    }
                }
                _ => {}
            }
        }
    }
}

/// The clauses of a message, each marked when it starts with "then".
fn clauses(toks: Vec<Tok>) -> Vec<(Vec<Tok>, bool)> {
    let mut out: Vec<(Vec<Tok>, bool)> = vec![(Vec::new(), false)];
    for t in toks {
        let (split, then) = match &t {
            Tok::Sep => (true, false),
            Tok::Word(w) => (JOINERS.contains(&w.as_str()), THEN.contains(&w.as_str())),
            _ => (false, false),
        };
        if split {
            out.push((Vec::new(), then));
            continue;
        }
        // "ורצתי", "ו50", and after amounts "ולחיצת חזה": a glued "and" before a verb, a
        // number or an exercise's word starts a new clause.
        let has_amount = out.last().is_some_and(|(p, _)| {
            p.iter()
                .any(|t| matches!(t, Tok::Num(_) | Tok::List(_) | Tok::Clock(_)))
        });
        if let Tok::Word(w) = &t
            && let Some(rest) = w.strip_prefix('ו')
            && (VERBS.iter().any(|(v, _)| *v == rest)
                || DOING.contains(&rest)
                || super::numbers::word_value(rest).is_some()
                || (has_amount && rest.chars().count() >= 2 && catalog().knows_word(rest)))
        {
            out.push((vec![Tok::Word(rest.to_owned())], false));
            continue;
        }
        if let Some((part, _)) = out.last_mut() {
            part.push(t);
        }
    }
    out.retain(|(p, _)| !p.is_empty());
    out
}

/// How many days back the message is about ("yesterday", "אתמול", "3 days ago", "לפני 3
/// ימים", "the day before yesterday", "last night"), with the words that said it taken out
/// (their number is not a rep count).
fn days_ago(toks: &mut Vec<Tok>) -> u32 {
    let is = |t: Option<&Tok>, words: &[&str]| matches!(t, Some(Tok::Word(w)) if words.contains(&w.as_str()));
    for i in 0..toks.len() {
        let n = match &toks[i] {
            Tok::Num(n) => *n,
            Tok::Word(w)
                if w == "yesterday"
                    && i >= 2
                    && is(toks.get(i - 1), &["before"])
                    && is(toks.get(i - 2), &["day"]) =>
            {
                toks.drain(i - 2..=i);
                return 2;
            }
            Tok::Word(w)
                if matches!(
                    w.as_str(),
                    "yesterday" | "yesterday's" | "אתמול" | "yday" | "מאתמול"
                ) =>
            {
                toks.remove(i);
                return 1;
            }
            Tok::Word(w) if w == "night" && i >= 1 && is(toks.get(i - 1), &["last"]) => {
                toks.drain(i - 1..=i);
                return 1;
            }
            Tok::Word(w) if w == "שלשום" => {
                toks.remove(i);
                return 2;
            }
            Tok::Word(w) if w == "יומיים" && i >= 1 && is(toks.get(i - 1), &["לפני"]) => {
                toks.drain(i - 1..=i);
                return 2;
            }
            _ => continue,
        };
        let days = (n.max(0.0) as u32).min(365);
        // "3 days ago"
        if is(toks.get(i + 1), &["days", "day"]) && is(toks.get(i + 2), &["ago"]) {
            toks.drain(i..i + 3);
            return days;
        }
        // "לפני 3 ימים"
        if i > 0 && is(toks.get(i - 1), &["לפני"]) && is(toks.get(i + 1), &["ימים", "יום"])
        {
            toks.drain(i - 1..i + 2);
            return days;
        }
    }
    0
}

/// A group's sets, or what to ask about them.
fn expand(g: &Group, default_unit: WeightUnit, doubts: &mut Vec<About>) -> Vec<SetInput> {
    if !g.has_amount() {
        return Vec::new();
    }
    let reps = g.reps.clone().unwrap_or_default();
    let weights = g.weights.clone().unwrap_or_default();
    let (k, j) = (reps.len(), weights.len());
    if k > 1 && j > 1 && k != j {
        doubts.push(About::Counts {
            sets: k as f64,
            listed: j,
        });
        return Vec::new();
    }
    let listed = k.max(j);
    let count = match g.sets {
        Some(s) if listed > 1 && s != listed as f64 => {
            doubts.push(About::Counts { sets: s, listed });
            return Vec::new();
        }
        Some(s) => s,
        None => listed.max(1) as f64,
    };
    if count < 1.0 || count.fract() != 0.0 || count > MAX_SETS_PER_EXERCISE as f64 {
        doubts.push(About::OutOfRange { value: count });
        return Vec::new();
    }
    if let Some(r) = reps
        .iter()
        .find(|r| r.fract() != 0.0 || **r < 1.0 || **r > MAX_REPS as f64)
    {
        doubts.push(About::OutOfRange { value: *r });
        return Vec::new();
    }
    let pick = |list: &[f64], i: usize| -> Option<f64> {
        match list.len() {
            0 => None,
            1 => Some(list[0]),
            _ => list.get(i).copied(),
        }
    };
    (0..count as usize)
        .map(|i| SetInput {
            reps: pick(&reps, i).map(|r| r as i64),
            weight: pick(&weights, i),
            unit: pick(&weights, i).map(|_| g.unit.unwrap_or(default_unit)),
            distance_m: g.distance_m,
            duration_s: g.duration_s.map(|d| d.round() as i64),
            rpe: g.rpe,
            set_type: g.warmup.then_some(SetType::Warmup),
            ..SetInput::default()
        })
        .collect()
}

enum Settled {
    Done,
    /// A lone number became the reps: the exercise decides (reps of push-ups, a question for
    /// a bench press).
    BareReps,
}

/// Numbers left over in a clause: a weight beside reps ("bench 3x8 80"), reps beside a weight
/// ("squat 100 kg 5"), reps of a set count ("3 sets 10"), or a lone count ("50 push-ups").
/// What cannot be placed stays in `bare` (asked about).
fn settle(
    groups: &mut Vec<Group>,
    bare: &mut Vec<f64>,
    lists: &mut Vec<Vec<f64>>,
    doubts: &mut Vec<About>,
    before_has_amounts: bool,
) -> Settled {
    let with_amount = groups.iter().filter(|g| g.has_amount()).count();
    if with_amount > 1 || (bare.is_empty() && lists.is_empty()) || bare.len() + lists.len() > 1 {
        return Settled::Done;
    }
    let value: Vec<f64> = match (bare.first(), lists.first()) {
        (Some(n), None) => vec![*n],
        (None, Some(l)) => l.clone(),
        _ => return Settled::Done,
    };
    let plain = |g: &Group| g.distance_m.is_none() && g.duration_s.is_none();
    if let Some(g) = groups.iter_mut().find(|g| g.has_amount()) {
        if g.reps.is_some()
            && g.weights.is_none()
            && plain(g)
            && (value.len() == 1 || g.reps.as_ref().is_some_and(|r| r.len() == 1))
        {
            g.weights = Some(value);
        } else if g.weights.is_some() && g.reps.is_none() && plain(g) {
            g.reps = Some(value);
        } else {
            return Settled::Done;
        }
        bare.clear();
        lists.clear();
        return Settled::Done;
    }
    if before_has_amounts {
        // "squat 3x5 @ 100, 5": a number alone after sets, meaning unclear.
        return Settled::Done;
    }
    let sets_said = groups.iter().any(|g| g.sets.is_some());
    match groups.last_mut() {
        Some(g) => g.reps = Some(value),
        None => groups.push(Group {
            reps: Some(value),
            ..Group::default()
        }),
    }
    bare.clear();
    lists.clear();
    let _ = doubts;
    if sets_said {
        Settled::Done
    } else {
        Settled::BareReps
    }
}

/// An exercise being built from its clauses.
struct Building {
    exercise: String,
    groups: Vec<Group>,
    bare: Vec<f64>,
    bare_lists: Vec<Vec<f64>>,
    declared: Option<f64>,
    doubts: Vec<About>,
    explicit: bool,
    cardio_verb: bool,
    bare_reps: bool,
}

impl Building {
    fn absorb(&mut self, mut c: Clause) {
        // A clause's own numbers left over go with its own sets.
        let building_has_amounts = self.groups.iter().any(Group::has_amount);
        match settle(
            &mut c.groups,
            &mut c.bare,
            &mut c.bare_lists,
            &mut c.doubts,
            building_has_amounts,
        ) {
            Settled::BareReps => self.bare_reps = true,
            Settled::Done => {}
        }
        self.doubts.extend(c.doubts);
        self.bare.extend(c.bare);
        self.bare_lists.extend(c.bare_lists);
        self.declared = self.declared.or(c.declared);
        let mut groups = c.groups.into_iter().filter(|g| !g.is_empty());
        if let Some(first) = groups.next() {
            let last = self.groups.last_mut();
            match last {
                // "last set rpe 10": the last set of the group before, apart.
                Some(g) if c.last_set && !first.has_amount() && first.rpe.is_some() => {
                    let n = g.sets.unwrap_or(1.0);
                    if n > 1.0 && g.reps.as_ref().is_none_or(|r| r.len() <= 1) {
                        g.sets = Some(n - 1.0);
                        let mut one = g.clone();
                        one.sets = Some(1.0);
                        one.rpe = first.rpe;
                        self.groups.push(one);
                    } else {
                        g.rpe = first.rpe;
                    }
                }
                Some(g) if g.can_take(&first) => g.take(first),
                _ => self.groups.push(first),
            }
        }
        self.groups.extend(groups);
    }

    fn finish(mut self, default_unit: WeightUnit, hebrew: bool, doubts: &mut Vec<Doubt>) -> Entry {
        // A cardio verb with "קילו": kilometres ("רצתי 5 קילו").
        if self.cardio_verb {
            for g in &mut self.groups {
                if let Some(w) = g.weights.clone() {
                    if g.kilo && g.reps.is_none() && w.len() == 1 && g.distance_m.is_none() {
                        g.distance_m = Some(w[0] * 1000.0);
                        g.weights = None;
                        g.unit = None;
                    } else {
                        self.doubts.push(About::WeightOnCardio { value: w[0] });
                    }
                }
            }
        }
        // Numbers no clause could place.
        if let Some(value) = self
            .bare
            .first()
            .copied()
            .or(self.bare_lists.first().and_then(|l| l.first().copied()))
        {
            self.doubts.push(About::Number { value });
        }
        let bare_reps = self.bare_reps;
        // Lengths of a pool of unknown length do not matter when the distance was said
        // ("swam 1km, 40 lengths").
        if self.groups.iter().any(|g| g.distance_m.is_some()) {
            self.doubts
                .retain(|d| !matches!(d, About::PoolLength { .. }));
        }
        // Sets without a weight beside sets with one; a set count without reps beside sets
        // with them.
        let weighted = self.groups.iter().any(|g| g.weights.is_some());
        let with_amount = self.groups.iter().filter(|g| g.has_amount()).count();
        for g in &self.groups {
            if weighted
                && g.weights.is_none()
                && g.reps.is_some()
                && g.distance_m.is_none()
                && g.duration_s.is_none()
            {
                self.doubts.push(About::MissingWeight);
                break;
            }
            if (with_amount > 0 && !g.has_amount() && g.sets.is_some())
                || (g.weights.is_some()
                    && g.reps.is_none()
                    && g.distance_m.is_none()
                    && g.duration_s.is_none()
                    && !self.cardio_verb)
            {
                self.doubts.push(About::MissingReps);
                break;
            }
        }
        // "bench 3x8 185" on a metric account: 185 is a pound number (a 45 lb bar with 45 or
        // 25 lb plates); ask for the unit. Hebrew is written in kilograms.
        const POUND_LOADS: &[f64] = &[
            135.0, 185.0, 225.0, 275.0, 315.0, 365.0, 405.0, 455.0, 495.0,
        ];
        if default_unit == WeightUnit::Kg
            && !hebrew
            && let Some(w) = self
                .groups
                .iter()
                .filter(|g| g.unit.is_none())
                .flat_map(|g| g.weights.iter().flatten())
                .find(|w| POUND_LOADS.contains(w))
        {
            self.doubts.push(About::KgOrLb { value: *w });
        }
        let mut sets = Vec::new();
        for g in &self.groups {
            sets.extend(expand(g, default_unit, &mut self.doubts));
        }
        if let Some(declared) = self.declared
            && !sets.is_empty()
            && declared != sets.len() as f64
        {
            self.doubts.push(About::Counts {
                sets: declared,
                listed: sets.len(),
            });
        }
        let exercise = self.exercise;
        for about in self.doubts {
            doubts.push(Doubt {
                exercise: (!exercise.is_empty()).then(|| exercise.clone()),
                about,
            });
        }
        Entry {
            exercise,
            explicit: self.explicit,
            bare_reps,
            sets,
        }
    }
}

const CARDIO: &[&str] = &[
    "running",
    "ריצה",
    "cycling",
    "רכיבה על אופניים",
    "swimming",
    "שחייה",
    "walking",
    "הליכה",
    "rowing",
    "חתירה",
    "hiking",
];

/// Reads a message into exercises with their sets; `default_unit` is the unit of a weight
/// written without one ("squat 5x5 at 100").
pub fn parse(text: &str, default_unit: WeightUnit) -> ParsedLog {
    let hebrew = crate::domain::catalog::is_hebrew(text);
    let mut toks = scan(text);
    let days = days_ago(&mut toks);
    let mut building: Vec<Building> = Vec::new();
    let mut doubts = Vec::new();
    let mut warmup = false;
    for (part, after_then) in clauses(toks) {
        let continues_warmup = warmup && !after_then;
        let mut clause = Reader::new(&part, continues_warmup).read();
        if clause.working {
            for g in &mut clause.groups {
                g.warmup = false;
            }
        }
        warmup = (clause.warmup_open || continues_warmup) && !clause.working;
        let explicit = clause.groups.iter().any(|g| !g.is_empty()) || clause.implied.is_some();
        let has_amounts = explicit
            || !clause.bare.is_empty()
            || !clause.bare_lists.is_empty()
            || !clause.doubts.is_empty();
        // Beside a verb or a race ("ran", "marathon"), words no exercise's name uses are a
        // remark ("בוקר טוב", "first", "תל אביב").
        if let Some(implied) = clause.implied
            && clause
                .name
                .iter()
                .all(|w| !catalog().knows_word(w) || implied.split(' ').any(|i| i == w))
        {
            clause.name.clear();
        }
        // "40 lengths" after "swam 1km": the same exercise, said again by its verb.
        if clause.name.is_empty()
            && let (Some(implied), Some(b)) = (clause.implied, building.last())
            && b.exercise == implied
        {
            clause.implied = None;
        }
        if clause.race && !clause.groups.iter().any(|g| g.distance_m.is_some()) {
            clause.doubts.push(About::RaceDistance);
        }
        let name = if clause.name.is_empty() {
            clause.implied.map(str::to_owned)
        } else {
            Some(clause.name.join(" "))
        };
        match name {
            None if !has_amounts => {}
            None => match building.last_mut() {
                // "then 2x6 at 85": more sets of the exercise before.
                Some(b) => {
                    b.explicit |= explicit;
                    b.absorb(clause);
                }
                None => {
                    let mut b = Building {
                        exercise: String::new(),
                        groups: Vec::new(),
                        bare: Vec::new(),
                        bare_lists: Vec::new(),
                        declared: None,
                        doubts: vec![About::NoExercise],
                        explicit,
                        cardio_verb: false,
                        bare_reps: false,
                    };
                    b.absorb(clause);
                    building.push(b);
                }
            },
            Some(name) => {
                // A name with no amount after an exercise with amounts is a remark ("felt
                // strong"), unless nothing came before.
                let cardio_verb = clause.implied.is_some_and(|n| CARDIO.contains(&n));
                let mut b = Building {
                    exercise: name,
                    groups: Vec::new(),
                    bare: Vec::new(),
                    bare_lists: Vec::new(),
                    declared: None,
                    doubts: Vec::new(),
                    explicit,
                    cardio_verb,
                    bare_reps: false,
                };
                // An exercise named before its amounts, with the amounts in the next clause
                // ("squat: 2 warm-up sets…" is one clause; "Bench, 3x8" is two).
                b.absorb(clause);
                building.push(b);
            }
        }
    }
    // A named clause with nothing in it, between an exercise with amounts and a nameless
    // clause, does not take the amounts: merge the empty names away.
    let entries = building
        .into_iter()
        .map(|b| b.finish(default_unit, hebrew, &mut doubts))
        .collect();
    ParsedLog {
        entries,
        days_ago: days,
        doubts,
    }
}
