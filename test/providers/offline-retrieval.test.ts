import { describe, expect, it } from 'vitest';
import { extractFacts } from '../../src/providers/offline/facts.js';
import { focusOf, rankFacts } from '../../src/providers/offline/retrieval.js';
import { stem } from '../../src/providers/offline/text.js';
import { reply } from './offline-helpers.js';
import { shipped, SHIPPED_IDS } from './offline-shipped.js';

// Regressions from a new user's first session: the offline engine must answer the question that
// was asked, from the persona's own file, before any intent template gets a say.

const SEEDS = [1, 2, 3, 4, 5, 6];
const DONT_KNOW = /don't know|no idea|know very little|do not know|outside my world|not something I know|no clue|not the right person/i;
const CFO_HOBBIES = /tomatoes|mid-century furniture|American history books|Little League/i;

async function repliesOf(id: string, question: string, seeds: readonly number[] = SEEDS): Promise<string[]> {
  const { persona, profile } = shipped(id);
  return Promise.all(seeds.map((seed) => reply(persona, profile, question, seed)));
}

describe('offline retrieval: the question is answered from matching facts', () => {
  it('answers a CFO asked about expenses with how the books are kept, not a hobby', async () => {
    for (const answer of await repliesOf('cfo', 'How do you track expenses today?')) {
      expect(answer).toMatch(/close|Excel|workbook|reconciliation|cash forecast|costs/i);
      expect(answer).not.toMatch(DONT_KNOW);
      expect(answer).not.toMatch(CFO_HOBBIES);
    }
  });

  it('names objections when asked what would make them say no', async () => {
    const objections = /implementations take twice|per-user pricing|multi-year contracts|demo data is clean|startup is acquired/i;
    for (const answer of await repliesOf('cfo', 'What would make you say no immediately?')) {
      expect(answer).toMatch(objections);
      expect(answer).not.toMatch(CFO_HOBBIES);
    }
  });

  it('answers how the books are closed with the nine-day close, not an introduction', async () => {
    for (const answer of await repliesOf('cfo', 'How does your team close the books each month today?')) {
      expect(answer).toMatch(/nine business days/i);
      expect(answer).not.toMatch(/^(Hello|Hi|Hey)\b|I work as|By day I/);
    }
  });

  it('answers which software with the ERP and the spreadsheet, not the morning routine', async () => {
    for (const answer of await repliesOf('cfo', 'What software do you use daily?')) {
      expect(answer).toMatch(/Epicor|Excel/);
      expect(answer).not.toMatch(/desk by 7:00|flash report/);
    }
  });

  it('answers who else approves with the CEO, controller and IT director from the notes', async () => {
    for (const answer of await repliesOf('cfo', 'Who else would need to approve it?'))
      expect(answer).toMatch(/CEO|controller|IT director|veto/);
  });

  it('answers a nurse asked about charting software with her charting, not her dinner', async () => {
    for (const answer of await repliesOf('icu-nurse', 'How do you feel about new charting software at your hospital?')) {
      expect(answer).toMatch(/chart|electronic record/i);
      expect(answer).not.toMatch(/meal deal/);
    }
  });

  it('answers a farmer asked how she sells her milk with the cooperative, never a greeting', async () => {
    for (const answer of await repliesOf('kenya-dairy-farmer', 'How do you sell your milk today?')) {
      expect(answer).toMatch(/cooperative|litres|brokers|milk/i);
      expect(answer).not.toMatch(/^(Hi|Hello|Hey)\b|What brings you here/);
    }
  });

  it('keeps a focus group on the bank: each persona names a banking fact or says it does not know', async () => {
    const banking = /\b(banks?|loans?|cards?|M-Pesa|transfers?|Pix|collateral|covenant)\b/i;
    for (const id of SHIPPED_IDS) {
      for (const answer of await repliesOf(id, 'What frustrates you most about your bank?', [1, 2, 3])) {
        expect(answer, id).toMatch(banking);
        if (!banking.test(JSON.stringify(shipped(id).persona.data))) expect(answer, id).toMatch(DONT_KNOW);
      }
    }
  });

  it('steers a missed work question to work, not to a hobby', async () => {
    for (const answer of await repliesOf('icu-nurse', 'What frustrates you most about your bank?')) {
      expect(answer).toMatch(DONT_KNOW);
      expect(answer).not.toMatch(/wild swimming|true-crime|baking|crime novels/i);
      expect(answer.split(/(?<=[.?!])\s+/).length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('offline retrieval: scoring', () => {
  const cfoFacts = extractFacts(shipped('cfo').persona).facts;

  it('meets plural and singular, and approval words, at one stem or a related one', () => {
    expect(stem('expenses')).toBe(stem('expense'));
    expect(focusOf('How do you track expenses?').subject.has(stem('expense'))).toBe(true);
    for (const question of ['Who needs to give approval?', 'Who approves it?', 'Who else would need to approve it?']) {
      expect(rankFacts(cfoFacts, focusOf(question))[0]?.fact.raw, question).toMatch(/veto|CEO|Signs off/);
    }
  });

  it('finds nothing when the file says nothing about the subject', () => {
    expect(rankFacts(extractFacts(shipped('icu-nurse').persona).facts, focusOf('What frustrates you most about your bank?'))).toEqual([]);
  });

  it('scores unknown extra keys like any other fact', () => {
    const { persona } = shipped('cfo');
    const withExtra = { ...persona, data: { ...persona.data, mediaDiet: ['The Wall Street Journal every morning on paper'] } };
    const [best] = rankFacts(extractFacts(withExtra).facts, focusOf('Which newspaper do you read? The Journal?'));
    expect(best?.fact.kind).toBe('extra');
  });
});
