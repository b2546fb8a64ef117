import { describe, expect, it } from 'vitest';
import { cfo, cfoProfile, creator, creatorProfile, minimal, profileWith } from './offline-fixtures.js';
import { createOfflineProvider } from '../../src/providers/offline/index.js';
import { collect, converse, EMOJI, reply, requestFor, textOf } from './offline-helpers.js';

// What makes the offline engine worth demoing: it answers the question asked, from the persona's
// own facts, in the persona's own style, and does not repeat itself.

const SEEDS = [1, 2, 3, 4, 5, 6];
const QUESTIONS = [
  'Hi!',
  'Tell me about yourself',
  'What frustrates you most?',
  'How much would you pay for this?',
  'What are your goals?',
  'How do you decide what to buy?',
  'Where do you hear about new tools?',
  'What do you think of AI?',
  'We built an app for that. Would you use it?',
  'Thanks!',
];

describe('offline replies: determinism', () => {
  it('gives the identical reply for the same seed and history', async () => {
    for (const question of QUESTIONS) expect(await reply(cfo, cfoProfile, question, 42)).toBe(await reply(cfo, cfoProfile, question, 42));
    expect(await converse(creator, creatorProfile, QUESTIONS, 7)).toEqual(await converse(creator, creatorProfile, QUESTIONS, 7));
  });

  it('is stable without a seed too', async () => {
    expect(await reply(creator, creatorProfile, 'What are your goals?')).toBe(await reply(creator, creatorProfile, 'What are your goals?'));
  });

  it('varies with the seed', async () => {
    const replies = await Promise.all(SEEDS.map((seed) => reply(cfo, cfoProfile, 'What frustrates you most?', seed)));
    expect(new Set(replies).size).toBeGreaterThanOrEqual(3);
  });
});

describe('offline replies: content', () => {
  it('answers a price question with a price or budget fact of the persona', async () => {
    const priceFacts = /too expensive|implementation costs|predictable costs|board approval above \$50k/i;
    for (const seed of SEEDS) expect(await reply(cfo, cfoProfile, 'How much would you pay for a planning tool?', seed)).toMatch(priceFacts);
    for (const seed of SEEDS)
      expect(await reply(creator, creatorProfile, 'Would you pay $20 a month for it?', seed)).toMatch(
        /subscriptions add up|pay late|free versions/i,
      );
  });

  it('answers a complaint question with a pain point or challenge', async () => {
    const pains = /manual reconciliation|reports arrive too late|legacy ERP/i;
    for (const seed of SEEDS) expect(await reply(cfo, cfoProfile, 'What frustrates you most at work?', seed)).toMatch(pains);
    for (const seed of SEEDS)
      expect(await reply(creator, creatorProfile, "What's your biggest struggle?", seed)).toMatch(/editing|brand deals|algorithm|burnout/i);
  });

  it('greets back with a greeting and the persona name', async () => {
    for (const [persona, profile, name] of [
      [cfo, cfoProfile, 'Margaret'],
      [creator, creatorProfile, 'Jade'],
      [minimal, profileWith({}), 'Sam'],
    ] as const) {
      const text = await reply(persona, profile, 'Hello!', 11);
      expect(text).toMatch(/\b(hi|hello|hey|hiya|good to meet you)\b/i);
      expect(text).toContain(name);
    }
  });

  it("opens with the profile's own greeting on the first turn", async () => {
    const text = await reply(minimal, profileWith({ greeting: 'Sam here, fire away.', verbosity: 'terse' }), 'hi', 1);
    expect(text).toBe('Sam here, fire away.');
  });

  it('does not open with its greeting again when the chat already showed it', async () => {
    const profile = profileWith({ greeting: 'Sam here, fire away.', verbosity: 'terse' });
    const provider = createOfflineProvider();
    const request = {
      ...requestFor(minimal, profile, [{ role: 'user', content: 'hi' }], 1),
      system: 'You are Sam.\n\n## How this conversation began\nYou opened it with this message:\nSam here, fire away.',
    };
    const text = textOf(await collect(provider.stream(request)));
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain('Sam here, fire away.');
  });

  it('introduces itself from its identity and background', async () => {
    const text = await reply(cfo, cfoProfile, 'Tell me about yourself', 1);
    expect(text).toMatch(/I am Margaret, 52, a CFO in manufacturing, based in Columbus, Ohio/);
  });

  it('continues the previous subject on "why?"', async () => {
    const [, why] = await converse(cfo, cfoProfile, ['How much would you pay for a planning tool?', 'Why?'], 3);
    expect(why).toMatch(/expensive|implementation costs|predictable costs|\$50k|cost/i);
  });

  it('says honestly when it does not know, then steers to what it cares about', async () => {
    for (const seed of SEEDS) {
      const text = await reply(cfo, cfoProfile, "What's the capital of Mongolia?", seed);
      expect(text).toMatch(/not something I know|do not know|outside my world|not the right person|know very little/i);
      expect(text).toMatch(/golf|economic history|month-end close|spreadsheets|reconciliation|reports/i);
    }
  });

  it('deflects topics the profile avoids and lights up about its passions', async () => {
    expect(await reply(cfo, cfoProfile, 'What do you think about politics?', 2)).toMatch(
      /(rather not|prefer not|leave) .*politics|politics .*(not really something|out of it)/i,
    );
    for (const seed of SEEDS) expect(await reply(creator, creatorProfile, 'Do you like skincare?', seed)).toMatch(/skincare/i);
  });

  it('does not repeat itself when asked the same question twice in a row', async () => {
    for (const [persona, profile] of [
      [cfo, cfoProfile],
      [creator, creatorProfile],
      [minimal, profileWith({})],
    ] as const) {
      for (const question of ['How much would you pay for this?', 'What frustrates you?', 'Hi']) {
        const [first, second] = await converse(persona, profile, [question, question], 5);
        expect(second).not.toBe(first);
      }
    }
  });

  it('rotates through its facts instead of leading with the same one', async () => {
    const replies = await converse(
      cfo,
      cfoProfile,
      ['What frustrates you?', 'What else frustrates you?', 'Anything else that frustrates you?'],
      8,
    );
    const firstPoints = replies.map((r) => r.match(/1\. (.*)/)?.[1] ?? r);
    expect(new Set(firstPoints).size).toBe(3);
  });
});

describe('offline replies: style', () => {
  it("never uses emoji for 'none' and uses them for 'frequent'", async () => {
    const formal = await converse(cfo, cfoProfile, QUESTIONS, 3);
    for (const text of formal) expect(text).not.toMatch(EMOJI);
    const casual = await converse(creator, creatorProfile, QUESTIONS, 3);
    expect(casual.filter((t) => EMOJI.test(t)).length).toBeGreaterThanOrEqual(QUESTIONS.length - 1);
  });

  it('keeps terse replies shorter than expansive ones on average', async () => {
    const average = async (verbosity: 'terse' | 'expansive') => {
      const replies = await Promise.all(
        SEEDS.flatMap((seed) => QUESTIONS.slice(1, 9).map((q) => reply(cfo, { ...cfoProfile, verbosity }, q, seed))),
      );
      return replies.reduce((n, r) => n + r.length, 0) / replies.length;
    };
    const terse = await average('terse');
    expect(terse).toBeLessThan((await average('expansive')) * 0.5);
    expect(terse).toBeLessThan(160);
  });

  it('lays out substantive answers as numbered points when structure is high, as prose when low', async () => {
    const structured = await reply(cfo, cfoProfile, 'What frustrates you most at work?', 1);
    expect(structured).toMatch(/\n1\. .*\n2\. /);
    const prose = await reply(cfo, { ...cfoProfile, structure: 0.1 }, 'What frustrates you most at work?', 1);
    expect(prose).not.toMatch(/\n1\. /);
  });

  it('speaks formally without contractions, casually with them', async () => {
    const formal = (await converse(cfo, cfoProfile, QUESTIONS, 4)).join(' ');
    expect(formal).not.toMatch(/\b(I'm|I'd|don't|doesn't|it's|that's|can't|won't)\b/);
    const casual = (await converse(creator, creatorProfile, QUESTIONS, 4)).join(' ');
    expect(casual).toMatch(/\b(I'm|I'd|don't|doesn't|it's|that's|can't|won't)\b/);
  });

  it('pushes back on a pitch when sceptical, not when trusting', async () => {
    const pushback = /prove it|show me|evidence|catch|every vendor says|reference customer|who else like me|payback|believe it when/i;
    const sceptic = await Promise.all(SEEDS.map((s) => reply(cfo, cfoProfile, 'We built a planning tool. Would you try it?', s)));
    expect(sceptic.filter((t) => pushback.test(t)).length).toBeGreaterThanOrEqual(3);
    const trusting = await Promise.all(
      SEEDS.map((s) => reply(cfo, { ...cfoProfile, skepticism: 0.1 }, 'We built a planning tool. Would you try it?', s)),
    );
    expect(trusting.filter((t) => /prove it|evidence, not claims|every vendor says|believe it when/i.test(t))).toHaveLength(0);
  });

  it('asks questions back as often as questionRate says', async () => {
    const endsWithQuestion = async (questionRate: number) => {
      const replies = await Promise.all(
        SEEDS.flatMap((seed) => QUESTIONS.slice(1, 9).map((q) => reply(cfo, { ...cfoProfile, questionRate, skepticism: 0 }, q, seed))),
      );
      return replies.filter((r) => /\?\s*$/.test(r)).length / replies.length;
    };
    expect(await endsWithQuestion(0)).toBe(0);
    expect(await endsWithQuestion(1)).toBeGreaterThan(0.7);
  });

  it('uses signature phrases now and then, never in every reply', async () => {
    const replies = await converse(
      cfo,
      { ...cfoProfile, signaturePhrases: ['Numbers first, stories second.'] },
      [...QUESTIONS, ...QUESTIONS],
      2,
    );
    const withPhrase = replies.filter((r) => r.includes('Numbers first, stories second.')).length;
    expect(withPhrase).toBeGreaterThan(0);
    expect(withPhrase).toBeLessThan(replies.length / 2);
  });

  it('stays within the token cap', async () => {
    for (const question of QUESTIONS) {
      const text = await reply(cfo, { ...cfoProfile, verbosity: 'expansive', maxOutputTokens: 40 }, question, 1);
      expect(text.length).toBeLessThanOrEqual(40 * 4 + 80);
    }
  });
});
