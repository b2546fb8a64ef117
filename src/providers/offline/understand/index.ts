import { loadNlp } from '../nlp.js';
import { FOLLOW_UP_CUES, META_CUES, TOPIC_CUES } from './cues.js';
import type { FollowUp, Intent, Meta, TopicIntent } from './intents.js';
import { contentStems, stem, stems, STOP } from './words.js';

// Stage one: what was asked. A message becomes a topic intent, a follow-up on the previous answer
// or a meta question, plus the words that carry its subject.

export interface Understanding {
  kind: 'topic' | 'follow-up' | 'meta' | 'unknown';
  intent: Intent;
  /** The topic that was named, also for follow-ups that name one ("why did you switch?"). */
  topic?: TopicIntent;
  /** A topic question that also asks for a reason, an example, a story ("why did you switch?"). */
  aspect?: FollowUp;
  /** Stems of the words that carry the subject, for ranking facts and authored lines. */
  keywords: string[];
  /** Score of the best topic: 0 when nothing matched. */
  score: number;
  /** "Who do you go to for advice?": the answer is a person, so facts about people come first. */
  asksWho?: boolean;
}

/** Feeling words ("worried about privacy") yield to the subject they are about when both appear. */
const FEELING = new Set(stems('worry worried concern concerned afraid fear anxious nervous scare scary stress stressed uneasy dread'));

interface Cue {
  stems: string[];
  weight: number;
}

/** "~word" marks a generic cue that only tips a balance. Longer phrases weigh more than their words. */
function compile(phrases: readonly string[]): Cue[] {
  const seen = new Set<string>();
  return phrases.flatMap((phrase) => {
    const weak = phrase.startsWith('~');
    const s = stems(weak ? phrase.slice(1) : phrase);
    // "buy" and "bought" are one stem: counting both would double a weak word.
    if (seen.has(s.join(' '))) return [];
    seen.add(s.join(' '));
    return { stems: s, weight: weak ? 0.6 : s.length ** 1.5 * (FEELING.has(s[0]!) && s.length === 1 ? 0.9 : 1) };
  });
}

/** Cues of each key, indexed by their first stem: a message is checked only against cues that can start in it. */
interface Table<K extends string> {
  keys: K[];
  byFirst: Map<string, Array<{ key: number; cue: Cue }>>;
}

function compileAll<K extends string>(source: Record<K, readonly string[]>): Table<K> {
  const keys = Object.keys(source) as K[];
  const byFirst = new Map<string, Array<{ key: number; cue: Cue }>>();
  keys.forEach((key, index) => {
    for (const cue of compile(source[key])) {
      const first = cue.stems[0];
      if (first === undefined) continue;
      const list = byFirst.get(first) ?? [];
      list.push({ key: index, cue });
      byFirst.set(first, list);
    }
  });
  return { keys, byFirst };
}

const TOPICS = compileAll(TOPIC_CUES);
const FOLLOW = compileAll(FOLLOW_UP_CUES);
const METAS = compileAll(META_CUES);
const GREETING_ONLY = compileAll({ greeting: META_CUES.greeting });

function best<K extends string>(message: readonly string[], table: Table<K>): { key?: K; score: number } {
  const scores = new Array<number>(table.keys.length).fill(0);
  const firstAt = new Array<number>(table.keys.length).fill(Infinity);
  const matched = new Set<Cue>();
  message.forEach((word, start) => {
    for (const { key, cue } of table.byFirst.get(word) ?? []) {
      if (matched.has(cue)) continue;
      if (cue.stems.every((s, j) => message[start + j] === s)) {
        matched.add(cue);
        scores[key]! += cue.weight;
        firstAt[key] = Math.min(firstAt[key]!, start);
      }
    }
  });
  let top = 0;
  let key: K | undefined;
  let topAt = Infinity;
  // A tie goes to the cue met first: an English question puts its verb before the verb's object,
  // so "what would make you switch software vendors?" is about switching, not about software.
  // Cues at the same place tie on the key listed first.
  scores.forEach((score, i) => {
    if (score > top || (score === top && score > 0 && firstAt[i]! < topAt)) {
      top = score;
      topAt = firstAt[i]!;
      key = table.keys[i];
    }
  });
  return { key, score: top };
}

/** "Hello, thanks for joining me": a greeting that also thanks is a greeting. */
function metaSocial(message: readonly string[]): Meta | undefined {
  const greeting = best(message, GREETING_ONLY);
  return greeting.key;
}

/** Classifies from stems alone; used on history turns too, where loading the library is not worth it. */
export function classify(text: string, messageStems: string[] = stems(text)): Understanding {
  const keywords = contentStems(text);
  const meta = best(messageStems, METAS);
  const topic = best(messageStems, TOPICS);
  const follow = best(messageStems, FOLLOW);
  const short = messageStems.length <= 8;
  const topicKey = topic.score > 0 ? topic.key : undefined;

  if (meta.key === 'are-you-ai' || meta.key === 'what-did-i-ask' || (meta.key === 'repeat' && short && topic.score < 2)) {
    return { kind: 'meta', intent: meta.key, keywords, score: topic.score };
  }
  // "Really?" is a follow-up; "is there anything you really can't stand?" is a question of its own.
  // Weak follow-up cues ("have you ever") only add an aspect to a topic: "Have you ever been to
  // Iceland?" is a new subject, not "and then what happened?".
  const followsOn = follow.score >= 1 ? follow.key : undefined;
  if (followsOn && short && follow.score >= topic.score && !(follow.key === 'really' && messageStems.length > 4)) {
    return { kind: 'follow-up', intent: followsOn, topic: topicKey, keywords, score: topic.score };
  }
  if (meta.key && messageStems.length <= 3 && ['greeting', 'thanks', 'goodbye'].includes(meta.key)) {
    return { kind: 'meta', intent: metaSocial(messageStems) ?? meta.key, keywords, score: topic.score };
  }
  if (topicKey) {
    const aspect = follow.key && follow.key !== 'more' && follow.key !== 'really' ? follow.key : undefined;
    return { kind: 'topic', intent: topicKey, topic: topicKey, aspect, keywords, score: topic.score };
  }
  if (meta.key) return { kind: 'meta', intent: metaSocial(messageStems) ?? (meta.key as Meta), keywords, score: 0 };
  if (followsOn) return { kind: 'follow-up', intent: followsOn, keywords, score: 0 };
  return { kind: 'unknown', intent: 'unknown', keywords, score: 0 };
}

/**
 * The full stage: the cue table first; when it finds no topic in a real question, the NLP library's
 * lemmas (irregular and unusual forms the cheap stems miss) and nouns (the subject) get a second look.
 */
export async function understand(text: string): Promise<Understanding> {
  const known = understood.get(text);
  if (known) return known;
  const read = await understandText(text);
  const result = /^\W*(who|whom|whose)\b/i.test(text) ? { ...read, asksWho: true } : read;
  // Frozen: every later turn that asks the same gets this very object.
  Object.freeze(result.keywords);
  Object.freeze(result);
  if (understood.size >= UNDERSTOOD_LIMIT) understood.delete(understood.keys().next().value!);
  understood.set(text, result);
  return result;
}

/**
 * What a message means depends on its text alone, and the same questions come again and again (a
 * server's clients, a survey's respondents): the last few thousand are kept, oldest dropped first.
 */
const UNDERSTOOD_LIMIT = 2000;
const understood = new Map<string, Understanding>();

async function understandText(text: string): Promise<Understanding> {
  const quick = classify(text);
  if (quick.kind !== 'unknown' || contentStems(text).length === 0) return quick;
  const nlp = await loadNlp();
  const tokens = nlp.tokens(text).filter((t) => t.pos !== 'PUNCT' && t.pos !== 'SPACE');
  const lemmaStems = tokens.map((t) => stem(t.lemma.toLowerCase()));
  const again = classify(text, lemmaStems);
  const nouns = tokens.filter((t) => t.pos === 'NOUN' || t.pos === 'PROPN').map((t) => stem(t.lemma));
  const keywords = [...new Set([...nouns, ...again.keywords])].filter((k) => !STOP.has(k));
  return { ...again, keywords };
}

export type { FollowUp, Intent, Meta, TopicIntent } from './intents.js';
export { isTopicIntent, TOPIC_INTENTS } from './intents.js';
