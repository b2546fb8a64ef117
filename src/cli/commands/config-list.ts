import { readConfig, maskSecret, SECRET_KEYS } from '../../core/config.js';
import { homePaths } from '../../core/home.js';
import { c, printJson, println } from '../output.js';

/** Flattens nested settings to `openai.model = …` rows, masking keys. */
export function flattenConfig(value: Record<string, unknown>, prefix = ''): Array<[string, unknown]> {
  return Object.entries(value).flatMap(([k, v]): Array<[string, unknown]> => {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object' && !Array.isArray(v) && k !== 'prices') return flattenConfig(v as Record<string, unknown>, key);
    return [[key, isSecret(key) && typeof v === 'string' ? maskSecret(v) : v]];
  });
}

/** Keys, tokens and every per-user token under server.users are never printed whole. */
function isSecret(key: string): boolean {
  return SECRET_KEYS.has(key) || key.startsWith('server.users.') || /(apiKey|token)$/i.test(key);
}

export default async function configList(options: { json?: boolean }): Promise<void> {
  const rows = flattenConfig(readConfig());
  if (options.json) {
    printJson(Object.fromEntries(rows));
    return;
  }
  if (rows.length === 0) println(c.dim(`No settings yet (${homePaths().config}). Set one: persona config set provider openai`));
  for (const [k, v] of rows) println(`${k} = ${typeof v === 'string' ? v : JSON.stringify(v)}`);
}
