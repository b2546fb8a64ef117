import { z } from 'zod';
import { UsageError } from '../core/errors.js';

// Command-line options are outside input too: each command validates its options with zod and a
// bad value becomes a usage error naming the flag.

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;

export function parseOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const result = schema.safeParse(options);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path[0];
  const where = typeof key === 'string' ? `${flagName(key)}: ` : '';
  throw new UsageError(`${where}${issue.message}`, 'see --help for the accepted values');
}

/** A numeric flag given as text. */
export const numberFlag = (min: number, max: number, integer = false) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+(\.\d+)?$/, 'expected a number')
    .transform(Number)
    .pipe(integer ? z.number().int().min(min).max(max) : z.number().min(min).max(max));
