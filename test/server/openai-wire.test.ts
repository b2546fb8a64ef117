import { describe, expect, it } from 'vitest';
import { chunk, completionMeta, contentChunkFrame } from '../../src/server/openai-wire.js';

// Streamed content frames are built from a template once per reply (src/server/openai-wire.ts):
// they must be the very bytes JSON.stringify gives for the chunk object.

describe('contentChunkFrame', () => {
  const texts = ['Hello ', '', 'quote " and \\ backslash', 'line\nbreak\ttab', '\u0000 nul', 'emoji 😅 and “curly”', '</script>'];
  const models = ['cfo', 'cfo@openai/gpt-4o-mini', '\u0000', 'odd "name" \u0000 with \\ marks'];

  for (const model of models) {
    for (const withUsage of [false, true]) {
      it(`is the event of JSON.stringify of the chunk (model ${JSON.stringify(model)}, usage ${withUsage})`, () => {
        const meta = { ...completionMeta(model) };
        const frame = contentChunkFrame(meta, withUsage);
        for (const text of texts) {
          expect(frame(text)).toBe(`data: ${JSON.stringify(chunk(meta, { content: text }, null, withUsage))}\n\n`);
          expect(JSON.parse(frame(text).slice('data: '.length)).choices[0].delta.content).toBe(text);
        }
      });
    }
  }
});
