import { SECRET_KEYS, maskSecret, setConfigValue } from '../../core/config.js';
import { c, println } from '../output.js';

export default async function configSet(key: string, value: string): Promise<void> {
  const file = await setConfigValue(key, value);
  println(`${c.green('✓')} ${key} = ${SECRET_KEYS.has(key) ? maskSecret(value) : value} ${c.dim(`(${file})`)}`);
}
