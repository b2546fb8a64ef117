import { describe, expect, it } from 'vitest';
import { classify } from '../../src/providers/offline/understand/index.js';
import { stem } from '../../src/providers/offline/understand/words.js';
import { answer, shipped } from './offline-shipped-support.js';

// A question's verb comes before its object: when a change verb and the thing changed score the
// same, the question is about the change ("switch software vendors" is not a question about software).
describe('the offline engine reads a change verb before its object', () => {
  it.each([
    'What would make you switch software vendors?',
    'Would you ever replace Excel?',
    'Have you ever switched apps because of the price?',
    'What would make you drop your current supplier?',
    // The thing switched from can outscore the verb ("tool" and "use"): the trigger frame decides.
    'What would make you switch from the tool you use now?',
  ])('"%s" is about switching', (question) => {
    expect(classify(question).intent).toBe('switching');
  });

  it('moving house or switching off after a shift is no switching of supplier', () => {
    expect(classify('What would make you move house?').intent).not.toBe('switching');
    expect(classify('Is it hard for you to switch off after a night shift?').score).toBeLessThan(2);
  });

  it('a question that names the thing first is still about the thing', () => {
    expect(classify('Which tools would you switch to?').intent).toBe('tools');
  });

  it('the CFO asked what would make her switch vendors does not describe the tools she has now', async () => {
    const cfo = shipped('cfo');
    const switching = await answer(cfo, 'What would make you switch software vendors?');
    const tools = await answer(cfo, 'What software do you use at work?');
    expect(switching).not.toBe(tools);
    expect(switching).not.toMatch(/40-tab workbook that exactly two people understand/);
  });

  it('asked what would make them switch from the tool they use now, no shipped persona lists its tools', async () => {
    for (const id of ['cfo', 'icu-nurse', 'kenya-dairy-farmer', 'genz-creator']) {
      const persona = shipped(id);
      const switching = await answer(persona, 'What would make you switch from the tool you use now?');
      const tools = await answer(persona, 'What tools do you use?');
      // Not the tools answer, nor its opening sentence inside a longer reply.
      expect(switching, id).not.toContain(tools.split(/(?<=[.!?])\s+/)[0]!);
    }
  });
});

// British spelling doubles the l ("cancelled", "travelling"): the same word as the cue "cancel".
describe('the offline engine reads a doubled l as the word it doubles', () => {
  it('stems cancelled, cancelling and travelled like cancel and travel, but keeps spell and yell', () => {
    expect(stem('cancelled')).toBe(stem('cancel'));
    expect(stem('cancelling')).toBe(stem('cancel'));
    expect(stem('travelled')).toBe(stem('travel'));
    expect(stem('spelled')).toBe(stem('spell'));
    expect(stem('yelled')).toBe('yell');
    // A one-syllable -ell word inside a longer one keeps both l's.
    for (const [word, base] of [
      ['reselling', 'resell'],
      ['bestselling', 'bestsell'],
      ['misspelled', 'misspell'],
      ['quelled', 'quell'],
    ]) {
      expect(stem(word!), word).toBe(stem(base!));
    }
  });

  it('"Have you ever cancelled a subscription?" asks about cancelling, and for the time it happened', async () => {
    const understood = classify('Have you ever cancelled a subscription?');
    expect(understood).toMatchObject({ kind: 'topic', intent: 'walk-away-triggers', aspect: 'what-happened' });
    // The retired engineer's story of the antivirus subscription he thought he had cancelled.
    expect(await answer(shipped('retired-engineer'), 'Have you ever cancelled a subscription?')).toMatch(/antivirus subscription/);
  });
});

// "your day" only places a question about the day when nothing more specific is asked.
describe('the offline engine reads the subject before "your day"', () => {
  it('"the biggest frustration in your day" is a frustration, "tell me about your day" the routine', () => {
    expect(classify("What's the biggest frustration in your day?").intent).toBe('frustrations');
    expect(classify('Tell me about your day.').intent).toBe('daily-routine');
  });
});
