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
  /** The normalised text of each earlier reply: `saidIncludes` tests whether a fact or line was already used. */
  saidTexts: readonly SaidText[];
  /** Replies since a catch-phrase was last used (Infinity when never). */
  sinceCatchPhrase: number;
}

/** Lower case, punctuation and spaces folded to one space. ASCII and general punctuation are listed
 * rather than matched by Unicode property: this runs on every sentence of the history. */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s!-/:-@[-`{-~\u00a0-\u00bf\u2000-\u206f\u3000-\u303f]+/g, ' ')
    .trim();
}

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Each request carries the whole conversation again; what was read from a message is kept (a
 * bounded map, oldest dropped first) so a 50-turn history costs lookups, not re-reading.
 */
const MEMO_LIMIT = 4000;
interface Read extends SaidText {
  sentences: string[];
  thread?: TopicIntent;
  userTopic: boolean;
}

/** A reply's normalised text, and what it was found to contain (or not) so far. */
export interface SaidText {
  readonly text: string;
  found?: Map<string, boolean>;
}

/** Answers kept per said text (the facts and frames of the persona that said it); the memo below bounds the texts. */
const FOUND_LIMIT = 128;

/**
 * Whether normalised `text` occurs in what was said: what `includes` on the said texts joined
 * by ' | ' answered (normalised text has no '|' and no space at either end, so it never spans
 * two of them). Each reply is asked about the persona's same facts turn after turn, while the
 * window moves by a turn: the answers are kept with the reply (its read is kept by the memo
 * below), so a turn costs lookups instead of searching the whole window's text for every fact.
 */
export function saidIncludes(state: DialogueState, text: string): boolean {
  if (text === '') return true;
  for (const said of state.saidTexts) {
    let found = said.found?.get(text);
    if (found === undefined) {
      found = said.text.includes(text);
      const answers = (said.found ??= new Map());
      if (answers.size >= FOUND_LIMIT) answers.clear();
      answers.set(text, found);
    }
    if (found) return true;
  }
  return false;
}

/** Keyed by the message text itself (no key built per lookup), user messages and replies apart. */
const userMemo = new Map<string, Read>();
const replyMemo = new Map<string, Read>();
function remember(memo: Map<string, Read>, key: string, make: () => Read): Read {
  const hit = memo.get(key);
  if (hit) return hit;
  const value = make();
  if (memo.size >= MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(key, value);
  return value;
}

function readUser(content: string) {
  return remember(userMemo, content, () => {
    const understood = classify(content);
    const thread = understood.kind === 'topic' || understood.kind === 'follow-up' ? understood.topic : undefined;
    return { sentences: [], text: '', thread, userTopic: thread !== undefined };
  });
}

function readReply(content: string) {
  return remember(replyMemo, content, () => ({
    // A sentence said after an opener ("Frankly, I leave at six.") is also remembered without it.
    sentences: splitSentences(content).flatMap((s) => {
      const bare = /^[A-Z][\w' ]{0,18}, (.+)$/.exec(s)?.[1];
      return bare ? [normalise(s), normalise(bare)] : [normalise(s)];
    }),
    text: normalise(content),
    userTopic: false,
  }));
}

export function readDialogue(messages: readonly ChatTurn[], catchPhrases: readonly string[]): DialogueState {
  const history = messages.slice(0, -1);
  const userTurns: string[] = [];
  const replies: string[] = [];
  const said = new Set<string>();
  const texts: SaidText[] = [];
  let thread: TopicIntent | undefined;
  let sinceCatchPhrase = Number.POSITIVE_INFINITY;
  const phrases = normalisedPhrases(catchPhrases);
  for (const turn of history) {
    const content = typeof turn.content === 'string' ? turn.content : '';
    if (turn.role === 'user') {
      userTurns.push(content);
      const read = readUser(content);
      if (read.thread) thread = read.thread;
    } else {
      replies.push(content);
      const read = readReply(content);
      for (const sentence of read.sentences) said.add(sentence);
      texts.push(read);
      sinceCatchPhrase = phrases.some((p) => read.text.includes(p)) ? 0 : sinceCatchPhrase + 1;
    }
  }
  return { userTurns, replies, thread, said, saidTexts: texts, sinceCatchPhrase };
}

/** A persona's catch-phrases, normalised once per list (a profile keeps its list). */
const phraseMemo = new WeakMap<readonly string[], string[]>();
function normalisedPhrases(catchPhrases: readonly string[]): string[] {
  let phrases = phraseMemo.get(catchPhrases);
  if (!phrases) phraseMemo.set(catchPhrases, (phrases = catchPhrases.map(normalise).filter(Boolean)));
  return phrases;
}

/** Empties the memo: the evaluation measures a history read for the first time (a new process). */
export function forgetDialogueMemo(): void {
  userMemo.clear();
  replyMemo.clear();
}
