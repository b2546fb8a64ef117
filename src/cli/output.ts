import chalk, { Chalk, type ChalkInstance } from 'chalk';
import { sanitizeInline, sanitizeText } from '../core/sanitize.js';

// Everything the CLI prints goes through here: colour that honours NO_COLOR and non-TTY output,
// JSON for scripts, and sanitizing of untrusted text.

// chalk's own detection also obeys `--color` in argv, which is a flag of ours (a persona's
// colour): decide here instead. Colour only on a terminal, never with NO_COLOR; FORCE_COLOR wins.
if (process.env.NO_COLOR) chalk.level = 0;
else if (!process.env.FORCE_COLOR && !process.stdout.isTTY) chalk.level = 0;

export const c: ChalkInstance = chalk;
export { sanitizeInline, sanitizeText };

export function stdoutIsTTY(): boolean {
  return Boolean(process.stdout.isTTY);
}

export function colorFor(stream: NodeJS.WriteStream): ChalkInstance {
  if (process.env.NO_COLOR || !stream.isTTY) return new Chalk({ level: 0 });
  return chalk;
}

/**
 * JSON.stringify escapes C0 controls but leaves DEL, C1 controls (a lone 0x9b is a CSI) and bidi
 * overrides raw; escaping them too keeps the same JSON value and keeps them off the terminal.
 */
export function printJson(value: unknown): void {
  const json = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  process.stdout.write(`${json}\n`);
}

export function println(text = ''): void {
  process.stdout.write(`${text}\n`);
}

export function warn(text: string): void {
  const e = colorFor(process.stderr);
  // Warnings quote file content (values and key names): never raw to the terminal.
  process.stderr.write(`${e.yellow('warning:')} ${sanitizeInline(text)}\n`);
}

/** Pads a string that may contain wide characters (emoji) to a display width. */
export function padEnd(text: string, width: number): string {
  const w = displayWidth(text);
  return w >= width ? text : text + ' '.repeat(width - w);
}

/** Good enough for our columns: emoji and East Asian wide characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text.replace(/\x1b\[[0-9;]*m/g, '')) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfe0f || cp === 0x200d || (cp >= 0x1f3fb && cp <= 0x1f3ff)) continue;
    width += /\p{Extended_Pictographic}|\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}/u.test(ch) ? 2 : 1;
  }
  return width;
}

export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
