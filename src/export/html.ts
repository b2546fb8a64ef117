import { sanitizeInline, sanitizeText } from '../core/sanitize.js';
import { audioUrl, formatTimestamp, headerFields, messageNotes, speakerLabel, transcriptTitle } from './header.js';
import type { Transcript } from './types.js';

// One self-contained page: inline CSS, no scripts, no external resources, and a CSP that forbids
// both, so even a mistake in escaping could not run code or call home. Every piece of content is
// escaped. Control characters and bidi overrides are removed first: they are not allowed in HTML
// text and overrides can reorder what a reader sees.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

const inline = (text: string): string => escapeHtml(sanitizeInline(text));

const STYLE = `
:root { color-scheme: light dark; --muted: #6b7280; --user: #eef2ff; --persona: #f3f4f6; --warn: #b45309; }
@media (prefers-color-scheme: dark) { :root { --muted: #9ca3af; --user: #1e1b4b; --persona: #1f2937; --warn: #f59e0b; } }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; }
main { max-width: 46rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 2rem; color: var(--muted); }
dt { font-weight: 600; }
dd { margin: 0; overflow-wrap: anywhere; }
ol { list-style: none; padding: 0; margin: 0; }
li { border-radius: .75rem; padding: .75rem 1rem; margin: 0 0 1rem; }
li.user { background: var(--user); margin-left: 3rem; }
li.persona { background: var(--persona); margin-right: 3rem; }
.meta { font-size: .85rem; color: var(--muted); margin-bottom: .25rem; }
.speaker { font-weight: 600; }
.note { color: var(--warn); }
.content { white-space: pre-wrap; overflow-wrap: anywhere; }
.empty { font-style: italic; color: var(--muted); }
`;

export function renderHtml(transcript: Transcript): string {
  const title = inline(transcriptTitle(transcript));
  const fields = headerFields(transcript)
    .map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${inline(f.value)}</dd>`)
    .join('\n');
  const messages = transcript.messages.map((message) => {
    const notes = messageNotes(message)
      .map((note) => ` · <span class="note">${inline(note)}</span>`)
      .join('');
    const audio = audioUrl(message);
    const audioLink = audio ? ` · <a class="audio" href="${escapeHtml(audio)}">audio</a>` : '';
    const content = sanitizeText(message.content).trim();
    const body = content === '' ? '<div class="content empty">(no text)</div>' : `<div class="content">${escapeHtml(content)}</div>`;
    return [
      `<li class="${message.role === 'user' ? 'user' : 'persona'}">`,
      `<div class="meta"><span class="speaker">${inline(speakerLabel(message, transcript))}</span> · `,
      `<time datetime="${escapeHtml(message.createdAt)}">${inline(formatTimestamp(message.createdAt))}</time>${notes}${audioLink}</div>`,
      body,
      '</li>',
    ].join('');
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="persona-chat">
<title>${title}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${title}</h1>
<dl>
${fields}
</dl>
</header>
${messages.length > 0 ? `<ol>\n${messages.join('\n')}\n</ol>` : '<p class="empty">No messages.</p>'}
</main>
</body>
</html>
`;
}
