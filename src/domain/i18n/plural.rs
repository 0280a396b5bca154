//! Counted phrases in both languages. Hebrew has a form for one, one for two (the dual of
//! time words: "יומיים", "שבועיים"; "שני סטים" for others) and one for the rest; English uses
//! its plural for two. Each form is a whole phrase, so the words around the number agree with
//! it too ("1 workout was", "2 workouts were").

use crate::domain::display;

/// The three forms of a counted phrase; `{n}` is replaced by the number, thousands grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plural {
    pub one: &'static str,
    pub two: &'static str,
    pub many: &'static str,
}

impl Plural {
    /// The form for `n` (CLDR's rule for Hebrew, which English satisfies with `two == many`).
    pub fn form(&self, n: i64) -> &'static str {
        match n {
            1 => self.one,
            2 => self.two,
            _ => self.many,
        }
    }

    /// The phrase for `n`: `"1 day"`, `"יומיים"`, `"12,400 points"`.
    pub fn count(&self, n: impl TryInto<i64>) -> String {
        let n: i64 = n.try_into().unwrap_or(i64::MAX);
        self.form(n).replace("{n}", &display::count(n))
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::i18n::{EN, HE};

    #[test]
    fn hebrew_has_a_form_for_one_for_two_and_for_many() {
        let cases = [
            (0, "0 ימים", "0 days"),
            (1, "יום אחד", "1 day"),
            (2, "יומיים", "2 days"),
            (3, "3 ימים", "3 days"),
            (11, "11 ימים", "11 days"),
            (1_000, "1,000 ימים", "1,000 days"),
        ];
        for (n, he, en) in cases {
            assert_eq!(HE.days.count(n), he, "{n} in Hebrew");
            assert_eq!(EN.days.count(n), en, "{n} in English");
        }
        assert_eq!(HE.sets.count(2), "שני סטים");
        assert_eq!(HE.points.count(1), "נקודה אחת");
        assert_eq!(EN.points.count(12_400), "12,400 points");
    }

    #[test]
    fn the_words_around_the_number_agree_with_it() {
        assert_eq!(EN.workouts.count(1), "1 workout");
        assert_eq!(EN.workouts.count(5), "5 workouts");
        assert_eq!(HE.sets.count(1), "סט אחד");
    }
}
