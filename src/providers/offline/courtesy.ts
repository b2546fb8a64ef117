// Politeness and filler carry no meaning for what is asked: "please tell me about your pain points",
// "could you tell me a bit about your pain points, thanks?" and "tell me about your pain points" are
// one question. Left in, "please" becomes a subject word no fact holds (so the question looks like
// it is about something the persona never mentions) and "my pain points please" gets quoted back.
// Thanks and greetings are still read from the original text: "Thanks!" alone is a thank-you.

/** "Could you tell me", "can you describe": a request for an answer, not a yes/no question about ability. */
const REQUEST_VERB = '(?:tell|share|describe|explain|say|give|talk|walk|help|elaborate|expand|let|outline|summari[sz]e|list|show|clarify)';

const POLITE_OPENINGS: readonly RegExp[] = [
  new RegExp(
    `^(?:i was wondering|i wonder)(?: if| whether)? (?:you )?(?:could|can|would|might)(?: (?:please|kindly))? (?=${REQUEST_VERB}\\b)`,
  ),
  new RegExp(
    `^(?:could|can|would|will|might) you(?: (?:please|kindly|perhaps|maybe|possibly|just))*(?: be able to)? (?=${REQUEST_VERB}\\b)`,
  ),
  new RegExp(`^i'?d (?:like|love|want) (?:you )?to (?=${REQUEST_VERB}\\b)`),
];

/** Said anywhere in a question, these never change what it asks. */
const FILLERS =
  /\b(?:please|pls|plz|kindly|(?:if you (?:can|could|would|like|want|don'?t mind|do not mind)|if (?:possible|that'?s (?:ok|okay|alright|fine))|when you (?:get|have) a (?:chance|moment|minute|sec(?:ond)?))(?=\s*(?:[,.?!]|$))|real quick|very briefly|briefly|quickly|just|maybe|perhaps|a (?:little )?bit|a little|thanks(?: (?:so|very) much| a lot| in advance)?|thank you(?: (?:so|very) much| in advance)?|thx|ty|much appreciated|cheers)\b/g;

/** "Would you mind telling me" reads as "tell me" once the politeness is gone. */
const GERUND_BASE: Record<string, string> = {
  telling: 'tell',
  sharing: 'share',
  describing: 'describe',
  explaining: 'explain',
  saying: 'say',
  giving: 'give',
  talking: 'talk',
  walking: 'walk',
  helping: 'help',
  elaborating: 'elaborate',
  expanding: 'expand',
  letting: 'let',
  outlining: 'outline',
  listing: 'list',
  showing: 'show',
  clarifying: 'clarify',
};
const MIND_GERUND = /^(?:would|do) you mind (\w+ing)\b/;

/** Commas, spaces and marks left dangling where a courtesy word was cut out. */
function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,;:.?!])/g, '$1')
    .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
    .replace(/[,;:]\s*(?=[.?!]|$)/g, '')
    .replace(/^[\s,;:.!-]+/, '')
    .trim();
}

/**
 * The question without courtesy words and fillers, lower-cased like the rest of intent matching
 * expects; the original when nothing else is left ("Thanks!" stays a thank-you).
 */
export function withoutCourtesy(userText: string): string {
  const original = userText.replace(/[’]/g, "'").trim();
  let text = original.toLowerCase();
  text = text.replace(FILLERS, ' ');
  text = tidy(text);
  for (const opening of POLITE_OPENINGS) text = text.replace(opening, '');
  text = text.replace(MIND_GERUND, (whole, gerund: string) => GERUND_BASE[gerund] ?? whole);
  text = tidy(text);
  return /[\p{L}\p{N}]/u.test(text) ? restoreCase(original, text) : original;
}

/**
 * Puts the user's own capitals back ("AI", "Instagram"): each kept word is found, in order, in the
 * original text. Matching is by word, so the cut words simply leave gaps.
 */
function restoreCase(original: string, lowered: string): string {
  let from = 0;
  const lowerOriginal = original.toLowerCase();
  return lowered.replace(/[\p{L}\p{N}'$€£%&+.-]+/gu, (word) => {
    const at = lowerOriginal.indexOf(word, from);
    if (at < 0) return word;
    from = at + word.length;
    return original.slice(at, at + word.length);
  });
}
