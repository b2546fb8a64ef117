import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readDatabase } from '../e2e/chat-helpers.js';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// The chat without a terminal (`persona chat cfo < questions.txt`) and `ask --script`: every slash
// command the chat has works there too, and what the engine tells the user (limit notices) is shown.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

/** A home where gpt-4o-mini answers through the wire server, with a $0.90 session budget. */
async function budgetHome(): Promise<{ home: string; env: Record<string, string> }> {
  const home = tempDir();
  await runCli(['config', 'set', 'limits.sessionBudgetUsd', '0.9'], { home });
  // $0.15 + $0.60 per million: each reply costs $0.75, so the second message finds 83% spent.
  const costly = { text: 'That costs a lot.', usage: { input: 1_000_000, output: 1_000_000 } };
  wire.enqueue(costly, costly, costly);
  return { home, env: { OPENAI_API_KEY: 'sk-test-notices', OPENAI_BASE_URL: `${wire.url}/v1` } };
}

describe('line-mode chat', { timeout: 30_000 }, () => {
  it('/continue carries on in a new session that opens with a summary', async () => {
    const home = tempDir();
    const input = 'Our pricing is per seat.\n/continue\nWhat did we discuss?\n';
    const result = await runCli(['chat', 'cfo', '--seed', '1'], { home, input });
    expect(result.code, result.stderr).toBe(0);
    const db = readDatabase(home);
    expect(db.sessions).toHaveLength(2);
    const [first, second] = db.sessions;
    expect(result.stdout).toContain(`-- continued in session ${second!.id}, from a summary --`);
    const inSecond = db.messages.filter((m) => m.session_id === second!.id);
    expect(inSecond[0]).toMatchObject({ role: 'user', input_mode: 'script' });
    expect(inSecond[0]!.content).toContain(first!.id);
    expect(inSecond.map((m) => m.content)).toContain('What did we discuss?');
  });

  it('shows budget notices on stderr, as `ask` does', async () => {
    const { home, env } = await budgetHome();
    const input = 'How much do you spend?\nAnd next year?\n';
    const result = await runCli(['chat', 'cfo', '--provider', 'openai'], { home, env, input });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/note: \$0\.75 of the session budget of \$0\.90 is spent \(83%\)/);
  });
});

describe('ask --script', { timeout: 30_000 }, () => {
  it('shows budget notices on stderr, as a single ask does', async () => {
    const { home, env } = await budgetHome();
    const script = join(home, 'q.txt');
    writeFileSync(script, 'How much do you spend?\nAnd next year?\n');
    const result = await runCli(['ask', 'cfo', '--script', script, '--provider', 'openai'], { home, env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/note: \$0\.75 of the session budget of \$0\.90 is spent \(83%\)/);
  });
});
