import { createInterface } from 'node:readline/promises';
import { UsageError } from '../../core/errors.js';
import { openHistoryStore } from '../engine-setup.js';
import { c, println, sanitizeInline } from '../output.js';
import { findSessionOrFail } from '../session-ref.js';

export default async function sessionsDelete(ref: string, options: { yes?: boolean }): Promise<void> {
  const store = await openHistoryStore();
  try {
    const session = await findSessionOrFail(store, ref);
    if (!options.yes) {
      if (!process.stdin.isTTY) throw new UsageError('refusing to delete without confirmation', 'add --yes');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      const answer = await rl.question(
        `Delete session ${session.id} with ${session.personaId} (${session.messageCount} messages${session.title ? `, "${sanitizeInline(session.title).slice(0, 40)}"` : ''})? [y/N] `,
      );
      rl.close();
      if (!/^y(es)?$/i.test(answer.trim())) {
        println('Kept.');
        return;
      }
    }
    await store.deleteSession(session.id);
    println(`${c.green('✓')} deleted session ${session.id}`);
  } finally {
    await store.close();
  }
}
