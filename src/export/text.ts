import { sanitizeInline, sanitizeText } from '../core/sanitize.js';
import { formatTimestamp, headerFields, messageNotes, speakerLabel, transcriptTitle } from './header.js';
import type { Transcript } from './types.js';

// Plain text for `cat`, `less` and pasting into mail: no markup at all, terminal escape sequences
// stripped so the file cannot act on the terminal that displays it.

const RULE = '-'.repeat(60);

export function renderText(transcript: Transcript): string {
  const title = sanitizeInline(transcriptTitle(transcript));
  const fields = headerFields(transcript);
  const width = Math.max(...fields.map((f) => f.label.length)) + 1;
  const lines = [title, '='.repeat(title.length)];
  for (const field of fields) lines.push(`${`${field.label}:`.padEnd(width)} ${sanitizeInline(field.value)}`);
  lines.push('', RULE);
  for (const message of transcript.messages) {
    const meta = [speakerLabel(message, transcript), formatTimestamp(message.createdAt), ...messageNotes(message)];
    if (message.audioPath) meta.push(`audio: ${message.audioPath}`);
    const content = sanitizeText(message.content).trim();
    lines.push('', meta.map(sanitizeInline).join(' · '), content === '' ? '(no text)' : content);
  }
  if (transcript.messages.length === 0) lines.push('', '(no messages)');
  return `${lines.join('\n')}\n`;
}
