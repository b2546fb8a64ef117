import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import type { Issue } from '../../core/errors.js';

// Matching a lorebook key against the conversation.
// - A key written as `/pattern/flags` is a regular expression (SillyTavern writes `use_regex: true`
//   on every entry and reads such keys as patterns). A card's pattern is untrusted: it runs on
//   RE2 (re2js), whose matching time is linear in the text, so no pattern can hang the process
//   with backtracking. A pattern RE2 cannot compile (backreferences, lookaround) or one that is
//   too long is skipped, and the import says so.
// - Any other key is literal text. In scripts written with spaces a key must start at a word
//   boundary ("cat" does not fire on "education") and may take a plural or possessive ending;
//   in scripts written without spaces (Chinese, Japanese, Thai…) and in Korean, where particles
//   attach to the noun, a key matches anywhere ("玄天宗" fires on "玄天宗是什么？").

const MAX_PATTERN = 1000;
const REGEX_KEY = /^\/(.+)\/([a-z]*)$/s;
const WORD = /[\p{L}\p{N}_]/u;
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
const SUFFIX = /^(?:s|es|'s|’s)?(?![\p{L}\p{N}_])/u;

export type CompiledKey = { kind: 'literal'; text: string } | { kind: 'regex'; re: RE2JS } | { kind: 'invalid'; reason: string };

const cache = new Map<string, CompiledKey>();

/**
 * re2js is 270 kB of code whose loading cost every command that reads persona files (the chat's
 * first frame among them), because the persona loader can import a card, whose lorebook keys are
 * checked here. It is needed only for a key written as a pattern, so it loads then, synchronously
 * (the loader is synchronous), from the package itself.
 */
let re2: typeof RE2JS | undefined;
function loadRe2(): typeof RE2JS {
  re2 ??= (createRequire(import.meta.url)('re2js') as typeof import('re2js')).RE2JS;
  return re2;
}

export function compileKey(key: string): CompiledKey {
  const cached = cache.get(key);
  if (cached) return cached;
  const compiled = compileUncached(key);
  if (cache.size > 2000) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

function compileUncached(key: string): CompiledKey {
  const m = REGEX_KEY.exec(key.trim());
  if (!m) return { kind: 'literal', text: key.trim() };
  const [, pattern, flags] = m as unknown as [string, string, string];
  if (pattern.length > MAX_PATTERN) return { kind: 'invalid', reason: `pattern longer than ${MAX_PATTERN} characters` };
  const RE2 = loadRe2();
  let bits = 0;
  if (flags.includes('i')) bits |= RE2.CASE_INSENSITIVE;
  if (flags.includes('s')) bits |= RE2.DOTALL;
  if (flags.includes('m')) bits |= RE2.MULTILINE;
  try {
    return { kind: 'regex', re: RE2.compile(pattern, bits) };
  } catch (error) {
    return { kind: 'invalid', reason: (error as Error).message.replace(/^error parsing regexp:\s*/, '') };
  }
}

const lastChar = (text: string, end: number) => (end <= 0 ? undefined : Array.from(text.slice(Math.max(0, end - 2), end)).at(-1));
const firstChar = (text: string) => Array.from(text.slice(0, 2))[0];
const isWord = (ch: string | undefined) => ch !== undefined && WORD.test(ch);
const unspaced = (ch: string | undefined) => ch !== undefined && UNSPACED.test(ch);

/** Literal key search: no regular expression is built from card text. */
export function mentionsKey(text: string, key: string, caseSensitive: boolean): boolean {
  const needle = caseSensitive ? key.trim() : key.trim().toLowerCase();
  if (needle === '') return false;
  const hay = caseSensitive ? text : text.toLowerCase();
  const head = firstChar(needle);
  const tail = lastChar(needle, needle.length);
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
    const before = lastChar(hay, i);
    const after = hay.slice(i + needle.length, i + needle.length + 3);
    const startsWord = !isWord(head) || !isWord(before) || unspaced(head) || unspaced(before);
    const endsWord = !isWord(tail) || unspaced(tail) || unspaced(firstChar(after)) || SUFFIX.test(after);
    if (startsWord && endsWord) return true;
  }
  return false;
}

/** Whether a key (literal or `/pattern/flags`) fires on the text; an invalid pattern never does. */
export function keyMatches(text: string, key: string, caseSensitive: boolean): boolean {
  const compiled = compileKey(key);
  if (compiled.kind === 'literal') return mentionsKey(text, compiled.text, caseSensitive);
  if (compiled.kind === 'regex') return compiled.re.matcher(text).find();
  return false;
}

/** Warnings for the regex keys of a lorebook that will be skipped, naming entry and key. */
export function lorebookKeyWarnings(book: unknown, where: string): Issue[] {
  if (book === null || typeof book !== 'object' || !Array.isArray((book as { entries?: unknown }).entries)) return [];
  const out: Issue[] = [];
  (book as { entries: unknown[] }).entries.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object') return;
    const e = entry as { keys?: unknown; secondary_keys?: unknown };
    for (const list of [e.keys, e.secondary_keys]) {
      if (!Array.isArray(list)) continue;
      for (const key of list) {
        if (typeof key !== 'string') continue;
        const compiled = compileKey(key);
        if (compiled.kind === 'invalid')
          out.push({
            path: `${where}character_book.entries[${index}].keys`,
            message: `regex key ${JSON.stringify(key.length > 60 ? `${key.slice(0, 57)}...` : key)} skipped: ${compiled.reason}`,
            hint: 'keys run on RE2: no backreferences or lookaround',
          });
      }
    }
  });
  return out;
}
