//! `cargo fuzz run nl_log`: see `spotter::fuzzing::nl_log` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| spotter::fuzzing::nl_log(data));
