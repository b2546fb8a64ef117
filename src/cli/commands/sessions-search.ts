import * as z from 'zod/mini';
import { UsageError } from '../../core/errors.js';
import '../../core/zod-setup.js';
import { toFtsQuery } from '../../store/fts-query.js';
import { openHistoryStore } from '../engine-setup.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline } from '../output.js';
import { formatWhen } from '../session-ref.js';

const schema = z.object({ persona: z.optional(z.string()), limit: numberFlag(1, 1000, true), json: z.optional(z.boolean()) });

export default async function sessionsSearch(words: string[], raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const text = words.join(' ');
  if (toFtsQuery(text) === undefined) {
    throw new UsageError('nothing to search for: give at least one word', 'e.g. persona sessions search pricing, or a "quoted phrase"');
  }
  const store = await openHistoryStore();
  try {
    const hits = await store.search(text, { limit: options.limit, personaId: options.persona });
    if (options.json) return printJson(hits);
    if (hits.length === 0) {
      println(`No messages match "${sanitizeInline(text)}".`);
      process.exitCode = 1;
      return;
    }
    // Exact hits come first; the rest matched only a word form sharing the stem, and say so.
    if (!hits[0]!.exact) println(c.dim(`No message has "${sanitizeInline(text)}" as typed; these have related word forms.`));
    let stemmedSaid = !hits[0]!.exact;
    for (const hit of hits) {
      if (!hit.exact && !stemmedSaid) {
        println(c.dim('Related word forms (not the exact words):'));
        stemmedSaid = true;
      }
      const snippet = sanitizeInline(hit.snippet).replace(/«([^»]*)»/g, (_m, w: string) => c.bold.yellow(w));
      println(`${c.bold(hit.sessionId)} ${c.dim(`${formatWhen(hit.createdAt)} ${hit.personaId} ${hit.role}`)}`);
      println(`  ${snippet}`);
    }
  } finally {
    await store.close();
  }
}
