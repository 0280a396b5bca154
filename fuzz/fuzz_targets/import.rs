//! `cargo fuzz run import`: see `spotter::fuzzing::import` for the property.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| spotter::fuzzing::import(data));
