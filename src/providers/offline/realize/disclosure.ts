import type { Random } from '../random.js';

// "Are you an AI?", "Are you simulated, or a real person?", "Are you ChatGPT?", "Who created you?":
// one truth (a simulated persona, played by the offline engine from a file, no AI model, not a real
// person), said as the answer to the question asked. A "no" that answered "are you real?" read as a
// denial when the question was "are you simulated?".

const ASKS_SIMULATED = /\b(?:simulat\w*|fake|made[- ]up|fictional|pretend\w*|a character|role[- ]?play\w*)\b/i;
const ASKS_MAKER = /\bwho (?:created|built|programmed|designed|wrote|made|runs) (?:you|this)\b/i;
const ASKS_MODEL =
  /\b(?:an? ai|ai|a\.i\.|artificial intelligence|bot|chat ?bot|robot|language model|llm|chat ?gpt|gpt|program|machine|computer|automated|algorithm)\b/i;

/** `who`: "Diane Kowalczyk, chief financial officer"; `first`: "Diane". */
export function disclosure(question: string, who: string, first: string, random: Random): string {
  if (ASKS_SIMULATED.test(question)) {
    return `Yes, simulated. I'm a persona of ${who}, composed by persona-chat's offline engine from a persona file: not a real person, and no AI model behind it. Within that, I answer the way ${first} would.`;
  }
  if (ASKS_MAKER.test(question)) {
    return `persona-chat's offline engine, from a persona file. I'm a simulated persona of ${who}: not a real person, and no AI model behind it. Ask me what you'd ask ${first}.`;
  }
  if (ASKS_MODEL.test(question)) {
    return `Not an AI model, and not a real person either: I'm a simulated persona of ${who}, composed by persona-chat's offline engine from a persona file. Ask me what you'd ask ${first} and I'll answer as ${first} would.`;
  }
  return random.pick([
    `Fair question, and no, I'm not a real person. I'm a simulated persona of ${who}, played by persona-chat's offline engine from a persona file, with no AI model behind it. Ask me what you'd ask ${first} and I'll answer as ${first} would.`,
    `No, I'm not a real person. I'm a simulation: a persona of ${who}, composed by persona-chat's offline engine from a persona file, not a live AI model. Within that, I'll answer the way ${first} would.`,
  ])!;
}
