// Drives the offline engine in-process for the evaluation (bench/offline-eval.mjs bundles this
// file with esbuild, so the evaluation runs the same TypeScript the CLI ships).
import { withoutYesOrNo } from '../../src/providers/offline/realize/answer-opening.js';
import type { ChatTurn } from '../../src/core/messages.js';
import { loadPersonas } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import type { Persona } from '../../src/persona/schema.js';
import { composeReply } from '../../src/providers/offline/engine.js';
import { INTENT_FIELDS } from '../../src/providers/offline/recall/intent-fields.js';
import { factsOf } from '../../src/providers/offline/recall/persona-facts.js';
import { authoredOf } from '../../src/providers/offline/recall/index.js';
import { understand } from '../../src/providers/offline/understand/index.js';

export { understand, INTENT_FIELDS, factsOf, authoredOf };
export { forgetDialogueMemo } from '../../src/providers/offline/recall/dialogue-state.js';

export function shippedPersonas(): Persona[] {
  return loadPersonas({ userDir: null }).personas.filter((p) => p.origin === 'shipped');
}

export function profileOf(persona: Persona) {
  return buildChatProfile(persona.data);
}

/** One reply after `history`; returns the reply and how long composing it took. */
export async function replyTo(
  persona: Persona,
  history: ChatTurn[],
  question: string,
  seed?: number,
): Promise<{ text: string; ms: number }> {
  const profile = profileOf(persona);
  const messages: ChatTurn[] = [...history, { role: 'user', content: question }];
  const start = performance.now();
  const text = await composeReply({
    persona,
    profile,
    messages,
    seed,
    maxOutputTokens: profile.maxOutputTokens,
    system: `You are ${persona.name}.`,
  });
  return { text, ms: performance.now() - start };
}

// ---- scoring helpers (pure) ----
import { contentStems } from '../../src/providers/offline/understand/words.js';
import * as LINES from '../../src/providers/offline/realize/lines.js';
import type { TopicIntent } from '../../src/providers/offline/understand/intents.js';
import { isTopicIntent } from '../../src/providers/offline/understand/intents.js';

export { isTopicIntent };

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Where a reply's substance came from: an authored line for the intent, a fact of an expected field, or neither. */
export function drawsOn(persona: Persona, intent: TopicIntent, reply: string): 'authored' | 'field' | undefined {
  const authored = authoredOf(persona).filter((a) => a.intent === intent);
  // Said as written, or from after its opening yes or no (realize/answer-opening.ts).
  if (authored.some((a) => reply.includes(a.text.slice(0, 60)) || reply.includes(withoutYesOrNo(a.text).slice(0, 60)))) return 'authored';
  const fields = new Set(INTENT_FIELDS[intent]);
  const facts = factsOf(persona).filter((f) => fields.has(f.field));
  for (const sentence of sentencesOf(reply)) {
    const s = new Set(contentStems(sentence));
    for (const fact of facts) {
      const f = contentStems(fact.text);
      if (f.length === 0) continue;
      const shared = f.filter((x) => s.has(x)).length;
      if (shared / f.length >= 0.5) return 'field';
    }
  }
  if (intent === 'price' && /\d/.test(reply)) return 'field';
  return undefined;
}

const ENGINE_LINES = new Set(
  [...Object.values(LINES.DONT_KNOW), ...Object.values(LINES.COVERED), ...Object.values(LINES.NO_STORY)].flat().map((l) => l.toLowerCase()),
);

/** A follow-up is answered when the reply says something from the persona, not only the engine's own stock lines. */
export function answersFollowUp(reply: string): boolean {
  const rest = sentencesOf(reply).filter((s) => !ENGINE_LINES.has(s.toLowerCase()));
  return rest.join(' ').length >= 30;
}

/** Sentences of 40+ characters said more than once in one interview. */
export function repeatedSentences(replies: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const reply of replies) for (const s of sentencesOf(reply)) if (s.length >= 40) seen.set(s, (seen.get(s) ?? 0) + 1);
  return [...seen.entries()].filter(([, n]) => n > 1).map(([s]) => s);
}

// ---- held-out personas: files with no authored lines (bench/offline/held-out) ----
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importAgentBytes } from '../../src/persona/tinytroupe/import-agent.js';
import { importCardBytes } from '../../src/persona/cards/import-card.js';
import { detectTinyTroupe } from '../../src/persona/tinytroupe/parse-agent.js';
import { loadPersonaFile } from '../../src/persona/loader.js';
import type { PersonaData } from '../../src/persona/schema.js';

/** Loads a persona file, a TinyTroupe agent or a character card the way the importers read them. */
export function heldOutPersonas(dir: string): Persona[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const file = join(dir, f);
      const bytes = readFileSync(file);
      let data: PersonaData & { id: string };
      if (detectTinyTroupe(bytes) === 'agent') data = importAgentBytes(bytes, file).persona;
      else if (/"spec"\s*:\s*"chara_card/.test(bytes.toString('utf8'))) data = importCardBytes(bytes, file).persona;
      else return loadPersonaFile(file).persona;
      return { id: data.id, name: data.name, data, source: file, origin: 'path' } as Persona;
    });
}

/** A shipped persona with its authored lines taken out: what a user's own file looks like. */
export function stripped(persona: Persona): Persona {
  const { exampleDialogue: _d, stories: _s, ...data } = persona.data as PersonaData & Record<string, unknown>;
  return { ...persona, id: `${persona.id} (bare)`, data: data as PersonaData };
}

const NOT_CONTENT = new Set(['id', 'name', 'chatProfile', 'scenario', 'tinyTroupe', 'characterCard', 'doNotMention', 'personalityTraits']);

/** Every sentence of text in the file, read independently of the engine (nested records included). */
export function fileSentences(persona: Persona): string[] {
  const out: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (NOT_CONTENT.has(key)) return;
    if (typeof value === 'string') out.push(...value.split(/(?<=[.!?])\s+(?=[A-Z])/));
    else if (typeof value === 'number') out.push(`${key} ${value}`);
    else if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
  };
  walk(persona.data, '');
  return out.map((s) => s.trim()).filter((s) => s.length > 1);
}

/** The file's sentences that hold one of the words (by stem). */
export function relevantSentences(persona: Persona, words: readonly string[]): string[] {
  const wanted = new Set(words.flatMap((w) => contentStems(w)));
  return fileSentences(persona).filter((s) => contentStems(s).some((x) => wanted.has(x)));
}

/** True when a sentence of the reply says most of one of these file sentences. */
export function says(reply: string, sources: readonly string[]): boolean {
  const replyStems = sentencesOf(reply).map((s) => new Set(contentStems(s)));
  return sources.some((source) => {
    const f = [...new Set(contentStems(source))];
    if (f.length === 0) return false;
    return replyStems.some((r) => f.filter((x) => r.has(x)).length / f.length >= 0.5 && f.filter((x) => r.has(x)).length >= 1);
  });
}

/** Numbers in the reply that the file never gives (thousand separators ignored; "2:30" is 2 and 30). */
export function inventedNumbers(persona: Persona, reply: string): string[] {
  const file = JSON.stringify(persona.data).replace(/(\d),(\d)/g, '$1$2');
  const known = new Set(file.match(/\d+(?:\.\d+)?/g) ?? []);
  const numbers = reply.replace(/(\d),(\d)/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? [];
  return numbers.filter((n) => !known.has(n) && !known.has(n.replace(/\.0+$/, '')));
}

const NOT_THIRD_PERSON = new Set(
  'always sometimes perhaps nowadays afterwards towards was has does is guess focus discuss process address miss pass bless access stress'.split(
    ' ',
  ),
);

/**
 * Past participles that are never a past tense ("gone", "written", "seen"): after a bare "I" they
 * are a broken sentence ("I gone to the market"); after "I've", "I have", "I was" they are fine.
 */
const ONLY_PARTICIPLES = new Set(
  `arisen awoken been beaten become begun bitten blown broken chosen done drawn driven drunk eaten fallen flown forbidden
   forgiven forgotten frozen gone given grown hidden known ridden risen rung seen sewn shaken shown shrunk sung sunk spoken
   stolen striven sworn swum taken thrown torn trodden woken worn woven written`.split(/\s+/),
);

/** Third-person or second-person leftovers about the speaker: "I bakes", "I is", "his" after "I", "I gone". */
export function grammarDefects(persona: Persona, reply: string): string[] {
  const out: string[] = [];
  const first = persona.name.split(/\s+/)[0]!;
  const gender = String(persona.data.baseSelection?.gender ?? '').toLowerCase();
  const own = gender.startsWith('f')
    ? /\b(she|her|herself)\b/i
    : gender.startsWith('m')
      ? /\b(he|his|him|himself)\b/i
      : /\b(she|he|his|her)\b/i;
  for (const s of sentencesOf(reply)) {
    const verb = /\bI ([a-z]+s)\b/.exec(s)?.[1];
    if (verb && !NOT_THIRD_PERSON.has(verb) && !/ss$/.test(verb)) out.push(`"I ${verb}": ${s}`);
    if (/\bI (is|has|does|doesn't|isn't|hasn't)\b/.test(s)) out.push(`agreement: ${s}`);
    // "I gone", "I also written": a participle with no "have" or "be" before it.
    for (const m of s.matchAll(/\bI (?:(?:also|never|always|often|just|already|once|only|first|still) )?([a-z]+)\b/g))
      if (ONLY_PARTICIPLES.has(m[1]!)) out.push(`"I ${m[1]}": ${s}`);
    // "his"/"her" in a sentence about "I" with no other person named: the speaker's own pronoun left over.
    const others =
      /\b(wife|husband|son|daughter|mother|father|sister|brother|partner|boss|friend|foreman|officer|customer|client|neighbou?r|colleague|advis[eo]r|mom|mum|dad|[A-Z][a-z]+ (?:says|said))\b/i;
    if (/^(I|My)\b/.test(s) && own.test(s) && !others.test(s)) out.push(`pronoun: ${s}`);
    // A sentence that starts with the name is a self-introduction ("Rania Haddad.").
    if (new RegExp(`\\b${first}\\b`).test(s) && !s.startsWith(first) && !/I'm |I am |call me|name/i.test(s)) out.push(`own name: ${s}`);
    if (/^(You|Your)\b/.test(s) || /\byour (wife|husband|son|daughter|father|grandfather|foreman|farm|yard)\b/i.test(s))
      out.push(`second person: ${s}`);
  }
  return out;
}

/** The words before a colon that open a sentence ("Most days:"): frames, counted across an interview. */
export function framesOf(reply: string): string[] {
  return sentencesOf(reply)
    .map((s) => /^([^:.!?]{3,40}):\s/.exec(s)?.[1])
    .filter((f): f is string => f !== undefined);
}

export { STOCK_LINES };
const STOCK_LINES = ENGINE_LINES;
