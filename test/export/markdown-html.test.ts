import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/export/markdown-html.js';
import { safeLinkHref } from '../../src/export/safe-link.js';
import { disallowedTags, HOSTILE_MARKDOWN } from './html-safety.js';

const COMPARISON = `Here are the three options:

| Option | Monthly cost | Payback |
|:-------|-------------:|:-------:|
| **Keep** the old tool | $0 | n/a |
| Switch to \`Acme\` | $1,200 | 8 months |
| Build in-house | $4,000 | 2 years |

I would *probably* switch.`;

describe('markdownToHtml: what a reply looks like', () => {
  it('renders a table with a header row, aligned cells and inline markup inside cells', () => {
    const html = markdownToHtml(COMPARISON);
    expect(html).toContain(
      '<div class="table">\n<table>\n<thead>\n<tr><th>Option</th><th class="align-right">Monthly cost</th><th class="align-center">Payback</th></tr>\n</thead>',
    );
    expect(html).toContain(
      '<tr><td><strong>Keep</strong> the old tool</td><td class="align-right">$0</td><td class="align-center">n/a</td></tr>',
    );
    expect(html).toContain('<td>Switch to <code>Acme</code></td>');
    expect(html.match(/<tr>/g)).toHaveLength(4);
    expect(html).toContain('<p>Here are the three options:</p>');
    expect(html).toContain('<p>I would <em>probably</em> switch.</p>');
    expect(html).not.toContain('|');
  });

  it('renders emphasis, strikethrough, inline code and line breaks inside a paragraph', () => {
    expect(markdownToHtml('**bold** and _it_ and ~~gone~~ and `a < b`')).toBe(
      '<p><strong>bold</strong> and <em>it</em> and <del>gone</del> and <code>a &lt; b</code></p>',
    );
    // A single newline stays a line break, as the chat shows it.
    expect(markdownToHtml('first line\nsecond line')).toBe('<p>first line<br>\nsecond line</p>');
    expect(markdownToHtml('two spaces  \nbreak')).toBe('<p>two spaces<br>break</p>');
  });

  it('renders bulleted, numbered, nested and task lists', () => {
    expect(markdownToHtml('- one\n- two\n  1. nested')).toBe('<ul>\n<li>one</li>\n<li>two\n<ol>\n<li>nested</li>\n</ol></li>\n</ul>');
    expect(markdownToHtml('3. third\n4. fourth')).toBe('<ol start="3">\n<li>third</li>\n<li>fourth</li>\n</ol>');
    expect(markdownToHtml('- [x] done\n- [ ] open')).toBe('<ul>\n<li>☑ \ndone</li>\n<li>☐ \nopen</li>\n</ul>');
    expect(markdownToHtml('- loose\n\n- items')).toBe('<ul>\n<li><p>loose</p></li>\n<li><p>items</p></li>\n</ul>');
  });

  it('renders code blocks with their text escaped and unchanged', () => {
    expect(markdownToHtml('```ts\nif (a < b && c) {\n  return "x";\n}\n```')).toBe(
      '<pre><code>if (a &lt; b &amp;&amp; c) {\n  return &quot;x&quot;;\n}</code></pre>',
    );
    expect(markdownToHtml('text\n\n    indented code')).toBe('<p>text</p>\n<pre><code>indented code</code></pre>');
  });

  it('renders blockquotes, headings below the page title, and rules', () => {
    expect(markdownToHtml('> quoted **word**\n>\n> > nested')).toBe(
      '<blockquote>\n<p>quoted <strong>word</strong></p>\n<blockquote>\n<p>nested</p>\n</blockquote>\n</blockquote>',
    );
    expect(markdownToHtml('# Top\n\n## Next\n\n###### Deepest')).toBe('<h2>Top</h2>\n<h3>Next</h3>\n<h6>Deepest</h6>');
    expect(markdownToHtml('above\n\n---\n\nbelow')).toBe('<p>above</p>\n<hr>\n<p>below</p>');
  });

  it('makes web and mail links clickable, including bare addresses and reference links', () => {
    expect(markdownToHtml('[docs](https://example.com/a?b=1&c=2)')).toBe(
      '<p><a href="https://example.com/a?b=1&amp;c=2" rel="noreferrer nofollow">docs</a></p>',
    );
    expect(markdownToHtml('see www.example.com or ana@example.com')).toBe(
      '<p>see <a href="http://www.example.com/" rel="noreferrer nofollow">www.example.com</a> or <a href="mailto:ana@example.com" rel="noreferrer nofollow">ana@example.com</a></p>',
    );
    expect(markdownToHtml('[site][s]\n\n[s]: https://example.org')).toBe(
      '<p><a href="https://example.org/" rel="noreferrer nofollow">site</a></p>',
    );
  });
});

describe('markdownToHtml: untrusted model output', () => {
  it.each(HOSTILE_MARKDOWN)('emits only allowed tags and attributes for %j', (markdown) => {
    const html = markdownToHtml(markdown);
    expect(disallowedTags(html)).toEqual([]);
    expect(html).not.toMatch(/<[^>]*(?:\son\w+\s*=|\sstyle\s*=|\ssrc\s*=)/i);
    expect(html).not.toMatch(/href="(?!https?:|mailto:)/i);
  });

  it('shows raw HTML as the text it is', () => {
    expect(markdownToHtml('before <script>alert(1)</script> after')).toBe('<p>before &lt;script&gt;alert(1)&lt;/script&gt; after</p>');
    expect(markdownToHtml('<img src=x onerror=alert(1)>')).toBe('<p>&lt;img src=x onerror=alert(1)&gt;</p>');
    expect(markdownToHtml('<div style="color:red">\nblock\n</div>')).toBe(
      '<p>&lt;div style=&quot;color:red&quot;&gt;<br>\nblock<br>\n&lt;/div&gt;</p>',
    );
    expect(markdownToHtml('<iframe src="https://evil.example"></iframe>')).toContain('&lt;iframe src=&quot;https://evil.example&quot;&gt;');
  });

  it('keeps links to anything but http, https and mailto as text, showing where they pointed', () => {
    expect(markdownToHtml('[click](javascript:alert(1))')).toBe('<p>click (javascript:alert(1))</p>');
    expect(markdownToHtml('[x](data:text/html;base64,PHNjcmlwdD4=)')).toBe('<p>x (data:text/html;base64,PHNjcmlwdD4=)</p>');
    expect(markdownToHtml('<javascript:alert(1)>')).toBe('<p>javascript:alert(1)</p>');
    // An entity-encoded scheme is not decoded into a working link (a classic sanitizer bypass).
    expect(markdownToHtml('[x](&#106;avascript:alert(1))')).toBe('<p>x (&amp;#106;avascript:alert(1))</p>');
    // Quotes in an address cannot close the attribute (the URL parser keeps them in a host name).
    expect(markdownToHtml('[x](https://ok"onmouseover="alert(1))')).toBe(
      '<p><a href="https://ok&quot;onmouseover=&quot;alert(1)/" rel="noreferrer nofollow">x</a></p>',
    );
  });

  it('never loads an image: a placeholder with the alt text, linked only for a web address', () => {
    expect(markdownToHtml('![Sales chart](https://example.com/chart.png)')).toBe(
      '<p><a class="image" href="https://example.com/chart.png" rel="noreferrer nofollow">[image: Sales chart]</a></p>',
    );
    expect(markdownToHtml('![pixel](data:image/png;base64,AAAA)')).toBe('<p><span class="image">[image: pixel]</span></p>');
    expect(markdownToHtml('![](javascript:alert(1))')).toBe('<p><span class="image">[image: javascript:alert(1)]</span></p>');
    expect(markdownToHtml('![<b>x</b>](https://example.com/a.png)')).toContain('[image: &lt;b&gt;x&lt;/b&gt;]');
  });

  it('escapes quotes and ampersands in text, and does not decode character references into markup', () => {
    expect(markdownToHtml(`Tom & Jerry's "show"`)).toBe('<p>Tom &amp; Jerry&#39;s &quot;show&quot;</p>');
    expect(markdownToHtml('&#60;script&#62;alert(1)&#60;/script&#62;')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('shows pathologically nested Markdown as plain text instead of failing', () => {
    const deep = `${'>'.repeat(100_000)} <script>x</script>`;
    const html = markdownToHtml(deep);
    expect(html.startsWith('<p>&gt;&gt;&gt;')).toBe(true);
    expect(html.endsWith('&lt;script&gt;x&lt;/script&gt;</p>')).toBe(true);
    expect(disallowedTags(html)).toEqual([]);
  });
});

describe('safeLinkHref', () => {
  it('accepts web and mail addresses, normalised', () => {
    expect(safeLinkHref('https://example.com')).toBe('https://example.com/');
    expect(safeLinkHref('HTTP://Example.com/a b')).toBe('http://example.com/a%20b');
    expect(safeLinkHref('mailto:ana@example.com')).toBe('mailto:ana@example.com');
  });

  it.each([
    'javascript:alert(1)',
    ' JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'file:///etc/passwd',
    'ftp://example.com',
    '/relative',
    '//evil.example',
    '#top',
    '&#106;avascript:x',
    '',
  ])('refuses %j', (href) => {
    expect(safeLinkHref(href)).toBeUndefined();
  });
});
