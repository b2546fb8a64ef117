import { describe, expect, it } from 'vitest';
import { loadPersonas } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { buildSystemPrompt, estimateTokens } from '../../src/persona/prompt.js';
import { persona } from './fixtures.js';

describe('buildSystemPrompt', () => {
  const rich = persona({
    name: 'Diane Kowalczyk',
    baseSelection: {
      age: 56,
      gender: 'woman',
      occupation: 'Chief Financial Officer',
      industry: 'manufacturing',
      location: 'Dayton, Ohio',
      income: '$240k',
    },
    customInputs: {
      background: 'Came up through plant accounting.',
      quote: 'Show me the payback period.',
      goals: ['Cut close time to 5 days'],
    },
    psychographics: {
      personalityTraits: { openness: 0.3, conscientiousness: 0.9, extraversion: 0.3, agreeableness: 0.3, neuroticism: 0.4 },
      values: ['prudence'],
      mediaDiet: ['WSJ', 'CFO Dive'],
    },
    generatedInsights: {
      painPoints: ['Manual reconciliation eats two days a month'],
      objections: ['Another subscription?'],
      jobsToBeDone: { primary: 'close the books faster' },
    },
  });

  it('is deterministic and has the sections a strong model needs, in order', () => {
    const profile = buildChatProfile(rich.data);
    const a = buildSystemPrompt(rich, profile);
    expect(buildSystemPrompt(rich, profile)).toEqual(a);
    const order = [
      'You are Diane Kowalczyk',
      '## The conversation',
      '## Who you are',
      '## Your background',
      '## Personality and values',
      '## What you care about',
      '## Pain points and objections',
      '## Other things about you',
      '## How you speak',
      '## Example dialogue',
      '## Rules',
    ];
    const positions = order.map((h) => a.text.indexOf(h));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('carries the persona facts and the boundaries', () => {
    const { text } = buildSystemPrompt(rich, buildChatProfile(rich.data));
    expect(text).toContain(
      'You are Diane Kowalczyk (56 years old, woman), a Chief Financial Officer in manufacturing, living in Dayton, Ohio.',
    );
    expect(text).toContain('- Manual reconciliation eats two days a month');
    expect(text).toContain('- Another subscription?');
    expect(text).toContain('Never invent statistics');
    expect(text).toContain('("I don\'t know", "no idea")');
    expect(text).toContain('Stay Diane throughout');
  });

  it('renders unknown keys in a readable generic form', () => {
    const { text } = buildSystemPrompt(rich, buildChatProfile(rich.data));
    expect(text).toContain('- Media diet: WSJ; CFO Dive');
    expect(text).toContain('- Jobs to be done:\n  Primary: close the books faster');
  });

  it('reflects the chat profile in the speaking rules', () => {
    const base = buildChatProfile(rich.data);
    const terse = buildSystemPrompt(rich, { ...base, verbosity: 'terse', emojiUse: 'none' }).text;
    const chatty = buildSystemPrompt(rich, { ...base, verbosity: 'expansive', emojiUse: 'frequent' }).text;
    expect(terse).toContain('one to two sentences');
    expect(terse).toContain('never use emoji');
    expect(chatty).toContain('full answers with stories');
    expect(chatty).toContain('use emoji naturally');
  });

  it('works for a persona with only a name', () => {
    const minimal = persona({ name: 'Sam' });
    const { text, tokens } = buildSystemPrompt(minimal, buildChatProfile(minimal.data));
    expect(text.startsWith('You are Sam.')).toBe(true);
    expect(text).not.toContain('## Pain points');
    expect(tokens).toBe(estimateTokens(text));
  });

  it('gives every shipped persona a visibly different profile and prompt', () => {
    const shipped = loadPersonas({ userDir: null }).personas.filter((p) => p.origin === 'shipped');
    expect(shipped.length).toBeGreaterThanOrEqual(8);
    const profiles = shipped.map((p) => JSON.stringify(buildChatProfile(p.data)));
    const prompts = shipped.map((p) => buildSystemPrompt(p, buildChatProfile(p.data)).text);
    expect(new Set(profiles).size).toBe(shipped.length);
    expect(new Set(prompts).size).toBe(shipped.length);
    const verbosities = new Set(shipped.map((p) => buildChatProfile(p.data).verbosity));
    const emoji = new Set(shipped.map((p) => buildChatProfile(p.data).emojiUse));
    expect(verbosities.size).toBeGreaterThanOrEqual(3);
    expect(emoji.size).toBeGreaterThanOrEqual(2);
  });
});
