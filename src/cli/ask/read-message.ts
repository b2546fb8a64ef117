import { readFileSync } from 'node:fs';
import { UsageError } from '../../core/errors.js';

/** Reads all of stdin (a pipe or a file); refuses to wait on a terminal. */
export async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      'no message given',
      'pass it as arguments (persona ask cfo "your question") or pipe it in (echo "…" | persona ask cfo)',
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The message from arguments, or stdin when there are none (or just `-`). */
export async function messageFrom(words: string[]): Promise<string> {
  const text = words.length === 0 || (words.length === 1 && words[0] === '-') ? await readStdin() : words.join(' ');
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) throw new UsageError('the message is empty', 'say something: persona ask cfo "What do you think of …?"');
  return trimmed;
}

/**
 * An interview script: one question per line (blank lines and lines starting with # are
 * skipped). With `blocks`, blank lines separate the questions instead, so one question may span
 * several lines (a pitch, then the question about it).
 */
export function parseScript(text: string, options: { blocks?: boolean } = {}): string[] {
  const lines = (chunk: string) =>
    chunk
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!options.blocks) return lines(normalized);
  return normalized
    .split(/\n\s*\n/)
    .map(lines)
    .filter((block) => block.length > 0)
    .map((block) => block.join('\n'));
}

export function readScript(file: string, options: { blocks?: boolean } = {}): string[] {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read script ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const turns = parseScript(text, options);
  if (turns.length === 0)
    throw new UsageError(
      `script ${file} has no questions`,
      options.blocks
        ? 'with --blocks, questions are blocks separated by blank lines; lines starting with # are comments'
        : 'one question per line; lines starting with # are comments',
    );
  if (options.blocks && turns.some((turn) => turn.includes('\n'))) {
    // Say how the file was read: a question spanning lines is easy to miss in a long file.
    process.stderr.write(`note: ${file} has blank lines between blocks, so each block is one question (${turns.length} in all)\n`);
  }
  return turns;
}
