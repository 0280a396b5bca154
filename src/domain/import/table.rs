//! The CSV layer of an export, vendor-blind: strips a UTF-8 BOM, detects the delimiter from the
//! header line, and hands out rows with the physical line each starts on. Quoted fields may hold
//! delimiters and line breaks; CRLF and blank lines are fine.

use super::LineError;
use csv::{ByteRecord, ReaderBuilder, StringRecord, Trim};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) struct Table<'a> {
    bytes: &'a [u8],
    reader: csv::Reader<&'a [u8]>,
    record: ByteRecord,
    finished: bool,
    /// A byte offset already counted, and the 1-based line it is on.
    counted: (usize, usize),
    /// Trimmed header cells, as written.
    pub header: Vec<String>,
    pub header_line: usize,
    /// Semicolon-separated exports come from locales that write `82,5`.
    pub decimal_comma: bool,
    /// Mends a row with one field too many (an unquoted delimiter inside a cell), when the
    /// vendor knows which cell it can only belong to; `None` leaves it an error.
    pub repair: Option<Repair>,
}

/// A vendor's mend for a row with one field too many: the row's cells as they should be.
pub(super) type Repair = Box<dyn Fn(&[String]) -> Option<Vec<String>>>;

/// One data row whose field count matches the header.
#[derive(Debug)]
pub(super) struct Row {
    pub line: usize,
    pub decimal_comma: bool,
    /// The row had one field too many and [`Table::repair`] mended it.
    pub repaired: bool,
    fields: StringRecord,
}

impl Row {
    /// The trimmed cell of `column`, or `""` for a column this file does not have.
    pub fn get(&self, column: Option<usize>) -> &str {
        column
            .and_then(|index| self.fields.get(index))
            .unwrap_or("")
    }
}

impl<'a> Table<'a> {
    pub fn open(bytes: &'a [u8]) -> Result<Self, LineError> {
        let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
        let delimiter = detect_delimiter(bytes);
        let mut reader = ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(Trim::All)
            .delimiter(delimiter)
            .from_reader(bytes);
        let mut record = ByteRecord::new();
        let has_header = reader
            .read_byte_record(&mut record)
            .map_err(|error| LineError::new(1, format!("the file is not readable CSV: {error}")))?;
        if !has_header {
            return Err(LineError::new(1, "the file is empty"));
        }
        let mut counted = (0, 1);
        let header_line = line_of(bytes, &record, &mut counted);
        let header = StringRecord::from_byte_record(record.clone())
            .map_err(|_| LineError::new(header_line, not_utf8()))?
            .iter()
            .map(str::to_owned)
            .collect();
        Ok(Table {
            bytes,
            reader,
            record,
            finished: false,
            counted,
            header,
            header_line,
            decimal_comma: delimiter == b';',
            repair: None,
        })
    }

    /// The next non-blank data row, or the error that makes this line unusable.
    pub fn next_row(&mut self) -> Option<Result<Row, LineError>> {
        while !self.finished {
            match self.reader.read_byte_record(&mut self.record) {
                Ok(false) => self.finished = true,
                Err(error) => {
                    // A reader over a byte slice cannot fail at I/O; stop rather than loop.
                    self.finished = true;
                    let line = self.counted.1;
                    return Some(Err(LineError::new(
                        line,
                        format!("unreadable CSV: {error}"),
                    )));
                }
                Ok(true) => {
                    if self.record.iter().all(<[u8]>::is_empty) {
                        continue;
                    }
                    return Some(self.checked_row());
                }
            }
        }
        None
    }

    fn checked_row(&mut self) -> Result<Row, LineError> {
        let line = line_of(self.bytes, &self.record, &mut self.counted);
        let expected = self.header.len();
        let found = self.record.len();
        let extra_cells_empty = self.record.iter().skip(expected).all(<[u8]>::is_empty);
        let fields = StringRecord::from_byte_record(self.record.clone())
            .map_err(|_| LineError::new(line, not_utf8()))?;
        // One field too many, even an empty one (a name's comma shifts the empty comment
        // out): the vendor may know where it belongs.
        if found == expected + 1
            && let Some(repair) = self.repair.as_ref()
        {
            let cells: Vec<String> = fields.iter().map(str::to_owned).collect();
            if let Some(cells) = repair(&cells).filter(|cells| cells.len() == expected) {
                return Ok(Row {
                    line,
                    decimal_comma: self.decimal_comma,
                    repaired: true,
                    fields: StringRecord::from(cells),
                });
            }
        }
        if found < expected || !extra_cells_empty {
            let message =
                format!("has {found} fields, expected {expected} (one per header column)");
            return Err(LineError::new(line, message));
        }
        Ok(Row {
            line,
            decimal_comma: self.decimal_comma,
            repaired: false,
            fields,
        })
    }
}

/// The physical line a record starts on. The csv crate's own line numbers drift on CRLF and
/// blank lines, and its record offset points at the end of the previous record, so this skips
/// line breaks from there and counts `\n`s, resuming from the last count (`counted`).
fn line_of(bytes: &[u8], record: &ByteRecord, counted: &mut (usize, usize)) -> usize {
    let mut start = record
        .position()
        .map_or(0, |position| position.byte() as usize)
        .min(bytes.len());
    while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
        start += 1;
    }
    let (from, line) = *counted;
    if start >= from {
        let breaks = bytes[from..start].iter().filter(|&&b| b == b'\n').count();
        *counted = (start, line + breaks);
    }
    counted.1
}

fn not_utf8() -> String {
    "is not UTF-8 text (export the file again, or save it as UTF-8)".to_owned()
}

/// The most frequent of `,` `;` and tab outside quotes on the first line; `,` on a tie.
fn detect_delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in first_line {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in counts.iter_mut() {
                if byte == *delimiter {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .fold((b',', 0), |best, &c| if c.1 > best.1 { c } else { best })
        .0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each row as its line and cells.
    type Rows = Vec<Result<(usize, Vec<String>), LineError>>;

    fn rows(text: &str) -> (Vec<String>, Rows) {
        let mut table = Table::open(text.as_bytes()).unwrap();
        let width = table.header.len();
        let mut out = Vec::new();
        while let Some(row) = table.next_row() {
            out.push(row.map(|r| {
                (
                    r.line,
                    (0..width).map(|i| r.get(Some(i)).to_owned()).collect(),
                )
            }));
        }
        (table.header, out)
    }

    #[test]
    fn delimiter_comes_from_the_header_line_outside_quotes() {
        for (text, expected) in [
            ("a,b,c\n", b','),
            ("a;b;c\n", b';'),
            ("\"Workout #\";\"Date\";\"Weight (kg)\"\n", b';'),
            ("\"a;b\",c,d\n", b','),
            ("a\tb\tc\n", b'\t'),
            ("single\n", b','),
        ] {
            assert_eq!(detect_delimiter(text.as_bytes()), expected, "{text:?}");
        }
    }

    #[test]
    fn bom_crlf_quoted_newlines_and_blank_lines_keep_physical_line_numbers() {
        let text = "\u{feff}A,B\r\n1,\"two\r\nlines, with comma\"\r\n\r\n3,4\r\n,\r\n\r\n";
        let (header, out) = rows(text);
        assert_eq!(header, ["A", "B"]);
        let out: Vec<_> = out.into_iter().map(Result::unwrap).collect();
        assert_eq!(
            out[0],
            (2, vec!["1".into(), "two\r\nlines, with comma".into()])
        );
        assert_eq!(out[1], (5, vec!["3".into(), "4".into()]));
        assert_eq!(
            out.len(),
            2,
            "the all-empty row and trailing blank lines are skipped"
        );
    }

    #[test]
    fn line_numbers_count_every_physical_line() {
        for (text, expected) in [
            ("A,B\n1,2\n3,4\n", vec![2, 3]),
            ("A,B\r\n1,2\r\n3,4\r\n", vec![2, 3]),
            ("A,B\n\n1,2\n\n\n3,4", vec![3, 6]),
            ("\r\n\r\nA,B\r\n1,\"x\r\ny\"\r\n3,4\r\n", vec![4, 6]),
        ] {
            let lines: Vec<usize> = rows(text).1.into_iter().map(|r| r.unwrap().0).collect();
            assert_eq!(lines, expected, "{text:?}");
        }
    }

    #[test]
    fn wrong_field_counts_are_line_errors_but_empty_trailing_cells_are_not() {
        let (_, out) = rows("A,B,C\n1,2\n1,2,3,\n1,2,3,4\n");
        assert_eq!(out[0].as_ref().unwrap_err().line, 2);
        assert!(
            out[0]
                .as_ref()
                .unwrap_err()
                .message
                .contains("has 2 fields, expected 3")
        );
        assert_eq!(out[1].as_ref().unwrap().0, 3);
        assert_eq!(out[2].as_ref().unwrap_err().line, 4);
    }

    #[test]
    fn invalid_utf8_is_reported_on_its_line() {
        let mut table = Table::open(b"A,B\n1,2\n\xff,3\n").unwrap();
        assert!(table.next_row().unwrap().is_ok());
        let error = table.next_row().unwrap().unwrap_err();
        assert_eq!(error.line, 3);
        assert!(error.message.contains("UTF-8"));
    }

    #[test]
    fn empty_input_is_one_error_at_line_one() {
        for text in ["", "\u{feff}", "\n\n"] {
            assert_eq!(
                Table::open(text.as_bytes()).err().unwrap(),
                LineError::new(1, "the file is empty")
            );
        }
    }
}
