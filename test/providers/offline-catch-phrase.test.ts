import { describe, expect, it } from 'vitest';
import { withCatchPhrase } from '../../src/providers/offline/realize/catch-phrase.js';

// A catch-phrase goes where people say it: a lead-in before the point, a tag after it.
describe('where a catch-phrase goes in a reply', () => {
  const reply = ['If it saves me an hour a week, maybe $10 a month.', 'Above that it has to replace something.'];

  it('a lead-in that ends mid-sentence runs into the first sentence, its capital lowered', () => {
    expect(withCatchPhrase(reply, 'no because literally')).toEqual([
      'no because literally if it saves me an hour a week, maybe $10 a month.',
      'Above that it has to replace something.',
    ]);
  });

  it('a lead-in keeps "I" as written', () => {
    expect(withCatchPhrase(["I'd pay monthly, never yearly."], 'honestly like')).toEqual(["honestly like I'd pay monthly, never yearly."]);
  });

  it('a lead-in is left out rather than lower a name: "no because literally epicor" would be wrong', () => {
    expect(withCatchPhrase(['Epicor is the system of record.'], 'no because literally')).toBeUndefined();
  });

  it('a whole phrase is its own sentence before the answer', () => {
    expect(withCatchPhrase(reply, 'okay but hear me out')?.[0]).toBe('okay but hear me out.');
    expect(withCatchPhrase(reply, 'Numbers first, stories second.')).toEqual(['Numbers first, stories second.', ...reply]);
  });

  it('a motto of a whole sentence closes the answer', () => {
    const motto = 'Show me it works on my phone with bad network, and that my money lands the same day.';
    expect(withCatchPhrase(reply, motto)).toEqual([...reply, motto]);
  });

  it('a lead-in that opens like a tag ("yeah no…") is still a lead-in', () => {
    expect(withCatchPhrase(reply, 'yeah no because literally')?.[0]).toMatch(/^yeah no because literally if it saves/);
  });

  it('a tag asking for agreement goes after the point', () => {
    expect(withCatchPhrase(reply, 'you know?')).toEqual([...reply, 'you know?']);
    expect(withCatchPhrase(reply, 'right')).toEqual([...reply, 'right?']);
  });

  it('nothing to attach it to, or an empty phrase: nothing', () => {
    expect(withCatchPhrase([], 'that is so real')).toBeUndefined();
    expect(withCatchPhrase(reply, '  ')).toBeUndefined();
  });
});
