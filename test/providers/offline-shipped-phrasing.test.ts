import { describe, expect, it } from 'vitest';
import { asksAboutAvoided } from '../../src/providers/offline/avoided-topic.js';
import { extractFacts } from '../../src/providers/offline/facts.js';
import { admitsNotKnowing, dropRepeatedHedges } from '../../src/providers/offline/hedges.js';
import * as L from '../../src/providers/offline/lines.js';
import { applyRegister } from '../../src/providers/offline/style.js';
import { lowerFirst, properNounsIn } from '../../src/providers/offline/text.js';
import { converse, reply } from './offline-helpers.js';
import { SHIPPED_IDS, shipped } from './offline-shipped.js';

// Every persona a new user meets, asked what interviewers typically ask, read the way the chat
// renders it: Markdown, where a line right under a numbered list joins its last item.

const QUESTIONS = [
  'Tell me about yourself.',
  'What does a normal day look like for you?',
  'What frustrates you most about your work?',
  'How do you decide what to buy?',
  'What matters most to you?',
  'What are your goals for the next year?',
  'How much would you pay for a tool that saves you time?',
  'Where do you get your information?',
  'What do you think about AI?',
  'Why?',
  'What would make you switch to a new product?',
  'What do you know about quantum chromodynamics?',
];
const SEEDS = [1, 2, 3, 4, 5];

/** Every reply of every shipped persona to the interview, over several seeds; computed once. */
const interviews: Promise<Array<{ id: string; replies: string[] }>> = (async () => {
  const out: Array<{ id: string; replies: string[] }> = [];
  for (const id of SHIPPED_IDS) {
    const { persona, profile } = shipped(id);
    for (const seed of SEEDS) out.push({ id, replies: await converse(persona, profile, QUESTIONS, seed) });
  }
  return out;
})();

const sentencesOf = (text: string): string[] =>
  text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
/** An opener that is not a sentence: "To be plain about it." or a bare "Honestly." */
const FRAGMENT = /^(?:to be (?:plain|honest|frank)(?: about it)?|short version|okay, so|honestly|frankly|in short|basically)[.!]?$/i;
const HEDGE = /\b(?:honestly|to be honest|frankly|in all honesty)\b/gi;
const LIST_ITEM = /^\d+\.\s/;
const DECLINED = /rather not get into|prefer not to discuss|not really something I want to get into|out of it, honestly/i;

describe('shipped personas: phrasing a reader sees', () => {
  it('no reply has a fragment opener or a hedge standing alone as a sentence', async () => {
    for (const { id, replies } of await interviews) {
      for (const text of replies) for (const sentence of sentencesOf(text)) expect(sentence, `${id}: ${text}`).not.toMatch(FRAGMENT);
    }
  });

  it('no reply hedges twice ("Because X, honestly. Honestly, Y.")', async () => {
    for (const { id, replies } of await interviews) {
      for (const text of replies) expect((text.match(HEDGE) ?? []).length, `${id}: ${text}`).toBeLessThanOrEqual(1);
    }
  });

  it('a line after a numbered list is set off by a blank line, so Markdown does not fold it into the last item', async () => {
    let closedLists = 0;
    for (const { id, replies } of await interviews) {
      for (const text of replies) {
        const lines = text.split('\n');
        lines.forEach((line, i) => {
          const next = lines[i + 1];
          if (!LIST_ITEM.test(line) || next === undefined) return;
          expect(next === '' || LIST_ITEM.test(next), `${id}: ${text}`).toBe(true);
          if (next === '') closedLists++;
        });
      }
    }
    // Lists with a closing line do occur in this interview: the check above is not vacuous.
    expect(closedLists).toBeGreaterThan(10);
  });

  it('an admission of not knowing is said plainly, without a spoken opener in front of it', async () => {
    const openers = [...L.BLUNT_OPENERS, ...L.WARM_OPENERS.any, ...L.FOLLOWUP_LEADS].map((o) => o.replace(/^[~^]/, ''));
    for (const { id, replies } of await interviews) {
      for (const text of replies) {
        const [first, second] = sentencesOf(text);
        if (!admitsNotKnowing(second)) continue;
        expect(
          openers.some((o) => [o, applyRegister(o, 'formal'), applyRegister(o, 'casual')].includes(first!)),
          `${id}: ${text}`,
        ).toBe(false);
      }
    }
  });

  it('opening lines are whole sentences', () => {
    for (const line of [...L.BLUNT_OPENERS, ...L.FOLLOWUP_LEADS, ...L.LIST_LEADS]) expect(line.replace(/^[~^]/, '')).not.toMatch(FRAGMENT);
  });
});

describe('hedges', () => {
  it('keeps the first hedge of a reply and removes the later ones without breaking the sentences', () => {
    expect(dropRepeatedHedges("Because time matters, honestly. Honestly, I'd pay for it. The hard part, honestly: setup.")).toBe(
      "Because time matters, honestly. I'd pay for it. The hard part: setup.",
    );
    expect(dropRepeatedHedges('A few things:\n1. Honestly, cost.\n2. Honestly, repeating myself at every hotel.')).toBe(
      'A few things:\n1. Honestly, cost.\n2. Repeating myself at every hotel.',
    );
    expect(dropRepeatedHedges('Probably not, honestly. Honestly? Not as it stands.')).toBe('Probably not, honestly. Not as it stands.');
  });

  it('recognises every "I don\'t know" line the engine can say, in every register', () => {
    for (const line of [...L.UNKNOWN_TOPIC, ...L.UNKNOWN_VAGUE, ...L.NO_VIEW]) {
      const text = line.replace(/^[~^]/, '').replace(/\{topic\}/gi, 'tax law');
      for (const register of ['casual', 'neutral', 'formal'] as const)
        expect(admitsNotKnowing(applyRegister(text, register)), text).toBe(true);
    }
  });
});

describe("avoided topics fire on the topic, not on the persona's own subject", () => {
  it('the Dubai traveller answers hotel questions from her facts and still declines Instagram hotels', async () => {
    const { persona, profile } = shipped('dubai-luxury-traveller');
    for (const seed of SEEDS) {
      const [amenities, work] = await converse(
        persona,
        profile,
        ['What hotel amenities matter most to you?', 'Which hotels do you book when you travel for work?'],
        seed,
      );
      expect(amenities).not.toMatch(DECLINED);
      expect(work).not.toMatch(DECLINED);
      expect(`${amenities} ${work}`).toMatch(/hotel/i);
      expect(await reply(persona, profile, 'Do you stay in hotels designed for Instagram?', seed)).toMatch(DECLINED);
      expect(await reply(persona, profile, 'What do you think of Instagram hotels?', seed)).toMatch(DECLINED);
    }
  });

  it("never fires on a question made only of words from the persona's own role, industry or interests", async () => {
    let checked = 0;
    for (const id of SHIPPED_IDS) {
      const { persona, profile } = shipped(id);
      if (profile.avoids.length === 0) continue;
      const { identity, facts } = extractFacts(persona);
      const own = [identity.occupation, identity.industry, ...(persona.data.psychographics?.interests ?? [])].filter((x): x is string =>
        Boolean(x),
      );
      for (const subject of own) {
        for (const question of [`What do you think about ${subject}?`, `Tell me more about ${subject}.`]) {
          for (const topic of profile.avoids) expect(asksAboutAvoided(topic, question, identity, facts), `${id}: ${question}`).toBe(false);
          expect(await reply(persona, profile, question, 1), `${id}: ${question}`).not.toMatch(DECLINED);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it("fires on an avoided topic's own words in every shipped persona that has one", () => {
    const asked: Record<string, string> = {
      'genz-creator': 'Do you mind ads in your feed?',
      'lagos-shop-owner': 'What do you think of fintech apps?',
      'municipal-buyer': 'Can salespeople meet you while a tender is open?',
      'dubai-luxury-traveller': 'Would you stay somewhere designed for Instagram, a real Instagram hotel?',
    };
    for (const [id, question] of Object.entries(asked)) {
      const { persona, profile } = shipped(id);
      const { identity, facts } = extractFacts(persona);
      expect(
        profile.avoids.some((topic) => asksAboutAvoided(topic, question, identity, facts)),
        `${id}: ${question}`,
      ).toBe(true);
    }
  });
});

describe('capitals from the persona file survive quoting', () => {
  it('finds the names a file capitalises mid-sentence, and keeps them and languages capitalised', () => {
    const names = properNounsIn(['Prefers to speak Kikuyu or Swahili about farming', 'Kikuyu-language morning radio']);
    expect([...names]).toEqual(['Kikuyu', 'Swahili']);
    expect(lowerFirst('Kikuyu-language morning radio', names)).toBe('Kikuyu-language morning radio');
    expect(lowerFirst('Arabic poetry')).toBe('Arabic poetry');
    expect(lowerFirst('Design hotels', names)).toBe('design hotels');
  });

  it('the Dubai traveller steers to "Arabic poetry", never "arabic poetry"', async () => {
    const { persona, profile } = shipped('dubai-luxury-traveller');
    const replies = await Promise.all(
      Array.from({ length: 40 }, (_, i) => reply(persona, profile, 'Do you stay in hotels designed for Instagram?', i + 1)),
    );
    expect(replies.join('\n')).not.toContain('arabic');
    expect(replies.some((r) => r.includes('Arabic poetry'))).toBe(true);
  });

  it('says the user\'s own capitals back ("AI", not "ai")', async () => {
    const { persona, profile } = shipped('icu-nurse');
    const text = await reply(persona, profile, 'What do you think about AI?', 1);
    expect(text).toMatch(/\bAI\b/);
    expect(text).not.toMatch(/\bai\b/);
  });
});
