//! Values put into URLs by hand-built redirects and links (`?error=…&email=…`, `?next=/c/1`,
//! pager links): percent-encoded so a typed `&` or `#` cannot end the value early.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986's unreserved characters.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');
/// A local path given as a value (`next=/c/1`): slashes stay readable.
const PATH_VALUE: &AsciiSet = &QUERY_VALUE.remove(b'/');

pub fn query_value(s: &str) -> String {
    utf8_percent_encode(s, QUERY_VALUE).to_string()
}

pub fn path_value(s: &str) -> String {
    utf8_percent_encode(s, PATH_VALUE).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_cannot_break_out_of_their_place() {
        assert_eq!(query_value("a b&c=ד"), "a%20b%26c%3D%D7%93");
        assert_eq!(query_value("Bench-press_1.5~"), "Bench-press_1.5~");
        assert_eq!(path_value("/c/1?x=a b"), "/c/1%3Fx%3Da%20b");
        assert_eq!(query_value("/c/1#x"), "%2Fc%2F1%23x");
    }
}
