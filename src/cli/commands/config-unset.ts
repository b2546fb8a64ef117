import { unsetConfigValue } from '../../core/config.js';
import { c, println } from '../output.js';

export default async function configUnset(key: string): Promise<void> {
  const file = await unsetConfigValue(key);
  println(`${c.green('✓')} removed ${key} ${c.dim(`(${file})`)}`);
}
