import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireScript, type WireServer } from '../support/wire-server.js';

// The provider fault matrix, through the built CLI against the local wire-format server. For
// each fault: the exit code and message `persona ask` documents, the question the user typed
// saved, and the reply row in the state the engine documents (error, or complete after a retry).

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

interface Row {
  role: string;
  content: string;
  status: string;
  error: string | null;
}

function messages(home: string): Row[] {
  const db = new Database(join(home, 'persona.db'), { readonly: true });
  try {
    return db.prepare('SELECT role, content, status, error FROM messages ORDER BY pk').all() as Row[];
  } finally {
    db.close();
  }
}

function homeWith(config: Record<string, unknown>): string {
  const home = tempDir();
  writeFileSync(join(home, 'config.json'), JSON.stringify(config), { mode: 0o600 });
  return home;
}

async function ask(home: string, provider: 'openai' | 'anthropic', question: string, baseUrl = wire.url) {
  return runCli(['ask', 'cfo', question, '--provider', provider], {
    home,
    env: {
      OPENAI_API_KEY: 'sk-test-fault',
      ANTHROPIC_API_KEY: 'sk-ant-test-fault',
      OPENAI_BASE_URL: `${baseUrl}/v1`,
      ANTHROPIC_BASE_URL: baseUrl,
    },
  });
}

interface Fault {
  name: string;
  provider: 'openai' | 'anthropic';
  scripts: WireScript[];
  config?: Record<string, unknown>;
  code: number;
  stderr: RegExp;
  replyStatus: 'complete' | 'error';
  /** What streamed before the fault: shown, and kept in the error row. */
  partial?: string;
}

const FAULTS: Fault[] = [
  {
    name: '429 then OK: retried, answered',
    provider: 'openai',
    scripts: [{ status: 429, retryAfterMs: 50 }, { text: 'Fine after a retry.' }],
    code: 0,
    stderr: /^$/,
    replyStatus: 'complete',
  },
  {
    name: '429 on every try',
    provider: 'openai',
    config: { retries: 0 },
    scripts: [{ status: 429, retryAfterMs: 50 }],
    code: 4,
    stderr: /error: .*rate limit/i,
    replyStatus: 'error',
  },
  {
    name: '500 on every try',
    provider: 'openai',
    config: { retries: 1 },
    scripts: [{ status: 500 }, { status: 500 }],
    code: 4,
    stderr: /error: .* had a server error \(HTTP 500/,
    replyStatus: 'error',
  },
  {
    name: '529 overloaded',
    provider: 'anthropic',
    config: { retries: 0 },
    scripts: [{ status: 529 }],
    code: 4,
    stderr: /error: .* is overloaded \(HTTP 529\)/,
    replyStatus: 'error',
  },
  {
    name: 'stream cut mid-reply',
    provider: 'openai',
    config: { retries: 0 },
    scripts: [{ text: 'one two three four five six', cutAfterChunks: 3 }],
    code: 4,
    stderr: /error: the connection to .* closed in the middle of the reply/,
    replyStatus: 'error',
    partial: 'one two three ',
  },
  {
    name: 'malformed chunk',
    provider: 'openai',
    config: { retries: 0 },
    scripts: [{ text: 'one two three four', malformedAfterChunks: 2 }],
    code: 4,
    stderr: /error: .* sent a reply that is not valid JSON/,
    replyStatus: 'error',
    partial: 'one two ',
  },
  {
    name: 'slow first byte beyond timeoutMs',
    provider: 'openai',
    config: { retries: 0, timeoutMs: 1000 },
    scripts: [{ text: 'too late', firstByteDelayMs: 3000 }],
    code: 4,
    stderr: /error: no response from .* within 1 s\nhint: .*timeoutMs/,
    replyStatus: 'error',
  },
];

describe('provider fault matrix through `persona ask`', { timeout: 20_000 }, () => {
  for (const fault of FAULTS) {
    it(`${fault.name}: exit ${fault.code}, the question kept, the reply ${fault.replyStatus}`, async () => {
      const home = homeWith(fault.config ?? {});
      wire.enqueue(...fault.scripts);
      const question = `Question for: ${fault.name}`;
      const result = await ask(home, fault.provider, question);
      expect(result.code).toBe(fault.code);
      expect(result.stderr.trim()).toMatch(fault.stderr);
      const rows = messages(home);
      expect(rows[0]).toMatchObject({ role: 'user', content: question, status: 'complete' });
      expect(rows[1]).toMatchObject({ role: 'persona', status: fault.replyStatus });
      if (fault.partial !== undefined) {
        expect(rows[1]!.content).toBe(fault.partial);
        expect(result.stdout.trim()).toBe(fault.partial.trim());
      }
      if (fault.code === 4) expect(result.stderr).toMatch(/your message is saved in session \w+; retry with: persona ask --session/);
    });
  }

  it('connection refused: exit 4, says the server cannot be reached, the question kept', async () => {
    const closed = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const home = homeWith({ retries: 0 });
    const result = await ask(home, 'openai', 'Anyone there?', `http://127.0.0.1:${closed}`);
    expect(result.code).toBe(4);
    expect(result.stderr).toMatch(/error: cannot reach 127\.0\.0\.1:\d+ \(connection refused/);
    expect(messages(home)[0]).toMatchObject({ role: 'user', content: 'Anyone there?' });
  });
});
