import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// The chat without a terminal (`persona chat cfo < questions.txt`) runs the same slash commands
// as the screen: /continue goes on in a new session that opens with a summary of this one.

describe('line-mode chat /continue', { timeout: 30_000 }, () => {
  it('carries on in a new session that starts from a summary, and the next message goes there', async () => {
    const home = tempDir();
    const run = await runCli(['chat', 'cfo'], { home, input: 'How do you judge a new tool?\n/continue\nAnd the price?\n' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const db = new Database(join(home, 'persona.db'), { readonly: true });
    try {
      const sessions = db.prepare('SELECT id FROM sessions ORDER BY started_at, rowid').all() as { id: string }[];
      expect(sessions).toHaveLength(2);
      const [first, second] = sessions.map((s) => s.id);
      expect(run.stdout).toContain(`continued in session ${second}`);
      const next = db.prepare('SELECT role, content FROM messages WHERE session_id = ? ORDER BY seq').all(second) as {
        role: string;
        content: string;
      }[];
      expect(next[0]!.content).toContain(first);
      expect(next.filter((m) => m.role === 'user').map((m) => m.content)).toContain('And the price?');
    } finally {
      db.close();
    }
  });
});
