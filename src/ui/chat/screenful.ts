import type { MessageRecord } from '../../core/records.js';

// How much of a reopened session the chat draws: as many rows as the terminal has, which is the
// screen above the prompt and status line and a few rows more, plus the whole of the message
// that crosses the top. Everything above that is one command away (the "earlier messages" line
// says which). Drawing more costs the first frame: each message goes through Ink's layout and the
// Markdown renderer once, and the terminal's scrollback is the only place it would go.

export interface ScreenSize {
  rows: number;
  columns: number;
}

/** Always shown, however tall they are: the last question and its answer. */
const AT_LEAST = 2;

/** The fewest rows a message takes (estimatedRows): its blank line and one line of text. */
const FEWEST_ROWS = 2;

/**
 * The most messages messagesForScreen can pick for a terminal of `rows` rows, whatever they say:
 * reading more than this many of a session to draw it is reading what is never drawn.
 */
export function mostMessagesForScreen(rows: number): number {
  return Math.max(AT_LEAST, Math.ceil(Math.max(1, rows) / FEWEST_ROWS));
}

/**
 * How many of `messages` (counted from the newest) fill the terminal's rows. The height of each is estimated from its text (wrapped at the terminal's width, plus its margin and
 * name line), without rendering it: counting UTF-16 units undercounts wide characters, which
 * only ever shows a message more.
 */
export function messagesForScreen(messages: readonly MessageRecord[], screen: ScreenSize): number {
  const wanted = Math.max(1, screen.rows);
  let used = 0;
  let count = 0;
  for (let i = messages.length - 1; i >= 0 && (used < wanted || count < AT_LEAST); i--) {
    used += estimatedRows(messages[i]!, screen.columns);
    count++;
  }
  return count;
}

/** Rows a message takes in the transcript: a blank line above, a name line for a reply, its wrapped text. */
export function estimatedRows(message: MessageRecord, columns: number): number {
  // A user message has a bar and a space before it; a reply is indented by two and kept off the edge.
  const width = Math.max(10, columns - (message.role === 'user' ? 2 : 3));
  const chrome = message.role === 'user' ? 1 : 2;
  const notice = message.status === 'complete' ? 0 : 1;
  return chrome + notice + wrappedRows(message.content, width);
}

function wrappedRows(text: string, width: number): number {
  let rows = 0;
  for (const line of text.replace(/\s+$/, '').split('\n')) rows += Math.max(1, Math.ceil(line.length / width));
  return rows;
}
