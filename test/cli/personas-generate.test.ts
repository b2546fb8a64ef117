import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir, writeFile } from '../support/temp.js';
import { startWireServer, type RecordedRequest, type WireScript, type WireServer } from '../support/wire-server.js';

// `personas generate` and `personas enrich` with the real SDKs against the local wire-format
// server. The scripted "model" writes a persona from what the request asks for (the slot's age
// and number), so the test checks what the command sent as much as what it wrote.

const FIRST_NAMES = ['Ana', 'Bo', 'Chen', 'Dara', 'Emeka', 'Farah', 'Goran', 'Hana', 'Ines', 'Jonas', 'Kemi', 'Luis'];

function promptOf(request: RecordedRequest): string {
  const messages = (request.body.messages ?? []) as Array<{ role: string; content: unknown }>;
  const first = messages.find((m) => m.role === 'user');
  const content = first?.content;
  return typeof content === 'string' ? content : JSON.stringify(content);
}

function personaFor(prompt: string): Record<string, unknown> {
  const slot = Number(/Person (\d+):/.exec(prompt)?.[1] ?? 1);
  const age = Number(/a (\d+)-year-old/.exec(prompt)?.[1] ?? 40);
  const dialogue = Array.from({ length: 6 }, (_, i) => ({
    user: `Question ${i}?`,
    persona: `Answer ${i} from slot ${slot}.`,
    intent: 'work',
  }));
  dialogue.push({ user: 'Are you an AI?', persona: 'I am a simulated persona built from a research profile.', intent: 'are-you-ai' });
  return {
    name: `${FIRST_NAMES[(slot - 1) % FIRST_NAMES.length]} Example${slot}`,
    baseSelection: { age, occupation: 'Baker', location: 'Porto' },
    customInputs: { background: `Slot ${slot}.`, goals: ['grow'], challenges: ['rent'], quote: 'Fine.', notes: '' },
    psychographics: {
      personalityTraits: { openness: 50, conscientiousness: 50, extraversion: 50, agreeableness: 50, neuroticism: 50 },
      values: ['family'],
      interests: ['football'],
      lifestyle: 'early riser',
      attitudes: ['careful'],
      communicationPreferences: ['direct'],
    },
    generatedInsights: {
      painPoints: ['flour prices'],
      motivations: ['independence'],
      objections: ['another subscription'],
      buyingBehavior: 'asks other bakers',
      preferredChannels: ['WhatsApp'],
    },
    scenario: 'A call with a researcher.',
    exampleDialogue: dialogue,
    stories: [{ intent: 'regretted-purchase', about: 'an oven', text: 'I bought an oven that broke in a month.' }],
    doNotMention: [],
    postHistoryInstructions: 'Stay yourself.',
  };
}

describe('persona personas generate', { timeout: 60_000 }, () => {
  let wire: WireServer;
  const arrivals: Array<{ at: number; slot: number }> = [];
  let malformedSlot = 0;
  const malformedSeen = new Map<number, number>();

  beforeAll(async () => {
    wire = await startWireServer({
      fallback: (request): WireScript => {
        const prompt = promptOf(request);
        const slot = Number(/Person (\d+):/.exec(prompt)?.[1] ?? 0);
        arrivals.push({ at: Date.now(), slot });
        if (slot === malformedSlot) {
          malformedSeen.set(slot, (malformedSeen.get(slot) ?? 0) + 1);
          return { text: '{"name": "Broken", "baseSelection": ', firstByteDelayMs: 50 };
        }
        return { text: JSON.stringify(personaFor(prompt)), firstByteDelayMs: 150, usage: { input: 2000, output: 2500 } };
      },
    });
  });
  afterAll(() => wire.close());

  const env = () => ({ OPENAI_BASE_URL: `${wire.url}/v1`, OPENAI_API_KEY: 'sk-test-generate' });

  it('writes 12 valid files with 12 names and a spread of ages, schema-constrained, at most --concurrency at once', async () => {
    wire.reset();
    arrivals.length = 0;
    malformedSlot = 0;
    const home = tempDir();
    const out = join(home, 'panel');
    const result = await runCli(
      ['personas', 'generate', 'independent bakers in Portugal', '--count', '12', '--concurrency', '3', '--seed', '4', '-o', out, '--json'],
      {
        home,
        env: env(),
      },
    );
    expect(result.code, result.stderr).toBe(0);
    const files = readdirSync(out);
    expect(files).toHaveLength(12);
    const personas = files.map((f) => JSON.parse(readFileSync(join(out, f), 'utf8')) as { name: string; baseSelection: { age: number } });
    expect(new Set(personas.map((p) => p.name)).size).toBe(12);
    const bands = new Set(personas.map((p) => Math.min(5, Math.floor((p.baseSelection.age - 15) / 10))));
    expect(bands.size).toBeGreaterThanOrEqual(4);
    // Every request carried the persona schema in strict structured-output form.
    expect(wire.requests).toHaveLength(12);
    for (const request of wire.requests) {
      expect(request.body.response_format?.type).toBe('json_schema');
      const schema = request.body.response_format.json_schema.schema;
      expect(schema.additionalProperties).toBe(false);
      expect(schema.required).toEqual(expect.arrayContaining(['name', 'exampleDialogue', 'generatedInsights']));
      expect(request.body.stream).toBeFalsy();
    }
    // Concurrency: with every reply taking 150 ms, at most 3 requests may be in flight at once.
    const inFlight = arrivals.map((a) => arrivals.filter((b) => b.at >= a.at && b.at < a.at + 140).length);
    expect(Math.max(...inFlight)).toBeLessThanOrEqual(3);
    expect(Math.max(...inFlight)).toBeGreaterThan(1);
    // Validated by the same loader every command uses.
    const validate = await runCli(['personas', 'validate', out], { home });
    expect(validate.code, validate.stdout + validate.stderr).toBe(0);
  });

  it('asks again once for a malformed reply, then reports it and keeps every other file', async () => {
    wire.reset();
    malformedSlot = 5;
    malformedSeen.clear();
    const home = tempDir();
    const out = join(home, 'panel');
    const result = await runCli(['personas', 'generate', 'bakers', '--count', '8', '--seed', '1', '-o', out, '--json'], {
      home,
      env: env(),
    });
    expect(result.code).toBe(4);
    expect(malformedSeen.get(5)).toBe(2);
    expect(readdirSync(out)).toHaveLength(7);
    const report = JSON.parse(result.stdout) as { failed: Array<{ slot: number; problem: string; raw: string }> };
    expect(report.failed).toEqual([{ slot: 5, problem: 'the reply is not valid JSON', raw: '{"name": "Broken", "baseSelection": ' }]);
    expect(result.stderr).toContain('asking again');
  });

  it('with no live provider says what to configure and exits 2; --dry-run shows the plan and a cost', async () => {
    const home = tempDir();
    const none = await runCli(['personas', 'generate', 'bakers'], { home });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('OPENAI_API_KEY');
    const dry = await runCli(['personas', 'generate', 'bakers', '-n', '6', '--seed', '9', '--dry-run'], { home, env: env() });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Panel plan: 6 people, seed 9');
    expect(dry.stdout).toMatch(/about \$\d+\.\d\d/);
    const again = await runCli(['personas', 'generate', 'bakers', '-n', '6', '--seed', '9', '--dry-run'], { home, env: env() });
    expect(again.stdout).toBe(dry.stdout);
  });

  it('on Anthropic asks through a forced tool whose input schema is the persona', async () => {
    wire.reset();
    malformedSlot = 0;
    const home = tempDir();
    const out = join(home, 'panel');
    const result = await runCli(['personas', 'generate', 'bakers', '-n', '2', '-o', out, '--provider', 'anthropic'], {
      home,
      env: { ANTHROPIC_BASE_URL: wire.url, ANTHROPIC_API_KEY: 'sk-ant-test' },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(out)).toHaveLength(2);
    const body = wire.requests[0]!.body;
    expect(body.tool_choice).toMatchObject({ type: 'tool' });
    expect(body.tools[0].input_schema.properties).toHaveProperty('exampleDialogue');
  });
});

describe('persona personas enrich', { timeout: 60_000 }, () => {
  let wire: WireServer;
  beforeAll(async () => {
    wire = await startWireServer({
      fallback: (): WireScript => ({
        text: JSON.stringify({
          generatedInsights: {
            painPoints: ['supplier delays'],
            objections: ['no time to learn it'],
            buyingBehavior: 'asks peers',
            preferredChannels: ['trade fairs'],
          },
          exampleDialogue: [{ user: 'Are you an AI?', persona: 'A simulated persona, yes.', intent: 'are-you-ai' }],
          psychographics: {
            values: ['craft'],
            interests: ['cycling'],
            attitudes: ['wary'],
            communicationPreferences: ['email'],
            personalityTraits: { openness: 40, conscientiousness: 80, extraversion: 30, agreeableness: 60, neuroticism: 40 },
          },
          customInputs: { goals: ['a second shop'], challenges: ['rent'], quote: 'Bread first.' },
          scenario: 'A call.',
          stories: [{ intent: 'work', about: 'a Sunday', text: 'I baked 400 loaves alone.' }],
        }),
      }),
    });
  });
  afterAll(() => wire.close());

  it('keeps every authored byte, fills only the empty sections, and writes only with --yes', async () => {
    const home = tempDir();
    const authored = `{
  "id": "baker",
  "name": "Rui   Costa",
  "baseSelection": {"age": 52, "income": 3.50e4},
  "customInputs": {"background": "Runs a bakery in Braga since 1998.\\u00a0Two staff."},
  "generatedInsights": {
    "motivations": ["keep it family-run"]
  }
}
`;
    const file = writeFile(join(home, 'personas', 'baker.json'), authored);
    const env = { OPENAI_BASE_URL: `${wire.url}/v1`, OPENAI_API_KEY: 'sk-test' };
    const piped = await runCli(['personas', 'enrich', 'baker'], { home, env });
    expect(piped.code).toBe(2); // no terminal to ask, no --yes: nothing written
    expect(readFileSync(file, 'utf8')).toBe(authored);
    expect(piped.stdout).toContain('+ ');
    const written = await runCli(['personas', 'enrich', 'baker', '--yes'], { home, env });
    expect(written.code, written.stderr).toBe(0);
    const after = readFileSync(file, 'utf8');
    // Byte for byte: the authored text is still there in order, with only new text between its
    // bytes (insertions; test/persona/enrich-insert.test.ts checks the exact ranges).
    let from = 0;
    for (const ch of authored) {
      const at = after.indexOf(ch, from);
      expect(at).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
    expect(after).toContain('"baseSelection": {"age": 52, "income": 3.50e4}');
    expect(after).toContain('"name": "Rui   Costa"');
    expect(after).toContain('Braga since 1998.\\u00a0Two staff."');
    const data = JSON.parse(after) as {
      generatedInsights: { motivations: string[]; painPoints: string[] };
      customInputs: { background: string };
      exampleDialogue: unknown[];
    };
    expect(data.generatedInsights.motivations).toEqual(['keep it family-run']);
    expect(data.generatedInsights.painPoints).toEqual(['supplier delays']);
    expect(data.customInputs.background).toBe('Runs a bakery in Braga since 1998.\u00a0Two staff.');
    expect(data.exampleDialogue).toHaveLength(1);
    // The request asked only for the empty sections.
    const schema = wire.requests.at(-1)!.body.response_format.json_schema.schema;
    expect(schema.properties.generatedInsights.required).not.toContain('motivations');
    expect(schema.properties.customInputs.required).not.toContain('background');
    expect(schema.properties).not.toHaveProperty('baseSelection');
  });
});
