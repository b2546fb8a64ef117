import { describe, expect, it, vi } from 'vitest';
import { graphemeSegmenter, type GraphemeSegments } from '../../../src/ui/terminal-width/grapheme-segmenter.js';

// Ink's text helpers and our editor segment with graphemeSegmenter (the build swaps it in for
// their Intl.Segmenter). It must cut every text exactly where Intl.Segmenter cuts it.

const icu = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const ESC = '\x1b';

function segmentsOf(segments: GraphemeSegments | Intl.Segments) {
  return [...segments].map(({ segment, index, input }) => ({ segment, index, input }));
}

function expectSameAsIcu(text: string): void {
  const ours = graphemeSegmenter.segment(text);
  const theirs = icu.segment(text);
  expect(segmentsOf(ours), JSON.stringify(text)).toEqual(segmentsOf(theirs));
  for (const at of [-1, ...Array.from({ length: text.length + 1 }, (_, i) => i), undefined, Number.NaN, 0.7]) {
    const mine = ours.containing(at);
    const icuAt = theirs.containing(at);
    expect(mine && { segment: mine.segment, index: mine.index }, `${JSON.stringify(text)} at ${at}`).toEqual(
      icuAt && { segment: icuAt.segment, index: icuAt.index },
    );
  }
}

describe('graphemeSegmenter', () => {
  it('segments the text of a chat frame without creating an ICU segmenter', async () => {
    const Original = Intl.Segmenter;
    let created = 0;
    class Counting extends Original {
      constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
        super(...args);
        created++;
      }
    }
    Object.defineProperty(Intl, 'Segmenter', { value: Counting, configurable: true, writable: true });
    try {
      vi.resetModules();
      const { graphemeSegmenter: fresh } = await import('../../../src/ui/terminal-width/grapheme-segmenter.js');
      for (const text of [
        'Diane · CFO',
        `${ESC}[2m… 1,995 earlier messages not shown${ESC}[22m`,
        '│ ─── ╭╮ → ✓ 📊 “quoted” — café',
        '日本語と한국어',
      ]) {
        expect([...fresh.segment(text)].map((s) => s.segment).join('')).toBe(text);
      }
      expect(created).toBe(0);
      expect([...fresh.segment('e\u0301')].map((s) => s.segment)).toEqual(['e\u0301']);
      expect(created).toBe(1);
    } finally {
      Object.defineProperty(Intl, 'Segmenter', { value: Original, configurable: true, writable: true });
    }
  });

  it('cuts every pair of ASCII characters where Intl.Segmenter does, controls and CR LF included', () => {
    for (let a = 0; a < 0x80; a++) {
      for (let b = 0; b < 0x80; b++) {
        const text = String.fromCharCode(a, b);
        expect(segmentsOf(graphemeSegmenter.segment(text)), JSON.stringify(text)).toEqual(segmentsOf(icu.segment(text)));
      }
    }
  });

  it('cuts mixed text where Intl.Segmenter does, with the same `containing` answers', () => {
    const pieces = [
      'a',
      ' ',
      '\r',
      '\n',
      '\r\n',
      ESC,
      '[1m',
      '·',
      '…',
      'é',
      'e\u0301',
      '日',
      '📊',
      '👩‍💼',
      '🇯🇵',
      '👍🏽',
      '\u0483',
      'か\u3099',
      '\u200d',
      '─',
    ];
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    for (let run = 0; run < 400; run++) {
      let text = '';
      for (let length = next(8); length >= 0; length--) text += pieces[next(pieces.length)];
      expectSameAsIcu(text);
    }
    expectSameAsIcu('');
  });
});
