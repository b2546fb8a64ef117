import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// Two `persona ask` processes write one database at the same time: each runs an interview
// (`--script`, one turn per question, offline engine) of TURNS_EACH questions. BEGIN IMMEDIATE
// and the busy timeout must make the second writer wait, never fail with SQLITE_BUSY, and
// every turn of both must be stored, in order, in its own session.

const TURNS_EACH = 300;

describe('two processes writing the same database', { timeout: 60_000 }, () => {
  it(`stores all ${2 * TURNS_EACH} turns of two concurrent ask loops, no SQLITE_BUSY`, async () => {
    const home = tempDir();
    const scripts = ['cfo', 'icu-nurse'].map((id) => {
      const file = join(home, `${id}.txt`);
      writeFileSync(file, Array.from({ length: TURNS_EACH }, (_, i) => `${id} question ${i}?`).join('\n'));
      return { id, file };
    });
    // Create the file first so both loops start writing at once rather than racing migrations.
    await runCli(['sessions', 'list'], { home });
    const runs = await Promise.all(
      scripts.map((s) => runCli(['ask', s.id, '--script', s.file, '--seed', '7'], { home, timeoutMs: 55_000 })),
    );
    for (const run of runs) {
      expect(run.stderr).not.toMatch(/SQLITE_BUSY|database is locked/i);
      expect(run.code).toBe(0);
    }
    const db = new Database(join(home, 'persona.db'), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const s of scripts) {
        const rows = db
          .prepare(
            'SELECT m.role, m.content, m.seq, m.status FROM messages m JOIN sessions x ON x.id = m.session_id WHERE x.persona_id = ? ORDER BY m.seq',
          )
          .all(s.id) as Array<{ role: string; content: string; seq: number; status: string }>;
        expect(rows).toHaveLength(2 * TURNS_EACH);
        expect(rows.filter((r) => r.role === 'user').map((r) => r.content)).toEqual(
          Array.from({ length: TURNS_EACH }, (_, i) => `${s.id} question ${i}?`),
        );
        expect(rows.every((r, i) => r.seq === i + 1 && r.status === 'complete')).toBe(true);
      }
    } finally {
      db.close();
    }
  });
});
