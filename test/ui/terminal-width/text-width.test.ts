import { describe, expect, it } from 'vitest';
import { fitWidth, padToWidth, textWidth, wrapLine } from '../../../src/ui/terminal-width/text-width.js';

describe('text width helpers', () => {
  it('measures columns, not UTF-16 units', () => {
    expect(textWidth('日本語')).toBe(6);
    expect(textWidth('👍🏽 ok')).toBe(5);
    expect(textWidth('e\u0301')).toBe(1);
  });

  it('cuts to a column budget without splitting a cluster', () => {
    expect(fitWidth('日本語のテキスト', 7)).toBe('日本語…');
    expect(textWidth(fitWidth('日本語のテキスト', 7))).toBeLessThanOrEqual(7);
    expect(fitWidth('👍🏽👍🏽👍🏽', 5)).toBe('👍🏽👍🏽…');
    expect(fitWidth('short', 10)).toBe('short');
  });

  it('pads to a column width', () => {
    expect(padToWidth('日本', 6)).toBe('日本  ');
    expect(padToWidth('toolong', 3)).toBe('toolong');
  });

  it('breaks long words between clusters and keeps every line within the width', () => {
    const lines = wrapLine('漢字漢字漢字 👩‍💼👩‍💼👩‍💼 cafe\u0301cafe\u0301', 5);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(5);
    expect(lines.join('').replace(/\s/g, '')).toBe('漢字漢字漢字👩‍💼👩‍💼👩‍💼cafe\u0301cafe\u0301');
    expect(lines).toContain('👩‍💼👩‍💼');
  });
});
