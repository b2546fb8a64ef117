import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPersonaFile } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { buildSystemPrompt } from '../../src/persona/prompt.js';
import { tempDir } from '../support/temp.js';

// Files as people have them: a web-app export with its own computed chatProfile keys, extra
// fields with records and booleans, nulls, and the instruction fields.

function load(data: Record<string, unknown>) {
  const file = join(tempDir(), 'p.json');
  writeFileSync(file, JSON.stringify({ name: 'Marit Olsen', ...data }));
  return loadPersonaFile(file);
}
const promptOf = (data: Record<string, unknown>) => {
  const { persona } = load(data);
  return buildSystemPrompt(persona, buildChatProfile(persona.data));
};

describe('loading persona files as people write them', () => {
  it('loads unknown chatProfile keys with a warning naming them, and gives them to the model as written', () => {
    const { persona, warnings } = load({ chatProfile: { language: 'de', toneNotes: 'dry', formality: 0.4 } });
    const notice = warnings.find((w) => w.path === 'chatProfile');
    expect(notice?.message).toContain('"language", "toneNotes"');
    const { text } = buildSystemPrompt(persona, buildChatProfile(persona.data));
    expect(text).toContain('- Language: de');
    expect(text).toContain('- Tone notes: dry');
  });

  it('applies an unknown chatProfile key that plainly means a known one (emojiUsage: never)', () => {
    const { persona } = load({
      baseSelection: { age: 19 },
      psychographics: { personalityTraits: { extraversion: 0.95 } },
      chatProfile: { emojiUsage: 'never' },
    });
    expect(buildChatProfile(persona.data).emojiUse).toBe('none');
  });

  it('reads null as "not given" on known keys, and still refuses wrong types, empty names and huge files', () => {
    const { persona } = load({ baseSelection: { age: null, occupation: 'Nurse' }, customInputs: null, chatProfile: { greeting: null } });
    expect(persona.data.baseSelection).toEqual({ occupation: 'Nurse' });
    expect(() => load({ baseSelection: { age: 'x', income: ['a'] } })).toThrow(/baseSelection\.income/);
    expect(() => load({ name: '  ' })).toThrow(/a persona needs a name/);
    expect(() => load({ chatProfile: { formality: 'high' } })).toThrow(/chatProfile\.formality/);
    expect(() => load({ notes: 'x'.repeat(1024 * 1024) })).toThrow(/limit is 1 MB/);
  });

  it('renders extra fields with their structure: records stay records, booleans read yes/no, acronyms keep capitals', () => {
    const { text } = promptOf({
      baseSelection: {
        children: [
          { name: 'Solveig', age: 9 },
          { name: 'Eirik', age: 6 },
        ],
      },
      pastJobs: [{ company: 'Acme', years: 3 }],
      ownsCar: true,
      hasPets: false,
      lastNPSScore: 7,
      'Favourite Brands': ['IKEA', 'Patagonia'],
      pensionPlan: null,
    });
    expect(text).toContain('- Children:\n  - Name: Solveig\n    Age: 9\n  - Name: Eirik\n    Age: 6');
    expect(text).toContain('- Past jobs:\n  - Company: Acme\n    Years: 3');
    expect(text).toContain('- Owns car: yes');
    expect(text).toContain('- Has pets: no');
    expect(text).toContain('- Last NPS score: 7');
    expect(text).toContain('- Favourite Brands: IKEA; Patagonia');
    expect(text).toContain('- Pension plan: not given');
  });

  it('uses the instruction fields as instructions, never as facts', () => {
    const { text, postHistory } = promptOf({
      scenario: 'You are at a trade fair stand; the interviewer sells software.',
      exampleDialogue: [{ user: 'How is business?', persona: 'Slow since the bridge closed.', intent: 'work' }],
      stories: [{ about: 'the bridge', text: 'When the bridge closed in March, half my customers stopped coming.' }],
      doNotMention: ['her divorce'],
      postHistoryInstructions: 'Mention the bridge only once.',
    });
    expect(text).toContain('## The conversation\nYou are at a trade fair stand');
    expect(text).toContain('## Example dialogue');
    expect(text).toContain('Interviewer: How is business?\nMarit: Slow since the bridge closed.');
    expect(text).toContain('## Stories you tell');
    expect(text).toContain('## Never bring up');
    expect(text).not.toContain('## Other things about you');
    expect(text).not.toMatch(/- Scenario:|- Example dialogue:|- Do not mention:/);
    expect(postHistory).toMatch(/^\(Reminder: you are Marit\./);
    expect(postHistory).toContain('Mention the bridge only once.');
  });

  it('gives a file without example dialogue a short sample of its register from the quote', () => {
    const { text } = promptOf({ customInputs: { quote: 'Cheap is expensive in the end.' } });
    expect(text).toContain("Interviewer: So what's your honest take?\nMarit: Cheap is expensive in the end.");
  });
});
