import type { Fact, FactKind } from './facts.js';
import { QUESTION_WORDS, relatedStems } from './related-words.js';
import { contentStems } from './text.js';

// Which persona facts answer this question, judged by what it is about rather than by which
// template its phrasing triggers. Every fact of every kind is scored against the question's
// subject words: an exact (stemmed) match counts fully, a related word (related-words.ts) partly,
// and a word most facts share counts less than a rare one. A few phrasings also say which kind of
// fact is wanted ("what would make you say no" wants objections) without naming a subject.

export interface RankedFact {
  fact: Fact;
  score: number;
}

export interface QuestionFocus {
  /** Stems that name what the question is about. */
  subject: Set<string>;
  /** Kinds of fact the phrasing asks for, with how strongly. */
  kinds: Partial<Record<FactKind, number>>;
}

/** `consumes`: the cue's words are about the kind of answer, not its subject ("frustrates"). */
const KIND_CUES: ReadonlyArray<{ pattern: RegExp; kinds: Partial<Record<FactKind, number>>; consumes: boolean }> = [
  {
    pattern:
      /\b(say no|deal[- ]?breakers?|red flags?|puts? you off|turns? you off|walk away|reject\w*|non-?starters?|stop you|holds? you back|hesitat\w*|objections?|reservations?|concerns?|worr\w*)\b/g,
    kinds: { objection: 3, attitude: 0.5 },
    consumes: true,
  },
  {
    pattern:
      /\b(frustrat\w*|annoy\w*|pain( points?)?|problems?|struggl\w*|hard(est)?|difficult\w*|headaches?|bother\w*|wrong|complain\w*)\b/g,
    kinds: { painPoint: 2, challenge: 2, objection: 1 },
    consumes: true,
  },
  {
    pattern: /\b(approv\w*|sign(s|ed)? off|sign-off|who else|veto|stakeholders?)\b/g,
    kinds: { buying: 1, background: 1 },
    consumes: false,
  },
  { pattern: /\b(goals?|achieve|ambitions?|hoping|want most)\b/g, kinds: { goal: 2, motivation: 1 }, consumes: true },
];

export function focusOf(userText: string): QuestionFocus {
  let text = userText.toLowerCase().replace(/[’]/g, "'");
  const kinds: Partial<Record<FactKind, number>> = {};
  for (const cue of KIND_CUES) {
    if (!new RegExp(cue.pattern.source).test(text)) continue;
    for (const [kind, weight] of Object.entries(cue.kinds) as Array<[FactKind, number]>) kinds[kind] = Math.max(kinds[kind] ?? 0, weight);
    if (cue.consumes) text = text.replace(cue.pattern, ' ');
  }
  const subject = new Set([...contentStems(text)].filter((s) => !QUESTION_WORDS.has(s)));
  return { subject, kinds };
}

/** Rare words tell facts apart; a word in half the file tells little. */
function rarity(facts: readonly Fact[], stemmed: string): number {
  const holding = facts.filter((f) => f.stems.has(stemmed)).length;
  return Math.log(1 + facts.length / (1 + holding));
}

/** How much of the question's subject a fact speaks to; 0 when none of it. */
function subjectScore(fact: Fact, focus: QuestionFocus, weightOf: (s: string) => number): number {
  let score = 0;
  for (const s of focus.subject) {
    if (fact.stems.has(s)) {
      score += weightOf(s);
      continue;
    }
    let related = 0;
    for (const r of relatedStems(s)) if (fact.stems.has(r)) related++;
    // Several related words ("close", "cash forecast", "Excel workbook") make a fact clearly on topic.
    if (related > 0) score += 0.4 * weightOf(s) * Math.min(related, 3);
  }
  return score;
}

/** Facts that answer the question, best first; empty when the file says nothing about it. */
export function rankFacts(facts: readonly Fact[], focus: QuestionFocus): RankedFact[] {
  const weights = new Map<string, number>();
  const weightOf = (s: string): number => {
    if (!weights.has(s)) weights.set(s, rarity(facts, s));
    return weights.get(s)!;
  };
  const wantsKinds = Object.keys(focus.kinds).length > 0;
  const ranked: RankedFact[] = [];
  for (const fact of facts) {
    const kindWeight = focus.kinds[fact.kind] ?? 0;
    let score: number;
    if (focus.subject.size > 0) {
      const about = subjectScore(fact, focus, weightOf);
      // Off the subject, the right kind of fact is still the wrong answer; on it, the kind the
      // phrasing asks for ("frustrates" wants pains) beats a passing mention ("son of a bank clerk").
      const kindFactor = kindWeight > 0 ? 1 + 0.2 * kindWeight : wantsKinds ? 0.5 : 1;
      score = about * kindFactor;
    } else score = wantsKinds ? kindWeight : 0;
    if (score > 0) ranked.push({ fact, score });
  }
  return ranked.sort((a, b) => b.score - a.score);
}
