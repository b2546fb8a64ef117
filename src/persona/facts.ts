import { normalizeTrait, type PersonaData } from './schema.js';

// Small readers over persona data that the profile, the prompt and the summary share.

export interface BigFive {
  openness: number;
  conscientiousness: number;
  extraversion: number;
  agreeableness: number;
  neuroticism: number;
}

/** Traits on 0-1; a trait the file leaves out sits at the midpoint. */
export function bigFive(data: PersonaData): BigFive {
  const t = data.psychographics?.personalityTraits ?? {};
  return {
    openness: normalizeTrait(t.openness) ?? 0.5,
    conscientiousness: normalizeTrait(t.conscientiousness) ?? 0.5,
    extraversion: normalizeTrait(t.extraversion) ?? 0.5,
    agreeableness: normalizeTrait(t.agreeableness) ?? 0.5,
    neuroticism: normalizeTrait(t.neuroticism) ?? 0.5,
  };
}

/** Age in years: a number, "42", or the middle of a range such as "35-44". */
export function ageOf(data: PersonaData): number | undefined {
  const age = data.baseSelection?.age;
  if (typeof age === 'number') return age;
  if (typeof age !== 'string') return undefined;
  const nums = age.match(/\d+/g)?.map(Number) ?? [];
  if (nums.length === 0) return undefined;
  return nums.length === 1 ? nums[0] : Math.round((nums[0]! + nums[1]!) / 2);
}

export function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((s) => s.trim()).filter(Boolean);
}

export function emojiOf(data: PersonaData): string | undefined {
  const pic = data.profilePicture;
  if (typeof pic === 'string') return /\p{Extended_Pictographic}/u.test(pic) && pic.length <= 16 ? pic : undefined;
  return pic?.emoji;
}

export function colorOf(data: PersonaData): string | undefined {
  const pic = data.profilePicture;
  if (typeof pic !== 'object' || !pic.color) return undefined;
  return /^[0-9a-fA-F]{3,6}$/.test(pic.color) ? `#${pic.color}` : pic.color;
}

/** "CFO · Manufacturing · Leeds, UK": the role line shown in lists and headers. */
export function roleLine(data: PersonaData): string {
  const b = data.baseSelection ?? {};
  const age = b.age !== undefined ? `${String(b.age)}` : undefined;
  return [b.occupation, b.industry, b.location, age].filter(Boolean).join(' · ');
}

/** One line: who this is, for `personas list` and the picker. */
export function oneLineSummary(data: PersonaData): string {
  const role = roleLine(data);
  if (role) return role;
  const quote = data.customInputs?.quote;
  if (quote) return quote;
  const background = data.customInputs?.background ?? '';
  return background.split(/(?<=[.!?])\s/)[0]?.slice(0, 100) ?? '';
}

/** All text in the persona, lower-cased, for keyword tests. */
export function allText(value: unknown): string {
  if (typeof value === 'string') return value.toLowerCase();
  if (Array.isArray(value)) return value.map(allText).join(' ');
  if (value && typeof value === 'object') return Object.values(value).map(allText).join(' ');
  return '';
}
