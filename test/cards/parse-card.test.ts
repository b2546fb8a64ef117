import { describe, expect, it } from 'vitest';
import { MAX_CARD_FILE_BYTES, parseCardBytes } from '../../src/persona/cards/parse-card.js';
import { base64Json, cardJson, cardObject, cardPng, pngWithText } from './card-builders.js';

const FILE = '/cards/seraphina.card';
const json = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');

describe('reading card files', () => {
  it.each([1, 2, 3] as const)('recognises a V%i card as JSON and as PNG', (version) => {
    const spec = `chara_card_v${version}`;
    for (const bytes of [cardJson(version), cardPng(version)]) {
      const { card } = parseCardBytes(bytes, FILE);
      expect(card.spec).toBe(spec);
      expect(card.data.name).toBe('Seraphina');
    }
  });

  it('prefers the ccv3 chunk when a PNG has both', () => {
    const png = pngWithText([
      ['chara', base64Json({ ...cardObject(2), data: { ...(cardObject(2).data as object), name: 'From chara' } })],
      ['ccv3', base64Json(cardObject(3))],
    ]);
    const { card, container } = parseCardBytes(png, FILE);
    expect(card.spec).toBe('chara_card_v3');
    expect(card.data.name).toBe('Seraphina');
    expect(container).toBe('PNG tEXt "ccv3"');
  });

  it('drops the V1 mirror a V2 writer adds at the top level, and keeps other top-level keys', () => {
    const v2 = cardObject(2);
    const data = v2.data as Record<string, unknown>;
    const { card } = parseCardBytes(
      json({ ...v2, name: data.name, first_mes: data.first_mes, description: 'a different top-level text' }),
      FILE,
    );
    expect(card.topLevel).toEqual({ topLevelExtra: 'kept too', description: 'a different top-level text' });
  });

  it.each([
    ['a JSON list', json([1, 2]), /seraphina\.card: not a character card: expected a JSON object/],
    ['an object with no card fields', json({ hello: 'world' }), /not a character card: no "spec"/],
    [
      'a persona file',
      json({ name: 'Ana', baseSelection: { age: 3 } }),
      /this is a persona file, not a character card \(copy it into your persona folder/,
    ],
    ['an unknown spec', json({ spec: 'chara_card_v9', data: {} }), /spec: unsupported card spec "chara_card_v9"/],
    ['a V2 card without data', json({ spec: 'chara_card_v2' }), /data: a chara_card_v2 card needs a "data" object/],
    ['a card without a name', json({ spec: 'chara_card_v2', data: { description: 'x' } }), /data\.name: the card has no name/],
    [
      'a first_mes that is not text',
      json({ spec: 'chara_card_v2', data: { name: 'A', first_mes: 3 } }),
      /data\.first_mes: expected text, found number/,
    ],
    [
      'alternate greetings that are not texts',
      json({ spec: 'chara_card_v2', data: { name: 'A', alternate_greetings: [1] } }),
      /alternate_greetings: expected a list of texts/,
    ],
    ['broken JSON', Buffer.from('{"name": "A",', 'utf8'), /seraphina\.card: invalid JSON at line 1/],
    ['binary that is not a PNG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00]), /not a character card: neither a PNG nor UTF-8 JSON/],
    [
      'a PNG without a card chunk',
      pngWithText([['Comment', 'just a picture']]),
      /PNG has no character card in it \(no "chara" or "ccv3" tEXt chunk\)/,
    ],
    ['broken base64', pngWithText([['chara', 'not*base64!']]), /tEXt "chara": the card text is not valid base64/],
    [
      'base64 of bytes that are not UTF-8',
      pngWithText([['chara', Buffer.from([0xc3, 0x28, 0xa0]).toString('base64')]]),
      /tEXt "chara": the card text is not UTF-8/,
    ],
    ['base64 of text that is not JSON', pngWithText([['ccv3', Buffer.from('hello').toString('base64')]]), /tEXt "ccv3": invalid JSON/],
  ])('rejects %s with an error naming the file', (_label, bytes, message) => {
    expect(() => parseCardBytes(bytes, FILE)).toThrow(message);
    expect(() => parseCardBytes(bytes, FILE)).toThrow(/^\/cards\/seraphina\.card/);
  });

  it('rejects an oversized file before looking inside it', () => {
    const big = Buffer.alloc(MAX_CARD_FILE_BYTES + 1, 0x20);
    expect(() => parseCardBytes(big, FILE)).toThrow(/seraphina\.card: file is 20\.0 MB; the limit for a card is 20 MB/);
  });

  it('rejects card JSON too large to become a persona file', () => {
    const huge = json({ spec: 'chara_card_v2', data: { name: 'A', description: 'x'.repeat(1024 * 1024) } });
    expect(() => parseCardBytes(huge, FILE)).toThrow(/the card's JSON is 1\.0 MB; a persona file can hold at most 1 MB/);
  });

  it('removes terminal escape sequences from card text, with a warning', () => {
    const { card, warnings } = parseCardBytes(
      json({ spec: 'chara_card_v2', data: { name: 'A', description: 'hi\u001b]52;c;bad\u0007 there' } }),
      FILE,
    );
    expect(card.data.description).toBe('hi there');
    expect(warnings.map((w) => w.path)).toEqual(['data.description']);
  });
});
