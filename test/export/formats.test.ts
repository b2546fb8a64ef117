import { describe, expect, it } from 'vitest';
import { formatForFile, formatUsd, renderTranscript, TRANSCRIPT_FORMATS } from '../../src/export/index.js';
import { summaryMessage } from '../../src/core/carried-summary.js';
import { ESC, HOSTILE_HTML_TEXT, sampleTranscript } from './helpers.js';

const C0_EXCEPT_NEWLINE_AND_TAB = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe('header totals', () => {
  it.each(TRANSCRIPT_FORMATS.filter((f) => f !== 'json'))('%s says "unknown" for an unknown cost, never $0.00', (format) => {
    const out = renderTranscript(sampleTranscript({ costUsd: null }), format);
    expect(out).toMatch(/Cost:?(<\/dt><dd>|\*\*)?\s*unknown/);
    expect(out).not.toContain('$0.00');
  });

  it.each(TRANSCRIPT_FORMATS.filter((f) => f !== 'json'))('%s shows the persona, provider, model, dates, count and totals', (format) => {
    const out = renderTranscript(sampleTranscript({ costUsd: 0.0123 }), format);
    for (const expected of [
      'Maria Lopez (maria-lopez)',
      'openai',
      'gpt-4o-mini',
      '2025-03-01 10:00 UTC',
      '2025-03-01 10:05 UTC',
      '1,234 in / 56 out',
      '$0.01',
      'Pricing interview',
    ]) {
      expect(out).toContain(expected);
    }
  });

  it('formats money without pretending an unknown or tiny cost is zero', () => {
    expect(formatUsd(null)).toBe('unknown');
    expect(formatUsd(0)).toBe('$0.00');
    expect(formatUsd(0.00001)).toBe('< $0.0001');
    expect(formatUsd(0.0042)).toBe('$0.0042');
    expect(formatUsd(12.345)).toBe('$12.35');
  });
});

describe('markdown', () => {
  const md = renderTranscript(sampleTranscript(), 'md');

  it('labels speakers and marks interrupted, failed, fallback and spoken messages', () => {
    expect(md).toContain('# Conversation with Maria Lopez');
    expect(md).toContain('**You** · 2025-03-01 10:01 UTC');
    expect(md).toContain('**Maria Lopez** · 2025-03-01 10:04 UTC · _interrupted_ · _answered offline (fallback)_');
    expect(md).toContain('_error: HTTP 500 from openai_');
    expect(md).toContain('· _spoken_');
    expect(md).toContain('_(no text)_');
  });

  it('strips terminal escape sequences but keeps the words', () => {
    expect(md).not.toContain(ESC);
    expect(md).not.toMatch(C0_EXCEPT_NEWLINE_AND_TAB);
    expect(md).toContain('Sure red done');
    expect(md).not.toContain('ZXZpbA==');
  });

  it('keeps message text as written and escapes markup in names', () => {
    expect(md).toContain(HOSTILE_HTML_TEXT);
    const starred = renderTranscript(sampleTranscript({ personaName: '*Bob* [x](http://e)' }), 'md');
    expect(starred).toContain('# Conversation with \\*Bob\\* \\[x\\](http://e)');
  });
});

describe('plain text', () => {
  const txt = renderTranscript(sampleTranscript(), 'txt');

  it('has no escape sequences or control characters left', () => {
    expect(txt).not.toContain(ESC);
    expect(txt).not.toMatch(C0_EXCEPT_NEWLINE_AND_TAB);
    expect(txt).toContain('Sure red done');
  });

  it('labels speakers and notes without markup', () => {
    expect(txt).toContain('Conversation with Maria Lopez\n=============================');
    expect(txt).toContain('You · 2025-03-01 10:03 UTC · spoken');
    expect(txt).toContain('Maria Lopez · 2025-03-01 10:05 UTC · error: HTTP 500 from openai\n(no text)');
    expect(txt).not.toContain('**');
  });
});

describe('html', () => {
  const html = renderTranscript(sampleTranscript({ personaName: 'Maria <b onclick=x()>' }), 'html');

  it('escapes every piece of content, so a <script> in a message is text', () => {
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b onclick');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Conversation with Maria &lt;b onclick=x()&gt;');
  });

  it('is one self-contained page: no scripts, no external resources, a CSP that forbids both', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const tags = new Set([...html.matchAll(/<\/?([a-z!][a-z0-9]*)/gi)].map((m) => m[1]!.toLowerCase()));
    const allowed = [
      '!doctype',
      'html',
      'head',
      'meta',
      'title',
      'style',
      'body',
      'main',
      'header',
      'h1',
      'dl',
      'dt',
      'dd',
      'ol',
      'li',
      'div',
      'span',
      'time',
      'p',
    ];
    expect([...tags].filter((tag) => !allowed.includes(tag))).toEqual([]);
    expect(html).not.toMatch(/<[^>]*\s(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('drops terminal escape sequences and marks message states', () => {
    expect(html).not.toContain(ESC);
    expect(html).toContain('Sure red done');
    expect(html).toContain('<span class="note">interrupted</span>');
    expect(html).toContain('<li class="user">');
    expect(html).toContain('<li class="persona">');
  });
});

describe('formatForFile', () => {
  it('maps file extensions to formats', () => {
    expect(formatForFile('out/Notes.MD')).toBe('md');
    expect(formatForFile('a.markdown')).toBe('md');
    expect(formatForFile('a.htm')).toBe('html');
    expect(formatForFile('a.json')).toBe('json');
    expect(formatForFile('a.txt')).toBe('txt');
    expect(formatForFile('a.pdf')).toBeUndefined();
    expect(formatForFile('README')).toBeUndefined();
  });
});

describe('a session continued from a summary', () => {
  it.each(['md', 'txt', 'html'] as const)('%s labels its opening as the carried-over summary, not as the user', (format) => {
    const transcript = sampleTranscript();
    const first = transcript.messages[0]!;
    transcript.messages[0] = { ...first, inputMode: 'script', content: summaryMessage('- You asked: How do you budget?', 'old-session') };
    const out = renderTranscript(transcript, format);
    expect(out).toContain('Summary carried over');
    // The user's own later messages are still theirs.
    expect(out).toContain('You');
    expect(out.indexOf('Summary carried over')).toBeLessThan(out.indexOf('You'));
  });
});
