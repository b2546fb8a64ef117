import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { assertBuilt, startChat } from './chat-helpers.js';

// Issue 14 (9): `persona chat --continue` on a long session draws the session's end (what fills
// the terminal), with one line that counts the earlier messages and says how to read them.

const SIZE = 2_000;
let terminal: TmuxTerminal | undefined;

beforeAll(() => assertBuilt());
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});
afterAll(() => terminal?.kill());

interface Row {
  role: 'user' | 'persona';
  content: string;
  /** Group sessions: who wrote the reply. */
  speaker?: string;
}

/** A saved session of `size` messages: one line-mode chat through the CLI, the rest written straight into its rows. */
async function seededSession(home: string, chatWith: string, size: number, row: (seq: number) => Row): Promise<string> {
  const first = await runCli(['chat', chatWith], { home, input: 'How do you judge a new tool?\n' });
  expect(first.code).toBe(0);
  const db = new Database(join(home, 'persona.db'));
  try {
    const { id, seq } = db.prepare('SELECT session_id AS id, max(seq) AS seq FROM messages GROUP BY session_id').get() as {
      id: string;
      seq: number;
    };
    const insert = db.prepare(
      `INSERT INTO messages (id, session_id, seq, role, content, created_at, provider, model, status, speaker_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'complete', ?)`,
    );
    db.transaction(() => {
      for (let n = seq + 1; n <= size; n++) {
        const { role, content, speaker } = row(n);
        const provider = role === 'persona' ? 'offline' : null;
        insert.run(
          `seeded-${n}`,
          id,
          n,
          role,
          content,
          new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
          provider,
          provider,
          speaker ?? null,
        );
      }
    })();
    return id;
  } finally {
    db.close();
  }
}

/** A one-to-one session with the CFO: questions, and replies in Markdown with a fenced Python block. */
const longSession = (home: string, size: number) =>
  seededSession(home, 'cfo', size, (n) =>
    n % 2 === 1
      ? { role: 'user', content: `Question ${n}: what about the vendor?` }
      : {
          role: 'persona',
          content: `Answer ${n}: it depends on the **contract terms**.\n\n- renewal dates\n- exit fees\n\n\`\`\`python\ntotal = licences + migration\n\`\`\``,
        },
  );

/** A group session (cfo and icu-nurse): a topic, then a reply from each. */
const longGroupSession = (home: string, size: number) =>
  seededSession(home, 'cfo,icu-nurse', size, (n) => {
    const speaker = [undefined, 'cfo', 'icu-nurse'][n % 3];
    return speaker
      ? { role: 'persona', content: `Reply ${n} from ${speaker}: it *depends*.`, speaker }
      : { role: 'user', content: `Topic ${n}: staffing` };
  });

describe('persona chat --continue on a long session', { timeout: 40_000 }, () => {
  it('shows the recent messages that fill the terminal and counts the earlier ones', async () => {
    const home = tempDir();
    const id = await longSession(home, SIZE);
    terminal = startChat(['cfo', '--continue'], { home, rows: 30, columns: 100 });
    await terminal.waitFor('Message Diane', 20_000);
    const transcript = terminal.transcript();
    const shown = [...transcript.matchAll(/(?:Question|Answer) (\d+):/g)].map((m) => Number(m[1]));

    // The end of the session, newest last, with nothing skipped in between.
    expect(shown.at(-1)).toBe(SIZE);
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => SIZE - shown.length + 1 + i));
    // A screenful: more than the last exchange, not the last hundred.
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(30);

    // One line (wrapped at the terminal's width) for everything above, with the exact count and where to read it.
    const flat = transcript.replace(/\s*\n\s*/g, ' ');
    const hidden = SIZE - shown.length;
    expect(flat).toContain(
      `… ${hidden.toLocaleString('en-US')} earlier messages not shown: read them all with persona sessions show ${id}, or save them with /export`,
    );
    // Replies are drawn as Markdown (the markers are gone), their code uncluttered by fences.
    expect(transcript).toContain(`Answer ${SIZE}: it depends on the contract terms.`);
    expect(transcript).toContain('• renewal dates');
    expect(transcript).not.toContain('```');
    expect(transcript).not.toContain('**contract terms**');
  });

  it('shows more of the session in a taller terminal', async () => {
    const home = tempDir();
    await longSession(home, SIZE);
    const count = async (rows: number) => {
      terminal = startChat(['cfo', '--continue'], { home, rows, columns: 100 });
      await terminal.waitFor('Message Diane', 20_000);
      const shown = [...terminal.transcript().matchAll(/(?:Question|Answer) (\d+):/g)].length;
      terminal.kill();
      terminal = undefined;
      return shown;
    };
    const short = await count(24);
    const tall = await count(60);
    expect(tall).toBeGreaterThan(short);
  });

  it('reopens a long group session the same way: its end, and a line counting the rest', async () => {
    const home = tempDir();
    const id = await longGroupSession(home, SIZE);
    terminal = startChat(['--continue'], { home, rows: 30, columns: 100 });
    await terminal.waitFor('Message the group', 20_000);
    const transcript = terminal.transcript();
    const shown = [...transcript.matchAll(/(?:Topic|Reply) (\d+)/g)].map((m) => Number(m[1]));
    expect(shown.at(-1)).toBe(SIZE);
    expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => SIZE - shown.length + 1 + i));
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(30);
    expect(transcript.replace(/\s*\n\s*/g, ' ')).toContain(
      `… ${(SIZE - shown.length).toLocaleString('en-US')} earlier messages not shown: read them all with persona sessions show ${id}`,
    );
    expect(transcript).not.toContain('*depends*');
  });

  it('ends when its terminal closes, a reopened group chat too (nothing left running)', async () => {
    for (const [args, seed, ready] of [
      [['--continue'], longGroupSession, 'Message the group'],
      [['cfo', '--continue'], longSession, 'essage Diane'],
    ] as const) {
      const home = tempDir();
      await seed(home, SIZE);
      terminal = startChat([...args], { home, rows: 30, columns: 100 });
      await terminal.waitFor(ready, 20_000);
      const pid = terminal.pid();
      terminal.kill();
      terminal = undefined;
      const gone = await waitUntil(() => !isRunning(pid), 5_000);
      if (!gone) process.kill(pid, 'SIGKILL');
      expect(gone, `persona chat ${args.join(' ')} still running after its terminal closed`).toBe(true);
    }
  });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return condition();
}
