import { CHAT_PROFILE_KEYS } from './known-keys.js';
import type { ChatProfile, PersonaData } from './schema.js';

// A file's `chatProfile` overrides the derived profile. Known keys apply as written. A few
// unknown keys that plainly mean a known one (web-app exports write `emojiUsage: "never"` or
// `humour: 0.2`) apply too when their value reads unambiguously; every unknown key is still shown
// to the model as written (see extraSpeakingNotes), so nothing said in the file is lost.

const KNOWN = new Set<string>(CHAT_PROFILE_KEYS);

type Reader = (value: unknown) => Partial<ChatProfile> | undefined;

const unit =
  (key: 'formality' | 'humor' | 'warmth' | 'directness' | 'skepticism' | 'expressiveness' | 'structure'): Reader =>
  (v) => {
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 100) return undefined;
    return { [key]: v > 1 ? v / 100 : v };
  };

const EMOJI_WORDS: Array<[RegExp, ChatProfile['emojiUse']]> = [
  [/^(none|never|no|off|false|0)$/, 'none'],
  [/^(rare|rarely|sparingly|occasional|occasionally|some|low|minimal|few)$/, 'rare'],
  [/^(frequent|frequently|often|lots|many|high|always|heavy|yes|true)$/, 'frequent'],
];

const emoji: Reader = (v) => {
  const word = String(v).trim().toLowerCase();
  const hit = EMOJI_WORDS.find(([re]) => re.test(word));
  return hit ? { emojiUse: hit[1] } : undefined;
};

const VERBOSITY: Record<string, ChatProfile['verbosity']> = {
  terse: 'terse',
  'very short': 'terse',
  short: 'brief',
  brief: 'brief',
  concise: 'brief',
  medium: 'moderate',
  moderate: 'moderate',
  long: 'expansive',
  detailed: 'expansive',
  expansive: 'expansive',
};

/** Unknown key, normalized (lower case, letters only) -> how to read its value. */
const ALIASES: Record<string, Reader> = {
  emojiusage: emoji,
  emojis: emoji,
  emoji: emoji,
  useemoji: emoji,
  humour: unit('humor'),
  scepticism: unit('skepticism'),
  responselength: (v) =>
    typeof v === 'string' && VERBOSITY[v.trim().toLowerCase()] ? { verbosity: VERBOSITY[v.trim().toLowerCase()] } : undefined,
  length: (v) =>
    typeof v === 'string' && VERBOSITY[v.trim().toLowerCase()] ? { verbosity: VERBOSITY[v.trim().toLowerCase()] } : undefined,
};

export function chatProfileOverrides(data: PersonaData): Partial<ChatProfile> {
  const written = (data.chatProfile ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // Aliases first, so a known key written in the same file wins.
  for (const [key, value] of Object.entries(written)) {
    if (KNOWN.has(key)) continue;
    const read = ALIASES[key.toLowerCase().replace(/[^a-z]/g, '')]?.(value);
    if (read) Object.assign(out, read);
  }
  for (const [key, value] of Object.entries(written)) if (KNOWN.has(key) && value !== undefined) out[key] = value;
  return out as Partial<ChatProfile>;
}
