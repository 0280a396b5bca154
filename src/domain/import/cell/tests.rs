use super::*;
use chrono::NaiveDate;

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, mo, d)
        .unwrap()
        .and_hms_opt(h, mi, s)
        .unwrap()
}

#[test]
fn timestamps_in_every_export_style() {
    for (text, expected) in [
        ("2021-02-10 18:05:11", at(2021, 2, 10, 18, 5, 11)),
        ("2021-02-10 18:05", at(2021, 2, 10, 18, 5, 0)),
        ("2021-02-10T18:05:11", at(2021, 2, 10, 18, 5, 11)),
        ("9 Apr 2026, 17:18", at(2026, 4, 9, 17, 18, 0)),
        ("09 Apr 2026, 07:05", at(2026, 4, 9, 7, 5, 0)),
        ("Jun 11, 2026, 1:01 PM", at(2026, 6, 11, 13, 1, 0)),
        ("Jun 11, 2026, 12:30 AM", at(2026, 6, 11, 0, 30, 0)),
        ("Jun 11, 2026, 1:01\u{202f}pm", at(2026, 6, 11, 13, 1, 0)),
        ("11 June 2026, 13:01", at(2026, 6, 11, 13, 1, 0)),
    ] {
        assert_eq!(datetime("Date", text), Ok(expected), "{text:?}");
    }
    for text in [
        "",
        "2021-13-10 18:05:11",
        "yesterday",
        "10/02/2021 18:05",
        "31 Feb 2026, 10:00",
    ] {
        assert!(
            datetime("Date", text).unwrap_err().starts_with("Date"),
            "{text:?}"
        );
    }
}

#[test]
fn durations_in_seconds_clocks_and_words() {
    for (text, expected) in [
        ("", None),
        ("0", None),
        ("330", Some(330)),
        ("330.0", Some(330)),
        ("5:30", Some(330)),
        ("1:05:30", Some(3930)),
        ("1h 5m", Some(3900)),
        ("2h", Some(7200)),
        ("45m", Some(2700)),
        ("50s", Some(50)),
        ("1h 2m 3s", Some(3723)),
        ("1h5m", Some(3900)),
        ("1 hr 5 min", Some(3900)),
    ] {
        assert_eq!(seconds("Duration", text, false), Ok(expected), "{text:?}");
    }
    for text in [
        "1x",
        "h",
        "-5",
        "1::2",
        "1:2:3:4",
        "25h",
        "abc",
        "5 parsecs",
    ] {
        assert!(seconds("Duration", text, false).is_err(), "{text:?}");
    }
}

#[test]
fn numbers_take_a_decimal_comma_only_in_semicolon_files() {
    assert_eq!(number("Weight", "82,5", true), Ok(Some(82.5)));
    assert_eq!(number("Weight", "82.5", true), Ok(Some(82.5)));
    assert_eq!(
        number("Weight", "82,5", false),
        Err("Weight: \"82,5\" is not a number".into())
    );
    for text in ["inf", "NaN", "1e3", "8 kg", "1.2.3"] {
        assert!(number("Weight", text, false).is_err(), "{text:?}");
    }
}

#[test]
fn quantities_are_range_checked_and_zero_means_not_recorded() {
    assert_eq!(reps("Reps", "5.0", false), Ok(Some(5)));
    assert_eq!(reps("Reps", "0", false), Ok(None));
    assert_eq!(reps("Reps", "1000", false), Ok(Some(1000)));
    assert_eq!(
        reps("Reps", "1001", false),
        Err("Reps: 1001 is more than 1000 reps".into())
    );
    assert_eq!(
        reps("Reps", "-3", false),
        Err("Reps: -3 is negative".into())
    );
    assert_eq!(
        reps("Reps", "5.5", false),
        Err("Reps: 5.5 is not a whole number".into())
    );

    let lb = weight_kg("Weight", "225", false, WeightUnit::Lb)
        .unwrap()
        .unwrap();
    assert!((lb - 102.058_283_25).abs() < 1e-6);
    assert_eq!(weight_kg("Weight", "0.0", false, WeightUnit::Kg), Ok(None));
    assert_eq!(
        weight_kg("Weight", "1000", false, WeightUnit::Kg),
        Ok(Some(1000.0))
    );
    assert_eq!(
        weight_kg("Weight", "1000.5", false, WeightUnit::Kg),
        Err("Weight: 1000.5 is 1000.5 kg, more than 1000 kg".into())
    );
    assert_eq!(
        weight_kg("Weight", "2500", false, WeightUnit::Lb),
        Err("Weight: 2500 is 1134.0 kg, more than 1000 kg".into())
    );
    assert_eq!(
        weight_kg("Weight", "-5", false, WeightUnit::Kg),
        Err("Weight: -5 is negative".into())
    );

    let mile = distance_m("Distance", "1", false, M_PER_MILE)
        .unwrap()
        .unwrap();
    assert!((mile - 1609.344).abs() < 1e-9);
    assert_eq!(
        distance_m("Distance", "2,5", true, 1000.0),
        Ok(Some(2500.0))
    );
    assert!(distance_m("Distance", "2000", false, 1000.0).is_err());

    assert_eq!(rpe("RPE", "7.5", false), Ok(Some(7.5)));
    assert_eq!(rpe("RPE", "", false), Ok(None));
    assert_eq!(rpe("RPE", "0", false), Ok(None));
    for bad in ["0.5", "10.5", "11", "-1"] {
        assert_eq!(
            rpe("RPE", bad, false),
            Err(format!("RPE: {bad} is outside 1–10"))
        );
    }
}

#[test]
fn set_types_in_every_vendor_spelling() {
    for (text, expected) in [
        ("1", SetType::Normal),
        ("12", SetType::Normal),
        ("", SetType::Normal),
        ("normal", SetType::Normal),
        ("W", SetType::Warmup),
        ("WARM_UP", SetType::Warmup),
        ("warmup", SetType::Warmup),
        ("F", SetType::Failure),
        ("FAILURE", SetType::Failure),
        ("failure", SetType::Failure),
        ("D", SetType::Dropset),
        ("DROP_SET", SetType::Dropset),
        ("dropset", SetType::Dropset),
    ] {
        assert_eq!(set_type("Set Order", text), Ok(expected), "{text:?}");
    }
    assert!(
        set_type("set_type", "superset")
            .unwrap_err()
            .starts_with("set_type: \"superset\" is not a set type")
    );
    assert!(is_rest_timer("Rest Timer") && is_rest_timer("REST_TIMER") && !is_rest_timer("1"));
}

#[test]
fn unit_words() {
    assert_eq!(WeightUnit::from_word("lbs"), Some(WeightUnit::Lb));
    assert_eq!(WeightUnit::from_word("KG"), Some(WeightUnit::Kg));
    assert_eq!(WeightUnit::from_word("stone"), None);
    assert_eq!(metres_per("mi."), Some(M_PER_MILE));
    assert_eq!(metres_per("meters"), Some(1.0));
    assert_eq!(metres_per("km"), Some(1000.0));
    assert_eq!(metres_per("feet"), Some(0.3048));
    assert_eq!(metres_per("parsecs"), None);
}
