//! `cargo fuzz run sandbox`: see `spotter::fuzzing::sandbox` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| spotter::fuzzing::sandbox(data));
