import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BIN } from '../support/cli.js';
import { TmuxTerminal } from '../support/pty.js';

// Shared by the chat end-to-end tests: the built CLI in a tmux terminal, and the database it wrote.

export function assertBuilt(): void {
  if (!existsSync(new URL('../../dist/cli.cjs', import.meta.url))) throw new Error('dist/ is missing: run `npm run build` first');
}

/** Variables a developer's shell may have that would change what the CLI does. */
const SCRUBBED = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'OPENAI_BASE_URL',
  'ANTHROPIC_BASE_URL',
  'NO_COLOR',
  'FORCE_COLOR',
  'PERSONA_DEBUG',
  // A PostgreSQL URL would put the chat's history there, not in the SQLite file the tests read.
  'DATABASE_URL',
];

export function startChat(
  args: string[],
  options: { home: string; cwd?: string; env?: Record<string, string>; columns?: number; rows?: number },
): TmuxTerminal {
  const env: Record<string, string | undefined> = { PERSONA_HOME: options.home, NO_UPDATE_NOTIFIER: '1', ...options.env };
  for (const key of SCRUBBED) if (!(key in (options.env ?? {}))) env[key] = undefined;
  return TmuxTerminal.start({
    command: [process.execPath, BIN, 'chat', ...args],
    env,
    cwd: options.cwd,
    columns: options.columns ?? 100,
    rows: options.rows ?? 32,
  });
}

export interface SavedMessage {
  session_id: string;
  seq: number;
  role: string;
  content: string;
  status: string;
  provider: string | null;
  input_mode: string | null;
}

export function readDatabase(home: string): {
  sessions: Array<{ id: string; persona_id: string; provider: string }>;
  messages: SavedMessage[];
} {
  const db = new Database(join(home, 'persona.db'), { readonly: true });
  try {
    return {
      sessions: db.prepare('SELECT id, persona_id, provider FROM sessions ORDER BY started_at, id').all() as Array<{
        id: string;
        persona_id: string;
        provider: string;
      }>,
      messages: db
        .prepare('SELECT session_id, seq, role, content, status, provider, input_mode FROM messages ORDER BY pk')
        .all() as SavedMessage[],
    };
  } finally {
    db.close();
  }
}
