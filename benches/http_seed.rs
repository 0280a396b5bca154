//! Not a measurement: fills a database with the peer's data shape for the HTTP benchmark
//! (`scripts/bench.sh http`), by default 100 users × 20 conversations × 50 messages, the shape
//! the seed_fastapi peer seeds itself with (this program reads nothing of the peer: only
//! `scripts/bench.sh` runs the peer, when it sits beside the checkout). A bench target so that
//! it stays out of `cargo test` and the shipped binary (it shares the release server's build):
//!
//!   cargo bench --features ssr --bench http_seed -- DATABASE_URL PASSWORD [USERS CONVERSATIONS MESSAGES]
//!
//! Users are `user{N}@bench.example` (N from 0), all with PASSWORD (one real argon2id hash,
//! computed once and shared: hashing 100 times would only slow the seed down). Everything is
//! written through the repositories the server itself uses (`users::create`,
//! `conversations::create`, `messages::insert`), so the rows are what a real chat stores: a
//! conversation is a run of exchanges, each a user question answered either by one Markdown
//! reply or, every third exchange, by a tool call, its JSON result and then the reply, with
//! model, tokens and timings filled in as the agent loop fills them.

use std::time::Instant;

use spotter::domain::account::Language;
use spotter::domain::chat::conversation::{MessageStatus, Role};
use spotter::server::auth::password;
use spotter::server::db::messages::{self, NewMessage};
use spotter::server::db::users::{self, NewUser};
use spotter::server::db::{Db, Id, conversations};
use spotter::server::llm::ToolCall;

const MODEL: &str = "qwen2.5-7b-instruct";

const EXERCISES: [&str; 8] = [
    "squat",
    "bench press",
    "deadlift",
    "overhead press",
    "barbell row",
    "pull-up",
    "Romanian deadlift",
    "incline dumbbell press",
];

const QUESTIONS: [&str; 6] = [
    "Did 3x8 {ex} at {w} kg today, felt good. Should I add weight next time?",
    "How is my {ex} going this month compared to last month?",
    "My lower back was a bit tight after {ex} at {w} kg. Keep going or deload?",
    "What should I do on Thursday if I only have 40 minutes?",
    "Can you remind me what my best {ex} was?",
    "I slept badly and feel tired. Train {ex} heavy or take it easy?",
];

/// Small deterministic generator (no dependency, same data every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

fn question(rng: &mut Lcg) -> (String, &'static str, u64) {
    let ex = EXERCISES[rng.next(EXERCISES.len() as u64) as usize];
    let w = 40 + rng.next(21) * 5;
    let q = QUESTIONS[rng.next(QUESTIONS.len() as u64) as usize]
        .replace("{ex}", ex)
        .replace("{w}", &w.to_string());
    (q, ex, w)
}

/// A coach reply as models write them: a bold lead, a short list, advice, sometimes a table.
fn reply(rng: &mut Lcg, ex: &str, w: u64) -> String {
    let next = w + 5 * (1 + rng.next(2));
    let mut text = format!(
        "**Nice work on the {ex}!** Here is how your last sessions look:\n\n\
         - {w} kg × 8, 8, 7 (RPE 8)\n\
         - {} kg × 8, 8, 8 (RPE 7)\n\
         - {} kg × 10, 9, 9\n\n\
         You are moving well. Next time try **{next} kg** for 3×6, rest *2–3 minutes* between sets, \
         and stop a set when the bar speed drops clearly. If your back feels tight, warm up with \
         `2×10` light Romanian deadlifts first.\n",
        w.saturating_sub(5),
        w.saturating_sub(10),
    );
    if rng.next(3) == 0 {
        text.push_str(&format!(
            "\n| Week | Sets | Best set |\n|---|---|---|\n| 1 | 9 | {} kg × 8 |\n| 2 | 12 | {} kg × 8 |\n| 3 | 12 | {w} kg × 8 |\n",
            w.saturating_sub(10),
            w.saturating_sub(5)
        ));
    }
    text.push_str("\nKeep logging and I will keep an eye on the trend.");
    text
}

async fn store(db: &Db, user: &Id, conversation: &Id, m: NewMessage) -> Id {
    messages::insert(db, user, conversation, &m)
        .await
        .expect("insert message")
        .id
}

/// One conversation of exactly `count` messages.
async fn conversation(db: &Db, user: &Id, index: usize, count: usize, rng: &mut Lcg) {
    let (first, _, _) = question(rng);
    let title: String = first.chars().take(60).collect();
    let c = conversations::create(db, user, Some(&title))
        .await
        .expect("create conversation")
        .id;
    let mut written = 0;
    let mut exchange = 0;
    while written < count {
        let (q, ex, w) = if written == 0 {
            (first.clone(), EXERCISES[index % EXERCISES.len()], 60)
        } else {
            question(rng)
        };
        let asked = store(
            db,
            user,
            &c,
            NewMessage {
                role: Role::User,
                content: q,
                client_id: Some(format!("seed-{index}-{exchange}")),
                ..NewMessage::default()
            },
        )
        .await;
        written += 1;
        let reply_to = |m: NewMessage| NewMessage {
            parent_id: Some(asked.clone()),
            model: Some(MODEL.to_owned()),
            status: MessageStatus::Complete,
            ..m
        };
        // Every third exchange the coach looks something up first (when 3 more messages fit).
        if exchange % 3 == 2 && count - written >= 3 {
            let call = ToolCall {
                id: format!("call_{index}_{exchange}"),
                name: "get_records".to_owned(),
                arguments: format!(r#"{{"exercise":"{ex}"}}"#),
            };
            let ms = 300 + rng.next(900);
            store(
                db,
                user,
                &c,
                reply_to(NewMessage {
                    role: Role::Assistant,
                    prompt_tokens: Some(1800 + rng.next(400) as u32),
                    completion_tokens: Some(24),
                    execution_time_ms: Some(ms),
                    time_to_first_token_ms: Some(ms),
                    tool_calls: Some(serde_json::to_string(&[&call]).expect("json")),
                    ..NewMessage::default()
                }),
            )
            .await;
            store(
                db,
                user,
                &c,
                reply_to(NewMessage {
                    role: Role::Tool,
                    content: format!(
                        r#"{{"exercise":"{ex}","best_weight_kg":{},"best_e1rm_kg":{:.1},"best_reps":10,"sets":42}}"#,
                        w + 10,
                        (w + 10) as f64 * (1.0 + 5.0 / 30.0)
                    ),
                    tool_call_id: Some(call.id.clone()),
                    execution_time_ms: Some(1 + rng.next(4)),
                    model: None,
                    ..NewMessage::default()
                }),
            )
            .await;
            written += 2;
        }
        if written < count {
            let text = reply(rng, ex, w);
            let ms = 1500 + rng.next(6000);
            store(
                db,
                user,
                &c,
                reply_to(NewMessage {
                    role: Role::Assistant,
                    prompt_tokens: Some(1900 + rng.next(600) as u32),
                    completion_tokens: Some((text.len() / 4) as u32),
                    execution_time_ms: Some(ms),
                    time_to_first_token_ms: Some(200 + rng.next(500)),
                    content: text,
                    ..NewMessage::default()
                }),
            )
            .await;
            written += 1;
        }
        exchange += 1;
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // `cargo bench` adds `--bench`; without arguments (a plain `cargo bench`) there is nothing to do.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let [url, pass, rest @ ..] = args.as_slice() else {
        eprintln!(
            "http_seed: nothing to measure; usage: http_seed DATABASE_URL PASSWORD [USERS CONVERSATIONS MESSAGES]"
        );
        return;
    };
    let n = |i: usize, default: usize| {
        rest.get(i)
            .map(|v| v.parse().expect("a number"))
            .unwrap_or(default)
    };
    let (user_count, conversation_count, message_count) = (n(0, 100), n(1, 20), n(2, 50));
    let started = Instant::now();
    let db = Db::connect(url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let hash = password::hash(pass.clone()).await.expect("hash");
    let mut rng = Lcg(7);
    for u in 0..user_count {
        let email = format!("user{u}@bench.example");
        let user = users::create(
            &db,
            NewUser {
                email: &email,
                display_name: &format!("Bench user {u}"),
                password_hash: &hash,
                language: Language::En,
                timezone: "UTC",
            },
        )
        .await
        .expect("create user");
        for k in 0..conversation_count {
            conversation(&db, &user.id, k, message_count, &mut rng).await;
        }
    }
    db.close().await;
    println!(
        "seeded {user_count} users x {conversation_count} conversations x {message_count} messages in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
