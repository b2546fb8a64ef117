import { describe, expect, it } from 'vitest';
import { emptySections } from '../../src/persona/enrich/empty-sections.js';
import { insertIntoJson } from '../../src/persona/enrich/insert-json.js';

// `personas enrich` must never change what the author wrote: these tests compare the original
// text byte for byte with the enriched text minus the inserted ranges.

function withoutEdits(text: string, edits: Array<{ offset: number; length: number; text: string }>): string {
  // Undo edits last to first: what remains must be the original bytes.
  let out = text;
  for (const edit of [...edits].reverse()) out = out.slice(0, edit.offset) + out.slice(edit.offset + edit.text.length);
  return out;
}

const AUTHORED = `{
    "name": "Zoë \\u00c9lise",
  "baseSelection": {"age": 41.0, "income": "€40k"},
  "generatedInsights": {
      "motivations": ["time back",   "control"],
      "painPoints": []
  },
  "customInputs": {},
  "psychographics": null
}
`;

describe('enrich fills only what is empty', () => {
  it('lists missing, null and empty sections, and never one the author wrote', () => {
    const paths = emptySections(JSON.parse(AUTHORED) as Record<string, unknown>).map((s) => s.path.join('.'));
    expect(paths).toContain('generatedInsights.painPoints');
    expect(paths).toContain('generatedInsights.objections');
    expect(paths).toContain('psychographics.values');
    expect(paths).toContain('customInputs.background');
    expect(paths).toContain('exampleDialogue');
    expect(paths).not.toContain('generatedInsights.motivations');
  });

  it('keeps every authored byte: spacing, escapes, number formats and key order', () => {
    const { text } = insertIntoJson(AUTHORED, [
      { path: ['generatedInsights', 'objections'], value: ['too pricey'] },
      { path: ['customInputs', 'background'], value: 'Runs a bakery.' },
      { path: ['psychographics', 'values'], value: ['family'] },
      { path: ['psychographics', 'interests'], value: ['chess'] },
      { path: ['exampleDialogue'], value: [{ user: 'Hi?', persona: 'Hello.' }] },
    ]);
    const parsed = JSON.parse(text) as {
      generatedInsights: Record<string, string[]>;
      customInputs: { background: string };
      psychographics: unknown;
      exampleDialogue: unknown;
    };
    expect(parsed.generatedInsights.objections).toEqual(['too pricey']);
    expect(parsed.generatedInsights.motivations).toEqual(['time back', 'control']);
    expect(parsed.customInputs.background).toBe('Runs a bakery.');
    expect(parsed.psychographics).toEqual({ values: ['family'], interests: ['chess'] });
    expect(parsed.exampleDialogue).toEqual([{ user: 'Hi?', persona: 'Hello.' }]);
    // Every authored substring is still there, byte for byte.
    for (const fragment of ['"name": "Zoë \\u00c9lise"', '{"age": 41.0, "income": "€40k"}', '["time back",   "control"]']) {
      expect(text).toContain(fragment);
    }
    expect(text.indexOf('"name"')).toBeLessThan(text.indexOf('"baseSelection"'));
  });

  it('an insert-only change: removing the inserted text gives back the original exactly', () => {
    const { text, edits } = insertIntoJson(AUTHORED, [
      { path: ['generatedInsights', 'objections'], value: ['a'] },
      { path: ['scenario'], value: 'A call.' },
    ]);
    expect(edits.every((e) => e.length === 0)).toBe(true);
    expect(withoutEdits(text, edits)).toBe(AUTHORED);
  });
});
