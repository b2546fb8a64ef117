import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { resolvePersona } from '../../persona/loader.js';
import { openHistoryStore } from '../engine-setup.js';
import { parseOptions } from '../options.js';
import { printJson, println } from '../output.js';
import { renderStats } from '../stats/render-stats.js';
import { parseSince } from '../stats/since.js';

const schema = z.object({
  since: z._default(z.string().check(z.minLength(1)), '30d'),
  persona: z.optional(z.string().check(z.minLength(1))),
  json: z.optional(z.boolean()),
});

/** `persona stats`: usage counted from the history database's messages and events. */
export default async function stats(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const since = parseSince(options.since);
  const store = await openHistoryStore();
  try {
    // A persona id that is neither loaded nor in the history is a typo, not "no activity".
    if (options.persona && (await store.listSessions({ personaId: options.persona, limit: 1 })).length === 0)
      resolvePersona(options.persona);
    const result = await store.usageStats({ since, personaId: options.persona });
    if (options.json) return printJson(result);
    for (const line of renderStats(result, `since ${since.slice(0, 16).replace('T', ' ')} UTC (${options.since})`)) println(line);
  } finally {
    await store.close();
  }
}
