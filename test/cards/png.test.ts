import { describe, expect, it } from 'vitest';
import { crc32 } from '../../src/persona/cards/crc32.js';
import { embedCardsInPng } from '../../src/persona/cards/card-png.js';
import { parseCardBytes } from '../../src/persona/cards/parse-card.js';
import { personaToCards } from '../../src/persona/cards/persona-to-card.js';
import { readPngChunks, readTextChunk } from '../../src/persona/cards/png-chunks.js';
import { base64Json, cardObject, pngWithText } from './card-builders.js';

describe('PNG chunks', () => {
  it('computes the standard CRC-32 check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.from('1234'), Buffer.from('56789'))).toBe(0xcbf43926);
  });

  it('reads back the text chunks it writes', () => {
    const read = readPngChunks(
      pngWithText([
        ['chara', 'abc'],
        ['Comment', 'hi'],
      ]),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'tEXt', 'tEXt', 'IEND']);
    expect(read.chunks.map(readTextChunk).filter(Boolean)).toEqual([
      { keyword: 'chara', text: 'abc' },
      { keyword: 'Comment', text: 'hi' },
    ]);
  });

  it('rejects a chunk whose CRC does not match, naming the chunk', () => {
    const png = pngWithText([['chara', base64Json(cardObject(2))]]);
    const at = png.indexOf(Buffer.from('tEXt')) + 10;
    png[at] = png[at]! ^ 0xff;
    const read = readPngChunks(png);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issue.message).toMatch(/"tEXt" .* bad CRC/);
    expect(() => parseCardBytes(png, '/cards/broken.png')).toThrow(/\/cards\/broken\.png: PNG chunk "tEXt" at byte \d+ has a bad CRC/);
  });

  it('rejects a truncated PNG', () => {
    const png = pngWithText([['chara', base64Json(cardObject(2))]]);
    expect(() => parseCardBytes(png.subarray(0, png.length - 20), '/cards/cut.png')).toThrow(/cut\.png: .*(truncated|runs past the end)/);
  });

  it('replaces card chunks the picture already had and writes both chara and ccv3', () => {
    const old = pngWithText([['chara', base64Json({ spec: 'chara_card_v2', data: { name: 'Old' } })]]);
    const cards = personaToCards('ana', { name: 'Ana Souza' });
    const png = embedCardsInPng(old, cards);
    const read = readPngChunks(png);
    if (!read.ok) throw new Error(read.issue.message);
    const texts = read.chunks.map(readTextChunk).filter((t) => t !== undefined);
    expect(texts.map((t) => t.keyword)).toEqual(['chara', 'ccv3']);
    expect(JSON.parse(Buffer.from(texts[0]!.text, 'base64').toString('utf8'))).toEqual(cards.v2);
    expect(JSON.parse(Buffer.from(texts[1]!.text, 'base64').toString('utf8'))).toEqual(cards.v3);
    expect(read.chunks.at(-1)!.type).toBe('IEND');
  });
});
