import type { Fact, FactKind } from './facts.js';
import type { FactMemory } from './history.js';
import type { Random } from './random.js';
import type { RankedFact } from './retrieval.js';
import { overlap } from './text.js';

/** Five words in a row are a clause, not a coincidence. */
const SHARED_RUN = 5;

function wordRuns(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9$%'-]+/g) ?? [];
  const runs = new Set<string>();
  for (let i = 0; i + SHARED_RUN <= words.length; i++) runs.add(words.slice(i, i + SHARED_RUN).join(' '));
  return runs;
}

/**
 * Two facts that say the same thing: most of their words shared, or one clause repeated word for
 * word ("Month-end close takes nine business days" opens both a background sentence and a pain point).
 */
function restates(a: Fact, b: Fact): boolean {
  const smaller = Math.min(a.stems.size, b.stems.size);
  if (smaller > 0 && overlap(a.stems, b.stems) / smaller >= 0.6) return true;
  const runs = wordRuns(a.raw);
  return [...wordRuns(b.raw)].some((run) => runs.has(run));
}

// Chooses which persona facts answer the question. A fact earns points for being the right kind
// for the intent (a price question wants objections), for sharing words with the question, and
// for matching the intent's cue words; it loses points for having been said already, most of all
// in the previous reply. A little seeded noise, scaled by the profile's temperature, keeps
// equally good facts rotating.

export type KindWeights = Partial<Record<FactKind, number>>;

export class FactPicker {
  private readonly taken = new Set<string>();
  private readonly chosenNow: Fact[] = [];

  constructor(
    private readonly facts: readonly Fact[],
    private readonly userStems: Set<string>,
    private readonly memory: FactMemory,
    private readonly rng: Random,
    private readonly temperature: number,
  ) {}

  /** Words the user's message shares with a fact. */
  relevance(fact: Fact): number {
    return overlap(this.userStems, fact.stems);
  }

  /** Facts sharing at least one word with the question, best first, not yet used in this reply. */
  relevant(limit: number, kinds?: readonly FactKind[]): Fact[] {
    return this.pick(Object.fromEntries((kinds ?? ALL_KINDS).map((k) => [k, 0])) as KindWeights, limit, { minRelevance: 1 });
  }

  /** Whether the persona has any fact that passes `test`, used or not. */
  any(test: (fact: Fact) => boolean): boolean {
    return this.facts.some(test);
  }

  /** Facts of these kinds that the previous reply said, in the order of `kinds`; they count as used now. */
  fromLastReply(kinds: readonly FactKind[], count: number): Fact[] {
    const said = this.facts.filter((f) => !this.taken.has(f.id) && kinds.includes(f.kind) && this.memory.usedLastTime(f.stems));
    return this.take(said.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind)).slice(0, count));
  }

  /** Whether an earlier reply already said this fact. */
  said(fact: Fact): boolean {
    return this.memory.timesUsed(fact.stems) > 0;
  }

  /** How many facts this reply has used so far. */
  get takenCount(): number {
    return this.taken.size;
  }

  /** Whether this reply already holds this fact or one saying the same thing. */
  private repeats(fact: Fact): boolean {
    return this.taken.has(fact.id) || this.chosenNow.some((f) => restates(f, fact));
  }

  private take(chosen: readonly Fact[]): Fact[] {
    for (const fact of chosen) {
      this.taken.add(fact.id);
      this.chosenNow.push(fact);
    }
    return [...chosen];
  }

  /**
   * The best of facts already ranked for the question: those close to the top score, the ones said
   * before pushed down so a repeated question moves on, and no two that say the same thing.
   */
  best(ranked: readonly RankedFact[], count: number): Fact[] {
    const top = ranked[0]?.score ?? 0;
    const adjusted = ranked
      .filter((r) => r.score >= top * 0.5)
      .map((r) => {
        const worn = this.memory.timesUsed(r.fact.stems) * 0.3 + (this.memory.usedLastTime(r.fact.stems) ? 0.6 : 0);
        return { fact: r.fact, score: r.score - top * worn + this.rng.float() * top * 0.05 * this.temperature };
      })
      .sort((a, b) => b.score - a.score);
    const chosen: Fact[] = [];
    for (const { fact } of adjusted) {
      if (chosen.length >= count) break;
      if (this.repeats(fact) || chosen.some((f) => restates(f, fact))) continue;
      chosen.push(fact);
    }
    return this.take(chosen);
  }

  pick(
    weights: KindWeights,
    count: number,
    options: { cue?: RegExp; minRelevance?: number; accept?: (fact: Fact) => boolean } = {},
  ): Fact[] {
    const jitter = 0.4 + this.temperature * 0.6;
    const scored: Array<{ fact: Fact; score: number }> = [];
    for (const fact of this.facts) {
      const weight = weights[fact.kind];
      if (weight === undefined || this.repeats(fact) || (options.accept && !options.accept(fact))) continue;
      const relevance = this.relevance(fact);
      if (relevance < (options.minRelevance ?? 0)) continue;
      let score = weight + relevance * 2.5 + (options.cue?.test(fact.raw) ? 1.5 : 0);
      score -= this.memory.timesUsed(fact.stems) * 1.2;
      if (this.memory.usedLastTime(fact.stems)) score -= 4;
      scored.push({ fact, score: score + this.rng.float() * jitter });
    }
    scored.sort((a, b) => b.score - a.score);
    const chosen: Fact[] = [];
    for (const { fact } of scored) {
      if (chosen.length >= count) break;
      if (!chosen.some((f) => restates(f, fact))) chosen.push(fact);
    }
    return this.take(chosen);
  }
}

const ALL_KINDS: readonly FactKind[] = [
  'value',
  'interest',
  'painPoint',
  'objection',
  'motivation',
  'goal',
  'challenge',
  'background',
  'lifestyle',
  'attitude',
  'buying',
  'channel',
  'communication',
  'extra',
];
