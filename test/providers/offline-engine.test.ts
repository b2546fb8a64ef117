import { describe, expect, it } from 'vitest';
import { loadNlp } from '../../src/providers/offline/nlp.js';
import { toFirstPerson } from '../../src/providers/offline/realize/first-person.js';
import { understand } from '../../src/providers/offline/understand/index.js';
import { answer, factsOnly, interview, shipped, SHIPPED } from './offline-shipped-support.js';

// How the engine understands, remembers and speaks: the three stages, through their entry points.

describe('understand: questions in other words still find their intent', () => {
  it.each([
    ['So what fills your weekdays, morning to night?', 'daily-routine'],
    ['Which bits of software could you not live without?', 'tools'],
    ['What keeps you awake at night these days?', 'worries'],
    ['Say it cost twenty dollars a month, would you pay that?', 'price'],
    ['Who gets a vote when the household buys something big?', 'decision-makers'],
    ['How do new products usually come to your attention?', 'information-sources'],
    ['What would make you drop a service on the spot?', 'walk-away-triggers'],
    ['Do you ever test a product for free before paying?', 'free-trials'],
  ])('%s -> %s', async (question, intent) => {
    expect((await understand(question)).intent).toBe(intent);
  });

  it('tells follow-ups and meta questions from topics', async () => {
    expect((await understand('Why?')).kind).toBe('follow-up');
    expect((await understand('Such as?')).intent).toBe('example');
    expect((await understand('Why did you switch?')).topic).toBe('switching');
    expect((await understand('How much would you pay for it?')).intent).toBe('price');
    expect((await understand('Sorry, what did I ask you?')).intent).toBe('what-did-i-ask');
    expect((await understand('Is this an AI?')).kind).toBe('meta');
  });
});

describe('recall: the conversation is remembered from the messages alone', () => {
  it('answers a follow-up from the thread it follows, not from a new topic', async () => {
    for (const persona of [shipped('cfo'), factsOnly(shipped('kenya-dairy-farmer'))]) {
      const [first, why] = await interview(persona, ['What frustrates you most about your work?', 'Why is that?']);
      expect(why).not.toBe(first);
      expect(why!.length).toBeGreaterThan(30);
      expect(why).not.toMatch(/outside my world|do not know much/i);
    }
  });

  it('says no sentence of 40+ characters twice in a long interview', async () => {
    const questions = [
      'Tell me about yourself.',
      'What does a normal day look like?',
      'Go on.',
      'What tools do you use?',
      'What frustrates you?',
      'Why?',
      'Can you give me an example?',
      'Tell me more.',
      'What would you pay for a fix?',
      'How much?',
      'Really?',
      'What worries you?',
      'Why?',
      'What happened?',
      'Anything else?',
      'Tell me more.',
      'More?',
      'What else?',
    ];
    for (const persona of [shipped('lagos-shop-owner'), factsOnly(shipped('startup-cto')), factsOnly(shipped('icu-nurse'))]) {
      const replies = await interview(persona, [...questions, ...questions]);
      const sentences = replies.flatMap((r) => r.split(/(?<=[.!?])\s+/)).filter((s) => s.length >= 40);
      expect(sentences.filter((s, i) => sentences.indexOf(s) !== i)).toEqual([]);
    }
  });

  it('repeats itself only when asked to, and can say what was asked', async () => {
    const persona = shipped('retired-engineer');
    const replies = await interview(persona, ['What do you do on weekends?', 'Sorry, could you repeat that?', 'What was my question?']);
    expect(replies[1]).toBe(replies[0]);
    expect(replies[2]).toContain('Sorry, could you repeat that?');
  });

  it('gives the same reply for the same messages and seed, and varies with the seed', async () => {
    const persona = factsOnly(shipped('genz-creator'));
    const a = await interview(persona, ['Hi!', 'What frustrates you?', 'Why?'], 7);
    expect(await interview(persona, ['Hi!', 'What frustrates you?', 'Why?'], 7)).toEqual(a);
    const seeds = await Promise.all([1, 2, 3, 4, 5, 6].map((seed) => answer(persona, 'What frustrates you?', seed)));
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });
});

describe('realize: grammatical first person from the facts', () => {
  const speaker = { firstName: 'Diane', gender: 'female' as const };
  it.each([
    ['Signs off on anything over $25,000', true, 'I sign off on anything over $25,000'],
    [
      'Thinks most AI claims are marketing until she sees audited results',
      true,
      'I think most AI claims are marketing until I see audited results',
    ],
    ["Respects people who say 'I don't know, I'll find out'", true, "I respect people who say 'I don't know, I'll find out'"],
    ['Diane joined the company in 1997 and has been CFO since 2014', false, 'I joined the company in 1997 and have been CFO since 2014'],
    ['Pays in small amounts and likes pay-as-you-go', true, 'I pay in small amounts and like pay-as-you-go'],
  ])('%s', async (fact, probe, expected) => {
    const nlp = await loadNlp();
    expect(toFirstPerson(fact, speaker, nlp, probe).text).toBe(expected);
  });

  it('answers a price question with a figure from the file, and never with one the file does not give', async () => {
    for (const persona of SHIPPED) {
      for (const variant of [persona, factsOnly(persona)]) {
        const reply = await answer(variant, 'How much would you pay a month for a tool that saved you two hours a week?');
        const file = JSON.stringify(variant.data).replace(/(\d),(\d)/g, '$1$2');
        const figures = reply.replace(/(\d),(\d)/g, '$1$2').match(/\d+(?:\.\d+)?/g) ?? [];
        expect(figures.length, `${variant.id}: ${reply}`).toBeGreaterThan(0);
        for (const figure of figures) expect(file, `${variant.id}: ${reply}`).toContain(figure);
      }
    }
  });

  it('says it would have to check when the file gives no amount for the question', async () => {
    const base = factsOnly(shipped('kenya-dairy-farmer'));
    const { income: _income, ...baseSelection } = base.data.baseSelection ?? {};
    const persona = { ...base, data: { ...base.data, baseSelection, generatedInsights: {}, customInputs: {} } };
    const reply = await answer(persona, 'How much do you spend on feed each month?');
    const file = JSON.stringify(persona.data);
    for (const figure of reply.match(/\d+/g) ?? []) expect(file).toContain(figure);
    expect(reply).toMatch(/check|look|guess/i);
  });
});
