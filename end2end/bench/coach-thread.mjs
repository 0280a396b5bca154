// Makes a conversation through the coach, as a user would, for the HTTP benchmark
// (scripts/bench.sh http): messages written the way people write them, English and Hebrew,
// sent one after the other through `POST /api/v1/chat` (each answered in full before the next),
// until the conversation holds at least MESSAGES stored messages (questions, tool steps and
// replies). The replies come from whatever coach the server runs (the bench runs the offline
// one): tool lines with their SQL, logged-workout cards and charts are what it really made.
//
//   node end2end/bench/coach-thread.mjs BASE_URL TOKEN [MESSAGES]
//
// Prints the conversation's id, then on stderr what each message brought (tools, charts).
const [base, token, want = "50"] = process.argv.slice(2);
if (!base || !token) {
  console.error("usage: coach-thread.mjs BASE_URL TOKEN [MESSAGES]");
  process.exit(2);
}
const messages = [
  "hey coach",
  "bench 3x8 at 80 kg",
  "show me a chart of my squat progress",
  "what did i do this week?",
  "רצתי 5 קילומטר ב-25 דקות",
  "whats my streak",
  "גרף של הריצות שלי",
  "deadlift 5x5 @ 140",
  "what are my bench press records",
  "how many workouts did I do last month",
  "מה השיאים שלי בסקוואט?",
  "graph my weekly volume",
  "pull ups 4 sets of 10",
  "add to my plan: deload week next monday",
  "show my goals",
  "כמה אימונים עשיתי החודש?",
  "ohp 5x5 50kg",
  "what's on my plan",
  "how is my deadlift going",
  "thanks!",
  "squat 5x5 at 100",
  "chart my bench over the last 3 months",
  "מה הסטטיסטיקה שלי השבוע",
  "did 30 min on the rower",
  "how many sets did i do this week",
  "יום רגליים: סקוואט 4x6 110 קילו",
  "show my progress on the squat",
  "what's my best deadlift",
];
const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
let conversation = null;
let count = 0;
for (let i = 0; count < Number(want); i++) {
  const content = messages[i % messages.length];
  const response = await fetch(`${base}/api/v1/chat`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify({ content, conversation_id: conversation }),
  });
  if (!response.ok) {
    console.error(`"${content}": ${response.status} ${await response.text()}`);
    process.exit(1);
  }
  const exchange = await response.json();
  conversation = exchange.user_message.conversation_id;
  count += 1 + exchange.reply.length;
  // `tool_calls` is the stored JSON text of the calls.
  const tools = exchange.reply.flatMap((m) => JSON.parse(m.tool_calls ?? "[]").map((c) => c.name));
  console.error(`${String(count).padStart(3)}  ${content}  ->  ${tools.join(", ") || "text"}`);
}
console.log(conversation);
