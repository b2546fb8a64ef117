import { describe, expect, it } from 'vitest';
import { renderTranscript, type Transcript } from '../../src/export/index.js';
import { sampleTranscript } from './helpers.js';
import { disallowedTags, HOSTILE_MARKDOWN } from './html-safety.js';

// The HTML export as a whole: persona replies drawn from their Markdown, as in the chat; what the
// user typed shown exactly as typed; nothing in either able to add markup to the page.

const TABLE_REPLY = `Three options:

| Option | Monthly cost | Payback |
|---|---:|---|
| Keep | $0 | n/a |
| Switch | $1,200 | 8 months |

- cheapest: **Keep**
- fastest payback: *Switch*

> My CFO would ask about \`lock-in\`.`;

const USER_TEXT = 'Compare **three** options\n| in | a table |\n<script>alert(1)</script>';

function conversation(turns: Array<{ role: 'user' | 'persona'; content: string }>): Transcript {
  const base = sampleTranscript();
  const [userTemplate, personaTemplate] = base.messages;
  return {
    ...base,
    messages: turns.map((turn, i) => ({
      ...(turn.role === 'user' ? userTemplate! : personaTemplate!),
      id: `m${i + 1}`,
      seq: i + 1,
      content: turn.content,
    })),
  };
}

/** The message bodies only: the page's own head, header and list markup are checked elsewhere. */
function bodies(html: string, role: 'user' | 'persona'): string[] {
  const cls = role === 'user' ? 'content plain' : 'content markdown';
  return [...html.matchAll(new RegExp(`<div class="${cls}">([\\s\\S]*?)</div>\\n?</li>`, 'g'))].map((m) => m[1]!);
}

describe('html export of Markdown replies', () => {
  const html = renderTranscript(
    conversation([
      { role: 'user', content: USER_TEXT },
      { role: 'persona', content: TABLE_REPLY },
    ]),
    'html',
  );

  it('draws a persona reply table, list and quote as HTML', () => {
    expect(html.match(/<table/g)).toHaveLength(1);
    const [reply] = bodies(html, 'persona');
    expect(reply).toContain('<thead>\n<tr><th>Option</th><th class="align-right">Monthly cost</th><th>Payback</th></tr>\n</thead>');
    expect(reply).toContain('<tr><td>Switch</td><td class="align-right">$1,200</td><td>8 months</td></tr>');
    expect(reply).toContain('<li>cheapest: <strong>Keep</strong></li>');
    expect(reply).toContain('<blockquote>\n<p>My CFO would ask about <code>lock-in</code>.</p>\n</blockquote>');
    expect(reply).not.toContain('| Option |');
  });

  it('shows what the user typed as plain text, line breaks kept and markup escaped', () => {
    expect(bodies(html, 'user')).toEqual(['Compare **three** options\n| in | a table |\n&lt;script&gt;alert(1)&lt;/script&gt;']);
    expect(html).toContain('.plain { white-space: pre-wrap; }');
  });

  it('styles tables, code and quotes inline, for screen and for print, with no outside resources', () => {
    for (const selector of [
      '.markdown table',
      '.markdown th, .markdown td',
      '.markdown pre',
      '.markdown code',
      '.markdown blockquote',
      '@media print',
    ]) {
      expect(html).toContain(selector);
    }
    expect(html).not.toMatch(/url\(|@import|<link/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('keeps markup from hostile replies out of the page', () => {
    const page = renderTranscript(conversation(HOSTILE_MARKDOWN.map((content) => ({ role: 'persona' as const, content }))), 'html');
    const replies = bodies(page, 'persona');
    expect(replies).toHaveLength(HOSTILE_MARKDOWN.length);
    for (const reply of replies) expect(disallowedTags(reply)).toEqual([]);
    // And across the whole page, head included.
    expect(page).not.toMatch(/<(?:script|img|iframe|svg|object|embed|form|input|link|base)\b/i);
    expect(page).not.toMatch(/<[^>]*\s(?:on\w+|style|src)\s*=/i);
    expect(page).not.toMatch(/href="(?!https?:|mailto:)/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
