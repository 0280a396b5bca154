//! Resolves what someone calls an exercise ("bench", "Squat (Barbell)", "ולחיצת חזה",
//! "bench pres") to ranked candidates, each with a confidence in 0..=1. It matches over any
//! [`MatchTarget`]s, so the server passes the catalog's targets chained with the user's custom
//! exercises. Pure and deterministic; verbs and quantities are the NL parser's job, not this one's.
//!
//! Each target scores the best of its names on this ladder (first rung that holds):
//!
//! | rung | example | confidence |
//! |---|---|---|
//! | exact, after [`normalize`](fn@super::normalize) | "squat (barbell)" = "Squat (Barbell)" | 1.0 |
//! | variant: Hebrew prefix, plural, spacing | "הסקוואט", "Squats", "benchpress", "שכיבת סמיכה" | 0.95 |
//! | same words, any order | "Barbell Squat" = "Squat (Barbell)" | 0.9 |
//! | typo, optimal-string-alignment distance on the joined forms | "bench pres", "sqaut" | 0.86 / 0.8 / 0.74 for 1 / 2 / 3 edits |
//! | some words shared | "press" ~ "Leg Press" | 0.45–0.8 by how much of each side is covered |
//!
//! A query that only matches once a unilateral qualifier or a machine brand is removed
//! ("Single Arm Lat Pulldown", "Bent Over Row Machine (Panatta)") scores 0.04 less. Typos need
//! at least 5 letters for one edit (4 in Hebrew, which writes no vowels), 9 for two, 14 for three.

use super::forms::{Forms, Spelling, Token, without_qualifiers};
use serde::{Deserialize, Serialize};

/// [`best_match`] accepts a candidate at or above this: a typo-free variant or reordering of a
/// known name, or one typo in a longer name. Word overlap alone (at most 0.8) never qualifies.
pub const AUTO_ACCEPT: f32 = 0.85;
/// [`best_match`] also needs the runner-up this far behind, i.e. on a lower rung of the ladder.
pub const AMBIGUITY_MARGIN: f32 = 0.03;
/// Candidates below this are not worth showing.
pub const MIN_CONFIDENCE: f32 = 0.6;
/// A sensible `limit` for [`match_exercise`] in a picker or a clarifying question.
pub const MAX_CANDIDATES: usize = 5;

const EXACT: f32 = 1.0;
const VARIANT: f32 = 0.95;
const TOKEN_SET: f32 = 0.9;
const QUALIFIER_PENALTY: f32 = 0.04;
const PARTIAL_BASE: f32 = 0.45;
const PARTIAL_SPAN: f32 = 0.35;
/// Query keys (one per way of removing Hebrew prefixes) compared for typos.
const TYPO_KEYS: usize = 8;

/// A catalog or custom exercise prepared for matching: its names are normalized once, here.
#[derive(Clone, Debug)]
pub struct MatchTarget {
    slug: String,
    name_en: String,
    name_he: String,
    names: Vec<(String, Forms)>,
}

impl MatchTarget {
    /// `slug` identifies the target in the returned [`Candidate`]: a catalog slug, or whatever
    /// stable key the caller gives a custom exercise. Either display name may be empty; names
    /// with nothing matchable in them are skipped.
    pub fn new<S: AsRef<str>>(
        slug: impl Into<String>,
        name_en: impl Into<String>,
        name_he: impl Into<String>,
        aliases: impl IntoIterator<Item = S>,
    ) -> MatchTarget {
        let (name_en, name_he) = (name_en.into(), name_he.into());
        let mut names = Vec::new();
        let all = [name_en.clone(), name_he.clone()]
            .into_iter()
            .chain(aliases.into_iter().map(|a| a.as_ref().to_owned()));
        for text in all {
            if let Some(forms) = Forms::of(&text) {
                names.push((text, forms));
            }
        }
        MatchTarget {
            slug: slug.into(),
            name_en,
            name_he,
            names,
        }
    }

    pub fn slug(&self) -> &str {
        &self.slug
    }
}

/// One possible reading of a query. `matched` is the name (as written in the catalog or by the
/// user) that scored best.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Candidate {
    pub slug: String,
    pub name_en: String,
    pub name_he: String,
    pub confidence: f32,
    pub matched: String,
}

/// Up to `limit` targets that `query` may mean, best first, none below [`MIN_CONFIDENCE`]. Equal
/// confidences keep the order the targets came in, so list the likelier ones first.
pub fn match_exercise<'a>(
    query: &str,
    targets: impl IntoIterator<Item = &'a MatchTarget>,
    limit: usize,
) -> Vec<Candidate> {
    match Readings::of(query) {
        Some(readings) => readings.ranked(targets, limit),
        None => Vec::new(),
    }
}

/// The one target `query` clearly means, if any: the best candidate when it reaches
/// [`AUTO_ACCEPT`] and the runner-up trails it by at least [`AMBIGUITY_MARGIN`]. Callers ask the
/// user (showing [`match_exercise`]'s list) when this is `None`.
pub fn best_match<'a>(
    query: &str,
    targets: impl IntoIterator<Item = &'a MatchTarget>,
) -> Option<Candidate> {
    let readings = Readings::of(query)?;
    let targets: Vec<&MatchTarget> = targets.into_iter().collect();
    // Most names people use are a catalog name, a variant or a reordering of one: a cheap pass
    // over those rungs decides when its best reaches the same-words rung. Then the typo (at
    // most 0.86) and word-overlap (0.8) rungs cannot win, nor come within the margin of the
    // best, so they are skipped; the answer is the full ranking's.
    let mut top: [Option<(f32, &MatchTarget, &str)>; 2] = [None, None];
    for target in &targets {
        let Some((confidence, matched)) = readings.cheap(target) else {
            continue;
        };
        let entry = Some((confidence, *target, matched));
        if top[0].is_none_or(|(best, _, _)| confidence > best) {
            top = [entry, top[0]];
        } else if top[1].is_none_or(|(second, _, _)| confidence > second) {
            top[1] = entry;
        }
    }
    if let Some((confidence, target, matched)) = top[0]
        && confidence >= TOKEN_SET
    {
        let clear = top[1].is_none_or(|(second, _, _)| confidence - second >= AMBIGUITY_MARGIN);
        return clear.then(|| Candidate {
            slug: target.slug.clone(),
            name_en: target.name_en.clone(),
            name_he: target.name_he.clone(),
            confidence,
            matched: matched.to_owned(),
        });
    }
    let mut top = readings.ranked(targets, 2).into_iter();
    let best = top.next()?;
    let clear = top
        .next()
        .is_none_or(|second| best.confidence - second.confidence >= AMBIGUITY_MARGIN);
    (best.confidence >= AUTO_ACCEPT && clear).then_some(best)
}

/// The query as typed, plus the same with qualifiers removed (scored lower).
struct Readings(Vec<Reading>);

struct Reading {
    forms: Forms,
    /// Every key variant (compared whole); the first [`TYPO_KEYS`] are also compared for typos.
    keys: Vec<Spelling>,
    penalty: f32,
}

impl Readings {
    fn of(query: &str) -> Option<Readings> {
        let forms = Forms::of(query)?;
        let stripped = without_qualifiers(&forms.normalized);
        let mut readings = vec![Reading::new(forms, 0.0)];
        for text in stripped {
            if let Some(forms) = Forms::of_normalized(text) {
                readings.push(Reading::new(forms, QUALIFIER_PENALTY));
            }
        }
        Some(Readings(readings))
    }

    fn ranked<'a>(
        &self,
        targets: impl IntoIterator<Item = &'a MatchTarget>,
        limit: usize,
    ) -> Vec<Candidate> {
        let mut found: Vec<Candidate> = targets
            .into_iter()
            .filter_map(|target| self.score(target))
            .filter(|c| c.confidence >= MIN_CONFIDENCE)
            .collect();
        found.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        found.truncate(limit);
        found
    }

    /// The target's best score on the rungs above the typo rung, and the name that gave it
    /// (the first of the best, as [`Readings::score`] picks).
    fn cheap<'t>(&self, target: &'t MatchTarget) -> Option<(f32, &'t str)> {
        let mut best: Option<(f32, &str)> = None;
        for reading in &self.0 {
            for (text, name) in &target.names {
                let Some(confidence) = reading.cheap_score(name) else {
                    continue;
                };
                let confidence = confidence - reading.penalty;
                if best.is_none_or(|(top, _)| confidence > top) {
                    best = Some((confidence, text));
                }
            }
        }
        best
    }

    fn score(&self, target: &MatchTarget) -> Option<Candidate> {
        let mut best: Option<(f32, &str)> = None;
        for reading in &self.0 {
            for (text, name) in &target.names {
                let Some(confidence) = reading.score(name) else {
                    continue;
                };
                let confidence = confidence - reading.penalty;
                if best.is_none_or(|(top, _)| confidence > top) {
                    best = Some((confidence, text));
                }
            }
        }
        let (confidence, matched) = best?;
        Some(Candidate {
            slug: target.slug.clone(),
            name_en: target.name_en.clone(),
            name_he: target.name_he.clone(),
            confidence,
            matched: matched.to_owned(),
        })
    }
}

impl Reading {
    fn new(forms: Forms, penalty: f32) -> Reading {
        let keys = forms
            .key_variants()
            .into_iter()
            .map(Spelling::new)
            .collect();
        Reading {
            forms,
            keys,
            penalty,
        }
    }

    fn score(&self, name: &Forms) -> Option<f32> {
        let query = &self.forms;
        self.cheap_score(name).or_else(|| {
            let typo = std::iter::once((&query.compact, &name.compact))
                .chain(self.keys.iter().take(TYPO_KEYS).map(|key| (key, &name.key)))
                .filter_map(|(a, b)| typo_confidence(a, b))
                .reduce(f32::max);
            // Word overlap needs a query word that is not an equipment word in the name.
            typo.or_else(|| {
                (query.content_mask & name.words_mask != 0)
                    .then(|| shared_words(&query.tokens, &name.tokens))
                    .flatten()
            })
        })
    }

    /// The rungs above the typo rung (exact, variant, same words), or `None`.
    fn cheap_score(&self, name: &Forms) -> Option<f32> {
        let query = &self.forms;
        if query.normalized == name.normalized {
            return Some(EXACT);
        }
        if query.compact.text == name.compact.text
            || self.keys.iter().any(|k| k.text == name.key.text)
        {
            return Some(VARIANT);
        }
        (query.words_mask & name.words_mask != 0 && same_words(&query.tokens, &name.tokens))
            .then_some(TOKEN_SET)
    }
}

/// Pairs each query word with a distinct agreeing name word, first come first served (names are
/// a few words long, so greedy pairing is as good as an optimal one here). Returns the number of
/// pairs and how many of them are not mere equipment or posture words.
fn pair_words(query: &[Token], name: &[Token]) -> (usize, usize) {
    let mut used = vec![false; name.len()];
    let (mut paired, mut content) = (0, 0);
    for word in query {
        if let Some(i) = (0..name.len()).find(|&i| !used[i] && word.agrees_with(&name[i])) {
            used[i] = true;
            paired += 1;
            content += usize::from(!word.descriptor);
        }
    }
    (paired, content)
}

fn same_words(query: &[Token], name: &[Token]) -> bool {
    query.len() == name.len() && pair_words(query, name).0 == name.len()
}

/// Word overlap: only when at least half of the query's words are in the name and one of them
/// is more than an equipment word. Scores the geometric mean of how much of the query and how
/// much of the name is covered.
fn shared_words(query: &[Token], name: &[Token]) -> Option<f32> {
    let (paired, content) = pair_words(query, name);
    let of_query = paired as f32 / query.len() as f32;
    let of_name = paired as f32 / name.len() as f32;
    (content > 0 && of_query >= 0.5)
        .then(|| PARTIAL_BASE + PARTIAL_SPAN * (of_query * of_name).sqrt())
}

/// How close two spellings are, by their edit distance (with transpositions) and the shorter
/// one's length: one edit from 5 characters (4 in Hebrew), two from 9, three from 14. Most
/// pairs of names are far apart, so the distance is computed only when two cheap lower bounds
/// (the length difference, then the characters one has that the other lacks) leave it in reach.
fn typo_confidence(a: &Spelling, b: &Spelling) -> Option<f32> {
    let (len_a, len_b) = (a.chars, b.chars);
    let shorter = len_a.min(len_b);
    let one_edit_min = if b.hebrew { 4 } else { 5 };
    let allowed = match shorter {
        n if n >= 14 => 3,
        n if n >= 9 => 2,
        n if n >= one_edit_min => 1,
        _ => return None,
    };
    if len_a.abs_diff(len_b) > allowed || a.bag.distance(&b.bag) > allowed {
        return None;
    }
    match strsim::osa_distance(&a.text, &b.text) {
        1 => Some(0.86),
        2 if shorter >= 9 => Some(0.8),
        3 if shorter >= 14 => Some(0.74),
        _ => None,
    }
}

#[cfg(test)]
mod export_name_tests;
#[cfg(test)]
mod tests;
