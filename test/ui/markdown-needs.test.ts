import { describe, expect, it } from 'vitest';
import { hasLanguageFence, mayBeMarkdown } from '../../src/ui/markdown/needs.js';

// A reopened transcript is drawn once: the Markdown parser and the grammars must be loaded first
// when (and only when) what is drawn needs them.

describe('what a drawn-once text needs loaded', () => {
  it('wants the Markdown parser for anything marked reads as more than a paragraph', () => {
    for (const text of [
      'It is **bold**',
      'a `code` span',
      '# Heading',
      '- item',
      '+ item',
      '1. first',
      '3) third',
      '> quote',
      'a | b',
      '[link](x)',
      'line\n===',
      '    indented code',
      '~~gone~~',
      'a\\*b',
      '<b>html</b>',
    ]) {
      expect(mayBeMarkdown(text), text).toBe(true);
    }
  });

  it('draws plain sentences without waiting for the parser', () => {
    expect(mayBeMarkdown('It depends on the contract terms, and on the team.')).toBe(false);
    expect(mayBeMarkdown('Costs rose 3.5% - roughly $40k.')).toBe(false);
  });

  it('wants the grammars only for a fence that names its language', () => {
    expect(hasLanguageFence('look:\n```python\nprint(1)\n```')).toBe(true);
    expect(hasLanguageFence('~~~ sql\nselect 1\n~~~')).toBe(true);
    expect(hasLanguageFence('```\ntotal = a + b\n```')).toBe(false);
    expect(hasLanguageFence('inline ```js``` is not a fence')).toBe(false);
  });
});
