import { z } from 'zod';
import { openHistoryStore } from '../engine-setup.js';
import { parseOptions } from '../options.js';
import { printJson, println } from '../output.js';
import { renderStats } from '../stats/render-stats.js';
import { parseSince } from '../stats/since.js';

const schema = z.object({ since: z.string().min(1).default('30d'), persona: z.string().min(1).optional(), json: z.boolean().optional() });

/** `persona stats`: usage counted from the history database's messages and events. */
export default async function stats(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const since = parseSince(options.since);
  const store = await openHistoryStore();
  try {
    const result = store.usageStats({ since, personaId: options.persona });
    if (options.json) return printJson(result);
    for (const line of renderStats(result, `since ${since.slice(0, 16).replace('T', ' ')} UTC (${options.since})`)) println(line);
  } finally {
    store.close();
  }
}
