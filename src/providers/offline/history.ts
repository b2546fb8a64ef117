import type { ChatTurn } from '../../core/messages.js';
import { contentStems } from './text.js';

// The offline engine keeps no state between calls: everything it knows about the session is the
// message list it is handed. Its own earlier replies are the persona turns, and they tell it which
// facts and phrasings it has already used, so it can move on instead of repeating itself.

export interface Conversation {
  /** The new user message: the last turn of the request. */
  userText: string;
  /** Everything before it, flattened: mixed into the seed so each turn rolls fresh dice. */
  priorText: string;
  /** Earlier persona replies, oldest first. */
  personaReplies: string[];
  /** The user message before this one that was not itself a follow-up ("why?"), for context. */
  previousUserTexts: string[];
}

export function readConversation(messages: readonly ChatTurn[]): Conversation {
  const turns = messages.filter((m) => m && typeof m.content === 'string');
  const lastUserIndex = turns.map((m) => m.role).lastIndexOf('user');
  const userText = lastUserIndex >= 0 ? turns[lastUserIndex]!.content : '';
  const prior = lastUserIndex >= 0 ? turns.slice(0, lastUserIndex) : turns;
  return {
    userText,
    priorText: prior.map((m) => `${m.role}:${m.content}`).join('\n'),
    personaReplies: prior.filter((m) => m.role === 'persona').map((m) => m.content),
    previousUserTexts: prior
      .filter((m) => m.role === 'user')
      .map((m) => m.content)
      .reverse(),
  };
}

/** Lower-case words only, so "It's" and "it's," compare equal when looking for reused phrasing. */
export function normalizeForMatch(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()} `;
}

/** How often each earlier reply mentioned a fact, judged by shared content words. */
export class FactMemory {
  private readonly replies: Array<Set<string>>;

  constructor(personaReplies: readonly string[]) {
    this.replies = personaReplies.map((r) => contentStems(r));
  }

  private mentions(reply: Set<string>, factStems: Set<string>): boolean {
    if (factStems.size === 0) return false;
    let shared = 0;
    for (const s of factStems) if (reply.has(s)) shared++;
    return shared / factStems.size >= 0.6;
  }

  timesUsed(factStems: Set<string>): number {
    return this.replies.filter((r) => this.mentions(r, factStems)).length;
  }

  usedLastTime(factStems: Set<string>): boolean {
    const last = this.replies[this.replies.length - 1];
    return last !== undefined && this.mentions(last, factStems);
  }
}
