//! `cargo fuzz run markdown`: see `spotter::fuzzing::markdown` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| spotter::fuzzing::markdown(data));
