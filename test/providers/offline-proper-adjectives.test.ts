import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { lowerStart } from '../../src/providers/offline/realize/frames.js';
import { answer, factsOnly, shipped } from './offline-shipped-support.js';

// A list item from the file goes into the middle of a sentence with its first letter lowered
// ("Outside work, I love growing tomatoes"), but a nationality, language or religion keeps its
// capital there ("I love Korean dramas"), as anyone would write it.

describe('lowering the start of a file item for the middle of a sentence', () => {
  it('keeps the capital of nationalities, languages and religions, whatever the tagger read', () => {
    for (const [text, pos] of [
      ['American history books', 'ADJ'],
      ['Polish folk music', 'NOUN'],
      ['Korean dramas', 'ADJ'],
      ['Catholic charities', 'PROPN'],
      ['Spanish lessons on Saturdays', 'ADJ'],
      ['Spanish-language radio in the car', 'ADJ'],
      ['Kikuyu-language morning radio', 'ADJ'],
      // A capitalised word before -language or -speaking names a language, listed or not.
      ['Tigrinya-speaking neighbours', 'ADJ'],
    ] as const)
      expect(lowerStart(text, pos)).toBe(text);
  });

  it('still lowers a plain first word', () => {
    expect(lowerStart('Growing heirloom tomatoes', 'VERB')).toBe('growing heirloom tomatoes');
    expect(lowerStart('Audiobooks, mostly crime novels', 'NOUN')).toBe('audiobooks, mostly crime novels');
    expect(lowerStart('Polishing old furniture', 'VERB')).toBe('polishing old furniture');
    expect(lowerStart('Plant-based cooking', 'ADJ')).toBe('plant-based cooking');
    // A verb before a name is still a verb; a capital after a noun still marks a name.
    expect(lowerStart('Watching Asante Kotoko on television', 'VERB')).toBe('watching Asante Kotoko on television');
    expect(lowerStart('Hacker News in the evening', 'NOUN')).toBe('Hacker News in the evening');
  });

  it('is how the offline persona says its interests', async () => {
    const base = factsOnly(shipped('cfo'));
    const data = base.data as Persona['data'] & { psychographics?: Record<string, unknown> };
    const persona = {
      ...base,
      data: { ...data, psychographics: { ...data.psychographics, interests: ['Korean dramas', 'American history books'] } },
    };
    const replies: string[] = [];
    for (let seed = 1; seed <= 12; seed++) replies.push(await answer(persona, 'What do you do for fun outside work?', seed));
    const text = replies.join('\n');
    expect(text, text).toMatch(/Korean dramas|American history books/);
    expect(text).not.toMatch(/\bkorean dramas|\bamerican history/);
  });
});
