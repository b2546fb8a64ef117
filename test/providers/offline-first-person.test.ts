import { describe, expect, it } from 'vitest';
import { loadNlp } from '../../src/providers/offline/nlp.js';
import { toFirstPerson, type Probe, type Speaker } from '../../src/providers/offline/realize/first-person.js';

// The first-person conversion on the shapes files without authored lines bring: a verb the tagger
// reads as a noun after "he"/"she", the person's possessive inside a list of clauses, a pain point
// whose verb has no subject, a description that names the person in full, and agent files that
// speak to the person as "you".

const man: Speaker = { firstName: 'Marek', gender: 'male', surname: 'Zielinski' };
const woman: Speaker = { firstName: 'Aroha', gender: 'female', surname: 'Ngata' };
const agent: Speaker = { firstName: 'Sven', gender: 'male', addressedAsYou: true };

async function convert(text: string, speaker: Speaker, probe: Probe = false): Promise<string> {
  return toFirstPerson(text, speaker, await loadNlp(), probe).text;
}

describe('first person: a verb after the subject pronoun', () => {
  it.each([
    ['He bakes rye and sourdough from 3 a.m.', man, /^I bake rye and sourdough/],
    ['She sells honey at two farmers markets.', woman, /^I sell honey/],
    ['He repairs tractors for the whole valley.', man, /^I repair tractors/],
    ['She teaches swimming to children on Saturdays.', woman, /^I teach swimming/],
  ])('%s', async (text, speaker, expected) => {
    const out = await convert(text, speaker, true);
    expect(out).toMatch(expected);
    expect(out).not.toMatch(/\bI [a-z]+s\b(?<!\bI (was|has|is|does))/);
  });
});

describe("first person: the person's possessive in a list of clauses", () => {
  it.each([
    ['He bakes bread at night, his wife runs the counter, and two students help on weekends.', man, 'my wife runs the counter'],
    ['She drives the school bus, her brother fixes it, and her mother cooks for both.', woman, 'my brother fixes it'],
    ['He fishes in summer, his sons mend the nets.', man, 'my sons mend the nets'],
  ])('%s', async (text, speaker, expected) => {
    const out = await convert(text, speaker, true);
    expect(out).toContain(expected);
    expect(out).not.toMatch(/\b(his|her)\b/);
  });
});

describe('first person: a pain point whose verb has no subject', () => {
  it.each([
    ['Wastes 15% of the bread on slow days', 'I waste 15% of the bread on slow days'],
    ['Spends Sunday nights on bookkeeping', 'I spend Sunday nights on bookkeeping'],
    ['Loses regular customers to delivery apps', 'I lose regular customers to delivery apps'],
    // Past tense before an approximate amount: "about" is no preposition here.
    ['Lost about ₦400,000 to one fake transfer screenshot in 2023', 'I lost about ₦400,000 to one fake transfer screenshot in 2023'],
    ['Paid over $900 for a transmission repair', 'I paid over $900 for a transmission repair'],
    // The second verb of the same subject, after "and" and an adverb.
    ['Pays off the card every month and now has $1,100 saved', 'I pay off the card every month and now have $1,100 saved'],
  ])('%s', async (text, expected) => {
    expect(await convert(text, man, 'auto')).toBe(expected);
  });

  it.each(['Based around 3 sites in Lagos', 'Priced around $40 a month for a team'])(
    'a participle before an amount describes: %s',
    async (text) => {
      expect(await convert(text, man, 'auto')).not.toMatch(/^I /);
    },
  );

  it.each(['Prices keep rising every quarter', 'Suppliers change the terms without warning', 'Deliveries arrive late in winter'])(
    'leaves a clause with its own subject alone: %s',
    async (text) => {
      expect(await convert(text, man, 'auto')).toBe(text);
    },
  );
});

describe('first person: the full name and "you"', () => {
  it('takes the surname with the first name', async () => {
    expect(await convert('Aroha Ngata is a 51-year-old beekeeper from Gisborne.', woman)).toBe(
      'I am a 51-year-old beekeeper from Gisborne.',
    );
  });

  it.each([
    ['You run a small ferry between two islands.', 'I run a small ferry between two islands.'],
    ['You are careful with money.', 'I am careful with money.'],
    ['Your father built the first boat in 1961.', 'My father built the first boat in 1961.'],
    ['The harbour master you call when the engine fails.', 'The harbour master I call when the engine fails.'],
  ])('%s', async (text, expected) => {
    expect(await convert(text, agent, true)).toBe(expected);
  });

  it('keeps "you" as it is in a file that does not speak to the person', async () => {
    expect(await convert('Thinks you should never pay up front', man, true)).toBe('I think you should never pay up front');
  });
});

describe('first person: an item that opens with a past participle', () => {
  it.each([
    ['Written proposals with numbers she can check', 'written proposals'],
    ['Known for arriving early', 'known for arriving early'],
    ['Given a choice, she buys local', 'given a choice, i buy local'],
  ])('%s describes, it does not become "I <participle>"', async (text, kept) => {
    const out = await convert(text, woman);
    expect(out.toLowerCase()).toContain(kept);
    expect(out).not.toMatch(/^I (written|known|given)\b/);
  });

  it('a past tense still becomes the person speaking', async () => {
    expect(await convert('Worked ten years in banking', woman)).toBe('I worked ten years in banking');
  });
});

describe('first person: a participle that needs "have"', () => {
  it.each([
    ['Been a nurse for twenty years', "I've been a nurse for twenty years"],
    ['Driven a taxi for 20 years', "I've driven a taxi for 20 years"],
    ['Gone through three accountants in five years', "I've gone through three accountants in five years"],
    ["She's been a nurse since 2004", "I've been a nurse since 2004"],
    ["She's gone back to school", "I've gone back to school"],
    ["She's worked in banking for ten years", "I've worked in banking for ten years"],
  ])('%s', async (text, expected) => {
    expect(await convert(text, woman)).toBe(expected);
  });

  it.each([
    ["She's based in Leeds", "I'm based in Leeds"],
    ["She's known for her cakes", "I'm known for my cakes"],
  ])('keeps "is" before a participle that describes: %s', async (text, expected) => {
    expect(await convert(text, woman)).toBe(expected);
  });

  it.each(['Begun learning Spanish at night', 'Taken over the family shop in 2015', 'Seen three vendors fail two years ago'])(
    'never says "I <participle>": %s',
    async (text) => {
      expect(await convert(text, woman)).not.toMatch(/^I (begun|taken|seen)\b/);
    },
  );
});

describe('first person: a verb coordinated after a clause the person thinks or says', () => {
  it.each([
    ['Thinks the tool is slow but wants a refund', 'I think the tool is slow but want a refund'],
    [
      'Thinks apps are fine for the young but wants a person on the phone',
      'I think apps are fine for the young but want a person on the phone',
    ],
    ['Believes banks are greedy and keeps cash at home', 'I believe banks are greedy and keep cash at home'],
    ['Knows her suppliers cheat but buys from them anyway', 'I know my suppliers cheat but buy from them anyway'],
  ])('%s', async (text, expected) => {
    expect(await convert(text, woman, true)).toBe(expected);
  });

  it.each([
    ['Says the app crashes and loses her data', 'I say the app crashes and loses my data'],
    ['Thinks the app is slow and costs too much', 'I think the app is slow and costs too much'],
  ])('leaves a verb that belongs to the clause: %s', async (text, expected) => {
    expect(await convert(text, woman, true)).toBe(expected);
  });
});
