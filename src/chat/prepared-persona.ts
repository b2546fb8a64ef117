import { personaForChat } from '../persona/cards/chat-persona.js';
import { buildChatProfile } from '../persona/profile.js';
import { buildSystemPrompt, type SystemPrompt } from '../persona/prompt.js';
import type { ChatProfile, Persona } from '../persona/schema.js';
import { personaSnapshot, type SnapshotContent } from './snapshot.js';

// What a conversation needs from a persona that depends on the persona alone: the copy chatted
// with (a card's placeholders filled), its chat profile, its system prompt, and the snapshot
// saved with each session (a content hash over all three). Building them costs more than the rest
// of a request on a busy server, and a long-lived process (`persona serve`) chats with the same
// few personas all day, so they are built once per loaded persona. Keyed by the Persona object:
// loaders hand out a fresh object when a file changes (and nothing edits a loaded persona), so
// an edited file is prepared afresh and a dropped one is garbage-collected with its entry.

export interface PreparedPersona {
  /** The persona as chatted with (src/persona/cards/chat-persona.ts). */
  persona: Persona;
  profile: ChatProfile;
  prompt: SystemPrompt;
  /** The snapshot content, hashed on first use (only a saved session needs it). */
  snapshot(): SnapshotContent;
}

const prepared = new WeakMap<Persona, PreparedPersona>();

export function preparePersona(original: Persona): PreparedPersona {
  let ready = prepared.get(original);
  if (!ready) {
    const persona = personaForChat(original);
    const profile = buildChatProfile(persona.data);
    const prompt = buildSystemPrompt(persona, profile);
    let snapshot: SnapshotContent | undefined;
    ready = { persona, profile, prompt, snapshot: () => (snapshot ??= personaSnapshot(persona, profile, prompt.text)) };
    prepared.set(original, ready);
  }
  return ready;
}
