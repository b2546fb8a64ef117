import { sanitizeInline, sanitizeText } from '../core/sanitize.js';
import { audioUrl, formatTimestamp, headerFields, messageNotes, speakerLabel, transcriptTitle } from './header.js';
import type { Transcript } from './types.js';

// For people: read in an editor, with `cat`, or rendered. Terminal escape sequences are stripped
// (people cat these files); message text is otherwise kept as written, since replies are
// themselves markdown. Names and labels are escaped so a persona called `*Bob*` stays literal.

/** Characters that would start emphasis, code, a link, raw HTML or a table cell in one line. */
function inline(text: string): string {
  return sanitizeInline(text).replace(/[\\`*_[\]<>|~]/g, (ch) => `\\${ch}`);
}

export function renderMarkdown(transcript: Transcript): string {
  const lines = [`# ${inline(transcriptTitle(transcript))}`, ''];
  for (const field of headerFields(transcript)) lines.push(`- **${field.label}:** ${inline(field.value)}`);
  lines.push('', '---', '');
  for (const message of transcript.messages) {
    const meta = [`**${inline(speakerLabel(message, transcript))}**`, inline(formatTimestamp(message.createdAt))];
    for (const note of messageNotes(message)) meta.push(`_${inline(note)}_`);
    const audio = audioUrl(message);
    if (audio) meta.push(`[audio](<${audio}>)`);
    const content = sanitizeText(message.content).trim();
    lines.push(meta.join(' · '), '', content === '' ? '_(no text)_' : content, '');
  }
  if (transcript.messages.length === 0) lines.push('_No messages._', '');
  return lines.join('\n');
}
