import { setFlagsFromString } from 'node:v8';
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

let inkChatModules: ReturnType<typeof importInkChat> | undefined;

function importInkChat() {
  return Promise.all([
    import('../../ui/mount-chat.js'),
    import('../../ui/markdown/highlight.js'),
    import('../../ui/markdown/lexer.js'),
    import('../../ui/chat/chat-start.js'),
    import('../../ui/markdown/needs.js'),
  ]);
}

/** The chat UI's modules, loaded once (preloadInkChat may have started it). */
function loadInkChat(): ReturnType<typeof importInkChat> {
  letInkRenderLive();
  inkChatModules ??= importInkChat();
  return inkChatModules;
}

/**
 * Starts loading the chat UI while the caller opens the database and loads the persona, and for
 * a reopened session the Markdown parser its transcript almost always needs: the module files are
 * then read while the main thread works, not one dynamic import after another before the first
 * frame. A failure here is reported by runInkChat, which awaits the same load.
 */
export function preloadInkChat(reopening: boolean): void {
  const loading = loadInkChat();
  if (reopening) void loading.then(([, , { loadMarkdownParser }]) => loadMarkdownParser()).catch(() => undefined);
  else loading.catch(() => undefined);
}

/**
 * V8 runs a regular expression's first matches in its bytecode interpreter and compiles it to
 * machine code only once it proves hot. The chat's are all hot (Markdown, widths, the sanitizer
 * run on every frame and delta), and the interpreter is slow on Markdown's large block patterns:
 * the first frame's Markdown took 80-170 ms with it, 20-40 ms without (measured with marked's
 * lexer on a reopened session's last replies). The flag only changes when a pattern is compiled.
 */
function compileRegexpsToMachineCode(): void {
  setFlagsFromString('--no-regexp-tier-up');
}

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
  compileRegexpsToMachineCode();
  const [{ mountChat }, { loadHighlighter }, { loadMarkdownParser }, { chatStart }, { hasLanguageFence, mayBeMarkdown }] =
    await loadInkChat();
  // The end of a reopened session, as much of it as fills the terminal (and some).
  const screen = { rows: process.stdout.rows || 24, columns: process.stdout.columns || 80 };
  const start = chat ? chatStart(chat.engine, chat.persona, chat.reopened, screen) : undefined;
  // What the first frame draws goes into <Static> once, so the Markdown parser and the grammars
  // it needs must be in before it; whatever it does not need loads in the background afterwards.
  const drawn =
    start?.intro.flatMap((item) => (item.kind === 'persona' || (item.kind === 'text' && item.markdown) ? [item.text] : [])) ?? [];
  await Promise.all([
    drawn.some(mayBeMarkdown) ? loadMarkdownParser() : undefined,
    drawn.some(hasLanguageFence) ? loadHighlighter() : undefined,
  ]);

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
