import { createInterface } from 'node:readline';
import type { Config } from '../../core/config.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { resolvePersona } from '../../persona/loader.js';
import { GroupConversation } from '../../research/group/group-conversation.js';
import { parseParticipantIds } from '../../research/group/moderator-guide.js';
import type { GroupStore } from '../../chat/chat-store.js';
import type { SessionRecord } from '../../core/records.js';
import type { ReopenedSession } from '../../ui/chat/chat-start.js';
import type { ChatServices } from '../../ui/services.js';
import { parseGroupInput } from '../../ui/group/group-input.js';
import type { ModelFlags } from '../engine-setup.js';
import { groupMembers } from '../group/group-members.js';
import { GroupPrinter } from '../group/group-printer.js';
import { abortOnInterrupt } from '../interrupt.js';
import { colorFor, sanitizeInline } from '../output.js';
import type { ChatOptions } from './chat-options.js';
import { commandHint } from '../../core/invocation.js';

// `persona chat a,b,c`: a group chat in which the user moderates. On a terminal it is the Ink
// group screen; piped, every input line is a moderator message and the transcript prints.

export interface GroupChatSetup {
  ids: string;
  /** A saved group session to go on with (--session, --continue). */
  session?: SessionRecord;
  /** That session's end (not the whole of it), its length and totals, as openChat read them. */
  reopened?: ReopenedSession;
  options: ChatOptions;
  flags: ModelFlags;
  config: Config;
  store: GroupStore;
  services: ChatServices;
  interactive: boolean;
  paceMs: number;
}

export async function runGroupChat(setup: GroupChatSetup): Promise<void> {
  if (!setup.session && (setup.options.continue || setup.options.session)) {
    throw new UsageError('persona chat a,b,c starts a new group', 'go on with an earlier one: persona chat --session <id>');
  }
  const personas = parseParticipantIds(setup.ids).map((ref) => resolvePersona(ref));
  const members = await groupMembers(personas, {
    flags: setup.flags,
    store: setup.store,
    config: setup.config,
    paceMs: setup.paceMs,
    overBudget: setup.options.overBudget,
  });
  const group = new GroupConversation({
    store: setup.store,
    members,
    order: setup.flags.seed === undefined ? { kind: 'round-robin' } : { kind: 'shuffled', seed: setup.flags.seed },
    session: setup.session,
  });
  if (!setup.interactive) {
    process.exitCode = await lineGroupChat(group, setup.services);
    return;
  }
  // Before Ink loads: it reads CI once, at load, and would render only the last frame.
  const { letInkRenderLive, keepStylesWithoutColour } = await import('../../ui/interactive-terminal.js');
  letInkRenderLive();
  keepStylesWithoutColour();
  const [{ mountGroupChat }, { loadMarkdownParser }, { loadHighlighter }, { messagesForScreen }, { hasLanguageFence, mayBeMarkdown }] =
    await Promise.all([
      import('../../ui/group/mount-group-chat.js'),
      import('../../ui/markdown/lexer.js'),
      import('../../ui/markdown/highlight.js'),
      import('../../ui/chat/screenful.js'),
      import('../../ui/markdown/needs.js'),
    ]);
  let sessionId: string | undefined;
  // A reopened group draws its end as a one-to-one chat does: what fills the terminal, and a line
  // counting the rest. The Markdown parser and grammars it needs load before it is drawn (once).
  const reopened = setup.session ? setup.reopened : undefined;
  const screen = { rows: process.stdout.rows || 24, columns: process.stdout.columns || 80 };
  const shown = reopened ? reopened.messages.slice(-messagesForScreen(reopened.messages, screen)) : [];
  const texts = shown.filter((m) => m.role === 'persona').map((m) => m.content);
  await Promise.all([
    texts.some(mayBeMarkdown) ? loadMarkdownParser() : undefined,
    texts.some(hasLanguageFence) ? loadHighlighter() : undefined,
  ]);
  const history = {
    messages: shown,
    hidden: (reopened?.total ?? 0) - shown.length,
    totals: reopened?.totals,
    sessionId: setup.session?.id,
  };
  const app = mountGroupChat(setup.services, group, history, (id) => (sessionId = id));
  setTimeout(() => {
    void setup.services.ready().catch(() => undefined);
    void loadMarkdownParser();
    void loadHighlighter();
  }, 0);
  await app.waitUntilExit();
  if (sessionId && setup.options.save) {
    const dim = colorFor(process.stdout).dim;
    process.stdout.write(`${dim(commandHint(`Group session ${sessionId} is saved. Read it with: persona sessions show ${sessionId}`))}\n`);
  }
}

/** Piped: one moderator message per line (`/to <id> …` asks one participant), the transcript on stdout. */
async function lineGroupChat(group: GroupConversation, services: ChatServices): Promise<number> {
  const printer = new GroupPrinter(group.speakers, { json: false });
  const interrupt = abortOnInterrupt();
  const err = colorFor(process.stderr);
  try {
    await services.ready();
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (interrupt.signal.aborted) break;
      const input = parseGroupInput(line);
      if (input.kind === 'say' && input.text === '') continue;
      if (input.kind === 'command' && input.name === 'quit') break;
      if (input.kind !== 'say' && input.kind !== 'to') {
        process.stderr.write(`${err.yellow('note:')} skipped "${sanitizeInline(line)}" (piped, a line is a message or /to <id> …)\n`);
        continue;
      }
      for await (const event of group.say(input.text, {
        signal: interrupt.signal,
        to: input.kind === 'to' ? input.ref : undefined,
        inputMode: 'script',
      })) {
        printer.handle(event);
      }
    }
  } finally {
    interrupt.dispose();
  }
  const { outcome } = printer;
  for (const { speaker, error } of outcome.failed) {
    process.stderr.write(`${err.red('error:')} ${sanitizeInline(error.message)} (${sanitizeInline(speaker.name)})\n`);
  }
  if (outcome.sessionId) process.stderr.write(err.dim(`saved as group session ${outcome.sessionId}\n`));
  return outcome.failed.length > 0 ? ExitCode.provider : interrupt.signal.aborted ? ExitCode.interrupted : ExitCode.ok;
}
