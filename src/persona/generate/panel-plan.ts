import { seededRandom, shuffled } from '../../core/seeded-random.js';

// A panel is diverse on purpose: before any model is asked, every person gets a slot that fixes
// where they sit in the spread (age band, income, place, attitude to the product, Big Five). The
// model then writes a person for that slot. Planning locally keeps the plan free, shows it in
// --dry-run, and makes it reproducible with --seed.

export const AGE_BANDS = [
  { label: '18-24', min: 18, max: 24 },
  { label: '25-34', min: 25, max: 34 },
  { label: '35-44', min: 35, max: 44 },
  { label: '45-54', min: 45, max: 54 },
  { label: '55-64', min: 55, max: 64 },
  { label: '65+', min: 65, max: 80 },
] as const;

export const INCOME_BANDS = ['low', 'lower-middle', 'middle', 'upper-middle', 'high'] as const;
export const SETTINGS = ['a big city', 'a suburb', 'a small town', 'the countryside'] as const;
export const ATTITUDES = [
  'an enthusiast who tries new things early',
  'a pragmatist who buys once it is proven',
  'a skeptic who needs hard evidence',
  'price-first: cost decides almost everything',
  'loyal to what they use today and slow to switch',
  'time-poor: convenience beats features',
  'risk-averse: worries about privacy, lock-in and support',
] as const;
export const GENDERS = ['woman', 'man', 'woman', 'man', 'non-binary'] as const;
const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;
export type BigFive = Record<(typeof TRAITS)[number], number>;

export interface PanelSlot {
  /** 1-based position in the panel. */
  index: number;
  ageBand: string;
  age: number;
  gender: string;
  income: (typeof INCOME_BANDS)[number];
  setting: (typeof SETTINGS)[number];
  attitude: string;
  bigFive: BigFive;
}

/**
 * `count` slots spread evenly: each dimension cycles through all its values in a seeded order, so
 * any 6 consecutive people cover every age band. Big Five values are stratified (Latin hypercube):
 * each trait's values are spread over the whole 0-100 range across the panel, then shuffled.
 */
export function planPanel(count: number, seed: number, options: { ageBands?: readonly string[] } = {}): PanelSlot[] {
  const random = seededRandom(seed);
  const bands = AGE_BANDS.filter((b) => !options.ageBands || options.ageBands.includes(b.label));
  const cycle = <T>(values: readonly T[]): T[] => {
    const out: T[] = [];
    while (out.length < count) out.push(...shuffled(values, random));
    return out.slice(0, count);
  };
  const ages = cycle(bands);
  const incomes = cycle(INCOME_BANDS);
  const settings = cycle(SETTINGS);
  const attitudes = cycle(ATTITUDES);
  const genders = cycle(GENDERS);
  const traits = Object.fromEntries(
    TRAITS.map((t) => [
      t,
      shuffled(
        Array.from({ length: count }, (_, i) => Math.floor(((i + random()) / count) * 100)),
        random,
      ),
    ]),
  ) as Record<(typeof TRAITS)[number], number[]>;
  return Array.from({ length: count }, (_, i) => {
    const band = ages[i]!;
    return {
      index: i + 1,
      ageBand: band.label,
      age: band.min + Math.floor(random() * (band.max - band.min + 1)),
      gender: genders[i]!,
      income: incomes[i]!,
      setting: settings[i]!,
      attitude: attitudes[i]!,
      bigFive: Object.fromEntries(TRAITS.map((t) => [t, Math.min(100, traits[t][i]!)])) as BigFive,
    };
  });
}

/** The slot as the model reads it. */
export function describeSlot(slot: PanelSlot): string {
  const traits = Object.entries(slot.bigFive)
    .map(([t, v]) => `${t} ${v}`)
    .join(', ');
  return [
    `Person ${slot.index}: a ${slot.age}-year-old ${slot.gender} (age band ${slot.ageBand}) living in ${slot.setting},`,
    `with a ${slot.income} income for where they live; towards products like this they are ${slot.attitude}.`,
    `Big Five on 0-100: ${traits}.`,
  ].join(' ');
}
