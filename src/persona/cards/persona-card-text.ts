import { describeLevel } from '../profile.js';
import { ageOf, asList, bigFive } from '../facts.js';
import { extraFacts } from '../extras.js';
import type { PersonaData } from '../schema.js';

// The text fields of a card written from one of our own personas, the way card tools expect them:
// `description` holds who the character is (third person, plain paragraphs and lists),
// `personality` a short summary of temperament and values, `scenario` the situation, `first_mes`
// the opening line and `mes_example` a sample exchange. The complete persona travels alongside in
// the card's extensions, so these texts are for other tools; nothing is lost if they simplify.

const bullets = (title: string, items: string[]) => (items.length ? `${title}:\n${items.map((i) => `- ${i}`).join('\n')}` : '');

function identity(data: PersonaData): string {
  const b = data.baseSelection ?? {};
  const age = ageOf(data);
  const parts: string[] = [];
  if (age !== undefined) parts.push(typeof b.age === 'string' && /\D/.test(b.age) ? `aged ${b.age}` : `${age} years old`);
  if (b.gender) parts.push(b.gender.toLowerCase());
  const who = parts.length ? ` (${parts.join(', ')})` : '';
  const job = b.occupation ? ` works as ${/^[aeiou]/i.test(b.occupation) ? 'an' : 'a'} ${b.occupation}` : '';
  const industry = b.occupation && b.industry ? ` in ${b.industry}` : '';
  const place = b.location ? `${job ? ' and' : ''} lives in ${b.location}` : '';
  return job || place ? `{{char}}${who}${job}${industry}${place}.` : `{{char}} is ${data.name}${who}.`;
}

export function describePersona(data: PersonaData): string {
  const b = data.baseSelection ?? {};
  const c = data.customInputs ?? {};
  const g = data.generatedInsights ?? {};
  const facts = [
    b.income !== undefined && b.income !== '' ? `Income: ${String(b.income)}` : '',
    b.education ? `Education: ${b.education}` : '',
    b.familyStatus ? `Family: ${b.familyStatus}` : '',
  ].filter(Boolean);
  const extras = extraFacts(data).map(({ label, lines }) => `${label}: ${lines.join(' ')}`);
  return [
    identity(data),
    facts.join('\n'),
    c.background ?? '',
    c.notes ?? '',
    bullets('Goals', asList(c.goals)),
    bullets('Challenges', asList(c.challenges)),
    bullets('Motivations', asList(g.motivations)),
    bullets('Pain points', asList(g.painPoints)),
    bullets('Objections', asList(g.objections)),
    bullets('How {{char}} decides and buys', asList(g.buyingBehavior)),
    bullets('Where {{char}} finds information', asList(g.preferredChannels)),
    bullets('Other details', extras),
  ]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n\n');
}

const LEVELS: [string, string, string, string, string] = ['very low', 'low', 'moderate', 'high', 'very high'];

export function personalitySummary(data: PersonaData): string {
  const p = data.psychographics ?? {};
  const lines: string[] = [];
  if (p.personalityTraits) {
    const t = bigFive(data);
    lines.push(
      `Openness ${describeLevel(t.openness, LEVELS)}, conscientiousness ${describeLevel(t.conscientiousness, LEVELS)}, extraversion ${describeLevel(t.extraversion, LEVELS)}, agreeableness ${describeLevel(t.agreeableness, LEVELS)}, neuroticism ${describeLevel(t.neuroticism, LEVELS)}.`,
    );
  }
  const list = (label: string, items: string[]) => items.length && lines.push(`${label}: ${items.join('; ')}.`);
  list('Values', asList(p.values));
  list('Interests', asList(p.interests));
  list('Lifestyle', asList(p.lifestyle));
  list('Attitudes', asList(p.attitudes));
  list('Communication', asList(p.communicationPreferences));
  return lines.join('\n');
}

export const INTERVIEW_SCENARIO =
  '{{user}} is interviewing {{char}} to understand people like them. {{char}} answers from their own life and perspective, honestly, including doubts, objections and dislikes.';

export function openingLine(data: PersonaData): string {
  const greeting = data.chatProfile?.greeting;
  if (greeting) return greeting;
  const first = data.name.match(/^[A-Z][a-z'’-]+(?=\s)/)?.[0] ?? data.name;
  return `Hi, I'm ${first}. What would you like to know?`;
}

export function exampleDialogue(data: PersonaData): string {
  const quote = data.customInputs?.quote?.trim();
  const phrases = data.chatProfile?.signaturePhrases ?? [];
  const blocks: string[] = [];
  if (quote) blocks.push(`<START>\n{{user}}: What do you really think?\n{{char}}: ${quote}`);
  if (phrases.length) blocks.push(`<START>\n{{user}}: So, what do you make of our offer?\n{{char}}: ${phrases[0]}`);
  return blocks.join('\n');
}
