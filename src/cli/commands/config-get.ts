import { readConfig, SETTABLE_KEYS, unknownSetting } from '../../core/config.js';
import { colorFor, println } from '../output.js';
import { flattenConfig } from './config-list.js';

export default async function configGet(key: string): Promise<void> {
  if (!SETTABLE_KEYS[key]) throw unknownSetting(key);
  const row = flattenConfig(readConfig()).find(([k]) => k === key);
  if (!row) {
    // Nothing on stdout (scripts test the exit code); a word for the person reading.
    process.stderr.write(
      `${colorFor(process.stderr).dim(`${key} is not set: the default applies (persona config set ${key} <value> to change it)`)}\n`,
    );
    process.exitCode = 1;
    return;
  }
  println(typeof row[1] === 'string' ? row[1] : JSON.stringify(row[1]));
}
