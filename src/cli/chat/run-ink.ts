import type { ChatEngine } from '../../chat/engine.js';
import type { Persona } from '../../persona/schema.js';
import type { ChatOutcome } from '../../ui/ChatApp.js';
import type { ReopenedSession } from '../../ui/chat/chat-start.js';
import type { ChatServices } from '../../ui/services.js';
import { keepStylesWithoutColour, letInkRenderLive } from '../../ui/interactive-terminal.js';
import { saveOnSignal } from './save-on-signal.js';

export interface InkChatStart {
  engine: ChatEngine;
  persona: Persona;
  /** A reopened session: its last messages, shown as its transcript, its length and totals. */
  reopened: ReopenedSession;
}

// Ink and React load here, and only here: the rest of the CLI never pays for them.

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

/**
 * Runs the Ink chat until the user quits. `afterFirstFrame` runs once the first frame is drawn:
 * work the user does not need to see the prompt (opening the database) waits until then.
 */
export async function runInkChat(
  services: ChatServices,
  chat: InkChatStart | undefined,
  afterFirstFrame: () => void,
): Promise<ChatOutcome> {
  letInkRenderLive();
  keepStylesWithoutColour();
  const [{ mountChat }, { loadHighlighter }, { loadMarkdownParser }, { chatStart }] = await Promise.all([
    import('../../ui/mount-chat.js'),
    import('../../ui/markdown/highlight.js'),
    import('../../ui/markdown/lexer.js'),
    import('../../ui/chat/chat-start.js'),
  ]);
  const start = chat ? chatStart(chat.engine, chat.persona, chat.reopened) : undefined;
  // A reopened transcript renders once, in <Static>: have the Markdown parser and the grammars
  // ready for it. Otherwise they load in the background while the user types.
  // So does a greeting written in Markdown (cards' first messages often use *actions*).
  const markdownGreeting = start?.intro.some((item) => item.kind === 'persona' && /[*_`#|[]/.test(item.text));
  if (start && ((chat?.reopened.messages.length ?? 0) > 0 || markdownGreeting))
    await Promise.all([loadMarkdownParser(), loadHighlighter()]);

  let outcome: ChatOutcome = { sessionId: undefined };
  // Pastes arrive framed, so a pasted line break is text, not Enter.
  process.stdout.write(BRACKETED_PASTE_ON);
  const stopSaving = saveOnSignal(() => process.stdout.write(BRACKETED_PASTE_OFF));
  const app = mountChat(services, start, (o) => (outcome = o));
  setTimeout(() => {
    afterFirstFrame();
    void loadMarkdownParser();
    void loadHighlighter();
  }, 0);
  try {
    await app.waitUntilExit();
  } finally {
    stopSaving();
    process.stdout.write(BRACKETED_PASTE_OFF);
  }
  return outcome;
}
