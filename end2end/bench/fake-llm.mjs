// A slow OpenAI-compatible model on loopback for `scripts/bench.sh dom`: every chat completion
// streams WORDS one every PACE_MS as `chat.completion.chunk` events, then `[DONE]`. It notes
// when it wrote each reply's first piece of text (wall clock, ms, sub-ms precision), so the
// benchmark can tell how long after the model's first token that text was on the page.
//   node fake-llm.mjs PORT [PACE_MS]      GET /first → JSON list of those times, oldest first
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const port = Number(process.argv[2] ?? 0);
const pace = Number(process.argv[3] ?? 100);
const WORDS = 'Rest two minutes between heavy sets and one between light ones, then breathe and go again.'
  .split(' ')
  .map((w, i, all) => (i + 1 < all.length ? `${w} ` : w));
const firsts = [];
const now = () => performance.timeOrigin + performance.now();

function chunk(delta, finish = null) {
  const body = {
    id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 0, model: 'bench-slow',
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/first') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(firsts));
    return;
  }
  let body = '';
  req.on('data', (d) => { body += d; });
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(chunk({ role: 'assistant', content: '' }));
    let i = 0;
    const next = () => {
      if (res.destroyed) return;
      if (i === 0) firsts.push(now());
      res.write(chunk({ content: WORDS[i] }));
      i += 1;
      if (i < WORDS.length) setTimeout(next, pace);
      else {
        res.write(chunk({}, 'stop'));
        res.end('data: [DONE]\n\n');
      }
    };
    setTimeout(next, pace);
  });
}).listen(port, '127.0.0.1', function () {
  console.log(this.address().port);
});
