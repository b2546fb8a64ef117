import { SECRET_KEYS, SETTABLE_KEYS } from '../../core/config.js';
import { println } from '../output.js';

export default async function configKeys(): Promise<void> {
  for (const key of Object.keys(SETTABLE_KEYS)) println(SECRET_KEYS.has(key) ? `${key} (secret: never printed)` : key);
}
