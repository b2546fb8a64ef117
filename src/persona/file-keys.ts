import type { Issue } from '../core/errors.js';
import { KNOWN_KEYS, objectAt, unknownKeysAt } from './known-keys.js';

// Two passes over a parsed persona file before the schema sees it, so files as people write them
// load: `null` on a known key means "not given" (the key is dropped, as if absent), and keys the
// format does not know are named in one warning per object (they stay in the data).

/** Dropping a null known key, or a null item of a list, is a copy: the parsed input is left alone. */
export function dropKnownNulls(value: Record<string, unknown>): Record<string, unknown> {
  const out = structuredClone(value);
  for (const path of Object.keys(KNOWN_KEYS)) {
    const obj = objectAt(out, path);
    if (!obj) continue;
    for (const key of KNOWN_KEYS[path]!) {
      if (obj[key] === null) delete obj[key];
      else if (Array.isArray(obj[key])) obj[key] = (obj[key] as unknown[]).filter((v) => v !== null);
    }
  }
  // A section written as `null` ("baseSelection": null) is gone above; list items of the
  // instruction records are records, and their own null fields mean "not given" too.
  for (const listKey of ['exampleDialogue', 'stories']) {
    const list = out[listKey];
    if (!Array.isArray(list)) continue;
    for (const item of list) {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        for (const [k, v] of Object.entries(item)) if (v === null) delete (item as Record<string, unknown>)[k];
      }
    }
  }
  return out;
}

/** Marks a warning as a note about unknown keys (not a weakness): `validate --strict` lets it pass. */
export const UNKNOWN_KEYS_MESSAGE = 'not part of the persona format';

export function isUnknownKeyNotice(issue: Issue): boolean {
  return issue.message.startsWith(UNKNOWN_KEYS_MESSAGE);
}

const quoted = (keys: string[]) => keys.map((k) => JSON.stringify(k)).join(', ');

/** One warning per object that has keys the format does not define, naming them. */
export function unknownKeyWarnings(value: Record<string, unknown>): Issue[] {
  const out: Issue[] = [];
  for (const path of Object.keys(KNOWN_KEYS)) {
    const keys = unknownKeysAt(value, path);
    if (keys.length === 0) continue;
    const how =
      path === 'chatProfile'
        ? 'kept, and given to the model as speaking instructions'
        : path === 'profilePicture'
          ? 'kept, not used'
          : 'kept, and given to the model as facts about the person';
    out.push({
      path,
      message: `${UNKNOWN_KEYS_MESSAGE}: ${quoted(keys)} (${how})`,
      hint: 'fine if intended; a typo of a known key? see `persona personas schema`',
    });
  }
  return out;
}
