import { describe, expect, it } from 'vitest';
import { framedParts } from '../../src/providers/delta-parts.js';
import { chunk, completionMeta, contentChunkFrame } from '../../src/server/openai-wire.js';

// Streamed content frames are built from a template once per reply (src/server/openai-wire.ts) and
// a reply's words framed in one go (framedParts): they must be the very bytes JSON.stringify gives
// for each word's chunk object.

const texts = [
  'Hello ',
  '',
  'quote " and \\ backslash',
  'line\nbreak\ttab',
  '\u0000 nul',
  'emoji 😅 and “curly”',
  '</script>',
  'lone \ud800 half',
];

describe('contentChunkFrame', () => {
  const models = ['cfo', 'cfo@openai/gpt-4o-mini', '\u0000', 'odd "name" \u0000 with \\ marks'];

  for (const model of models) {
    for (const withUsage of [false, true]) {
      it(`is the event of JSON.stringify of the chunk (model ${JSON.stringify(model)}, usage ${withUsage})`, () => {
        const meta = { ...completionMeta(model) };
        const { open, close } = contentChunkFrame(meta, withUsage);
        for (const text of texts) {
          const frame = framedParts({ text }, open, close);
          expect(frame).toBe(`data: ${JSON.stringify(chunk(meta, { content: text }, null, withUsage))}\n\n`);
          expect(JSON.parse(frame.slice('data: '.length)).choices[0].delta.content).toBe(text);
        }
      });
    }
  }
});

describe('framedParts', () => {
  const open = 'event: delta\ndata: {"text":';
  const close = '}\n\n';
  const oneByOne = (parts: readonly string[]) => parts.map((p) => `${open}${JSON.stringify(p)}${close}`).join('');

  it('frames each piece of a delta as JSON.stringify would, whether or not its text needs escaping', () => {
    const replies = [
      ['Payback ', 'inside ', 'eighteen ', 'months.'],
      ['He said ', '"no" ', 'twice.'],
      ['a\\b ', 'tab\t ', 'done'],
      ['emoji ', '😅 ', 'fine'],
      ['lone ', '\udc00 ', 'half'],
      ['one'],
    ];
    for (const parts of replies) {
      const text = parts.join('');
      expect(framedParts({ text, parts }, open, close)).toBe(oneByOne(parts));
      // Each frame parses back to its piece.
      const frames = framedParts({ text, parts }, open, close).split('\n\n').filter(Boolean);
      expect(frames.map((f) => JSON.parse(f.slice(f.indexOf('{'))).text)).toEqual(parts);
    }
    expect(framedParts({ text: 'just text' }, open, close)).toBe(oneByOne(['just text']));
  });

  it('stringifies piece by piece when the pieces are not the text (a provider that broke the rule)', () => {
    const parts = ['a "quoted" ', 'word'];
    expect(framedParts({ text: 'plain', parts }, open, close)).toBe(oneByOne(parts));
  });
});
