import type { Section } from '../../persona/enrich/empty-sections.js';
import { TOPIC_INTENTS } from '../../persona/intents.js';

// What a model reads when it fills the empty sections of a persona someone wrote. The author's
// file is the truth: new material must agree with every fact in it.

export const ENRICH_SYSTEM = `You complete persona files for market research. You are given a persona file someone wrote and a list of its empty sections.
Rules:
- Fill only the sections asked for. Everything you write must agree with every fact already in the file and must not restate it.
- Be concrete and specific to this person: places, prices in their currency, routines, brands, numbers.
- The person is not a fan of any product: objections and limits are real.
- exampleDialogue answers and stories are in the person's own first-person voice (their register, vocabulary, sentence length); each exchange has an "intent" from: ${[...TOPIC_INTENTS, 'are-you-ai'].join(', ')}. An "are-you-ai" exchange is answered truthfully: a simulated persona built from a research profile.
- Plain text only: no Markdown.`;

export function enrichPrompt(fileText: string, sections: Section[]): string {
  return [
    'The persona file:',
    fileText.trim(),
    '',
    'Fill these empty sections:',
    ...sections.map((s) => `- ${s.path.join('.')}: ${s.ask}`),
  ].join('\n');
}
