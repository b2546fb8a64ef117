import { describe, expect, it } from 'vitest';
import { importCardBytes } from '../../src/persona/cards/import-card.js';
import { cardObject } from './card-builders.js';

const bytesOf = (card: unknown) => Buffer.from(JSON.stringify(card));
const withData = (patch: Record<string, unknown>) => {
  const card = cardObject(2);
  return bytesOf({ ...card, data: { ...(card.data as object), ...patch } });
};

describe('cards as tools write them', () => {
  it('accept "character_book": null', () => {
    const { persona } = importCardBytes(withData({ character_book: null }), '/c/a.json');
    expect(persona.name).toBe('Seraphina');
  });

  it('report CRLF line endings as what they are, not as control characters', () => {
    const { warnings } = importCardBytes(withData({ description: 'Line one.\r\nLine two.' }), '/c/a.json');
    expect(warnings.map((w) => w.message)).toContain('Windows (CRLF) or old Mac (CR) line endings changed to new lines');
    expect(warnings.some((w) => /control or invisible/.test(w.message))).toBe(false);
  });

  it('warn about a lorebook regex key it will skip, naming the entry', () => {
    const book = { entries: [{ keys: ['/(a)\\1/'], content: 'x', enabled: true, insertion_order: 0, use_regex: true, extensions: {} }] };
    const { warnings } = importCardBytes(withData({ character_book: book }), '/c/a.json');
    expect(warnings.find((w) => w.path === 'data.character_book.entries[0].keys')?.message).toMatch(/regex key .* skipped/);
  });

  it('clean key names of escape sequences and say so, naming the key', () => {
    const { persona, warnings } = importCardBytes(withData({ extensions: { 'x\u001b]52;c;aGk=\u0007y': 1 } }), '/c/a.json');
    expect(JSON.stringify(persona)).not.toContain('\u001b');
    expect(warnings.some((w) => w.path.includes('xy') && /key name/.test(w.message))).toBe(true);
  });
});
