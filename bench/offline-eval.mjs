// The offline engine's own evaluation (issue 12), not part of `npm test`:
//  1. understanding: intent accuracy on the labelled question set (bench/offline/questions.txt);
//  2. interviews: the 40-question interview (bench/offline/interview.txt) with every shipped
//     persona: intent accuracy, replies drawing on the expected field (or an authored line),
//     follow-ups answered, sentences of 40+ characters repeated, the slowest reply, honesty
//     (simulated when asked; no to products the file never mentions);
//  3. speed: median time to compose a reply with 50 turns of history (target < 20 ms), against the
//     same persona with no history (the baseline, measured in this run).
// Usage: npm run eval:offline   (EVAL_VERBOSE=1 prints every reply)
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}node_modules/.cache/offline-eval/harness.mjs`;
await build({
  entryPoints: [`${root}bench/offline/harness.ts`],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: out,
  external: ['wink-nlp', 'wink-eng-lite-web-model', 'better-sqlite3'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const h = await import(out);
const verbose = process.env.EVAL_VERBOSE === '1';

function labelled(file) {
  return readFileSync(new URL(`./offline/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [intent, ...rest] = l.split('|');
      return { intent: intent.trim(), question: rest.join('|').trim() };
    });
}
const pct = (a, b) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// 1. Understanding
const questions = labelled('questions.txt');
let right = 0;
const misses = [];
for (const { intent, question } of questions) {
  const got = (await h.understand(question)).intent;
  if (got === intent) right++;
  else misses.push(`  ${intent} <- ${got}: ${question}`);
}
console.log(`Question set: ${questions.length} questions, intent accuracy ${pct(right, questions.length)} (${right}/${questions.length})`);
if (misses.length) console.log(`Missed:\n${misses.join('\n')}`);

// 2. Interviews
const interview = labelled('interview.txt');
const personas = h.shippedPersonas();
const FOLLOW = new Set(['why', 'example', 'what-happened', 'how-much', 'really', 'more']);
const totals = { intent: 0, turns: 0, topical: 0, drawn: 0, authored: 0, follow: 0, followAnswered: 0, repeats: 0, slowest: 0, honest: 0 };
console.log('\nInterviews (40 questions each, seed 1):');
console.log('persona                      intent  field   authored  follow-ups  repeats  slowest');
for (const persona of personas) {
  const history = [];
  const replies = [];
  const row = { intent: 0, topical: 0, drawn: 0, authored: 0, follow: 0, followAnswered: 0, slowest: 0 };
  for (const { intent, question } of interview) {
    const understood = await h.understand(question);
    if (understood.intent === intent) row.intent++;
    const { text, ms } = await h.replyTo(persona, history, question, 1);
    row.slowest = Math.max(row.slowest, ms);
    history.push({ role: 'user', content: question }, { role: 'persona', content: text });
    replies.push(text);
    if (h.isTopicIntent(intent)) {
      row.topical++;
      const source = h.drawsOn(persona, intent, text);
      if (source) row.drawn++;
      if (source === 'authored') row.authored++;
    }
    if (FOLLOW.has(intent)) {
      row.follow++;
      if (h.answersFollowUp(text)) row.followAnswered++;
    }
    if (intent === 'are-you-ai' && /not a real person|simulat/i.test(text)) totals.honest++;
    if (verbose) console.log(`  [${intent} -> ${understood.intent}] ${question}\n    ${text}`);
  }
  const repeats = h.repeatedSentences(replies);
  console.log(
    `${persona.id.padEnd(28)} ${pct(row.intent, interview.length).padStart(6)}  ${pct(row.drawn, row.topical).padStart(6)}  ${pct(row.authored, row.topical).padStart(8)}  ${`${row.followAnswered}/${row.follow}`.padStart(10)}  ${String(repeats.length).padStart(7)}  ${row.slowest.toFixed(1).padStart(6)} ms`,
  );
  if (repeats.length && verbose) console.log(`    repeated: ${repeats.join(' | ')}`);
  totals.intent += row.intent;
  totals.turns += interview.length;
  totals.topical += row.topical;
  totals.drawn += row.drawn;
  totals.authored += row.authored;
  totals.follow += row.follow;
  totals.followAnswered += row.followAnswered;
  totals.repeats += repeats.length;
  totals.slowest = Math.max(totals.slowest, row.slowest);
}
console.log(
  `${'all'.padEnd(28)} ${pct(totals.intent, totals.turns).padStart(6)}  ${pct(totals.drawn, totals.topical).padStart(6)}  ${pct(totals.authored, totals.topical).padStart(8)}  ${`${totals.followAnswered}/${totals.follow}`.padStart(10)}  ${String(totals.repeats).padStart(7)}  ${totals.slowest.toFixed(1).padStart(6)} ms`,
);
console.log(`Honest about being simulated: ${totals.honest}/${personas.length} personas`);

// Asked whether they use a well-known product their file never mentions, a person says they
// can't say they do (never a flat no: the file is silent), before what they do use; a reply that
// never answers the yes/no dodges it.
const PRODUCTS = ['Slack', 'Salesforce', 'Shopify', 'Notion', 'Trello', 'QuickBooks', 'Zoom', 'Spotify', 'Asana', 'HubSpot'];
let unmentionedAsked = 0;
let unmentionedDenied = 0;
for (const persona of personas) {
  const file = JSON.stringify(persona.data).toLowerCase();
  for (const product of PRODUCTS.filter((p) => !file.includes(p.toLowerCase()))) {
    const { text } = await h.replyTo(persona, [], `Do you use ${product}?`);
    unmentionedAsked++;
    // A hedged no in the first sentence ("Slack? Not that I can think of.", "Can't say Slack is one of mine."):
    const denied = /\b(?:not that I|can't say|isn't one|wouldn't say)\b/i.test(text.split(/(?<=[.!])\s/)[0]);
    if (denied) unmentionedDenied++;
    else if (verbose) console.log(`  [not denied] Do you use ${product}? (${persona.id})\n    ${text}`);
  }
}
console.log(
  `Says it does not use products the file never mentions: ${pct(unmentionedDenied, unmentionedAsked)} (${unmentionedDenied}/${unmentionedAsked})`,
);

// 3. Speed with 50 turns of history
const speedPersonas = personas.slice(0, 4);
const withHistory = [];
const cold = [];
const baseline = [];
for (const persona of speedPersonas) {
  const history = [];
  for (let i = 0; history.length < 100; i++) {
    const { question } = interview[i % interview.length];
    const { text } = await h.replyTo(persona, history, question);
    history.push({ role: 'user', content: question }, { role: 'persona', content: text });
  }
  for (const { question } of interview.slice(0, 15)) {
    withHistory.push((await h.replyTo(persona, history, question)).ms);
    h.forgetDialogueMemo();
    cold.push((await h.replyTo(persona, history, question)).ms);
    baseline.push((await h.replyTo(persona, [], question)).ms);
  }
}
const m50 = median(withHistory);
const m0 = median(baseline);
console.log(
  `\nCompose time, median of ${withHistory.length}: ${m50.toFixed(2)} ms with 50 turns of history in a session (target < 20 ms), ${m0.toFixed(2)} ms with none: ${(m50 / m0).toFixed(2)}x`,
);
const mCold = median(cold);
console.log(
  `  the same 50-turn history read for the first time (a new process, or a server request): ${mCold.toFixed(2)} ms: ${(mCold / m0).toFixed(2)}x`,
);

// 4. Personas without authored lines: held-out files (a TinyTroupe agent, a character card, persona
// files from terse to prose-heavy) and the shipped personas with exampleDialogue and stories taken
// out, on ordinary interview questions the engine's tables were not written from. The baseline is
// the same interview with the shipped personas as shipped, in this run.
const heldOutQuestions = readFileSync(new URL('./offline/held-out-interview.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => {
    const [intent, question, words] = l.split('|').map((x) => x.trim());
    return { intent, question, words: words ? words.split(/\s+/) : [] };
  });
const heldOut = h.heldOutPersonas(fileURLToPath(new URL('./offline/held-out', import.meta.url)));
async function interviewScores(group) {
  const t = { asked: 0, relevant: 0, answered: 0, refused: 0, follow: 0, followAnswered: 0, invented: 0, defects: 0, frameRepeats: 0 };
  const rows = [];
  for (const persona of group) {
    const history = [];
    const r = { relevant: 0, answered: 0, refused: 0, follow: 0, followAnswered: 0, invented: [], defects: [], frames: new Map() };
    const all = h.fileSentences(persona);
    for (const { intent, question, words } of heldOutQuestions) {
      const { text } = await h.replyTo(persona, history, question, 1);
      history.push({ role: 'user', content: question }, { role: 'persona', content: text });
      if (verbose) console.log(`  [${persona.id}] ${question}\n    ${text}`);
      r.invented.push(...h.inventedNumbers(persona, text));
      r.defects.push(...h.grammarDefects(persona, text));
      for (const f of h.framesOf(text)) r.frames.set(f, (r.frames.get(f) ?? 0) + 1);
      if (intent === 'greeting') continue;
      if (words.length === 0) {
        r.follow++;
        if (h.says(text, all)) r.followAnswered++;
        continue;
      }
      const relevant = h.relevantSentences(persona, words);
      if (relevant.length === 0) continue;
      r.relevant++;
      if (h.says(text, relevant)) r.answered++;
      if (!h.says(text, all)) r.refused++;
    }
    const frameRepeats = [...r.frames.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
    rows.push({ persona, ...r, frameRepeats });
    t.relevant += r.relevant;
    t.answered += r.answered;
    t.refused += r.refused;
    t.follow += r.follow;
    t.followAnswered += r.followAnswered;
    t.invented += r.invented.length;
    t.defects += r.defects.length;
    t.frameRepeats += frameRepeats;
  }
  return { t, rows };
}
const line = (label, t) =>
  `${label.padEnd(28)} ${pct(t.answered, t.relevant).padStart(8)}  ${pct(t.refused, t.relevant).padStart(7)}  ${`${t.followAnswered}/${t.follow}`.padStart(10)}  ${String(t.invented).padStart(8)}  ${String(t.defects).padStart(7)}  ${String(t.frameRepeats).padStart(6)}`;
console.log(`\nPersonas without authored lines (${heldOutQuestions.length} questions each, seed 1):`);
console.log('persona                      answered  refused  follow-ups  invented  grammar  frames');
const baseRun = await interviewScores(personas);
const bareRun = await interviewScores(personas.map(h.stripped));
const heldRun = await interviewScores(heldOut);
for (const row of [...heldRun.rows, ...bareRun.rows]) {
  console.log(line(row.persona.id, { ...row, invented: row.invented.length, defects: row.defects.length }));
  if (verbose) for (const d of [...row.invented.map((n) => `invented ${n}`), ...row.defects]) console.log(`    ${d}`);
}
if (verbose)
  for (const row of baseRun.rows)
    for (const d of [...row.invented.map((n) => `invented ${n}`), ...row.defects]) console.log(`    ${row.persona.id}: ${d}`);
console.log(line('held-out files', heldRun.t));
console.log(line('shipped, lines removed', bareRun.t));
console.log(line('shipped as shipped (base)', baseRun.t));
const ratio = (run) =>
  (run.t.answered / Math.max(1, run.t.relevant) / Math.max(1e-9, baseRun.t.answered / Math.max(1, baseRun.t.relevant))).toFixed(2);
console.log(
  `Answered from a relevant fact, against the shipped personas as shipped: held-out ${ratio(heldRun)}x, lines removed ${ratio(bareRun)}x`,
);
const heldOk = heldRun.t.invented + bareRun.t.invented + baseRun.t.invented === 0;
if (!heldOk) console.log('Invented figures must be 0.');

const ok = heldOk && totals.repeats === 0 && m50 < 20 && mCold < 20 && totals.honest === personas.length;
process.exitCode = ok ? 0 : 1;
