import { Marked, type Token, type Tokens } from 'marked';
import { escapeHtml } from './html-escape.js';
import { safeLinkHref } from './safe-link.js';

// A persona's reply (model output, untrusted) as HTML. marked only tokenizes; the HTML is written
// here from an allow-list of token types, so nothing in the reply can choose a tag or an attribute:
// raw HTML in the Markdown is shown as text, every piece of text is escaped, the only attributes
// written are a checked href, a numeric list start and fixed class names. Images are never
// loaded: they become a "[image: alt]" placeholder, a link when the address is a web address.

// Its own instance, so a marked.use() anywhere else in the process cannot change what exports emit.
const parser = new Marked({ gfm: true });

/** The Markdown as HTML block elements (paragraphs, lists, tables...), every piece of text escaped. */
export function markdownToHtml(markdown: string): string {
  try {
    return renderBlocks(parser.lexer(markdown));
  } catch {
    // The parser and this renderer recurse; pathological nesting (thousands of `>` or `*`) can
    // exhaust the stack. Such a reply is still shown, as plain text.
    return `<p>${textWithBreaks(markdown)}</p>`;
  }
}

function renderBlocks(tokens: readonly Token[]): string {
  return tokens
    .map(renderBlock)
    .filter((html) => html !== '')
    .join('\n');
}

function renderBlock(token: Token): string {
  switch (token.type) {
    case 'space':
    case 'def': // a link reference definition: marked has already resolved the links that use it
      return '';
    case 'paragraph':
      return `<p>${renderInline((token as Tokens.Paragraph).tokens)}</p>`;
    case 'text': {
      // Tight list items hold their text without a paragraph.
      const text = token as Tokens.Text;
      return text.tokens ? renderInline(text.tokens) : textWithBreaks(text.text);
    }
    case 'heading': {
      // The page title is the h1; a reply's own headings sit below it.
      const heading = token as Tokens.Heading;
      const level = Math.min(heading.depth + 1, 6);
      return `<h${level}>${renderInline(heading.tokens)}</h${level}>`;
    }
    case 'code':
      return `<pre><code>${escapeHtml((token as Tokens.Code).text)}</code></pre>`;
    case 'blockquote':
      return `<blockquote>\n${renderBlocks((token as Tokens.Blockquote).tokens)}\n</blockquote>`;
    case 'list':
      return renderList(token as Tokens.List);
    case 'checkbox':
      return checkboxMark(token as Tokens.Checkbox);
    case 'table':
      return renderTable(token as Tokens.Table);
    case 'hr':
      return '<hr>';
    case 'html':
      // Raw HTML is shown as the text it is, never interpreted.
      return `<p>${textWithBreaks((token as Tokens.HTML).text.replace(/\n+$/, ''))}</p>`;
    default:
      return `<p>${textWithBreaks(token.raw.replace(/\n+$/, ''))}</p>`;
  }
}

function renderList(list: Tokens.List): string {
  const tag = list.ordered ? 'ol' : 'ul';
  const start =
    list.ordered && typeof list.start === 'number' && Number.isSafeInteger(list.start) && list.start !== 1 ? ` start="${list.start}"` : '';
  const items = list.items.map((item) => `<li>${renderBlocks(item.tokens)}</li>`);
  return `<${tag}${start}>\n${items.join('\n')}\n</${tag}>`;
}

function renderTable(table: Tokens.Table): string {
  const cell = (tag: 'th' | 'td', c: Tokens.TableCell) => `<${tag}${alignClass(c.align)}>${renderInline(c.tokens)}</${tag}>`;
  const head = `<thead>\n<tr>${table.header.map((c) => cell('th', c)).join('')}</tr>\n</thead>`;
  const rows = table.rows.map((row) => `<tr>${row.map((c) => cell('td', c)).join('')}</tr>`);
  const body = rows.length > 0 ? `\n<tbody>\n${rows.join('\n')}\n</tbody>` : '';
  // The wrapper scrolls a wide table sideways on a narrow screen instead of widening the page.
  return `<div class="table">\n<table>\n${head}${body}\n</table>\n</div>`;
}

function alignClass(align: Tokens.TableCell['align']): string {
  return align === 'right' || align === 'center' ? ` class="align-${align}"` : '';
}

function renderInline(tokens: readonly Token[] | undefined): string {
  return (tokens ?? []).map(renderInlineToken).join('');
}

function renderInlineToken(token: Token): string {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? renderInline(text.tokens) : textWithBreaks(text.text);
    }
    case 'strong':
      return `<strong>${renderInline((token as Tokens.Strong).tokens)}</strong>`;
    case 'em':
      return `<em>${renderInline((token as Tokens.Em).tokens)}</em>`;
    case 'del':
      return `<del>${renderInline((token as Tokens.Del).tokens)}</del>`;
    case 'codespan':
      return `<code>${escapeHtml((token as Tokens.Codespan).text)}</code>`;
    case 'br':
      return '<br>';
    case 'link':
      return renderLink(token as Tokens.Link);
    case 'image':
      return renderImage(token as Tokens.Image);
    case 'checkbox':
      return checkboxMark(token as Tokens.Checkbox);
    case 'escape':
    case 'html':
      return textWithBreaks((token as Tokens.Escape | Tokens.Tag).text);
    default:
      return textWithBreaks(token.raw);
  }
}

function renderLink(link: Tokens.Link): string {
  const label = renderInline(link.tokens);
  const href = safeLinkHref(link.href);
  if (href !== undefined) return `<a href="${escapeHtml(href)}" rel="noreferrer nofollow">${label}</a>`;
  // Not clickable, but the reader still sees where it pointed.
  return link.text === link.href ? label : `${label} (${escapeHtml(link.href)})`;
}

function renderImage(image: Tokens.Image): string {
  const placeholder = `[image: ${escapeHtml(image.text || image.href)}]`;
  const href = safeLinkHref(image.href);
  if (href === undefined) return `<span class="image">${placeholder}</span>`;
  return `<a class="image" href="${escapeHtml(href)}" rel="noreferrer nofollow">${placeholder}</a>`;
}

function checkboxMark(checkbox: Tokens.Checkbox): string {
  return checkbox.checked ? '☑ ' : '☐ ';
}

/** Escaped text whose line breaks stay line breaks, as the chat shows them. */
function textWithBreaks(text: string): string {
  return escapeHtml(text).replace(/\n/g, '<br>\n');
}
