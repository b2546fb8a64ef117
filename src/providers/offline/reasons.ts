import type { AnswerContext } from './answers.js';
import type { Fact, FactKind } from './facts.js';
import type { KindWeights } from './fact-picker.js';
import * as R from './reaction-lines.js';

// Answers that build on what was said before: "Why not?" gives the reason behind the last reply
// rather than a fresh handful of facts, and "What would change your mind?" names the proof this
// person wants (references, trials, pilots, from how they buy) and the objection still open.

/** What makes a buying fact about proof: seeing it work, hearing from someone who uses it. */
const PROOF =
  /\b(referen|trial|pilot|demo|case stud|proof|peer|reviews\b|recommend|test|tries|try|free|refund|guarantee|visit|word of mouth|friends?|other (creators|owners|parents|teachers|nurses|farmers|users|people))/i;

const REASON_KINDS: readonly FactKind[] = ['objection', 'painPoint', 'challenge', 'motivation', 'value', 'goal', 'attitude', 'buying'];

function becauseOf(ctx: AnswerContext, fact: Fact): string {
  const { form, text } = fact.spoken;
  // "Who supports this if your startup is acquired?" cannot follow "because".
  if (/\?\s*$|^(who|what|why|how|when|where|which|will|can|does|is)\b/i.test(fact.raw)) return ctx.say.line(R.BECAUSE_ANY, { x: text });
  if (form === 'clause') return ctx.say.line(R.BECAUSE_CLAUSE, { x: text });
  if (form === 'action') return ctx.say.line(R.BECAUSE_ACTION, { x: text });
  if (form === 'phrase') return ctx.say.line(R.BECAUSE_PHRASE, { x: text });
  return ctx.say.line(R.BECAUSE_ANY, { x: text });
}

/** "Why not?" asks for what stands in the way, so only the negative kinds answer it. */
const AGAINST_KINDS: readonly FactKind[] = ['objection', 'challenge'];

/**
 * "Why?" / "Why not?": the reason the last reply gave, said as the reason, then one more in the
 * same vein. When the last reply named none, the strongest reason of the subject's kinds.
 * Undefined when the persona has no reason to give.
 */
export function because(ctx: AnswerContext, moreOf: KindWeights | undefined): string[] | undefined {
  const against = /^(why|how come)\s+(not|no)\b/i.test(ctx.userText.trim());
  const fallback: KindWeights = against ? { objection: 3, challenge: 1.5 } : (moreOf ?? { motivation: 2, value: 1.5, painPoint: 1 });
  // An objection, said or not, beats a challenge as the reason for a no.
  const reason = against
    ? (ctx.picker.fromLastReply(['objection'], 1)[0] ??
      ctx.picker.pick({ objection: 1 }, 1)[0] ??
      ctx.picker.fromLastReply(AGAINST_KINDS, 1)[0] ??
      ctx.picker.pick(fallback, 1)[0])
    : (ctx.picker.fromLastReply(REASON_KINDS, 1)[0] ?? ctx.picker.pick(fallback, 1)[0]);
  if (!reason) return undefined;
  const body = [becauseOf(ctx, reason)];
  if (ctx.budget >= 2) {
    const sameVein = moreOf ?? { [reason.kind]: 2 };
    const [next] = ctx.picker.pick(sameVein, 1);
    if (next)
      body.push(ctx.say.line(R.AND_ALSO, { x: next.spoken.form === 'action' ? `I want to ${next.spoken.text}` : next.spoken.text }));
  }
  return body;
}

function ifItHelped(ctx: AnswerContext, fact: Fact): string {
  if (fact.spoken.form === 'phrase') return ctx.say.line(R.IF_IT_HELPED_PHRASE, { x: fact.spoken.text });
  if (fact.spoken.form === 'action') return ctx.say.line(R.IF_IT_HELPED_ACTION, { x: fact.spoken.text });
  return ctx.say.line(R.IF_IT_HELPED_ANY, { x: fact.spoken.text });
}

/** "What would change your mind?": the proof they want, what it would have to do for them, the open objection. */
export function persuade(ctx: AnswerContext): string[] {
  const { picker, say } = ctx;
  const [proof] = picker.pick({ buying: 3, attitude: 1.5, communication: 1, channel: 0.5 }, 1, { accept: (f) => PROOF.test(f.raw) });
  const body = [proof ? say.line(R.PROOF_LEADS, { x: proof.spoken.text }) : say.line(R.PROOF_GENERIC)];
  const [need] = picker.pick({ motivation: 2.5, goal: 2, painPoint: 1.5 }, 1);
  if (need) body.push(ifItHelped(ctx, need));
  const [open] = picker.fromLastReply(['objection'], 1);
  const objection = open ?? picker.pick({ objection: 2 }, 1)[0];
  if (objection) body.push(say.line(R.ANSWER_OBJECTION, { x: objection.spoken.text }));
  return body;
}
