import { describe, expect, it } from 'vitest';
import { ReplyAssembler } from '../../src/ui/chat/reply-assembler.js';

const roomy = { maxLiveLines: 100, width: 80 };

function feed(assembler: ReplyAssembler, text: string, chunk = 3) {
  const pieces = [];
  for (let i = 0; i < text.length; i += chunk) pieces.push(...assembler.push(text.slice(i, i + chunk)));
  return pieces;
}

describe('ReplyAssembler', () => {
  it('finishes a paragraph once the next one starts, and keeps the rest live', () => {
    const a = new ReplyAssembler(roomy);
    const pieces = feed(a, 'First paragraph.\n\nSecond one is still');
    expect(pieces).toEqual([{ text: 'First paragraph.', continues: false }]);
    expect(a.live).toBe('Second one is still');
    expect(a.finish()).toEqual({ text: 'Second one is still', continues: false });
  });

  it('never splits inside a code block, even at blank lines', () => {
    const a = new ReplyAssembler(roomy);
    const pieces = feed(a, 'Intro.\n\n```js\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter.');
    expect(pieces.map((p) => p.text)).toEqual(['Intro.', '```js\nconst a = 1;\n\nconst b = 2;\n```']);
    expect(a.finish()!.text).toBe('After.');
  });

  it('does not split before an indented line (a list item continuing)', () => {
    const a = new ReplyAssembler(roomy);
    expect(feed(a, '- item\n\n  more of the item\n')).toEqual([]);
  });

  it('cuts an over-long code block at a line break, closing and reopening the fence', () => {
    const a = new ReplyAssembler({ maxLiveLines: 4, width: 80 });
    const code = Array.from({ length: 8 }, (_, i) => `line ${i}`).join('\n');
    const pieces = feed(a, `\`\`\`py\n${code}\n`);
    expect(pieces.length).toBeGreaterThan(0);
    for (const p of pieces) {
      expect(p.text.startsWith('```py\n')).toBe(true);
      expect(p.text.endsWith('\n```')).toBe(true);
    }
    expect(pieces[0]!.continues).toBe(false);
    expect(pieces[1]?.continues).toBe(true);
    expect(a.live.startsWith('```py\n')).toBe(true);
    const all = [...pieces.map((p) => p.text), a.finish()!.text].join('\n');
    for (let i = 0; i < 8; i++) expect(all).toContain(`line ${i}`);
  });

  it('keeps the live tail within its line budget even for one endless paragraph', () => {
    const a = new ReplyAssembler({ maxLiveLines: 3, width: 20 });
    feed(a, 'word '.repeat(200), 7);
    const lines = a.live.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 20)), 0);
    expect(lines).toBeLessThanOrEqual(3);
  });

  it('removes an escape sequence split across two deltas', () => {
    const a = new ReplyAssembler(roomy);
    a.push('safe \x1b]52;c;');
    a.push('ZXZpbA==\x07text');
    expect(a.live).toBe('safe text');
  });
});
