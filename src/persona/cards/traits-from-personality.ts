// A card's `personality` is a few adjectives ("cheerful, sarcastic, loyal"). The chat profile is
// driven by Big Five traits, so common adjectives nudge the matching trait up or down from the
// midpoint. Only words that are found count; a personality with none of them sets no traits.

type Trait = 'openness' | 'conscientiousness' | 'extraversion' | 'agreeableness' | 'neuroticism';

const WORDS: Array<[Trait, number, RegExp]> = [
  [
    'extraversion',
    +1,
    /\b(outgoing|cheerful|talkative|energetic|bubbly|lively|extroverted|extraverted|sociable|loud|playful|enthusiastic|flirty|charismatic)\b/gi,
  ],
  ['extraversion', -1, /\b(shy|quiet|reserved|introverted|withdrawn|aloof|timid|taciturn|stoic|solitary)\b/gi],
  [
    'agreeableness',
    +1,
    /\b(kind|gentle|caring|warm|compassionate|friendly|sweet|loyal|helpful|patient|empathetic|nurturing|polite|generous)\b/gi,
  ],
  [
    'agreeableness',
    -1,
    /\b(rude|cold|arrogant|sarcastic|blunt|grumpy|cruel|hostile|cynical|stubborn|smug|condescending|mean|tsundere)\b/gi,
  ],
  ['openness', +1, /\b(curious|creative|imaginative|adventurous|artistic|witty|inquisitive|open-minded|eccentric|philosophical)\b/gi],
  ['openness', -1, /\b(traditional|conservative|closed-minded|conventional|rigid|practical)\b/gi],
  [
    'conscientiousness',
    +1,
    /\b(organi[sz]ed|disciplined|meticulous|responsible|diligent|hardworking|hard-working|dutiful|careful|punctual|methodical|serious)\b/gi,
  ],
  ['conscientiousness', -1, /\b(lazy|careless|chaotic|impulsive|reckless|messy|clumsy|carefree|spontaneous)\b/gi],
  ['neuroticism', +1, /\b(anxious|nervous|moody|insecure|emotional|jealous|sensitive|worried|temperamental|paranoid|fragile)\b/gi],
  ['neuroticism', -1, /\b(calm|confident|composed|relaxed|level-headed|unflappable|serene|self-assured)\b/gi],
];

const STEP = 0.15;

export function traitsFromPersonality(personality: string): Partial<Record<Trait, number>> | undefined {
  const score = new Map<Trait, number>();
  for (const [trait, sign, re] of WORDS) {
    const hits = personality.match(re)?.length ?? 0;
    if (hits > 0) score.set(trait, (score.get(trait) ?? 0) + sign * Math.min(hits, 3));
  }
  if (score.size === 0) return undefined;
  const traits: Partial<Record<Trait, number>> = {};
  for (const [trait, s] of score) traits[trait] = Math.round(Math.min(0.95, Math.max(0.05, 0.5 + STEP * s)) * 100) / 100;
  return traits;
}
