// What may appear as a tag in HTML rendered from a persona's Markdown. Text is escaped, so every
// literal `<` in the output must open one of these, with exactly these attributes: hrefs only to
// web and mail addresses, list starts only as numbers, classes only from a fixed set.

const BARE_TAGS = 'p|em|strong|del|code|pre|blockquote|ul|ol|li|br|hr|table|thead|tbody|tr|th|td|h2|h3|h4|h5|h6';
const SAFE_HREF = 'href="(?:https?|mailto):[^"<>\\s]*" rel="noreferrer nofollow"';
const ALLOWED_MARKDOWN_TAG = new RegExp(
  [
    `^</?(?:${BARE_TAGS})>$`,
    '^<ol start="-?\\d+">$',
    '^<t[hd] class="align-(?:right|center)">$',
    '^<div class="table">$',
    '^</div>$',
    '^<span class="image">$',
    '^</span>$',
    `^<a (?:class="image" )?${SAFE_HREF}>$`,
    '^</a>$',
  ].join('|'),
);

/** Every tag-like run in the HTML that is not an allowed Markdown tag (empty when safe). */
export function disallowedTags(html: string): string[] {
  return [...html.matchAll(/<[^>]*>?/g)].map((m) => m[0]).filter((tag) => !ALLOWED_MARKDOWN_TAG.test(tag));
}

/** Markdown a hostile or careless model might write: raw HTML, script URLs, tracking images. */
export const HOSTILE_MARKDOWN = [
  '<script>alert(1)</script>',
  'before <script>alert(1)</script> after',
  '<img src=x onerror=alert(1)>',
  'text <img src=x onerror=alert(1)> text',
  '<iframe src="https://evil.example"></iframe>',
  '<svg onload=alert(1)>',
  '<div style="position:fixed;inset:0">cover</div>',
  'a <span style="color:red">red</span> word',
  '<style>body{display:none}</style>',
  '<p onclick="alert(1)">hi</p>',
  '<a href="javascript:alert(1)">x</a>',
  '<!-- hidden --><script>alert(1)</script>',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<?php echo 1; ?>',
  '<object data="x.swf"></object><embed src="x.swf"><link rel=stylesheet href="https://evil.example/x.css">',
  '<meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<form action="https://evil.example"><input name=x><button>go</button></form>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](<java\nscript:alert(1)>)',
  '[x](&#106;avascript:alert(1))',
  '[x](&#x6A;avascript&#x3A;alert(1))',
  '[x](java&#x09;script:alert(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[x](vbscript:msgbox(1))',
  '[x](file:///etc/passwd)',
  '[x](//evil.example/relative)',
  '<javascript:alert(1)>',
  '[x]: javascript:alert(1)\n\n[x] and [y][x]',
  '![tracker](https://evil.example/pixel.png)',
  '![svg](data:image/svg+xml,<svg onload=alert(1)>)',
  '![x](javascript:alert(1))',
  '[x](https://ok.example "t\\" onmouseover=\\"alert(1)")',
  '[x](https://ok.example/"onmouseover="alert(1))',
  "[x](https://ok.example/'onmouseover='alert(1))",
  '[x](https://ok.example/><script>alert(1)</script>)',
  '[<img src=x onerror=alert(1)>](https://ok.example)',
  '[![a](javascript:alert(1))](https://ok.example)',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '```"><script>alert(1)</script>\ncode\n```',
  '    <script>alert(1)</script>',
  '| a | b |\n|---|--:|\n| <img src=x onerror=alert(1)> | [x](javascript:alert(1)) |',
  '> <iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '- <b onmouseover=alert(1)>x</b>\n- [ ] <script>',
  '1. x\n2. <svg/onload=alert(1)>',
  '**<u>x</u>** _<i onclick=1>y</i>_ ~~<s>z</s>~~',
  '# <script>alert(1)</script>',
  'Setext <b>\n===',
  '&lt;script&gt;alert(1)&lt;/script&gt; &#60;script&#62;',
  'line<br onclick=alert(1)>break',
];
