import { sanitizeInline, sanitizeText } from '../core/sanitize.js';
import { audioUrl, formatTimestamp, headerFields, messageNotes, speakerLabel, transcriptTitle } from './header.js';
import { escapeHtml } from './html-escape.js';
import { HTML_EXPORT_STYLE } from './html-style.js';
import { markdownToHtml } from './markdown-html.js';
import type { Transcript } from './types.js';
import type { MessageRecord } from '../core/records.js';

// One self-contained page: inline CSS, no scripts, no external resources, and a CSP that forbids
// both, so even a mistake in escaping could not run code or call home. Every piece of content is
// escaped. Control characters and bidi overrides are removed first: they are not allowed in HTML
// text and overrides can reorder what a reader sees. Persona replies are Markdown, as the chat
// draws them (see markdown-html.ts for what may come out of one); what the user typed is shown
// exactly as typed.

const inline = (text: string): string => escapeHtml(sanitizeInline(text));

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
    const body = messageBody(message);
    return [
      `<li class="${message.role === 'user' ? 'user' : 'persona'}"${message.speakerId ? ` data-speaker="${escapeHtml(message.speakerId)}"` : ''}>`,
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
<style>${HTML_EXPORT_STYLE}</style>
</head>
<body>
<main>
<header>
<h1>${title}</h1>
<dl>
${fields}
</dl>
</header>
${messages.length > 0 ? `<ol class="messages">\n${messages.join('\n')}\n</ol>` : '<p class="empty">No messages.</p>'}
</main>
</body>
</html>
`;
}

function messageBody(message: MessageRecord): string {
  const content = sanitizeText(message.content);
  if (content.trim() === '') return '<div class="content empty">(no text)</div>';
  if (message.role === 'user') return `<div class="content plain">${escapeHtml(content.trim())}</div>`;
  // Only blank lines are dropped at the start: leading spaces can make an indented code block.
  return `<div class="content markdown">\n${markdownToHtml(content.replace(/^(?:[ \t]*\n)+/, '').trimEnd())}\n</div>`;
}
