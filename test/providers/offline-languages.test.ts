import { describe, expect, it } from 'vitest';
import { answer, factsOnly, shipped } from './offline-shipped-support.js';

// The file's languages ("languages": ["Kikuyu", "Swahili", "English"]) are languages the person
// speaks. Framed like any other short fact, "English" came out as "I'm English." (she is Kenyan).

describe('a language the file lists', () => {
  it('is said as one the person speaks, never as a nationality', async () => {
    for (const persona of [shipped('kenya-dairy-farmer'), factsOnly(shipped('kenya-dairy-farmer'))]) {
      const reply = await answer(persona, 'Do you speak English?');
      expect(reply).toContain('I speak English.');
      expect(reply).not.toMatch(/I'm English/);
    }
  });
});
