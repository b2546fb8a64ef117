import { personaSnapshot } from '../../chat/snapshot.js';
import { personaForChat } from '../../persona/cards/chat-persona.js';
import { buildChatProfile } from '../../persona/profile.js';
import { buildSystemPrompt } from '../../persona/prompt.js';
import type { Persona } from '../../persona/schema.js';
import type { ResearchStore } from '../research-store.js';
import type { Respondent } from './answerers.js';

/** Each persona as it will answer: its system prompt as in a chat, saved as a snapshot for exports. */
export async function respondentsFor(personas: Persona[], store: ResearchStore, temperature?: number): Promise<Respondent[]> {
  const respondents: Respondent[] = [];
  for (const original of personas) {
    const persona = personaForChat(original);
    const profile = buildChatProfile(persona.data);
    const prompt = buildSystemPrompt(persona, profile);
    const snapshot = await store.saveSnapshot(personaSnapshot(persona, profile, prompt.text));
    respondents.push({ persona, snapshotId: snapshot.id, system: prompt.text, temperature: temperature ?? profile.temperature });
  }
  return respondents;
}
