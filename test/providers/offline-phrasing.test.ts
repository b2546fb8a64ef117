import { describe, expect, it } from 'vitest';
import { toFirstPerson } from '../../src/providers/offline/first-person.js';
import { detectIntent } from '../../src/providers/offline/intents.js';
import { applyRegister } from '../../src/providers/offline/style.js';
import { lowerFirst } from '../../src/providers/offline/text.js';

// The pieces that keep offline replies grammatical: persona facts written about the person become
// first-person speech, names keep their capitals, and questions are read for what they ask.

describe('toFirstPerson', () => {
  it.each([
    ['Manual reconciliation eats two days a month', 'clause', 'manual reconciliation eats two days a month'],
    ['Wants fewer meetings', 'clause', 'I want fewer meetings'],
    [
      'Researches for months, asks peers for references, and needs approval',
      'clause',
      'I research for months, ask peers for references, and need approval',
    ],
    [
      'Works from a tiny flat, films at golden hour, lives on iced coffee',
      'clause',
      'I work from a tiny flat, film at golden hour, live on iced coffee',
    ],
    ['Buys tools, apps and courses', 'clause', 'I buy tools, apps and courses'],
    ['Concerned about data privacy', 'clause', "I'm concerned about data privacy"],
    ['Too expensive for small teams', 'clause', "it's too expensive for small teams"],
    ["Doesn't trust new vendors", 'clause', "I don't trust new vendors"],
    ["Doesn't integrate with SAP", 'clause', "it doesn't integrate with SAP"],
    ['Not sure it is worth it', 'clause', "I'm not sure it is worth it"],
    ['Reduce churn by 10%', 'action', 'reduce churn by 10%'],
    ['Saving time', 'phrase', 'saving time'],
    ['Lack of integration between tools', 'phrase', 'the lack of integration between tools'],
    ['Legacy ERP that nobody wants to touch', 'loose', 'legacy ERP that nobody wants to touch'],
    ['CFO peer groups', 'phrase', 'CFO peer groups'],
  ])('%s -> %s "%s"', (fact, form, text) => {
    expect(toFirstPerson(fact)).toEqual({ form, text });
  });

  it('speaks of itself where the file uses its name or a pronoun', () => {
    expect(toFirstPerson('Margaret spent 15 years in audit', ['Margaret Lindqvist', 'Margaret']).text).toBe('I spent 15 years in audit');
    expect(toFirstPerson('She has run finance for eight years').text).toBe('I have run finance for eight years');
    expect(toFirstPerson('He really wants his team to grow').text).toBe('I really want my team to grow');
    expect(toFirstPerson("Margaret's team is small", ['Margaret']).text).toBe('my team is small');
  });
});

describe('lowerFirst', () => {
  it('lower-cases ordinary words but keeps names, acronyms and titles', () => {
    expect(lowerFirst('Editing takes forever')).toBe('editing takes forever');
    expect(lowerFirst('CFO peer groups')).toBe('CFO peer groups');
    expect(lowerFirst('QuickBooks exports')).toBe('QuickBooks exports');
    expect(lowerFirst('LinkedIn posts')).toBe('LinkedIn posts');
    expect(lowerFirst('K-dramas')).toBe('K-dramas');
    expect(lowerFirst('The Wall Street Journal')).toBe('The Wall Street Journal');
    expect(lowerFirst("I'm busy")).toBe("I'm busy");
  });
});

describe('applyRegister', () => {
  it('spells contractions out for formal speakers and contracts for casual ones', () => {
    expect(applyRegister("I'm sure it's fine, but I can't and won't.", 'formal')).toBe('I am sure it is fine, but I cannot and will not.');
    expect(applyRegister('I am sure it is fine. That is what it is.', 'casual')).toBe("I'm sure it's fine. That's what it is.");
  });
});

describe('detectIntent', () => {
  it.each([
    ['Hi there!', 'greeting'],
    ['Tell me about yourself', 'introduction'],
    ['What do you do for a living?', 'life'],
    ['How much would you pay for it?', 'price'],
    ["What's your biggest frustration?", 'complaint'],
    ['What are your goals for next year?', 'goals'],
    ['What do you value most?', 'values'],
    ['How do you decide which vendor to choose?', 'decision'],
    ['Where do you hear about new products?', 'channels'],
    ['We built an app that tracks invoices. Would you use it?', 'pitch'],
    ['What do you think of remote work?', 'opinion'],
    ['Do you have kids?', 'yesno'],
    ['Thanks a lot', 'thanks'],
    ['Ok bye', 'goodbye'],
    ['Why?', 'followup'],
    ['Quantum chromodynamics', 'topic'],
  ])('%s -> %s', (text, intent) => {
    expect(detectIntent(text).primary).toBe(intent);
  });

  it('notices a greeting riding along with a question, and echoes the topic from the persona side', () => {
    expect(detectIntent('Hey! How much would you pay?')).toMatchObject({ primary: 'price', greeted: true });
    expect(detectIntent('What do you think about your boss?').topic).toBe('my boss');
  });
});
