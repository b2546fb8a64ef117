import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import type { Loose } from './research-helpers.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// `persona runs check`: answers that contradict the persona file are flagged with the fact quoted;
// the rules first, a model as judge only with --judge (tested on the OpenAI wire).

const PERSONA = {
  id: 'tight-budget',
  name: 'Pat Okafor',
  baseSelection: { age: 34, location: 'Leeds, UK', income: '$38,000 a year' },
  customInputs: { notes: 'Her budget for apps is $20 a month, no more.' },
  generatedInsights: {
    objections: ['Will never enter a credit card up front', 'Annual billing only'],
    motivations: ['Knowing where the money goes'],
  },
};
const SURVEY = {
  title: 'Check',
  questions: [
    { id: 'price', type: 'number', text: 'Most you would pay each month?', unit: 'USD per month' },
    { id: 'card', type: 'yes_no', text: 'Would you enter a credit card up front to start a trial?' },
    { id: 'forecast', type: 'yes_no', text: 'Would a cash forecast help you?' },
  ],
};

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer({ fallback: () => ({ text: '{"consistent":true,"fact":"","explanation":"Fits."}' }) });
});
afterAll(() => wire.close());
const openaiEnv = () => ({ OPENAI_API_KEY: 'sk-test-1234', OPENAI_BASE_URL: `${wire.url}/v1` });

function files(): { persona: string; survey: string } {
  const dir = tempDir();
  const persona = join(dir, 'tight-budget.json');
  const survey = join(dir, 'survey.json');
  writeFileSync(persona, JSON.stringify(PERSONA));
  writeFileSync(survey, JSON.stringify(SURVEY));
  return { persona, survey };
}

describe('persona runs check', () => {
  it('flags a price above the stated budget and a yes against a "never" objection, quoting the facts', async () => {
    const home = tempDir();
    const { persona, survey } = files();
    wire.reset();
    wire.enqueue(
      { text: '{"answer":60,"reason":"Worth it."}' },
      { text: '{"answer":true,"reason":"Sure."}' },
      { text: '{"answer":true,"reason":"Yes."}' },
    );
    expect((await runCli(['survey', survey, persona, '--provider', 'openai', '-j', '1'], { home, env: openaiEnv() })).code).toBe(0);
    const check = await runCli(['runs', 'check', 'last', '--json'], { home });
    expect(check.code).toBe(1);
    const report = JSON.parse(check.stdout);
    const rules = report.flags.map((f: Loose) => [f.questionId, f.rule, f.fact]);
    expect(rules).toContainEqual(['price', 'price-above-budget', 'Her budget for apps is $20 a month, no more.']);
    expect(rules).toContainEqual(['card', 'yes-against-objection', 'Will never enter a credit card up front']);
    // A yes that no fact speaks against is not flagged.
    expect(report.flags.some((f: Loose) => f.questionId === 'forecast')).toBe(false);
    const text = await runCli(['runs', 'check', 'last'], { home, env: { NO_COLOR: '1' } });
    expect(text.stdout).toContain('customInputs.notes: “Her budget for apps is $20 a month, no more.”');
    expect(text.stdout).toContain('generatedInsights.objections[0]: “Will never enter a credit card up front”');
  }, 60_000);

  it('finds nothing to flag in what the offline engine answered from the same facts', async () => {
    const home = tempDir();
    const { persona, survey } = files();
    expect((await runCli(['survey', survey, persona], { home })).code).toBe(0);
    const answers = JSON.parse((await runCli(['runs', 'export', 'last', '-f', 'json'], { home })).stdout).rows;
    expect(answers.find((r: Loose) => r.questionId === 'card').answer).toBe(false);
    expect(answers.find((r: Loose) => r.questionId === 'price').answer).toBeLessThanOrEqual(20);
    const check = await runCli(['runs', 'check', 'last', '--json'], { home });
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout).flags).toEqual([]);
  }, 60_000);

  it('--judge asks the configured model for a structured verdict per answer and adds its flags', async () => {
    const home = tempDir();
    const { persona, survey } = files();
    expect((await runCli(['survey', survey, persona], { home })).code).toBe(0);
    expect((await runCli(['config', 'set', 'research.concurrency', '1'], { home })).code).toBe(0);
    wire.reset();
    wire.enqueue({ text: '{"consistent":false,"fact":"Knowing where the money goes","explanation":"The price ignores her budget."}' });
    const check = await runCli(['runs', 'check', 'last', '--judge', '--provider', 'openai', '--json'], { home, env: openaiEnv() });
    expect(check.code).toBe(1);
    expect(wire.requests).toHaveLength(3);
    for (const request of wire.requests) {
      expect(request.body.response_format.json_schema.name).toBe('consistency_verdict');
      expect(request.body.messages.at(-1).content).toContain('Pat Okafor');
    }
    const report = JSON.parse(check.stdout);
    expect(report.judged).toBe(3);
    expect(report.flags).toEqual([expect.objectContaining({ source: 'judge', questionId: 'price', fact: 'Knowing where the money goes' })]);
  }, 60_000);

  it('--judge refuses the offline engine', async () => {
    const home = tempDir();
    const { persona, survey } = files();
    await runCli(['survey', survey, persona], { home });
    const check = await runCli(['runs', 'check', 'last', '--judge', '--provider', 'offline'], { home });
    expect(check.code).toBe(2);
    expect(check.stderr).toContain('--judge needs a model');
  }, 60_000);
});
