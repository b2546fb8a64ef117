import { existsSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { UsageError } from '../../core/errors.js';
import { formatForFile, renderTranscript, type TranscriptFormat } from '../../export/index.js';
import { openHistoryStore } from '../engine-setup.js';
import { parseOptions } from '../options.js';
import { c, inertJson } from '../output.js';
import { findTranscriptOrFail } from '../session-ref.js';

const schema = z.object({
  last: z.optional(z.boolean()),
  format: z.optional(z.enum(['md', 'json', 'html', 'txt'])),
  output: z.optional(z.string()),
  force: z.optional(z.boolean()),
});

export default async function exportSession(ref: string | undefined, raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  if (!ref && !options.last) throw new UsageError('which session?', 'give a session id (see `persona sessions list`) or --last');
  if (ref && options.last) throw new UsageError('give a session id or --last, not both');
  const toStdout = !options.output || options.output === '-';
  const format = chooseFormat(options.format, toStdout ? undefined : options.output);
  const store = await openHistoryStore();
  try {
    const transcript = await findTranscriptOrFail(store, ref ?? 'last');
    const text = renderTranscript(transcript, format);
    if (toStdout) {
      // Markdown, text and HTML are sanitized by their renderers; JSON keeps the text exactly, so
      // on stdout its C1 controls and bidi overrides become \u escapes (the same JSON value).
      const shown = format === 'json' ? inertJson(text) : text;
      process.stdout.write(shown.endsWith('\n') ? shown : `${shown}\n`);
      return;
    }
    const file = resolve(options.output!);
    if (existsSync(file) && !options.force) throw new UsageError(`${file} already exists`, 'choose another -o, or add --force');
    writeFileSync(file, text);
    process.stderr.write(`${c.green('✓')} wrote ${file} (${format}, ${transcript.messages.length} messages)\n`);
  } finally {
    await store.close();
  }
}

/**
 * --format when given, else what the file's extension says (as /export in the chat does), else
 * Markdown. A --format that contradicts a known extension is refused rather than guessed.
 */
function chooseFormat(flag: TranscriptFormat | undefined, file: string | undefined): TranscriptFormat {
  const fromExtension = file ? formatForFile(file) : undefined;
  if (flag && fromExtension && flag !== fromExtension) {
    throw new UsageError(
      `--format ${flag} contradicts the file name ${basename(file!)} (a .${fromExtension} file)`,
      `drop --format to write ${fromExtension}, or name the file for ${flag} (e.g. transcript.${flag})`,
    );
  }
  return flag ?? fromExtension ?? 'md';
}
