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
 * An interview script. A file with blank lines between its blocks is one turn per block (a turn
 * may span lines); a file without blank lines is one turn per line. Lines starting with # are
 * comments.
 */
export function parseScript(text: string): string[] {
  const blocks = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    )
    .filter((lines) => lines.length > 0);
  return blocks.length > 1 ? blocks.map((lines) => lines.join('\n')) : (blocks[0] ?? []);
}

export function readScript(file: string): string[] {
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `cannot read script ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`,
    );
  }
  const turns = parseScript(text);
  if (turns.some((turn) => turn.includes('\n'))) {
    // Say which reading was taken: a blank line added for looks changes how the file is read.
    process.stderr.write(`note: ${file} has blank lines between blocks, so each block is one question (${turns.length} in all)\n`);
  }
  if (turns.length === 0)
    throw new UsageError(
      `script ${file} has no questions`,
      'one question per line, or blocks separated by blank lines; lines starting with # are comments',
    );
  return turns;
}
