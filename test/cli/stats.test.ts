import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// `persona stats` counts what the app recorded while it ran: a few real turns through the CLI
// (offline, a live model on the wire server, a 500, a message held back by the rate limit with
// --no-wait, a spent budget), then the figures are read back.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

describe('persona stats, and the limits through `persona ask`', { timeout: 30_000 }, () => {
  it('counts sessions, personas, models, errors and limits from what was recorded', async () => {
    const home = tempDir();
    writeFileSync(join(home, 'config.json'), JSON.stringify({ retries: 0, limits: { messagesPerMinute: 1, sessionBudgetUsd: 0.5 } }), {
      mode: 0o600,
    });
    const env = { OPENAI_API_KEY: 'sk-test-stats', OPENAI_BASE_URL: `${wire.url}/v1` };
    const ask = (...args: string[]) => runCli(['ask', ...args], { home, env });

    wire.enqueue({ text: 'Numbers first.', usage: { input: 1000, output: 10 } });
    expect((await ask('cfo', 'first', '--provider', 'openai')).code).toBe(0);
    const limited = await ask('cfo', '--continue', 'second', '--provider', 'openai', '--no-wait');
    expect(limited.code).toBe(6);
    expect(limited.stderr).toMatch(
      /^error: rate limit: 1 messages a minute in this session; the next one may go in \d+\.\d s\nhint: .*--no-wait/m,
    );
    wire.enqueue({ status: 500 });
    expect((await ask('icu-nurse', 'hello', '--provider', 'openai')).code).toBe(4);
    expect((await ask('cfo', 'offline one', '--provider', 'offline')).code).toBe(0);
    expect((await ask('cfo', 'offline two', '--provider', 'offline')).code).toBe(0);

    // A reply that costs more than the session budget; the next message in that session is refused.
    wire.enqueue({ text: 'Expensive.', usage: { input: 2_000_000, output: 400_000 } });
    expect((await ask('genz-creator', 'costly', '--provider', 'openai')).code).toBe(0);
    const broke = await ask('genz-creator', '--continue', 'again', '--provider', 'openai');
    expect(broke.code).toBe(6);
    expect(broke.stderr).toMatch(/error: the session budget of \$0\.50 is spent \(\$0\.54 so far\); nothing was sent/);

    const stats = await runCli(['stats', '--json'], { home });
    expect(stats.code, stats.stderr).toBe(0);
    const s = JSON.parse(stats.stdout);
    expect(s).toMatchObject({ sessions: 5, messages: 10, userMessages: 5 });
    expect(s.personas[0]).toMatchObject({ personaId: 'cfo', sessions: 3, messages: 6 });
    expect(s.models).toEqual(
      expect.arrayContaining([
        // The offline engine counts no tokens: its figures are estimates nobody is billed for.
        expect.objectContaining({ provider: 'offline', replies: 2, failed: 0, inputTokens: null, outputTokens: null, costUsd: 0 }),
        // The 500 is a failed call, not a reply.
        expect.objectContaining({
          provider: 'openai',
          model: 'gpt-4o-mini',
          replies: 2,
          failed: 1,
          inputTokens: 2_001_000,
          outputTokens: 400_010,
        }),
      ]),
    );
    expect(s).toMatchObject({ inputTokens: 2_001_000, outputTokens: 400_010 });
    expect(s.errors.api).toEqual([{ kind: 'server', status: 500, provider: 'openai', count: 1 }]);
    expect(s.errors.rateLimitHits).toEqual({ provider: 0, local: 1 });
    expect(s.errors.limitsReached).toEqual({ session_budget: 1 });
    expect(s.errors.interruptions).toBe(0);
    expect(s.days).toHaveLength(1);
    expect(s.days[0].messages).toBe(10);
    expect(s.avgFirstTokenMs).toBeGreaterThanOrEqual(0);

    const text = await runCli(['stats'], { home });
    expect(text.stdout).toMatch(/5 sessions, 10 messages \(5 from you\)/);
    expect(text.stdout).toMatch(/Personas \(most popular first\)\n.*\n {2}Diane Kowalczyk \(cfo\) +3 +6/);
    expect(text.stdout).toMatch(/API failures: openai server 500 ×1/);
    expect(text.stdout).toMatch(/^ {2}offline\/\S+ +2 +0 +– +– +\$0/m);
    expect(text.stdout).toMatch(/Messages per day\n {2}\d\d-\d\d 10 █{40}/);

    const nurse = JSON.parse((await runCli(['stats', '--persona', 'icu-nurse', '--json'], { home })).stdout);
    expect(nurse).toMatchObject({ sessions: 1, messages: 2, personas: [{ personaId: 'icu-nurse' }] });
    expect((await runCli(['stats', '--since', '0d'], { home })).stdout).toMatch(/^No activity since/);
  });

  it('a persona id that is neither known nor in the history is a typo: exit 2 with a suggestion', async () => {
    const { code, stderr } = await runCli(['stats', '--persona', 'cfoo'], { home: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean "cfo"');
  });
});
