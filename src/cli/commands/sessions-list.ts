import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { openHistoryStore } from '../engine-setup.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline, truncate } from '../output.js';
import { formatCost, formatWhen } from '../session-ref.js';

const schema = z.object({ persona: z.optional(z.string()), limit: numberFlag(1, 100_000, true), json: z.optional(z.boolean()) });

export default async function sessionsList(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const store = await openHistoryStore();
  try {
    const sessions = store.listSessions({ personaId: options.persona, limit: options.limit });
    if (options.json) return printJson(sessions);
    if (sessions.length === 0) {
      println(
        options.persona
          ? `No sessions with ${options.persona} yet.`
          : 'No sessions yet. Start one: persona chat, or persona ask cfo "Hello"',
      );
      return;
    }
    const width = process.stdout.isTTY ? (process.stdout.columns ?? 120) : 200;
    // Columns as wide as the longest value shown (ids and persona ids are ASCII slugs).
    // A group session shows its participants where a one-to-one session shows its persona.
    const who = sessions.map((s) =>
      s.participants && s.participants.length > 1 ? s.participants.map((p) => p.personaId).join(',') : s.personaId,
    );
    const personaWidth = Math.min(40, Math.max(...who.map((w) => w.length)));
    const costs = sessions.map((s) => formatCost(s.costUsd));
    const costWidth = Math.max(...costs.map((cost) => cost.length));
    for (const [i, s] of sessions.entries()) {
      const head = `${c.bold(s.id)}  ${formatWhen(s.lastActiveAt)}  ${sanitizeInline(who[i]!).padEnd(personaWidth)}  ${String(s.messageCount).padStart(4)} msgs  ${costs[i]!.padStart(costWidth)}  ${c.dim(`${s.provider}/${s.model}`)}`;
      println(head);
      if (s.title) println(`  ${c.dim(truncate(sanitizeInline(s.title), width - 4))}`);
    }
  } finally {
    store.close();
  }
}
