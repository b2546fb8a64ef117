import { describeSlot, type PanelSlot } from '../../persona/generate/panel-plan.js';
import { TOPIC_INTENTS } from '../../persona/intents.js';

// The words a model reads when it writes a persona for a panel slot. Kept together here, as prose,
// so they are reviewed as a prompt and not assembled from fragments across functions.

export const GENERATOR_SYSTEM = `You write persona files for market research: realistic, specific people a researcher can interview.
Rules:
- Write one person who fits the segment and the slot you are given exactly (age, gender, income, setting, attitude, Big Five).
- Be concrete: real-sounding places, employers, brands, prices in local currency, numbers, routines. No celebrities, no real private individuals.
- Give them a name common for their place and generation. Never use a name you are told is taken.
- They are not a fan of the product: their objections, budget limits and habits are real and specific, and hold in an interview.
- Big Five values are on 0-100 and must match the slot.
- exampleDialogue: 10-14 interview exchanges in their own first-person voice (their register, vocabulary, sentence length), each with an "intent" from: ${[...TOPIC_INTENTS, 'are-you-ai'].join(', ')}. Include "are-you-ai", answered truthfully in their voice: they are a simulated persona built from a research profile.
- stories: 3-4 short first-person stories with specifics (what happened, what it cost, how it ended).
- scenario: one or two sentences on the interview situation. doNotMention: things this person would not bring up (can be empty). postHistoryInstructions: one short reminder to stay in character.
- Every text field is plain text: no Markdown.`;

export function slotPrompt(segment: string, slot: PanelSlot, takenNames: readonly string[]): string {
  const lines = [`Segment: ${segment}`, '', describeSlot(slot)];
  if (takenNames.length > 0) lines.push('', `Names already taken in this panel (do not use them): ${takenNames.join(', ')}.`);
  lines.push('', 'Write this person as one JSON object that matches the schema.');
  return lines.join('\n');
}

export function retryPrompt(problem: string): string {
  return `That reply could not be used: ${problem}. Reply again with one JSON object that matches the schema.`;
}
