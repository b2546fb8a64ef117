import { describe, expect, it } from 'vitest';
import { cfo, cfoProfile, creator, creatorProfile, minimal, profileWith } from './offline-fixtures.js';
import { createOfflineProvider } from '../../src/providers/offline/index.js';
import { collect, converse, reply, requestFor, textOf } from './offline-helpers.js';

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

  it('continues the previous subject on "why?"', async () => {
    const [, why] = await converse(cfo, cfoProfile, ['How much would you pay for a planning tool?', 'Why?'], 3);
    expect(why).toMatch(/expensive|implementation costs|predictable costs|\$50k|cost/i);
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

  it('stays within the token cap', async () => {
    for (const question of QUESTIONS) {
      const text = await reply(cfo, { ...cfoProfile, verbosity: 'expansive', maxOutputTokens: 40 }, question, 1);
      expect(text.length).toBeLessThanOrEqual(40 * 4 + 80);
    }
  });
});
