import * as z from 'zod/mini';
import '../core/zod-setup.js';
import { UsageError } from '../core/errors.js';

// Command-line options are outside input too: each command validates its options with zod and a
// bad value becomes a usage error naming the flag.

const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}`;

// Any zod schema is accepted (the functional `z.safeParse` runs classic and mini schemas alike).
export function parseOptions<S extends z.core.$ZodType>(schema: S, options: unknown): z.output<S> {
  const result = z.safeParse(schema, options);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const key = issue.path[0];
  const where = typeof key === 'string' ? `${flagName(key)}: ` : '';
  throw new UsageError(`${where}${issue.message}`, 'see --help for the accepted values');
}

/** A numeric flag given as text; out of range reads "must be between 0 and 2". */
export const numberFlag = (min: number, max: number, integer = false) => {
  const range = `must be ${integer ? 'a whole number ' : ''}between ${min} and ${max}`;
  return z.pipe(
    z.pipe(z.string().check(z.trim(), z.regex(/^-?\d+(\.\d+)?$/, 'expected a number')), z.transform(Number)),
    integer
      ? z.number().check(z.int(range), z.minimum(min, range), z.maximum(max, range))
      : z.number().check(z.minimum(min, range), z.maximum(max, range)),
  );
};
