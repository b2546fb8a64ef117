import { describe, expect, it } from 'vitest';
import { toFirstPerson } from '../../src/providers/offline/first-person.js';
import { cleanFact } from '../../src/providers/offline/text.js';
import { converse } from './offline-helpers.js';
import { SHIPPED_IDS, shipped } from './offline-shipped.js';

// Persona facts are written about the person ("She holds top-tier status, uses an advisor and books
// city breaks herself") and said by the person. Every verb of a series after "I" agrees with it, a
// predicate without a subject gets one, and a quote opened inside a fact is closed in the reply.

describe('toFirstPerson: a series of things "I" does', () => {
  it.each([
    [
      "She holds top-tier status with one airline, uses a personal travel advisor for complex trips and books city breaks herself on the hotel's own app",
      'Rania',
      'and book city breaks myself',
    ],
    [
      'He learns English from series and a language app, plays tactical shooters with friends online, and volunteers on Saturdays',
      'Lucas',
      'play tactical shooters',
    ],
    ['She runs the stall, orders stock every Monday and pays suppliers in cash', 'Ada', 'and pay suppliers'],
    ['Uses a spreadsheet for the budget, writes weekly notes and sends reports to the board', '', 'write weekly notes and send reports'],
  ])('%s', (fact, name, expected) => {
    expect(toFirstPerson(fact, [name]).text).toContain(expected);
  });

  it.each([
    ['She reads books, magazines and blogs', 'magazines and blogs'],
    ['He follows three teams, budgets of two plants and a warehouse', 'budgets of two plants'],
    ['She sleeps late on weekends, friends says nothing', 'weekends'],
  ])('keeps plural nouns in a list as nouns: %s', (fact, kept) => {
    expect(toFirstPerson(fact, ['Ada']).text).toContain(kept);
  });
});

describe('toFirstPerson: a predicate without a subject', () => {
  it.each([
    ['Will not use a tool that colleagues cannot also use', 'I will not use a tool'],
    ['Would rather pay once than subscribe', 'I would rather pay once'],
    ['Worry about junior jobs shrinking because of AI', 'I worry about junior jobs'],
    ['Prefer email to calls', 'I prefer email'],
    ['No idea what I can deduct as a business expense', 'I have no idea what'],
  ])('%s', (fact, expected) => {
    expect(toFirstPerson(fact)).toEqual({ form: 'clause', text: expect.stringContaining(expected) });
  });

  it('leaves a goal as an action and a noun as a noun', () => {
    expect(toFirstPerson('Reduce churn by 10%').form).toBe('action');
    expect(toFirstPerson('Fear of missing out').text).not.toMatch(/^I /);
    expect(toFirstPerson('Trust is earned slowly').text).not.toMatch(/^I /);
  });
});

describe('cleanFact: quotes', () => {
  it('keeps a closing quote that belongs to a quote opened inside the fact', () => {
    expect(cleanFact("Price rises emailed with the subject line 'Good news about your plan'")).toBe(
      "Price rises emailed with the subject line 'Good news about your plan'",
    );
    expect(cleanFact('Calls it "the Monday mess".')).toBe('Calls it "the Monday mess"');
  });

  it('still removes quotes that wrap the whole item, or a stray one at either end', () => {
    expect(cleanFact('"Reduce churn by 10%."')).toBe('Reduce churn by 10%');
    expect(cleanFact("'Reduce churn")).toBe('Reduce churn');
    expect(cleanFact('Reduce churn"')).toBe('Reduce churn');
  });
});

const QUESTIONS = [
  'Tell me about yourself.',
  'What does a normal day look like for you?',
  'What frustrates you most about your work?',
  'How do you decide what to buy?',
  'What matters most to you?',
  'What do you think about new tools?',
  'What worries you?',
  'Where do you get your information?',
];
const SEEDS = [1, 2, 3, 4, 5, 6];

/** Third-person verbs of the shipped facts, right after the joiner of a series that "I" started. */
const SERIES_SLIP =
  /\bI (?:\w+ly )?[a-z]+\b[^.!?;:]*?(?:,\s*(?:and\s+)?|\s+and\s+)(?:books|plays|uses|learns|runs|reads|writes|buys|watches|spends|travels|walks|drives|orders|pays|sends|follows|volunteers|teaches|cooks|posts|checks|tracks|keeps|takes|makes|gets)\s+(?!and\b|or\b|of\b)[a-z]/;
/** A template's lead-in followed by a bare verb: "I'll be upfront: will not use ...". */
const BARE_PREDICATE =
  /\b(?:upfront|candid|Real talk|Generally|Deep down|Not gonna lie|The hard part, honestly|My hesitation|my challenge is this|Truth is)[:,?]?\s+(?:will|would|can|could|should|must|worry|want|need|prefer|love|hate|like|feel|trust|fear|wish|use)\b/i;

/** True when every quote opened in the text (after a space or at the start) is closed later. */
function quotesBalanced(text: string): boolean {
  for (const [open, close] of [
    ['"', '"'],
    ['“', '”'],
    ["'", "'"],
    ['‘', '’'],
  ] as const) {
    const opening = new RegExp(`(?:^|[\\s(])${open}(?=\\p{L}|\\p{N})`, 'gu');
    for (const match of text.matchAll(opening)) {
      const after = text.slice(match.index + match[0].length);
      if (!new RegExp(`[\\p{L}\\p{N}.!?]${close}(?![\\p{L}\\p{N}])`, 'u').test(after)) return false;
    }
  }
  return true;
}

describe('shipped personas: first person in every reply', () => {
  const interviews = (async () => {
    const out: Array<{ id: string; replies: string[] }> = [];
    for (const id of SHIPPED_IDS) {
      const { persona, profile } = shipped(id);
      for (const seed of SEEDS) out.push({ id, replies: await converse(persona, profile, QUESTIONS, seed) });
    }
    return out;
  })();

  it('no verb in a series after "I" keeps its third-person -s', async () => {
    for (const { id, replies } of await interviews) for (const text of replies) expect(text, id).not.toMatch(SERIES_SLIP);
  });

  it('no sentence after a lead-in starts with a bare verb', async () => {
    for (const { id, replies } of await interviews) for (const text of replies) expect(text, id).not.toMatch(BARE_PREDICATE);
  });

  it('every quote opened in a reply is closed', async () => {
    for (const { id, replies } of await interviews) for (const text of replies) expect(quotesBalanced(text), `${id}: ${text}`).toBe(true);
  });

  it('the quote check is not vacuous', () => {
    expect(quotesBalanced("subject line 'Good news about your plan.")).toBe(false);
    expect(quotesBalanced("subject line 'Good news about your plan'. My parents' house.")).toBe(true);
  });
});
