import type { AnswerContext } from './answers.js';
import type { Intent } from './intents.js';
import type { RankedFact } from './retrieval.js';

// Answering from the facts that match the question comes before any intent template: "How do you
// track expenses?" has no template of its own, and "What frustrates you about your bank?" must be
// about the bank, not a list of every pain the persona has.

/** Intents whose own answer is better than matched facts: small talk, a pitch, a price, "about you". */
const TEMPLATE_FIRST: ReadonlySet<Intent> = new Set([
  'greeting',
  'thanks',
  'goodbye',
  'introduction',
  'routine',
  'pitch',
  'price',
  'persuade',
  'channels',
  'yesno',
]);

/** The facts that answer the question, spoken; undefined when the intent's own answer should be used. */
export function answerFromFacts(intent: Intent, ctx: AnswerContext, ranked: readonly RankedFact[]): string[] | undefined {
  if (TEMPLATE_FIRST.has(intent) || ranked.length === 0) return undefined;
  const facts = ctx.picker.best(ranked, Math.max(1, ctx.budget));
  return facts.length > 0 ? facts.map((f) => ctx.say.fact(f)) : undefined;
}
