import type { Fact, FactKind } from './facts.js';
import type { FactMemory } from './history.js';
import type { Random } from './random.js';
import { overlap } from './text.js';

// Chooses which persona facts answer the question. A fact earns points for being the right kind
// for the intent (a price question wants objections), for sharing words with the question, and
// for matching the intent's cue words; it loses points for having been said already, most of all
// in the previous reply. A little seeded noise, scaled by the profile's temperature, keeps
// equally good facts rotating.

export type KindWeights = Partial<Record<FactKind, number>>;

export class FactPicker {
  private readonly taken = new Set<string>();

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
    const chosen = said.sort((a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind)).slice(0, count);
    for (const fact of chosen) this.taken.add(fact.id);
    return chosen;
  }

  /** Whether an earlier reply already said this fact. */
  said(fact: Fact): boolean {
    return this.memory.timesUsed(fact.stems) > 0;
  }

  /** How many facts this reply has used so far. */
  get takenCount(): number {
    return this.taken.size;
  }

  pick(weights: KindWeights, count: number, options: { cue?: RegExp; minRelevance?: number; accept?: (fact: Fact) => boolean } = {}): Fact[] {
    const jitter = 0.4 + this.temperature * 0.6;
    const scored: Array<{ fact: Fact; score: number }> = [];
    for (const fact of this.facts) {
      const weight = weights[fact.kind];
      if (weight === undefined || this.taken.has(fact.id) || (options.accept && !options.accept(fact))) continue;
      const relevance = this.relevance(fact);
      if (relevance < (options.minRelevance ?? 0)) continue;
      let score = weight + relevance * 2.5 + (options.cue?.test(fact.raw) ? 1.5 : 0);
      score -= this.memory.timesUsed(fact.stems) * 1.2;
      if (this.memory.usedLastTime(fact.stems)) score -= 4;
      scored.push({ fact, score: score + this.rng.float() * jitter });
    }
    scored.sort((a, b) => b.score - a.score);
    const chosen = scored.slice(0, count).map((s) => s.fact);
    for (const fact of chosen) this.taken.add(fact.id);
    return chosen;
  }
}

const ALL_KINDS: readonly FactKind[] = [
  'value', 'interest', 'painPoint', 'objection', 'motivation', 'goal', 'challenge', 'background', 'lifestyle', 'attitude', 'buying', 'channel', 'communication', 'extra',
];
