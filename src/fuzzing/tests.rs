//! The short fuzz run of every `cargo test`: each target on its seed corpus, then on seeded
//! mutations of it (bytes flipped, cut, repeated, spliced, and tokens that break parsers
//! inserted). Deterministic, so a failure repeats; `fuzz/` runs the same targets
//! coverage-guided for as long as one likes.

use super::*;

/// Mutations per target per run.
const MUTATIONS: usize = 4_000;

/// xorshift64*: a small, seeded, repeatable source of choices.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Tokens that have broken parsers: quotes, separators, numbers at the edges, scripts.
const TOKENS: &[&str] = &[
    "\"",
    "'",
    ",",
    ";",
    "\n",
    "\r\n",
    "\t",
    "\u{feff}",
    "x",
    "×",
    "@",
    "kg",
    "lb",
    "ק״ג",
    "km",
    ":",
    "-",
    ".",
    "0",
    "1e308",
    "-1",
    "NaN",
    "inf",
    "99999999999999999999",
    "0.0000001",
    "5x5",
    "3 x 8",
    "(",
    ")",
    "/*",
    "*/",
    "--",
    "$1",
    "?",
    "union",
    "select",
    "from",
    "where",
    "with",
    "join",
    "<",
    ">",
    "<script>",
    "javascript:",
    "](",
    "[",
    "]",
    "!",
    "`",
    "*",
    "_",
    "&#",
    "\\",
    "\u{200f}",
    "ה",
    "שלושה",
    "סטים",
    "🏋",
    "\0",
];

fn mutate(seeds: &[Vec<u8>], rng: &mut Rng) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..=rng.below(4) {
        let at = rng.below(data.len() + 1);
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] ^= 1 << rng.below(8);
            }
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                data.splice(at..at, token.iter().copied());
            }
            2 if !data.is_empty() => {
                let end = (at + rng.below(16)).min(data.len());
                data.drain(at.min(end)..end);
            }
            3 => {
                let end = (at + rng.below(32)).min(data.len());
                let chunk = data[at.min(end)..end].to_vec();
                data.splice(at..at, chunk);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                let from = rng.below(other.len() + 1);
                data.truncate(at);
                data.extend_from_slice(&other[from..]);
            }
            _ => data.push(rng.next() as u8),
        }
    }
    data
}

fn run(target: fn(&[u8]), seeds: &[&[u8]], salt: u64) {
    let seeds: Vec<Vec<u8>> = seeds.iter().map(|s| s.to_vec()).collect();
    for seed in &seeds {
        target(seed);
    }
    let mut rng = Rng(0x5107_7e25_u64 ^ salt);
    for _ in 0..MUTATIONS {
        target(&mutate(&seeds, &mut rng));
    }
}

#[test]
fn the_words_reader_keeps_only_numbers_a_set_can_hold() {
    run(
        nl_log,
        &[
            b"bench 3x8 at 80 kg",
            "רצתי 5 קילומטר ב-25 דקות".as_bytes(),
            b"squat 5x5 @ 100kg RPE 8, then 3 sets of 10 at 60",
            b"60, 65, 70 kg x 5",
            b"ran a half marathon in 1:52:30",
            "שלושה סטים של שמונה חזרות בלחיצת חזה עם 60 קילו".as_bytes(),
            b"deadlift 1e308 kg x 99999999999999999999",
            b"x 10, 9, 8 with 20s, 22s, 24s",
            b"swam 40 lengths of a 25 m pool in an hour and a half",
            b"squat doubles: 150, 155, 160",
        ],
        1,
    );
}

#[test]
fn the_importers_never_panic_on_any_bytes() {
    let dir = format!("{}/tests/fixtures/imports", env!("CARGO_MANIFEST_DIR"));
    let files: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|f| f.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| {
            // The first lines: a header and a few rows are enough to reach every branch.
            let bytes = std::fs::read(p).unwrap();
            bytes
                .split(|b| *b == b'\n')
                .take(12)
                .collect::<Vec<_>>()
                .join(&b'\n')
        })
        .collect();
    assert!(files.len() >= 10, "{dir}");
    let seeds: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
    run(import, &seeds, 2);
}

#[test]
fn the_sandbox_reads_only_allowed_tables_and_only_the_users_rows() {
    run(
        sandbox,
        &[
            b"SELECT e.name_en, MAX(s.weight_kg) FROM exercise_sets s JOIN exercises e ON e.id = s.exercise_id GROUP BY 1",
            b"WITH best AS (SELECT exercise_id, MAX(weight_kg) AS w FROM exercise_sets GROUP BY 1) SELECT * FROM best",
            b"SELECT * FROM workout_sessions WHERE id IN (SELECT session_id FROM exercise_sets WHERE reps > 5) UNION ALL SELECT * FROM workout_sessions",
            b"SELECT * FROM users",
            b"SELECT * FROM sqlite_master",
            b"WITH exercise_sets AS (SELECT 1) SELECT * FROM exercise_sets",
            b"SELECT (SELECT COUNT(*) FROM exercise_sets) AS n, date(performed_at) FROM exercise_sets",
            b"SELECT * FROM exercise_sets, LATERAL (SELECT * FROM goals) g",
            b"SELECT * FROM pg_catalog.pg_user",
            b"SELECT * FROM exercise_sets; DROP TABLE users",
        ],
        3,
    );
}

#[test]
fn rendered_markdown_holds_no_script_handler_or_outside_request() {
    run(
        markdown,
        &[
            b"**Bench**: 3 x 5 @ 80 kg\n\n| week | kg |\n|---|---|\n| 1 | 100 |",
            b"[click](javascript:alert(1)) and [ok](https://example.com \"t\")",
            b"<script>alert(1)</script><img src=x onerror=alert(1)>",
            b"![chart](http://evil.example/x.png) ![a](data:image/png;base64,AAAA)",
            b"<javascript:alert(1)> <http://a.example> <mailto:a@b.c>",
            b"[a](  JAVASCRIPT:alert(1)) [b](vbscript:x) [c](data:text/html,<script>)",
            b"&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E; `<b>code</b>`",
            b"```html\n<iframe src=//evil></iframe>\n```\n> quote <a href=x onclick=y>",
            b"1. one\n2. two\n\n- [link][ref]\n\n[ref]: javascript:alert(1)",
            b"<a href=\"https://ok.example\" onmouseover=\"alert(1)\">x</a>",
        ],
        4,
    );
}

#[test]
fn the_tag_reader_sees_what_a_browser_would() {
    let found = tags("<p>x</p><a href=\"https://a\" rel='n'>y</a><img src=x onerror=alert(1)>");
    assert_eq!(found[0].0, "p");
    assert_eq!(
        found[1].1,
        [
            ("href".into(), "https://a".into()),
            ("rel".into(), "n".into())
        ]
    );
    assert_eq!(found[2].0, "img");
    assert_eq!(found[2].1[1], ("onerror".into(), "alert(1)".into()));
}
