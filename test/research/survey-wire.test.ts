import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { parseCsv, rows, schemaFollowingModel } from './research-helpers.js';

// `persona survey` through the built CLI against the local wire-format server, with the real
// openai and @anthropic-ai/sdk clients: 5 closed questions (one of each closed type) x the 12
// shipped personas.

const SURVEY = fileURLToPath(new URL('../fixtures/research/closed-survey.json', import.meta.url));
const ALLOWED = {
  plan: ['Free', 'Personal at $6 a month', 'Plus at $15 a month'],
  features: ['Bill reminders', 'Cash forecast', 'Receipt scanning', 'Shared budget'],
};

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer({ fallback: schemaFollowingModel() });
});
afterAll(() => wire.close());

const openaiEnv = () => ({ OPENAI_API_KEY: 'sk-test-SECRET-openai-1234', OPENAI_BASE_URL: `${wire.url}/v1` });
const anthropicEnv = () => ({ ANTHROPIC_API_KEY: 'sk-ant-SECRET-anthropic-5678', ANTHROPIC_BASE_URL: wire.url });

function runId(home: string): string {
  return rows(home, 'SELECT id FROM runs')[0].id;
}

function expectAllowed(record: Record<string, string>): void {
  const answer = record.answer!;
  switch (record.question_id ?? '') {
    case 'plan':
      expect(ALLOWED.plan).toContain(answer);
      break;
    case 'features': {
      const picked = answer.split('; ');
      expect(picked.length).toBeGreaterThanOrEqual(1);
      expect(picked.length).toBeLessThanOrEqual(2);
      for (const p of picked) expect(ALLOWED.features).toContain(p);
      break;
    }
    case 'likely':
      expect(Number.isInteger(Number(answer)) && Number(answer) >= 1 && Number(answer) <= 7).toBe(true);
      break;
    case 'price':
      expect(Number(answer) >= 0 && Number(answer) <= 100).toBe(true);
      break;
    case 'trial':
      expect(['yes', 'no']).toContain(answer);
      break;
    default:
      throw new Error(`unexpected question ${record.question_id}`);
  }
}

describe('persona survey on the OpenAI wire', () => {
  it('sends a JSON schema with every request and exports 60 rows, each closed answer inside its allowed values', async () => {
    wire.reset();
    const home = tempDir();
    const run = await runCli(['survey', SURVEY, '--all', '--provider', 'openai', '-j', '6'], { home, env: openaiEnv(), timeoutMs: 60_000 });
    expect(run.stderr).not.toMatch(/error/i);
    expect(run.code).toBe(0);
    const chat = wire.requests.filter((r) => r.format === 'openai');
    expect(chat).toHaveLength(60);
    for (const request of chat) {
      expect(request.body.stream).not.toBe(true);
      expect(request.body.response_format.type).toBe('json_schema');
      expect(request.body.response_format.json_schema.strict).toBe(true);
      expect(request.body.response_format.json_schema.schema.required).toEqual(['answer', 'reason']);
    }
    // The plan question's schema lists exactly its options.
    const planRequest = chat.find((r) => JSON.stringify(r.body.messages).includes('Which plan'))!;
    expect(planRequest.body.response_format.json_schema.schema.properties.answer.enum).toEqual(ALLOWED.plan);

    const csv = await runCli(['runs', 'export', runId(home), '--format', 'csv'], { home });
    expect(csv.code).toBe(0);
    const [header, ...data] = parseCsv(csv.stdout);
    expect(data).toHaveLength(60);
    const records = data.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i] ?? ''])));
    expect(new Set(records.map((r) => `${r.persona_id}/${r.question_id}`)).size).toBe(60);
    for (const record of records) {
      expect(record.status).toBe('valid');
      expectAllowed(record);
    }
    // Persona attributes ride along as columns for pivoting.
    expect(header).toContain('baseSelection.location');
    expect(header).toContain('ageBand');
    expect(records.find((r) => r.persona_id === 'cfo')!['baseSelection.location']).toBe('Dayton, Ohio, USA');
  }, 90_000);
});

describe('persona survey on the Anthropic wire', () => {
  it('asks through a forced tool whose input schema is the answer', async () => {
    wire.reset();
    const home = tempDir();
    const run = await runCli(['survey', SURVEY, '--all', '--provider', 'anthropic', '-j', '6'], {
      home,
      env: anthropicEnv(),
      timeoutMs: 60_000,
    });
    expect(run.code).toBe(0);
    const messages = wire.requests.filter((r) => r.format === 'anthropic');
    expect(messages).toHaveLength(60);
    for (const request of messages) {
      expect(request.body.tools).toHaveLength(1);
      expect(request.body.tools[0].input_schema.type).toBe('object');
      expect(request.body.tool_choice).toEqual({ type: 'tool', name: request.body.tools[0].name });
    }
    const stored = rows(home, "SELECT status, via, answer_json FROM run_answers WHERE question_id = 'likely'");
    expect(stored).toHaveLength(12);
    for (const row of stored) {
      expect(row.status).toBe('valid');
      expect(row.via).toBe('tool');
      expect(Number(JSON.parse(row.answer_json))).toBeGreaterThanOrEqual(1);
    }
  }, 90_000);
});

describe('invalid model output', () => {
  it('is retried once with the problem quoted, then recorded as invalid with the raw text kept', async () => {
    wire.reset();
    const home = tempDir();
    // First question for cfo: two replies outside the options; second question: wrong then right.
    wire.enqueue(
      { text: '{"answer":"Enterprise","reason":"Big company."}' },
      { text: 'I would go with Enterprise, honestly.' },
      { text: '{"answer":["Fax support"],"reason":"x"}' },
      { text: '{"answer":["Cash forecast"],"reason":"Close faster."}' },
    );
    const run = await runCli(['survey', SURVEY, 'cfo', '--provider', 'openai', '-j', '1'], { home, env: openaiEnv(), timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    const answers = rows(home, 'SELECT question_id, status, attempts, raw, error, answer_json FROM run_answers ORDER BY pk');
    expect(answers[0]).toMatchObject({ question_id: 'plan', status: 'invalid', attempts: 2, raw: 'I would go with Enterprise, honestly.' });
    expect(answers[0].error).toMatch(/not valid JSON/);
    expect(answers[1]).toMatchObject({ question_id: 'features', status: 'valid', attempts: 2, answer_json: '["Cash forecast"]' });
    // The retry carries the model's own reply and what was wrong with it.
    const retry = wire.requests[1]!.body.messages;
    expect(retry.at(-2)).toMatchObject({ role: 'assistant', content: '{"answer":"Enterprise","reason":"Big company."}' });
    expect(retry.at(-1).content).toContain('"answer" must be one of');
    expect(wire.requests).toHaveLength(2 + 2 + 3);
    const csv = parseCsv((await runCli(['runs', 'export', runId(home)], { home })).stdout);
    const plan = csv.find((r) => r[3] === 'plan')!;
    expect(plan[8]).toBe('invalid');
    expect(plan[9]).toBe('I would go with Enterprise, honestly.');
  }, 60_000);

  it('falls back to JSON in text when the server answers 400 to the schema, and stays there', async () => {
    wire.reset();
    const home = tempDir();
    wire.enqueue({ status: 400, message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." });
    const run = await runCli(['survey', SURVEY, 'cfo', '--provider', 'openai', '-j', '1'], { home, env: openaiEnv(), timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    expect(wire.requests[0]!.body.response_format).toBeDefined();
    const later = wire.requests.slice(1);
    expect(later).toHaveLength(5);
    for (const request of later) {
      expect(request.body.response_format).toBeUndefined();
      expect(request.body.messages[0].content).toContain('JSON Schema');
    }
    const stored = rows(home, 'SELECT status, via FROM run_answers');
    expect(stored).toHaveLength(5);
    expect(stored.every((r) => r.status === 'valid' && r.via === 'text')).toBe(true);
  }, 60_000);

  it('in text mode (openai.structuredOutput = text) never sends a schema', async () => {
    wire.reset();
    const home = tempDir();
    expect((await runCli(['config', 'set', 'openai.structuredOutput', 'text'], { home })).code).toBe(0);
    const run = await runCli(['survey', SURVEY, 'cfo', '--provider', 'openai'], { home, env: openaiEnv(), timeoutMs: 60_000 });
    expect(run.code).toBe(0);
    expect(wire.requests).toHaveLength(5);
    expect(wire.requests.every((r) => r.body.response_format === undefined)).toBe(true);
  }, 60_000);
});

describe('a provider failure no retry can fix', () => {
  it('stops the run at once (exit 4) instead of failing every question, and resume asks the rest', async () => {
    wire.reset();
    const home = tempDir();
    wire.enqueue({ status: 401 });
    const run = await runCli(['survey', SURVEY, 'cfo,icu-nurse', '--provider', 'openai', '-j', '1'], { home, env: openaiEnv() });
    expect(run.code).toBe(4);
    expect(run.stderr).toContain('the API key was rejected');
    expect(run.stderr).not.toContain('SECRET');
    expect(wire.requests).toHaveLength(1);
    expect(rows(home, 'SELECT status FROM run_answers')).toEqual([{ status: 'error' }]);
    expect(rows(home, 'SELECT status FROM runs')[0].status).toBe('failed');
    wire.reset();
    const resumed = await runCli(['survey', '--resume', 'last', '--provider', 'openai'], { home, env: openaiEnv() });
    expect(resumed.code).toBe(0);
    expect(wire.requests).toHaveLength(10);
    expect(rows(home, "SELECT count(*) AS n FROM run_answers WHERE status = 'valid'")[0].n).toBe(10);
  }, 60_000);
});

describe('persona survey --resume', () => {
  it('after the process is killed mid-run, asks only what is missing', async () => {
    const slow = await startWireServer({ fallback: schemaFollowingModel({ firstByteDelayMs: 120 }) });
    try {
      const home = tempDir();
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        PERSONA_HOME: home,
        OPENAI_API_KEY: 'sk-test-1234',
        OPENAI_BASE_URL: `${slow.url}/v1`,
        NO_COLOR: '1',
      };
      delete env.ANTHROPIC_API_KEY;
      const child = spawn(process.execPath, [BIN, 'survey', SURVEY, '--all', '--provider', 'openai', '-j', '2'], { env, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // Kill it for real (no chance to clean up) once some answers are saved.
      let saved = 0;
      for (let i = 0; i < 200 && saved < 12; i++) {
        await new Promise((r) => setTimeout(r, 50));
        try {
          saved = rows(home, 'SELECT count(*) AS n FROM run_answers')[0].n;
        } catch {
          saved = 0;
        }
      }
      child.kill('SIGKILL');
      await exited;
      const before = rows(home, 'SELECT persona_id, question_id FROM run_answers');
      expect(before.length).toBeGreaterThanOrEqual(12);
      expect(before.length).toBeLessThan(60);
      const id = rows(home, 'SELECT id, status FROM runs')[0];
      expect(id.status).toBe('running');

      slow.reset();
      const resumed = await runCli(['survey', '--resume', id.id, '--provider', 'openai', '-j', '6'], {
        home,
        env: { OPENAI_API_KEY: 'sk-test-1234', OPENAI_BASE_URL: `${slow.url}/v1` },
        timeoutMs: 60_000,
      });
      expect(resumed.code).toBe(0);
      expect(slow.requests).toHaveLength(60 - before.length);
      // None of the re-asked pairs was answered before.
      const answeredBefore = new Set(before.map((r) => `${r.persona_id}/${r.question_id}`));
      const after = rows(home, 'SELECT persona_id, question_id, status FROM run_answers');
      expect(after).toHaveLength(60);
      expect(new Set(after.map((r) => `${r.persona_id}/${r.question_id}`)).size).toBe(60);
      expect(after.every((r) => r.status === 'valid')).toBe(true);
      for (const r of before) expect(answeredBefore.has(`${r.persona_id}/${r.question_id}`)).toBe(true);
      expect(rows(home, 'SELECT status FROM runs')[0].status).toBe('complete');
      expect(resumed.stdout).toContain(`(+${before.length} from before)`);
    } finally {
      await slow.close();
    }
  }, 90_000);
});
