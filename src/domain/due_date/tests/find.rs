//! Phrases found inside sentences, with the exact bytes they occupy.

use super::*;

#[test]
fn find_due_locates_phrases_inside_sentences() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "add squat day tomorrow at 7pm",
            "tomorrow at 7pm",
            "2026-11-24 19:00",
        ),
        ("Leg day on Monday", "on Monday", "2026-11-30"),
        (
            "deadlift next friday 6pm please",
            "next friday 6pm",
            "2026-11-27 18:00",
        ),
        ("Run 5k in 3 days", "in 3 days", "2026-11-26"),
        ("bench 5x5 on 5/12.", "on 5/12", "2026-12-05"),
        ("stretch by sat", "by sat", "2026-11-28"),
        (
            "mobility work at 25:00 or tomorrow",
            "tomorrow",
            "2026-11-24",
        ),
        ("deload (next week)", "next week", "2026-11-30"),
        (
            "אימון רגליים מחר בשעה 18:00",
            "מחר בשעה 18:00",
            "2026-11-24 18:00",
        ),
        ("ריצה ביום שני הבא", "ביום שני הבא", "2026-11-30"),
        (
            "סקוואט ה-5 בדצמבר בבוקר",
            "ה-5 בדצמבר בבוקר",
            "2026-12-05 08:00",
        ),
        ("לחיצת חזה בעוד יומיים!", "בעוד יומיים", "2026-11-25"),
        ("אִימוּן מָחָר בָּעֶרֶב", "מָחָר בָּעֶרֶב", "2026-11-24 19:00"),
        ("מתיחות ומחר ריצה", "ומחר", "2026-11-24"),
        (
            "Call mom on 5/12/2026 at 18:00",
            "on 5/12/2026 at 18:00",
            "2026-12-05 18:00",
        ),
        ("bench tomorrow at 7 reps", "tomorrow", "2026-11-24"),
        ("מחר ב-8 חזרות", "מחר", "2026-11-24"),
        ("אימון (ב-5/12)", "ב-5/12", "2026-12-05"),
        ("ריצה קלה מחר בשבע", "מחר בשבע", "2026-11-24 07:00"),
    ];
    let now = at(MONDAY);
    for (text, phrase, want) in cases {
        let (due, range) =
            find_due(text, now).unwrap_or_else(|| panic!("nothing found in {text:?}"));
        assert_eq!(&text[range], *phrase, "{text:?}");
        assert_eq!(due.to_string(), *want, "{text:?}");
    }
}

#[test]
fn find_due_leaves_a_title_when_the_phrase_is_cut_out() {
    let text = "Squat day tomorrow at 7pm";
    let (_, range) = find_due(text, at(MONDAY)).unwrap();
    assert_eq!(text[..range.start].trim_end(), "Squat day");
    assert_eq!(range.end, text.len());

    let text = "ביום ב׳ אימון גב";
    let (due, range) = find_due(text, at(MONDAY)).unwrap();
    assert_eq!((range.start, due.to_string().as_str()), (0, "2026-11-30"));
    assert_eq!(text[range.end..].trim_start(), "אימון גב");
}

#[test]
fn find_due_ignores_quantities_and_ordinary_words() {
    let now = at(MONDAY);
    for text in [
        "",
        "banana",
        "add 2.5 kg plates",
        "add 2.5kg plates",
        "squat 105.12",
        "5-12 reps",
        "I sat on the bench",
        "out in the sun",
        "do the 5th set slower",
        "weekend warrior",
        "3 סטים ב-7 חזרות",
        "בשני סטים",
        "סט שני",
        "31/02 banana",
        "good morning",
        "squat 3x5 at 80 kg",
        "march 10 km",
        "on 5/12/7",
        "נסיעה לבאר שבע",
        "בשבע חזרות",
    ] {
        assert_eq!(find_due(text, now), None, "{text:?}");
    }
}
