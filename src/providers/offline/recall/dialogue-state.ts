import type { ChatTurn } from '../../../core/messages.js';
import { classify } from '../understand/index.js';
import type { TopicIntent } from '../understand/intents.js';

// What the persona has said so far, derived from the messages each request carries (so it works
// the same over HTTP, where the server keeps no engine state): the topic of each turn, every
// sentence already spoken, and how long ago a catch-phrase was used.

export interface DialogueState {
  /** Earlier user messages, oldest first (the current one excluded). */
  userTurns: string[];
  /** Earlier persona replies, oldest first. */
  replies: string[];
  /** The topic the last reply was about (follow-ups continue it). */
  thread?: TopicIntent;
  /** Normalised sentences already said. */
  said: Set<string>;
  /** Normalised text of everything said, to test whether a fact or line was already used. */
  saidText: string;
  /** Replies since a catch-phrase was last used (Infinity when never). */
  sinceCatchPhrase: number;
}

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function readDialogue(messages: readonly ChatTurn[], catchPhrases: readonly string[]): DialogueState {
  const history = messages.slice(0, -1);
  const userTurns: string[] = [];
  const replies: string[] = [];
  const said = new Set<string>();
  let thread: TopicIntent | undefined;
  let sinceCatchPhrase = Number.POSITIVE_INFINITY;
  const phrases = catchPhrases.map(normalise).filter(Boolean);
  for (const turn of history) {
    const content = typeof turn.content === 'string' ? turn.content : '';
    if (turn.role === 'user') {
      userTurns.push(content);
      const understood = classify(content);
      if (understood.kind === 'topic') thread = understood.topic;
      else if (understood.kind === 'follow-up' && understood.topic) thread = understood.topic;
    } else {
      replies.push(content);
      for (const sentence of splitSentences(content)) said.add(normalise(sentence));
      const n = normalise(content);
      sinceCatchPhrase = phrases.some((p) => n.includes(p)) ? 0 : sinceCatchPhrase + 1;
    }
  }
  return { userTurns, replies, thread, said, saidText: replies.map(normalise).join(' | '), sinceCatchPhrase };
}
