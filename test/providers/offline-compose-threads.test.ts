import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChatTurn } from '../../src/core/messages.js';
import type { ChatProfile, Persona } from '../../src/persona/schema.js';
import { ComposeThreads } from '../../src/providers/offline/compose-threads.js';
import { composeReply, type ComposeInput } from '../../src/providers/offline/engine.js';
import { createOfflineProvider } from '../../src/providers/offline/index.js';
import { cfo, cfoProfile, creator, creatorProfile } from './offline-fixtures.js';
import { collect, requestFor, textOf } from './offline-helpers.js';

// `persona serve` composes offline replies in worker threads (compose-threads.ts). The thread runs
// the built engine (dist/offline-compose.cjs, which `npm test` builds first): its replies must be
// the ones the engine gives in process, each to the request that asked, whatever happens to the thread.

const threadFile = fileURLToPath(new URL('../../dist/offline-compose.cjs', import.meta.url));
const pools: ComposeThreads[] = [];
const poolOf = (file: string, size: number) => {
  const pool = new ComposeThreads(file, size);
  pools.push(pool);
  return pool;
};
const fakeDirs: string[] = [];
afterEach(() => {
  for (const pool of pools.splice(0)) pool.close();
  for (const dir of fakeDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A stand-in thread that answers each message's jobs with `answer` (the source of a function of the jobs), in a temp file. */
function fakeThread(answer: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'persona-compose-fake-'));
  fakeDirs.push(dir);
  const file = join(dir, 'thread.cjs');
  writeFileSync(
    file,
    "const { parentPort } = require('node:worker_threads');\n" +
      `const answer = ${answer};\n` +
      "parentPort.on('message', (m) => parentPort.postMessage(answer(typeof m === 'string' ? JSON.parse(m) : m)));\n",
  );
  return file;
}

const QUESTIONS = [
  'What would make you switch from the tool you use now?',
  'How much would you pay for a planning tool?',
  'Are you a real person?',
  'What do you do on a typical Monday?',
  'Do you like jazz?',
];

function inputFor(persona: Persona, profile: ChatProfile, question: string, seed: number, history: ChatTurn[] = []): ComposeInput {
  return { persona, profile, messages: [...history, { role: 'user', content: question }], system: `You are ${persona.name}.`, seed };
}

describe('offline replies composed in worker threads', () => {
  let inputs: ComposeInput[];
  let expected: string[];
  beforeAll(async () => {
    const history: ChatTurn[] = [
      { role: 'user', content: 'Tell me about your job.' },
      { role: 'persona', content: 'I run finance for a mid-size company.' },
    ];
    inputs = [cfo, creator].flatMap((persona, p) =>
      QUESTIONS.flatMap((question, q) => [
        inputFor(persona, p === 0 ? cfoProfile : creatorProfile, question, q),
        inputFor(persona, p === 0 ? cfoProfile : creatorProfile, question, q + 10, history),
      ]),
    );
    expected = await Promise.all(inputs.map((input) => composeReply(input)));
  });

  it('gives every request the reply the engine gives in process, with many asked at once of two threads', async () => {
    const pool = poolOf(threadFile, 2);
    const answers = await Promise.all([...inputs, ...inputs].map((input) => pool.compose(input)));
    expect(answers).toEqual([...expected, ...expected]);
    // The threads answered, not the fallback in process.
    expect(pool.counts).toEqual({ inThreads: inputs.length * 2, inProcess: 0 });
    expect(new Set(expected).size).toBeGreaterThan(QUESTIONS.length);
  });

  it('streams the same words through the offline provider as composing in process does', async () => {
    const pool = poolOf(threadFile, 1);
    const threaded = createOfflineProvider({ compose: (input) => pool.compose(input) });
    const request = requestFor(cfo, cfoProfile, [{ role: 'user', content: QUESTIONS[1]! }], 3);
    const events = await collect(threaded.stream(request));
    expect(events).toEqual(await collect(createOfflineProvider().stream(request)));
    expect(textOf(events).length).toBeGreaterThan(20);
    expect(pool.counts).toEqual({ inThreads: 1, inProcess: 0 });
  });

  it('answers each job from its own system prompt when the prompt of a persona changes between jobs (sent only when it does)', async () => {
    const pool = poolOf(threadFile, 1);
    const greeting = 'Diane Kowalski, CFO. I have ten minutes before the board call: what do you need?';
    const profile = { ...cfoProfile, greeting };
    // The engine reads one thing in the prompt: whether the chat opened with the greeting already.
    const shown = { ...inputFor(cfo, profile, 'Hi!', 4), system: `You are Diane.\n\nYou opened it with this message:\n${greeting}` };
    const notShown = { ...shown, system: 'You are Diane.' };
    const [withGreeting, without] = [await composeReply(shown), await composeReply(notShown)];
    expect(withGreeting).not.toBe(without);
    const order = [shown, shown, notShown, notShown, shown, notShown];
    for (const input of order) expect(await pool.compose(input)).toBe(input === shown ? withGreeting : without);
    // And asked all at once, in one message to the thread.
    expect(await Promise.all(order.map((input) => pool.compose(input)))).toEqual(order.map((i) => (i === shown ? withGreeting : without)));
    expect(pool.counts).toEqual({ inThreads: 12, inProcess: 0 });
  });

  it('sends a persona again when the thread has dropped it (it keeps 256)', async () => {
    const pool = poolOf(threadFile, 1);
    // 300 personas, each its own object: the thread keeps the last 256, so the first is gone.
    const many = Array.from({ length: 300 }, (_, i) => ({ ...cfo, id: `cfo-${i}` }));
    const first = inputFor(many[0]!, cfoProfile, QUESTIONS[0]!, 1);
    const alone = await composeReply(first);
    expect(await pool.compose(first)).toBe(alone);
    for (const persona of many.slice(1)) await pool.compose(inputFor(persona, cfoProfile, QUESTIONS[0]!, 1));
    expect(await pool.compose(first)).toBe(alone);
    expect(pool.counts).toEqual({ inThreads: 301, inProcess: 0 });
  });

  describe("a conversation's turns", () => {
    /** Frozen, as a served conversation's turns are (chat/history.ts): those go by reference. */
    const turn = (role: ChatTurn['role'], content: string): ChatTurn => Object.freeze({ role, content });
    const growing = (length: number): ChatTurn[] =>
      Array.from({ length }, (_, i) =>
        i % 2 === 0 ? turn('user', QUESTIONS[i % QUESTIONS.length]!) : turn('persona', `Answer number ${i}.`),
      );

    it('cross to the thread once: a later reply names the turns it was sent before', async () => {
      // A thread that answers with the messages as they arrived.
      const echo = fakeThread('(jobs) => jobs.map((j) => ({ job: j.job, text: JSON.stringify(j.input.messages) }))');
      const pool = poolOf(echo, 1);
      const history = growing(5);
      const first = JSON.parse(await pool.compose({ ...inputFor(cfo, cfoProfile, 'x', 1), messages: history.slice(0, 3) }));
      expect(first).toEqual(history.slice(0, 3).map((t, i) => ({ ref: i + 1, role: t.role, content: t.content })));
      const second = JSON.parse(await pool.compose({ ...inputFor(cfo, cfoProfile, 'x', 1), messages: history }));
      expect(second).toEqual([1, 2, 3, { ref: 4, ...history[3] }, { ref: 5, ...history[4] }]);
      // A turn that is not frozen could change after it was sent: it goes whole every time.
      const loose = { role: 'user' as const, content: 'Still there?' };
      const third = JSON.parse(await pool.compose({ ...inputFor(cfo, cfoProfile, 'x', 1), messages: [...history, loose] }));
      expect(third).toEqual([1, 2, 3, 4, 5, { ref: 0, ...loose }]);
      expect(JSON.parse(await pool.compose({ ...inputFor(cfo, cfoProfile, 'x', 1), messages: [loose] }))).toEqual([{ ref: 0, ...loose }]);
    });

    it('give the replies of the engine in process as a conversation grows, and after the thread dropped the oldest', async () => {
      const pool = poolOf(threadFile, 1);
      const history = growing(40);
      for (let n = 1; n <= history.length; n += 2) {
        const input = { ...inputFor(cfo, cfoProfile, 'x', n), messages: history.slice(Math.max(0, n - 20), n) };
        expect(await pool.compose(input)).toBe(await composeReply(input));
      }
      // More turns than the thread keeps (16,384), in one conversation: the first ones are dropped,
      // and a reply that names them again gets them sent again, whole.
      const long = growing(17_000);
      const whole = { ...inputFor(creator, creatorProfile, 'x', 2), messages: long };
      expect(await pool.compose(whole)).toBe(await composeReply(whole));
      const early = { ...inputFor(cfo, cfoProfile, 'x', 3), messages: long.slice(0, 9) };
      expect(await pool.compose(early)).toBe(await composeReply(early));
      expect(pool.counts.inProcess).toBe(0);
    });
  });

  it("reach the thread in the order they were asked, so a job never takes another job's system prompt", async () => {
    // A thread that keeps each key's last prompt as the real one does, and answers with the prompt a job gets.
    const file = fakeThread(
      '(() => { const last = new Map(); return (jobs) => jobs.map((j) => { if (!j.sameSystem) last.set(j.key, j.input.system); return { job: j.job, text: String(last.get(j.key)) }; }); })()',
    );
    const pool = poolOf(file, 1);
    const ask = (persona: Persona, system: string) => pool.compose({ ...inputFor(persona, cfoProfile, 'x', 1), system });
    expect(await ask(cfo, 'A')).toBe('A');
    // In one turn of the event loop: a new prompt for the CFO; so many other personas that the
    // pool forgets having sent the CFO (it remembers 1,024 keys); the CFO again, twice. The third
    // job carries the persona again, the fourth says "same prompt as before": it must come after it.
    const others = Array.from({ length: 1030 }, (_, i) => ({ ...cfo, id: `other-${i}` }));
    const answers = Promise.all([ask(cfo, 'B'), ...others.map((p) => ask(p, 'O')), ask(cfo, 'C'), ask(cfo, 'C')]);
    const got = await answers;
    expect([got[0], got.at(-2), got.at(-1)]).toEqual(['B', 'C', 'C']);
    expect(new Set(got.slice(1, -2))).toEqual(new Set(['O']));
  });

  describe('when a thread dies', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'persona-compose-thread-'));
      return () => rmSync(dir, { recursive: true, force: true });
    });

    it('composes what it had been asked in process, and so after it stopped starting', async () => {
      // A thread that dies on the first reply it is asked for, every time it is started.
      const dying = join(dir, 'dying.cjs');
      writeFileSync(dying, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
      const pool = poolOf(dying, 2);
      expect(await Promise.all(inputs.slice(0, 4).map((input) => pool.compose(input)))).toEqual(expected.slice(0, 4));
      // Past the replacements allowed, no thread is started: in process, at once.
      for (let i = 0; i < 6; i++) expect(await pool.compose(inputs[i]!)).toBe(expected[i]);
      expect(pool.counts).toEqual({ inThreads: 0, inProcess: 10 });
    });

    it('composes in process when the thread file cannot be run', async () => {
      const broken = join(dir, 'broken.cjs');
      writeFileSync(broken, 'this is not javascript\n');
      const pool = poolOf(broken, 1);
      expect(await pool.compose(inputs[0]!)).toBe(expected[0]);
      expect(pool.counts.inProcess).toBe(1);
    });

    it('fails the jobs of a thread that stops answering, after the deadline, rather than leave their requests waiting', async () => {
      // A thread that takes jobs and never answers (a bug that loops, say).
      const silent = join(dir, 'silent.cjs');
      writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
      const stuck = new ComposeThreads(silent, 1, 300);
      pools.push(stuck);
      await expect(stuck.compose(inputs[0]!)).rejects.toThrow(/did not answer within 0.3 s/);
    });

    it('ends a reply whose request is stopped while its thread composes, as interrupted', async () => {
      const silent = join(dir, 'silent.cjs');
      writeFileSync(silent, "require('node:worker_threads').parentPort.on('message', () => {});\n");
      const pool = poolOf(silent, 1);
      const provider = createOfflineProvider({ compose: (input) => pool.compose(input) });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const events = await collect(
        provider.stream({ ...requestFor(cfo, cfoProfile, [{ role: 'user', content: 'Hi' }], 1), signal: controller.signal }),
      );
      expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'interrupted', model: 'persona-offline-1' });
      expect(textOf(events)).toBe('');
    });
  });

  it('composes in process what cannot be copied to a thread, and the rest in the thread', async () => {
    const pool = poolOf(threadFile, 1);
    // postMessage copies plain data only: a function anywhere in the persona cannot cross.
    const uncopyable = { ...cfo, data: { ...cfo.data, onLoad: () => undefined } } as unknown as Persona;
    const input = inputFor(uncopyable, cfoProfile, QUESTIONS[1]!, 4);
    const odd = await pool.compose(input);
    expect(odd).toBe(await composeReply(input));
    expect(pool.counts).toEqual({ inThreads: 0, inProcess: 1 });
    expect(await pool.compose(inputs[0]!)).toBe(expected[0]);
    expect(pool.counts).toEqual({ inThreads: 1, inProcess: 1 });
  });

  it('reports an engine failure as an error of that request only', async () => {
    const pool = poolOf(threadFile, 1);
    // A persona the engine cannot read (no data at all) fails inside the thread.
    const unreadable = { ...cfo, data: undefined } as unknown as Persona;
    const failing = pool.compose(inputFor(unreadable, cfoProfile, QUESTIONS[0]!, 1));
    const fine = pool.compose(inputs[0]!);
    await expect(failing).rejects.toThrow(/the offline engine failed in its thread/);
    expect(await fine).toBe(expected[0]);
  });
});
