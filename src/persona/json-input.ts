import type { Issue } from '../core/errors.js';
import { describeJsonSyntaxError } from '../core/json-error.js';
import { sanitizeKey, sanitizeText } from '../core/sanitize.js';

// Parsing untrusted JSON: size and depth limits, line/column on syntax errors, a BOM allowed,
// prototype keys dropped and control characters neutralized. Pure: the caller reads the file.

export const MAX_FILE_BYTES = 1024 * 1024;
export const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type ParsedJson = { ok: true; value: unknown; warnings: Issue[] } | { ok: false; issues: Issue[] };

function syntaxIssue(text: string, error: Error): Issue {
  const { where, what, hint } = describeJsonSyntaxError(text, error);
  return { path: '', message: `invalid JSON${where ? ` at ${where}` : ''}: ${what}`, hint };
}

/** Depth of nesting, measured without recursion so hostile input cannot blow the stack. */
function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return false;
}

/** Replaces control/escape sequences in every string and every key; reports where it changed something. */
function neutralizeStrings(value: unknown, path: string, warnings: Issue[]): unknown {
  if (typeof value === 'string') {
    const clean = sanitizeText(value);
    if (clean !== value) warnings.push(stringChangeWarning(value, clean, path));
    return clean;
  }
  if (Array.isArray(value)) return value.map((v, i) => neutralizeStrings(v, `${path}[${i}]`, warnings));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [rawKey, v] of Object.entries(value)) {
      // Key names reach the terminal and the prompt as labels: they are cleaned like values.
      const key = sanitizeKey(rawKey);
      const at = path ? `${path}.${key}` : key;
      if (key !== rawKey) {
        warnings.push({
          path: at,
          message: key
            ? 'control or invisible characters removed from this key name'
            : 'a key name made only of control characters was dropped',
          hint: 'rename the key in the file',
        });
        if (!key || Object.hasOwn(out, key)) continue;
      }
      out[key] = neutralizeStrings(v, at, warnings);
    }
    return out;
  }
  return value;
}

/** Windows line endings are only normalised; say so, rather than calling them control characters. */
function stringChangeWarning(raw: string, clean: string, path: string): Issue {
  const lineEndingsOnly = raw.replace(/\r\n?/g, '\n') === clean;
  if (lineEndingsOnly) return { path, message: 'Windows (CRLF) or old Mac (CR) line endings changed to new lines', hint: 'nothing to fix' };
  return { path, message: 'control or invisible characters removed', hint: 'remove them from the file' };
}

export function parseUntrustedJson(text: string, byteLength: number): ParsedJson {
  if (byteLength > MAX_FILE_BYTES) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: `file is ${(byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB`,
          hint: 'a persona file is a few KB: is this the right file?',
        },
      ],
    };
  }
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const dropped: string[] = [];
  let value: unknown;
  try {
    value = JSON.parse(source, function reviver(key, v) {
      if (FORBIDDEN_KEYS.has(key)) {
        dropped.push(key);
        return undefined;
      }
      return v;
    });
  } catch (error) {
    if (error instanceof RangeError) {
      return { ok: false, issues: [{ path: '', message: `nesting is deeper than ${MAX_DEPTH} levels`, hint: 'flatten the file' }] };
    }
    return { ok: false, issues: [syntaxIssue(source, error as Error)] };
  }
  if (depthExceeds(value, MAX_DEPTH)) {
    return { ok: false, issues: [{ path: '', message: `nesting is deeper than ${MAX_DEPTH} levels`, hint: 'flatten the file' }] };
  }
  const warnings: Issue[] = [];
  if (dropped.length > 0) {
    warnings.push({ path: '', message: `ignored reserved key(s): ${[...new Set(dropped)].join(', ')}`, hint: 'rename or remove them' });
  }
  return { ok: true, value: neutralizeStrings(value, '', warnings), warnings };
}
