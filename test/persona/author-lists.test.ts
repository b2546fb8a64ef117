import { describe, expect, it } from 'vitest';
import { composePersona } from '../../src/persona/author.js';

describe('composePersona list answers', () => {
  it('splits on commas and on semicolons, trimming and dropping empty items', () => {
    const { persona } = composePersona({ name: 'Ana Souza', values: 'family, hard work', interests: 'samba; cooking,, ; football' });
    const p = persona as unknown as { psychographics: { values: string[]; interests: string[] } };
    expect(p.psychographics.values).toEqual(['family', 'hard work']);
    expect(p.psychographics.interests).toEqual(['samba', 'cooking', 'football']);
  });
});
