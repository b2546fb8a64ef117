import { InputFileError, type Issue } from '../../core/errors.js';
import { parseUntrustedJson } from '../json-input.js';
import { isRecord } from './paths.js';

// Bytes of a TinyTroupe file -> its JSON, checked: an agent is `{"type": "TinyPerson", "persona":
// {"name": …}}`, a fragment `{"type": "Fragment", "persona": {…}}`. Pure: the CLI reads the file.

export type TinyTroupeKind = 'agent' | 'fragment';

/** Whether parsed JSON looks like a TinyTroupe file, and which kind (without validating it). */
export function tinyTroupeKind(value: unknown): TinyTroupeKind | undefined {
  if (!isRecord(value) || !isRecord(value.persona)) return undefined;
  if (value.type === 'Fragment') return 'fragment';
  if (value.type === 'TinyPerson' || (value.type === undefined && typeof value.persona.name === 'string')) return 'agent';
  return undefined;
}

export function parseTinyTroupe(
  bytes: Buffer,
  file: string,
  expected: TinyTroupeKind,
): { value: Record<string, unknown>; warnings: Issue[] } {
  const parsed = parseUntrustedJson(bytes.toString('utf8'), bytes.length);
  if (!parsed.ok) throw new InputFileError(file, parsed.issues);
  const kind = tinyTroupeKind(parsed.value);
  if (kind !== expected) {
    const hint =
      expected === 'fragment'
        ? 'a fragment is {"type": "Fragment", "persona": {…}}'
        : kind === 'fragment'
          ? 'this is a fragment: merge it into an agent with --fragment'
          : 'an agent is {"type": "TinyPerson", "persona": {"name": …}}';
    throw new InputFileError(file, [{ path: 'type', message: `not a TinyTroupe ${expected}`, hint }]);
  }
  const value = parsed.value as Record<string, unknown>;
  if (expected === 'agent') {
    const name = (value.persona as Record<string, unknown>).name;
    if (typeof name !== 'string' || name.trim() === '')
      throw new InputFileError(file, [{ path: 'persona.name', message: 'the agent has no name', hint: 'add "name" to "persona"' }]);
    if (name.trim().length > 200)
      throw new InputFileError(file, [{ path: 'persona.name', message: 'the name is longer than 200 characters' }]);
  }
  return { value, warnings: parsed.warnings };
}

/** Which TinyTroupe kind these bytes hold, if any (cards and anything else: undefined). */
export function detectTinyTroupe(bytes: Buffer): TinyTroupeKind | undefined {
  if (bytes.length > 0 && bytes[0] === 0x89) return undefined; // a PNG card
  try {
    const text = bytes.toString('utf8');
    return tinyTroupeKind(JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text));
  } catch {
    return undefined;
  }
}
