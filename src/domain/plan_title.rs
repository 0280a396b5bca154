//! Which pending plan item a user means by the words they used for it: "mark leg day as done"
//! for "Leg day", "bought the running shoes" for "Buy running shoes", "סיימתי את הריצה" for
//! "ריצה 5 ק"מ". Equal titles first, then one title containing the other, then the item that
//! shares the most words (Hebrew prefixes and English plurals set aside); a tie is no answer.

use crate::domain::catalog::{is_hebrew, normalize};

/// Words that say nothing about which item.
#[rustfmt::skip]
const STOP: &[&str] = &[
    "the", "a", "an", "my", "it", "that", "one", "this", "to", "for", "of", "on", "את", "של", "לי",
    "זה", "ה",
];

/// The index of the item of `titles` that `asked` means, if exactly one fits best.
pub fn best_title(titles: &[&str], asked: &str) -> Option<usize> {
    let asked_folded = normalize(asked);
    if asked_folded.is_empty() {
        return None;
    }
    let folded: Vec<String> = titles.iter().map(|t| normalize(t)).collect();
    if let Some(i) = folded.iter().position(|t| *t == asked_folded) {
        return Some(i);
    }
    let containing: Vec<usize> = (0..titles.len())
        .filter(|&i| folded[i].contains(&asked_folded) || asked_folded.contains(&folded[i]))
        .collect();
    if let [i] = containing[..] {
        return Some(i);
    }
    let wanted = stems(&asked_folded);
    let scores: Vec<usize> = folded
        .iter()
        .map(|t| {
            let have = stems(t);
            wanted.iter().filter(|w| have.contains(w)).count()
        })
        .collect();
    let best = *scores.iter().max()?;
    let at_best: Vec<usize> = (0..titles.len()).filter(|&i| scores[i] == best).collect();
    match at_best[..] {
        [i] if best > 0 => Some(i),
        _ => None,
    }
}

/// A title's telling words, each without a glued Hebrew ה/ב/ל/ו/ש and an English plural "s".
fn stems(folded: &str) -> Vec<String> {
    folded
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP.contains(w))
        .map(|w| {
            let hebrew = is_hebrew(w);
            let w = if hebrew && w.chars().count() > 3 {
                w.strip_prefix(['ה', 'ב', 'ל', 'ו', 'ש']).unwrap_or(w)
            } else {
                w
            };
            let w = if !hebrew && w.len() > 3 {
                w.strip_suffix('s').unwrap_or(w)
            } else {
                w
            };
            w.to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::best_title;

    #[test]
    fn the_item_meant_by_the_words_used() {
        let items = ["Leg day", "5k run", "Buy running shoes", "Mobility work"];
        for (asked, want) in [
            ("leg day", Some(0)),
            ("LEG DAY", Some(0)),
            ("the running shoes", Some(2)),
            ("mobility", Some(3)),
            ("run", Some(1)),
            ("day", Some(0)),
            ("yoga", None),
            ("", None),
        ] {
            assert_eq!(best_title(&items, asked), want, "{asked:?}");
        }
        let hebrew = ["אימון רגליים", "ריצה 5 ק\"מ", "לקנות נעלי ריצה", "מתיחות"];
        for (asked, want) in [
            ("אימון הרגליים", Some(0)),
            ("נעלי הריצה", Some(2)),
            ("מתיחות", Some(3)),
            ("שחייה", None),
        ] {
            assert_eq!(best_title(&hebrew, asked), want, "{asked:?}");
        }
        // "הריצה" is in two items equally: no guess.
        assert_eq!(best_title(&hebrew, "הריצה"), None);
        assert_eq!(
            best_title(&["ריצה 5 ק\"מ", "אימון רגליים"], "הריצה"),
            Some(0)
        );
    }
}
