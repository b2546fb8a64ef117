// An authored answer was written for one question ("Does anyone else weigh in?" -> "Not really,
// it's my money and my call.") and is used for others on its topic ("How do you decide which brands
// to work with?"). Its opening yes or no answers the question it was written for; to a question
// that asks what, why or how, it reads as a non sequitur. Then the reply starts after it.

/** What, which, why, where, when, who, and "how do/did/would…" (not "how much", "how often": "not really" can answer those). */
const OPEN_QUESTION =
  /^\W*(?:what|which|why|where|when|who|whom|whose|how (?:do|does|did|would|could|can|should|will|is|are|was|were|have|has|had))\b/i;

/** A yes or no standing alone before the rest of the answer ("Not really, …", "Yes. …"). */
const YES_OR_NO = /^(?:not really|yes|yeah|yep|yup|no|nope|nah|sure|of course|absolutely|definitely)\s*[,.!;:\u2014\u2013-]+\s*/i;

/** The answer with its opening yes or no dropped when the question asks something else; as it is otherwise. */
export function fitAnswerOpening(answer: string, question: string | undefined): string {
  return question !== undefined && OPEN_QUESTION.test(question) ? withoutYesOrNo(answer) : answer;
}

/** The answer after its opening yes or no (bench/offline/harness.ts finds authored lines said either way). */
export function withoutYesOrNo(answer: string): string {
  const opening = YES_OR_NO.exec(answer);
  if (!opening) return answer;
  const rest = answer.slice(opening[0].length);
  // "Yes." alone, or little more: the opening is the answer.
  if (rest.length < 12) return answer;
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
