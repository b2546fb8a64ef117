import type { ChatTurn } from '../../src/core/messages.js';
import type { ChatProfile, Persona } from '../../src/persona/schema.js';
import { createOfflineProvider } from '../../src/providers/offline/index.js';
import type { ProviderEvent, ProviderRequest } from '../../src/providers/types.js';

// Drives the offline provider the way the chat engine does: a request in, every event out.

export function requestFor(persona: Persona, profile: ChatProfile, messages: ChatTurn[], seed?: number): ProviderRequest {
  return {
    system: `You are ${persona.name}.`,
    messages,
    model: 'persona-offline-1',
    temperature: profile.temperature ?? 0.8,
    maxOutputTokens: profile.maxOutputTokens ?? 400,
    persona: { persona, profile },
    seed,
  };
}

export async function collect(events: AsyncIterable<ProviderEvent>): Promise<ProviderEvent[]> {
  const out: ProviderEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

export function textOf(events: readonly ProviderEvent[]): string {
  return events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
}

/** One reply to `question` after the given history. */
export async function reply(
  persona: Persona,
  profile: ChatProfile,
  question: string,
  seed?: number,
  history: ChatTurn[] = [],
): Promise<string> {
  const provider = createOfflineProvider();
  return textOf(await collect(provider.stream(requestFor(persona, profile, [...history, { role: 'user', content: question }], seed))));
}

/** Asks each question in turn in one session; returns the replies. */
export async function converse(persona: Persona, profile: ChatProfile, questions: readonly string[], seed = 1): Promise<string[]> {
  const history: ChatTurn[] = [];
  const replies: string[] = [];
  for (const question of questions) {
    const answer = await reply(persona, profile, question, seed, history);
    history.push({ role: 'user', content: question }, { role: 'persona', content: answer });
    replies.push(answer);
  }
  return replies;
}

export const EMOJI = /\p{Extended_Pictographic}/u;
