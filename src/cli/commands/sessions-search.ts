import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { openHistoryStore } from '../engine-setup.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline } from '../output.js';
import { formatWhen } from '../session-ref.js';

const schema = z.object({ persona: z.optional(z.string()), limit: numberFlag(1, 1000, true), json: z.optional(z.boolean()) });

export default async function sessionsSearch(words: string[], raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const store = await openHistoryStore();
  try {
    const hits = store.search(words.join(' '), { limit: options.limit, personaId: options.persona });
    if (options.json) return printJson(hits);
    if (hits.length === 0) {
      println(`No messages match "${sanitizeInline(words.join(' '))}".`);
      process.exitCode = 1;
      return;
    }
    for (const hit of hits) {
      const snippet = sanitizeInline(hit.snippet).replace(/«([^»]*)»/g, (_m, w: string) => c.bold.yellow(w));
      println(`${c.bold(hit.sessionId)} ${c.dim(`${formatWhen(hit.createdAt)} ${hit.personaId} ${hit.role}`)}`);
      println(`  ${snippet}`);
    }
  } finally {
    store.close();
  }
}
