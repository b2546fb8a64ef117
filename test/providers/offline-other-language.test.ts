import { describe, expect, it } from 'vitest';
import { writtenInAnotherScript } from '../../src/providers/offline/language.js';
import { reply } from './offline-helpers.js';
import { shipped } from './offline-shipped.js';

// The offline engine reads English only. A teacher asked in Japanese whether he uses tablets in
// maths class must not answer "That is a bit outside my world": he did not understand, so he asks
// for the question in English, and says nothing else that would pretend he did.

const NOT_KNOWN = /outside my world|know (?:much|very little) about|no idea|no clue|not the right person/i;

describe('a question in another script', () => {
  it('is told apart from English that merely names a place or a dish', () => {
    expect(writtenInAnotherScript('数学の授業でタブレットを使いますか？')).toBe(true);
    expect(writtenInAnotherScript('Вы пользуетесь планшетами?')).toBe(true);
    expect(writtenInAnotherScript('Do you like 寿司 and ramen?')).toBe(false);
    expect(writtenInAnotherScript('Tell me about São Paulo')).toBe(false);
  });

  it('gets a request to ask in English, never a claim that the subject is outside their world', async () => {
    const { persona, profile } = shipped('japan-teacher');
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      for (const question of [
        '数学の授業でタブレットを使いますか？',
        '算数の授業でiPadを使っていますか？',
        'Вы пользуетесь планшетами на уроках?',
      ]) {
        const text = await reply(persona, profile, question, seed);
        expect(text, `${seed}: ${question}`).toMatch(/\bEnglish\b/);
        expect(text, `${seed}: ${question}`).not.toMatch(NOT_KNOWN);
      }
    }
  });

  it('is still answered from the facts when it names something the persona file holds', async () => {
    const { persona, profile } = shipped('japan-teacher');
    expect(await reply(persona, profile, '授業でChromebookを使いますか？', 1)).toMatch(/Chromebook/);
  });
});
