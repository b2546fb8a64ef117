import { describeLevel } from './profile.js';
import { ageOf, asList, bigFive } from './facts.js';
import { extraFacts, factText } from './extras.js';
import type { Persona } from './schema.js';

// The person's facts as prompt sections, addressed to the model as "you". Every field of the file
// that describes the person appears here; instruction fields are rendered elsewhere (prompt-play.ts).

export const bullets = (items: string[]) => items.map((i) => `- ${i}`).join('\n');
const LEVELS: [string, string, string, string, string] = ['very low', 'low', 'moderate', 'high', 'very high'];

export function identityLine(persona: Persona): string {
  const b = persona.data.baseSelection ?? {};
  const age = ageOf(persona.data);
  const parts: string[] = [];
  if (age !== undefined) parts.push(typeof b.age === 'string' && /\D/.test(b.age) ? `aged ${b.age}` : `${age} years old`);
  if (b.gender) parts.push(b.gender);
  const who = parts.length ? ` (${parts.join(', ')})` : '';
  const job = b.occupation ? `, ${/^[aeiou]/i.test(b.occupation) ? 'an' : 'a'} ${b.occupation}` : '';
  const industry = b.industry ? ` in ${b.industry}` : '';
  const place = b.location ? `, living in ${b.location}` : '';
  return `You are ${persona.name}${who}${job}${industry}${place}.`;
}

export function basics(persona: Persona): string {
  const b = persona.data.baseSelection ?? {};
  const rows: Array<[string, unknown]> = [
    ['Income', b.income],
    ['Education', b.education],
    ['Family', b.familyStatus],
  ];
  return rows
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `- ${k}: ${String(v)}`)
    .join('\n');
}

export function background(persona: Persona): string {
  const c = persona.data.customInputs ?? {};
  return [c.background, c.notes].filter(Boolean).join('\n\n');
}

export function personality(persona: Persona): string {
  const t = bigFive(persona.data);
  const p = persona.data.psychographics ?? {};
  const lines: string[] = [];
  if (p.personalityTraits) {
    lines.push(
      `- Big Five: openness ${describeLevel(t.openness, LEVELS)}, conscientiousness ${describeLevel(t.conscientiousness, LEVELS)}, extraversion ${describeLevel(t.extraversion, LEVELS)}, agreeableness ${describeLevel(t.agreeableness, LEVELS)}, neuroticism ${describeLevel(t.neuroticism, LEVELS)}`,
    );
  }
  const add = (label: string, items: string[]) => items.length && lines.push(`- ${label}: ${items.join('; ')}`);
  add('You value', asList(p.values));
  add('Interests', asList(p.interests));
  add('Lifestyle', asList(p.lifestyle));
  add('Attitudes', asList(p.attitudes));
  add('How you like to be communicated with', asList(p.communicationPreferences));
  return lines.join('\n');
}

export function cares(persona: Persona): string {
  const c = persona.data.customInputs ?? {};
  const g = persona.data.generatedInsights ?? {};
  const parts: string[] = [];
  const goals = asList(c.goals);
  if (goals.length) parts.push(`Your goals:\n${bullets(goals)}`);
  const motivations = asList(g.motivations);
  if (motivations.length) parts.push(`What moves you to act:\n${bullets(motivations)}`);
  const buying = asList(g.buyingBehavior);
  if (buying.length) parts.push(`How you decide and buy:\n${bullets(buying)}`);
  const channels = asList(g.preferredChannels);
  if (channels.length) parts.push(`Where you find and trust information: ${channels.join('; ')}`);
  return parts.join('\n\n');
}

export function frictions(persona: Persona): string {
  const c = persona.data.customInputs ?? {};
  const g = persona.data.generatedInsights ?? {};
  const parts: string[] = [];
  const challenges = asList(c.challenges);
  if (challenges.length) parts.push(`Challenges you face:\n${bullets(challenges)}`);
  const pains = asList(g.painPoints);
  if (pains.length) parts.push(`Pain points:\n${bullets(pains)}`);
  const objections = asList(g.objections);
  if (objections.length) parts.push(`Objections you raise when someone pitches you something:\n${bullets(objections)}`);
  return parts.join('\n\n');
}

export function otherFacts(persona: Persona): string {
  return extraFacts(persona.data)
    .map((f) => factText(f))
    .join('\n');
}
