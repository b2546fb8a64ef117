import { readConfig, SETTABLE_KEYS } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { println } from '../output.js';
import { flattenConfig } from './config-list.js';

export default async function configGet(key: string): Promise<void> {
  if (!SETTABLE_KEYS[key]) throw new UsageError(`unknown setting "${key}"`, `settable keys: ${Object.keys(SETTABLE_KEYS).join(', ')}`);
  const row = flattenConfig(readConfig()).find(([k]) => k === key);
  if (!row) {
    process.exitCode = 1;
    return;
  }
  println(typeof row[1] === 'string' ? row[1] : JSON.stringify(row[1]));
}
