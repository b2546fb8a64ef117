import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { UsageError } from '../../core/errors.js';
import { renderTranscript } from '../../export/index.js';
import { openHistoryStore } from '../engine-setup.js';
import { parseOptions } from '../options.js';
import { c } from '../output.js';
import { findSessionOrFail } from '../session-ref.js';

const schema = z.object({
  last: z.optional(z.boolean()),
  format: z.enum(['md', 'json', 'html', 'txt']),
  output: z.optional(z.string()),
  force: z.optional(z.boolean()),
});

export default async function exportSession(ref: string | undefined, raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  if (!ref && !options.last) throw new UsageError('which session?', 'give a session id (see `persona sessions list`) or --last');
  if (ref && options.last) throw new UsageError('give a session id or --last, not both');
  const store = await openHistoryStore();
  try {
    const session = findSessionOrFail(store, ref ?? 'last');
    const transcript = store.getTranscript(session.id)!;
    const text = renderTranscript(transcript, options.format);
    if (!options.output || options.output === '-') {
      process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
      return;
    }
    const file = resolve(options.output);
    if (existsSync(file) && !options.force) throw new UsageError(`${file} already exists`, 'choose another -o, or add --force');
    writeFileSync(file, text);
    process.stderr.write(`${c.green('✓')} wrote ${file} (${options.format}, ${transcript.messages.length} messages)\n`);
  } finally {
    store.close();
  }
}
