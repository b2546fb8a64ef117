import type { ChatProfile, Persona } from './schema.js';
import { cardPostHistory, cardSystemPrompt, cardExampleDialogue, fillCardPlaceholders } from './cards/card-prompt.js';
import { background, basics, cares, frictions, identityLine, otherFacts, personality } from './prompt-facts.js';
import { speakingStyle } from './prompt-style.js';
import {
  doNotMentionSection,
  exampleDialogueSection,
  postHistoryReminder,
  rulesSection,
  scenarioSection,
  storiesSection,
} from './prompt-play.js';
import { estimateTokens } from './tokens.js';

// persona + chat profile -> the system prompt, and the short reminder that goes after the
// conversation history. Pure and deterministic: same input, same text, so the snapshot hash in
// the store is stable and prompt caching hits. The prompt speaks to the model as "you" throughout.

export { estimateTokens };

export interface SystemPrompt {
  text: string;
  /** Rough token count of `text`. */
  tokens: number;
  /** Placed after the history on every request (post-history instructions). */
  postHistory: string;
}

function section(title: string, body: string | undefined): string {
  return body && body.trim() ? `## ${title}\n${body.trim()}` : '';
}

/** A rich persona's prompt stays near this (estimated; a margin under 2,000 real tokens): facts first, samples in the room left. */
export const PROMPT_TOKEN_TARGET = 1750;
/** Example dialogue always gets at least this much (one exchange shows a register). */
const MIN_EXAMPLES = 90;

export function buildSystemPrompt(persona: Persona, profile: ChatProfile): SystemPrompt {
  const quote = persona.data.customInputs?.quote;
  const intro = [identityLine(persona), quote ? `In your own words: "${quote}"` : ''].filter(Boolean).join(' ');
  // The rules are the "main prompt": a character card's own system prompt takes their place
  // (SillyTavern's semantics; `{{original}}` in it brings ours back), while the character's
  // description, personality and scenario are still sent.
  const rules = section('Rules', rulesSection(persona, profile));
  const cardMain = cardSystemPrompt(persona, rules);
  const head = [
    cardMain,
    intro,
    section('The conversation', scenarioSection(persona)),
    section('Who you are', basics(persona)),
    section('Your background', background(persona)),
    section('Personality and values', personality(persona)),
    section('What you care about', cares(persona)),
    section('Pain points and objections', frictions(persona)),
    section('Other things about you', otherFacts(persona)),
    section('How you speak', speakingStyle(profile, persona)),
  ];
  const tail = [section('Never bring up', doNotMentionSection(persona)), cardMain === undefined ? rules : ''];
  // Every fact is kept; example dialogue and stories are samples and fill the room that is left.
  let room = PROMPT_TOKEN_TARGET - estimateTokens(join([...head, ...tail]));
  const examples = section(
    'Example dialogue',
    cardExampleDialogue(persona) || exampleDialogueSection(persona, profile, Math.max(MIN_EXAMPLES, room - 20)),
  );
  room -= estimateTokens(examples) + 10;
  const stories = section('Stories you tell', storiesSection(persona, room - 20));
  const finished = fillCardPlaceholders(persona, join([...head, examples, stories, ...tail]));
  const postHistory = fillCardPlaceholders(persona, cardPostHistory(persona, postHistoryReminder(persona, profile)));
  return { text: finished, tokens: estimateTokens(finished), postHistory };
}

const join = (parts: Array<string | undefined>) => parts.filter(Boolean).join('\n\n');
